//! Variance-type measures for non-ordered dimensions: BGV, BGSD and COV.
//!
//! With population shares p_j and the population-weighted mean μ = Σ p_j y_j (`healthequal` `bgv`,
//! `bgsd`, `covar`; HEAT technical notes).

use super::SubgroupTable;

/// Between-group variance, BGV = Σ_j p_j (y_j − μ)², in the indicator's unit squared.
///
/// ```
/// use rollout_engine::equity::{variance, Subgroup, SubgroupTable, TableOptions};
/// // Equal shares, estimates 10, 20, 30: μ = 20, BGV = (100 + 0 + 100)/3.
/// let t = SubgroupTable::new(
///     vec![Subgroup::new("a", 10.0, 5.0), Subgroup::new("b", 20.0, 5.0), Subgroup::new("c", 30.0, 5.0)],
///     TableOptions::default(),
/// ).unwrap();
/// assert!((variance::bgv(&t) - 200.0 / 3.0).abs() < 1e-9);
/// ```
pub fn bgv(table: &SubgroupTable) -> f64 {
    let mean = table.mean();
    (0..table.len())
        .map(|j| {
            let gap = table.rows()[j].estimate - mean;
            table.share(j) * gap * gap
        })
        .sum()
}

/// Between-group standard deviation, BGSD = √BGV, in the indicator's unit.
pub fn bgsd(table: &SubgroupTable) -> f64 {
    bgv(table).sqrt()
}

/// Coefficient of variation, COV = 100 · BGSD / μ (percent of the mean). `None` when μ = 0.
pub fn cov(table: &SubgroupTable) -> Option<f64> {
    let mean = table.mean();
    (mean != 0.0).then(|| 100.0 * bgsd(table) / mean)
}
