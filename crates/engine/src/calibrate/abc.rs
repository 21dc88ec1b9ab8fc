//! Approximate Bayesian computation by rejection: each point of the search is scored by its largest
//! distance from a target, in tolerances (`max |simulated - published| / tolerance` over the targets
//! expected to be met, the simulated value being the mean across replicates). Points within every
//! tolerance (score at most 1) are accepted: they are a sample from the posterior under a uniform prior on
//! the fit ranges. When none is, the closest tenth are kept and the calibration says so.

use super::target::Targets;
use crate::experiment::{Design, Response};

/// Share of the points kept when none meets every target.
pub const FALLBACK_SHARE: f64 = 0.1;

/// How one point of the search fitted.
#[derive(Clone, Debug, PartialEq)]
pub struct PointFit {
    /// Index of the point in the design.
    pub point: usize,
    /// Each target's simulated mean across replicates, in the targets file's order; `None` where not
    /// applicable in every replicate.
    pub means: Vec<Option<f64>>,
    /// Largest distance from an asserted target, in tolerances; infinite where one is not applicable.
    pub score: f64,
}

/// The accepted points, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Posterior {
    /// Every point's fit, in point order.
    pub fits: Vec<PointFit>,
    /// Indices of the accepted points, by score (then point order).
    pub accepted: Vec<usize>,
    /// Every accepted point meets every asserted target.
    pub within_tolerance: bool,
}

/// Mean of the applicable values; `None` when none is.
pub fn mean(values: &[Option<f64>]) -> Option<f64> {
    let v: Vec<f64> = values.iter().flatten().copied().filter(|x| x.is_finite()).collect();
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// Score one set of target means.
pub fn score(targets: &Targets, means: &[Option<f64>]) -> f64 {
    targets
        .targets
        .iter()
        .zip(means)
        .filter(|(t, _)| t.asserted())
        .map(|(t, m)| m.map_or(f64::INFINITY, |m| (m - t.published).abs() / t.tolerance))
        .fold(0.0, f64::max)
}

/// Accept points of `design` given `values[point][response][replicate]` in the design's response order.
pub fn reject(targets: &Targets, design: &Design, values: &[Vec<Vec<Option<f64>>>]) -> Posterior {
    let column = |r: &Response| design.responses.iter().position(|x| x == r).expect("the design records it");
    let columns: Vec<usize> = targets.targets.iter().map(|t| column(&t.response())).collect();
    let fits: Vec<PointFit> = values
        .iter()
        .enumerate()
        .map(|(point, v)| {
            let means: Vec<Option<f64>> = columns.iter().map(|&c| mean(&v[c])).collect();
            PointFit { point, score: score(targets, &means), means }
        })
        .collect();
    let mut order: Vec<usize> = (0..fits.len()).collect();
    order.sort_by(|&a, &b| fits[a].score.total_cmp(&fits[b].score).then(a.cmp(&b)));
    let within: Vec<usize> = order.iter().copied().filter(|&p| fits[p].score <= 1.0).collect();
    let within_tolerance = !within.is_empty();
    let accepted = if within_tolerance {
        within
    } else {
        let keep = ((fits.len() as f64 * FALLBACK_SHARE).ceil() as usize).max(1);
        order.into_iter().take(keep).collect()
    };
    Posterior { fits, accepted, within_tolerance }
}
