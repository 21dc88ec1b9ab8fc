//! Combining replicates: every reported quantity as a mean with a 95% interval.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use crate::estimate::{t_critical, Estimate};
use crate::inequality::{over_time_in_order, MonthInequality};
use crate::outcomes::{outcomes, Outcomes};
use crate::quantity::Quantity;
use crate::record::ReplicateResult;
use crate::scenario::Scenario;

/// Name of the row that sums all groups.
pub const ALL_GROUPS: &str = "all";

/// Which row of a summary: one group (its index in the scenario's group list) or all groups together.
/// Rows are looked up by key, never by position or name (a group may itself be called "all").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKey {
    /// The group at this index in the scenario's list.
    Group(usize),
    /// All groups together.
    All,
}

impl GroupKey {
    /// The key of row `row` of `rows` rows laid out as the summary lays them out (groups, then all).
    fn of_row(row: usize, rows: usize) -> GroupKey {
        if row + 1 == rows {
            GroupKey::All
        } else {
            GroupKey::Group(row)
        }
    }

    /// The row of this key among `rows` rows (groups, then all); `None` when out of range.
    fn row(self, rows: usize) -> Option<usize> {
        match self {
            GroupKey::All => rows.checked_sub(1),
            GroupKey::Group(g) => (g + 1 < rows).then_some(g),
        }
    }
}

/// One group (or all) in one month, across replicates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupSummary {
    /// Group name, or `all`.
    pub group: String,
    /// Eligible people (the same in every replicate).
    pub eligible: u32,
    /// One estimate per [`Quantity`], in [`Quantity::ALL`] order.
    pub values: Vec<Estimate>,
}

impl GroupSummary {
    /// The estimate of one quantity.
    pub fn get(&self, quantity: Quantity) -> Estimate {
        self.values[quantity.index()]
    }
}

/// Organisations in one month, across replicates (shares of all organisations, 0 to 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub offering_share: Estimate,
    pub procuring_share: Estimate,
    pub discontinued_share: Estimate,
    pub ever_offered_share: Estimate,
    /// Share of replicates in which the supplier still supplies, 0 to 1.
    pub supplier_active_share: f64,
}

impl MonthSummary {
    /// The row of one group, or of all groups; `None` for a group index the run does not have.
    pub fn group(&self, key: GroupKey) -> Option<&GroupSummary> {
        self.groups.get(key.row(self.groups.len())?)
    }

    /// Every row with its key: the groups in scenario order, then all.
    pub fn rows(&self) -> impl Iterator<Item = (GroupKey, &GroupSummary)> {
        let n = self.groups.len();
        self.groups.iter().enumerate().map(move |(i, g)| (GroupKey::of_row(i, n), g))
    }
}

/// One month across replicates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthSummary {
    /// Months since the start (0: the starting state).
    pub month: u32,
    /// Funding was in force during the month.
    pub funded: bool,
    /// The groups in scenario order, then `all`.
    pub groups: Vec<GroupSummary>,
    pub organisations: OrganisationSummary,
}

/// The NASSS outcomes of one group (or all), across replicates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeSummary {
    pub group: String,
    pub non_adoption: Estimate,
    pub never_offered: Estimate,
    pub declined: Estimate,
    pub abandonment: Estimate,
    pub scale_up: Estimate,
    pub spread: Estimate,
    /// `None` when funding does not end at least 12 months before the horizon.
    pub sustainability: Option<Estimate>,
    pub events_avoided: Estimate,
    pub cost: Estimate,
    /// `None` when no replicate avoided an event.
    pub cost_per_event_avoided: Option<Estimate>,
    /// Inverse care law: share of all events avoided that this group got, 0 to 1.
    pub benefit_share: Option<Estimate>,
    /// Inverse care law: share of all need (events expected without the technology) in this group, 0 to 1.
    pub need_share: Option<Estimate>,
}

impl RunSummary {
    /// The outcomes of one group, or of all groups.
    pub fn outcome(&self, key: GroupKey) -> Option<&OutcomeSummary> {
        self.outcomes.get(key.row(self.outcomes.len())?)
    }

    /// Every outcome row with its key: the groups in scenario order, then all.
    pub fn outcome_rows(&self) -> impl Iterator<Item = (GroupKey, &OutcomeSummary)> {
        let n = self.outcomes.len();
        self.outcomes.iter().enumerate().map(move |(i, o)| (GroupKey::of_row(i, n), o))
    }
}

/// Everything a run reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunSummary {
    pub scenario: String,
    pub seed: u64,
    pub replicates: u32,
    /// Group names in scenario order.
    pub groups: Vec<String>,
    /// Months 0 to the horizon.
    pub months: Vec<MonthSummary>,
    /// Outcomes per group, then `all`.
    pub outcomes: Vec<OutcomeSummary>,
    /// HEAT inequality measures across groups for each month (empty with a single group).
    pub inequality: Vec<MonthInequality>,
}

/// Replicates in replicate order, by reference: every function that combines replicates sorts them here,
/// once, so results do not depend on the order they arrived in.
pub fn in_replicate_order<R: Borrow<ReplicateResult>>(results: &[R]) -> Vec<&ReplicateResult> {
    let mut sorted: Vec<&ReplicateResult> = results.iter().map(Borrow::borrow).collect();
    sorted.sort_by_key(|r| r.replicate);
    sorted
}

/// Combine replicate results (in any order; they are sorted by replicate index) into a summary. Takes them
/// by reference, owned or shared (`&[ReplicateResult]`, `&[Rc<ReplicateResult>]`, `&[&ReplicateResult]`).
pub fn summarise<R: Borrow<ReplicateResult>>(scenario: &Scenario, results: &[R]) -> RunSummary {
    let sorted = in_replicate_order(results);
    let t = t_critical(sorted.len());
    let groups = scenario.groups.list.len();
    let names: Vec<String> =
        scenario.groups.list.iter().map(|g| g.name.clone()).chain([ALL_GROUPS.to_string()]).collect();
    let month_count = sorted.first().map_or(0, |r| r.months.len());
    let months = (0..month_count)
        .map(|m| {
            let rows: Vec<_> = sorted
                .iter()
                .map(|r| {
                    let record = &r.months[m];
                    let mut rows = record.groups.clone();
                    rows.push(record.all());
                    rows
                })
                .collect();
            let group_summaries = (0..=groups)
                .map(|g| GroupSummary {
                    group: names[g].clone(),
                    eligible: rows[0][g].eligible,
                    values: Quantity::ALL
                        .iter()
                        .map(|q| Estimate::from_samples(&rows.iter().map(|r| q.of(&r[g])).collect::<Vec<_>>(), t))
                        .collect(),
                })
                .collect();
            let org = |f: &dyn Fn(&ReplicateResult) -> u32| {
                let samples: Vec<f64> = sorted.iter().map(|r| f(r) as f64 / r.organisation_count as f64).collect();
                Estimate::from_samples(&samples, t)
            };
            let supplier = sorted.iter().filter(|r| r.months[m].supplier_active).count() as f64 / sorted.len() as f64;
            MonthSummary {
                month: sorted[0].months[m].month,
                funded: sorted[0].months[m].funded,
                groups: group_summaries,
                organisations: OrganisationSummary {
                    offering_share: org(&|r| r.months[m].organisations.offering),
                    procuring_share: org(&|r| r.months[m].organisations.procuring),
                    discontinued_share: org(&|r| r.months[m].organisations.discontinued),
                    ever_offered_share: org(&|r| r.months[m].organisations.ever_offered),
                    supplier_active_share: supplier,
                },
            }
        })
        .collect();
    let outcomes = (0..=groups)
        .map(|g| {
            let per: Vec<Outcomes> = sorted.iter().map(|r| outcomes(scenario, r, (g < groups).then_some(g))).collect();
            let est = |f: &dyn Fn(&Outcomes) -> f64| Estimate::from_samples(&per.iter().map(f).collect::<Vec<_>>(), t);
            let optional = |f: &dyn Fn(&Outcomes) -> Option<f64>| {
                let values: Vec<f64> = per.iter().filter_map(f).collect();
                (!values.is_empty()).then(|| Estimate::from_samples(&values, t_critical(values.len())))
            };
            OutcomeSummary {
                group: names[g].clone(),
                non_adoption: est(&|o| o.non_adoption),
                never_offered: est(&|o| o.never_offered),
                declined: est(&|o| o.declined),
                abandonment: est(&|o| o.abandonment),
                scale_up: est(&|o| o.scale_up),
                spread: est(&|o| o.spread),
                sustainability: optional(&|o| o.sustainability),
                events_avoided: est(&|o| o.events_avoided),
                cost: est(&|o| o.cost),
                cost_per_event_avoided: optional(&|o| o.cost_per_event_avoided),
                benefit_share: optional(&|o| o.benefit_share),
                need_share: optional(&|o| o.need_share),
            }
        })
        .collect();
    RunSummary {
        scenario: scenario.name.clone(),
        seed: scenario.seed,
        replicates: sorted.len() as u32,
        groups: names[..groups].to_vec(),
        months,
        outcomes,
        inequality: over_time_in_order(scenario, &sorted),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn rows_are_found_by_key_even_when_a_group_is_called_all() {
        let mut s = presets::preset("heart-monitoring").unwrap().scenario;
        (s.agents, s.months, s.replicates) = (500, 3, 2);
        s.groups.list[0].name = ALL_GROUPS.to_string();
        let summary = crate::run::run(&s).unwrap();
        let month = &summary.months[3];
        let keys: Vec<GroupKey> = month.rows().map(|(k, _)| k).collect();
        assert_eq!(keys, [0, 1, 2, 3, 4].map(GroupKey::Group).into_iter().chain([GroupKey::All]).collect::<Vec<_>>());
        let (named_all, all) = (month.group(GroupKey::Group(0)).unwrap(), month.group(GroupKey::All).unwrap());
        assert_eq!(named_all.group, all.group, "two rows carry the name \"all\"...");
        assert!(all.eligible > named_all.eligible, "...but the keys tell the group from all groups");
        assert!(month.group(GroupKey::Group(5)).is_none());
        assert_eq!(summary.outcome(GroupKey::All), summary.outcomes.last());
        assert_eq!(summary.outcome_rows().count(), 6);
    }
}
