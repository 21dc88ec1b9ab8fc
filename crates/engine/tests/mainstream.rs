//! Mainstreaming can happen: with every NASSS domain simple, ample funding and strong levers, a majority
//! of eligible people use it at some point, and peer endorsement (word of mouth that persuades, not only
//! informs) is what lifts acceptance past the per-offer trust of a trial invitation.

mod common;

use rollout_engine::nasss::Nasss;
use rollout_engine::quantity::Quantity;
use rollout_engine::run;
use rollout_engine::Scenario;

/// The default with every domain simple, an ample recurrent budget and every lever at its maximum.
fn best_case() -> Scenario {
    let mut s = common::small("heart-monitoring", 10_000, 5);
    s.nasss = Nasss::all_simple();
    let l = &mut s.levers;
    l.funding.budget_per_1000_per_year = 1_000_000.0;
    l.funding.recurrent = true;
    for lever in [&mut l.subsidy, &mut l.support, &mut l.connectivity] {
        lever.level = 1.0;
    }
    l.review_capacity = 5.0;
    l.streamlined_procurement = 1.0;
    l.ecosystem_collaboration = 1.0;
    s
}

fn ever_used(s: &Scenario) -> (f64, f64) {
    let summary = run::run(s).unwrap();
    let all = summary.groups.len();
    let m = s.months as usize;
    (
        common::mean(&summary, m, all, Quantity::EverAdoptedShare),
        common::half_width(&summary, m, all, Quantity::EverAdoptedShare),
    )
}

#[test]
fn with_every_domain_simple_ample_funding_and_strong_levers_a_majority_use_it() {
    let s = best_case();
    assert!(s.diffusion.endorsement > 0.0, "the default preset persuades through peers");
    let (mean, half) = ever_used(&s);
    assert!(mean - half > 0.5, "ever used at 10 years: {mean} +/- {half}, not a majority");
}

#[test]
fn without_peer_endorsement_trust_alone_keeps_use_from_the_mainstream() {
    let with = best_case();
    let mut without = with.clone();
    without.diffusion.endorsement = 0.0;
    let ((a, ha), (b, hb)) = (ever_used(&with), ever_used(&without));
    assert!(b < 0.5, "trust of a trial invitation alone: {b}");
    assert!(a - ha > b + hb, "endorsement should lift use beyond noise: {a} +/- {ha} vs {b} +/- {hb}");
}
