//! The five NASSS outcomes, kept apart, and the money, for one replicate.

use serde::{Deserialize, Serialize};

use crate::record::ReplicateResult;
use crate::scenario::Scenario;

/// Months after funding ends at which sustainability is judged.
pub const SUSTAINABILITY_MONTHS: u32 = 12;

/// One replicate's outcomes for one group (or all).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outcomes {
    /// Non-adoption: share of eligible people who never used it by the horizon, 0 to 1.
    pub non_adoption: f64,
    /// Of which never offered (unaware, or aware but their organisation does not run it), 0 to 1.
    pub never_offered: f64,
    /// Of which offered and declined, 0 to 1.
    pub declined: f64,
    /// Abandonment: share of people who ever used it who had stopped by the horizon, 0 to 1.
    pub abandonment: f64,
    /// Scale-up: active users as a share of the eligible people registered with organisations offering it
    /// at the horizon, 0 to 1.
    pub scale_up: f64,
    /// Spread: share of organisations that have ever offered it by the horizon, 0 to 1.
    pub spread: f64,
    /// Sustainability: active users 12 months after funding ends as a share of those active when it ended;
    /// `None` when funding never ran, does not end at least 12 months before the horizon, or nobody was
    /// active when it ended.
    pub sustainability: Option<f64>,
    /// Adverse events avoided over the horizon (expected count).
    pub events_avoided: f64,
    /// All costs over the horizon, GBP.
    pub cost: f64,
    /// Cost per adverse event avoided, GBP; `None` when nothing was avoided.
    pub cost_per_event_avoided: Option<f64>,
    /// Inverse care law, benefit: this group's share of all events avoided, 0 to 1; `None` when nothing
    /// was avoided.
    pub benefit_share: Option<f64>,
    /// Inverse care law, need: this group's share of all adverse events expected without the technology,
    /// 0 to 1; `None` when no group has any need. Benefit follows need when the two shares match.
    pub need_share: Option<f64>,
}

/// Outcomes of one replicate for group `group` (`None`: all groups together).
pub fn outcomes(scenario: &Scenario, result: &ReplicateResult, group: Option<usize>) -> Outcomes {
    let pick = |m: usize| match group {
        Some(g) => result.months[m].groups[g].clone(),
        None => result.months[m].all(),
    };
    let last = result.months.len() - 1;
    let end = pick(last);
    let share = |part: f64, whole: f64| if whole > 0.0 { part / whole } else { 0.0 };
    let events_avoided: f64 = (1..=last).map(|m| pick(m).events_avoided).sum();
    let need = |row: &crate::record::GroupMonth| row.events + row.events_avoided;
    let group_need: f64 = (1..=last).map(|m| need(&pick(m))).sum();
    let all_need: f64 = (1..=last).map(|m| need(&result.months[m].all())).sum();
    let all_avoided: f64 = (1..=last).map(|m| result.months[m].all().events_avoided).sum();
    let cost: f64 = (1..=last).map(|m| pick(m).cost_total()).sum();
    let organisations = &result.months[last].organisations;
    let sustainability = scenario.funding_end_month().and_then(|end_month| {
        let later = end_month + SUSTAINABILITY_MONTHS;
        let at_end = pick(end_month as usize).active as f64;
        (end_month > 0 && later as usize <= last && at_end > 0.0).then(|| pick(later as usize).active as f64 / at_end)
    });
    Outcomes {
        non_adoption: share(end.never_adopted() as f64, end.eligible as f64),
        never_offered: share((end.unaware + end.aware_not_offered) as f64, end.eligible as f64),
        declined: share(end.declined as f64, end.eligible as f64),
        abandonment: share(end.abandoned as f64, end.ever_adopted() as f64),
        scale_up: share(end.active as f64, end.offered as f64),
        spread: share(organisations.ever_offered as f64, result.organisation_count as f64),
        sustainability,
        events_avoided,
        cost,
        cost_per_event_avoided: (events_avoided > 0.0).then(|| cost / events_avoided),
        benefit_share: (all_avoided > 0.0).then(|| events_avoided / all_avoided),
        need_share: (all_need > 0.0).then(|| group_need / all_need),
    }
}
