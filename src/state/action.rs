//! What can happen on the page.

use rollout_engine::record::ReplicateResult;

/// A change to the page's state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start again from a preset.
    SelectPreset(String),
    /// A lever or group field's new text, by dotted path (`levers.subsidy.level`, `groups.list.2.trust`).
    SetField { path: String, value: String },
    /// Aim a targeted lever (`levers.subsidy`, `levers.support`, `levers.connectivity`) at these groups;
    /// none for universal.
    SetTargets { lever: String, groups: Vec<String> },
    /// Add a group, copying the last one under a new name.
    AddGroup,
    /// Remove a group (and drop it from targeted levers).
    RemoveGroup(usize),
    /// Rename a group (and follow the name in targeted levers).
    RenameGroup { index: usize, name: String },
    /// Mark the groups as ordered (first = most disadvantaged) or not.
    SetOrdered(bool),
    /// A replicate came back from a worker.
    ReplicateArrived { run_id: u64, result: ReplicateResult },
    /// Replace the scenario (from a share link, back/forward, or a file); `notice` is shown if given.
    LoadScenario { scenario: Box<rollout_engine::Scenario>, notice: Option<String> },
    /// Show a message for the whole page (a bad link or file); the scenario is untouched.
    ShowNotice(String),
    /// Pin the current run as the baseline to compare with.
    PinBaseline,
    /// Stop comparing.
    ClearBaseline,
    /// Add the current scenario (and its run) as an option to compare, under this name.
    AddOption(String),
    /// Make option `i` the scenario being edited (its run comes back with it, nothing is re-run).
    LoadOption(usize),
    /// Rename option `index`.
    RenameOption { index: usize, name: String },
    /// Remove option `i`.
    RemoveOption(usize),
    /// Open a whole comparison (from back/forward or an edited address): runs of scenarios already on the
    /// page are kept, the others start.
    LoadComparison(Box<super::Comparison>),
    /// Go back to the scenario (and run) before the last change.
    Undo,
    /// Redo the change last undone.
    Redo,
    /// Go back to the scenario the page opened with (or the preset last chosen); undoable.
    Reset,
    /// Switch the projector mode.
    ToggleLargeText,
    /// Close the page-wide notice.
    DismissNotice,
    /// A workshop control (presenting, years, hide and reveal, notes, handout).
    Workshop(crate::workshop::WorkshopAction),
    /// An experiment control (start, a point's replicate arrived, stop, a point to compare).
    Study(crate::experiments::StudyAction),
}
