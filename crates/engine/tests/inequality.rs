//! Inequality between groups in simulated runs: HEAT measures per month, and whether benefit follows need.

mod common;

use rollout_engine::quantity::Quantity;
use rollout_engine::run;

#[test]
fn ordered_groups_get_ordered_measures_with_intervals_every_month() {
    let s = common::small("heart-monitoring", 5_000, 4);
    let summary = run::run(&s).unwrap();
    assert_eq!(summary.inequality.len(), s.months as usize + 1);
    let end = &summary.inequality[120];
    for quantity in [Quantity::EverAdoptedShare, Quantity::ActiveShare, Quantity::EventsAvoidedPer1000] {
        for measure in ["D", "R", "SII", "RII", "ACI", "RCI", "PAR", "PAF"] {
            let e = end.get(quantity, measure).unwrap_or_else(|| panic!("{} {measure}", quantity.name()));
            assert!(e.lo <= e.mean && e.mean <= e.hi, "{} {measure}: {e:?}", quantity.name());
        }
        for measure in ["TI", "MLD", "BGV", "MDBU"] {
            assert!(end.get(quantity, measure).is_none(), "{measure} is for unordered groups");
        }
    }
    // Deprivation favours the least deprived: a positive slope index of inequality in uptake.
    assert!(end.get(Quantity::EverAdoptedShare, "SII").unwrap().lo > 0.0);
    // Before anyone adopts, ratios are undefined: reported as not applicable, never as 0.
    assert!(summary.inequality[0].get(Quantity::ActiveShare, "R").is_none());
}

#[test]
fn unordered_groups_get_unordered_measures() {
    // Enough people that every group has the minimum count of users for the relative measures.
    let mut s = common::small("heart-monitoring", 8_000, 3);
    s.groups.ordered = false;
    let end = &run::run(&s).unwrap().inequality[120];
    assert!(end.get(Quantity::ActiveShare, "SII").is_none());
    assert!(end.get(Quantity::ActiveShare, "TI").is_some());
    assert!(end.get(Quantity::ActiveShare, "BGV").is_some());
}

#[test]
fn a_single_group_has_no_inequality() {
    let s = common::small("bass", 2_000, 2);
    assert!(run::run(&s).unwrap().inequality.is_empty());
}

#[test]
fn benefit_does_not_follow_need_by_default_and_targeting_moves_it_closer() {
    let share_gap = |name: &str| {
        let summary = run::run(&common::small(name, 10_000, 6)).unwrap();
        let most_deprived = &summary.outcomes[0];
        let need = most_deprived.need_share.unwrap().mean;
        let benefit = most_deprived.benefit_share.unwrap().mean;
        let total: f64 = summary.outcomes[..5].iter().map(|o| o.need_share.unwrap().mean).sum();
        assert!((total - 1.0).abs() < 1e-9, "need shares sum to 1: {total}");
        need - benefit
    };
    let universal = share_gap("heart-monitoring");
    let targeted = share_gap("targeted-support");
    assert!(universal > 0.05, "the inverse care law: Q1's need share exceeds its benefit share by {universal}");
    assert!(targeted < universal, "targeting should bring benefit closer to need: {targeted} vs {universal}");
}

#[test]
fn relative_and_regression_measures_wait_for_users_in_every_group_and_ratios_stay_positive() {
    use rollout_engine::inequality::MIN_USERS_PER_GROUP;
    let s = common::small("heart-monitoring", 5_000, 4);
    let summary = run::run(&s).unwrap();
    let few_users = |m: usize| {
        summary.months[m].groups[..5]
            .iter()
            .any(|g| g.get(Quantity::ActiveShare).mean * g.eligible as f64 <= MIN_USERS_PER_GROUP as f64 - 5.0)
    };
    let early = (1..=120).find(|&m| few_users(m) && summary.months[m].groups[5].get(Quantity::ActiveShare).mean > 0.0);
    let early = early.expect("at the start some group has few users");
    for measure in ["SII", "RII", "R", "RCI"] {
        assert!(summary.inequality[early].get(Quantity::ActiveShare, measure).is_none(), "{measure} month {early}");
    }
    // The absolute difference is still reported.
    assert!(summary.inequality[early].get(Quantity::ActiveShare, "D").is_some());
    for month in &summary.inequality {
        for measure in ["R", "RII"] {
            if let Some(e) = month.get(Quantity::ActiveShare, measure) {
                assert!(e.lo > 0.0 && e.lo <= e.mean && e.mean <= e.hi, "{measure} month {}: {e:?}", month.month);
            }
        }
    }
}
