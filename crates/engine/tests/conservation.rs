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
                let sum = g.unaware + g.aware_not_offered + g.declined + g.active + g.abandoned;
                assert_eq!(sum, g.eligible, "{name} month {}", record.month);
                assert!(
                    g.offered <= g.eligible && g.reviewed <= g.active as f64 + 1e-9,
                    "{name} month {}",
                    record.month
                );
                eligible += g.eligible;
            }
            assert_eq!(eligible, s.agents, "{name} month {}", record.month);
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
fn ever_adopted_never_falls_and_no_one_starts_adopted() {
    let s = common::small("pilot-ends", 5_000, 1);
    let result = run_replicate(&s, 0);
    assert_eq!(result.months[0].all().ever_adopted(), 0);
    for pair in result.months.windows(2) {
        assert!(pair[1].all().ever_adopted() >= pair[0].all().ever_adopted(), "month {}", pair[1].month);
    }
}
