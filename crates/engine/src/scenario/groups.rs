//! Population groups: who people are, in the terms that decide whether they are offered, take up and keep
//! using the technology.

use serde::{Deserialize, Serialize};

/// The population groups of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Groups {
    /// The groups have a natural order (deprivation quintiles, first = most deprived), which the ordered
    /// equity measures (slope and relative index of inequality, concentration indices) need.
    pub ordered: bool,
    /// The groups, 1 to 64 of them; with `ordered`, the first is the most disadvantaged.
    pub list: Vec<Group>,
}

/// One population group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Name shown in charts and outputs; unique, 1 to 40 characters.
    pub name: String,
    /// Relative size: share of the eligible population (shares are normalised to sum to 1), above 0.
    pub share: f64,
    /// Clinical need: adverse events (such as emergency admissions) per person per year without the
    /// technology, 0 to 10.
    pub need: f64,
    /// Share of people with internet access at home, 0 to 1.
    pub access: f64,
    /// Share of people with the essential digital skills to use the technology, 0 to 1.
    pub skills: f64,
    /// Probability of accepting an offer from services once access, skills and cost allow, 0 to 1.
    pub trust: f64,
    /// Share of people who can pay the personal cost without a subsidy, 0 to 1.
    pub ability_to_pay: f64,
    /// Share of a person's social contacts inside their own group, 0 to 1; the rest spread over the other
    /// groups in proportion to their size.
    pub within_group_contact: f64,
    /// Readiness of the organisations serving this group's area to take the programme up, relative to the
    /// best-placed, 0 to 1 (practices in deprived areas accept trial invitations less often).
    pub organisation_readiness: f64,
    /// Death hazard, deaths per person per year, 0 to 5 (heart failure: about 0.135, from 26% ten-year
    /// survival, Taylor et al., BMJ 2019;364:l223, higher in more deprived areas). Each death is replaced by
    /// an incident case in the same group and organisation, so the eligible population stays the same size.
    /// 0 keeps the cohort closed.
    pub mortality: f64,
}
