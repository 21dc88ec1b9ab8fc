//! The page's studies as part of `AppState`: the study on show, the cache of finished points, and
//! [`StudyAction`], applied by the main reducer through [`apply`] (pure, tested natively).

use std::rc::Rc;

use super::design::{lever_label, lever_value, StudyKind};
use super::study::{PointCache, Study};
use crate::runner::PointResponse;
use crate::state::{options, AppState, Run};

/// The studies part of the page's state.
#[derive(Clone, Debug, Default)]
pub struct Studies {
    /// The study on show (or the last one started; hidden while the scenario is another).
    pub study: Option<Rc<Study>>,
    /// Every finished point of every study, reused by later ones.
    pub cache: Rc<PointCache>,
    /// The highest study id given so far.
    pub last_id: u64,
    /// Why the last study could not start, in the page's words.
    pub error: Option<String>,
}

/// A study control.
#[derive(Clone, Debug, PartialEq)]
pub enum StudyAction {
    /// Start a study of this kind around the current scenario (replacing the one on show).
    Start(StudyKind),
    /// A worker answered one replicate of one point.
    Arrived(PointResponse),
    /// Stop running the study; what it has so far stays on show.
    Stop,
    /// Go on with a stopped study.
    Resume,
    /// Add point `p`'s scenario as an option to compare (its run then fills in like any option's).
    AddPointAsOption(usize),
}

/// Apply a study action to the page's next state.
pub fn apply(next: &mut AppState, action: StudyAction) {
    let studies = &mut next.studies;
    match action {
        StudyAction::Start(kind) => {
            studies.last_id += 1;
            match Study::new(studies.last_id, kind, next.scenario.clone(), &studies.cache, &next.run.replicates) {
                Ok(study) => {
                    studies.study = Some(Rc::new(study));
                    studies.error = None;
                }
                Err(e) => studies.error = Some(e),
            }
        }
        StudyAction::Arrived(answer) => {
            let Some((study, entry)) = studies.study.as_ref().and_then(|s| s.with(&answer)) else { return };
            if let Some((key, values)) = entry {
                Rc::make_mut(&mut studies.cache).insert(key, values);
            }
            studies.study = Some(Rc::new(study));
        }
        StudyAction::Stop | StudyAction::Resume => {
            if let Some(study) = &studies.study {
                let mut changed = (**study).clone();
                changed.stopped = action == StudyAction::Stop;
                studies.study = Some(Rc::new(changed));
            }
        }
        StudyAction::AddPointAsOption(point) => {
            let Some(study) = studies.study.clone().filter(|s| s.is_for(&next.scenario)) else { return };
            let Some(scenario) = study.scenarios.get(point).cloned() else { return };
            let name = point_name(&study, point);
            next.last_run_id += 1;
            let run = Rc::new(Run::new(next.last_run_id, scenario));
            match options::add(&next.options, &name, run) {
                Ok(list) => next.options = Rc::new(list),
                Err(e) => next.notice = Some(format!("That point could not be added to compare: {e}")),
            }
        }
    }
}

/// An option's name for a study's point: its levers' values ("Device subsidy 0.44, Digital support 0.67"),
/// or "Point N" when that is too long to name an option.
pub fn point_name(study: &Study, point: usize) -> String {
    let values: Vec<String> = study
        .design
        .factors
        .iter()
        .zip(&study.design.points[point])
        .filter_map(|(f, v)| v.map(|v| format!("{} {}", lever_label(&f.key), lever_value(&f.key, v))))
        .collect();
    let name = values.join(", ");
    if name.is_empty() || name.chars().count() > options::MAX_NAME_CHARS {
        format!("Point {}", point + 1)
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiments::design::Swing;
    use crate::state::{reduce, Action, WorkerTask};
    use crate::test_support::runs_done;

    fn page() -> AppState {
        let mut state = AppState::new();
        let mut s = (*state.scenario).clone();
        (s.agents, s.months, s.replicates) = (600, 24, 3);
        state = reduce(&state, Action::LoadScenario { scenario: Box::new(s), notice: None });
        state
    }

    #[test]
    fn a_study_starts_stops_and_is_set_aside_when_the_scenario_changes() {
        let state = page();
        let started = reduce(&state, Action::Study(StudyAction::Start(StudyKind::Tornado { swing: Swing::Quarter })));
        let study = started.studies.study.clone().unwrap();
        assert!(study.wants_work(&started.scenario));
        let stopped = reduce(&started, Action::Study(StudyAction::Stop));
        assert!(!stopped.studies.study.as_ref().unwrap().wants_work(&stopped.scenario));
        let resumed = reduce(&stopped, Action::Study(StudyAction::Resume));
        assert!(resumed.studies.study.as_ref().unwrap().wants_work(&resumed.scenario));
        // A lever moves: the study is neither run nor shown; undo brings it back.
        let moved = reduce(&resumed, Action::SetField { path: "levers.subsidy.level".into(), value: "0.9".into() });
        assert!(!moved.studies.study.as_ref().unwrap().is_for(&moved.scenario));
        let back = reduce(&moved, Action::Undo);
        assert!(back.studies.study.as_ref().unwrap().wants_work(&back.scenario));
    }

    fn task(state: &AppState) -> &'static str {
        match state.worker_task() {
            WorkerTask::Run(_) => "run",
            WorkerTask::Study(_) => "study",
            WorkerTask::Idle => "idle",
        }
    }

    #[test]
    fn the_workers_run_the_scenario_first_then_the_study_and_drop_it_when_stopped_or_set_aside() {
        let state = page();
        assert_eq!(task(&state), "run");
        let state = runs_done(state);
        assert_eq!(task(&state), "idle");
        let kind = StudyKind::Surface { x: "levers.subsidy.level".into(), y: "levers.support.level".into() };
        let started = reduce(&state, Action::Study(StudyAction::Start(kind)));
        assert_eq!(task(&started), "study");
        assert!(!started.study_waiting());
        assert_eq!(task(&reduce(&started, Action::Study(StudyAction::Stop))), "idle");
        // A point added to compare: its run goes first, the study waits, then resumes.
        let with_option = reduce(&started, Action::Study(StudyAction::AddPointAsOption(5)));
        assert_eq!(task(&with_option), "run");
        assert!(with_option.study_waiting());
        assert_eq!(task(&runs_done(with_option)), "study");
        // A lever moves: the new run, then nothing (the study is set aside); Undo: the study again.
        let moved = reduce(&started, Action::SetField { path: "levers.subsidy.level".into(), value: "0.9".into() });
        assert_eq!(task(&moved), "run");
        assert!(!moved.study_waiting(), "a set-aside study does not wait");
        let moved = runs_done(moved);
        assert_eq!(task(&moved), "idle");
        assert_eq!(task(&reduce(&moved, Action::Undo)), "study");
    }

    #[test]
    fn a_study_started_after_its_run_reuses_the_run_for_the_base_point() {
        let state = runs_done(page());
        let started = reduce(&state, Action::Study(StudyAction::Start(StudyKind::Tornado { swing: Swing::Quarter })));
        let study = started.studies.study.as_ref().unwrap();
        assert!(study.points[0].is_some(), "the base point needs no run");
    }

    #[test]
    fn a_study_that_cannot_start_says_why_and_keeps_the_one_on_show() {
        let state = page();
        let started = reduce(&state, Action::Study(StudyAction::Start(StudyKind::Screening)));
        let bad = StudyKind::Surface { x: "levers.subsidy.level".into(), y: "levers.subsidy.level".into() };
        let refused = reduce(&started, Action::Study(StudyAction::Start(bad)));
        assert!(refused.studies.error.as_deref().unwrap().contains("two different levers"));
        assert!(Rc::ptr_eq(refused.studies.study.as_ref().unwrap(), started.studies.study.as_ref().unwrap()));
    }

    #[test]
    fn a_surface_point_becomes_an_option_named_by_its_levers() {
        let state = page();
        let kind = StudyKind::Surface { x: "levers.subsidy.level".into(), y: "levers.support.level".into() };
        let started = reduce(&state, Action::Study(StudyAction::Start(kind)));
        let with_option = reduce(&started, Action::Study(StudyAction::AddPointAsOption(23)));
        let option = with_option.options.last().unwrap();
        let study = started.studies.study.as_ref().unwrap();
        assert_eq!(*option.run.scenario, *study.scenarios[23]);
        assert!(option.name.chars().count() <= options::MAX_NAME_CHARS, "{}", option.name);
        assert!(option.run.pending() > 0 && option.run.id > started.run.id, "a new run, which the workers fill in");
        // The same point again: its name is taken, and the page says so.
        let again = reduce(&with_option, Action::Study(StudyAction::AddPointAsOption(23)));
        assert_eq!(again.options.len(), with_option.options.len());
        assert!(again.notice.is_some());
    }
}
