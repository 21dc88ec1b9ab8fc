//! Disproportionality measures from information theory for non-ordered dimensions: the Theil index (TI) and
//! the mean log deviation (MLD), both multiplied by 1000 as in `healthequal` and HEAT.
//!
//! With r_j = y_j / μ (μ the population-weighted mean). As `healthequal` does, an estimate of exactly 0 is
//! replaced by 0.000001 (on the indicator's scale) before μ and r_j are formed, so the logarithms exist.
//! Negative estimates have no logarithm: both measures are then `None`.

use super::SubgroupTable;

/// Estimate with `healthequal`'s zero substitution, population share, and the substituted mean.
fn adjusted(table: &SubgroupTable) -> Option<(Vec<(f64, f64)>, f64)> {
    let mut pairs = Vec::with_capacity(table.len());
    for (j, s) in table.rows().iter().enumerate() {
        if s.estimate < 0.0 {
            return None;
        }
        let y = if s.estimate == 0.0 { 1e-6 } else { s.estimate };
        pairs.push((y, table.share(j)));
    }
    let mean = pairs.iter().map(|&(y, p)| p * y).sum::<f64>();
    Some((pairs, mean))
}

/// Theil index, TI = 1000 · Σ_j p_j r_j ln r_j (no unit; 0 means no inequality).
///
/// ```
/// use rollout_engine::equity::{entropy, Subgroup, SubgroupTable, TableOptions};
/// // Halves with estimates 10 and 30: μ = 20, r = 0.5 and 1.5.
/// let t = SubgroupTable::new(
///     vec![Subgroup::new("a", 10.0, 1.0), Subgroup::new("b", 30.0, 1.0), Subgroup::new("c", 20.0, 0.0)],
///     TableOptions::default(),
/// ).unwrap();
/// let expected = 1000.0 * 0.5 * (0.5 * 0.5f64.ln() + 1.5 * 1.5f64.ln());
/// assert!((entropy::theil(&t).unwrap() - expected).abs() < 1e-9);
/// ```
pub fn theil(table: &SubgroupTable) -> Option<f64> {
    let (pairs, mean) = adjusted(table)?;
    let ti: f64 = pairs
        .iter()
        .map(|&(y, p)| {
            let r = y / mean;
            p * r * libm::log(r)
        })
        .sum::<f64>()
        * 1000.0;
    ti.is_finite().then_some(ti)
}

/// Mean log deviation, MLD = 1000 · Σ_j p_j (−ln r_j) (no unit; 0 means no inequality).
pub fn mean_log_deviation(table: &SubgroupTable) -> Option<f64> {
    let (pairs, mean) = adjusted(table)?;
    let mld: f64 = pairs.iter().map(|&(y, p)| -p * libm::log(y / mean)).sum::<f64>() * 1000.0;
    mld.is_finite().then_some(mld)
}
