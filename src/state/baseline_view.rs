//! The differences a pinned baseline shows.

use rollout_engine::compare::{difference, GroupDifference};

use super::Run;

/// `current` minus `baseline`, per group, once the current run is complete; `None` while replicates are
/// still arriving.
pub fn differences(current: &Run, baseline: &Run) -> Option<Vec<GroupDifference>> {
    if !current.complete() {
        return None;
    }
    Some(difference(
        rollout_engine::compare::Run { scenario: &current.scenario, results: &current.replicates },
        rollout_engine::compare::Run { scenario: &baseline.scenario, results: &baseline.replicates },
    ))
}
