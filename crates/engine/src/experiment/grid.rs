//! Full grid: every combination of evenly spaced levels, the last factor changing fastest.

use super::design::{Design, Method, MAX_POINTS};
use super::error::ExperimentError;
use super::factor::Factor;

/// A grid of `levels` values per factor (2 or more: low, ..., high).
///
/// ```
/// use rollout_engine::experiment::{grid, Factor};
/// let f = vec![Factor::new("diffusion.imitation", 0.1, 0.5).unwrap(), Factor::new("technology.effect", 0.0, 0.2).unwrap()];
/// let d = grid(f, 3).unwrap();
/// assert_eq!(d.points.len(), 9);
/// assert_eq!(d.points[1], vec![Some(0.1), Some(0.1)]);
/// ```
pub fn grid(factors: Vec<Factor>, levels: u32) -> Result<Design, ExperimentError> {
    if levels < 2 {
        return Err(ExperimentError::setting("points", format!("{levels} levels per factor; a grid needs at least 2")));
    }
    let k = factors.len() as u32;
    let total = (levels as u64).checked_pow(k).filter(|&n| n <= MAX_POINTS as u64).ok_or_else(|| {
        ExperimentError::setting("points", format!("{levels} levels of {k} factors is over {MAX_POINTS} points"))
    })?;
    let unit = (0..total)
        .map(|mut n| {
            let mut point = vec![0.0; k as usize];
            for slot in point.iter_mut().rev() {
                *slot = (n % levels as u64) as f64 / (levels - 1) as f64;
                n /= levels as u64;
            }
            point
        })
        .collect();
    let design = Design::from_unit(Method::Grid { levels }, 0, factors, unit);
    design.validate()?;
    Ok(design)
}
