//! Sobol' indices from a Saltelli design: first order S1 (Saltelli et al. 2010, eq. b) and total order ST
//! (Jansen 1999), each with a seeded bootstrap 95% interval over the base samples. Replicates are
//! averaged first; the dummy factor's indices are the noise floor.

use serde::{Deserialize, Serialize};

use super::bootstrap;
use super::design::{Design, Method};
use super::error::ExperimentError;

/// Sobol' indices of one factor: shares of the response's variance, nominally 0 to 1 (estimates can fall
/// slightly outside).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SobolIndex {
    pub factor: String,
    /// First order: the share of variance due to this factor alone.
    pub first: f64,
    pub first_lo: f64,
    pub first_hi: f64,
    /// Total order: the share due to this factor with all its interactions.
    pub total: f64,
    pub total_lo: f64,
    pub total_hi: f64,
}

/// Sobol' indices from a Sobol' design, in factor order (the dummy last). `values[p][r]` as in
/// [`super::tornado`].
pub fn sobol_indices(design: &Design, values: &[Vec<f64>]) -> Result<Vec<SobolIndex>, ExperimentError> {
    let Method::Sobol { base_samples } = design.method else {
        return Err(ExperimentError::Results(format!(
            "Sobol' indices need a sobol design, not {}",
            design.method.name()
        )));
    };
    super::check_values(design, values)?;
    let k = design.factors.len();
    let n = base_samples as usize;
    let y: Vec<f64> = values.iter().map(|v| v.iter().sum::<f64>() / v.len() as f64).collect();
    let a = |j: usize| y[j * (k + 2)];
    let b = |j: usize| y[j * (k + 2) + 1];
    let ab = |j: usize, i: usize| y[j * (k + 2) + 2 + i];
    let variance = |idx: &[usize]| {
        let m = idx.len() as f64 * 2.0;
        let mean = idx.iter().map(|&j| a(j) + b(j)).sum::<f64>() / m;
        idx.iter().map(|&j| (a(j) - mean).powi(2) + (b(j) - mean).powi(2)).sum::<f64>() / (m - 1.0)
    };
    let first = |i: usize, idx: &[usize]| {
        idx.iter().map(|&j| b(j) * (ab(j, i) - a(j))).sum::<f64>() / idx.len() as f64 / variance(idx)
    };
    let total = |i: usize, idx: &[usize]| {
        idx.iter().map(|&j| (a(j) - ab(j, i)).powi(2)).sum::<f64>() / (2.0 * idx.len() as f64) / variance(idx)
    };
    let all: Vec<usize> = (0..n).collect();
    if variance(&all) <= 0.0 {
        return Err(ExperimentError::Results(
            "the response does not vary across the design; Sobol' indices are undefined".into(),
        ));
    }
    Ok(design
        .factors
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let seed = design.seed ^ ((i as u64) << 32);
            let (first_lo, first_hi) =
                bootstrap::interval(n, seed, |idx| first(i, idx)).unwrap_or((f64::NAN, f64::NAN));
            let (total_lo, total_hi) =
                bootstrap::interval(n, seed ^ 1, |idx| total(i, idx)).unwrap_or((f64::NAN, f64::NAN));
            SobolIndex {
                factor: f.key.clone(),
                first: first(i, &all),
                first_lo,
                first_hi,
                total: total(i, &all),
                total_lo,
                total_hi,
            }
        })
        .collect())
}
