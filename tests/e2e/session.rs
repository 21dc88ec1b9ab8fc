//! `Session`: one headless Chromium, driven over WebDriver, looking at the release build in `dist/`.
//!
//! Every session gets its own static server, chromedriver and browser profile, so tests can run in parallel.
//! Console output is collected through chromedriver's browser log (`goog:loggingPrefs = {browser: ALL}`),
//! which records `console.error`, uncaught exceptions, Rust panics (via `console_error_panic_hook`) and failed
//! resource loads as `SEVERE` entries. `finish()` fails the test on any of them.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

use crate::server::StaticServer;
use crate::webdriver::{self, ChromeDriver};

/// How long `wait_for*` waits before failing.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Chromium flags that work headless, as root, in a container, with no network beyond loopback.
pub const CHROMIUM_ARGS: [&str; 9] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
];

/// One browser log line from chromedriver.
#[derive(Clone, Debug)]
pub struct LogEntry {
    pub level: String,
    pub message: String,
}

pub struct Session {
    pub client: Client,
    pub server: StaticServer,
    driver: ChromeDriver,
    session_id: String,
    profile: PathBuf,
    log: Mutex<Vec<LogEntry>>,
    closed: bool,
}

/// The repository root (this test is compiled from the root package).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `$E2E_DIST`, else `<repo>/dist`: the output of `trunk build --release --offline`.
pub fn dist_dir() -> PathBuf {
    let dist = std::env::var_os("E2E_DIST").map(PathBuf::from).unwrap_or_else(|| repo_root().join("dist"));
    assert!(
        dist.join("index.html").is_file(),
        "e2e: {} has no index.html; build the app first with `trunk build --release --offline` (bash scripts/test.sh does)",
        dist.display()
    );
    dist
}

/// `<target dir>/e2e`, where screenshots go.
pub fn artifacts_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| repo_root().join("target"));
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).expect("e2e: cannot create the artifacts directory");
    dir
}

fn fresh_profile_dir() -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("rollout-lab-e2e-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("e2e: cannot create a Chromium profile directory");
    dir
}

impl Session {
    /// Serves `dist/`, starts chromedriver and headless Chromium, and loads `path` (e.g. `"/"`).
    pub async fn open(path: &str) -> Session {
        let server = StaticServer::start(&dist_dir()).await;
        let driver = tokio::task::spawn_blocking(ChromeDriver::start).await.expect("e2e: chromedriver start panicked");
        let profile = fresh_profile_dir();
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|a| a.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": webdriver::chromium_path(), "args": args },
            "goog:loggingPrefs": { "browser": "ALL" },
        });
        let Value::Object(capabilities) = capabilities else { unreachable!() };
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| panic!("e2e: chromedriver could not start Chromium: {e}"));
        let session_id = client.session_id().await.ok().flatten().expect("e2e: WebDriver session has no id");
        let session =
            Session { client, server, driver, session_id, profile, log: Mutex::new(Vec::new()), closed: false };
        session.goto(path).await;
        session
    }

    /// The chromedriver process's id: this session's browser processes are its descendants.
    pub fn driver_pid(&self) -> u32 {
        self.driver.pid()
    }

    /// Absolute URL of `path` on the static server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.server.base_url, path)
    }

    pub async fn goto(&self, path: &str) {
        let url = self.url(path);
        self.client.goto(&url).await.unwrap_or_else(|e| panic!("e2e: cannot load {url}: {e}"));
    }

    /// Waits until an element matching `css` exists, then returns it.
    pub async fn wait_for(&self, css: &str) -> Element {
        match self.client.wait().at_most(TIMEOUT).every(Duration::from_millis(100)).for_element(Locator::Css(css)).await
        {
            Ok(element) => element,
            Err(e) => panic!("e2e: `{css}` did not appear within {TIMEOUT:?} ({e}){}", self.diagnostics().await),
        }
    }

    /// The visible text of the first element matching `css` (waits for it to exist).
    pub async fn text(&self, css: &str) -> String {
        let element = self.wait_for(css).await;
        element.text().await.unwrap_or_else(|e| panic!("e2e: cannot read the text of `{css}`: {e}"))
    }

    /// Waits until the text of `css` equals `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last == expected {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "e2e: `{css}` never read {expected:?} within {TIMEOUT:?}; last text {last:?}{}",
            self.diagnostics().await
        );
    }

    /// Waits until the JavaScript expression `condition` is true in the page; `what` names it for the failure.
    pub async fn wait_until(&self, condition: &str, what: &str) {
        self.wait_until_within(condition, what, TIMEOUT).await;
    }

    /// [`Session::wait_until`] with its own time limit (for long work, such as a whole study).
    pub async fn wait_until_within(&self, condition: &str, what: &str, limit: Duration) {
        let script = format!("return Boolean({condition});");
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.js(&script).await.as_bool() == Some(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("e2e: {what} did not happen within {limit:?}{}", self.diagnostics().await);
    }

    /// Types `text` into the field at `css` and commits it, as leaving the field does (a `change` event).
    pub async fn set_field(&self, css: &str, text: &str) {
        let script = "const el = document.querySelector(arguments[0]); el.value = arguments[1]; \
                      el.dispatchEvent(new Event('change', { bubbles: true })); return true;";
        self.client
            .execute(script, vec![css.into(), text.into()])
            .await
            .unwrap_or_else(|e| panic!("e2e: cannot set {css}: {e}"));
    }

    /// Waits until all `replicates` of the page's current run have arrived.
    pub async fn wait_for_complete_run(&self, replicates: u32) {
        self.wait_for_text("#run-progress-text", &format!("{replicates} of {replicates} replicates")).await;
    }

    /// Runs JavaScript in the page and returns its result.
    pub async fn js(&self, script: &str) -> Value {
        self.client.execute(script, vec![]).await.unwrap_or_else(|e| panic!("e2e: script failed: {e}\n{script}"))
    }

    /// Every browser log entry so far (drains chromedriver's buffer into ours).
    pub async fn console_log(&self) -> Vec<LogEntry> {
        let (port, path) = (self.driver.port, format!("/session/{}/se/log", self.session_id));
        let fetched = tokio::task::spawn_blocking(move || {
            webdriver::request(port, "POST", &path, Some(&json!({ "type": "browser" })))
        })
        .await
        .expect("e2e: log request panicked")
        .unwrap_or_else(|e| panic!("e2e: cannot read the browser log from chromedriver: {e}"));
        let entries =
            fetched["value"].as_array().unwrap_or_else(|| panic!("e2e: unexpected browser log reply: {fetched}"));
        let mut log = self.log.lock().unwrap();
        log.extend(entries.iter().map(|e| LogEntry {
            level: e["level"].as_str().unwrap_or("").to_string(),
            message: e["message"].as_str().unwrap_or("").to_string(),
        }));
        log.clone()
    }

    /// Console errors, uncaught exceptions, panics and failed loads seen so far.
    pub async fn console_errors(&self) -> Vec<String> {
        self.console_log().await.into_iter().filter(|e| e.level == "SEVERE").map(|e| e.message).collect()
    }

    /// Resources the page loaded from anywhere but our loopback server (none expected).
    pub async fn off_loopback_requests(&self) -> Vec<String> {
        let script = "return performance.getEntriesByType('resource').map(e => e.name)\
                      .concat([location.href]).filter(n => !n.startsWith(arguments[0]) && !n.startsWith('blob:') && !n.startsWith('data:'));";
        let value =
            self.client.execute(script, vec![json!(self.server.base_url)]).await.expect("e2e: cannot list resources");
        serde_json::from_value(value).unwrap_or_default()
    }

    /// Emulates a CSS media type (`"print"`, or `""` for the screen again) through chromedriver's DevTools
    /// endpoint, so a screenshot shows the print style sheet.
    pub async fn emulate_media(&self, media: &str) {
        self.devtools("Emulation.setEmulatedMedia", json!({ "media": media })).await;
    }

    /// Makes the page report `cores` processors (`navigator.hardwareConcurrency`) from its next load on, so
    /// the page starts that many replicate workers after a reload.
    pub async fn emulate_cores(&self, cores: u32) {
        self.devtools("Emulation.setHardwareConcurrencyOverride", json!({ "hardwareConcurrency": cores })).await;
    }

    /// Sends one DevTools command through chromedriver's endpoint; fails the test if it is refused.
    async fn devtools(&self, cmd: &'static str, params: Value) {
        let (port, path) = (self.driver.port, format!("/session/{}/goog/cdp/execute", self.session_id));
        let body = json!({ "cmd": cmd, "params": params });
        let reply = tokio::task::spawn_blocking(move || webdriver::request(port, "POST", &path, Some(&body)))
            .await
            .expect("e2e: DevTools request panicked")
            .unwrap_or_else(|e| panic!("e2e: cannot send {cmd}: {e}"));
        assert!(reply["value"].is_object(), "e2e: chromedriver refused {cmd}: {reply}");
    }

    /// From now on, every link the page clicks to download a file is read back instead of saved: see
    /// [`Session::downloads`]. Data URLs keep only their first 22 characters as `head` and no text.
    pub async fn capture_downloads(&self) {
        self.js("window.__downloads = []; HTMLAnchorElement.prototype.click = function () { \
             const head = this.href.slice(0, 22); if (head.startsWith('data:')) window.__sheet = this.href.slice(22); \
             window.__downloads.push(fetch(this.href).then(r => r.text()) \
             .then(t => [this.download, head, t.length, head.startsWith('data:') ? '' : t])); }; return null;")
            .await;
    }

    /// The files downloaded since [`Session::capture_downloads`], in order: `[name, head, length, text]`.
    pub async fn downloads(&self) -> Vec<Value> {
        let files = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; Promise.all(window.__downloads).then(done);",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("e2e: cannot read the downloads: {e}"));
        files.as_array().cloned().unwrap_or_default()
    }

    /// Saves a PNG of the viewport as `<target>/e2e/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.unwrap_or_else(|e| panic!("e2e: screenshot failed: {e}"));
        let path = artifacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("e2e: cannot write {}: {e}", path.display()));
        path
    }

    /// Fails on any console error or off-loopback request, then closes the browser. Call at the end of each test.
    pub async fn finish(mut self) {
        let errors = self.console_errors().await;
        assert!(
            errors.is_empty(),
            "e2e: the page logged console errors:\n  {}{}",
            errors.join("\n  "),
            self.diagnostics().await
        );
        let outside = self.off_loopback_requests().await;
        assert!(outside.is_empty(), "e2e: the page fetched from outside loopback: {outside:?}");
        self.closed = true;
        self.client.clone().close().await.expect("e2e: cannot close the browser");
    }

    /// Console log and server requests, appended to failure messages.
    async fn diagnostics(&self) -> String {
        let log: Vec<String> = self.console_log().await.iter().map(|e| format!("{}: {}", e.level, e.message)).collect();
        format!("\n--- browser log ---\n{}\n--- requests ---\n{}", log.join("\n"), self.server.requests().join("\n"))
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.closed {
            // A test panicked before finish(): end the WebDriver session so chromedriver closes Chromium.
            let _ = webdriver::request(self.driver.port, "DELETE", &format!("/session/{}", self.session_id), None);
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
