//! The "Is it worth it?" panel: the page's cost per QALY is the engine's, every figure explains itself
//! behind its "?", and the budget, staircase and equity-plane charts are drawn.

use rollout_engine::{link, presets, run};
use rollout_lab::components::cost_per_text;

use crate::session::Session;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_panel_shows_the_engines_cost_per_qaly_with_its_help_and_charts() {
    let mut s = presets::preset("targeted-support").unwrap().scenario;
    (s.agents, s.months, s.replicates) = (4_000, 60, 6);
    let session = Session::open(&format!("/{}", link::fragment_for(&s))).await;
    session.wait_for_complete_run(s.replicates).await;
    let expected = cost_per_text(&run::run(&s).unwrap().economics.icer, "QALY");
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    session.wait_until(
        &format!("(() => {{ const el = document.querySelector('#econ-icer dd'); return !!el && el.textContent.replace(/\\s+/g, ' ').trim() === {}; }})()",
            serde_json::to_string(&words(&expected)).unwrap()),
        "the page's cost per QALY to be the engine's",
    )
    .await;
    assert_eq!(words(&session.text("#econ-icer dd").await), words(&expected));
    session.wait_for("#econ-icer-help-button").await.click().await.unwrap();
    let help = session.text("#econ-icer-help").await;
    assert!(help.contains("extra year of healthy life"), "{help}");
    for id in ["#chart-budget-impact", "#chart-staircase", "#chart-equity-plane", "#econ-thresholds", "#econ-groups"] {
        session.wait_for(id).await;
    }
    session.screenshot("worth-it").await;
    session.finish().await;
}
