//! What a sweep records at each point, per replicate: any output of the engine as one number. Read
//! through the engine's public API ([`Quantity::of`], [`outcomes`], the HEAT [`measures`]), so responses
//! follow the engine when its outcomes change.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::economic::EconomicMeasure;
use super::error::ExperimentError;
use super::statistic::Statistic;
use crate::inequality::TRACKED;
use crate::outcomes::outcomes;
use crate::quantity::Quantity;
use crate::record::ReplicateResult;
use crate::scenario::Scenario;
use crate::summary::ALL_GROUPS;

/// One number per replicate. Text forms (`--output`): `active_share` (final month, one group or `all`),
/// `active_share_gap`, `active_share_slope_index`, `events_avoided_total`, `spend_total`, the
/// calibration statistics over the horizon ([`Statistic`]: `declined_first_offer`, `decliners_access`,
/// `stopped_within_7m`, `practice_ever_used@Q1`, ...) and the health-economic totals per 1,000 people
/// ([`EconomicMeasure`]: `qalys_gained`, `net_cost`, `net_monetary_benefit_20000`).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Response {
    /// A quantity in the final month, for one group or all (`all`), in the quantity's unit.
    Final { quantity: Quantity, group: String },
    /// Final month: the last group minus the first, in the quantity's unit. With groups ordered from most
    /// to least disadvantaged (the presets' quintiles, Q1 most deprived) this is Q5 - Q1: positive when
    /// the least deprived have more.
    Gap { quantity: Quantity },
    /// Final month: the HEAT slope index of inequality across the ordered groups, on HEAT's scale
    /// (percentage points for shares, per 1,000 for rates); only for the quantities the engine tracks
    /// for inequality.
    SlopeIndex { quantity: Quantity },
    /// Adverse events avoided over the horizon (expected count), one group or all.
    EventsAvoided { group: String },
    /// All costs over the horizon (GBP), one group or all.
    Spend { group: String },
    /// A statistic over the horizon that published figures measure (0 to 1), one group or all.
    Statistic { statistic: Statistic, group: String },
    /// A health-economic total over the horizon against no programme, per 1,000 people, one group's
    /// share or all.
    Economic { measure: EconomicMeasure, group: String },
}

const GAP: &str = "_gap";
const SLOPE: &str = "_slope_index";
const EVENTS: &str = "events_avoided_total";
const SPEND: &str = "spend_total";

impl Response {
    /// What a design records unless told otherwise: active share for all, the Q5-Q1 gap and slope index of
    /// active share, events avoided and spend.
    pub fn defaults() -> Vec<Response> {
        vec![
            Response::Final { quantity: Quantity::ActiveShare, group: ALL_GROUPS.into() },
            Response::Gap { quantity: Quantity::ActiveShare },
            Response::SlopeIndex { quantity: Quantity::ActiveShare },
            Response::EventsAvoided { group: ALL_GROUPS.into() },
            Response::Spend { group: ALL_GROUPS.into() },
        ]
    }

    /// A response from its quantity name and an optional group (`None`: all groups).
    ///
    /// ```
    /// use rollout_engine::experiment::Response;
    /// let r = Response::parse("active_share_gap", None).unwrap();
    /// assert_eq!(r.quantity_name(), "active_share_gap");
    /// assert_eq!(Response::parse("active_share", Some("Q2")).unwrap().group(), Some("Q2"));
    /// assert!(Response::parse("nope", None).is_err());
    /// ```
    pub fn parse(quantity: &str, group: Option<&str>) -> Result<Response, ExperimentError> {
        let group_name = group.unwrap_or(ALL_GROUPS).to_string();
        let no_group = |r: Response| match group {
            Some(g) if g != ALL_GROUPS => {
                Err(ExperimentError::Response(format!("{quantity} is across groups; it takes no group (got \"{g}\")")))
            }
            _ => Ok(r),
        };
        if quantity == EVENTS {
            return Ok(Response::EventsAvoided { group: group_name });
        }
        if quantity == SPEND {
            return Ok(Response::Spend { group: group_name });
        }
        if let Some(statistic) = Statistic::from_name(quantity) {
            return Ok(Response::Statistic { statistic, group: group_name });
        }
        if let Some(measure) = EconomicMeasure::from_name(quantity) {
            return Ok(Response::Economic { measure, group: group_name });
        }
        if let Some(q) = quantity.strip_suffix(GAP).and_then(Quantity::from_name) {
            return no_group(Response::Gap { quantity: q });
        }
        if let Some(q) = quantity.strip_suffix(SLOPE).and_then(Quantity::from_name) {
            if !TRACKED.iter().any(|(t, _)| *t == q) {
                let names: Vec<String> = TRACKED.iter().map(|(t, _)| format!("{}{SLOPE}", t.name())).collect();
                return Err(ExperimentError::Response(format!(
                    "{quantity}: the slope index is kept for {} only",
                    names.join(", ")
                )));
            }
            return no_group(Response::SlopeIndex { quantity: q });
        }
        if let Some(q) = Quantity::from_name(quantity) {
            return Ok(Response::Final { quantity: q, group: group_name });
        }
        let mut names: Vec<String> = Quantity::ALL.iter().map(|q| q.name().to_string()).collect();
        names.extend([format!("QUANTITY{GAP}"), format!("QUANTITY{SLOPE}"), EVENTS.into(), SPEND.into()]);
        names.extend(Statistic::names());
        names.extend(EconomicMeasure::names());
        Err(ExperimentError::Response(format!("unknown output \"{quantity}\"; outputs are {}", names.join(", "))))
    }

    /// The quantity column's text.
    pub fn quantity_name(&self) -> String {
        match self {
            Response::Final { quantity, .. } => quantity.name().to_string(),
            Response::Gap { quantity } => format!("{}{GAP}", quantity.name()),
            Response::SlopeIndex { quantity } => format!("{}{SLOPE}", quantity.name()),
            Response::EventsAvoided { .. } => EVENTS.to_string(),
            Response::Spend { .. } => SPEND.to_string(),
            Response::Statistic { statistic, .. } => statistic.name(),
            Response::Economic { measure, .. } => measure.name(),
        }
    }

    /// The group column's text: a group, `all`, or none for measures across groups.
    pub fn group(&self) -> Option<&str> {
        match self {
            Response::Final { group, .. }
            | Response::EventsAvoided { group }
            | Response::Spend { group }
            | Response::Statistic { group, .. }
            | Response::Economic { group, .. } => Some(group),
            Response::Gap { .. } | Response::SlopeIndex { .. } => None,
        }
    }

    /// Whether this response is a final-month value (else a total over the horizon or across groups).
    pub fn is_final_month(&self) -> bool {
        matches!(self, Response::Final { .. } | Response::Gap { .. } | Response::SlopeIndex { .. })
    }

    /// Check that the group exists and, for measures across groups, that the scenario has two or more.
    pub fn check(&self, scenario: &Scenario) -> Result<(), ExperimentError> {
        if let Response::Statistic { statistic, group } = self {
            if statistic.needs_one_group() && group == ALL_GROUPS {
                return Err(ExperimentError::Response(format!(
                    "{}: name the group of the practices' area, e.g. {}@{}",
                    self.quantity_name(),
                    self.quantity_name(),
                    scenario.groups.list[0].name
                )));
            }
        }
        if let Some(g) = self.group() {
            if g != ALL_GROUPS && scenario.group_index(g).is_none() {
                let names: Vec<&str> = scenario.groups.list.iter().map(|g| g.name.as_str()).collect();
                return Err(ExperimentError::Response(format!(
                    "{}: no group \"{g}\"; groups are {}, all",
                    self.quantity_name(),
                    names.join(", ")
                )));
            }
        } else if scenario.groups.list.len() < 2 {
            return Err(ExperimentError::Response(format!("{} needs two or more groups", self.quantity_name())));
        }
        Ok(())
    }

    /// Its value in one replicate of `scenario` (checked with [`Response::check`]); `None` when not
    /// applicable (a slope index while nobody has adopted, for instance).
    pub fn value(&self, scenario: &Scenario, result: &ReplicateResult) -> Option<f64> {
        let last = result.months.last()?;
        let index = |g: &str| if g == ALL_GROUPS { None } else { scenario.group_index(g) };
        match self {
            Response::Final { quantity, group } => match index(group) {
                Some(i) => Some(quantity.of(last.groups.get(i)?)),
                None => Some(quantity.of(&last.all())),
            },
            Response::Gap { quantity } => {
                let (first, end) = (last.groups.first()?, last.groups.last()?);
                (last.groups.len() >= 2).then(|| quantity.of(end) - quantity.of(first))
            }
            Response::SlopeIndex { quantity } => slope_index(scenario, result, *quantity),
            Response::EventsAvoided { group } => Some(outcomes(scenario, result, index(group)).events_avoided),
            Response::Spend { group } => Some(outcomes(scenario, result, index(group)).cost),
            Response::Statistic { statistic, group } => {
                let groups: Vec<usize> = match index(group) {
                    Some(i) => vec![i],
                    None => (0..last.groups.len()).collect(),
                };
                statistic.value(result, &groups)
            }
            Response::Economic { measure, group } => measure.value(scenario, result, index(group)),
        }
    }
}

/// The final month's slope index of inequality, computed as the engine's inequality module does.
fn slope_index(scenario: &Scenario, result: &ReplicateResult, quantity: Quantity) -> Option<f64> {
    let &(_, scale) = TRACKED.iter().find(|(q, _)| *q == quantity)?;
    let rows = &result.months.last()?.groups;
    if rows.len() < 2 {
        return None;
    }
    let to_scale = crate::inequality::scale_of(quantity, scale);
    let mut table = crate::inequality::table(scenario, scale);
    let estimates: Vec<f64> = rows.iter().map(|g| quantity.of(g) * to_scale).collect();
    let populations: Vec<f64> = rows.iter().map(|g| g.eligible as f64).collect();
    table.set_values(&estimates, &populations).ok()?;
    table.measures().sii
}

impl fmt::Display for Response {
    /// `quantity` or `quantity@group`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.group() {
            Some(g) if g != ALL_GROUPS => write!(f, "{}@{g}", self.quantity_name()),
            _ => write!(f, "{}", self.quantity_name()),
        }
    }
}

impl FromStr for Response {
    type Err = ExperimentError;

    /// `quantity` or `quantity@group`.
    fn from_str(text: &str) -> Result<Response, ExperimentError> {
        match text.split_once('@') {
            Some((q, g)) => Response::parse(q, Some(g)),
            None => Response::parse(text, None),
        }
    }
}

impl Serialize for Response {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Response, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::run_replicate;
    use crate::presets;

    #[test]
    fn responses_round_trip_through_text_and_read_the_final_month() {
        for r in Response::defaults() {
            assert_eq!(r.to_string().parse::<Response>().unwrap(), r);
        }
        let mut s = presets::preset("heart-monitoring").unwrap().scenario;
        (s.agents, s.months) = (2_000, 36);
        let result = run_replicate(&s, 0);
        let last = result.months.last().unwrap();
        let gap = Response::Gap { quantity: Quantity::ActiveShare }.value(&s, &result).unwrap();
        let q1 = Quantity::ActiveShare.of(&last.groups[0]);
        let q5 = Quantity::ActiveShare.of(&last.groups[4]);
        assert_eq!(gap, q5 - q1);
        let q2 = Response::parse("active_share", Some("Q2")).unwrap();
        assert_eq!(q2.value(&s, &result), Some(Quantity::ActiveShare.of(&last.groups[1])));
        let slope = Response::SlopeIndex { quantity: Quantity::ActiveShare }.value(&s, &result).unwrap();
        assert!(slope.is_finite() && slope.signum() == gap.signum(), "{slope} {gap}");
    }

    #[test]
    fn unknown_groups_and_outputs_are_named() {
        let s = presets::preset("heart-monitoring").unwrap().scenario;
        let e = Response::parse("active_share", Some("Q9")).unwrap().check(&s).unwrap_err().to_string();
        assert!(e.contains("no group \"Q9\""), "{e}");
        let e = Response::parse("offered_share_slope_index", None).unwrap_err().to_string();
        assert!(e.contains("slope index is kept for"), "{e}");
        let bass = presets::preset("bass").unwrap().scenario;
        assert!(Response::Gap { quantity: Quantity::ActiveShare }.check(&bass).is_err());
    }
}
