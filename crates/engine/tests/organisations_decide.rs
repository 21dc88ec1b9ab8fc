//! Organisations decide on what they pay and see: their own net cost per user-year (the service cost users
//! do not pay and clinical review, less the value they count for events avoided) and their spare capacity.

mod common;

use rollout_engine::run;
use rollout_engine::summary::RunSummary;
use rollout_engine::Scenario;

fn organisations_at(summary: &RunSummary, month: usize) -> (f64, f64) {
    let o = &summary.months[month].organisations;
    (o.ever_offered_share.mean, o.discontinued_share.mean)
}

#[test]
fn a_higher_net_cost_slows_spread() {
    let mut cheap = common::small("heart-monitoring", 2_000, 8);
    cheap.months = 36;
    cheap.organisations.cost_weight = 0.0;
    let mut dear = cheap.clone();
    dear.organisations.cost_weight = 2.0;
    let (a, b) = (run::run(&cheap).unwrap(), run::run(&dear).unwrap());
    let (spread_cheap, _) = organisations_at(&a, 36);
    let (spread_dear, _) = organisations_at(&b, 36);
    assert!(spread_dear < spread_cheap - 0.05, "{spread_dear} vs {spread_cheap}");
}

#[test]
fn organisations_that_count_a_benefit_above_their_cost_discontinue_less_when_funding_ends() {
    let base = |value: f64| -> Scenario {
        let mut s = common::small("pilot-ends", 2_000, 8);
        s.organisations.cost_weight = 2.0;
        s.organisations.value_per_event = value;
        s
    };
    let end = base(0.0).funding_end_month().unwrap() as usize;
    let (a, b) = (run::run(&base(0.0)).unwrap(), run::run(&base(20_000.0)).unwrap());
    let (_, stopped_paying) = organisations_at(&a, end + 24);
    let (_, stopped_gaining) = organisations_at(&b, end + 24);
    assert!(stopped_gaining < stopped_paying, "{stopped_gaining} vs {stopped_paying}");
}

#[test]
fn an_organisation_whose_clinicians_cannot_keep_up_discontinues_more() {
    let mut roomy = common::small("capacity-bottleneck", 3_000, 8);
    roomy.levers.funding.recurrent = false;
    roomy.levers.funding.years = 2.0;
    roomy.organisations.review_hours = 40.0;
    let mut tight = roomy.clone();
    tight.organisations.review_hours = 0.5;
    // Review costs the organisation per reviewed user: take it out so that only spare capacity differs.
    for s in [&mut roomy, &mut tight] {
        s.technology.review_cost = 0.0;
    }
    let (a, b) = (run::run(&roomy).unwrap(), run::run(&tight).unwrap());
    let (_, roomy_stopped) = organisations_at(&a, 60);
    let (_, tight_stopped) = organisations_at(&b, 60);
    assert!(tight_stopped > roomy_stopped, "{tight_stopped} vs {roomy_stopped}");
}
