//! Distributional cost-effectiveness (DCEA; Asaria, Griffin & Cookson, Med Decis Making 2016;36:8-19):
//! who gains, net of what the money would have bought elsewhere, and what that does to the health gap.

use serde::{Deserialize, Serialize};

use super::paired::{discount, Paired};
use crate::estimate::Estimate;
use crate::rng;
use crate::scenario::Scenario;

/// One group's share of the health gained and of the net health benefit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupDistribution {
    pub group: String,
    /// QALYs gained by this group, discounted, per 1,000 people of the whole population (the groups' values
    /// add up to the total).
    pub qalys_gained: Estimate,
    /// QALYs gained minus this group's share of the health the spending displaces elsewhere (net cost ÷
    /// opportunity cost, shared equally per person), per 1,000 people of the whole population.
    pub net_health_benefit: Estimate,
    /// Health without the programme: expected QALYs lived within the run (discounted) per 1,000 people of
    /// this group, from its death hazard and the utility.
    pub health_without: f64,
    /// Health with the programme: `health_without` plus the group's net health benefit per 1,000 of its
    /// people.
    pub health_with: Estimate,
}

/// The health gap between the most and least disadvantaged groups, and its change, against the total net
/// health benefit: the data of the equity impact plane (the baseline, no programme, at the origin).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// Groups in scenario order.
    pub groups: Vec<GroupDistribution>,
    /// The groups are ordered by disadvantage in the scenario (first = most); otherwise by health without
    /// the programme (lowest first).
    pub ordered_by_scenario: bool,
    /// Name of the most and of the least disadvantaged group.
    pub most_disadvantaged: String,
    pub least_disadvantaged: String,
    /// Total net health benefit at the opportunity cost, QALYs per 1,000 people (x of the plane).
    pub net_health_benefit: Estimate,
    /// Absolute gap without the programme: least minus most disadvantaged, QALYs per 1,000 people.
    pub gap_without: f64,
    /// Change in the absolute gap (negative: narrower), QALYs per 1,000 people.
    pub gap_change: Estimate,
    /// Change in the relative gap (least ÷ most disadvantaged; negative: narrower).
    pub relative_gap_change: Estimate,
    /// Slope index of inequality without the programme (health at the top of the ranking minus at the
    /// bottom, by weighted least squares on ridit ranks), QALYs per 1,000 people.
    pub slope_index_without: f64,
    /// Change in the slope index (negative: less unequal), QALYs per 1,000 people.
    pub slope_index_change: Estimate,
    /// Reduction in inequality: minus the change in the slope index (y of the plane: positive is fairer).
    pub inequality_reduction: Estimate,
    /// Where the mean falls: `win_win`, `more_health_more_inequality`, `less_health_less_inequality`,
    /// `lose_lose`, on an axis (`more_health_same_inequality`, `less_health_same_inequality`,
    /// `same_health_less_inequality`, `same_health_more_inequality`), or `no_change`.
    pub quadrant: String,
}

/// Expected QALYs lived within `months` (discounted at `rate`) by one person with the death hazard
/// `mortality` (per year) and `utility`, each month counted at its mid-point survival.
pub fn health_expectancy(mortality: f64, utility: f64, months: u32, rate: f64) -> f64 {
    let s = 1.0 - rng::monthly_probability(mortality);
    let mut alive = 1.0;
    let mut sum = 0.0;
    for m in 1..=months {
        let next = alive * s;
        sum += 0.5 * (alive + next) / 12.0 * discount(rate, m);
        alive = next;
    }
    utility * sum
}

/// Weighted least-squares slope of `y` on the ridit ranks of groups in `order` with weights `w`.
fn slope_index(order: &[usize], w: &[f64], y: &[f64]) -> f64 {
    let total: f64 = w.iter().sum();
    let mut cum = 0.0;
    let mut x = vec![0.0; w.len()];
    for &g in order {
        x[g] = (cum + 0.5 * w[g]) / total;
        cum += w[g];
    }
    let xm = x.iter().zip(w).map(|(a, b)| a * b).sum::<f64>() / total;
    let ym = y.iter().zip(w).map(|(a, b)| a * b).sum::<f64>() / total;
    let sxy: f64 = (0..w.len()).map(|g| w[g] * (x[g] - xm) * (y[g] - ym)).sum();
    let sxx: f64 = (0..w.len()).map(|g| w[g] * (x[g] - xm) * (x[g] - xm)).sum();
    if sxx > 0.0 {
        sxy / sxx
    } else {
        0.0
    }
}

/// The distribution across groups; `None` with a single group. `totals[r]` are replicate r's discounted
/// totals per group then all (not scaled); `sizes` the groups' eligible people.
pub fn distribution(scenario: &Scenario, totals: &[Vec<Paired>], sizes: &[u32], t: f64) -> Option<Distribution> {
    let list = &scenario.groups.list;
    if list.len() < 2 || totals.is_empty() {
        return None;
    }
    let e = &scenario.economics;
    let n: f64 = sizes.iter().map(|&s| s as f64).sum();
    let per_1000 = 1_000.0 / n;
    let w: Vec<f64> = sizes.iter().map(|&s| s as f64).collect();
    let without: Vec<f64> = list
        .iter()
        .map(|g| 1_000.0 * health_expectancy(g.mortality, e.utility, scenario.months, e.discount_effects))
        .collect();
    let mut order: Vec<usize> = (0..list.len()).collect();
    if !scenario.groups.ordered {
        order.sort_by(|&a, &b| without[a].total_cmp(&without[b]).then(a.cmp(&b)));
    }
    let (most, least) = (order[0], order[order.len() - 1]);
    // Per replicate: each group's net health benefit (QALYs, not scaled).
    let nhb: Vec<Vec<f64>> = totals
        .iter()
        .map(|r| {
            let displaced = r[list.len()].net_cost() / e.opportunity_cost;
            (0..list.len()).map(|g| r[g].qalys_gained - displaced * w[g] / n).collect()
        })
        .collect();
    let with_of = |r: usize, g: usize| without[g] + nhb[r][g] / w[g] * 1_000.0;
    let est = |f: &dyn Fn(usize) -> f64| Estimate::from_samples(&(0..totals.len()).map(f).collect::<Vec<_>>(), t);
    let gap0 = without[least] - without[most];
    let sii0 = slope_index(&order, &w, &without);
    let sii_change =
        est(&|r| slope_index(&order, &w, &(0..list.len()).map(|g| with_of(r, g)).collect::<Vec<_>>()) - sii0);
    let reduction = Estimate { mean: -sii_change.mean, lo: -sii_change.hi, hi: -sii_change.lo };
    let total_nhb = est(&|r| nhb[r].iter().sum::<f64>() * per_1000);
    // Equal shares of the displaced health change no gap: below rounding, a change is no change.
    let tiny = 1e-9 * sii0.abs().max(1.0);
    let sign = |x: f64| {
        if x > tiny {
            1
        } else if x < -tiny {
            -1
        } else {
            0
        }
    };
    let quadrant = match (sign(total_nhb.mean), sign(reduction.mean)) {
        (1, 1) => "win_win",
        (1, -1) => "more_health_more_inequality",
        (1, _) => "more_health_same_inequality",
        (-1, 1) => "less_health_less_inequality",
        (-1, -1) => "lose_lose",
        (-1, _) => "less_health_same_inequality",
        (_, 1) => "same_health_less_inequality",
        (_, -1) => "same_health_more_inequality",
        _ => "no_change",
    };
    Some(Distribution {
        groups: (0..list.len())
            .map(|g| GroupDistribution {
                group: list[g].name.clone(),
                qalys_gained: est(&|r| totals[r][g].qalys_gained * per_1000),
                net_health_benefit: est(&|r| nhb[r][g] * per_1000),
                health_without: without[g],
                health_with: est(&|r| with_of(r, g)),
            })
            .collect(),
        ordered_by_scenario: scenario.groups.ordered,
        most_disadvantaged: list[most].name.clone(),
        least_disadvantaged: list[least].name.clone(),
        net_health_benefit: total_nhb,
        gap_without: gap0,
        gap_change: est(&|r| with_of(r, least) - with_of(r, most) - gap0),
        relative_gap_change: est(&|r| with_of(r, least) / with_of(r, most) - without[least] / without[most]),
        slope_index_without: sii0,
        slope_index_change: sii_change,
        inequality_reduction: reduction,
        quadrant: quadrant.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_expectancy_without_deaths_is_utility_times_years() {
        assert!((health_expectancy(0.0, 0.5, 24, 0.0) - 1.0).abs() < 1e-12);
        assert!(health_expectancy(0.15, 0.5, 24, 0.0) < health_expectancy(0.1, 0.5, 24, 0.0));
        assert!(health_expectancy(0.1, 0.5, 24, 0.035) < health_expectancy(0.1, 0.5, 24, 0.0));
    }

    #[test]
    fn the_slope_index_of_a_straight_line_is_its_slope() {
        // Equal groups at ridits 1/6, 1/2, 5/6 with health rising by 1 per third: slope 3.
        let s = slope_index(&[0, 1, 2], &[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]);
        assert!((s - 3.0).abs() < 1e-12);
        assert_eq!(slope_index(&[0, 1], &[1.0, 1.0], &[2.0, 2.0]), 0.0);
    }
}
