//! Tests of the harness itself: the checks the page tests rely on must really fail when they should.

use crate::server::mime_type;
use crate::session::Session;
use std::path::Path;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_errors_are_caught_from_the_page_and_from_workers() {
    let session = Session::open("/").await;
    session.wait_for("#preset").await;
    assert!(session.console_errors().await.is_empty(), "the page should start clean");
    session.js("console.error('e2e-probe: page error'); return null;").await;
    session.js("setTimeout(() => { throw new Error('e2e-probe: uncaught'); }, 0); return null;").await;
    session
        .js("new Worker(URL.createObjectURL(new Blob([\"console.error('e2e-probe: worker error')\"]))); return null;")
        .await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut errors = session.console_errors().await;
    while errors.iter().filter(|e| e.contains("e2e-probe")).count() < 3 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        errors = session.console_errors().await;
    }
    assert!(
        errors.iter().any(|e| e.contains("e2e-probe: worker error")),
        "a Web Worker's console.error was not captured: {errors:?}"
    );
    assert!(errors.iter().any(|e| e.contains("e2e-probe: page error")), "console.error was not captured: {errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("e2e-probe: uncaught")),
        "an uncaught exception was not captured: {errors:?}"
    );
    let result = tokio::spawn(async move { session.finish().await }).await;
    assert!(result.is_err(), "finish() must fail a test whose page logged console errors");
}

#[test]
fn static_server_sends_the_mime_types_browsers_require() {
    assert_eq!(mime_type(Path::new("a_bg.wasm")), "application/wasm");
    assert_eq!(mime_type(Path::new("a.js")), "text/javascript; charset=utf-8");
    assert_eq!(mime_type(Path::new("index.html")), "text/html; charset=utf-8");
    assert_eq!(mime_type(Path::new("style-123.css")), "text/css; charset=utf-8");
}
