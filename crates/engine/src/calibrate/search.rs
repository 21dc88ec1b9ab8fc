//! The space-filling search: a Latin hypercube over the fit ranges, recording the targets' statistics. It
//! is an ordinary [`Design`], so `rollout sweep` can run it in chunks on a cluster and `rollout calibrate
//! --results` can read the merged table.

use super::error::CalibrationError;
use super::target::Targets;
use crate::experiment::{latin_hypercube, Design, ExperimentError, Factor, Response};
use crate::scenario::Scenario;

/// Most runs (design points) a calibration may spend.
pub const MAX_BUDGET: u32 = 100_000;

/// The search design: `budget` Latin hypercube points over `fit`, placed from `seed`, recording every
/// target's statistic, checked against `base` (a fit range outside a field's allowed range is refused,
/// naming the field).
pub fn search_design(
    targets: &Targets,
    fit: &[Factor],
    budget: u32,
    seed: u64,
    base: &Scenario,
) -> Result<Design, CalibrationError> {
    if !(2..=MAX_BUDGET).contains(&budget) {
        return Err(CalibrationError::Budget(format!("{budget}: allowed 2 to {MAX_BUDGET} runs")));
    }
    if fit.is_empty() {
        return Err(CalibrationError::Fit("is missing: give at least one KEY=LOW:HIGH to fit".into()));
    }
    for (i, f) in fit.iter().enumerate() {
        if f.is_dummy() {
            return Err(CalibrationError::Fit(format!("{}: the dummy factor cannot be fitted", f.key)));
        }
        if fit[..i].iter().any(|o| o.key == f.key) {
            return Err(CalibrationError::Fit(format!("{}: given twice", f.key)));
        }
        f.check(base).map_err(|e| match e {
            // The scenario's message names the field already (with its list index for starred keys).
            ExperimentError::Factor { key, message } if message.starts_with(&key) => CalibrationError::Fit(message),
            ExperimentError::Factor { key, message } => CalibrationError::Fit(format!("{key}: {message}")),
            other => other.into(),
        })?;
    }
    targets.check(base)?;
    let mut responses: Vec<Response> = Vec::new();
    for t in &targets.targets {
        let r = t.response();
        if !responses.contains(&r) {
            responses.push(r);
        }
    }
    let design = latin_hypercube(fit.to_vec(), budget, seed)?.with_responses(responses);
    design.check(base)?;
    Ok(design)
}
