//! wasm against native for one default replicate (the default preset: 10,000 people x 120 months), measured
//! in one session on one machine: the engine's time per replicate inside the page's replicate workers, with
//! two workers (both busy) and with one (the page started one worker), each followed by the same replicates
//! run natively in this process on one thread while the browser is idle. A report, not a timed test: it is
//! printed and saved to `target/e2e/wasm_native.txt` for the README.
//!
//! Two clocks: the engine's own wall time (the page's `[timing]` log, `Instant` natively) and CPU time from
//! the kernel (`/proc/.../schedstat`: the workers' threads in this session's browser, and this test's
//! thread), which a machine shared with other work disturbs far less.
//!
//! The native side is only as fair as this test binary's build: run it with `--release` (the `rollout`
//! CLI's profile: LTO, one codegen unit) for the figure to quote; a dev build keeps the engine at opt-level 3
//! but adds overflow checks and debug assertions, and the report says which it was.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use rollout_engine::scenario::set_dotted;
use rollout_engine::{model, presets, Scenario};

use crate::session::{Session, TIMEOUT};

/// Rounds of (two workers, native, one worker, native).
const ROUNDS: usize = 4;

/// The lever moved to start each timed run (a new value every time, so every timed run is a fresh run).
const LEVER: &str = "#lever-levers-subsidy-level";
const LEVER_PATH: &str = "levers.subsidy.level";

/// The name Chromium gives a Web Worker's thread (as `/proc` shows it, cut to 15 characters).
const WORKER_THREAD: &str = "DedicatedWorker";

/// The engine milliseconds of every complete run the page has logged so far (its `[timing]` lines), in order.
async fn engine_totals(session: &Session, replicates: u32) -> Vec<f64> {
    let tag = format!("all {replicates} replicates");
    session
        .console_log()
        .await
        .iter()
        .filter(|e| e.message.contains("[timing]") && e.message.contains(&tag))
        .filter_map(|e| e.message.split("(engine ").nth(1)?.split(" ms in total").next()?.parse().ok())
        .collect()
}

/// Waits until the page has logged `count` complete runs; returns the last one's engine milliseconds.
async fn wait_for_runs(session: &Session, replicates: u32, count: usize) -> f64 {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let totals = engine_totals(session, replicates).await;
        if totals.len() >= count {
            return totals[count - 1];
        }
        assert!(Instant::now() < deadline, "e2e: run {count} never logged its engine time: {totals:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Nanoseconds a thread has run on a CPU, from its `schedstat` file (`/proc/<pid>/task/<tid>/schedstat`).
fn cpu_ns(schedstat: &str) -> u64 {
    std::fs::read_to_string(schedstat).ok().and_then(|s| s.split_whitespace().next()?.parse().ok()).unwrap_or(0)
}

/// Every process descended from `root` (this session's chromedriver: the browser and its renderers).
fn descendants(root: u32) -> HashSet<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let pid: u32 = e.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
            // The parent is the second field after the command name, which is in parentheses.
            let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut found = HashSet::from([root]);
    while let Some(&(pid, _)) = parents.iter().find(|(pid, ppid)| found.contains(ppid) && !found.contains(pid)) {
        found.insert(pid);
    }
    found
}

/// CPU nanoseconds used so far by the Web Worker threads of the browser under `driver_pid`, and how many
/// such threads there are.
fn worker_cpu_ns(driver_pid: u32) -> (u64, usize) {
    let mut total = (0, 0);
    for pid in descendants(driver_pid) {
        for task in std::fs::read_dir(format!("/proc/{pid}/task")).into_iter().flatten().flatten() {
            let name = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
            if name.trim_end().starts_with(WORKER_THREAD) {
                total.0 += cpu_ns(&task.path().join("schedstat").to_string_lossy());
                total.1 += 1;
            }
        }
    }
    total
}

/// Milliseconds per replicate natively, [wall, CPU]: the run's replicates one after another on this thread.
fn native_ms(scenario: &Scenario) -> [f64; 2] {
    let (started, cpu) = (Instant::now(), cpu_ns("/proc/thread-self/schedstat"));
    for r in 0..scenario.replicates {
        std::hint::black_box(model::run_replicate(scenario, r));
    }
    let n = f64::from(scenario.replicates);
    [started.elapsed().as_secs_f64() * 1000.0 / n, (cpu_ns("/proc/thread-self/schedstat") - cpu) as f64 / 1e6 / n]
}

/// How this test binary (and so the native engine in it) was built.
fn native_build() -> &'static str {
    if cfg!(debug_assertions) {
        "dev profile (engine at opt-level 3, but overflow checks and debug assertions: not the CLI's build)"
    } else {
        "release profile (LTO, one codegen unit: the rollout CLI's build)"
    }
}

/// The 1-, 5- and 15-minute load averages.
fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// "median (min-max)".
fn spread(mut xs: Vec<f64>) -> String {
    xs.sort_by(f64::total_cmp);
    format!("{:.2} ({:.2}-{:.2})", xs[xs.len() / 2], xs[0], xs[xs.len() - 1])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wasm_against_native_for_a_default_replicate() {
    let base = presets::preset(presets::DEFAULT).unwrap().scenario;
    let replicates = base.replicates;
    let mut report = vec![
        format!(
            "wasm against native: default preset, {} people x {} months, {replicates} replicates a run; engine time \
             per replicate in the page's workers against the same replicates natively, one thread",
            base.agents, base.months
        ),
        format!("native: this test process, {}", native_build()),
        format!("load average at the start: {}", load_average()),
    ];
    let session = Session::open("/").await;
    let (mut runs, mut moves) = (0, 0);
    // Per worker count (two, one): wasm's speed as a share of native's, by wall and by CPU time.
    let mut ratios: [[Vec<f64>; 2]; 2] = Default::default();
    for round in 1..=ROUNDS {
        for workers in [2u32, 1] {
            session.emulate_cores(workers).await;
            session.client.refresh().await.expect("e2e: reload the page");
            session.wait_until(&format!("navigator.hardwareConcurrency === {workers}"), "the emulated cores").await;
            // The run on load warms the workers up (the first replicates run before V8 tiers the code up).
            runs += 1;
            wait_for_runs(&session, replicates, runs).await;
            let (cpu_before, threads) = worker_cpu_ns(session.driver_pid());
            assert_eq!(threads, workers as usize, "one thread per replicate worker in this session's browser");
            moves += 1;
            let value = format!("{:.2}", 0.5 + 0.02 * f64::from(moves));
            session.set_field(LEVER, &value).await;
            runs += 1;
            let wasm = wait_for_runs(&session, replicates, runs).await / f64::from(replicates);
            let wasm_cpu = (worker_cpu_ns(session.driver_pid()).0 - cpu_before) as f64 / 1e6 / f64::from(replicates);
            let scenario = set_dotted(&base, LEVER_PATH, &value).expect("the lever's path and value");
            let [native, native_cpu] = native_ms(&scenario);
            let k = 2 - workers as usize;
            ratios[k][0].push(native / wasm);
            ratios[k][1].push(native_cpu / wasm_cpu);
            report.push(format!(
                "round {round}, {workers} worker{}: wasm {wasm:.1} ms ({wasm_cpu:.1} ms CPU), native {native:.1} ms \
                 ({native_cpu:.1} ms CPU) a replicate; wasm at {:.2} of native speed by wall time, {:.2} by CPU time",
                if workers == 1 { "" } else { "s" },
                native / wasm,
                native_cpu / wasm_cpu
            ));
        }
    }
    for (k, label) in ["two workers (both busy)", "one worker"].iter().enumerate() {
        report.push(format!(
            "{label}: wasm at {} of native speed by wall time, {} by CPU time (median, min-max)",
            spread(ratios[k][0].clone()),
            spread(ratios[k][1].clone())
        ));
    }
    report.push(format!("load average at the end: {}", load_average()));
    let report = report.join("\n");
    println!("{report}");
    std::fs::write(crate::session::artifacts_dir().join("wasm_native.txt"), report + "\n")
        .expect("write wasm_native.txt");
    assert!(ratios.iter().flatten().flatten().all(|r| r.is_finite() && *r > 0.0), "every round measured both sides");
    session.finish().await;
}
