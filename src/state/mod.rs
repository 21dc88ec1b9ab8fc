//! The page's one state, the actions that change it, and a pure reducer, tested natively (the shape of
//! Yew's `function_todomvc` example). Nothing here touches the DOM or workers.

mod action;
mod baseline_view;
mod groups;
mod reduce;
mod run;
mod shared;

pub use action::Action;
pub use baseline_view::differences;
pub use reduce::reduce;
pub use run::Run;
pub use shared::Shared;

use std::collections::BTreeMap;
use std::rc::Rc;

use rollout_engine::presets;
use rollout_engine::summary::RunSummary;
use rollout_engine::Scenario;

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
    /// A pinned, complete run to compare with: charts show it dashed, and a table shows the differences.
    pub baseline: Option<Rc<Run>>,
    /// Workshop mode: presenting, the year shown, hidden results and the guess, notes, the handout.
    pub workshop: Workshop,
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
            run: Rc::new(Run::new(1, scenario)),
            shown: None,
            baseline: None,
            workshop: Workshop::default(),
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
        match rollout_engine::link::decode_with_note(trimmed).map_err(|e| e.to_string()).and_then(|(scenario, note)| {
            rollout_engine::cost::check_for_browser(&scenario).map(|()| (scenario, note)).map_err(|e| e.to_string())
        }) {
            Ok((scenario, note)) => {
                state.preset = preset_matching(&scenario);
                state.scenario = Rc::new(scenario);
                state.run = Rc::new(Run::new(state.run.id, state.scenario.clone()));
                // An older link opens, with a note that the model has changed since it was made.
                state.notice = note.map(str::to_string);
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
