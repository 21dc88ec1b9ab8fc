//! The first page: the Bass chart is drawn, the Web Worker answers, nothing is logged as an error.

use crate::session::Session;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_page_draws_the_chart_and_the_worker_answers() {
    let session = Session::open("/").await;
    let canvas = session.wait_for("canvas#chart-bass").await;
    let width: u32 = canvas.attr("width").await.unwrap().unwrap_or_default().parse().unwrap_or(0);
    assert!(width >= 320, "the chart canvas was not sized by the draw code (width = {width})");

    // The worker computes F at month 120 with the engine; the page must show exactly the engine's number.
    let f120 = rollout_engine::bass::cumulative_adoption(0.03, 0.38, 10.0);
    session.wait_for_text("#worker-status", &format!("Worker ready: F(120) = {f120:.4}")).await;
    assert_eq!(session.text("h1").await, "Rollout Lab");

    let shot = session.screenshot("first-page").await;
    assert!(std::fs::metadata(&shot).map(|m| m.len() > 1000).unwrap_or(false), "empty screenshot at {}", shot.display());
    session.finish().await;
}
