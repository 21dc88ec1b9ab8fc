//! Properties that must hold in every valid scenario: every share in [0, 1], sustainability never above 1,
//! spend never above the budget, discontinued organisations never more than those that ever offered it,
//! and "not applicable" outcomes null rather than 0. Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;
use rollout_engine::model::run_replicate;
use rollout_engine::nasss::Complexity;
use rollout_engine::outcomes::outcomes;
use rollout_engine::quantity::Quantity;
use rollout_engine::{presets, run, Scenario};

fn complexity() -> impl Strategy<Value = Complexity> {
    prop_oneof![Just(Complexity::Simple), Just(Complexity::Complicated), Just(Complexity::Complex)]
}

/// A small random valid scenario built on a random preset.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::sample::select(presets::NAMES.to_vec()),
        (200..1_500u32, 1..60u32, any::<u64>()),
        (0.0..3.0f64, 0.0..3.0f64, 0.0..1.0f64, 0.0..0.5f64),
        (0.0..1.0f64, 0.0..1.0f64, 0.0..1.0f64, 0.0..5.0f64),
        (0.0..20_000.0f64, 0.0..6.0f64, any::<bool>(), 0.0..1.0f64),
        (0.0..2.0f64, 0.0..1.0f64, 0.0..1.0f64, 1..40u32),
        prop::array::uniform7(complexity()),
    )
        .prop_map(|(name, (agents, months, seed), diffusion, levers, funding, cohort, domains)| {
            let mut s = presets::preset(name).unwrap().scenario;
            (s.agents, s.months, s.seed, s.replicates) = (agents, months, seed, 1);
            (s.diffusion.innovation, s.diffusion.imitation, s.diffusion.readoption, s.diffusion.campaign) = diffusion;
            (s.levers.subsidy.level, s.levers.support.level, s.levers.connectivity.level) =
                (levers.0, levers.1, levers.2);
            s.levers.review_capacity = levers.3;
            let f = &mut s.levers.funding;
            (f.budget_per_1000_per_year, f.years, f.recurrent) = (funding.0, funding.1, funding.2);
            s.organisations.review_hours = funding.3 * 20.0;
            for g in &mut s.groups.list {
                g.mortality = cohort.0;
            }
            (s.cohort.discharge_share, s.technology.mortality_effect) = (cohort.1, cohort.2);
            s.organisations.count = cohort.3;
            let n = &mut s.nasss;
            [n.condition, n.technology, n.value_proposition, n.adopters, n.organisation, n.wider_system, n.embedding] =
                domains;
            s.validate().expect("the strategy builds valid scenarios");
            s
        })
}

fn within_unit(x: f64) -> bool {
    (-1e-12..=1.0 + 1e-12).contains(&x)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn shares_stay_in_range_and_spend_within_budget(s in scenario()) {
        let result = run_replicate(&s, 0);
        for record in &result.months {
            let b = record.budget;
            prop_assert!(b.spend() <= b.budget + 1e-9 * b.budget.max(1.0), "month {}: {b:?}", record.month);
            let spent: f64 = record.groups.iter().map(|g| g.programme_spend).sum();
            prop_assert!(spent <= b.budget * (1.0 + 1e-9) + 1e-9, "month {}: {spent} of {}", record.month, b.budget);
            let o = &record.organisations;
            prop_assert!(o.discontinued <= o.ever_offered && o.offering <= o.ever_offered);
            let mut rows = record.groups.clone();
            rows.push(record.all());
            for row in &rows {
                for q in Quantity::ALL {
                    if q.name().ends_with("_share") {
                        prop_assert!(within_unit(q.of(row)), "{} = {} in month {}", q.name(), q.of(row), record.month);
                    }
                }
            }
        }
        for g in (0..s.groups.list.len()).map(Some).chain([None]) {
            let o = outcomes(&s, &result, g);
            for (name, value) in [
                ("abandonment_6m", o.abandonment_6m),
                ("abandonment_12m", o.abandonment_12m),
                ("discontinuation", o.discontinuation),
                ("scale_up", o.scale_up),
                ("sustainability", o.sustainability),
                ("benefit_share", o.benefit_share),
                ("need_share", o.need_share),
            ] {
                prop_assert!(value.is_none_or(within_unit), "{name} = {value:?}");
            }
            prop_assert!(within_unit(o.non_adoption) && within_unit(o.spread));
        }
    }
}

#[test]
fn abandonment_and_scale_up_are_not_applicable_when_nobody_adopted() {
    let mut s = common::small("heart-monitoring", 2_000, 3);
    s.organisations.initial_offering = 0.0;
    s.organisations.innovation = 0.0;
    s.diffusion.campaign = 0.0;
    let summary = run::run(&s).unwrap();
    for o in &summary.outcomes {
        assert_eq!(o.abandonment_6m, None, "{}", o.group);
        assert_eq!(o.abandonment_12m, None, "{}", o.group);
        assert_eq!(o.discontinuation, None, "{}", o.group);
        assert_eq!(o.scale_up, None, "{}", o.group);
    }
    let json = rollout_engine::output::to_json(&summary);
    assert!(json.contains("\"abandonment_12m\": null"));
}

#[test]
fn investing_in_review_capacity_is_rationed_with_everything_else_and_spend_stays_within_budget() {
    let mut s = common::small("capacity-bottleneck", 5_000, 2);
    s.levers.review_capacity = 4.0;
    for r in 0..2 {
        for m in &run_replicate(&s, r).months {
            let spent: f64 = m.groups.iter().map(|g| g.programme_spend).sum();
            assert!(spent <= m.budget.budget * (1.0 + 1e-9) + 1e-9, "replicate {r} month {}", m.month);
        }
    }
    let summary = run::run(&s).unwrap();
    for m in &summary.months {
        assert!(m.budget.spend.mean <= m.budget.budget * (1.0 + 1e-9) + 1e-9, "month {}", m.month);
    }
    // Demand outruns the default budget, so the summary says which levers were rationed.
    let rationed: Vec<_> = summary
        .levers
        .iter()
        .filter(|l| l.status == rollout_engine::summary::LeverBudgetStatus::Rationed)
        .map(|l| l.lever.as_str())
        .collect();
    assert!(rationed.contains(&"review_capacity"), "{:?}", summary.levers);
    assert!(summary.months.iter().any(|m| m.budget.rationed_share[3] > 0.0));
}
