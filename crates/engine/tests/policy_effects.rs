//! Effects that theory demands, checked beyond noise: subsidy helps people held back by cost; the same
//! budget aimed at the most deprived narrows the gap; use and organisations fall away when a pilot ends.

mod common;

use rollout_engine::model::run_replicate;
use rollout_engine::quantity::Quantity;
use rollout_engine::run;
use rollout_engine::scenario::set_dotted;

#[test]
fn more_subsidy_never_lowers_uptake_in_a_group_held_back_by_cost() {
    // Q1 can rarely pay; the device's cost falls wholly on users. Funding is ample, so nothing rations.
    let mut base = common::small("heart-monitoring", 6_000, 8);
    base.technology.personal_share = 1.0;
    base.groups.list[0].ability_to_pay = 0.1;
    base.levers.funding.budget_per_1000_per_year = 1_000_000.0;
    let mut previous: Option<(f64, f64)> = None;
    for level in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let s = set_dotted(&base, "levers.subsidy.level", &level.to_string()).unwrap();
        let summary = run::run(&s).unwrap();
        let uptake = common::mean(&summary, 120, 0, Quantity::EverAdoptedShare);
        let noise = common::half_width(&summary, 120, 0, Quantity::EverAdoptedShare);
        if let Some((before, before_noise)) = previous {
            assert!(uptake >= before - (noise + before_noise), "subsidy {level}: uptake {uptake} fell from {before}");
        }
        previous = Some((uptake, noise));
    }
    let (full, _) = previous.unwrap();
    let none = {
        let s = set_dotted(&base, "levers.subsidy.level", "0").unwrap();
        common::mean(&run::run(&s).unwrap(), 120, 0, Quantity::EverAdoptedShare)
    };
    assert!(full > 1.5 * none, "a full subsidy should clearly raise uptake: {none} -> {full}");
}

/// Gap in mean active share between the least (Q5) and most (Q1) deprived quintiles over the horizon.
fn active_gap(name: &str) -> (f64, f64) {
    let s = common::small(name, 10_000, 10);
    let summary = run::run(&s).unwrap();
    let months = 1..=s.months as usize;
    let gap = |m: usize| {
        common::mean(&summary, m, 4, Quantity::ActiveShare) - common::mean(&summary, m, 0, Quantity::ActiveShare)
    };
    let mean_gap = months.clone().map(gap).sum::<f64>() / s.months as f64;
    let spend: f64 = months.map(|m| common::mean(&summary, m, 5, Quantity::ProgrammeSpend)).sum();
    (mean_gap, spend)
}

#[test]
fn the_same_budget_targeted_at_the_most_deprived_narrows_the_uptake_gap() {
    let (universal_gap, universal_spend) = active_gap("heart-monitoring");
    let (targeted_gap, targeted_spend) = active_gap("targeted-support");
    let a = rollout_engine::presets::preset("heart-monitoring").unwrap().scenario;
    let b = rollout_engine::presets::preset("targeted-support").unwrap().scenario;
    assert_eq!(a.levers.funding, b.levers.funding, "the two presets must have the same budget");
    assert!(universal_gap > 0.0, "deprivation should open a gap: {universal_gap}");
    assert!(targeted_gap < 0.75 * universal_gap, "targeted gap {targeted_gap} vs universal {universal_gap}");
    // Not bought with more money: targeting spends no more than 10% over the universal programme.
    assert!(targeted_spend <= 1.1 * universal_spend, "{targeted_spend} vs {universal_spend}");
}

#[test]
fn when_the_pilot_ends_discontinuation_rises_and_is_kept_apart_from_abandonment() {
    let pilot = common::small("pilot-ends", 10_000, 4);
    let end = pilot.funding_end_month().expect("the pilot ends inside the horizon") as usize;
    assert_eq!(end, 24);
    let mut recurrent = pilot.clone();
    recurrent.levers.funding.recurrent = true;
    // Summed over the four replicates: about 15 practices offer it when funding ends, so one replicate's
    // count of discontinuations is too noisy to compare on its own (it passed or failed with the stream).
    let (mut discontinued, mut withdrawn) = ([0u32; 2], [0u32; 2]);
    for replicate in 0..4 {
        for (k, scenario) in [&pilot, &recurrent].into_iter().enumerate() {
            let month = &run_replicate(scenario, replicate).months[end + 12];
            discontinued[k] += month.organisations.discontinued;
            withdrawn[k] += month.all().withdrawn;
        }
    }
    assert!(discontinued[0] > discontinued[1] + 8, "discontinued practices {discontinued:?}");
    // People whose practice stopped the service are withdrawn, not abandoned.
    assert!(withdrawn[0] > withdrawn[1], "withdrawn people {withdrawn:?}");
    let (a, b) = (run::run(&pilot).unwrap(), run::run(&recurrent).unwrap());
    let (pa, pb) = (a.outcomes.last().unwrap(), b.outcomes.last().unwrap());
    let discontinuation = |o: &rollout_engine::summary::OutcomeSummary| o.discontinuation.unwrap().mean;
    assert!(discontinuation(pa) > discontinuation(pb) + 0.05, "{} vs {}", discontinuation(pa), discontinuation(pb));
    // Abandonment is about users stopping: defined in every replicate in both, and a share of starters.
    for o in [pa, pb] {
        let ab = o.abandonment_12m.expect("people started");
        assert_eq!(ab.replicates, 4);
        assert!((0.0..=1.0).contains(&ab.mean));
    }
    let sustained = pa.sustainability.expect("funding ends 12+ months before the horizon");
    assert!(sustained.mean < 1.0 && sustained.lo >= 0.0 - 1e-9 && sustained.replicates == 4);
}

#[test]
fn review_capacity_investment_cuts_unreviewed_data_and_abandonment() {
    let base = common::small("capacity-bottleneck", 8_000, 4);
    let invested = set_dotted(&base, "levers.review_capacity", "4").unwrap();
    let (a, b) = (run::run(&base).unwrap(), run::run(&invested).unwrap());
    let unreviewed = |s: &rollout_engine::summary::RunSummary| common::mean(s, 60, 5, Quantity::UnreviewedShare);
    assert!(unreviewed(&b) < unreviewed(&a) - 0.2, "{} vs {}", unreviewed(&b), unreviewed(&a));
    let abandonment =
        |s: &rollout_engine::summary::RunSummary| s.outcomes.last().unwrap().abandonment_12m.unwrap().mean;
    assert!(abandonment(&b) < abandonment(&a));
}

#[test]
fn a_pandemic_window_raises_uptake_while_it_lasts() {
    let surge = common::small("pandemic-surge", 8_000, 4);
    let mut calm = surge.clone();
    calm.levers.shock.months = 0;
    let (a, b) = (run::run(&surge).unwrap(), run::run(&calm).unwrap());
    let during = 12 + 18;
    assert!(
        common::mean(&a, during, 5, Quantity::EverAdoptedShare)
            > common::mean(&b, during, 5, Quantity::EverAdoptedShare) + 0.01
    );
}

#[test]
fn sustainability_is_not_applicable_when_funding_never_ran_or_nobody_was_using_it() {
    let mut never = common::small("pilot-ends", 2_000, 2);
    never.levers.funding.years = 0.0;
    assert_eq!(never.funding_end_month(), Some(0));
    assert!(run::run(&never).unwrap().outcomes.last().unwrap().sustainability.is_none());
    let mut nobody = common::small("pilot-ends", 2_000, 2);
    nobody.diffusion.innovation = 0.0;
    nobody.diffusion.campaign = 0.0;
    nobody.cohort.discharge_share = 0.0;
    assert!(run::run(&nobody).unwrap().outcomes.last().unwrap().sustainability.is_none());
}

#[test]
fn without_funding_organisations_take_it_up_more_slowly_even_from_peers() {
    let mut funded = common::small("heart-monitoring", 2_000, 4);
    funded.organisations.innovation = 0.0;
    let mut unfunded = funded.clone();
    unfunded.levers.funding.budget_per_1000_per_year = 0.0;
    let spread = |s: &rollout_engine::Scenario| run::run(s).unwrap().outcomes.last().unwrap().spread.mean;
    assert!(spread(&unfunded) < spread(&funded), "peer-driven spread should also need funding");
}

#[test]
fn a_complex_domain_widens_the_spread_between_replicates_and_complicated_stays_fixed() {
    use rollout_engine::nasss::Complexity;
    let spread = |technology: Complexity| {
        // Every organisation offers it throughout, so the organisations' own chance (who takes it up when,
        // who discontinues) does not blur the spread the technology domain adds: with it, the ratio below
        // hovered around 1.5 and passed or failed with the random stream.
        // 24 replicates: the half-width is itself an estimate, and at 12 its noise alone could move the ratio by 0.1.
        let mut s = common::small("heart-monitoring", 3_000, 24);
        s.months = 60;
        s.organisations.initial_offering = 1.0;
        s.organisations.discontinuation_funded = 0.0;
        s.nasss.technology = technology;
        let summary = run::run(&s).unwrap();
        common::half_width(&summary, 60, 5, Quantity::ActiveShare)
    };
    let (complicated, complex) = (spread(Complexity::Complicated), spread(Complexity::Complex));
    // The domain's draws act on people lacking digital skills (unsupported acceptance) and on abandonment.
    // With every organisation offering throughout it measured 2.15 times after the presets were fitted to
    // Foster et al. (fewer people lacking skills); 1.5 leaves room for noise without letting "no widening" pass.
    assert!(complex > 1.5 * complicated, "interval half-widths: complex {complex}, complicated {complicated}");
}

#[test]
fn a_pandemic_shock_fast_tracks_procurement() {
    let fast = common::small("pandemic-surge", 2_000, 8);
    assert!(fast.levers.shock.procurement > 0.0);
    let mut slow = fast.clone();
    slow.levers.shock.procurement = 0.0;
    // Organisations deciding in the window offer it sooner: more are offering, fewer still procuring.
    let (a, b) = (run::run(&fast).unwrap(), run::run(&slow).unwrap());
    let m = 12 + 12;
    let (oa, ob) = (&a.months[m].organisations, &b.months[m].organisations);
    assert!(oa.offering_share.mean > ob.offering_share.mean, "{:?} vs {:?}", oa.offering_share, ob.offering_share);
    assert!(oa.procuring_share.mean < ob.procuring_share.mean, "{:?} vs {:?}", oa.procuring_share, ob.procuring_share);
}
