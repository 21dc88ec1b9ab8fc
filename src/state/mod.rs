//! The page's one state, the actions that change it, and a pure reducer, tested natively (the shape of
//! Yew's `function_todomvc` example). Nothing here touches the DOM or workers.

mod action;
mod groups;
mod reduce;

pub use self::baseline_view::differences;
pub use action::Action;
pub use reduce::reduce;

mod baseline_view;

use std::collections::BTreeMap;
use std::rc::Rc;

use rollout_engine::presets;
use rollout_engine::record::ReplicateResult;
use rollout_engine::summary::RunSummary;
use rollout_engine::Scenario;

/// Everything the page shows, apart from what the browser keeps (canvas pixels, focus).
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The preset the scenario started from.
    pub preset: String,
    /// The scenario being run: always valid (an invalid edit never replaces it).
    pub scenario: Scenario,
    /// Text typed into a field that was refused, by lever path, so the user sees what they typed.
    pub drafts: BTreeMap<String, String>,
    /// Why a field's text was refused, by lever path (shown at the field).
    pub errors: BTreeMap<String, String>,
    /// Identifies the current run; bumped on every accepted change so late replicates of older runs are
    /// recognised and dropped.
    pub run_id: u64,
    /// Replicates of the current run received so far.
    pub results: Vec<ReplicateResult>,
    /// Summary of the latest results (kept from the previous run until the first replicate of the new run
    /// arrives, so charts never blank).
    pub summary: Option<Rc<RunSummary>>,
    /// The run the summary belongs to.
    pub summary_run_id: u64,
    /// The projector mode: larger text and lines.
    pub large_text: bool,
    /// A message for the whole page (a bad link or file), dismissible.
    pub notice: Option<String>,
    /// A pinned run to compare with: charts show it dashed, and a table shows the differences.
    pub baseline: Option<Rc<Baseline>>,
}

/// A pinned run: its scenario, replicates and summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub scenario: Scenario,
    pub results: Vec<ReplicateResult>,
    pub summary: Rc<RunSummary>,
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
        Some(AppState {
            preset: preset.name.to_string(),
            scenario: preset.scenario,
            drafts: BTreeMap::new(),
            errors: BTreeMap::new(),
            run_id: 1,
            results: Vec::new(),
            summary: None,
            summary_run_id: 0,
            large_text: false,
            notice: None,
            baseline: None,
        })
    }

    /// The state a page opened at `fragment` (the address's `#...`, possibly empty) starts in: the linked
    /// scenario, or the default with a notice saying what was wrong with the link.
    pub fn from_fragment(fragment: &str) -> Self {
        let mut state = AppState::new();
        let trimmed = fragment.trim().trim_start_matches('#');
        if trimmed.is_empty() {
            return state;
        }
        match rollout_engine::link::decode_with_note(trimmed) {
            Ok((scenario, note)) => {
                state.preset = preset_matching(&scenario);
                state.scenario = scenario;
                // An older link opens, with a note that the model has changed since it was made.
                state.notice = note.map(str::to_string);
            }
            Err(e) => state.notice = Some(format!("{e} The default scenario is shown instead.")),
        }
        state
    }

    /// Replicates still to come for the current run.
    pub fn pending(&self) -> u32 {
        self.scenario.replicates.saturating_sub(self.results.len() as u32)
    }

    /// The current run has all its replicates and its summary.
    pub fn complete(&self) -> bool {
        self.pending() == 0 && self.summary_run_id == self.run_id
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
