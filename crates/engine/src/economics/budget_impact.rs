//! Budget impact: what the programme costs each payer in each year of the run, undiscounted (as budget
//! impact analyses report it), per 1,000 eligible people.

use serde::{Deserialize, Serialize};

use super::paired::Paired;
use crate::estimate::Estimate;

/// One year of the run, across replicates, GBP per 1,000 eligible people (undiscounted).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetYear {
    /// Year of the run, 1-based.
    pub year: u32,
    /// Months of the run in this year (12, or fewer in a last, partial year).
    pub months: u32,
    /// The programme budget spent.
    pub programme: Estimate,
    /// Organisations' own clinical review time.
    pub practice: Estimate,
    /// The NHS's share of the device and service cost.
    pub devices: Estimate,
    /// People's own share of the device cost.
    pub personal: Estimate,
    /// Admissions avoided, at their cost (a saving to the NHS).
    pub admission_savings: Estimate,
    /// programme + practice + devices + personal − admission savings.
    pub net_cost: Estimate,
}

/// Per-replicate yearly sums of paired months (`[replicate][month][all groups]`), already per 1,000.
pub fn by_year(per_replicate: &[Vec<Paired>], t: f64) -> Vec<BudgetYear> {
    let months = per_replicate.first().map_or(0, |r| r.len().saturating_sub(1));
    let years = months.div_ceil(12);
    (0..years)
        .map(|y| {
            let range = (y * 12 + 1)..=((y + 1) * 12).min(months);
            let sums: Vec<Paired> = per_replicate
                .iter()
                .map(|r| {
                    let mut sum = Paired::default();
                    for p in &r[range.clone()] {
                        sum.add(p);
                    }
                    sum
                })
                .collect();
            let est = |f: &dyn Fn(&Paired) -> f64| Estimate::from_samples(&sums.iter().map(f).collect::<Vec<_>>(), t);
            BudgetYear {
                year: y as u32 + 1,
                months: (range.end() - range.start() + 1) as u32,
                programme: est(&|p| p.cost_programme),
                practice: est(&|p| p.cost_practice),
                devices: est(&|p| p.cost_devices),
                personal: est(&|p| p.cost_personal),
                admission_savings: est(&|p| p.admission_savings),
                net_cost: est(&|p| p.net_cost()),
            }
        })
        .collect()
}
