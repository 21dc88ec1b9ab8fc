//! Health economics: is it worth it, and for whom.
//!
//! Every run is compared with the same people with no programme (the counterfactual, derived in the same
//! pass, see [`paired`]), so every difference is paired by replicate. From those pairs: health outcomes
//! (admissions, deaths, life-years, QALYs) and costs by payer per month and group; discounted totals; the
//! decision measures (ICER, net monetary and net health benefit at each threshold, cost per admission
//! avoided and per death averted) with 95% intervals; budget impact per year; and the distributional
//! analysis (each group's gain, the change in the health gap, the inequality staircase). Formulas,
//! defaults and sources: docs/model.md, section 13. Totals are per 1,000 eligible people, so they do not
//! depend on the number of agents.

mod budget_impact;
mod distribution;
pub mod paired;
mod staircase;
mod verdict;

pub use budget_impact::BudgetYear;
pub use distribution::{health_expectancy, Distribution, GroupDistribution};
pub use paired::{discount, paired_months, Paired, PairedField};
pub use staircase::{Staircase, STEPS};
pub use verdict::CostPer;

use serde::{Deserialize, Serialize};

use crate::estimate::{t_critical, Estimate};
use crate::record::ReplicateResult;
use crate::scenario::Scenario;

/// One row (a group, or all) of paired measures across replicates, one [`Estimate`] per
/// [`PairedField`], in [`PairedField::ALL`] order, per 1,000 eligible people of the whole population.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PairedSummary {
    /// Group name, or `all`.
    pub group: String,
    pub values: Vec<Estimate>,
}

impl PairedSummary {
    /// The estimate of one field.
    pub fn get(&self, field: PairedField) -> Estimate {
        self.values[field.index()]
    }
}

/// One month of paired measures (undiscounted): the groups in scenario order, then all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EconomicsMonth {
    pub month: u32,
    pub groups: Vec<PairedSummary>,
}

/// Net monetary and net health benefit at one threshold, per 1,000 eligible people, discounted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AtThreshold {
    /// GBP per QALY.
    pub threshold: f64,
    /// QALYs gained × threshold − net cost, GBP.
    pub net_monetary_benefit: Estimate,
    /// QALYs gained − net cost ÷ threshold, QALYs.
    pub net_health_benefit: Estimate,
}

/// The economic evaluation of a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EconomicsSummary {
    /// The discount rates used, per year (`economics.discount_costs`, `economics.discount_effects`).
    pub discount_costs: f64,
    pub discount_effects: f64,
    /// The opportunity cost used for the groups' net health benefit, GBP per QALY.
    pub opportunity_cost: f64,
    /// Months 0 to the horizon, undiscounted, per 1,000 eligible people.
    pub months: Vec<EconomicsMonth>,
    /// Totals over the run per group then all, per 1,000 eligible people of the whole population: costs
    /// discounted at `economics.discount_costs`, life-years and QALYs at `economics.discount_effects`,
    /// counts of admissions and deaths undiscounted.
    pub totals: Vec<PairedSummary>,
    /// Net cost per QALY gained (discounted).
    pub icer: CostPer,
    /// At each of `economics.thresholds`, in their order.
    pub at_thresholds: Vec<AtThreshold>,
    /// Net cost (discounted) per admission avoided.
    pub cost_per_admission_avoided: CostPer,
    /// Net cost (discounted) per death averted.
    pub cost_per_death_averted: CostPer,
    /// Budget impact per year of the run, undiscounted.
    pub budget_impact: Vec<BudgetYear>,
    /// Who gains, and the change in the health gap (`None` with a single group).
    pub distribution: Option<Distribution>,
    /// The inequality staircase of each group, then all.
    pub staircase: Vec<Staircase>,
}

impl Default for EconomicsSummary {
    fn default() -> Self {
        EconomicsSummary {
            discount_costs: 0.0,
            discount_effects: 0.0,
            opportunity_cost: 0.0,
            months: Vec::new(),
            totals: Vec::new(),
            icer: CostPer::NotApplicable,
            at_thresholds: Vec::new(),
            cost_per_admission_avoided: CostPer::NotApplicable,
            cost_per_death_averted: CostPer::NotApplicable,
            budget_impact: Vec::new(),
            distribution: None,
            staircase: Vec::new(),
        }
    }
}

impl EconomicsSummary {
    /// The totals of all groups together.
    pub fn total(&self) -> Option<&PairedSummary> {
        self.totals.last()
    }
}

fn summarise_rows(rows: &[Vec<Paired>], names: &[String], t: f64) -> Vec<PairedSummary> {
    names
        .iter()
        .enumerate()
        .map(|(g, name)| PairedSummary {
            group: name.clone(),
            values: PairedField::ALL
                .iter()
                .map(|f| Estimate::from_samples(&rows.iter().map(|r| f.of(&r[g])).collect::<Vec<_>>(), t))
                .collect(),
        })
        .collect()
}

/// The economic evaluation of replicates already in replicate order; `names` are the groups then `all`.
pub fn summarise(scenario: &Scenario, sorted: &[&ReplicateResult], names: &[String]) -> EconomicsSummary {
    if sorted.is_empty() {
        return EconomicsSummary::default();
    }
    let t = t_critical(sorted.len());
    let groups = scenario.groups.list.len();
    let sizes: Vec<u32> = sorted[0].months[0].groups.iter().map(|g| g.eligible).collect();
    let per_1000 = 1_000.0 / sizes.iter().map(|&s| s as f64).sum::<f64>().max(1.0);
    // [replicate][month][group, then all], scaled per 1,000.
    let months: Vec<Vec<Vec<Paired>>> = sorted
        .iter()
        .map(|r| {
            paired_months(scenario, r)
                .into_iter()
                .map(|row| {
                    let mut all = Paired::default();
                    row.iter().for_each(|p| all.add(p));
                    row.iter().chain([&all]).map(|p| p.scaled(per_1000)).collect()
                })
                .collect()
        })
        .collect();
    let month_summaries = (0..months[0].len())
        .map(|m| {
            let rows: Vec<Vec<Paired>> = months.iter().map(|r| r[m].clone()).collect();
            EconomicsMonth { month: sorted[0].months[m].month, groups: summarise_rows(&rows, names, t) }
        })
        .collect();
    // Discounted totals, unscaled ([replicate][group, then all]) for the distribution, scaled for the rest.
    let raw: Vec<Vec<Paired>> =
        sorted.iter().map(|r| paired::discounted_totals(scenario, &paired_months(scenario, r))).collect();
    let totals: Vec<Vec<Paired>> = raw.iter().map(|r| r.iter().map(|p| p.scaled(per_1000)).collect()).collect();
    let all = |f: PairedField| totals.iter().map(|r| f.of(&r[groups])).collect::<Vec<f64>>();
    let (cost, qalys) = (all(PairedField::NetCost), all(PairedField::QalysGained));
    let at_thresholds = scenario
        .economics
        .thresholds
        .iter()
        .map(|&k| AtThreshold {
            threshold: k,
            net_monetary_benefit: Estimate::from_samples(
                &qalys.iter().zip(&cost).map(|(e, c)| e * k - c).collect::<Vec<_>>(),
                t,
            ),
            net_health_benefit: Estimate::from_samples(
                &qalys.iter().zip(&cost).map(|(e, c)| e - c / k).collect::<Vec<_>>(),
                t,
            ),
        })
        .collect();
    let all_months: Vec<Vec<Paired>> = months.iter().map(|r| r.iter().map(|row| row[groups]).collect()).collect();
    EconomicsSummary {
        discount_costs: scenario.economics.discount_costs,
        discount_effects: scenario.economics.discount_effects,
        opportunity_cost: scenario.economics.opportunity_cost,
        months: month_summaries,
        totals: summarise_rows(&totals, names, t),
        icer: CostPer::of(&cost, &qalys),
        at_thresholds,
        cost_per_admission_avoided: CostPer::of(&cost, &all(PairedField::AdmissionsAvoided)),
        cost_per_death_averted: CostPer::of(&cost, &all(PairedField::DeathsAverted)),
        budget_impact: budget_impact::by_year(&all_months, t),
        distribution: distribution::distribution(scenario, &raw, &sizes, t),
        staircase: staircase::staircases(sorted, names, t),
    }
}
