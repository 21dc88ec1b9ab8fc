//! Checking a scenario: every value against its allowed range, with a message naming the field.

use std::fmt;

use super::names::{check_group_name, check_scenario_name, one_line, shown};
use super::{Scenario, Targeting, MAX_AGENTS, SCENARIO_VERSION};
use crate::fmt_number::short;

/// What is wrong with a scenario. Field names are dotted paths, as `--set` takes them
/// (`groups.list.2.access`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ScenarioError {
    /// The text is not JSON of the scenario's shape (includes unknown fields, named by serde).
    Json(String),
    /// The scenario was written by a newer (or unknown) schema version.
    Version { found: u32, supported: u32 },
    /// A number outside its allowed range.
    OutOfRange { field: String, value: f64, min: f64, max: f64 },
    /// A value that is wrong for another reason.
    Invalid { field: String, message: String },
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::Json(e) => write!(f, "scenario JSON: {}", one_line(e, 300)),
            ScenarioError::Version { found, supported } => {
                write!(f, "version: {found} is not supported; this build reads scenario version {supported}")
            }
            ScenarioError::OutOfRange { field, value, min, max } => {
                write!(f, "{field}: {} is out of range; allowed {} to {}", short(*value), short(*min), short(*max))
            }
            ScenarioError::Invalid { field, message } => write!(f, "{field}: {message}"),
        }
    }
}

impl std::error::Error for ScenarioError {}

fn range(field: impl Into<String>, value: f64, min: f64, max: f64) -> Result<(), ScenarioError> {
    if value.is_finite() && value >= min && value <= max {
        Ok(())
    } else {
        Err(ScenarioError::OutOfRange { field: field.into(), value, min, max })
    }
}

fn invalid(field: impl Into<String>, message: impl Into<String>) -> ScenarioError {
    ScenarioError::Invalid { field: field.into(), message: message.into() }
}

impl Scenario {
    /// Check every value; the first problem found is returned.
    ///
    /// ```
    /// use rollout_engine::presets;
    /// let mut s = presets::preset("heart-monitoring").unwrap().scenario;
    /// s.groups.list[2].access = 1.5;
    /// let message = s.validate().unwrap_err().to_string();
    /// assert_eq!(message, "groups.list.2.access: 1.5 is out of range; allowed 0 to 1");
    /// ```
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.version != SCENARIO_VERSION {
            return Err(ScenarioError::Version { found: self.version, supported: SCENARIO_VERSION });
        }
        check_scenario_name(&self.name).map_err(|e| invalid("name", e.to_string()))?;
        if self.narrative.chars().count() > 2_000 {
            return Err(invalid("narrative", "must be at most 2,000 characters (so that a share link stays openable)"));
        }
        range("agents", self.agents as f64, 1.0, MAX_AGENTS as f64)?;
        range("months", self.months as f64, 1.0, 600.0)?;
        range("replicates", self.replicates as f64, 1.0, 1000.0)?;

        let d = &self.diffusion;
        range("diffusion.innovation", d.innovation, 0.0, 5.0)?;
        range("diffusion.imitation", d.imitation, 0.0, 10.0)?;
        range("diffusion.campaign", d.campaign, 0.0, 5.0)?;
        range("diffusion.readoption", d.readoption, 0.0, 1.0)?;
        range("diffusion.endorsement", d.endorsement, 0.0, 1.0)?;

        self.validate_groups()?;

        let o = &self.organisations;
        range("organisations.count", o.count as f64, 1.0, 10_000.0)?;
        range("organisations.initial_offering", o.initial_offering, 0.0, 1.0)?;
        range("organisations.innovation", o.innovation, 0.0, 5.0)?;
        range("organisations.imitation", o.imitation, 0.0, 10.0)?;
        range("organisations.unfunded_adoption", o.unfunded_adoption, 0.0, 1.0)?;
        range("organisations.local_share", o.local_share, 0.0, 1.0)?;
        range("organisations.review_hours", o.review_hours, 0.0, 10_000.0)?;
        range("organisations.list_size", o.list_size, 1.0, 1_000_000.0)?;
        range("organisations.discontinuation_funded", o.discontinuation_funded, 0.0, 5.0)?;
        range("organisations.discontinuation_unfunded", o.discontinuation_unfunded, 0.0, 5.0)?;
        range("organisations.cost_weight", o.cost_weight, 0.0, 10.0)?;
        range("organisations.value_per_event", o.value_per_event, 0.0, 100_000.0)?;

        let t = &self.technology;
        range("technology.device_cost", t.device_cost, 0.0, 10_000.0)?;
        range("technology.personal_share", t.personal_share, 0.0, 1.0)?;
        range("technology.abandonment", t.abandonment, 0.0, 10.0)?;
        range("technology.unreviewed_abandonment", t.unreviewed_abandonment, 0.0, 10.0)?;
        range("technology.unsupported_abandonment", t.unsupported_abandonment, 0.0, 10.0)?;
        range("technology.cost_abandonment", t.cost_abandonment, 0.0, 10.0)?;
        range("technology.effect", t.effect, 0.0, 1.0)?;
        range("technology.mortality_effect", t.mortality_effect, 0.0, 1.0)?;
        range("technology.review_cost", t.review_cost, 0.0, 10_000.0)?;
        range("technology.review_minutes", t.review_minutes, 0.0, 600.0)?;
        range("technology.support_cost", t.support_cost, 0.0, 10_000.0)?;
        range("technology.connectivity_cost", t.connectivity_cost, 0.0, 10_000.0)?;

        range("cohort.discharge_share", self.cohort.discharge_share, 0.0, 1.0)?;

        let l = &self.levers;
        range("levers.funding.budget_per_1000_per_year", l.funding.budget_per_1000_per_year, 0.0, 1e6)?;
        range("levers.funding.years", l.funding.years, 0.0, 50.0)?;
        self.validate_targeting("levers.subsidy", &l.subsidy)?;
        self.validate_targeting("levers.support", &l.support)?;
        self.validate_targeting("levers.connectivity", &l.connectivity)?;
        for (field, lever, who) in [
            ("levers.support", &l.support, "lack digital skills"),
            ("levers.connectivity", &l.connectivity, "lack home internet"),
        ] {
            if lever.means_tested {
                let message = format!(
                    "only the subsidy can be means-tested; {} already goes only to people who {who}",
                    &field[7..]
                );
                return Err(invalid(format!("{field}.means_tested"), message));
            }
        }
        range("levers.review_capacity", l.review_capacity, 0.0, 5.0)?;
        range("levers.streamlined_procurement", l.streamlined_procurement, 0.0, 1.0)?;
        range("levers.ecosystem_collaboration", l.ecosystem_collaboration, 0.0, 1.0)?;
        range("levers.shock.start_month", l.shock.start_month as f64, 0.0, 600.0)?;
        range("levers.shock.months", l.shock.months as f64, 0.0, 600.0)?;
        range("levers.shock.referral", l.shock.referral, 1.0, 10.0)?;
        range("levers.shock.acceptance", l.shock.acceptance, 1.0, 5.0)?;
        range("levers.shock.procurement", l.shock.procurement, 0.0, 1.0)?;
        Ok(())
    }

    fn validate_groups(&self) -> Result<(), ScenarioError> {
        let list = &self.groups.list;
        if list.is_empty() || list.len() > 64 {
            return Err(invalid("groups.list", format!("has {} groups; allowed 1 to 64", list.len())));
        }
        for (i, g) in list.iter().enumerate() {
            let field = |name: &str| format!("groups.list.{i}.{name}");
            check_group_name(&g.name).map_err(|e| invalid(field("name"), e.to_string()))?;
            if list[..i].iter().any(|other| other.name == g.name) {
                let message = format!("\"{}\" names two groups; names must be unique", shown(&g.name));
                return Err(invalid(field("name"), message));
            }
            if !(g.share.is_finite() && g.share > 0.0 && g.share <= 1e6) {
                return Err(ScenarioError::OutOfRange {
                    field: field("share"),
                    value: g.share,
                    min: f64::MIN_POSITIVE,
                    max: 1e6,
                });
            }
            range(field("need"), g.need, 0.0, 10.0)?;
            range(field("access"), g.access, 0.0, 1.0)?;
            range(field("skills"), g.skills, 0.0, 1.0)?;
            range(field("trust"), g.trust, 0.0, 1.0)?;
            range(field("ability_to_pay"), g.ability_to_pay, 0.0, 1.0)?;
            range(field("within_group_contact"), g.within_group_contact, 0.0, 1.0)?;
            range(field("organisation_readiness"), g.organisation_readiness, 0.0, 1.0)?;
            range(field("mortality"), g.mortality, 0.0, 5.0)?;
        }
        Ok(())
    }

    fn validate_targeting(&self, field: &str, t: &Targeting) -> Result<(), ScenarioError> {
        range(format!("{field}.level"), t.level, 0.0, 1.0)?;
        let groups = self.groups.list.len();
        if t.groups.len() > groups {
            let message =
                format!("names {} groups; a scenario with {groups} groups allows at most {groups}", t.groups.len());
            return Err(invalid(format!("{field}.groups"), message));
        }
        for (i, name) in t.groups.iter().enumerate() {
            if self.group_index(name).is_none() {
                return Err(invalid(
                    format!("{field}.groups.{i}"),
                    format!("\"{}\" is not one of the scenario's groups", shown(name)),
                ));
            }
            if t.groups[..i].contains(name) {
                let message = format!("\"{}\" is listed twice; name each group once", shown(name));
                return Err(invalid(format!("{field}.groups.{i}"), message));
            }
        }
        for (name, &level) in &t.by_group {
            let at = format!("{field}.by_group.{}", one_line(name, 40));
            if self.group_index(name).is_none() {
                return Err(invalid(at, format!("\"{}\" is not one of the scenario's groups", shown(name))));
            }
            if !t.aims_at(name) {
                let message = format!(
                    "\"{}\" is not a group this lever is aimed at; add it to {field}.groups or leave that list empty",
                    shown(name)
                );
                return Err(invalid(at, message));
            }
            range(at, level, 0.0, 1.0)?;
        }
        Ok(())
    }
}
