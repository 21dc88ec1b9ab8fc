//! The simple pairwise measures: difference (D) and ratio (R) between two chosen subgroups.
//!
//! Which two, following HEAT (HEAT-Measures `get_est_se_min_max`, as called by `HEAT_create_input_list`):
//!
//! | dimension | favourable indicator | adverse indicator |
//! |---|---|---|
//! | ordered | most advantaged (highest order) vs most disadvantaged (order 1) | most disadvantaged vs most advantaged |
//! | non-ordered, no reference | highest estimate vs lowest | highest estimate vs lowest |
//! | non-ordered, reference | reference vs lowest of the others | highest of the others vs reference |
//!
//! A reference row is only used for non-ordered dimensions; in an ordered dimension the order decides.

use super::SubgroupTable;

/// The estimates (y1, y2) that D = y1 − y2 and R = y1 / y2 compare; see the module table.
pub fn compared_pair(table: &SubgroupTable) -> (f64, f64) {
    let favourable = table.options().is_favourable();
    if table.is_ordered() {
        let mut by_order = table.rows_by_order();
        let least = by_order.next().map_or(f64::NAN, |s| s.estimate);
        let most = by_order.last().map_or(least, |s| s.estimate);
        return if favourable { (most, least) } else { (least, most) };
    }
    let rows = table.rows();
    if let Some(reference) = table.reference() {
        let others = rows.iter().filter(|s| !s.reference).map(|s| s.estimate);
        return if favourable {
            (reference.estimate, others.fold(f64::INFINITY, f64::min))
        } else {
            (others.fold(f64::NEG_INFINITY, f64::max), reference.estimate)
        };
    }
    let high = rows.iter().map(|s| s.estimate).fold(f64::NEG_INFINITY, f64::max);
    let low = rows.iter().map(|s| s.estimate).fold(f64::INFINITY, f64::min);
    (high, low)
}

/// Difference D = y1 − y2, in the indicator's unit; 0 means no inequality. Applies to every dimension.
///
/// ```
/// use rollout_engine::equity::{pairwise, Subgroup, SubgroupTable, TableOptions};
/// let rows = vec![Subgroup::new("Rural", 40.0, 60.0), Subgroup::new("Urban", 70.0, 40.0)];
/// let t = SubgroupTable::new(rows, TableOptions::default()).unwrap();
/// assert_eq!(pairwise::difference(&t), 30.0); // highest − lowest
/// assert_eq!(pairwise::ratio(&t), Some(1.75));
/// ```
pub fn difference(table: &SubgroupTable) -> f64 {
    let (y1, y2) = compared_pair(table);
    y1 - y2
}

/// Ratio R = y1 / y2 (no unit); 1 means no inequality. `None` when y2 is 0.
pub fn ratio(table: &SubgroupTable) -> Option<f64> {
    let (y1, y2) = compared_pair(table);
    let r = y1 / y2;
    (y2 != 0.0 && r.is_finite()).then_some(r)
}
