//! The app as a person meets it, on the release build in headless Chromium: the default scenario loads
//! with its charts, levers move the numbers, groups can be added, bad values are caught at the field, and
//! the page's numbers are the engine's.

use rollout_engine::{presets, run};
use rollout_lab::format::ValueFormat;

use crate::session::Session;

/// An outcome as the page writes it.
fn percent(e: &rollout_engine::estimate::Estimate) -> String {
    ValueFormat::Percent.format_estimate(e)
}

/// True in the page once every chart's canvas is drawn at least as wide as it is shown.
const CHARTS_FIT: &str = "[...document.querySelectorAll('canvas')].every(c => c.width >= c.clientWidth)";

/// Waits until every replicate of the default preset's current run has arrived.
async fn wait_for_complete_run(session: &Session) {
    session.wait_for_complete_run(presets::preset(presets::DEFAULT).unwrap().scenario.replicates).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_scenario_loads_with_charts_and_the_engines_numbers() {
    let session = Session::open("/").await;
    for id in [
        "chart-uptake",
        "chart-gap",
        "chart-active",
        "chart-abandoned",
        "chart-organisations",
        "chart-equity-absolute",
        "chart-equity-relative",
        "chart-events",
        "chart-cost",
    ] {
        let canvas = session.wait_for(&format!("canvas#{id}")).await;
        let width: u32 = canvas.attr("width").await.unwrap().unwrap_or_default().parse().unwrap_or(0);
        assert!(width >= 320, "{id} was not drawn (canvas width {width})");
    }
    wait_for_complete_run(&session).await;
    // The same scenario and seed, natively: the page must show exactly these numbers.
    let summary = run::run(&presets::preset(presets::DEFAULT).unwrap().scenario).unwrap();
    let all = summary.outcomes.last().unwrap();
    session.wait_for_text("#outcome-non-adoption dd", &percent(&all.non_adoption)).await;
    assert_eq!(
        session.text("#outcome-abandonment dd").await,
        ValueFormat::Percent.format_partial(all.abandonment_12m.as_ref(), summary.replicates)
    );
    assert_eq!(session.text("#outcome-spread dd").await, percent(&all.spread));
    assert_eq!(session.text("h1").await, "Rollout Lab");
    let shot = session.screenshot("first-page").await;
    assert!(
        std::fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false),
        "empty screenshot at {}",
        shot.display()
    );
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moving_a_lever_changes_the_numbers_shown() {
    let session = Session::open("/").await;
    wait_for_complete_run(&session).await;
    let before = session.text("#outcome-non-adoption dd").await;
    session.set_field("#lever-diffusion-innovation", "2").await;
    let mut scenario = presets::preset(presets::DEFAULT).unwrap().scenario;
    scenario.diffusion.innovation = 2.0;
    let expected = percent(&run::run(&scenario).unwrap().outcomes.last().unwrap().non_adoption);
    assert_ne!(before, expected);
    session.wait_for_text("#outcome-non-adoption dd", &expected).await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn adding_a_group_adds_it_to_the_charts() {
    let session = Session::open("/").await;
    wait_for_complete_run(&session).await;
    session.wait_for("#add-group").await.click().await.unwrap();
    wait_for_complete_run(&session).await;
    session.wait_for_text("#outcomes-table tbody tr:nth-child(6) th", "Group 6").await;
    let headers = session
        .js("return [...document.querySelectorAll('#chart-uptake-figure th')].map(t => t.textContent).join('|');")
        .await;
    assert!(headers.as_str().unwrap_or("").contains("Group 6"), "the uptake chart's table has no Group 6: {headers}");
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_group_value_is_caught_at_the_field_and_the_last_valid_run_stays() {
    let session = Session::open("/").await;
    wait_for_complete_run(&session).await;
    let shown = session.text("#outcome-non-adoption dd").await;
    session.set_field("#group-groups-list-0-access", "1.5").await;
    session.wait_for_text("td.invalid .field-error", "groups.list.0.access: 1.5 is out of range; allowed 0 to 1").await;
    wait_for_complete_run(&session).await;
    assert_eq!(session.text("#outcome-non-adoption dd").await, shown, "the last valid run stays on screen");
    session.screenshot("invalid-field").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_page_in_normal_and_large_text_fits_the_window_width() {
    let session = Session::open("/").await;
    session.client.set_window_size(1280, 5200).await.expect("resize the window");
    wait_for_complete_run(&session).await;
    session.wait_for("canvas#chart-cost").await;
    // The charts redraw at the new width once the window is resized; then the page must not scroll sideways.
    session.wait_until(CHARTS_FIT, "the charts redrawn at the new width").await;
    let overflow =
        session.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await;
    let culprits = session.js("return [...document.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)\
        .slice(0, 10).map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '/' + e.clientWidth).join(', ');").await;
    assert_eq!(overflow.as_i64(), Some(0), "the page scrolls sideways by {overflow} px: {culprits}");
    session.screenshot("tour-normal").await;
    session.wait_for("#large-text").await.click().await.unwrap();
    session.wait_for(".app.large").await;
    session.wait_until(CHARTS_FIT, "the charts redrawn in large text").await;
    let overflow =
        session.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await;
    assert_eq!(overflow.as_i64(), Some(0), "in large text the page scrolls sideways by {overflow} px");
    session.screenshot("tour-large").await;
    session.finish().await;
}

/// The size the speed report is measured at: 10,000 people, 240 months, 100 replicates.
fn speed_scenario() -> rollout_engine::Scenario {
    let mut s = presets::preset(presets::DEFAULT).unwrap().scenario;
    (s.agents, s.months, s.replicates) = (10_000, 240, 100);
    s
}

/// Commits `value` in the field at `css` and measures, in the page's own clock from the `change` event, at
/// the next animation frame: when the uptake chart's canvas is first redrawn (every draw sets its size)
/// after its data table shows new numbers, and when it is redrawn after the progress reads "N of N
/// replicates" (the full bands). A redraw with the old numbers (a resize) does not count.
const TIMED_EDIT: &str = r#"
const [css, value, total] = arguments;
const canvas = document.getElementById('chart-uptake');
const table = document.querySelector('#chart-uptake-figure tbody');
const progress = document.getElementById('run-progress-text');
const result = window.__speed = { first: null, full: null };
let [changed, complete] = [false, false];
const t0 = performance.now();
const frame = (key) => requestAnimationFrame(() => { if (result[key] === null) result[key] = performance.now() - t0; });
const watch = new MutationObserver((records) => {
  for (const r of records) {
    if (r.target === canvas) {
      if (changed) frame('first');
      if (complete) { frame('full'); watch.disconnect(); return; }
    } else if (table.contains(r.target)) {
      changed = true;
    } else if (progress.textContent === `${total} of ${total} replicates`) {
      complete = true;
    }
  }
});
watch.observe(canvas, { attributes: true });
watch.observe(table, { childList: true, subtree: true, characterData: true });
watch.observe(progress, { childList: true, subtree: true, characterData: true });
const field = document.querySelector(css);
field.value = value;
field.dispatchEvent(new Event('change', { bubbles: true }));
return null;
"#;

/// The speed report (not a timed test): after each of three lever moves on a page of 10,000 people x 240
/// months x 100 replicates, the time to the first redrawn chart and to the full bands, as the page shows
/// them, and the page's own `[timing]` lines. Printed and saved to `target/e2e/timing.txt` for the README.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn speed_report_after_a_lever_move() {
    let scenario = speed_scenario();
    let total = scenario.replicates;
    let session = Session::open(&format!("/{}", rollout_engine::link::fragment_for(&scenario))).await;
    session.wait_for_complete_run(total).await;
    session.wait_for("#chart-uptake-figure tbody tr").await;
    let mut report = vec![format!(
        "speed report: {} people x {} months x {total} replicates, lever edit to chart as drawn (next frame)",
        scenario.agents, scenario.months
    )];
    for value in ["0.6", "0.7", "0.8"] {
        session.client.execute(TIMED_EDIT, vec![LEVER.into(), value.into(), total.into()]).await.expect("timed edit");
        session.wait_until("window.__speed.first !== null && window.__speed.full !== null", "the redrawn charts").await;
        let speed = session.js("return window.__speed;").await;
        let ms = |key: &str| speed[key].as_f64().unwrap_or(f64::NAN);
        report.push(format!(
            "subsidy {value}: first chart redrawn after {:.0} ms, full {total}-replicate bands after {:.0} ms",
            ms("first"),
            ms("full")
        ));
        session.wait_for_complete_run(total).await;
    }
    let timing: Vec<String> = session
        .console_log()
        .await
        .into_iter()
        .filter_map(|e| e.message.find("[timing]").map(|at| e.message[at..].trim_end_matches('"').to_string()))
        .collect();
    let alls = timing.iter().filter(|l| l.contains(&format!("all {total} replicates"))).count();
    assert!(alls >= 4, "the page should log timing for every run: {timing:?}");
    // wasm against native: the engine's time per replicate in a worker (from the page's log of the last run)
    // against the same replicates natively in this process, one thread, after the browser has finished.
    let wasm_ms = timing
        .iter()
        .rev()
        .find_map(|l| l.split("(engine ").nth(1)?.split(" ms in total").next()?.parse::<f64>().ok())
        .map(|ms| ms / f64::from(total));
    let started = std::time::Instant::now();
    (0..10).for_each(|r| drop(rollout_engine::model::run_replicate(&scenario, r)));
    let native_ms = started.elapsed().as_secs_f64() * 1000.0 / 10.0;
    report.extend(timing);
    report.push(format!(
        "engine per replicate: {:.1} ms in a worker (both busy), {native_ms:.1} ms natively; wasm/native time {:.2}",
        wasm_ms.unwrap_or(f64::NAN),
        wasm_ms.unwrap_or(f64::NAN) / native_ms
    ));
    let report = report.join("\n");
    println!("{report}");
    std::fs::write(crate::session::artifacts_dir().join("timing.txt"), report + "\n").expect("write timing.txt");
    session.finish().await;
}

/// The lever the speed report moves.
const LEVER: &str = "#lever-levers-subsidy-level";
