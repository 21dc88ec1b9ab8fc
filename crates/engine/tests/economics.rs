//! The economic evaluation (issue 11): the counterfactual, discounting, the verdicts and the groups' shares.

use rollout_engine::economics::{self, discount, paired, CostPer, PairedField};
use rollout_engine::summary::{in_replicate_order, summarise, ALL_GROUPS};
use rollout_engine::{presets, run, Scenario};

fn small(name: &str) -> Scenario {
    let mut s = presets::preset(name).unwrap().scenario;
    (s.agents, s.months, s.replicates) = (2_000, 36, 4);
    s
}

fn total(s: &Scenario, field: PairedField) -> f64 {
    let summary = run::run(s).unwrap();
    summary.economics.total().unwrap().get(field).mean
}

#[test]
fn with_no_effect_no_qalys_are_gained_and_no_cost_per_unit_is_a_number() {
    let mut s = small(presets::DEFAULT);
    (s.technology.effect, s.technology.mortality_effect) = (0.0, 0.0);
    let e = run::run(&s).unwrap().economics;
    let all = e.total().unwrap();
    assert_eq!(all.get(PairedField::QalysGained).mean, 0.0);
    assert_eq!(all.get(PairedField::AdmissionsAvoided).mean, 0.0);
    assert!(all.get(PairedField::NetCost).mean > 0.0, "the programme still costs money");
    for verdict in [e.icer, e.cost_per_admission_avoided, e.cost_per_death_averted] {
        assert!(matches!(verdict, CostPer::Dominated | CostPer::NotApplicable), "{verdict:?}");
        assert_eq!(verdict.ratio(), None);
    }
    // With the effect, the same run buys health at a price.
    let with = run::run(&small(presets::DEFAULT)).unwrap().economics;
    assert!(with.icer.ratio().is_some_and(|r| r > 0.0), "{:?}", with.icer);
}

#[test]
fn doubling_the_device_price_raises_net_cost_by_the_device_spend() {
    // An ample budget (nothing is rationed) and organisations that do not weigh their own net cost: people
    // and organisations behave the same at either price, so only the spend differs.
    let mut s = small(presets::DEFAULT);
    s.levers.funding.budget_per_1000_per_year = 1e6;
    s.organisations.cost_weight = 0.0;
    let mut doubled = s.clone();
    doubled.technology.device_cost *= 2.0;
    let results = run::run_replicates(&s, &|_, _| {});
    let per_1000 = 1_000.0 / s.agents as f64;
    let rate = s.economics.discount_costs;
    let device_spend: f64 = results
        .iter()
        .map(|r| r.months.iter().map(|m| m.all().cost_devices * discount(rate, m.month)).sum::<f64>() * per_1000)
        .sum::<f64>()
        / results.len() as f64;
    assert!(device_spend > 0.0);
    let (before, after) = (total(&s, PairedField::NetCost), total(&doubled, PairedField::NetCost));
    assert_eq!(total(&s, PairedField::Admissions), total(&doubled, PairedField::Admissions), "behaviour changed");
    assert!(((after - before) - device_spend).abs() < 1e-6 * device_spend, "{after} - {before} vs {device_spend}");
}

#[test]
fn discounting_at_zero_equals_the_undiscounted_sums() {
    let mut s = small(presets::DEFAULT);
    (s.economics.discount_costs, s.economics.discount_effects) = (0.0, 0.0);
    let results = run::run_replicates(&s, &|_, _| {});
    for r in &results {
        let months = paired::paired_months(&s, r);
        let totals = paired::discounted_totals(&s, &months);
        for g in 0..s.groups.list.len() {
            let mut sum = paired::Paired::default();
            months.iter().for_each(|row| sum.add(&row[g]));
            assert_eq!(totals[g], sum, "group {g}");
        }
    }
    // And at 3.5% the costs and QALYs are lower than undiscounted.
    let undiscounted = total(&s, PairedField::QalysGained);
    let discounted = total(&small(presets::DEFAULT), PairedField::QalysGained);
    assert!(discounted < undiscounted && discounted > 0.0, "{discounted} vs {undiscounted}");
}

#[test]
fn the_groups_qalys_and_net_health_benefit_add_up_to_the_total() {
    let s = small("targeted-support");
    let e = run::run(&s).unwrap().economics;
    let groups: f64 = e.totals[..s.groups.list.len()].iter().map(|g| g.get(PairedField::QalysGained).mean).sum();
    let all = e.total().unwrap();
    assert_eq!(all.group, ALL_GROUPS);
    let qalys = all.get(PairedField::QalysGained).mean;
    assert!(qalys > 0.0 && (groups - qalys).abs() < 1e-9 * qalys, "{groups} vs {qalys}");
    let d = e.distribution.expect("five groups");
    let dcea: f64 = d.groups.iter().map(|g| g.qalys_gained.mean).sum();
    assert!((dcea - qalys).abs() < 1e-9 * qalys);
    let nhb: f64 = d.groups.iter().map(|g| g.net_health_benefit.mean).sum();
    assert!((nhb - d.net_health_benefit.mean).abs() < 1e-9 * qalys);
    // The total NHB of the distribution is the NHB at the opportunity cost.
    let at = e.at_thresholds.iter().find(|a| a.threshold == s.economics.opportunity_cost).unwrap();
    assert!((at.net_health_benefit.mean - d.net_health_benefit.mean).abs() < 1e-9 * qalys);
}

#[test]
fn the_counterfactual_is_the_same_people_on_the_same_seeds() {
    let mut s = small(presets::DEFAULT);
    s.replicates = 8;
    // The explicit alternative: run the same scenario and seeds again with the programme doing nothing.
    let mut nothing = s.clone();
    (nothing.technology.effect, nothing.technology.mortality_effect) = (0.0, 0.0);
    let with = run::run_replicates(&s, &|_, _| {});
    let without = run::run_replicates(&nothing, &|_, _| {});
    let all = s.groups.list.len();
    let mut derived = Vec::new();
    let mut rerun = Vec::new();
    for (a, b) in with.iter().zip(&without) {
        assert_eq!(a.replicate, b.replicate);
        let pa = paired::discounted_totals(&s, &paired::paired_months(&s, a));
        let pb = paired::discounted_totals(&nothing, &paired::paired_months(&nothing, b));
        // Same people: the admissions expected without the programme are the same, to rounding.
        assert!((pa[all].admissions_without - pb[all].admissions).abs() < 1e-6 * pb[all].admissions);
        assert!(pa[all].deaths_without > pa[all].deaths);
        derived.push(pa[all].deaths_without);
        rerun.push(pb[all].deaths);
    }
    // Deaths are drawn from one cohort stream per seed: the derived counterfactual of each replicate is
    // far closer to the rerun on its own seeds than replicates on different seeds are to each other.
    let paired_gap: f64 = derived.iter().zip(&rerun).map(|(d, r)| (d - r).abs()).sum();
    let across_seeds: f64 =
        rerun.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() + (rerun[0] - rerun[rerun.len() - 1]).abs();
    assert!(paired_gap < 0.5 * across_seeds, "paired {paired_gap} vs across seeds {across_seeds}");
    // And the evaluation is a pure function of the replicates: the same seeds give the same bytes.
    let first = serde_json::to_string(&run::run(&s).unwrap().economics).unwrap();
    assert_eq!(first, serde_json::to_string(&summarise(&s, &with).economics).unwrap());
    let again = economics::summarise(
        &s,
        &in_replicate_order(&with),
        &run::run(&s).unwrap().outcomes.iter().map(|o| o.group.clone()).collect::<Vec<_>>(),
    );
    assert_eq!(first, serde_json::to_string(&again).unwrap());
}

#[test]
fn results_per_1000_people_do_not_depend_on_the_agent_count_much() {
    let s = small(presets::DEFAULT);
    let mut big = s.clone();
    big.agents *= 4;
    let (a, b) = (run::run(&s).unwrap().economics, run::run(&big).unwrap().economics);
    let (x, y) = (a.total().unwrap().get(PairedField::NetCost), b.total().unwrap().get(PairedField::NetCost));
    // Intervals overlap: the same quantity per 1,000 people at either size.
    assert!(x.lo <= y.hi && y.lo <= x.hi, "{x:?} vs {y:?}");
}

#[test]
fn budget_impact_covers_every_month_once() {
    let s = small(presets::DEFAULT);
    let e = run::run(&s).unwrap().economics;
    assert_eq!(e.budget_impact.len(), 3);
    assert_eq!(e.budget_impact.iter().map(|y| y.months).sum::<u32>(), s.months);
    let programme: f64 = e.budget_impact.iter().map(|y| y.programme.mean).sum();
    let monthly: f64 = e.months.iter().map(|m| m.groups.last().unwrap().get(PairedField::CostProgramme).mean).sum();
    assert!((programme - monthly).abs() < 1e-6 * monthly.max(1.0));
    // Never more than the budget per 1,000 people.
    assert!(e.budget_impact.iter().all(|y| y.programme.mean <= s.levers.funding.budget_per_1000_per_year + 1e-6));
    // The staircase never rises.
    for st in &e.staircase {
        let steps: Vec<f64> = st.steps.iter().map(|x| x.mean).collect();
        assert!(steps.windows(2).all(|w| w[1] <= w[0] + 1e-12), "{}: {steps:?}", st.group);
    }
}
