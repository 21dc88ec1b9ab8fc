//! Bad scenarios are refused with a message naming the field, the value and the allowed range.
#![cfg(not(target_arch = "wasm32"))] // property tests run natively; tests/in_browser.rs covers wasm

use proptest::prelude::*;
use rollout_engine::scenario::set_dotted;
use rollout_engine::{presets, Scenario, ScenarioError};

fn default_json() -> serde_json::Value {
    serde_json::to_value(presets::preset("heart-monitoring").unwrap().scenario).unwrap()
}

#[test]
fn every_preset_validates_and_round_trips_through_json() {
    for p in presets::all() {
        p.scenario.validate().unwrap_or_else(|e| panic!("{}: {e}", p.name));
        assert_eq!(Scenario::from_json(&p.scenario.to_json_pretty()).unwrap(), p.scenario, "{}", p.name);
        assert!(!p.scenario.narrative.is_empty(), "{} needs a story", p.name);
    }
}

#[test]
fn unknown_fields_are_rejected_by_name() {
    let mut v = default_json();
    v["levers"]["subsidy"]["lvl"] = serde_json::json!(0.4);
    let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("unknown field `lvl`"), "{e}");
}

#[test]
fn missing_fields_are_named() {
    let mut v = default_json();
    v.as_object_mut().unwrap().remove("months");
    let e = Scenario::from_json(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("missing field `months`"), "{e}");
}

#[test]
fn out_of_range_values_name_field_value_and_range() {
    let cases = [
        ("agents", serde_json::json!(0), "agents: 0 is out of range; allowed 1 to 50000000"),
        ("months", serde_json::json!(601), "months: 601 is out of range; allowed 1 to 600"),
    ];
    for (field, value, message) in cases {
        let mut v = default_json();
        v[field] = value;
        assert_eq!(Scenario::from_json(&v.to_string()).unwrap_err().to_string(), message);
    }
    let mut v = default_json();
    v["groups"]["list"][1]["trust"] = serde_json::json!(-0.1);
    assert_eq!(
        Scenario::from_json(&v.to_string()).unwrap_err().to_string(),
        "groups.list.1.trust: -0.1 is out of range; allowed 0 to 1"
    );
}

#[test]
fn a_future_version_is_refused() {
    let mut v = default_json();
    v["version"] = serde_json::json!(99);
    assert_eq!(Scenario::from_json(&v.to_string()).unwrap_err(), ScenarioError::Version { found: 99, supported: 2 });
}

#[test]
fn groups_must_be_unique_and_targets_must_exist() {
    let s = presets::preset("heart-monitoring").unwrap().scenario;
    let e = set_dotted(&s, "groups.list.1.name", "Q3").unwrap_err().to_string();
    assert_eq!(e, "groups.list.2.name: \"Q3\" names two groups; names must be unique");
    let e = set_dotted(&s, "levers.support.groups", "[\"Q9\"]").unwrap_err().to_string();
    assert_eq!(e, "levers.support.groups.0: \"Q9\" is not one of the scenario's groups");
}

#[test]
fn set_refuses_wrong_types_and_missing_keys() {
    let s = presets::preset("bass").unwrap().scenario;
    let e = set_dotted(&s, "agents", "many").unwrap_err().to_string();
    assert_eq!(e, "agents: \"many\" is a string, but this field takes a number");
    let e = set_dotted(&s, "levers.funding.recurrent", "1").unwrap_err().to_string();
    assert_eq!(e, "levers.funding.recurrent: \"1\" is a number, but this field takes a boolean");
    let e = set_dotted(&s, "groups.list.3.trust", "0.5").unwrap_err().to_string();
    assert_eq!(e, "groups.list.3.trust: index 3 is past the end of a list of 1");
    let e = set_dotted(&s, "agents", "1.5").unwrap_err().to_string();
    assert_eq!(e, "agents: invalid type: floating point `1.5`, expected a whole number from 0 to 4294967295");
    let ok = set_dotted(&s, "nasss.technology", "complex").unwrap();
    assert_eq!(ok.nasss.technology, rollout_engine::nasss::Complexity::Complex);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// Any in-range lever setting runs, conserves people and reports shares between 0 and 1.
    #[test]
    fn any_valid_levers_run_and_stay_in_bounds(
        subsidy in 0.0..=1.0f64, support in 0.0..=1.0f64, connectivity in 0.0..=1.0f64,
        capacity in 0.0..=5.0f64, procurement in 0.0..=1.0f64, collaboration in 0.0..=1.0f64,
        years in 0.0..=10.0f64, recurrent: bool, seed: u64,
    ) {
        let mut s = presets::preset("heart-monitoring").unwrap().scenario;
        s.agents = 500;
        s.months = 36;
        s.replicates = 2;
        s.seed = seed;
        s.levers.subsidy.level = subsidy;
        s.levers.support.level = support;
        s.levers.connectivity.level = connectivity;
        s.levers.review_capacity = capacity;
        s.levers.streamlined_procurement = procurement;
        s.levers.ecosystem_collaboration = collaboration;
        s.levers.funding.years = years;
        s.levers.funding.recurrent = recurrent;
        let summary = rollout_engine::run::run(&s).unwrap();
        for month in &summary.months {
            for row in &month.groups {
                for q in rollout_engine::quantity::Quantity::ALL {
                    let v = row.get(q).mean;
                    prop_assert!(v.is_finite(), "{} is {v}", q.name());
                    if q.name().ends_with("_share") {
                        prop_assert!((-1e-12..=1.0 + 1e-12).contains(&v), "{} is {v}", q.name());
                    }
                }
            }
        }
    }
}
