//! Running a scenario: replicates (in parallel natively with the `parallel` feature), then the summary.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::run_replicate_with;
use crate::record::ReplicateResult;
use crate::scenario::{Scenario, ScenarioError};
use crate::summary::{summarise, RunSummary};

/// Validate and run a scenario: all its replicates, summarised.
///
/// ```
/// use rollout_engine::{presets, run};
/// let mut s = presets::preset("bass").unwrap().scenario;
/// s.agents = 2_000;
/// s.months = 24;
/// s.replicates = 3;
/// let summary = run::run(&s).unwrap();
/// assert_eq!(summary.months.len(), 25);
/// ```
pub fn run(scenario: &Scenario) -> Result<RunSummary, ScenarioError> {
    run_with_progress(scenario, &|_, _| {})
}

/// As [`run`], calling `on_progress(months_done, months_total)` (months summed over replicates) as
/// months complete, possibly from several threads.
pub fn run_with_progress(
    scenario: &Scenario,
    on_progress: &(dyn Fn(u64, u64) + Sync),
) -> Result<RunSummary, ScenarioError> {
    scenario.validate()?;
    let results = run_replicates(scenario, on_progress);
    Ok(summarise(scenario, &results))
}

/// Every replicate's raw result, in replicate order. The scenario must be valid.
pub fn run_replicates(scenario: &Scenario, on_progress: &(dyn Fn(u64, u64) + Sync)) -> Vec<ReplicateResult> {
    let total = scenario.months as u64 * scenario.replicates as u64;
    let done = AtomicU64::new(0);
    let one = |r: u32| {
        run_replicate_with(scenario, r, |_| {
            let now = done.fetch_add(1, Ordering::Relaxed) + 1;
            on_progress(now, total);
        })
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        (0..scenario.replicates).into_par_iter().map(one).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        (0..scenario.replicates).map(one).collect()
    }
}
