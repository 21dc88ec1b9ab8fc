//! The app as a person meets it, on the release build in headless Chromium: the default scenario loads
//! with its charts, levers move the numbers, groups can be added, bad values are caught at the field, and
//! the page's numbers are the engine's.

use rollout_engine::{presets, run};
use rollout_lab::components::{optional, percent};

use crate::session::Session;

/// Waits until every replicate of the default preset's current run has arrived.
async fn wait_for_complete_run(session: &Session) {
    session.wait_for_complete_run(presets::preset(presets::DEFAULT).unwrap().scenario.replicates).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_scenario_loads_with_charts_and_the_engines_numbers() {
    let session = Session::open("/").await;
    for id in [
        "chart-uptake",
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
    assert_eq!(session.text("#outcome-abandonment dd").await, optional(&all.abandonment_12m, summary.replicates));
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
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let overflow =
        session.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await;
    let culprits = session.js("return [...document.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)\
        .slice(0, 10).map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + '/' + e.clientWidth).join(', ');").await;
    assert_eq!(overflow.as_i64(), Some(0), "the page scrolls sideways by {overflow} px: {culprits}");
    session.screenshot("tour-normal").await;
    session.wait_for("#large-text").await.click().await.unwrap();
    session.wait_for(".app.large").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let overflow =
        session.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;").await;
    assert_eq!(overflow.as_i64(), Some(0), "in large text the page scrolls sideways by {overflow} px");
    session.screenshot("tour-large").await;
    session.finish().await;
}

/// The speed report (not a timed test): how long after a lever move the first replicate and all twenty
/// arrive, as the page logs them. Printed and saved to `target/e2e/timing.txt` for the README.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn speed_report_after_a_lever_move() {
    let session = Session::open("/").await;
    wait_for_complete_run(&session).await;
    for value in ["0.6", "0.7", "0.8"] {
        session.set_field("#lever-levers-subsidy-level", value).await;
        wait_for_complete_run(&session).await;
    }
    let timing: Vec<String> = session
        .console_log()
        .await
        .into_iter()
        .filter_map(|e| e.message.find("[timing]").map(|at| e.message[at..].trim_end_matches('"').to_string()))
        .collect();
    let firsts = timing.iter().filter(|l| l.contains("first replicate")).count();
    let alls = timing.iter().filter(|l| l.contains("all 20 replicates")).count();
    assert!(firsts >= 4 && alls >= 4, "the page should log timing for every run: {timing:?}");
    let report = timing.join("\n");
    println!("{report}");
    std::fs::write(crate::session::artifacts_dir().join("timing.txt"), report + "\n").expect("write timing.txt");
    session.finish().await;
}
