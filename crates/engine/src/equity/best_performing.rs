//! Mean difference from the best-performing subgroup, unweighted (MDBU) and weighted (MDBW), for
//! non-ordered dimensions. The best-performing subgroup is the highest estimate for a favourable indicator
//! and the lowest for an adverse one (HEAT-Measures `calc_mdbw`; `healthequal` `mdbu`, `mdbw`). A marked
//! reference subgroup does not change it.

use super::SubgroupTable;

/// The best-performing estimate y_best: max for favourable, min for adverse indicators.
pub fn best_estimate(table: &SubgroupTable) -> f64 {
    let values = table.rows().iter().map(|s| s.estimate);
    if table.options().is_favourable() {
        values.fold(f64::NEG_INFINITY, f64::max)
    } else {
        values.fold(f64::INFINITY, f64::min)
    }
}

/// MDBU = (1/n) Σ_j |y_j − y_best|, in the indicator's unit.
///
/// ```
/// use rollout_engine::equity::{best_performing as b, Subgroup, SubgroupTable, TableOptions};
/// // Favourable; best is 60. Shares 1/2, 1/4, 1/4; gaps 40, 20, 0.
/// let t = SubgroupTable::new(
///     vec![Subgroup::new("a", 20.0, 2.0), Subgroup::new("b", 40.0, 1.0), Subgroup::new("c", 60.0, 1.0)],
///     TableOptions::default(),
/// ).unwrap();
/// assert!((b::mdbu(&t) - 20.0).abs() < 1e-12); // (40 + 20 + 0) / 3
/// assert!((b::mdbw(&t) - 25.0).abs() < 1e-12); // 20 + 5 + 0
/// ```
pub fn mdbu(table: &SubgroupTable) -> f64 {
    let best = best_estimate(table);
    table.rows().iter().map(|s| (s.estimate - best).abs()).sum::<f64>() / table.len() as f64
}

/// MDBW = Σ_j p_j |y_j − y_best|, in the indicator's unit.
pub fn mdbw(table: &SubgroupTable) -> f64 {
    let best = best_estimate(table);
    (0..table.len()).map(|j| table.share(j) * (table.rows()[j].estimate - best).abs()).sum()
}
