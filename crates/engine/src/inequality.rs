//! Inequality between population groups over time: the HEAT summary measures ([`crate::equity`]) of
//! simulated outcomes, month by month, as means with 95% intervals across replicates.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::equity::{Subgroup, SubgroupTable, TableOptions};
use crate::estimate::{t_critical, Estimate};
use crate::quantity::Quantity;
use crate::record::ReplicateResult;
use crate::scenario::Scenario;
use crate::summary::in_replicate_order;

/// The outcomes whose inequality is tracked, each favourable (more is better), with the HEAT scale of
/// its estimates: shares as percentages (scale 100), events avoided per 1,000 people (scale 1,000).
pub const TRACKED: [(Quantity, f64); 3] =
    [(Quantity::EverAdoptedShare, 100.0), (Quantity::ActiveShare, 100.0), (Quantity::EventsAvoidedPer1000, 1000.0)];

/// Fewest users (people using it, or who have used it, as the quantity counts them) every group must have
/// in a replicate before the regression-based and relative measures are reported for it: below that, a
/// ratio of near-zero shares is noise (a relative index of 10^67 at month 1). One threshold for the CLI,
/// the JSON and the app alike.
pub const MIN_USERS_PER_GROUP: u32 = 10;

/// The measures that wait for [`MIN_USERS_PER_GROUP`] in every group: regression-based (SII, RII) and
/// relative (ratio, relative concentration index, coefficient of variation, indices of disparity, Theil
/// index, mean log deviation, population attributable fraction).
pub const GATED_MEASURES: [&str; 10] = ["SII", "RII", "R", "RCI", "COV", "IDISU", "IDISW", "TI", "MLD", "PAF"];

/// Ratio measures, summarised across replicates on the log scale (geometric mean, interval exp(mean of
/// logs ± t·se)), so that no interval crosses zero.
pub const LOG_SCALE_MEASURES: [&str; 2] = ["R", "RII"];

/// Users a quantity counts in a group-month, for [`MIN_USERS_PER_GROUP`].
fn users(quantity: Quantity, row: &crate::record::GroupMonth) -> u32 {
    match quantity {
        Quantity::EverAdoptedShare => row.ever_adopted(),
        _ => row.active,
    }
}

/// Mean and interval of positive values on the log scale; `None` if any is not positive.
fn log_scale(values: &[f64], t: f64) -> Option<Estimate> {
    if !values.iter().all(|v| v.is_finite() && *v > 0.0) {
        return None;
    }
    let logs: Vec<f64> = values.iter().map(|v| libm::log(*v)).collect();
    let e = Estimate::from_samples(&logs, t);
    Some(Estimate { mean: libm::exp(e.mean), lo: libm::exp(e.lo), hi: libm::exp(e.hi) })
}

/// One month's inequality: for each tracked quantity (by name), each HEAT measure (by abbreviation).
/// A measure is `None` where HEAT does not apply it to this kind of grouping, where it is undefined in
/// some replicate (for instance a ratio while nobody has adopted yet), or, for the regression-based and
/// relative measures ([`GATED_MEASURES`]), while some group has fewer than [`MIN_USERS_PER_GROUP`] users in
/// some replicate. Ratio measures ([`LOG_SCALE_MEASURES`]) are geometric means with log-scale intervals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthInequality {
    pub month: u32,
    pub measures: BTreeMap<String, BTreeMap<String, Option<Estimate>>>,
}

/// The HEAT summary measures charted over time, by name in code rather than by string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Difference, highest minus lowest.
    D,
    /// Ratio, highest to lowest.
    R,
    /// Slope index of inequality (ordered groups).
    Sii,
    /// Relative index of inequality (ordered groups).
    Rii,
}

impl Measure {
    /// The HEAT abbreviation, the key in [`MonthInequality::measures`] and in JSON.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Measure::D => "D",
            Measure::R => "R",
            Measure::Sii => "SII",
            Measure::Rii => "RII",
        }
    }

    /// A relative measure (a ratio, 1 = equal), as opposed to an absolute one (a difference, 0 = equal).
    pub fn is_relative(self) -> bool {
        matches!(self, Measure::R | Measure::Rii)
    }

    /// Not reported until every group has [`MIN_USERS_PER_GROUP`] users ([`GATED_MEASURES`]).
    pub fn is_gated(self) -> bool {
        GATED_MEASURES.contains(&self.abbreviation())
    }
}

impl MonthInequality {
    /// The estimate of `measure` (e.g. "SII") for `quantity`.
    pub fn get(&self, quantity: Quantity, measure: &str) -> Option<Estimate> {
        self.measures.get(quantity.name())?.get(measure).copied().flatten()
    }

    /// The estimate of `measure` for `quantity`, `None` where it does not apply or is undefined.
    pub fn measure(&self, quantity: Quantity, measure: Measure) -> Option<Estimate> {
        self.get(quantity, measure.abbreviation())
    }
}

/// Inequality measures for every month, or nothing when the scenario has a single group. Replicates may
/// come in any order: they are combined in replicate order, so the result does not depend on arrival.
///
/// ```
/// use rollout_engine::{inequality, model::run_replicate, presets, quantity::Quantity};
/// let mut s = presets::preset("heart-monitoring").unwrap().scenario;
/// s.agents = 8_000;
/// let results: Vec<_> = (0..3).map(|r| run_replicate(&s, r)).collect();
/// let months = inequality::over_time(&s, &results);
/// let sii = months[120].get(Quantity::ActiveShare, "SII").unwrap();
/// assert!(sii.lo <= sii.mean && sii.mean <= sii.hi);
/// assert!(months[120].get(Quantity::ActiveShare, "TI").is_none(), "TI is for unordered groups");
/// ```
pub fn over_time<R: Borrow<ReplicateResult>>(scenario: &Scenario, results: &[R]) -> Vec<MonthInequality> {
    over_time_in_order(scenario, &in_replicate_order(results))
}

/// [`over_time`] of replicates already in replicate order.
pub(crate) fn over_time_in_order(scenario: &Scenario, results: &[&ReplicateResult]) -> Vec<MonthInequality> {
    let groups = &scenario.groups.list;
    if groups.len() < 2 || results.is_empty() {
        return Vec::new();
    }
    let t = t_critical(results.len());
    let months = results[0].months.len();
    let mut tables: Vec<SubgroupTable> = TRACKED.iter().map(|&(_, scale)| table(scenario, scale)).collect();
    (0..months)
        .map(|m| {
            let mut measures = BTreeMap::new();
            for (k, &(quantity, scale)) in TRACKED.iter().enumerate() {
                let per_replicate: Vec<Vec<(&'static str, Option<f64>)>> = results
                    .iter()
                    .map(|r| {
                        let rows = &r.months[m].groups;
                        let estimates: Vec<f64> =
                            rows.iter().map(|g| quantity.of(g) * scale_of(quantity, scale)).collect();
                        let populations: Vec<f64> = rows.iter().map(|g| g.eligible as f64).collect();
                        let enough = rows.iter().all(|g| users(quantity, g) >= MIN_USERS_PER_GROUP);
                        match tables[k].set_values(&estimates, &populations) {
                            Ok(()) => tables[k]
                                .measures()
                                .entries()
                                .iter()
                                .map(|&(name, v)| {
                                    (name, if enough || !GATED_MEASURES.contains(&name) { v } else { None })
                                })
                                .collect(),
                            Err(_) => Vec::new(),
                        }
                    })
                    .collect();
                let mut by_measure = BTreeMap::new();
                for (i, (name, _)) in crate::equity::Measures::default().entries().iter().enumerate() {
                    let values: Option<Vec<f64>> =
                        per_replicate.iter().map(|entries| entries.get(i).and_then(|e| e.1)).collect();
                    let estimate = values.and_then(|v| {
                        if LOG_SCALE_MEASURES.contains(name) {
                            log_scale(&v, t)
                        } else {
                            Some(Estimate::from_samples(&v, t))
                        }
                    });
                    by_measure.insert(name.to_string(), estimate);
                }
                measures.insert(quantity.name().to_string(), by_measure);
            }
            MonthInequality { month: results[0].months[m].month, measures }
        })
        .collect()
}

/// Shares are reported 0 to 1 but HEAT takes percentages; per-1,000 rates are already on their scale.
pub(crate) fn scale_of(quantity: Quantity, scale: f64) -> f64 {
    if quantity.is_share() {
        scale
    } else {
        1.0
    }
}

/// An empty table of the scenario's groups, ordered when they are (first = most disadvantaged).
pub(crate) fn table(scenario: &Scenario, scale: f64) -> SubgroupTable {
    let ordered = scenario.groups.ordered;
    let rows = scenario
        .groups
        .list
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let row = Subgroup::new(g.name.clone(), 0.0, 1.0);
            if ordered {
                row.with_order(i as i64 + 1)
            } else {
                row
            }
        })
        .collect();
    SubgroupTable::new(rows, TableOptions { scale, ..TableOptions::default() })
        .expect("a validated scenario has unique group names and at least two groups here")
}
