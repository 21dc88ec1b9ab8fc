//! Bringing a scenario written by an older schema up to date, so that old links keep opening.
//!
//! Migration works on the JSON value, before it is read into a [`Scenario`](crate::Scenario): an old
//! scenario need not fit today's types. It is a chain of steps, one per schema version: `STEPS[v]` turns
//! version `v` into version `v + 1`, and [`migrate`] runs the steps from the scenario's version up to
//! [`SCENARIO_VERSION`]. The array's length is `SCENARIO_VERSION`, so raising the version without writing
//! the step that reaches it does not compile.
//!
//! # Versions
//!
//! - **Version 0** is the pre-release draft format. It was never published, and no link or file in the
//!   wild should hold it; it is defined here so that the migration mechanism has a real step to run and
//!   test. It is version 1 except for one field: the budget was `levers.funding.budget_per_year`, GBP per
//!   year for the whole simulated population, where version 1 has `levers.funding.budget_per_1000_per_year`,
//!   GBP per year per 1,000 eligible people (so that results do not depend on how many agents simulate
//!   the population). The step divides by `agents / 1000`: `budget_per_year × 1000 / agents`.
//! - **Version 1** is the first published schema: a closed cohort (nobody died or was newly diagnosed).
//! - **Version 2** is the current schema ([`SCENARIO_VERSION`]). It adds the open cohort: each group's
//!   `mortality` (deaths per person-year), `cohort.discharge_share` and `technology.mortality_effect`, and
//!   review capacity in clinician time: `organisations.review_capacity` (a share of the list) becomes
//!   `organisations.review_hours` with `organisations.list_size` 100 and `technology.review_minutes` 30,
//!   the same share; `levers.shock.procurement` (fast-tracked procurement in a shock) arrives as 0. The step from version 1 sets the three cohort fields to 0, so an old scenario keeps meaning what it said (a closed cohort,
//!   monitoring that does not change survival); its results still differ from the old build's because the
//!   model changed (outcome definitions, the hard budget), which [`MODEL_CHANGED_NOTE`] tells the user.

use serde_json::{Map, Number, Value};

use super::LinkError;
use crate::scenario::SCENARIO_VERSION;

/// One step: turn a scenario object of version `v` into version `v + 1` (not touching `version`, which
/// [`migrate`] sets). The error message names the field.
type Step = fn(&mut Map<String, Value>) -> Result<(), String>;

/// `STEPS[v]` migrates version `v` to `v + 1`.
const STEPS: [Step; SCENARIO_VERSION as usize] = [v0_to_v1, v1_to_v2];

/// What to tell someone who opened a scenario written before version 2.
pub const MODEL_CHANGED_NOTE: &str = "This scenario was made with an older version of Rollout Lab. It opens \
    unchanged, but the model has changed since (an open cohort, abandonment within 6 and 12 months, a hard budget), \
    so its numbers differ from those seen then. It keeps a closed cohort: set each group's mortality to model deaths.";

/// The note to show after migrating a scenario that was written as `version`; `None` when it is current.
pub fn note_for(version: u64) -> Option<&'static str> {
    (version < u64::from(SCENARIO_VERSION)).then_some(MODEL_CHANGED_NOTE)
}

/// Bring a scenario's JSON up to [`SCENARIO_VERSION`].
///
/// A value that is not an object with a whole-number `version` is returned unchanged (reading it into a
/// [`Scenario`](crate::Scenario) then says what is wrong), as is a current one. A version newer than this
/// build is [`LinkError::NewerScenario`]; a step that cannot run is [`LinkError::Migration`].
///
/// ```
/// use rollout_engine::link::migrate::migrate;
/// use serde_json::json;
/// // A version 0 (pre-release draft) budget was for the whole population: 50,000 GBP for 10,000 people.
/// let old = json!({"version": 0, "agents": 10000, "levers": {"funding": {"budget_per_year": 50000.0}, "shock": {}},
///     "groups": {"list": [{"name": "everyone"}]}, "technology": {}, "organisations": {"review_capacity": 0.1}});
/// let new = migrate(old).unwrap();
/// assert_eq!(new["version"], 2);
/// // Version 1 to 2: the open cohort arrives switched off.
/// assert_eq!(new["groups"]["list"][0]["mortality"], 0.0);
/// assert_eq!(new["cohort"]["discharge_share"], 0.0);
/// assert_eq!(new["organisations"]["review_hours"], 5.0);
/// assert_eq!(new["levers"]["funding"]["budget_per_1000_per_year"], 5000.0);
/// assert!(new["levers"]["funding"].get("budget_per_year").is_none());
/// ```
pub fn migrate(mut value: Value) -> Result<Value, LinkError> {
    let Some(map) = value.as_object_mut() else { return Ok(value) };
    let Some(found) = map.get("version").and_then(Value::as_u64) else { return Ok(value) };
    if found > u64::from(SCENARIO_VERSION) {
        let found = u32::try_from(found).unwrap_or(u32::MAX);
        return Err(LinkError::NewerScenario { found, supported: SCENARIO_VERSION });
    }
    for from in found as u32..SCENARIO_VERSION {
        STEPS[from as usize](map).map_err(|message| LinkError::Migration { from, message })?;
        map.insert("version".into(), Value::from(from + 1));
    }
    Ok(value)
}

/// Version 0 to 1: the budget for the whole population becomes the budget per 1,000 people.
fn v0_to_v1(scenario: &mut Map<String, Value>) -> Result<(), String> {
    let agents = scenario
        .get("agents")
        .and_then(Value::as_u64)
        .filter(|&a| a > 0)
        .ok_or("agents: must be a whole number above 0, to turn the budget into a budget per 1,000 people")?;
    let funding = scenario
        .get_mut("levers")
        .and_then(|levers| levers.get_mut("funding"))
        .and_then(Value::as_object_mut)
        .ok_or("levers.funding: is missing")?;
    if funding.contains_key("budget_per_1000_per_year") {
        return Err("levers.funding.budget_per_1000_per_year: did not exist in scenario version 0".into());
    }
    let budget = funding
        .remove("budget_per_year")
        .ok_or("levers.funding.budget_per_year: is missing")?
        .as_f64()
        .ok_or("levers.funding.budget_per_year: must be a number")?;
    let per_1000 =
        Number::from_f64(budget * 1000.0 / agents as f64).ok_or("levers.funding.budget_per_year: is too large")?;
    funding.insert("budget_per_1000_per_year".into(), Value::Number(per_1000));
    Ok(())
}

/// Version 1 to 2: the open cohort arrives switched off (no deaths, no discharge route, no survival effect).
fn v1_to_v2(scenario: &mut Map<String, Value>) -> Result<(), String> {
    let groups = scenario
        .get_mut("groups")
        .and_then(|g| g.get_mut("list"))
        .and_then(Value::as_array_mut)
        .ok_or("groups.list: is missing")?;
    for (i, group) in groups.iter_mut().enumerate() {
        let group = group.as_object_mut().ok_or(format!("groups.list.{i}: must be an object"))?;
        if group.insert("mortality".into(), Value::from(0.0)).is_some() {
            return Err(format!("groups.list.{i}.mortality: did not exist in scenario version 1"));
        }
    }
    let technology = scenario.get_mut("technology").and_then(Value::as_object_mut).ok_or("technology: is missing")?;
    if technology.insert("mortality_effect".into(), Value::from(0.0)).is_some() {
        return Err("technology.mortality_effect: did not exist in scenario version 1".into());
    }
    let minutes = 30.0;
    technology.insert("review_minutes".into(), Value::from(minutes));
    let organisations =
        scenario.get_mut("organisations").and_then(Value::as_object_mut).ok_or("organisations: is missing")?;
    let share = organisations
        .remove("review_capacity")
        .ok_or("organisations.review_capacity: is missing")?
        .as_f64()
        .ok_or("organisations.review_capacity: must be a number")?;
    // The same share of a 100-person list, at 30 minutes a user: hours = share × 100 × 30 / 60.
    let list_size = 100.0;
    let hours = Number::from_f64(share * list_size * minutes / 60.0)
        .ok_or("organisations.review_capacity: must be a finite number")?;
    organisations.insert("review_hours".into(), Value::Number(hours));
    organisations.insert("list_size".into(), Value::from(list_size));
    let shock = scenario
        .get_mut("levers")
        .and_then(|l| l.get_mut("shock"))
        .and_then(Value::as_object_mut)
        .ok_or("levers.shock: is missing")?;
    shock.insert("procurement".into(), Value::from(0.0));
    if scenario.contains_key("cohort") {
        return Err("cohort: did not exist in scenario version 1".into());
    }
    scenario.insert("cohort".into(), serde_json::json!({ "discharge_share": 0.0 }));
    Ok(())
}
