//! Policy levers: the choices a policymaker makes.

use serde::{Deserialize, Serialize};

/// All the levers of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levers {
    /// The programme budget and how long it lasts.
    pub funding: Funding,
    /// Device subsidy: share of the personal cost the programme pays.
    pub subsidy: Targeting,
    /// Support (training, helpdesk, digital navigators) for people without digital skills.
    pub support: Targeting,
    /// Connectivity (data plan, hub) for people without internet access.
    pub connectivity: Targeting,
    /// Investment in clinical review capacity while funded: extra capacity as a share of the baseline, 0 to 5.
    pub review_capacity: f64,
    /// Streamlined procurement and governance: share of the procurement delay removed, 0 to 1.
    pub streamlined_procurement: f64,
    /// Regional ecosystem collaboration, 0 (siloed, fragmented) to 1 (aligned): strengthens peer influence
    /// between organisations and shortens procurement.
    pub ecosystem_collaboration: f64,
    /// A time-limited shock, such as a pandemic window that raises referral and acceptance.
    pub shock: Shock,
}

/// Programme funding. The budget pays for the subsidy, support, connectivity and extra review capacity;
/// while it lasts organisations also take the programme up faster and discontinue less.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// Budget, GBP per year per 1,000 eligible people, 0 to 1,000,000 (per 1,000 so that results do not
    /// depend on how many agents simulate the population). As spending nears it, new grants are rationed.
    pub budget_per_1000_per_year: f64,
    /// Years of pilot funding from month 0, 0 to 50 (ignored when recurrent).
    pub years: f64,
    /// Funding continues for the whole horizon (recurrent budget) instead of ending after `years`.
    pub recurrent: bool,
}

/// A lever that reaches a share of people, in every group or in chosen groups only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targeting {
    /// Reach or generosity, 0 to 1 (for the subsidy: share of the personal cost paid; for support and
    /// connectivity: share of people who need it and get it).
    pub level: f64,
    /// Names of the groups it is aimed at; empty for universal.
    #[serde(default)]
    pub groups: Vec<String>,
}

impl Targeting {
    /// The lever switched off.
    pub fn off() -> Self {
        Targeting { level: 0.0, groups: Vec::new() }
    }
}

/// A time-limited shock (a pandemic window).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shock {
    /// First month of the shock, 0-based.
    pub start_month: u32,
    /// Length in months; 0 for no shock.
    pub months: u32,
    /// Multiplier on offers and referrals during the shock, 1 to 10.
    pub referral: f64,
    /// Multiplier on acceptance during the shock (capped at probability 1), 1 to 5.
    pub acceptance: f64,
    /// Share of the procurement and governance delay removed for organisations deciding during the shock
    /// (fast-tracked procurement and governance, centrally bought kit, as in the COVID-19 pandemic), 0 to 1.
    pub procurement: f64,
}

impl Shock {
    /// No shock.
    pub fn none() -> Self {
        Shock { start_month: 0, months: 0, referral: 1.0, acceptance: 1.0, procurement: 0.0 }
    }

    /// The shock is in force in `month` (0-based).
    pub fn active_in(&self, month: u32) -> bool {
        month >= self.start_month && month < self.start_month.saturating_add(self.months)
    }
}
