//! Calibration: fitting a scenario's inputs so that its outputs match published figures.
//!
//! [`Targets`] (a file per preset under `data/targets/`) name each published figure, the simulated
//! statistic it corresponds to, its source and population, and a tolerance. [`search_design`] places a
//! Latin hypercube over the fit ranges (an ordinary experiment design, so `rollout sweep` can run it in
//! chunks); [`reject`] scores each point by its largest distance from a target in tolerances and keeps
//! those within every tolerance (approximate Bayesian computation by rejection); [`calibrate`] does both
//! and returns the calibrated scenario (the best accepted point) and the accepted parameter sets;
//! [`fit_report`] compares the scenario before and after, target by target.
//!
//! Deterministic for a seed: the design's placement is seeded and every point runs with the scenario's own
//! seeds (common random numbers), so points differ by their inputs, not their noise.

mod abc;
mod error;
mod report;
mod search;
mod target;

pub use abc::{mean, reject, score, PointFit, Posterior, FALLBACK_SHARE};
pub use error::CalibrationError;
pub use report::{evaluate, fit_report, simulate, to_markdown, FitRow};
pub use search::{search_design, MAX_BUDGET};
pub use target::{presets_with_targets, shipped_targets, Counts, Target, Targets, MAX_TARGETS};

use crate::experiment::{run_points, Design, Factor};
use crate::scenario::Scenario;

/// A finished calibration.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    /// The search design that was run.
    pub design: Design,
    /// Every point's fit and the accepted points.
    pub posterior: Posterior,
    /// The base scenario at the best accepted point.
    pub scenario: Scenario,
}

impl Calibration {
    /// The accepted parameter sets, best first: `(point, score, value of each fitted field)`.
    pub fn accepted_sets(&self) -> Vec<(usize, f64, Vec<f64>)> {
        self.posterior
            .accepted
            .iter()
            .map(|&p| {
                let values = self.design.points[p].iter().map(|v| v.unwrap_or(f64::NAN)).collect();
                (p, self.posterior.fits[p].score, values)
            })
            .collect()
    }
}

/// Finish a calibration from the values of every point of `design` (`values[point][response][replicate]`),
/// as [`run_points`] gives them or as read back from a merged sweep.
pub fn from_values(
    targets: &Targets,
    design: Design,
    base: &Scenario,
    values: &[Vec<Vec<Option<f64>>>],
) -> Result<Calibration, CalibrationError> {
    let posterior = reject(targets, &design, values);
    let best = posterior.accepted[0];
    let scenario = design.scenario_at(base, best)?;
    Ok(Calibration { design, posterior, scenario })
}

/// Calibrate `base` to `targets` over the ranges `fit`, spending `budget` runs (design points, each with
/// the scenario's replicates), the design placed from `seed`. `on_point` is called as each point finishes.
pub fn calibrate(
    targets: &Targets,
    base: &Scenario,
    fit: &[Factor],
    budget: u32,
    seed: u64,
    on_point: &(dyn Fn() + Sync),
) -> Result<Calibration, CalibrationError> {
    let design = search_design(targets, fit, budget, seed, base)?;
    let indices: Vec<usize> = (0..design.points.len()).collect();
    let results = run_points(&design, base, &indices, on_point)?;
    let values: Vec<Vec<Vec<Option<f64>>>> = results.into_iter().map(|r| r.values).collect();
    from_values(targets, design, base, &values)
}
