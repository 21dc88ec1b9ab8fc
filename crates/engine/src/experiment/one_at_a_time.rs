//! One at a time: the scenario as it is, then each factor alone at its low and at its high value. The
//! design of a tornado chart.

use super::design::{Design, Method};
use super::error::ExperimentError;
use super::factor::Factor;
use super::response::Response;
use crate::scenario::SCENARIO_VERSION;

/// Point 0 leaves every factor as the scenario has it; points 2i + 1 and 2i + 2 set factor i to its low
/// and its high value.
///
/// ```
/// use rollout_engine::experiment::{one_at_a_time, Factor};
/// let d = one_at_a_time(vec![Factor::new("technology.effect", 0.1, 0.3).unwrap()]).unwrap();
/// assert_eq!(d.points, vec![vec![None], vec![Some(0.1)], vec![Some(0.3)]]);
/// ```
pub fn one_at_a_time(factors: Vec<Factor>) -> Result<Design, ExperimentError> {
    let k = factors.len();
    let mut points = vec![vec![None; k]];
    for (i, f) in factors.iter().enumerate() {
        for value in [f.low, f.high] {
            let mut point = vec![None; k];
            point[i] = Some(value);
            points.push(point);
        }
    }
    let design = Design {
        scenario_version: SCENARIO_VERSION,
        method: Method::OneAtATime,
        seed: 0,
        factors,
        responses: Response::defaults(),
        points,
    };
    design.validate()?;
    Ok(design)
}
