//! Mean differences from the mean, absolute (MDMU, MDMW) and relative (IDISU, IDISW), for non-ordered
//! dimensions. μ = Σ p_j y_j is the population-weighted (setting) mean, also in the unweighted forms, as in
//! `healthequal` `mdmu`, `mdmw`, `idisu`, `idisw`.

use super::SubgroupTable;

/// Unweighted mean difference from the mean, MDMU = (1/n) Σ_j |y_j − μ|, in the indicator's unit.
///
/// ```
/// use rollout_engine::equity::{mean_difference as md, Subgroup, SubgroupTable, TableOptions};
/// // Shares 1/2, 1/4, 1/4; estimates 20, 40, 60: μ = 35; |−15|, 5, 25.
/// let t = SubgroupTable::new(
///     vec![Subgroup::new("a", 20.0, 2.0), Subgroup::new("b", 40.0, 1.0), Subgroup::new("c", 60.0, 1.0)],
///     TableOptions::default(),
/// ).unwrap();
/// assert!((md::mdmu(&t) - 15.0).abs() < 1e-12);           // (15 + 5 + 25) / 3
/// assert!((md::mdmw(&t) - 15.0).abs() < 1e-12);           // 7.5 + 1.25 + 6.25
/// assert!((md::idisu(&t).unwrap() - 100.0 * 15.0 / 35.0).abs() < 1e-12);
/// ```
pub fn mdmu(table: &SubgroupTable) -> f64 {
    let mean = table.mean();
    table.rows().iter().map(|s| (s.estimate - mean).abs()).sum::<f64>() / table.len() as f64
}

/// Weighted mean difference from the mean, MDMW = Σ_j p_j |y_j − μ|, in the indicator's unit.
pub fn mdmw(table: &SubgroupTable) -> f64 {
    let mean = table.mean();
    (0..table.len()).map(|j| table.share(j) * (table.rows()[j].estimate - mean).abs()).sum()
}

/// Unweighted index of disparity, IDISU = 100 · MDMU / μ (percent). `None` when μ = 0.
pub fn idisu(table: &SubgroupTable) -> Option<f64> {
    let mean = table.mean();
    (mean != 0.0).then(|| 100.0 * mdmu(table) / mean)
}

/// Weighted index of disparity, IDISW = 100 · MDMW / μ (percent). `None` when μ = 0.
pub fn idisw(table: &SubgroupTable) -> Option<f64> {
    let mean = table.mean();
    (mean != 0.0).then(|| 100.0 * mdmw(table) / mean)
}
