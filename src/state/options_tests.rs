//! The reducer with options, a comparison link, Undo/Redo/Reset and the ghost: runs are shared, never
//! copied, and restored exactly.

use std::rc::Rc;

use rollout_engine::model::run_replicate;
use rollout_engine::presets;

use super::*;

fn small() -> AppState {
    let mut scenario = (*AppState::new().scenario).clone();
    (scenario.agents, scenario.months, scenario.replicates) = (500, 12, 3);
    reduce(&AppState::new(), Action::LoadScenario { scenario: Box::new(scenario), notice: None })
}

/// Every replicate of the run the workers would compute now, until none is pending.
fn finish_all(mut state: AppState) -> AppState {
    while let Some(run) = state.job().cloned() {
        for r in 0..run.scenario.replicates {
            let result = run_replicate(&run.scenario, r);
            state = reduce(&state, Action::ReplicateArrived { run_id: run.id, result });
        }
    }
    state
}

fn set(state: &AppState, path: &str, value: &str) -> AppState {
    reduce(state, Action::SetField { path: path.into(), value: value.into() })
}

#[test]
fn undo_brings_back_the_previous_run_itself_and_redo_the_undone_one() {
    let first = finish_all(small());
    let moved = finish_all(set(&first, "levers.support.level", "0.9"));
    assert!(Rc::ptr_eq(moved.ghost.as_ref().unwrap(), &first.run), "the run before the change is the ghost");
    let undone = reduce(&moved, Action::Undo);
    assert!(Rc::ptr_eq(&undone.run, &first.run), "the previous run, not a re-run");
    assert_eq!(undone.scenario, first.scenario);
    assert!(Rc::ptr_eq(undone.summary().unwrap(), first.summary().unwrap()), "the previous numbers exactly");
    assert!(undone.job().is_none(), "nothing to compute again");
    let redone = reduce(&undone, Action::Redo);
    assert!(Rc::ptr_eq(&redone.run, &moved.run));
    assert!(reduce(&redone, Action::Redo).future.is_empty());
    let branched = set(&undone, "levers.subsidy.level", "0.4");
    assert!(branched.future.is_empty(), "a new change forgets what was undone");
    let fresh = AppState::new();
    assert!(Rc::ptr_eq(&reduce(&fresh, Action::Undo).run, &fresh.run), "nothing to undo changes nothing");
}

#[test]
fn a_preset_and_reset_are_undoable() {
    let edited = finish_all(set(&small(), "levers.subsidy.level", "0.9"));
    let preset = reduce(&edited, Action::SelectPreset("pilot-ends".into()));
    assert_eq!(preset.preset, "pilot-ends");
    let back = reduce(&preset, Action::Undo);
    assert!(Rc::ptr_eq(&back.run, &edited.run), "choosing a preset after edits loses nothing");
    let moved = set(&preset, "levers.support.level", "1");
    let reset = reduce(&moved, Action::Reset);
    assert_eq!(*reset.scenario, presets::preset("pilot-ends").unwrap().scenario, "reset goes to the preset chosen");
    assert_eq!(reduce(&reset, Action::Undo).scenario, moved.scenario);
}

#[test]
fn an_option_shares_the_current_run_follows_its_replicates_and_loads_back() {
    let state = small();
    let added = reduce(&state, Action::AddOption("Universal".into()));
    assert!(Rc::ptr_eq(&added.options[0].run, &state.run));
    let done = finish_all(added);
    assert!(Rc::ptr_eq(&done.options[0].run, &done.run), "one run, held twice, filled once");
    let moved = finish_all(set(&done, "levers.support.level", "1"));
    let named = reduce(&moved, Action::AddOption("Universal".into()));
    assert!(named.errors[NEW_OPTION_FIELD].contains("already names an option"));
    assert_eq!(named.drafts[NEW_OPTION_FIELD], "Universal", "what was typed is kept");
    let two = reduce(&named, Action::AddOption("Full support".into()));
    assert!(two.errors.is_empty() && two.options.len() == 2);
    let loaded = reduce(&two, Action::LoadOption(0));
    assert!(Rc::ptr_eq(&loaded.run, &done.run), "loading an option brings its run back, nothing re-runs");
    assert!(loaded.job().is_none());
    assert!(Rc::ptr_eq(&reduce(&loaded, Action::Undo).run, &two.run), "loading is undoable");
    let renamed = reduce(&loaded, Action::RenameOption { index: 1, name: "Universal".into() });
    assert!(renamed.errors[&option_field(1)].contains("already names"));
    let removed = reduce(&loaded, Action::RemoveOption(0));
    assert_eq!(removed.options.len(), 1);
    assert_eq!(removed.options[0].name, "Full support");
}

#[test]
fn a_comparison_link_reopens_its_options_and_baseline_and_runs_them_in_turn() {
    let done = finish_all(small());
    let pinned = reduce(&done, Action::PinBaseline);
    let a = reduce(&pinned, Action::AddOption("A".into()));
    let b = finish_all(reduce(&set(&a, "levers.subsidy.level", "1"), Action::AddOption("B".into())));
    let c = finish_all(reduce(&set(&b, "levers.support.level", "1"), Action::AddOption("C".into())));
    let fragment = c.fragment();
    let opened = AppState::from_fragment(&fragment);
    assert!(opened.notice.is_none(), "{:?}", opened.notice);
    assert_eq!(opened.scenario, c.scenario);
    assert_eq!(opened.baseline.as_ref().unwrap().scenario, pinned.baseline.as_ref().unwrap().scenario);
    let names: Vec<&str> = opened.options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["A", "B", "C"]);
    assert!(Rc::ptr_eq(&opened.options[2].run, &opened.run), "an option equal to the scenario shares its run");
    let ids: Vec<u64> = [opened.run.id, opened.baseline.as_ref().unwrap().id]
        .into_iter()
        .chain(opened.options.iter().map(|o| o.run.id))
        .collect();
    assert!(Rc::ptr_eq(&opened.options[0].run, opened.baseline.as_ref().unwrap()), "one run per scenario");
    assert_eq!(ids.iter().collect::<std::collections::BTreeSet<_>>().len(), 3, "three scenarios, three runs: {ids:?}");
    assert!(Rc::ptr_eq(opened.job().unwrap(), &opened.run), "the scenario on screen runs first");
    let filled = finish_all(opened);
    for (o, original) in filled.options.iter().zip(c.options.iter()) {
        assert_eq!(o.run.summary, original.run.summary, "option {} reopens with identical numbers", o.name);
    }
    let back = reduce(&filled, Action::LoadComparison(Box::new(comparison_link::decode(&fragment).unwrap())));
    assert!(Rc::ptr_eq(&back.options[0].run, &filled.options[0].run), "going back re-runs nothing");
    let broken = AppState::from_fragment(&fragment[..fragment.len() - 30]);
    assert!(broken.options.is_empty());
    assert!(broken.notice.unwrap().starts_with("The link's option 3 (\"C\")"));
}
