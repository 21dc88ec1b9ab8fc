//! Options side by side and Undo, as a policymaker uses them on a 1366x768 laptop: three options and a
//! baseline survive a share link opened in a fresh browser with identical numbers, a bad comparison link
//! says which part is wrong, undo restores the previous numbers exactly, and axe-core finds no serious or
//! critical violation in compare mode.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use rollout_engine::{link, presets};

use crate::accessibility::serious_violations;
use crate::first_screen::{outside_viewport, set_viewport};
use crate::session::Session;

/// The default preset, small so that four runs complete quickly.
fn small() -> rollout_engine::Scenario {
    let mut s = presets::preset(presets::DEFAULT).unwrap().scenario;
    s.agents = 2_000;
    s.replicates = 6;
    s
}

/// True once every row of the options table has its numbers and, when a baseline is pinned, its change.
const TABLE_COMPLETE: &str = "(() => { const t = document.getElementById('options-table'); \
    return t && !/running|waiting/.test(t.innerText); })()";

/// Adds the current scenario as an option called `name`, once its run is complete.
async fn add_option(session: &Session, name: &str, replicates: u32, count: usize) {
    session.wait_for_complete_run(replicates).await;
    session.set_field("#option-new-name", name).await;
    session.wait_for("#add-option").await.click().await.unwrap();
    session.wait_until(&format!("document.querySelectorAll('#option-list li').length === {count}"), name).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comparison_of_three_options_survives_a_share_link_in_a_fresh_browser() {
    let scenario = small();
    let n = scenario.replicates;
    let session = Session::open(&format!("/{}", link::fragment_for(&scenario))).await;
    set_viewport(&session, 1366, 768).await;
    session.wait_for_complete_run(n).await;
    session.wait_for("#pin-baseline").await.click().await.unwrap();
    session.wait_for("#clear-baseline").await;
    add_option(&session, "As today", n, 1).await;
    session.set_field("#lever-levers-support-level", "1").await;
    add_option(&session, "Full support", n, 2).await;
    session.set_field("#lever-levers-subsidy-level", "1").await;
    add_option(&session, "Support and subsidy", n, 3).await;
    session.wait_until(TABLE_COMPLETE, "the options table complete").await;
    let table = session.text("#options-table").await;
    for name in ["This scenario", "As today", "Full support", "Support and subsidy"] {
        assert!(table.contains(name), "{name} missing from the options table:\n{table}");
    }
    assert!(table.contains("\u{2212}") || table.contains('+'), "changes against the baseline are shown:\n{table}");
    let uptake = session.js("return document.getElementById('chart-uptake').getAttribute('aria-label');").await;
    assert!(uptake.as_str().unwrap_or_default().contains("Full support"), "the options are on the uptake chart");
    session.js("document.getElementById('options').scrollIntoView(); return null;").await;
    session.screenshot("compare-three-options-1366x768").await;
    let axe = serious_violations(&session).await;
    assert!(axe.is_empty(), "axe-core in compare mode: {axe:#?}");
    let address = session.js("return location.hash;").await.as_str().unwrap().to_string();
    session.finish().await;

    // A fresh browser opens the same comparison and computes the same numbers.
    let fresh = Session::open(&format!("/{address}")).await;
    set_viewport(&fresh, 1366, 768).await;
    fresh.wait_until(TABLE_COMPLETE, "the reopened options table complete").await;
    assert_eq!(fresh.text("#options-table").await, table, "the comparison reopened with different numbers");
    assert!(fresh.js("return document.getElementById('clear-baseline') !== null;").await.as_bool().unwrap());
    fresh.finish().await;

    // A link cut short says which part is wrong, and shows the default scenario instead.
    let cut = &address[..address.len() - 30];
    let broken = Session::open(&format!("/{cut}")).await;
    let notice = broken.text("#notice").await;
    assert!(notice.contains("option 3 (\"Support and subsidy\")"), "the bad part is not named: {notice}");
    assert_eq!(broken.js("return document.querySelectorAll('#option-list li').length;").await.as_u64(), Some(0));
    broken.finish().await;
}

/// Presses `key` with Ctrl (and Shift) held, wherever focus is.
async fn press_ctrl(session: &Session, key: char, shift: bool) {
    let mut actions = KeyActions::new("keyboard".into()).then(KeyAction::Down { value: Key::Control.into() });
    if shift {
        actions = actions.then(KeyAction::Down { value: Key::Shift.into() });
    }
    actions = actions.then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    if shift {
        actions = actions.then(KeyAction::Up { value: Key::Shift.into() });
    }
    actions = actions.then(KeyAction::Up { value: Key::Control.into() });
    session.client.perform_actions(actions).await.unwrap_or_else(|e| panic!("e2e: cannot press Ctrl+{key}: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undo_and_redo_restore_the_previous_numbers_exactly_by_button_and_shortcut() {
    let scenario = small();
    let n = scenario.replicates;
    let session = Session::open(&format!("/{}", link::fragment_for(&scenario))).await;
    set_viewport(&session, 1366, 768).await;
    session.wait_for_complete_run(n).await;
    let before = session.text("#headline").await;
    const SUPPORT: &str = "document.getElementById('lever-levers-support-level').value";
    let original = session.js(&format!("return {SUPPORT};")).await.as_str().unwrap().to_string();
    session.set_field("#lever-levers-support-level", "1").await;
    let edited = format!("{SUPPORT} !== '{original}'");
    session.wait_until(&edited, "the edit").await;
    let moved = session.js(&format!("return {SUPPORT};")).await.as_str().unwrap().to_string();
    session.wait_for_complete_run(n).await;
    let after = session.text("#headline").await;
    assert_ne!(before, after, "the edit changed nothing on the headline");
    let faint = session.js("return document.getElementById('chart-uptake').getAttribute('aria-label');").await;
    assert!(faint.as_str().unwrap_or_default().contains("(before) (faint)"), "no ghost of the previous run");
    session.screenshot("undo-ghost-1366x768").await;
    let is = |value: &str| format!("{SUPPORT} === '{value}'");
    session.wait_for("#undo").await.click().await.unwrap();
    session.wait_until(&is(&original), "undo").await;
    assert_eq!(session.text("#headline").await, before, "undo did not restore the previous numbers exactly");
    session.js("document.activeElement && document.activeElement.blur(); return null;").await;
    press_ctrl(&session, 'z', true).await;
    session.wait_until(&is(&moved), "Ctrl+Shift+Z").await;
    assert_eq!(session.text("#headline").await, after, "redo did not restore the edited numbers");
    press_ctrl(&session, 'z', false).await;
    session.wait_until(&is(&original), "Ctrl+Z").await;
    assert_eq!(session.text("#headline").await, before);
    assert!(outside_viewport(&session, &["#undo", "#redo", "#reset"]).await.is_empty(), "undo buttons off screen");
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chart_images_are_one_png_and_the_inequality_csv_is_the_engines_both_named_after_the_scenario() {
    let scenario = small();
    let session = Session::open(&format!("/{}", link::fragment_for(&scenario))).await;
    session.wait_for_complete_run(scenario.replicates).await;
    session.capture_downloads().await;
    session.wait_for("#export-png").await.click().await.unwrap();
    session.wait_for("#export-inequality-csv").await.click().await.unwrap();
    let files = session.downloads().await;
    assert_eq!(files.len(), 2, "one image for every chart, and one CSV: {files:?}");
    assert_eq!(files[0][0].as_str(), Some("remote-heart-monitoring-charts.png"));
    assert_eq!(files[0][1].as_str(), Some("data:image/png;base64,"));
    // Saved beside the screenshots, to look at.
    let png = session.js("return window.__sheet;").await;
    let bytes = base64_decode(png.as_str().unwrap_or_default());
    assert!(bytes.starts_with(b"\x89PNG"), "the chart image is a PNG");
    std::fs::write(crate::session::artifacts_dir().join("chart-images.png"), bytes).unwrap();
    assert_eq!(files[1][0].as_str().unwrap(), format!("remote-heart-monitoring-seed{}-inequality.csv", scenario.seed));
    let expected = rollout_engine::output::inequality_to_csv(&rollout_engine::run::run(&scenario).unwrap());
    assert_eq!(files[1][3].as_str(), Some(expected.as_str()), "the page's inequality CSV is the engine's");
    session.finish().await;
}

/// Standard base64 (the PNG's data URL) to bytes.
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = text.bytes().filter(|c| *c != b'=').map(value).collect();
    digits
        .chunks(4)
        .flat_map(|c| {
            let n = c.iter().enumerate().fold(0u32, |n, (i, d)| n | u32::from(*d) << (18 - 6 * i));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}
