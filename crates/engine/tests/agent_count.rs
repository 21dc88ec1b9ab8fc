//! Results per 1,000 people do not depend on the number of agents simulated: a simulated organisation
//! stands for a real one whatever its simulated list size, also when clinical review capacity binds.

mod common;

use rollout_engine::run;
use rollout_engine::summary::{GroupKey, RunSummary};

/// Events avoided per 1,000 people over the horizon: mean and half-width of its 95% interval.
fn events_avoided_per_1000(summary: &RunSummary, agents: u32) -> (f64, f64) {
    let e = summary.outcome(GroupKey::All).expect("an all row").events_avoided;
    let per_1000 = 1000.0 / agents as f64;
    (e.mean * per_1000, (e.hi - e.lo) / 2.0 * per_1000)
}

#[test]
fn events_avoided_per_1000_agree_at_1_000_and_100_000_agents_when_review_capacity_binds() {
    let mut few = common::small("capacity-bottleneck", 1_000, 60);
    few.months = 60;
    let mut many = common::small("capacity-bottleneck", 100_000, 8);
    many.months = 60;
    let (small, large) = (run::run(&few).unwrap(), run::run(&many).unwrap());
    // Review capacity binds in this preset: some active users' data go unreviewed.
    let unreviewed = common::mean(&large, 60, 5, rollout_engine::quantity::Quantity::UnreviewedShare);
    assert!(unreviewed > 0.1, "review capacity should bind: unreviewed share {unreviewed}");
    let (a, a_noise) = events_avoided_per_1000(&small, 1_000);
    let (b, b_noise) = events_avoided_per_1000(&large, 100_000);
    assert!(a > 0.0 && b > 0.0, "{a} and {b}");
    assert!((a - b).abs() <= a_noise + b_noise, "1,000 agents: {a} ± {a_noise}; 100,000 agents: {b} ± {b_noise}");
}
