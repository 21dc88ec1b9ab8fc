//! The differences a pinned baseline shows, from the state.

use rollout_engine::compare::{difference, GroupDifference, Run};

use super::AppState;

/// Current run minus the baseline, per group, once the current run is complete; `None` without a
/// baseline or while replicates are still arriving.
pub fn differences(state: &AppState) -> Option<Vec<GroupDifference>> {
    let baseline = state.baseline.as_ref()?;
    if !state.complete() {
        return None;
    }
    Some(difference(
        Run { scenario: &state.scenario, results: &state.results },
        Run { scenario: &baseline.scenario, results: &baseline.results },
    ))
}
