//! The first screen as a policymaker meets it on a 1366x768 laptop: the headline figures and both large
//! charts without scrolling, the gap and its change against a pinned baseline, and screenshots of the first
//! screen at laptop and full-HD sizes, in normal and Large text, for people to look at.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use rollout_engine::{link, presets, run};
use rollout_lab::components::figures;
use rollout_lab::levers::{Control, LEVERS};
use serde_json::Value;

use crate::session::Session;

/// The default preset, smaller so that a run completes quickly.
fn small_default() -> rollout_engine::Scenario {
    let mut s = presets::preset(presets::DEFAULT).unwrap().scenario;
    s.agents = 4_000;
    s.replicates = 8;
    s
}

/// Resizes the window so that the page's viewport (not the window) is `width` x `height`.
pub(crate) async fn set_viewport(session: &Session, width: u32, height: u32) {
    session.client.set_window_size(width, height).await.expect("resize the window");
    let inner = session.js("return [window.innerWidth, window.innerHeight];").await;
    let (w, h) = (inner[0].as_u64().unwrap_or(0) as u32, inner[1].as_u64().unwrap_or(0) as u32);
    if (w, h) != (width, height) {
        let (dw, dh) = (width.saturating_sub(w), height.saturating_sub(h));
        session.client.set_window_size(width + dw, height + dh).await.expect("resize the window");
    }
    let check = format!("window.innerWidth === {width} && window.innerHeight === {height}");
    session.wait_until(&check, &format!("a {width}x{height} viewport")).await;
}

/// The page does not scroll sideways; if it does, the message names the elements that stick out.
async fn assert_no_sideways_scroll(session: &Session, when: &str) {
    let found = session
        .js("const w = document.documentElement.clientWidth; \
             return [document.documentElement.scrollWidth - w, [...document.querySelectorAll('body *')] \
               .filter(e => e.getBoundingClientRect().right > w + 0.5 && !e.parentElement.closest('.table-scroll, .surface')) \
               .map(e => e.tagName + '.' + e.className + ' in #' + (e.closest('[id]') || {}).id + ' [' + e.textContent.slice(0, 60) + '] right ' + Math.round(e.getBoundingClientRect().right)) \
               .slice(0, 12)];")
        .await;
    assert_eq!(found[0].as_i64(), Some(0), "{when} the page scrolls sideways; sticking out: {}", found[1]);
}

/// The elements of the first screen, by CSS selector, with what they show.
const FIRST_SCREEN: [(&str, &str); 7] = [
    ("#headline-reached", "people reached"),
    ("#headline-gap", "the gap"),
    ("#headline-events", "events avoided"),
    ("#headline-spend", "spend"),
    ("canvas#chart-uptake", "the uptake chart"),
    ("canvas#chart-gap", "the gap chart"),
    ("#picker-right", "the right chart's picker"),
];

/// Each selector's bounding box against the viewport: the ones not wholly inside it, with their boxes.
pub(crate) async fn outside_viewport(session: &Session, selectors: &[&str]) -> Vec<String> {
    let script = "return arguments[0].map(css => { const e = document.querySelector(css); \
        if (!e) return css + ' missing'; const r = e.getBoundingClientRect(); \
        const inside = r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight \
          && r.right <= window.innerWidth; \
        return inside ? null : `${css} at ${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)}`; \
      }).filter(x => x);";
    let list: Vec<Value> = selectors.iter().map(|s| Value::from(*s)).collect();
    let out = session.client.execute(script, vec![Value::Array(list)]).await.expect("measure the first screen");
    out.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

/// True once every canvas is drawn at least as wide as it is shown (after a resize).
const CHARTS_FIT: &str = "[...document.querySelectorAll('canvas')].every(c => c.width >= c.clientWidth)";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_headline_figures_and_both_main_charts_fit_a_laptop_screen_without_scrolling() {
    let scenario = small_default();
    let session = Session::open(&format!("/{}", link::fragment_for(&scenario))).await;
    set_viewport(&session, 1366, 768).await;
    session.wait_for_complete_run(scenario.replicates).await;
    session.wait_until(CHARTS_FIT, "the charts redrawn at 1366x768").await;
    assert_eq!(session.js("return window.scrollY;").await.as_f64(), Some(0.0), "the page starts at the top");
    let selectors: Vec<&str> = FIRST_SCREEN.iter().map(|(css, _)| *css).collect();
    session.screenshot("first-screen-1366x768").await;
    let outside = outside_viewport(&session, &selectors).await;
    assert!(outside.is_empty(), "not on the first screen at 1366x768: {outside:?}");
    // Each figure has its interval and a "?" that opens with a click and closes with Escape.
    let reached = session.text("#headline-reached .headline-value").await;
    assert!(reached.contains('%') && reached.contains('('), "people reached without its interval: {reached}");
    session.wait_for("#headline-gap-help-button").await.click().await.unwrap();
    session.wait_until("!document.getElementById('headline-gap-help').hidden", "the gap's ? opened").await;
    let help = session.text("#headline-gap-help").await;
    assert!(help.contains("Percentage points") && help.contains("eligible"), "the gap's ? says: {help}");
    assert!(outside_viewport(&session, &["#headline-gap-help"]).await.is_empty(), "the gap's ? text is clipped");
    session
        .js("document.getElementById('headline-gap-help-button').dispatchEvent(new KeyboardEvent('keydown', \
             { key: 'Escape', bubbles: true })); return null;")
        .await;
    session.wait_until("document.getElementById('headline-gap-help').hidden", "Escape closed the gap's ?").await;
    session.wait_for("#large-text").await.click().await.unwrap();
    session.wait_for(".app.large").await;
    session.wait_until(CHARTS_FIT, "the charts redrawn in large text").await;
    session.screenshot("first-screen-1366x768-large").await;
    // In Large text the headline figures stay whole on the first screen and both charts start on it (their
    // plots run below the fold: the text is 1.3 times larger).
    let headline = ["#headline-reached", "#headline-gap", "#headline-events", "#headline-spend"];
    let outside = outside_viewport(&session, &headline).await;
    assert!(outside.is_empty(), "headline not on the first screen in large text: {outside:?}");
    let tops = session
        .js("return ['chart-uptake', 'chart-gap'].map(id => document.getElementById(id).getBoundingClientRect().top);")
        .await;
    let tops: Vec<f64> = tops.as_array().unwrap().iter().filter_map(Value::as_f64).collect();
    assert!(
        tops.len() == 2 && tops.iter().all(|t| *t < 768.0),
        "a chart starts below the fold in large text: {tops:?}"
    );
    assert_no_sideways_scroll(&session, "in large text at 1366x768").await;
    set_viewport(&session, 1920, 1080).await;
    session.wait_until(CHARTS_FIT, "the charts redrawn at 1920x1080 in large text").await;
    session.screenshot("first-screen-1920x1080-large").await;
    assert_no_sideways_scroll(&session, "in large text at 1920x1080").await;
    session.wait_for("#large-text").await.click().await.unwrap();
    session.wait_until("!document.querySelector('.app.large')", "large text off").await;
    session.wait_until(CHARTS_FIT, "the charts redrawn at 1920x1080").await;
    let outside = outside_viewport(&session, &selectors).await;
    assert!(outside.is_empty(), "not on the first screen at 1920x1080: {outside:?}");
    session.screenshot("first-screen-1920x1080").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_pinning_the_gap_and_its_change_against_the_baseline_are_on_screen() {
    let baseline = small_default();
    let session = Session::open(&format!("/{}", link::fragment_for(&baseline))).await;
    set_viewport(&session, 1366, 768).await;
    session.wait_for_complete_run(baseline.replicates).await;
    session.wait_for("#pin-baseline").await.click().await.unwrap();
    session.wait_for("#clear-baseline").await;
    session.wait_for("#lever-levers-support-level").await;
    session.set_field("#lever-levers-support-level", "1").await;
    let mut current = baseline.clone();
    current.levers.support.level = 1.0;
    let (now, then) = (run::run(&current).unwrap(), run::run(&baseline).unwrap());
    let gap = figures(&now, Some(&then), None, current.agents, true).remove(1);
    assert_eq!(gap.id, "headline-gap");
    let change = gap.change.expect("a change against the baseline");
    session.wait_for_text("#headline-gap .headline-change", &format!("vs baseline: {change}")).await;
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(words(&session.text("#headline-gap .headline-value").await), words(&gap.value));
    let outside =
        outside_viewport(&session, &["#headline-gap .headline-value", "#headline-gap .headline-change"]).await;
    assert!(outside.is_empty(), "the gap and its change are not on screen: {outside:?}");
    session.screenshot("first-screen-compare").await;
    session.finish().await;
}

/// Records, for the element that has focus, its lever's input id and its kind ("lever-budget:range").
const FOCUSED_LEVER: &str = "const el = document.activeElement; const owner = el && el.closest('.lever'); \
    const id = owner && (owner.id || (owner.querySelector('label[for]') || {}).htmlFor); \
    return id ? id + ':' + (el.type || el.tagName) : (el ? el.tagName + '#' + el.id : '');";

/// Presses and releases `key` wherever focus is, as a person at the keyboard does.
pub(crate) async fn press(session: &Session, key: Key) {
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key.into() })
        .then(KeyAction::Up { value: key.into() });
    session.client.perform_actions(actions).await.unwrap_or_else(|e| panic!("e2e: cannot press a key: {e}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_skip_link_leads_to_the_results_and_every_lever_control_is_reachable_by_tab() {
    let session = Session::open(&format!("/{}", link::fragment_for(&small_default()))).await;
    session.wait_for(".groups-table tbody tr").await;
    // The skip link is the first Tab stop and moves focus to the results.
    session.js("document.activeElement && document.activeElement.blur(); return null;").await;
    press(&session, Key::Tab).await;
    assert_eq!(session.js("return document.activeElement.className;").await.as_str(), Some("skip-link"));
    press(&session, Key::Enter).await;
    session.wait_until("document.activeElement.id === 'results'", "the skip link moved focus to the results").await;
    // Open the assumptions and their run settings (each a <summary>, itself a Tab stop), then Tab from the
    // top of the page through every control.
    session
        .js("document.querySelectorAll('#assumptions, #assumptions details').forEach(d => d.open = true); \
             document.activeElement.blur(); return null;")
        .await;
    let mut visited = std::collections::BTreeSet::new();
    for _ in 0..400 {
        press(&session, Key::Tab).await;
        let focused = session.js(FOCUSED_LEVER).await;
        visited.insert(focused.as_str().unwrap_or_default().to_string());
    }
    let mut missing = Vec::new();
    for lever in LEVERS {
        let id = format!("lever-{}", lever.path.replace('.', "-"));
        let kinds: &[&str] = match lever.control {
            Control::Number { .. } if lever.path == "seed" => &["text"],
            Control::Number { .. } => &["range", "text"],
            Control::Toggle | Control::Targets => &["checkbox"],
            Control::Complexity => &["select-one"],
        };
        missing.extend(kinds.iter().map(|k| format!("{id}:{k}")).filter(|k| !visited.contains(k)));
    }
    assert!(missing.is_empty(), "not reachable with Tab: {missing:?}");
    session.finish().await;
}
