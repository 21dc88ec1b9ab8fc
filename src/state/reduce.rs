//! The reducer: state + action -> state, pure. It clones the small form state and replaces runs (`Rc`),
//! never copying one.

use std::rc::Rc;

use rollout_engine::scenario::set_dotted;
use rollout_engine::Scenario;

use super::groups::{add_group, remove_group, rename_group};
use super::history::{popped, pushed};
use super::options::{self, PolicyOption};
use super::{affordable_comparison, preset_matching, Action, AppState, Comparison, Run};

/// Most groups the page adds: one colour each from the Okabe–Ito palette without yellow and black (black
/// is all groups), see `charts::palette`.
pub const MAX_GROUPS: usize = crate::charts::palette::LINE_PALETTE.len() - 1;

/// The error key of the "new option" name field.
pub const NEW_OPTION_FIELD: &str = "options.new";

/// The error key of option `index`'s name field.
pub fn option_field(index: usize) -> String {
    format!("options.{index}.name")
}

/// Apply an action.
pub fn reduce(state: &AppState, action: Action) -> AppState {
    let mut next = state.clone();
    match action {
        Action::SelectPreset(name) => match AppState::from_preset(&name) {
            Some(fresh) => {
                next.preset = fresh.preset;
                next.drafts = Rc::default();
                next.errors = Rc::default();
                next.notice = None;
                next.origin = fresh.scenario.clone();
                if *fresh.scenario != *state.scenario {
                    start_run(&mut next, fresh.scenario);
                }
            }
            None => next.notice = Some(format!("There is no preset called \"{name}\".")),
        },
        Action::SetField { path, value } => {
            match set_dotted(&state.scenario, &path, value.trim()).map_err(|e| e.to_string()).and_then(affordable) {
                Ok(changed) => {
                    clear_field(&mut next, &path);
                    accept(&mut next, changed);
                }
                Err(e) => refuse(&mut next, path, Some(value), e),
            }
        }
        Action::SetTargets { lever, groups } => {
            let list = serde_json::to_string(&groups).expect("names serialise");
            match set_dotted(&state.scenario, &format!("{lever}.groups"), &list) {
                Ok(changed) => {
                    clear_field(&mut next, &lever);
                    accept(&mut next, changed);
                }
                Err(e) => refuse(&mut next, lever, None, e.to_string()),
            }
        }
        Action::AddGroup => {
            if state.scenario.groups.list.len() >= MAX_GROUPS {
                let message = format!(
                    "Population groups: at most {MAX_GROUPS} groups can be added here, so that each is drawn in its \
                     own colour-blind-safe colour; remove one first."
                );
                refuse(&mut next, "groups.list".into(), None, message);
            } else {
                try_groups(&mut next, "groups.list", add_group(&state.scenario));
            }
        }
        Action::RemoveGroup(index) => {
            if state.scenario.groups.list.len() <= 1 {
                refuse(&mut next, "groups.list".into(), None, "A scenario needs at least one group.".into());
            } else {
                Rc::make_mut(&mut next.drafts).retain(|k, _| !k.starts_with("groups.list."));
                Rc::make_mut(&mut next.errors).retain(|k, _| !k.starts_with("groups.list."));
                try_groups(&mut next, "groups.list", remove_group(&state.scenario, index));
            }
        }
        Action::RenameGroup { index, name } => {
            let path = format!("groups.list.{index}.name");
            let renamed = rename_group(&state.scenario, index, name.trim());
            match renamed.validate() {
                Ok(()) => {
                    clear_field(&mut next, &path);
                    accept(&mut next, renamed);
                }
                Err(e) => refuse(&mut next, path, Some(name), e.to_string()),
            }
        }
        Action::SetOrdered(ordered) => {
            let mut changed = (*state.scenario).clone();
            changed.groups.ordered = ordered;
            accept(&mut next, changed);
        }
        Action::ReplicateArrived { run_id, result } => arrive(&mut next, run_id, result),
        Action::LoadScenario { scenario, notice } => match scenario
            .validate()
            .map_err(|e| e.to_string())
            .and_then(|()| rollout_engine::cost::check_for_browser(&scenario).map_err(|e| e.to_string()))
        {
            Ok(()) => {
                next.drafts = Rc::default();
                next.errors = Rc::default();
                next.notice = notice;
                accept(&mut next, *scenario);
            }
            Err(e) => next.notice = Some(format!("That scenario cannot be run: {e}. Nothing was changed.")),
        },
        Action::ShowNotice(message) => next.notice = Some(message),
        Action::AddOption(name) => match options::add(&state.options, &name, state.run.clone()) {
            Ok(list) => {
                next.options = Rc::new(list);
                clear_field(&mut next, NEW_OPTION_FIELD);
            }
            Err(e) => refuse(&mut next, NEW_OPTION_FIELD.into(), Some(name), e.to_string()),
        },
        Action::LoadOption(index) => {
            if let Some(option) = state.options.get(index) {
                next.drafts = Rc::default();
                next.errors = Rc::default();
                change_to(&mut next, option.run.clone());
            }
        }
        Action::RenameOption { index, name } => match options::rename(&state.options, index, &name) {
            Ok(list) => {
                next.options = Rc::new(list);
                clear_field(&mut next, &option_field(index));
            }
            Err(e) => refuse(&mut next, option_field(index), Some(name), e.to_string()),
        },
        Action::RemoveOption(index) => {
            if let Ok(list) = options::remove(&state.options, index) {
                next.options = Rc::new(list);
                Rc::make_mut(&mut next.drafts).retain(|k, _| !k.starts_with("options."));
                Rc::make_mut(&mut next.errors).retain(|k, _| !k.starts_with("options."));
            }
        }
        Action::LoadComparison(comparison) => match comparison
            .current
            .validate()
            .map_err(|e| e.to_string())
            .and_then(|()| affordable_comparison(&comparison))
        {
            Ok(()) => {
                next.drafts = Rc::default();
                next.errors = Rc::default();
                next.notice = comparison.note.map(str::to_string);
                let current = comparison.current.clone();
                if current != *state.scenario {
                    match known_run(&next, &current) {
                        Some(run) => change_to(&mut next, run),
                        None => accept(&mut next, current),
                    }
                }
                open_comparison(&mut next, *comparison);
            }
            Err(e) => next.notice = Some(format!("That comparison cannot be opened: {e} Nothing was changed.")),
        },
        Action::Undo => {
            if let Some((rest, previous)) = popped(&state.past) {
                next.future = pushed(&state.future, state.run.clone());
                next.past = rest;
                restore(&mut next, previous);
            }
        }
        Action::Redo => {
            if let Some((rest, undone)) = popped(&state.future) {
                next.past = pushed(&state.past, state.run.clone());
                next.future = rest;
                restore(&mut next, undone);
            }
        }
        Action::Reset => {
            next.drafts = Rc::default();
            next.errors = Rc::default();
            accept(&mut next, (*state.origin).clone());
        }
        Action::PinBaseline => {
            if state.complete() {
                next.baseline = Some(state.run.clone());
            }
        }
        Action::ClearBaseline => next.baseline = None,
        Action::ToggleLargeText => next.large_text = !state.large_text,
        Action::DismissNotice => next.notice = None,
        Action::Workshop(action) => next.workshop.apply(action, state.scenario.months),
        Action::Study(action) => crate::experiments::apply(&mut next, action),
    }
    next.workshop.after(&next.run, &next.preset);
    next
}

/// Take a valid changed scenario: a new run starts (old replicates are dropped; the old summary stays
/// on screen until the new run's first replicate).
fn accept(next: &mut AppState, changed: Scenario) {
    if changed == *next.scenario {
        return;
    }
    next.preset = preset_matching(&changed);
    start_run(next, changed);
}

/// A new, empty run of `scenario`, with the next id; the run it replaces goes on the Undo stack.
fn start_run(next: &mut AppState, scenario: impl Into<Rc<Scenario>>) {
    next.last_run_id += 1;
    let run = Rc::new(Run::new(next.last_run_id, scenario.into()));
    change_to(next, run);
}

/// Make `run` the current run as a new change: the run it replaces goes on the Undo stack, Redo is
/// forgotten.
fn change_to(next: &mut AppState, run: Rc<Run>) {
    if Rc::ptr_eq(&run, &next.run) {
        return;
    }
    next.past = pushed(&next.past, next.run.clone());
    next.future = Rc::default();
    restore(next, run);
}

/// Show `run` as the current run (its scenario in the form); the run on screen until now becomes the ghost.
fn restore(next: &mut AppState, run: Rc<Run>) {
    next.ghost = next.shown.clone().filter(|shown| !Rc::ptr_eq(shown, &run));
    next.preset = preset_matching(&run.scenario);
    next.scenario = run.scenario.clone();
    if run.summary.is_some() {
        next.shown = Some(run.clone());
    }
    next.run = run;
}

/// A replicate of run `run_id`: wherever that run is held (current, baseline, options), the same new `Run`
/// replaces it.
fn arrive(next: &mut AppState, run_id: u64, result: rollout_engine::record::ReplicateResult) {
    let held = std::iter::once(&next.run)
        .chain(next.baseline.as_ref())
        .chain(next.options.iter().map(|o| &o.run))
        .find(|run| run.id == run_id);
    let Some(updated) = held.and_then(|run| run.with(result)).map(Rc::new) else { return };
    if next.run.id == run_id {
        next.run = updated.clone();
        if next.run.summary.is_some() {
            next.shown = Some(next.run.clone());
        }
    }
    if next.baseline.as_ref().is_some_and(|b| b.id == run_id) {
        next.baseline = Some(updated.clone());
    }
    if next.options.iter().any(|o| o.run.id == run_id) {
        for option in Rc::make_mut(&mut next.options).iter_mut().filter(|o| o.run.id == run_id) {
            option.run = updated.clone();
        }
    }
}

/// A run of exactly `scenario` the page already holds (current, on screen, baseline, options, Undo).
fn known_run(next: &AppState, scenario: &Scenario) -> Option<Rc<Run>> {
    std::iter::once(&next.run)
        .chain(next.shown.as_ref())
        .chain(next.baseline.as_ref())
        .chain(next.options.iter().map(|o| &o.run))
        .chain(next.past.iter().rev())
        .find(|run| *run.scenario == *scenario)
        .cloned()
}

/// Take a comparison's baseline and options: runs of scenarios the page already holds are kept (going
/// back and forward never re-runs them), the others are new runs that the workers fill in turn.
pub(super) fn open_comparison(next: &mut AppState, comparison: Comparison) {
    let mut last = next.last_run_id;
    let mut made: Vec<Rc<Run>> = Vec::new();
    let mut run_of = |scenario: rollout_engine::Scenario| {
        let same = made.iter().find(|run| *run.scenario == scenario).cloned();
        same.or_else(|| known_run(next, &scenario)).unwrap_or_else(|| {
            last += 1;
            let run = Rc::new(Run::new(last, Rc::new(scenario)));
            made.push(run.clone());
            run
        })
    };
    let baseline = comparison.baseline.map(&mut run_of);
    let list: Vec<PolicyOption> =
        comparison.options.into_iter().map(|(name, scenario)| PolicyOption { name, run: run_of(scenario) }).collect();
    next.last_run_id = last;
    next.baseline = baseline;
    next.options = Rc::new(list);
}

fn clear_field(next: &mut AppState, path: &str) {
    if next.drafts.contains_key(path) {
        Rc::make_mut(&mut next.drafts).remove(path);
    }
    if next.errors.contains_key(path) {
        Rc::make_mut(&mut next.errors).remove(path);
    }
}

/// Show why `path` was refused (and, for typed text, keep what was typed).
fn refuse(next: &mut AppState, path: String, typed: Option<String>, reason: String) {
    if let Some(typed) = typed {
        Rc::make_mut(&mut next.drafts).insert(path.clone(), typed);
    }
    Rc::make_mut(&mut next.errors).insert(path, reason);
}

fn try_groups(next: &mut AppState, path: &str, changed: Scenario) {
    match changed.validate().map_err(|e| e.to_string()).and_then(|()| affordable(changed)) {
        Ok(changed) => {
            clear_field(next, path);
            accept(next, changed);
        }
        Err(e) => refuse(next, path.to_string(), None, e),
    }
}

/// An edit the page can run: its results fit in the page's memory and it finishes within a minute
/// (`cost::check_for_browser`); otherwise the message with the estimate and the CLI command that would run it.
fn affordable(changed: Scenario) -> Result<Scenario, String> {
    rollout_engine::cost::check_for_browser(&changed).map(|()| changed).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use rollout_engine::model::run_replicate;
    use rollout_engine::summary::summarise;

    use super::*;

    fn small() -> AppState {
        let mut scenario = (*AppState::new().scenario).clone();
        (scenario.agents, scenario.months, scenario.replicates) = (500, 12, 3);
        reduce(&AppState::new(), Action::LoadScenario { scenario: Box::new(scenario), notice: None })
    }

    fn arrive(state: &AppState, replicate: u32) -> AppState {
        let result = run_replicate(&state.scenario, replicate);
        reduce(state, Action::ReplicateArrived { run_id: state.run_id(), result })
    }

    fn set(state: &AppState, path: &str, value: &str) -> AppState {
        reduce(state, Action::SetField { path: path.into(), value: value.into() })
    }

    #[test]
    fn a_valid_lever_move_changes_the_scenario_and_starts_a_new_run() {
        let state = small();
        let next = set(&state, "levers.subsidy.level", "0.8");
        assert_eq!(next.scenario.levers.subsidy.level, 0.8);
        assert_eq!(next.run_id(), state.run_id() + 1);
        assert!(next.errors.is_empty() && next.drafts.is_empty());
        assert_eq!(set(&next, "levers.subsidy.level", "0.8").run_id(), next.run_id(), "no change, no new run");
    }

    #[test]
    fn an_invalid_value_shows_at_the_field_and_keeps_the_last_valid_scenario() {
        let state = small();
        let next = set(&state, "groups.list.0.access", "1.7");
        assert_eq!(next.scenario, state.scenario);
        assert_eq!(next.run_id(), state.run_id());
        assert_eq!(next.errors["groups.list.0.access"], "groups.list.0.access: 1.7 is out of range; allowed 0 to 1");
        assert_eq!(next.drafts["groups.list.0.access"], "1.7");
        let fixed = set(&next, "groups.list.0.access", "0.7");
        assert!(fixed.errors.is_empty() && fixed.drafts.is_empty());
        assert_eq!(fixed.scenario.groups.list[0].access, 0.7);
        let words = set(&state, "agents", "lots");
        assert!(words.errors["agents"].contains("takes a number"));
    }

    #[test]
    fn replicates_of_the_current_run_build_the_summary_and_stale_ones_are_dropped() {
        let state = small();
        let old_run = state.run_id();
        let moved = set(&state, "levers.support.level", "0.9");
        let stale =
            reduce(&moved, Action::ReplicateArrived { run_id: old_run, result: run_replicate(&state.scenario, 0) });
        assert!(stale.run.replicates.is_empty() && stale.summary().is_none());
        let mut current = moved.clone();
        for r in 0..3 {
            current = arrive(&current, r);
            assert_eq!(current.summary().unwrap().replicates as usize, if r == 2 { 3 } else { r as usize + 1 });
        }
        assert!(current.complete());
        let twice = arrive(&current, 2);
        assert_eq!(twice.run.replicates.len(), 3, "a replicate counts once");
        assert!(Rc::ptr_eq(&twice.run, &current.run), "a repeated replicate changes nothing");
        let expected =
            summarise(&moved.scenario, &(0..3).map(|r| run_replicate(&moved.scenario, r)).collect::<Vec<_>>());
        assert_eq!(**current.summary().unwrap(), expected);
    }

    #[test]
    fn an_arriving_replicate_replaces_the_run_and_shares_the_rest() {
        let state = arrive(&arrive(&small(), 0), 1);
        let pinned = reduce(&completed(&state), Action::PinBaseline);
        let moved = arrive(&set(&pinned, "levers.support.level", "0.9"), 0);
        let next = arrive(&moved, 1);
        assert!(!Rc::ptr_eq(&next.run, &moved.run), "the run is replaced");
        assert!(Rc::ptr_eq(&next.run.replicates[0], &moved.run.replicates[0]), "its earlier replicate is shared");
        assert!(Rc::ptr_eq(next.baseline.as_ref().unwrap(), pinned.baseline.as_ref().unwrap()), "baseline untouched");
        assert!(Rc::ptr_eq(&next.scenario, &moved.scenario) && Rc::ptr_eq(&next.drafts, &moved.drafts));
        let edited = set(&next, "levers.support.level", "0.5");
        assert!(Rc::ptr_eq(edited.shown.as_ref().unwrap(), &next.run), "the last run stays on screen");
    }

    #[test]
    fn the_old_summary_stays_until_the_new_run_answers() {
        let state = arrive(&small(), 0);
        let shown = state.summary().cloned();
        let moved = set(&state, "diffusion.innovation", "1.5");
        assert!(Rc::ptr_eq(moved.summary().unwrap(), shown.as_ref().unwrap()));
        assert!(!moved.complete());
        let answered = arrive(&moved, 0);
        assert!(!Rc::ptr_eq(answered.summary().unwrap(), shown.as_ref().unwrap()));
    }

    #[test]
    fn groups_can_be_added_renamed_and_removed_with_targets_following() {
        let state = small();
        let added = reduce(&state, Action::AddGroup);
        assert_eq!(added.scenario.groups.list.len(), 6);
        assert_eq!(added.scenario.groups.list[5].name, "Group 6");
        let aimed =
            reduce(&added, Action::SetTargets { lever: "levers.support".into(), groups: vec!["Group 6".into()] });
        let renamed = reduce(&aimed, Action::RenameGroup { index: 5, name: "Carers".into() });
        assert_eq!(renamed.scenario.levers.support.groups, vec!["Carers".to_string()]);
        let clash = reduce(&renamed, Action::RenameGroup { index: 5, name: "Q2".into() });
        assert_eq!(clash.scenario, renamed.scenario);
        assert!(clash.errors["groups.list.5.name"].contains("names two groups"));
        let removed = reduce(&renamed, Action::RemoveGroup(5));
        assert_eq!(removed.scenario.groups.list.len(), 5);
        assert!(removed.scenario.levers.support.groups.is_empty());
        let capped = reduce(&added, Action::AddGroup);
        assert_eq!(capped.scenario.groups.list.len(), MAX_GROUPS, "six groups, six colours");
        assert!(capped.errors["groups.list"].starts_with("Population groups: at most 6"));
        let one = reduce(&AppState::new(), Action::SelectPreset("bass".into()));
        assert!(reduce(&one, Action::RemoveGroup(0)).errors.contains_key("groups.list"));
    }

    fn completed(state: &AppState) -> AppState {
        (0..state.scenario.replicates).fold(state.clone(), |s, r| arrive(&s, r))
    }

    #[test]
    fn a_link_opens_its_scenario_and_a_bad_link_opens_the_default_with_a_notice() {
        let mut s = rollout_engine::presets::preset("pilot-ends").unwrap().scenario;
        s.levers.support.level = 0.9;
        let opened = AppState::from_fragment(&rollout_engine::link::fragment_for(&s));
        assert_eq!(*opened.scenario, s);
        assert!(Rc::ptr_eq(&opened.run.scenario, &opened.scenario), "the run is of the linked scenario");
        assert_eq!(opened.preset, super::super::CUSTOM);
        assert!(opened.notice.is_none());
        let preset = AppState::from_fragment(&rollout_engine::link::encode(
            &rollout_engine::presets::preset("bass").unwrap().scenario,
        ));
        assert_eq!(preset.preset, "bass");
        for bad in ["#hello", "#s1.AAAA", "#s9.AAAA"] {
            let state = AppState::from_fragment(bad);
            assert_eq!(state.scenario, AppState::new().scenario, "{bad}");
            assert!(state.notice.as_deref().unwrap().ends_with("The default scenario is shown instead."), "{bad}");
        }
        let empty = AppState::from_fragment("");
        assert!(empty.scenario == AppState::new().scenario && empty.notice.is_none());
    }

    #[test]
    fn loading_a_scenario_replaces_it_and_an_invalid_one_changes_nothing() {
        let state = set(&small(), "groups.list.0.access", "7");
        let mut s = rollout_engine::presets::preset("bass").unwrap().scenario;
        let loaded = reduce(&state, Action::LoadScenario { scenario: Box::new(s.clone()), notice: None });
        assert_eq!(*loaded.scenario, s);
        assert_eq!(loaded.preset, "bass");
        assert!(loaded.errors.is_empty() && loaded.drafts.is_empty());
        s.agents = 0;
        let refused = reduce(&loaded, Action::LoadScenario { scenario: Box::new(s), notice: None });
        assert_eq!(refused.scenario, loaded.scenario);
        assert!(refused.notice.as_deref().unwrap().contains("agents: 0 is out of range"));
    }

    #[test]
    fn a_baseline_is_pinned_only_from_a_complete_run_and_survives_edits() {
        let state = small();
        assert!(reduce(&state, Action::PinBaseline).baseline.is_none(), "nothing to pin yet");
        let done = completed(&state);
        let pinned = reduce(&done, Action::PinBaseline);
        let baseline = pinned.baseline.clone().unwrap();
        assert!(Rc::ptr_eq(&baseline, &done.run), "the run itself is pinned, not a copy");
        assert_eq!(baseline.replicates.len(), 3);
        let moved = set(&pinned, "levers.subsidy.level", "1");
        assert!(Rc::ptr_eq(moved.baseline.as_ref().unwrap(), &baseline));
        assert_eq!(moved.preset, super::super::CUSTOM, "an edited preset is no longer the preset");
        assert!(reduce(&moved, Action::ClearBaseline).baseline.is_none());
    }

    #[test]
    fn presets_replace_the_scenario_but_not_the_projector_mode() {
        let state = reduce(&small(), Action::ToggleLargeText);
        let next = reduce(&state, Action::SelectPreset("pilot-ends".into()));
        assert_eq!(next.preset, "pilot-ends");
        assert!(next.large_text);
        assert!(next.run_id() > state.run_id());
        assert!(reduce(&state, Action::SelectPreset("nope".into())).notice.is_some());
    }
}
