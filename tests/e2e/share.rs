//! Share, compare, export (issue: share links that reproduce exactly, a baseline, data out), on the
//! release build in headless Chromium.

use rollout_engine::{link, output, presets, run};
use rollout_lab::format::ValueFormat;

use crate::session::Session;

/// An outcome as the page writes it.
fn percent(e: &rollout_engine::estimate::Estimate) -> String {
    ValueFormat::Percent.format_estimate(e)
}

async fn fragment(session: &Session) -> String {
    session.js("return location.hash;").await.as_str().unwrap_or_default().to_string()
}

/// A small scenario so each test's runs are quick; opened by link.
fn small_default() -> rollout_engine::Scenario {
    let mut s = presets::preset(presets::DEFAULT).unwrap().scenario;
    s.agents = 4_000;
    s.replicates = 8;
    s
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_reopens_the_same_numbers_in_a_fresh_browser() {
    let first = Session::open(&format!("/{}", link::fragment_for(&small_default()))).await;
    first.wait_for_complete_run(8).await;
    first.set_field("#lever-levers-support-level", "0.95").await;
    first.wait_for_complete_run(8).await;
    let shown = first.text("#outcome-non-adoption dd").await;
    let shared = fragment(&first).await;
    let mut expected = small_default();
    expected.levers.support.level = 0.95;
    assert_eq!(link::decode(&shared).unwrap(), expected, "the address holds the edited scenario");
    assert!(shared.len() < 2_000, "link is {} characters", shared.len());
    first.finish().await;

    let second = Session::open(&format!("/{shared}")).await; // a new Chromium with a fresh profile
    second.wait_for_complete_run(8).await;
    second.wait_for_text("#outcome-non-adoption dd", &shown).await;
    let native = run::run(&expected).unwrap();
    assert_eq!(shown, percent(&native.outcomes.last().unwrap().non_adoption));
    second.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_links_say_what_was_wrong_and_open_the_default() {
    let good = link::encode(&small_default());
    let cases = [
        ("#hello-there", "This is not a Rollout Lab link"),
        ("#s1.!!!!", "has been changed or damaged"),
        (&*format!("#{}", &good[..good.len() / 2]), "The link is incomplete"),
        ("#s9.AAAA", "made by a newer version of Rollout Lab"),
        (&*format!("#s1.{}", "A".repeat(40_000)), "too long to be a Rollout Lab link"),
    ];
    let session = Session::open("/").await;
    for (fragment, message) in cases {
        session.goto(&format!("/?case={}{fragment}", fragment.len())).await;
        let notice = session.text("#notice").await;
        assert!(notice.contains(message), "{fragment:.40}: {notice}");
        assert!(notice.contains("The default scenario is shown instead."), "{notice}");
        session.wait_for("canvas#chart-uptake").await;
        let picked = session.js("return document.getElementById('preset').value;").await;
        assert_eq!(picked.as_str(), Some(presets::DEFAULT));
    }
    session.screenshot("bad-link").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn back_and_forward_restore_earlier_edits() {
    let session = Session::open(&format!("/{}", link::fragment_for(&small_default()))).await;
    session.wait_for_complete_run(8).await;
    session.set_field("#lever-diffusion-innovation", "1.2").await;
    session.wait_for_complete_run(8).await;
    // Not a wait for the page: edits under a second apart merge into one history entry (a slider drag), so
    // the next edit must come later to be a step of its own.
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    session.set_field("#lever-diffusion-innovation", "2.4").await;
    session.wait_for_complete_run(8).await;
    let value = || async { session.js("return document.getElementById('lever-diffusion-innovation').value;").await };
    assert_eq!(value().await.as_str(), Some("2.4"));
    let shows = |v: &str| format!("document.getElementById('lever-diffusion-innovation').value === '{v}'");
    session.client.back().await.unwrap();
    session.wait_for_text("#run-progress-text", "8 of 8 replicates").await;
    session.wait_until(&shows("1.2"), "going back to innovation 1.2").await;
    assert_eq!(value().await.as_str(), Some("1.2"));
    session.client.forward().await.unwrap();
    session.wait_until(&shows("2.4"), "going forward to innovation 2.4").await;
    assert_eq!(value().await.as_str(), Some("2.4"));
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compare_mode_draws_the_baseline_and_the_differences() {
    let session = Session::open(&format!("/{}", link::fragment_for(&small_default()))).await;
    session.wait_for_complete_run(8).await;
    session.wait_for("#pin-baseline").await.click().await.unwrap();
    session.wait_for("#clear-baseline").await;
    session.set_field("#lever-levers-support-level", "1").await;
    session.wait_for_complete_run(8).await;
    let rows = session.js("return document.querySelectorAll('#differences-table tbody tr').length;").await;
    assert_eq!(rows.as_u64(), Some(6), "five quintiles and all");
    let headers = session
        .js("return [...document.querySelectorAll('#chart-uptake-figure th')].map(t => t.textContent).join('|');")
        .await;
    assert!(headers.as_str().unwrap_or("").contains("(baseline)"), "the chart has no baseline series: {headers}");
    session.screenshot("compare").await;
    session.wait_for("#clear-baseline").await.click().await.unwrap();
    session.wait_for("#pin-baseline").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_exported_csv_equals_the_engines_and_a_scenario_file_round_trips() {
    let session = Session::open(&format!("/{}", link::fragment_for(&small_default()))).await;
    session.wait_for_complete_run(8).await;
    session.capture_downloads().await;
    session.wait_for("#export-csv").await.click().await.unwrap();
    session.wait_for("#export-json").await.click().await.unwrap();
    let files = session.downloads().await;
    let (csv_name, csv) = (files[0][0].as_str().unwrap(), files[0][3].as_str().unwrap());
    assert_eq!(csv_name, format!("remote-heart-monitoring-seed{}.csv", small_default().seed));
    assert_eq!(
        csv,
        output::to_csv(&run::run(&small_default()).unwrap()),
        "the page's CSV is the engine's (and rollout run's)"
    );
    let json = files[1][3].as_str().unwrap();
    assert_eq!(rollout_engine::Scenario::from_json(json).unwrap(), small_default());
    session.finish().await;
}
