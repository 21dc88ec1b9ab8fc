//! Policy levers: the choices a policymaker makes.

use std::collections::BTreeMap;

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
    /// Levels for particular groups, 0 to 1 each, by group name, in place of `level` for those groups
    /// (proportionate universalism: some for all, more for the most deprived). Each must be a group the
    /// lever is aimed at. Empty (the default): `level` for every group it is aimed at.
    #[serde(default)]
    pub by_group: BTreeMap<String, f64>,
    /// Subsidy only: means-tested, so only people who cannot pay the personal cost receive it and the
    /// budget is not spent on people who can pay. False (the default): anyone offered it may receive it.
    #[serde(default)]
    pub means_tested: bool,
}

impl Targeting {
    /// The lever switched off.
    pub fn off() -> Self {
        Targeting::universal(0.0)
    }

    /// The lever at `level` for everyone, not means-tested.
    pub fn universal(level: f64) -> Self {
        Targeting { level, groups: Vec::new(), by_group: BTreeMap::new(), means_tested: false }
    }

    /// The lever at `level` for the named groups only.
    pub fn aimed(level: f64, groups: &[&str]) -> Self {
        Targeting { groups: groups.iter().map(|g| g.to_string()).collect(), ..Targeting::universal(level) }
    }

    /// The lever is aimed at the group called `name` (it is universal, or names it).
    pub fn aims_at(&self, name: &str) -> bool {
        self.groups.is_empty() || self.groups.iter().any(|n| n == name)
    }

    /// The level the group called `name` gets, 0 to 1: its own level if it has one, else `level`; 0 for a
    /// group the lever is not aimed at.
    ///
    /// ```
    /// use rollout_engine::scenario::Targeting;
    /// let mut t = Targeting::universal(0.3);
    /// t.by_group.insert("Q1".into(), 0.9);
    /// assert_eq!((t.level_for("Q1"), t.level_for("Q5")), (0.9, 0.3));
    /// assert_eq!(Targeting::aimed(0.7, &["Q1"]).level_for("Q2"), 0.0);
    /// ```
    pub fn level_for(&self, name: &str) -> f64 {
        if !self.aims_at(name) {
            return 0.0;
        }
        self.by_group.get(name).copied().unwrap_or(self.level)
    }

    /// Every group it reaches gets the highest level, 1 (a higher setting could buy nothing more).
    pub fn at_full(&self) -> bool {
        self.level >= 1.0 && self.by_group.values().all(|&l| l >= 1.0)
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
