//! Measures for ordered dimensions (e.g. wealth quintiles), built on each subgroup's ridit rank.
//!
//! Subgroups are lined up from most disadvantaged (order 1) to most advantaged. Subgroup j's ridit rank is
//! the midpoint of its slice of the cumulative population share:
//! X_j = (Σ_{k before j} p_k + p_j / 2), with p_j = population share. So X runs from near 0 (most
//! disadvantaged) to near 1 (most advantaged). Following HEAT and `healthequal`, none of these measures is
//! flipped for adverse indicators; only their reading is (a positive value for an adverse indicator means
//! it is concentrated among the advantaged, which for e.g. mortality is the favourable pattern).

use super::glm::fit_logistic;
use super::SubgroupTable;

/// Ridit ranks and population shares, in order from most disadvantaged; `None` for a non-ordered table.
pub fn ridit_ranks(table: &SubgroupTable) -> Option<Vec<(f64, f64)>> {
    if !table.is_ordered() {
        return None;
    }
    let total = table.total_population();
    let mut before = 0.0;
    Some(
        table
            .rows_by_order()
            .map(|s| {
                let share = s.population / total;
                let rank = before + share / 2.0;
                before += share;
                (rank, share)
            })
            .collect(),
    )
}

/// Absolute concentration index, ACI = Σ_j p_j (2 X_j − 1) y_j, in the indicator's unit.
///
/// Positive when the indicator is concentrated among the advantaged. Equals the slope that `healthequal`'s
/// regression form gives. `None` for a non-ordered table.
///
/// ```
/// use rollout_engine::equity::{ordered, Subgroup, SubgroupTable, TableOptions};
/// // Two equal halves: ranks 1/4 and 3/4, so ACI = 0.5·(−0.5)·10 + 0.5·(0.5)·30 = 5.
/// let t = SubgroupTable::new(
///     vec![Subgroup::new("low", 10.0, 1.0).with_order(1), Subgroup::new("high", 30.0, 1.0).with_order(2)],
///     TableOptions::default(),
/// ).unwrap();
/// assert!((ordered::aci(&t).unwrap() - 5.0).abs() < 1e-12);
/// ```
pub fn aci(table: &SubgroupTable) -> Option<f64> {
    let ranks = ridit_ranks(table)?;
    Some(ranks.iter().zip(table.rows_by_order()).map(|(&(x, p), s)| p * (2.0 * x - 1.0) * s.estimate).sum())
}

/// Relative concentration index, RCI = ACI / μ (no unit; between −1 and 1 for non-negative estimates),
/// μ the population-weighted mean. `None` when not ordered or μ = 0.
pub fn rci(table: &SubgroupTable) -> Option<f64> {
    let mean = table.mean();
    (mean != 0.0).then(|| aci(table).map(|a| a / mean)).flatten()
}

/// Slope and relative index of inequality, from a logistic regression on ridit rank.
///
/// Fits logit(v(X)) = b0 + b1 X to the proportions y_j / scale by maximum likelihood, then
/// SII = (v(1) − v(0)) · scale (indicator unit) and RII = v(1) / v(0) (no unit), where rank 0 is the most
/// disadvantaged end and rank 1 the most advantaged.
///
/// Weights: HEAT and `healthequal` call R's `glm(cbind(y, n − y) ~ rank, weights = pop,
/// family = binomial)` with n = pop, and R multiplies prior weights by the binomial totals, so each
/// subgroup's effective weight is pop². This reproduces that weighting, but with the exact proportion
/// y_j / scale rather than R's counts rounded to whole people (which would make the result jump as estimates
/// move). On `healthequal`'s synthetic example this agrees with the published SII and RII to within 0.3 %.
///
/// `(None, None)` when not ordered or any proportion lies outside [0, 1]. When every weighted proportion is
/// 0, SII is 0 and RII is undefined (`None`); when every one is 1, SII is 0 and RII is 1. RII is also `None`
/// when a fitted value underflows to 0 (a steep fit on extreme proportions): a ratio of 0 or infinity would be
/// an artefact of floating point, not a measure.
pub fn sii_rii(table: &SubgroupTable) -> (Option<f64>, Option<f64>) {
    let Some(ranks) = ridit_ranks(table) else {
        return (None, None);
    };
    let scale = table.options().scale;
    let n = ranks.len();
    let mut x = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    let mut w = Vec::with_capacity(n);
    for (&(rank, share), s) in ranks.iter().zip(table.rows_by_order()) {
        let proportion = s.estimate / scale;
        if !(0.0..=1.0).contains(&proportion) {
            return (None, None);
        }
        x.push(rank);
        y.push(proportion);
        w.push(share * share);
    }
    match fit_logistic(&x, &y, &w) {
        Some(fit) => {
            let (v0, v1) = (fit.predict(0.0), fit.predict(1.0));
            let sii = (v1 - v0) * scale;
            let rii = v1 / v0;
            (sii.is_finite().then_some(sii), (v0 > 0.0 && rii > 0.0 && rii.is_finite()).then_some(rii))
        }
        None => {
            // No fit: the weighted proportions are all 0 or all 1 (or all weight sits on one subgroup).
            let weighted: Vec<f64> = y.iter().zip(&w).filter(|(_, &wi)| wi > 0.0).map(|(&yi, _)| yi).collect();
            if weighted.iter().all(|&v| v == 0.0) {
                (Some(0.0), None)
            } else if weighted.iter().all(|&v| v == 1.0) {
                (Some(0.0), Some(1.0))
            } else {
                (None, None)
            }
        }
    }
}
