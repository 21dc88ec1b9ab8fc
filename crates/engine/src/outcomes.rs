//! The five NASSS outcomes, kept apart, and the money, for one replicate.
//!
//! Every share has a denominator that cannot be smaller than its numerator, so none leaves 0 to 1; a share
//! whose denominator is empty is `None` ("not applicable"), never 0.

use serde::{Deserialize, Serialize};

use crate::record::{GroupMonth, ReplicateResult};
use crate::scenario::Scenario;

/// Months after funding ends at which sustainability is judged.
pub const SUSTAINABILITY_MONTHS: u32 = 12;

/// One replicate's outcomes for one group (or all).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outcomes {
    /// Non-adoption: share of the people alive and eligible at the horizon who never used it, 0 to 1.
    pub non_adoption: f64,
    /// Of which never offered (unaware, or aware but their organisation does not run it), 0 to 1.
    pub never_offered: f64,
    /// Of which offered and declined, 0 to 1.
    pub declined: f64,
    /// Abandonment within 6 months: share of spells of use that the user stopped within 6 months of
    /// starting, 0 to 1, among spells started at least 6 months before the horizon, leaving out those ended
    /// by death first; `None` when there is no such spell.
    pub abandonment_6m: Option<f64>,
    /// Abandonment within 12 months, as `abandonment_6m`.
    pub abandonment_12m: Option<f64>,
    /// Discontinuation: share of spells of use ended because the organisation or the supplier withdrew
    /// the service, 0 to 1; `None` when nobody started.
    pub discontinuation: Option<f64>,
    /// Scale-up: active users as a share of the eligible people registered with organisations offering it
    /// at the horizon, 0 to 1; `None` when no organisation offers it then.
    pub scale_up: Option<f64>,
    /// Spread: share of organisations that have ever offered it by the horizon, 0 to 1.
    pub spread: f64,
    /// Sustainability: of the people using it when funding ended who are alive 12 months later, the share
    /// using it then, 0 to 1; `None` when funding never ran, does not end at least 12 months before the
    /// horizon, or none of them is alive then.
    pub sustainability: Option<f64>,
    /// Deaths over the horizon.
    pub deaths: f64,
    /// Deaths avoided by reviewed monitoring over the horizon (expected).
    pub deaths_avoided: f64,
    /// Adverse events (admissions) avoided over the horizon (expected count).
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

/// `part / whole`, `None` when `whole` is 0.
fn share(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

/// Outcomes of one replicate for group `group` (`None`: all groups together).
pub fn outcomes(scenario: &Scenario, result: &ReplicateResult, group: Option<usize>) -> Outcomes {
    let pick = |m: usize| match group {
        Some(g) => result.months[m].groups[g].clone(),
        None => result.months[m].all(),
    };
    let groups: Vec<usize> = match group {
        Some(g) => vec![g],
        None => (0..scenario.groups.list.len()).collect(),
    };
    let last = result.months.len() - 1;
    let end = pick(last);
    let over = |f: &dyn Fn(&GroupMonth) -> f64| (1..=last).map(|m| f(&pick(m))).sum::<f64>();
    let events_avoided = over(&|r| r.events_avoided);
    let need = |row: &GroupMonth| row.events + row.events_avoided;
    let group_need = over(&need);
    let all_need: f64 = (1..=last).map(|m| need(&result.months[m].all())).sum();
    let all_avoided: f64 = (1..=last).map(|m| result.months[m].all().events_avoided).sum();
    let cost = over(&|r| r.cost_total());
    let organisations = &result.months[last].organisations;
    let sustainability = scenario.funding_end_month().and_then(|end_month| {
        let later = (end_month + SUSTAINABILITY_MONTHS) as usize;
        (end_month > 0 && later <= last).then_some(())?;
        let row = pick(later);
        share(row.funding_end_users_active as f64, row.funding_end_users_alive as f64)
    });
    let eligible = end.eligible as f64;
    Outcomes {
        non_adoption: share(end.never_adopted() as f64, eligible).unwrap_or(0.0),
        never_offered: share((end.unaware + end.aware_not_offered) as f64, eligible).unwrap_or(0.0),
        declined: share(end.declined as f64, eligible).unwrap_or(0.0),
        abandonment_6m: result.spells.abandonment_within(&groups, 6),
        abandonment_12m: result.spells.abandonment_within(&groups, 12),
        discontinuation: result.spells.discontinuation(&groups),
        scale_up: share(end.active as f64, end.offered as f64),
        spread: organisations.ever_offered as f64 / result.organisation_count.max(1) as f64,
        sustainability,
        deaths: over(&|r| r.deaths as f64),
        deaths_avoided: over(&|r| r.deaths_avoided),
        events_avoided,
        cost,
        cost_per_event_avoided: (events_avoided > 0.0).then(|| cost / events_avoided),
        benefit_share: (all_avoided > 0.0).then(|| events_avoided / all_avoided),
        need_share: (all_need > 0.0).then(|| group_need / all_need),
    }
}
