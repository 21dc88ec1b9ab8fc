//! Technology settings (what a user needs), the means-tested subsidy and per-group lever levels.

mod common;

use rollout_engine::quantity::Quantity;
use rollout_engine::run;
use rollout_engine::scenario::{set_all, set_dotted};
use rollout_engine::Scenario;

fn base() -> Scenario {
    let mut s = common::small("heart-monitoring", 3_000, 3);
    s.months = 48;
    s
}

fn every_group(s: &Scenario, field: &str, value: &str) -> Scenario {
    let paths: Vec<String> = (0..s.groups.list.len()).map(|i| format!("groups.list.{i}.{field}")).collect();
    let changes: Vec<(&str, &str)> = paths.iter().map(|p| (p.as_str(), value)).collect();
    set_all(s, &changes).unwrap()
}

#[test]
fn a_need_the_technology_does_not_have_acts_as_if_everyone_met_it() {
    // Nobody online, but the device brings its own line: the same as everyone online.
    let offline = set_dotted(&every_group(&base(), "access", "0"), "technology.needs_home_internet", "false").unwrap();
    let online = every_group(&base(), "access", "1");
    assert_eq!(run::run(&offline).unwrap(), run::run(&online).unwrap());
    // Nobody with digital skills, but none needed: the same as everyone skilled.
    let unskilled =
        set_dotted(&every_group(&base(), "skills", "0"), "technology.needs_digital_skills", "false").unwrap();
    let skilled = every_group(&base(), "skills", "1");
    assert_eq!(run::run(&unskilled).unwrap(), run::run(&skilled).unwrap());
    // A passive device: unreviewed data drives nobody away, as if that hazard were 0.
    let mut tight = base();
    tight.organisations.review_hours = 0.5;
    let passive = set_dotted(&tight, "technology.active_use", "false").unwrap();
    let no_hazard = set_dotted(&tight, "technology.unreviewed_abandonment", "0").unwrap();
    assert_eq!(run::run(&passive).unwrap(), run::run(&no_hazard).unwrap());
}

#[test]
fn a_technology_that_needs_home_internet_reaches_nobody_offline_without_connectivity() {
    let mut offline = every_group(&base(), "access", "0");
    offline.levers.connectivity.level = 0.0;
    let all = offline.groups.list.len();
    let needed = run::run(&offline).unwrap();
    assert_eq!(common::mean(&needed, 48, all, Quantity::EverAdoptedShare), 0.0);
    let passive = set_dotted(&offline, "technology.needs_home_internet", "false").unwrap();
    assert!(common::mean(&run::run(&passive).unwrap(), 48, all, Quantity::EverAdoptedShare) > 0.02);
}

#[test]
fn a_means_tested_subsidy_is_not_spent_on_people_who_can_pay() {
    let mut s = base();
    s.technology.personal_share = 1.0;
    s.levers.funding.budget_per_1000_per_year = 1_000_000.0;
    let all = s.groups.list.len();
    let spend = |s: &Scenario| {
        let summary = run::run(s).unwrap();
        (1..=48).map(|m| common::mean(&summary, m, all, Quantity::ProgrammeSpend)).sum::<f64>()
    };
    // Everyone can pay: a universal subsidy still pays out, a means-tested one pays nothing.
    let payers = {
        let mut p = every_group(&s, "ability_to_pay", "1");
        p.levers.support.level = 0.0;
        p.levers.connectivity.level = 0.0;
        p
    };
    assert!(spend(&payers) > 0.0);
    assert_eq!(spend(&set_dotted(&payers, "levers.subsidy.means_tested", "true").unwrap()), 0.0);
    // Nobody can pay: means-testing changes nothing.
    let poor = every_group(&s, "ability_to_pay", "0");
    let tested = set_dotted(&poor, "levers.subsidy.means_tested", "true").unwrap();
    assert_eq!(run::run(&poor).unwrap(), run::run(&tested).unwrap());
}

#[test]
fn per_group_levels_give_each_group_its_own_level() {
    // Support for Q1 only, through its own level on a lever whose general level is 0.
    let mut s = base();
    s.levers.support.level = 0.0;
    s.levers.funding.budget_per_1000_per_year = 1_000_000.0;
    let none = run::run(&s).unwrap();
    let q1 = set_dotted(&s, "levers.support.by_group", "{\"Q1 most deprived\": 1.0}").unwrap();
    let summary = run::run(&q1).unwrap();
    let support = |summary: &rollout_engine::summary::RunSummary, g: usize| {
        (1..=48).map(|m| common::mean(summary, m, g, Quantity::CostSupport)).sum::<f64>()
    };
    assert!(support(&summary, 0) > 0.0, "Q1 is supported");
    for g in 1..5 {
        assert_eq!(support(&summary, g), 0.0, "group {g} gets the general level, 0");
    }
    assert_eq!(support(&none, 0), 0.0);
    let ever = |summary: &rollout_engine::summary::RunSummary| common::mean(summary, 48, 0, Quantity::EverAdoptedShare);
    assert!(ever(&summary) > ever(&none), "support lifts Q1's uptake");
}

#[test]
fn lever_options_are_validated_by_their_dotted_field() {
    let s = base();
    let message = |path: &str, value: &str| set_dotted(&s, path, value).unwrap_err().to_string();
    assert!(message("levers.support.by_group", "{\"Nope\": 0.5}").starts_with("levers.support.by_group.Nope:"));
    assert!(
        message("levers.support.by_group", "{\"Q2\": 1.5}").contains("levers.support.by_group.Q2: 1.5 is out of range")
    );
    let aimed = set_dotted(&s, "levers.subsidy.groups", "[\"Q1 most deprived\"]").unwrap();
    let e = set_dotted(&aimed, "levers.subsidy.by_group", "{\"Q2\": 0.5}").unwrap_err().to_string();
    assert!(e.contains("not a group this lever is aimed at"), "{e}");
    assert!(message("levers.connectivity.means_tested", "true").starts_with("levers.connectivity.means_tested:"));
    assert!(message("diffusion.endorsement", "2").starts_with("diffusion.endorsement: 2 is out of range"));
    assert!(message("technology.needs_home_internet", "1").contains("this field takes a boolean"));
}

#[test]
fn files_written_before_the_new_fields_keep_their_meaning() {
    let mut json: serde_json::Value = serde_json::to_value(base()).unwrap();
    let t = json["technology"].as_object_mut().unwrap();
    for f in ["needs_home_internet", "needs_digital_skills", "active_use"] {
        t.remove(f);
    }
    json["diffusion"].as_object_mut().unwrap().remove("endorsement");
    for lever in ["subsidy", "support", "connectivity"] {
        let l = json["levers"][lever].as_object_mut().unwrap();
        l.remove("by_group");
        l.remove("means_tested");
    }
    let old = Scenario::from_json(&json.to_string()).unwrap();
    assert!(old.technology.needs_home_internet && old.technology.needs_digital_skills && old.technology.active_use);
    assert_eq!(old.diffusion.endorsement, 0.0);
    assert!(!old.levers.subsidy.means_tested && old.levers.support.by_group.is_empty());
}
