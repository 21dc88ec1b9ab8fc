//! Combining replicates: every reported quantity as a mean with a 95% interval.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use crate::budget::LEVERS;
use crate::estimate::{t_critical, Estimate, PartialEstimate};
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

/// The programme budget in one month, across replicates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetSummary {
    /// The month's budget, GBP (the same in every replicate).
    pub budget: f64,
    /// Spent, GBP (never above the budget).
    pub spend: Estimate,
    /// What the levers would have cost in full, GBP.
    pub demand: Estimate,
    /// For each lever (subsidy, support, connectivity, review capacity), the share of replicates in which
    /// the budget could not pay it in full this month, 0 to 1.
    pub rationed_share: [f64; 4],
}

/// How a lever fared against the budget over the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeverBudgetStatus {
    /// Nothing was spent on it (level 0, no funding, or nobody needed it).
    Unused,
    /// The budget could not pay it in full in some month: more money would buy more of it.
    Rationed,
    /// Paid in full every month at the highest level it allows (1, or 5 for review capacity): neither more
    /// money nor a higher level buys more of it.
    Saturated,
    /// Paid in full every month, below its highest level: a higher level would buy more of it.
    Paid,
}

/// One lever's use of the budget over the run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverBudget {
    /// `subsidy`, `support`, `connectivity` or `review_capacity`.
    pub lever: String,
    pub status: LeverBudgetStatus,
    /// Months in which it was rationed (mean over replicates).
    pub months_rationed: Estimate,
    /// First month (1-based, as recorded) in which it was rationed in any replicate.
    pub first_rationed_month: Option<u32>,
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
    /// The programme budget: spend, demand and rationed levers.
    pub budget: BudgetSummary,
}

/// The NASSS outcomes of one group (or all), across replicates (definitions in [`Outcomes`]). An
/// optional outcome is the mean over the replicates in which it is defined, and says how many; `None`
/// when it is defined in none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OutcomeSummary {
    pub group: String,
    pub non_adoption: Estimate,
    pub never_offered: Estimate,
    pub declined: Estimate,
    /// Share of starters who stopped within 6 months (censored at death and the horizon).
    pub abandonment_6m: Option<PartialEstimate>,
    /// Share of starters who stopped within 12 months (censored at death and the horizon).
    pub abandonment_12m: Option<PartialEstimate>,
    /// Share of spells of use ended because the service was withdrawn.
    pub discontinuation: Option<PartialEstimate>,
    pub scale_up: Option<PartialEstimate>,
    pub spread: Estimate,
    /// Share of the people using it when funding ended (alive 12 months later) still using it then.
    pub sustainability: Option<PartialEstimate>,
    pub deaths: Estimate,
    pub deaths_avoided: Estimate,
    pub events_avoided: Estimate,
    pub cost: Estimate,
    pub cost_per_event_avoided: Option<PartialEstimate>,
    /// Inverse care law: share of all events avoided that this group got, 0 to 1.
    pub benefit_share: Option<PartialEstimate>,
    /// Inverse care law: share of all need (events expected without the technology) in this group, 0 to 1.
    pub need_share: Option<PartialEstimate>,
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
    /// Each budget lever's status over the run (rationed, saturated...).
    pub levers: Vec<LeverBudget>,
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
                budget: budget_summary(&sorted, m, t),
            }
        })
        .collect();
    let outcomes = (0..=groups)
        .map(|g| {
            let per: Vec<Outcomes> = sorted.iter().map(|r| outcomes(scenario, r, (g < groups).then_some(g))).collect();
            let est = |f: &dyn Fn(&Outcomes) -> f64| Estimate::from_samples(&per.iter().map(f).collect::<Vec<_>>(), t);
            let optional = |f: &dyn Fn(&Outcomes) -> Option<f64>| {
                PartialEstimate::from_options(&per.iter().map(f).collect::<Vec<_>>())
            };
            OutcomeSummary {
                group: names[g].clone(),
                non_adoption: est(&|o| o.non_adoption),
                never_offered: est(&|o| o.never_offered),
                declined: est(&|o| o.declined),
                abandonment_6m: optional(&|o| o.abandonment_6m),
                abandonment_12m: optional(&|o| o.abandonment_12m),
                discontinuation: optional(&|o| o.discontinuation),
                scale_up: optional(&|o| o.scale_up),
                spread: est(&|o| o.spread),
                sustainability: optional(&|o| o.sustainability),
                deaths: est(&|o| o.deaths),
                deaths_avoided: est(&|o| o.deaths_avoided),
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
        levers: lever_budgets(scenario, &sorted, t),
    }
}

fn budget_summary(sorted: &[&ReplicateResult], m: usize, t: f64) -> BudgetSummary {
    let months: Vec<_> = sorted.iter().map(|r| r.months[m].budget).collect();
    let n = months.len().max(1) as f64;
    let mut rationed = [0u32; 4];
    for b in &months {
        for (count, r) in rationed.iter_mut().zip(b.rationed.each()) {
            *count += r as u32;
        }
    }
    let rationed_share = rationed.map(|c| c as f64 / n);
    BudgetSummary {
        budget: months.first().map_or(0.0, |b| b.budget),
        spend: Estimate::from_samples(&months.iter().map(|b| b.spend()).collect::<Vec<_>>(), t),
        demand: Estimate::from_samples(&months.iter().map(|b| b.demand).collect::<Vec<_>>(), t),
        rationed_share,
    }
}

fn lever_budgets(scenario: &Scenario, sorted: &[&ReplicateResult], t: f64) -> Vec<LeverBudget> {
    let l = &scenario.levers;
    let at_max = [l.subsidy.at_full(), l.support.at_full(), l.connectivity.at_full(), l.review_capacity >= 5.0];
    LEVERS
        .iter()
        .enumerate()
        .map(|(k, name)| {
            let months_rationed: Vec<f64> =
                sorted.iter().map(|r| r.months.iter().filter(|m| m.budget.rationed.each()[k]).count() as f64).collect();
            let first = sorted
                .iter()
                .filter_map(|r| r.months.iter().find(|m| m.budget.rationed.each()[k]))
                .map(|m| m.month)
                .min();
            let demanded = sorted.iter().any(|r| r.months.iter().any(|m| m.budget.demand_by_lever[k] > 0.0));
            let status = if first.is_some() {
                LeverBudgetStatus::Rationed
            } else if !demanded {
                LeverBudgetStatus::Unused
            } else if at_max[k] {
                LeverBudgetStatus::Saturated
            } else {
                LeverBudgetStatus::Paid
            };
            LeverBudget {
                lever: name.to_string(),
                status,
                months_rationed: Estimate::from_samples(&months_rationed, t),
                first_rationed_month: first,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn rows_are_found_by_key_not_by_name() {
        let mut s = presets::preset("heart-monitoring").unwrap().scenario;
        (s.agents, s.months, s.replicates) = (500, 3, 2);
        // A group may not be called "all" (validation refuses it); the keys never depend on names anyway.
        s.groups.list[0].name = format!("{ALL_GROUPS} ");
        assert!(crate::run::run(&s).is_err());
        s.groups.list[0].name = "everyone".to_string();
        let summary = crate::run::run(&s).unwrap();
        let month = &summary.months[3];
        let keys: Vec<GroupKey> = month.rows().map(|(k, _)| k).collect();
        assert_eq!(keys, [0, 1, 2, 3, 4].map(GroupKey::Group).into_iter().chain([GroupKey::All]).collect::<Vec<_>>());
        let (first, all) = (month.group(GroupKey::Group(0)).unwrap(), month.group(GroupKey::All).unwrap());
        assert_eq!(first.group, "everyone");
        assert!(all.eligible > first.eligible, "the all-groups row counts every group");
        assert!(month.group(GroupKey::Group(5)).is_none());
        assert_eq!(summary.outcome(GroupKey::All), summary.outcomes.last());
        assert_eq!(summary.outcome_rows().count(), 6);
    }
}
