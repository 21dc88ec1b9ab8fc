//! Workshop mode in Chromium: presenting mode fills a 1280x720 projector screen, the year control reveals
//! exactly the months up to the year chosen, a hidden result is in neither the DOM nor the canvas until it is
//! revealed (and the room's guess stays beside it), facilitator steps advance with the keyboard, a two-team
//! debrief ranks the teams' plans as the engine does, the handout prints one A4 page per scenario, and after
//! one visit the page reloads and runs with the server stopped.
//! Screenshots of presenting mode and the handout go to `target/e2e/`.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::wd::{PrintConfiguration, PrintSize};
use rollout_engine::{link, presets, run};
use rollout_lab::workshop::notes;
use rollout_lab::workshop::reveal::year_figures;
use serde_json::Value;

use crate::first_screen::set_viewport;
use crate::session::Session;

/// The default preset, smaller so that a run completes quickly.
fn small_default() -> rollout_engine::Scenario {
    let mut s = presets::preset(presets::DEFAULT).unwrap().scenario;
    s.agents = 4_000;
    s.replicates = 8;
    s
}

/// Presses and releases `key` wherever focus is.
async fn press(session: &Session, key: char) {
    let actions =
        KeyActions::new("keyboard".into()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    session.client.perform_actions(actions).await.unwrap_or_else(|e| panic!("e2e: cannot press {key:?}: {e}"));
}

/// Focus on the page itself, so keys go to the page's own handler.
async fn blur(session: &Session) {
    session.js("document.activeElement && document.activeElement.blur(); return null;").await;
}

/// Counts the stage canvas's pixels close to one of `colours` (RGB), in the part of the canvas given as
/// fractions of its width and height (`[x0, x1, y0, y1]`).
async fn coloured_pixels(session: &Session, colours: &[(u8, u8, u8)], region: [f64; 4]) -> u64 {
    let script = "const c = document.getElementById('stage-chart'); const [x0, x1, y0, y1] = arguments[1]; \
        const ctx = c.getContext('2d'); const w = c.width, h = c.height; \
        const sx = Math.floor(w * x0), sy = Math.floor(h * y0); \
        const d = ctx.getImageData(sx, sy, Math.max(1, Math.floor(w * x1) - sx), Math.max(1, Math.floor(h * y1) - sy)).data; \
        let n = 0; for (let i = 0; i < d.length; i += 4) { for (const [r, g, b] of arguments[0]) { \
          if (Math.abs(d[i] - r) < 12 && Math.abs(d[i + 1] - g) < 12 && Math.abs(d[i + 2] - b) < 12) { n++; break; } } } \
        return n;";
    let colours: Vec<Value> = colours.iter().map(|(r, g, b)| serde_json::json!([r, g, b])).collect();
    let out = session
        .client
        .execute(script, vec![Value::Array(colours), serde_json::json!(region)])
        .await
        .expect("e2e: cannot read the stage canvas");
    out.as_u64().unwrap_or_else(|| panic!("e2e: pixel count was {out}"))
}

/// The line colours of the first groups (Okabe–Ito blue, orange, bluish green, reddish purple, sky blue).
const GROUP_COLOURS: [(u8, u8, u8); 5] =
    [(0x00, 0x72, 0xB2), (0xE6, 0x9F, 0x00), (0x00, 0x9E, 0x73), (0xCC, 0x79, 0xA7), (0x56, 0xB4, 0xE9)];

/// True once the stage canvas is drawn at least as wide as it is shown.
const STAGE_DRAWN: &str =
    "(() => { const c = document.getElementById('stage-chart'); return c && c.width >= c.clientWidth && c.clientWidth > 0; })()";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presenting_mode_fills_a_projector_screen_and_the_year_control_reveals_exactly_up_to_the_year() {
    let scenario = small_default();
    let session = Session::open(&format!("/{}", link::fragment_for(&scenario))).await;
    set_viewport(&session, 1280, 720).await;
    session.wait_for_complete_run(scenario.replicates).await;
    blur(&session).await;
    press(&session, 'p').await;
    session.wait_for("#stage-chart").await;
    session.wait_until(STAGE_DRAWN, "the stage chart drawn").await;
    let measured = session
        .js("const r = document.getElementById('stage-chart').getBoundingClientRect(); \
             return [r.left, r.top, r.right, r.bottom, document.documentElement.scrollHeight, \
                     document.querySelector('.top-bar') === null, document.querySelector('footer') === null];")
        .await;
    let n = |i: usize| measured[i].as_f64().unwrap();
    let (width, height) = (n(2) - n(0), n(3) - n(1));
    assert!(width >= 0.9 * 1280.0, "the stage chart is {width} px wide of 1280");
    assert!(height >= 0.6 * 720.0 && n(3) <= 720.0, "the stage chart runs from {} to {} of 720 px", n(1), n(3));
    assert!(n(4) <= 720.0, "presenting mode scrolls: the page is {} px tall", n(4));
    assert_eq!((measured[5].as_bool(), measured[6].as_bool()), (Some(true), Some(true)), "the page chrome is hidden");
    session.screenshot("presenting-1280x720").await;

    // Year 4: exactly months 0 to 48 are drawn, with year 4's numbers; nothing right of year 4 is drawn.
    let summary = run::run(&scenario).unwrap();
    press(&session, Key::Home.into()).await;
    for _ in 0..4 {
        press(&session, Key::Right.into()).await;
    }
    session.wait_for_text("#year-label", "Year 4 of 10").await;
    session.wait_until("document.getElementById('stage-figure').dataset.upToMonth === '48'", "months up to 48").await;
    let expected = year_figures(&summary, Some(48));
    let shown = session.text("#year-reached .year-figure-value").await;
    assert_eq!(shown.replace('\n', " "), expected[0].value, "people reached at year 4");
    session.wait_until(STAGE_DRAWN, "the stage chart redrawn").await;
    // Plot area right of year 4 (x from 60% of the width; the legend sits above 30% of the height).
    let late = [0.6, 0.97, 0.35, 0.85];
    let early = [0.08, 0.4, 0.35, 0.85];
    assert_eq!(coloured_pixels(&session, &GROUP_COLOURS, late).await, 0, "a curve is drawn after year 4");
    assert!(coloured_pixels(&session, &GROUP_COLOURS, early).await > 0, "no curve is drawn up to year 4");
    session.screenshot("presenting-year-4").await;
    press(&session, Key::End.into()).await;
    session.wait_for_text("#year-label", "All 10 years").await;
    session.wait_until("!('upToMonth' in document.getElementById('stage-figure').dataset)", "every month").await;
    session.wait_until(STAGE_DRAWN, "the stage chart redrawn").await;
    assert!(coloured_pixels(&session, &GROUP_COLOURS, late).await > 0, "the later years are not drawn at the end");
    // Space plays from year 0; Space again pauses.
    press(&session, ' ').await;
    session.wait_for_text("#year-label", "Year 1 of 10").await;
    press(&session, ' ').await;
    session.wait_until("document.getElementById('play').getAttribute('aria-pressed') === 'false'", "paused").await;
    // Esc leaves.
    press(&session, Key::Escape.into()).await;
    session.wait_for(".top-bar").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hidden_result_is_neither_in_the_page_nor_on_the_canvas_until_revealed_and_the_guess_stays() {
    let scenario = small_default();
    let session = Session::open(&format!("/{}", link::fragment_for(&scenario))).await;
    set_viewport(&session, 1280, 720).await;
    session.wait_for_complete_run(scenario.replicates).await;
    session.wait_for("#present").await.click().await.unwrap();
    session.wait_for("#stage-chart").await;
    blur(&session).await;
    press(&session, 'h').await;
    session.wait_for("#hidden-note").await;
    session.wait_until(STAGE_DRAWN, "the empty frame drawn").await;
    let summary = run::run(&scenario).unwrap();
    let secrets: Vec<String> = year_figures(&summary, None).into_iter().map(|f| f.value).collect();
    let page = session.js("return document.documentElement.outerHTML + document.body.innerText;").await;
    let page = page.as_str().unwrap().replace('\n', " ");
    for secret in &secrets {
        let number = secret.split(' ').next().unwrap();
        assert!(!page.contains(number), "hidden, yet the page holds {number} (from {secret})");
    }
    let everywhere = [0.0, 1.0, 0.0, 1.0];
    assert_eq!(coloured_pixels(&session, &GROUP_COLOURS, everywhere).await, 0, "hidden, yet a curve is drawn");
    // The room marks its guess with a click, then nudges it with the keyboard.
    session.wait_for("#stage-chart").await.click().await.unwrap();
    session.wait_for("#guess-text").await;
    let clicked = session.text("#guess-text").await;
    session.js("document.getElementById('stage-chart').focus(); return null;").await;
    press(&session, Key::Up.into()).await;
    session
        .wait_until(&format!("document.getElementById('guess-text').innerText !== {clicked:?}"), "the guess moved")
        .await;
    let guess = session.text("#guess-text").await;
    assert_eq!(session.text("#year-label").await, "All 10 years", "arrows on the chart move the guess, not the year");
    session.screenshot("presenting-hidden-guess").await;
    // Reveal: the numbers and the curves appear, the guess stays beside them.
    blur(&session).await;
    press(&session, 'r').await;
    session.wait_for("#year-reached").await;
    session.wait_until(STAGE_DRAWN, "the result drawn").await;
    let shown = session.text("#year-figures").await.replace('\n', " ");
    assert!(shown.contains(secrets[0].as_str()), "revealed, yet {} is missing from {shown}", secrets[0]);
    assert_eq!(session.text("#guess-text").await, guess, "the guess stays after the reveal");
    session.wait_for(".guess-marker").await;
    assert!(coloured_pixels(&session, &GROUP_COLOURS, everywhere).await > 0, "revealed, yet no curve is drawn");
    session.screenshot("presenting-revealed-guess").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn facilitator_steps_advance_with_the_keyboard_and_a_step_makes_its_change() {
    let session = Session::open("/").await;
    set_viewport(&session, 1280, 720).await;
    session.wait_for("#present").await;
    blur(&session).await;
    press(&session, 'p').await;
    session.wait_for(".present-bar").await;
    press(&session, 'n').await;
    let notes = notes::for_preset(presets::DEFAULT).unwrap();
    let step = |i: usize| {
        format!("Step {} of {}: {} ({} min)", i + 1, notes.steps.len(), notes.steps[i].title, notes.steps[i].minutes)
    };
    session.wait_for_text("#notes-step", &step(0)).await;
    press(&session, Key::PageDown.into()).await;
    session.wait_for_text("#notes-step", &step(1)).await;
    press(&session, Key::PageDown.into()).await;
    press(&session, Key::PageUp.into()).await;
    session.wait_for_text("#notes-step", &step(1)).await;
    assert_eq!(session.text("#notes-question").await, notes.steps[1].question);
    session.screenshot("presenting-notes").await;
    // The last step of the default preset's notes changes a lever with one click.
    for _ in 0..notes.steps.len() {
        press(&session, Key::PageDown.into()).await;
    }
    let last = notes.steps.len() - 1;
    session.wait_for_text("#notes-step", &step(last)).await;
    let change = &notes.steps[last].set[0];
    session.wait_for("#notes-apply").await.click().await.unwrap();
    press(&session, 'c').await;
    let field = format!("lever-{}", change.path.replace('.', "-"));
    let applied = format!(
        "document.getElementById('{field}') && parseFloat(document.getElementById('{field}').value) === {}",
        change.value
    );
    session.wait_until(&applied, "the step's change on its lever").await;
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_handout_prints_one_a4_page_per_scenario() {
    let scenario = small_default();
    let session = Session::open(&format!("/{}", link::fragment_for(&scenario))).await;
    session.wait_for_complete_run(scenario.replicates).await;
    session.wait_for("#pin-baseline").await.click().await.unwrap();
    session.wait_for("#clear-baseline").await;
    session.set_field("#lever-levers-subsidy-level", "1").await;
    session.wait_for_complete_run(scenario.replicates).await;
    session.wait_for("#handout-open").await.click().await.unwrap();
    session.wait_for("#handout-page-1").await;
    session
        .wait_until("[...document.querySelectorAll('.handout canvas')].length === 4 && [...document.querySelectorAll('.handout canvas')].every(c => c.width > 0 && c.height > 0)", "the handout's charts drawn")
        .await;
    let reached = session.text("#handout-0-headline-reached dd").await;
    assert!(reached.contains('%') && reached.contains('('), "people reached without its interval: {reached}");
    session.emulate_media("print").await;
    session.screenshot("handout-print").await;
    let pdf = session
        .client
        .print(PrintConfiguration::builder().size(PrintSize::A4).build().unwrap())
        .await
        .unwrap_or_else(|e| panic!("e2e: printing failed: {e}"));
    std::fs::write(crate::session::artifacts_dir().join("handout.pdf"), &pdf).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
    assert_eq!(pages, 2, "two scenarios (this one and the baseline) should print on two A4 pages, not {pages}");
    session.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_one_visit_the_page_reloads_and_runs_with_the_server_stopped() {
    let scenario = small_default();
    let path = format!("/{}", link::fragment_for(&scenario));
    let session = Session::open(&path).await;
    session.wait_for_complete_run(scenario.replicates).await;
    session.js("navigator.serviceWorker.ready.then(r => { window.__offlineReady = !!r.active; }); return null;").await;
    session
        .wait_until(
            "window.__offlineReady === true && navigator.serviceWorker.controller !== null",
            "the service worker",
        )
        .await;
    session.server.stop();
    let address = session.server.base_url.trim_start_matches("http://").to_string();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while tokio::net::TcpStream::connect(&address).await.is_ok() {
        assert!(std::time::Instant::now() < deadline, "the server still answers after being stopped");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    session.client.refresh().await.expect("e2e: reload");
    session.wait_until("document.readyState === 'complete'", "the page reloaded").await;
    session.wait_for_complete_run(scenario.replicates).await;
    session.finish().await;
}

/// The ranking table's rows as (team, result) pairs.
async fn ranking_rows(session: &Session) -> Vec<(String, String)> {
    let rows = session
        .js("return [...document.querySelectorAll('#ranking tbody tr')].map(r => \
             [r.querySelector('th').innerText, r.querySelectorAll('td')[1].innerText.replace(/\\n/g, ' ')]);")
        .await;
    serde_json::from_value(rows).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_two_team_debrief_ranks_the_teams_plans_as_the_engine_does() {
    use rollout_lab::workshop::debrief::{rank, Measure};
    let red = small_default();
    let mut blue = red.clone();
    blue.levers.subsidy.level = 1.0;
    let session = Session::open(&format!("/{}", link::fragment_for(&red))).await;
    set_viewport(&session, 1280, 720).await;
    session.wait_for_complete_run(red.replicates).await;
    blur(&session).await;
    press(&session, 'p').await;
    session.wait_for(".present-bar").await;
    press(&session, 'd').await;
    session.wait_for("#debrief-empty").await;
    session.set_field("#team-name", "Red").await;
    session.wait_for("#team-add").await.click().await.unwrap();
    session.wait_until("document.querySelectorAll('#ranking tbody tr').length === 1", "Red's plan ranked").await;
    blur(&session).await;
    press(&session, 'c').await;
    session.set_field("#lever-levers-subsidy-level", "1").await;
    session.set_field("#team-name", "Blue").await;
    session.wait_for("#team-add").await.click().await.unwrap();
    session.wait_until("document.querySelectorAll('#ranking tbody tr').length === 2", "both plans ranked").await;
    let plans: Vec<(String, std::rc::Rc<rollout_engine::summary::RunSummary>, u32)> = [("Red", &red), ("Blue", &blue)]
        .into_iter()
        .map(|(name, s)| (name.to_string(), std::rc::Rc::new(run::run(s).unwrap()), s.agents))
        .collect();
    for measure in Measure::ALL {
        session.wait_for(&format!("#{}", measure.id())).await.click().await.unwrap();
        let expected: Vec<(String, String)> = rank(&plans, measure).into_iter().map(|r| (r.name, r.value)).collect();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let mut shown = ranking_rows(&session).await;
        while shown != expected && std::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            shown = ranking_rows(&session).await;
        }
        assert_eq!(shown, expected, "ranked on {measure:?}");
    }
    session.wait_for("#rank-reach").await.click().await.unwrap();
    session.screenshot("presenting-debrief").await;
    session.finish().await;
}
