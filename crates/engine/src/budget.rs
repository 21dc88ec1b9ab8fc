//! The hard programme budget: every programme cost (device subsidies, support, connectivity, extra clinical
//! review capacity) is drawn from one monthly budget and rationed together, so spending never exceeds it.
//!
//! Each month the model adds up what every lever would cost in full (its demand). If the total fits the
//! month's budget, everything is paid; otherwise every lever is paid the same share of its demand,
//! `budget / demand`, so the month's spend equals the budget exactly. The levers with a demand that month
//! are then *rationed*. The paid share also acts on people: next month, new grants are given with that
//! probability, and users relying on a grant have it honoured with that probability (the rest face the
//! abandonment hazard of an unmet need).

use serde::{Deserialize, Serialize};

/// The levers paid from the budget, in the order of [`Demand`] and [`Rationed`].
pub const LEVERS: [&str; 4] = ["subsidy", "support", "connectivity", "review_capacity"];

/// What each lever would cost in full this month, GBP.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Demand {
    pub subsidy: f64,
    pub support: f64,
    pub connectivity: f64,
    pub review_capacity: f64,
}

impl Demand {
    /// The four demands in [`LEVERS`] order.
    pub fn each(&self) -> [f64; 4] {
        [self.subsidy, self.support, self.connectivity, self.review_capacity]
    }

    /// All four, GBP.
    pub fn total(&self) -> f64 {
        self.each().iter().sum()
    }
}

/// Which levers the budget could not pay in full this month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rationed {
    pub subsidy: bool,
    pub support: bool,
    pub connectivity: bool,
    pub review_capacity: bool,
}

impl Rationed {
    /// The four flags in [`LEVERS`] order.
    pub fn each(&self) -> [bool; 4] {
        [self.subsidy, self.support, self.connectivity, self.review_capacity]
    }

    /// Any lever rationed.
    pub fn any(&self) -> bool {
        self.each().iter().any(|r| *r)
    }
}

/// One month's budget, as recorded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetMonth {
    /// The month's budget, GBP (0 when unfunded).
    pub budget: f64,
    /// What the levers would have cost in full, GBP.
    pub demand: f64,
    /// Of which each lever, in [`LEVERS`] order, GBP.
    pub demand_by_lever: [f64; 4],
    /// Share of every lever's demand that was paid, 0 to 1 (1 when nothing was demanded).
    pub paid_share: f64,
    /// Levers rationed this month.
    pub rationed: Rationed,
}

impl BudgetMonth {
    /// Ration `demand` against `budget` (both GBP for one month).
    ///
    /// ```
    /// use rollout_engine::budget::{BudgetMonth, Demand};
    /// let d = Demand { subsidy: 300.0, support: 100.0, connectivity: 0.0, review_capacity: 100.0 };
    /// let m = BudgetMonth::ration(250.0, d);
    /// assert_eq!(m.paid_share, 0.5);
    /// assert!(m.rationed.subsidy && m.rationed.review_capacity && !m.rationed.connectivity);
    /// assert!(m.paid_share * m.demand <= 250.0);
    /// assert!(!BudgetMonth::ration(1_000.0, d).rationed.any());
    /// ```
    pub fn ration(budget: f64, demand: Demand) -> BudgetMonth {
        let total = demand.total();
        let paid_share = if total <= budget { 1.0 } else { (budget.max(0.0) / total).clamp(0.0, 1.0) };
        let short = paid_share < 1.0;
        let [subsidy, support, connectivity, review_capacity] = demand.each().map(|d| short && d > 0.0);
        BudgetMonth {
            budget,
            demand: total,
            demand_by_lever: demand.each(),
            paid_share,
            rationed: Rationed { subsidy, support, connectivity, review_capacity },
        }
    }

    /// What was spent, GBP: never more than the budget.
    pub fn spend(&self) -> f64 {
        (self.paid_share * self.demand).min(self.budget.max(0.0)).min(self.demand)
    }
}
