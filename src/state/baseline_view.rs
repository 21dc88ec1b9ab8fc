//! The differences a pinned baseline shows.

use rollout_engine::compare::{difference, GroupDifference};

use super::Run;

/// `current` minus `baseline`, per group, once both runs are complete; `None` while replicates are still
/// arriving. Runs with the same seed and replicate count are paired replicate by replicate.
pub fn differences(current: &Run, baseline: &Run) -> Option<Vec<GroupDifference>> {
    if !current.complete() || !baseline.complete() {
        return None;
    }
    Some(difference(
        rollout_engine::compare::Run { scenario: &current.scenario, results: &current.replicates },
        rollout_engine::compare::Run { scenario: &baseline.scenario, results: &baseline.replicates },
    ))
}
