//! Tornado: each factor's low against its high, paired by replicate (common random numbers), with a 95%
//! interval for the paired difference.

use serde::{Deserialize, Serialize};

use super::design::{Design, Method};
use super::error::ExperimentError;
use crate::estimate::{t_critical, Estimate};

/// One bar of a tornado chart, in the response's unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    /// The factor's dotted key.
    pub factor: String,
    /// The factor's low and high values, in its unit.
    pub low: f64,
    pub high: f64,
    /// The response at the scenario as it is, at the low and at the high value (mean and 95% interval).
    pub at_base: Estimate,
    pub at_low: Estimate,
    pub at_high: Estimate,
    /// High minus low, paired by replicate: mean and 95% interval (Student's t).
    pub difference: Estimate,
}

/// Tornado bars from a one-at-a-time design, largest absolute difference first. `values[p][r]` is the
/// response at point `p` in replicate `r`; every point needs the same replicates.
pub fn tornado(design: &Design, values: &[Vec<f64>]) -> Result<Vec<TornadoBar>, ExperimentError> {
    if design.method != Method::OneAtATime {
        return Err(ExperimentError::Results(format!(
            "a tornado needs a one-at-a-time (oat) design, not {}",
            design.method.name()
        )));
    }
    super::check_values(design, values)?;
    let t = t_critical(values[0].len());
    let mut bars: Vec<TornadoBar> = design
        .factors
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (low, high) = (&values[2 * i + 1], &values[2 * i + 2]);
            let paired: Vec<f64> = high.iter().zip(low).map(|(h, l)| h - l).collect();
            TornadoBar {
                factor: f.key.clone(),
                low: f.low,
                high: f.high,
                at_base: Estimate::from_samples(&values[0], t),
                at_low: Estimate::from_samples(low, t),
                at_high: Estimate::from_samples(high, t),
                difference: Estimate::from_samples(&paired, t),
            }
        })
        .collect();
    bars.sort_by(|a, b| b.difference.mean.abs().total_cmp(&a.difference.mean.abs()));
    Ok(bars)
}
