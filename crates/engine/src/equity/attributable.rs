//! Population attributable risk (PAR) and fraction (PAF): how much the setting mean would improve if every
//! subgroup reached a reference point (HEAT-Measures `calc_par`, `calc_paf`; `healthequal` `parisk`, `paf`).
//!
//! Reference point y_ref: in an ordered dimension the most advantaged subgroup (highest order); in a
//! non-ordered dimension the marked reference subgroup if there is one, else the best-performing subgroup
//! (highest estimate if favourable, lowest if adverse). μ is the population-weighted setting mean.

use super::SubgroupTable;

/// The reference estimate y_ref described in the module docs.
pub fn reference_estimate(table: &SubgroupTable) -> f64 {
    if table.is_ordered() {
        return table.rows_by_order().last().map_or(f64::NAN, |s| s.estimate);
    }
    if let Some(reference) = table.reference() {
        return reference.estimate;
    }
    super::best_performing::best_estimate(table)
}

/// PAR = y_ref − μ, in the indicator's unit; clamped to 0 when it points the wrong way (below 0 for a
/// favourable indicator, above 0 for an adverse one), so it is ≥ 0 for favourable and ≤ 0 for adverse.
///
/// ```
/// use rollout_engine::equity::{attributable, Subgroup, SubgroupTable, TableOptions};
/// // Non-ordered, favourable: best is 60; μ = (20·3 + 60·1)/4 = 30.
/// let t = SubgroupTable::new(
///     vec![Subgroup::new("a", 20.0, 3.0), Subgroup::new("b", 60.0, 1.0)],
///     TableOptions::default(),
/// ).unwrap();
/// assert_eq!(attributable::par(&t), 30.0);
/// assert_eq!(attributable::paf(&t), Some(100.0));
/// ```
pub fn par(table: &SubgroupTable) -> f64 {
    clamp(table, reference_estimate(table) - table.mean())
}

/// PAF = 100 · PAR / μ (percent of the mean), with the same clamp. `None` when μ = 0.
pub fn paf(table: &SubgroupTable) -> Option<f64> {
    let mean = table.mean();
    (mean != 0.0).then(|| clamp(table, 100.0 * par(table) / mean))
}

fn clamp(table: &SubgroupTable, value: f64) -> f64 {
    let favourable = table.options().is_favourable();
    if (favourable && value < 0.0) || (!favourable && value > 0.0) {
        0.0
    } else {
        value
    }
}
