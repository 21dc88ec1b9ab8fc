//! The page's one state, the actions that change it, and a pure reducer, tested natively (the shape of
//! Yew's `function_todomvc` example). Nothing here touches the DOM or workers.

mod action;
mod baseline_view;
pub mod comparison_link;
mod groups;
pub mod history;
pub mod options;
mod reduce;
mod run;
mod shared;

#[cfg(test)]
mod options_tests;

pub use action::Action;
pub use baseline_view::differences;
pub use comparison_link::Comparison;
pub use options::PolicyOption;
pub use reduce::{option_field, reduce, MAX_GROUPS, NEW_OPTION_FIELD};
pub use run::Run;
pub use shared::Shared;

use std::collections::BTreeMap;
use std::rc::Rc;

use rollout_engine::presets;
use rollout_engine::summary::RunSummary;
use rollout_engine::Scenario;

use crate::experiments::{Studies, Study};
use crate::workshop::Workshop;

/// Everything the page shows, apart from what the browser keeps (canvas pixels, focus).
///
/// Two kinds of data live here. The form (preset, scenario, drafts, errors, notice, display options) is
/// small and cloned by the reducer on every action. Runs, with their replicates and summaries, are large
/// and immutable: they sit behind `Rc` and an action replaces an `Rc<Run>`, never copies a run.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The preset the scenario started from.
    pub preset: String,
    /// The scenario being run: always valid (an invalid edit never replaces it); the current run's.
    pub scenario: Rc<Scenario>,
    /// Text typed into a field that was refused, by lever path, so the user sees what they typed.
    pub drafts: Rc<BTreeMap<String, String>>,
    /// Why a field's text was refused, by lever path (shown at the field).
    pub errors: Rc<BTreeMap<String, String>>,
    /// The projector mode: larger text and lines.
    pub large_text: bool,
    /// A message for the whole page (a bad link or file), dismissible.
    pub notice: Option<String>,
    /// The current run: replicates of the scenario received so far. A new one starts on every accepted
    /// change; its id tells late replicates of older runs apart.
    pub run: Rc<Run>,
    /// The run on screen: the current one once it has a summary, until then the last one that had one
    /// (so charts never blank while a new run starts).
    pub shown: Option<Rc<Run>>,
    /// A pinned run to compare with (complete, or still running when it came from a link): charts show it
    /// dashed, and tables show the differences.
    pub baseline: Option<Rc<Run>>,
    /// Options to compare (at most [`options::MAX_OPTIONS`]), each sharing its run.
    pub options: Rc<Vec<PolicyOption>>,
    /// Runs before each change, newest last, for Undo (at most [`history::MAX_UNDO`]).
    pub past: Rc<Vec<Rc<Run>>>,
    /// Runs undone, newest last, for Redo; cleared by a new change.
    pub future: Rc<Vec<Rc<Run>>>,
    /// The run on screen before the last change, drawn as a faint ghost.
    pub ghost: Option<Rc<Run>>,
    /// What Reset goes back to: the scenario the page opened with, or the preset last chosen.
    pub origin: Rc<Scenario>,
    /// The highest run id given so far: every new run (edits, options from a link) takes the next one.
    pub last_run_id: u64,
    /// Workshop mode: presenting, the year shown, hidden results and the guess, notes, the handout.
    pub workshop: Workshop,
    /// Experiments: the study on show and the cache of finished points.
    pub studies: Studies,
}

/// What the page's workers should be doing.
#[derive(Clone, Debug)]
pub enum WorkerTask {
    /// The replicates of this run.
    Run(Rc<Run>),
    /// The points of this study.
    Study(Rc<Study>),
    /// Nothing: drop whatever is queued.
    Idle,
}

impl WorkerTask {
    /// Identifies the task: the workers are restarted only when it changes.
    pub fn key(&self) -> Option<(bool, u64)> {
        match self {
            WorkerTask::Run(run) => Some((false, run.id)),
            WorkerTask::Study(study) => Some((true, study.id)),
            WorkerTask::Idle => None,
        }
    }
}

/// The name the preset picker shows for a scenario that matches no preset (from a link, a file or edits).
pub const CUSTOM: &str = "custom";

impl AppState {
    /// The default preset, nothing run yet.
    pub fn new() -> Self {
        AppState::from_preset(presets::DEFAULT).expect("the default preset exists")
    }

    /// Start from a preset.
    pub fn from_preset(name: &str) -> Option<Self> {
        let preset = presets::preset(name)?;
        let scenario = Rc::new(preset.scenario);
        let mut state = AppState {
            preset: preset.name.to_string(),
            scenario: scenario.clone(),
            drafts: Rc::default(),
            errors: Rc::default(),
            large_text: false,
            notice: None,
            run: Rc::new(Run::new(1, scenario.clone())),
            shown: None,
            baseline: None,
            options: Rc::default(),
            past: Rc::default(),
            future: Rc::default(),
            ghost: None,
            origin: scenario,
            last_run_id: 1,
            workshop: Workshop::default(),
            studies: Studies::default(),
        };
        state.workshop.after(&state.run, &state.preset);
        Some(state)
    }

    /// The state a page opened at `fragment` (the address's `#...`, possibly empty) starts in: the linked
    /// scenario, or the default with a notice saying what was wrong with the link.
    pub fn from_fragment(fragment: &str) -> Self {
        let mut state = AppState::new();
        let trimmed = fragment.trim().trim_start_matches('#');
        if trimmed.is_empty() {
            return state;
        }
        match comparison_link::decode(trimmed).and_then(|c| affordable_comparison(&c).map(|()| c)) {
            Ok(comparison) => {
                state.preset = preset_matching(&comparison.current);
                // An older link opens, with a note that the model has changed since it was made.
                state.notice = comparison.note.map(str::to_string);
                state.scenario = Rc::new(comparison.current.clone());
                state.origin = state.scenario.clone();
                state.run = Rc::new(Run::new(state.run.id, state.scenario.clone()));
                reduce::open_comparison(&mut state, comparison);
            }
            Err(e) => state.notice = Some(format!("{e} The default scenario is shown instead.")),
        }
        state
    }

    /// The current run's id.
    pub fn run_id(&self) -> u64 {
        self.run.id
    }

    /// The summary on screen, if any.
    pub fn summary(&self) -> Option<&Rc<RunSummary>> {
        self.shown.as_ref().and_then(|run| run.summary.as_ref())
    }

    /// The current run has all its replicates and its summary.
    pub fn complete(&self) -> bool {
        self.run.complete()
    }

    /// The run the workers should compute now: the current run while it lacks replicates, then the
    /// baseline's, then each option's in order (runs opened from a link fill in one after another).
    pub fn job(&self) -> Option<&Rc<Run>> {
        std::iter::once(&self.run)
            .chain(self.baseline.as_ref())
            .chain(self.options.iter().map(|o| &o.run))
            .find(|run| run.pending() > 0)
    }

    /// What the workers should do now: a run while one lacks replicates ([`AppState::job`]), else the study
    /// on show if it belongs to the current scenario, is not stopped and has points to go, else nothing.
    pub fn worker_task(&self) -> WorkerTask {
        if let Some(run) = self.job() {
            return WorkerTask::Run(run.clone());
        }
        match self.studies.study.as_ref().filter(|s| s.wants_work(&self.scenario)) {
            Some(study) => WorkerTask::Study(study.clone()),
            None => WorkerTask::Idle,
        }
    }

    /// The study on show wants the workers, but a run comes first.
    pub fn study_waiting(&self) -> bool {
        self.job().is_some() && self.studies.study.as_ref().is_some_and(|s| s.wants_work(&self.scenario))
    }

    /// The address fragment of the whole comparison: the scenario, the baseline and the options.
    pub fn fragment(&self) -> String {
        let options: Vec<(&str, &Scenario)> =
            self.options.iter().map(|o| (o.name.as_str(), &*o.run.scenario)).collect();
        comparison_link::fragment(&self.scenario, self.baseline.as_ref().map(|b| &*b.scenario), &options)
    }
}

/// Every scenario of a comparison can run in the page (`cost::check_for_browser`), or the first that
/// cannot, named.
pub fn affordable_comparison(c: &Comparison) -> Result<(), String> {
    let check = |s: &Scenario| rollout_engine::cost::check_for_browser(s).map_err(|e| e.to_string());
    check(&c.current)?;
    if let Some(b) = &c.baseline {
        check(b).map_err(|e| format!("The link's baseline: {e}"))?;
    }
    for (name, s) in &c.options {
        check(s).map_err(|e| format!("The link's option \"{name}\": {e}"))?;
    }
    Ok(())
}

/// The preset a scenario is exactly equal to, or [`CUSTOM`].
pub fn preset_matching(scenario: &Scenario) -> String {
    presets::all()
        .into_iter()
        .find(|p| p.scenario == *scenario)
        .map_or_else(|| CUSTOM.to_string(), |p| p.name.to_string())
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}
