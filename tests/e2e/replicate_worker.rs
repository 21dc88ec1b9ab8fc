//! The replicate worker pool (`src/runner`) in the release build: `/?selftest=pool` runs the default preset
//! (10,000 agents, 120 months, 20 replicates) through the pool and writes its CSV, timings and a
//! cancellation check into hidden `<pre>` elements. The CSV must be byte-for-byte the one the engine writes
//! natively here (same scenario, same seed): the engine is deterministic across platforms, and the worker
//! messages (bincode) keep every bit. Also prints the wasm/native speed ratio (informational, not asserted).

use std::time::{Duration, Instant};

use rollout_engine::model::run_replicate;
use rollout_lab::runner::selftest::{selftest_scenario, summary_csv};
use serde_json::Value;

use crate::session::Session;

/// Cold start, warm run and the cancel check take a few seconds; leave room for a loaded 2-core machine.
const SELFTEST_TIMEOUT: Duration = Duration::from_secs(180);

/// `textContent` of `#id` (hidden elements have no visible text for WebDriver), or None if absent.
async fn hidden_text(session: &Session, id: &str) -> Option<String> {
    let script = format!("const e = document.getElementById('{id}'); return e ? e.textContent : null;");
    session.js(&script).await.as_str().map(str::to_string)
}

/// Waits for `#id`, failing early on `#pool-selftest-error` or when the self-test is not mounted at all.
async fn wait_for_report(session: &Session, id: &str) -> String {
    let deadline = Instant::now() + SELFTEST_TIMEOUT;
    let mounted_by = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(error) = hidden_text(session, "pool-selftest-error").await {
            panic!("e2e: the pool self-test failed in the browser: {error}");
        }
        if let Some(text) = hidden_text(session, id).await {
            return text;
        }
        if Instant::now() > mounted_by && hidden_text(session, "pool-selftest").await.is_none() {
            panic!(
                "e2e: `/?selftest=pool` shows no #pool-selftest: mount `rollout_lab::runner::selftest::PoolSelfTest` in \
                 src/app.rs when `selftest_requested()` (see src/runner/selftest.rs)"
            );
        }
        assert!(Instant::now() < deadline, "e2e: #{id} did not appear within {SELFTEST_TIMEOUT:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The first line where two CSV texts differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    match a.lines().zip(b.lines()).enumerate().find(|(_, (x, y))| x != y) {
        Some((i, (x, y))) => format!("line {}:\n  browser: {x}\n  native:  {y}", i + 1),
        None => format!("same lines, lengths differ: browser {} bytes, native {} bytes", a.len(), b.len()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_worker_pool_gives_the_native_bytes_and_drops_cancelled_runs() {
    let session = Session::open("/?selftest=pool").await;
    let csv = wait_for_report(&session, "pool-selftest-csv").await;
    let timing: Value =
        serde_json::from_str(&wait_for_report(&session, "pool-selftest-timing").await).expect("timing is JSON");
    let cancel: Value =
        serde_json::from_str(&wait_for_report(&session, "pool-selftest-cancel").await).expect("cancel report is JSON");

    // Natively, after the browser has finished (so the two do not compete for the cores).
    let scenario = selftest_scenario();
    let started = Instant::now();
    let results: Vec<_> = (0..scenario.replicates).map(|r| run_replicate(&scenario, r)).collect();
    let native_ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(scenario.replicates);
    let native_csv = summary_csv(&scenario, &results);

    assert!(
        csv == native_csv,
        "e2e: the pool's CSV differs from the native one at {}",
        first_difference(&csv, &native_csv)
    );
    assert_eq!(
        timing["cold_csv_equals_warm_csv"], true,
        "two runs of the same scenario differ in the browser: {timing}"
    );
    assert_eq!(timing["replicates"], 20);
    assert_eq!(cancel["run3_delivered_before_cancel"], 3, "{cancel}");
    assert_eq!(cancel["stale_delivered_after_cancel"], 0, "answers of a cancelled run were delivered: {cancel}");
    assert_eq!(cancel["run4_replicates_sorted"], serde_json::json!([0, 1, 2, 3, 4, 5]), "{cancel}");

    let wasm_ms = timing["warm"]["compute_ms_mean"].as_f64().unwrap_or(f64::NAN);
    println!(
        "pool self-test ({} workers; {} agents x {} months x {} replicates):",
        timing["workers"], timing["agents"], timing["months"], timing["replicates"]
    );
    for phase in ["cold", "warm"] {
        let t = &timing[phase];
        println!(
            "  {phase}: first response {:.0} ms, all {:.0} ms after start; engine {:.1} ms per replicate in a worker",
            t["first_ms"].as_f64().unwrap_or(f64::NAN),
            t["all_ms"].as_f64().unwrap_or(f64::NAN),
            t["compute_ms_mean"].as_f64().unwrap_or(f64::NAN)
        );
    }
    println!("  summarise + CSV on the page: {:.0} ms", timing["summarise_and_csv_ms"].as_f64().unwrap_or(f64::NAN));
    println!(
        "  agent-months per second per worker: {:.3e}",
        timing["agent_months_per_second_per_worker"].as_f64().unwrap_or(f64::NAN)
    );
    println!("  cancel check: {cancel}");
    println!("  native: {native_ms:.1} ms per replicate (one thread, this test process)");
    println!("wasm/native speed ratio: {:.2} (wasm time / native time per replicate)", wasm_ms / native_ms);

    session.finish().await;
}
