//! The page refuses a linked or opened scenario whose run it cannot hold (memory) or finish in a minute,
//! keeps the default (or current) scenario, and says which command would run it; so does an edit in the form.
#![cfg(not(target_arch = "wasm32"))]

use rollout_engine::{link, presets};
use rollout_lab::state::{reduce, Action, AppState};

fn too_large() -> rollout_engine::Scenario {
    let mut s = presets::preset("bass").unwrap().scenario;
    let group = s.groups.list[0].clone();
    s.groups.list =
        (0..64).map(|i| rollout_engine::scenario::Group { name: format!("G{i}"), ..group.clone() }).collect();
    (s.agents, s.months, s.replicates) = (1, 600, 1_000);
    s
}

#[test]
fn a_link_over_the_page_memory_shows_a_message_and_the_default() {
    let s = too_large();
    assert_eq!(s.validate(), Ok(()), "valid, only too costly");
    let fragment = link::fragment_for(&s);
    assert!(fragment.len() < 3_000, "a short link");
    let state = AppState::from_fragment(&fragment);
    assert_eq!(state.scenario, AppState::new().scenario);
    let notice = state.notice.expect("a notice");
    assert!(notice.contains("rollout run scenario.json --allow-long"), "{notice}");
    assert!(notice.ends_with("The default scenario is shown instead."), "{notice}");
}

#[test]
fn an_opened_file_over_the_limits_keeps_the_current_scenario() {
    let state = AppState::new();
    let next = reduce(&state, Action::LoadScenario { scenario: Box::new(too_large()), notice: None });
    assert_eq!(next.scenario, state.scenario);
    assert!(next.notice.unwrap().contains("more than this page runs"));
}

#[test]
fn an_edit_over_the_limits_is_refused_at_its_field_and_the_run_kept() {
    let state = AppState::new();
    let next = reduce(&state, Action::SetField { path: "agents".into(), value: "50000000".into() });
    assert_eq!(next.scenario, state.scenario, "the last valid scenario stays");
    assert_eq!(next.run_id(), state.run_id(), "no new run starts");
    let message = next.errors.get("agents").expect("an error at the agents field");
    assert!(message.contains("--allow-long"), "{message}");
    assert_eq!(next.drafts.get("agents").map(String::as_str), Some("50000000"), "what was typed is kept");
    let fine = reduce(&state, Action::SetField { path: "agents".into(), value: "20000".into() });
    assert_eq!(fine.scenario.agents, 20_000);
}
