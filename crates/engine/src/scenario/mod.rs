//! The scenario: everything a run needs, as one serde-typed value with a `version` field.
//!
//! A scenario is read from JSON, checked by [`Scenario::validate`] (every value against its allowed range,
//! errors naming the field), and written back out unchanged. Unknown fields are rejected by name.

mod economics;
mod groups;
mod levers;
pub mod names;
mod parse;
mod people;
mod set;
mod validate;

pub use economics::Economics;
pub use groups::{Group, Groups};
pub use levers::{Funding, Levers, Shock, Targeting};
pub(crate) use parse::from_value;
pub use people::{Cohort, Diffusion, Organisations, Technology};
pub use set::{set_all, set_dotted};
pub use validate::ScenarioError;

use serde::{Deserialize, Serialize};

use crate::nasss::Nasss;

/// The scenario schema version this build reads and writes.
pub const SCENARIO_VERSION: u32 = 2;

/// Largest population a run may simulate (agents), 8 bytes each: 50 million people is 400 MB.
pub const MAX_AGENTS: u32 = 50_000_000;

/// One complete, reproducible experiment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Schema version; must be [`SCENARIO_VERSION`].
    pub version: u32,
    /// Short name shown in the app and in outputs.
    pub name: String,
    /// A short story for a workshop: what this scenario shows, at most 2,000 characters.
    #[serde(default)]
    pub narrative: String,
    /// Seed of every random draw. The same scenario and seed give the same output bytes everywhere.
    pub seed: u64,
    /// People simulated (agents): the eligible population, 1 to 50,000,000.
    pub agents: u32,
    /// Horizon in months, 1 to 600.
    pub months: u32,
    /// Independent replicates, 1 to 1,000; outputs are their mean with a 95% interval.
    pub replicates: u32,
    /// How people hear of it: offers and campaigns (innovation) and word of mouth (imitation).
    pub diffusion: Diffusion,
    /// The population groups people belong to.
    pub groups: Groups,
    /// The organisations that may offer the programme (general practices, provider sites, councils).
    pub organisations: Organisations,
    /// The technology: costs, abandonment, effect.
    pub technology: Technology,
    /// The open cohort: deaths (per group, in `groups`) and the incident cases that replace them.
    pub cohort: Cohort,
    /// The seven NASSS domains, each simple, complicated or complex.
    pub nasss: Nasss,
    /// Policy levers: funding, subsidy, support, connectivity, capacity, procurement, ecosystem, shock.
    pub levers: Levers,
    /// Health economics: utility, admission cost, discounting and thresholds (optional; defaults).
    #[serde(default)]
    pub economics: Economics,
}

impl Scenario {
    /// Parse a scenario from JSON (a leading byte-order mark is skipped) and validate it.
    ///
    /// ```
    /// use rollout_engine::{presets, Scenario};
    /// let json = serde_json::to_string(&presets::preset("bass").unwrap().scenario).unwrap();
    /// let back = Scenario::from_json(&json).unwrap();
    /// assert_eq!(back.name, "Bass diffusion");
    /// assert!(Scenario::from_json("{\"version\": 1}").is_err());
    /// ```
    pub fn from_json(text: &str) -> Result<Self, ScenarioError> {
        let scenario = parse::parse(text)?;
        scenario.validate()?;
        Ok(scenario)
    }

    /// Pretty JSON, the form presets are printed in.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scenario always serialises")
    }

    /// Funding is in force in `month` (0-based): a budget is set and the month is inside the funded years,
    /// or the funding is recurrent.
    pub fn funded_in(&self, month: u32) -> bool {
        let f = &self.levers.funding;
        f.budget_per_1000_per_year > 0.0 && (f.recurrent || (month as f64) < f.years * 12.0)
    }

    /// The first month without funding, if pilot funding ends inside the horizon.
    pub fn funding_end_month(&self) -> Option<u32> {
        let f = &self.levers.funding;
        if f.budget_per_1000_per_year <= 0.0 || f.recurrent {
            return None;
        }
        let end = libm::ceil(f.years * 12.0) as u32;
        (end < self.months).then_some(end)
    }

    /// Baseline review capacity as a share of an organisation's eligible list (before the NASSS
    /// organisation multiplier and the investment lever): clinician hours × 60 / minutes per user / list
    /// size; unlimited (infinity) when the data needs no review.
    pub fn review_capacity_share(&self) -> f64 {
        let minutes = self.technology.review_minutes;
        if minutes <= 0.0 {
            return f64::INFINITY;
        }
        self.organisations.review_hours * 60.0 / minutes / self.organisations.list_size
    }

    /// Index of the group called `name`.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.groups.list.iter().position(|g| g.name == name)
    }
}
