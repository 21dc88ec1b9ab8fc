//! The programme against the same people with no programme, month by month (the counterfactual).
//!
//! The counterfactual is derived from the replicate itself, not run again: the model already works out,
//! for the very people it simulates, the admissions and deaths that reviewed monitoring avoided in each
//! month (expected numbers, section 3.3.6 of docs/model.md). Without the programme the same people, on
//! the same random numbers, would have had those admissions and deaths as well, and nobody would have
//! spent anything on it. Every difference is therefore paired by construction and costs no extra run.

use crate::record::{GroupMonth, ReplicateResult};
use crate::rng;
use crate::scenario::Scenario;

/// One group's (or all groups') month in one replicate: the programme against no programme. Counts are
/// expected numbers of people; costs GBP; life-years and QALYs years. Undiscounted unless stated.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Paired {
    /// Admissions (adverse events) with the programme.
    pub admissions: f64,
    /// Admissions without the programme: the same people, with those it avoided.
    pub admissions_without: f64,
    /// Deaths with the programme.
    pub deaths: f64,
    /// Deaths without the programme: the same people, with those it averted.
    pub deaths_without: f64,
    /// Life-years gained: lived in this month by people whose death the programme averted (this month or
    /// before) and who are still alive.
    pub life_years_gained: f64,
    /// QALYs gained: life-years gained × utility.
    pub qalys_gained: f64,
    /// Programme budget spent (subsidy, support, connectivity, extra review), GBP.
    pub cost_programme: f64,
    /// Organisations' own clinical review time (review not paid by the programme), GBP.
    pub cost_practice: f64,
    /// The NHS's share of the device and service cost (all but the user's share), GBP.
    pub cost_devices: f64,
    /// What users paid themselves: their share of the device cost less any subsidy, GBP.
    pub cost_personal: f64,
    /// Admissions avoided × the cost of an admission: what the NHS did not spend, GBP.
    pub admission_savings: f64,
}

/// The reported measures of a [`Paired`] month, in output order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairedField {
    Admissions,
    AdmissionsWithout,
    AdmissionsAvoided,
    Deaths,
    DeathsWithout,
    DeathsAverted,
    LifeYearsGained,
    QalysGained,
    CostProgramme,
    CostPractice,
    CostDevices,
    CostPersonal,
    AdmissionSavings,
    NetCost,
}

impl PairedField {
    /// Every field, in output order.
    pub const ALL: [PairedField; 14] = [
        PairedField::Admissions,
        PairedField::AdmissionsWithout,
        PairedField::AdmissionsAvoided,
        PairedField::Deaths,
        PairedField::DeathsWithout,
        PairedField::DeathsAverted,
        PairedField::LifeYearsGained,
        PairedField::QalysGained,
        PairedField::CostProgramme,
        PairedField::CostPractice,
        PairedField::CostDevices,
        PairedField::CostPersonal,
        PairedField::AdmissionSavings,
        PairedField::NetCost,
    ];

    /// Column name (snake case).
    pub fn name(self) -> &'static str {
        match self {
            PairedField::Admissions => "admissions",
            PairedField::AdmissionsWithout => "admissions_without",
            PairedField::AdmissionsAvoided => "admissions_avoided",
            PairedField::Deaths => "deaths",
            PairedField::DeathsWithout => "deaths_without",
            PairedField::DeathsAverted => "deaths_averted",
            PairedField::LifeYearsGained => "life_years_gained",
            PairedField::QalysGained => "qalys_gained",
            PairedField::CostProgramme => "cost_programme",
            PairedField::CostPractice => "cost_practice",
            PairedField::CostDevices => "cost_devices",
            PairedField::CostPersonal => "cost_personal",
            PairedField::AdmissionSavings => "admission_savings",
            PairedField::NetCost => "net_cost",
        }
    }

    /// Position in [`PairedField::ALL`].
    pub fn index(self) -> usize {
        PairedField::ALL.iter().position(|f| *f == self).expect("every field is listed")
    }

    /// A money field (discounted at the cost rate); life-years and QALYs are health effects; the others are
    /// counts, never discounted.
    pub fn is_cost(self) -> bool {
        self.index() >= PairedField::CostProgramme.index()
    }

    /// A health effect (discounted at the effects rate).
    pub fn is_effect(self) -> bool {
        matches!(self, PairedField::LifeYearsGained | PairedField::QalysGained)
    }

    /// The value of this field in `p`.
    pub fn of(self, p: &Paired) -> f64 {
        match self {
            PairedField::Admissions => p.admissions,
            PairedField::AdmissionsWithout => p.admissions_without,
            PairedField::AdmissionsAvoided => p.admissions_without - p.admissions,
            PairedField::Deaths => p.deaths,
            PairedField::DeathsWithout => p.deaths_without,
            PairedField::DeathsAverted => p.deaths_without - p.deaths,
            PairedField::LifeYearsGained => p.life_years_gained,
            PairedField::QalysGained => p.qalys_gained,
            PairedField::CostProgramme => p.cost_programme,
            PairedField::CostPractice => p.cost_practice,
            PairedField::CostDevices => p.cost_devices,
            PairedField::CostPersonal => p.cost_personal,
            PairedField::AdmissionSavings => p.admission_savings,
            PairedField::NetCost => p.net_cost(),
        }
    }
}

impl Paired {
    /// Net cost, GBP: programme + practices + the NHS's device share + people's own share − admissions
    /// avoided at their cost.
    pub fn net_cost(&self) -> f64 {
        self.cost_programme + self.cost_practice + self.cost_devices + self.cost_personal - self.admission_savings
    }

    /// Add another month or group to this one, each weighed by `weight` (a discount factor, or 1).
    fn add_weighted(&mut self, o: &Paired, cost_weight: f64, effect_weight: f64) {
        self.admissions += o.admissions;
        self.admissions_without += o.admissions_without;
        self.deaths += o.deaths;
        self.deaths_without += o.deaths_without;
        self.life_years_gained += o.life_years_gained * effect_weight;
        self.qalys_gained += o.qalys_gained * effect_weight;
        self.cost_programme += o.cost_programme * cost_weight;
        self.cost_practice += o.cost_practice * cost_weight;
        self.cost_devices += o.cost_devices * cost_weight;
        self.cost_personal += o.cost_personal * cost_weight;
        self.admission_savings += o.admission_savings * cost_weight;
    }

    /// Add another group's month (for the all-groups row).
    pub fn add(&mut self, o: &Paired) {
        self.add_weighted(o, 1.0, 1.0);
    }

    /// Every value times `k` (to report per 1,000 people).
    pub fn scaled(&self, k: f64) -> Paired {
        let mut out = Paired::default();
        out.add_weighted(self, 1.0, 1.0);
        for v in [
            &mut out.admissions,
            &mut out.admissions_without,
            &mut out.deaths,
            &mut out.deaths_without,
            &mut out.life_years_gained,
            &mut out.qalys_gained,
            &mut out.cost_programme,
            &mut out.cost_practice,
            &mut out.cost_devices,
            &mut out.cost_personal,
            &mut out.admission_savings,
        ] {
            *v *= k;
        }
        out
    }
}

/// The discount factor of something happening in month `month` (1-based; mid-month) at `rate` a year:
/// (1 + rate)^-(t) with t = (month − 0.5) / 12 years; exactly 1 at a rate of 0.
pub fn discount(rate: f64, month: u32) -> f64 {
    if rate == 0.0 {
        1.0
    } else {
        libm::pow(1.0 + rate, -((month as f64 - 0.5) / 12.0))
    }
}

/// One replicate's paired months, `[month][group]` for months 0 (the start: all zeros) to the horizon.
pub fn paired_months(scenario: &Scenario, result: &ReplicateResult) -> Vec<Vec<Paired>> {
    let t = &scenario.technology;
    let e = &scenario.economics;
    let survival: Vec<f64> = scenario.groups.list.iter().map(|g| 1.0 - rng::monthly_probability(g.mortality)).collect();
    // People alive at the end of the last month whose death the programme averted, per group.
    let mut survivors = vec![0.0f64; survival.len()];
    result
        .months
        .iter()
        .map(|record| {
            if record.month == 0 {
                return vec![Paired::default(); survival.len()];
            }
            record
                .groups
                .iter()
                .enumerate()
                .map(|(g, row)| {
                    let averted = row.deaths_avoided;
                    // Earlier survivors live the month if they do not die in it; this month's live half of it.
                    let carried = survivors[g] * survival[g];
                    let life_months = carried + 0.5 * averted;
                    survivors[g] = carried + averted;
                    paired_row(row, life_months / 12.0, t.device_cost, t.personal_share, e.utility, e.admission_cost)
                })
                .collect()
        })
        .collect()
}

fn paired_row(
    row: &GroupMonth,
    life_years: f64,
    device_cost: f64,
    personal_share: f64,
    utility: f64,
    admission_cost: f64,
) -> Paired {
    let devices = row.active as f64 * device_cost;
    Paired {
        admissions: row.events,
        admissions_without: row.events + row.events_avoided,
        deaths: row.deaths as f64,
        deaths_without: row.deaths as f64 + row.deaths_avoided,
        life_years_gained: life_years,
        qalys_gained: life_years * utility,
        cost_programme: row.programme_spend,
        cost_practice: (row.cost_clinical - row.cost_extra_review).max(0.0),
        cost_devices: devices * (1.0 - personal_share),
        cost_personal: (devices * personal_share - row.cost_subsidy).max(0.0),
        admission_savings: row.events_avoided * admission_cost,
    }
}

/// Discounted totals over the run, per group then all groups: costs at `discount_costs`, life-years and
/// QALYs at `discount_effects`, counts not discounted.
pub fn discounted_totals(scenario: &Scenario, months: &[Vec<Paired>]) -> Vec<Paired> {
    let e = &scenario.economics;
    let groups = scenario.groups.list.len();
    let mut totals = vec![Paired::default(); groups + 1];
    for (m, row) in months.iter().enumerate().skip(1) {
        let (dc, de) = (discount(e.discount_costs, m as u32), discount(e.discount_effects, m as u32));
        for (g, p) in row.iter().enumerate() {
            totals[g].add_weighted(p, dc, de);
            totals[groups].add_weighted(p, dc, de);
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discounting_at_zero_is_exactly_one_and_falls_with_time() {
        assert_eq!(discount(0.0, 120), 1.0);
        assert!(discount(0.035, 13) < discount(0.035, 12));
        // Mid-year of year 1 at 3.5%: 1.035^-0.5.
        assert!((discount(0.035, 6) - libm::pow(1.035, -5.5 / 12.0)).abs() < 1e-15);
    }

    #[test]
    fn net_cost_subtracts_the_savings_from_every_payer() {
        let p = Paired {
            cost_programme: 10.0,
            cost_practice: 5.0,
            cost_devices: 3.0,
            cost_personal: 2.0,
            admission_savings: 25.0,
            ..Paired::default()
        };
        assert_eq!(p.net_cost(), -5.0);
        assert_eq!(PairedField::NetCost.of(&p.scaled(2.0)), -10.0);
        assert!(PairedField::NetCost.is_cost() && !PairedField::DeathsAverted.is_cost());
        assert!(PairedField::QalysGained.is_effect() && !PairedField::CostPersonal.is_effect());
    }
}
