//! Morris elementary effects, the analysis: for each factor the mean of the absolute effects (mu*, its
//! importance), the mean (mu) and the standard deviation (sigma, non-linearity or interaction), per
//! trajectory step. Effects are response changes per whole factor range; replicates are averaged first.

use serde::{Deserialize, Serialize};

use super::bootstrap;
use super::design::{Design, Method};
use super::error::ExperimentError;

/// Morris indices of one factor, in the response's unit per whole factor range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MorrisIndex {
    pub factor: String,
    /// Mean absolute elementary effect.
    pub mu_star: f64,
    /// Seeded bootstrap 95% interval of mu* over trajectories.
    pub mu_star_lo: f64,
    pub mu_star_hi: f64,
    /// Mean elementary effect.
    pub mu: f64,
    /// Standard deviation of the elementary effects (n - 1).
    pub sigma: f64,
}

/// Morris indices from a Morris design, in factor order (the dummy last). `values[p][r]` as in
/// [`super::tornado`].
pub fn morris_indices(design: &Design, values: &[Vec<f64>]) -> Result<Vec<MorrisIndex>, ExperimentError> {
    let Method::Morris { trajectories, .. } = design.method else {
        return Err(ExperimentError::Results(format!(
            "Morris indices need a morris design, not {}",
            design.method.name()
        )));
    };
    super::check_values(design, values)?;
    let k = design.factors.len();
    let y: Vec<f64> = values.iter().map(|v| v.iter().sum::<f64>() / v.len() as f64).collect();
    let unit = |p: usize, i: usize| {
        let f = &design.factors[i];
        (design.points[p][i].unwrap_or(f.low) - f.low) / (f.high - f.low)
    };
    // effects[i][t]: factor i's effect in trajectory t.
    let mut effects = vec![Vec::with_capacity(trajectories as usize); k];
    for t in 0..trajectories as usize {
        let mut row = vec![0.0; k];
        for step in 0..k {
            let (from, to) = (t * (k + 1) + step, t * (k + 1) + step + 1);
            let moved: Vec<usize> = (0..k).filter(|&i| unit(to, i) != unit(from, i)).collect();
            let [i] = moved[..] else {
                return Err(ExperimentError::Results(format!(
                    "points {from} and {to} should differ in one factor; the design is not a Morris design"
                )));
            };
            row[i] = (y[to] - y[from]) / (unit(to, i) - unit(from, i));
        }
        for (e, x) in effects.iter_mut().zip(row) {
            e.push(x);
        }
    }
    Ok(design
        .factors
        .iter()
        .zip(&effects)
        .enumerate()
        .map(|(i, (f, e))| {
            let n = e.len() as f64;
            let mu_star_of = |idx: &[usize]| idx.iter().map(|&t| e[t].abs()).sum::<f64>() / idx.len() as f64;
            let mu = e.iter().sum::<f64>() / n;
            let all: Vec<usize> = (0..e.len()).collect();
            let (lo, hi) =
                bootstrap::interval(e.len(), design.seed ^ i as u64, mu_star_of).unwrap_or((f64::NAN, f64::NAN));
            MorrisIndex {
                factor: f.key.clone(),
                mu_star: mu_star_of(&all),
                mu_star_lo: lo,
                mu_star_hi: hi,
                mu,
                sigma: (e.iter().map(|x| (x - mu) * (x - mu)).sum::<f64>() / (n - 1.0)).sqrt(),
            }
        })
        .collect())
}
