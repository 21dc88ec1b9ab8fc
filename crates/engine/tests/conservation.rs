//! Every month, each group's people are in exactly one state: the states sum to the eligible population.

mod common;

use rollout_engine::model::run_replicate;
use rollout_engine::presets;

#[test]
fn states_sum_to_eligible_every_month_in_every_preset() {
    for name in presets::NAMES {
        let s = common::small(name, 3_000, 1);
        let result = run_replicate(&s, 0);
        assert_eq!(result.months.len(), s.months as usize + 1, "{name}");
        for record in &result.months {
            let mut eligible = 0;
            for g in &record.groups {
                let sum = g.unaware + g.aware_not_offered + g.declined + g.active + g.abandoned + g.withdrawn;
                assert_eq!(sum, g.eligible, "{name} month {}", record.month);
                assert!(
                    g.offered <= g.eligible && g.reviewed <= g.active as f64 + 1e-9,
                    "{name} month {}",
                    record.month
                );
                // Every death is replaced by one incident case.
                assert_eq!(g.deaths, g.entrants, "{name} month {}", record.month);
                assert!(g.discharge_entrants <= g.entrants && g.funding_end_users_active <= g.funding_end_users_alive);
                eligible += g.eligible;
            }
            assert_eq!(eligible, s.agents, "{name} month {}", record.month);
            let o = &record.organisations;
            assert!(o.discontinued <= o.ever_offered, "{name} month {}: discontinued {o:?}", record.month);
        }
    }
}

#[test]
fn group_sizes_follow_shares_exactly() {
    let s = common::small("heart-monitoring", 1_001, 1);
    let sizes = rollout_engine::population::group_sizes(&s);
    assert_eq!(sizes.iter().sum::<u32>(), 1_001);
    // Shares 0.24, 0.22, 0.20, 0.18, 0.16 of 1,001: 240.24, 220.22, 200.2, 180.18, 160.16. Floors sum to
    // 1,000; the one person left goes to the largest remainder, 0.24 (Q1).
    assert_eq!(sizes, vec![241, 220, 200, 180, 160]);
}

#[test]
fn with_a_closed_cohort_ever_adopted_never_falls_and_no_one_starts_adopted() {
    let mut s = common::small("pilot-ends", 5_000, 1);
    for g in &mut s.groups.list {
        g.mortality = 0.0;
    }
    let result = run_replicate(&s, 0);
    assert_eq!(result.months[0].all().ever_adopted(), 0);
    for pair in result.months.windows(2) {
        assert!(pair[1].all().ever_adopted() >= pair[0].all().ever_adopted(), "month {}", pair[1].month);
    }
}

#[test]
fn in_an_open_cohort_people_die_at_the_set_rate_and_deaths_never_count_as_abandonment() {
    let mut s = common::small("heart-monitoring", 20_000, 1);
    let result = run_replicate(&s, 0);
    let deaths: u32 = result.months.iter().map(|m| m.all().deaths).sum();
    // About 13% a year of 20,000 over ten years, replaced as they die: roughly 26,000 deaths.
    let expected: f64 = s.groups.list.iter().map(|g| g.mortality).sum::<f64>() / 5.0 * 20_000.0 * 10.0;
    assert!((deaths as f64 - expected).abs() < 0.1 * expected, "{deaths} deaths, expected about {expected}");
    // With every user immortal to abandonment and withdrawal, users still die, and abandonment stays 0.
    s.technology.abandonment = 0.0;
    s.technology.unreviewed_abandonment = 0.0;
    s.technology.unsupported_abandonment = 0.0;
    s.technology.cost_abandonment = 0.0;
    s.organisations.discontinuation_funded = 0.0;
    s.nasss.value_proposition = rollout_engine::nasss::Complexity::Simple;
    let result = run_replicate(&s, 0);
    assert!(result.months.iter().all(|m| m.all().abandoned == 0));
    let outcome = rollout_engine::outcomes::outcomes(&s, &result, None);
    assert_eq!(outcome.abandonment_12m, Some(0.0));
    assert!(outcome.deaths > 0.0);
}
