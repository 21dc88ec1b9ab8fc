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

/// The order in which to run a grid's points so that the picture is visible early and then refined: the
/// corners first, then the middle level of each factor, then the middles of the halves, and so on (points
/// whose every level is coarse come first; ties in design order). Any other design: its own order.
///
/// ```
/// use rollout_engine::experiment::{coarse_to_fine, grid, Factor};
/// let f = vec![Factor::new("diffusion.imitation", 0.1, 0.5).unwrap(), Factor::new("technology.effect", 0.0, 0.2).unwrap()];
/// let d = grid(f, 5).unwrap();
/// let order = coarse_to_fine(&d);
/// assert_eq!(&order[..4], &[0, 4, 20, 24], "the four corners first");
/// assert_eq!(order[4..9].to_vec(), vec![2, 10, 12, 14, 22], "then the middles");
/// let mut sorted = order.clone();
/// sorted.sort();
/// assert_eq!(sorted, (0..25).collect::<Vec<_>>(), "every point once");
/// ```
pub fn coarse_to_fine(design: &Design) -> Vec<usize> {
    let Method::Grid { levels } = design.method else { return (0..design.points.len()).collect() };
    let depth = level_depths(levels as usize);
    let k = design.factors.len();
    let point_depth = |mut n: usize| {
        let mut deepest = 0;
        for _ in 0..k {
            deepest = deepest.max(depth[n % levels as usize]);
            n /= levels as usize;
        }
        deepest
    };
    let mut order: Vec<usize> = (0..design.points.len()).collect();
    order.sort_by_key(|&n| (point_depth(n), n));
    order
}

/// Each level's refinement depth: 0 for the two ends, 1 for the middle, 2 for the middles of the halves...
fn level_depths(levels: usize) -> Vec<u32> {
    let mut depth = vec![u32::MAX; levels];
    depth[0] = 0;
    depth[levels - 1] = 0;
    let mut intervals = std::collections::VecDeque::from([(0, levels - 1, 1)]);
    while let Some((a, b, d)) = intervals.pop_front() {
        let mid = (a + b) / 2;
        if mid == a || mid == b {
            continue;
        }
        depth[mid] = depth[mid].min(d);
        intervals.push_back((a, mid, d + 1));
        intervals.push_back((mid, b, d + 1));
    }
    depth
}
