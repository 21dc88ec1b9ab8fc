//! Calibration recovers known parameters: a synthetic case whose "published" figures were simulated at
//! chosen true values (with other seeds), fitted from wide ranges.

use rollout_engine::calibrate::{calibrate, evaluate, search_design, CalibrationError, Targets};
use rollout_engine::experiment::Factor;
use rollout_engine::{presets, Scenario};

const TRUE_TRUST: f64 = 0.55;
const TRUE_ABANDONMENT: f64 = 0.7;

/// One group offered it from the start, deciding on trust alone and abandoning at a constant hazard.
fn synthetic(trust: f64, abandonment: f64, seed: u64) -> Scenario {
    let mut s = presets::preset("bass").unwrap().scenario;
    (s.agents, s.months, s.replicates, s.seed) = (2_000, 24, 3, seed);
    s.diffusion.innovation = 2.0;
    s.groups.list[0].trust = trust;
    s.technology.abandonment = abandonment;
    s.validate().unwrap();
    s
}

/// The truth's statistics as a targets file, each with the given tolerance.
fn targets_from_truth(tolerance: f64) -> Targets {
    let template = Targets::from_json(&format!(
        r#"{{"targets": [
        {{"name": "declined", "statistic": "declined_first_offer", "published": 0, "tolerance": {tolerance},
          "source": "simulated at the true values", "population": "synthetic"}},
        {{"name": "stopped", "statistic": "stopped_within_6m", "published": 0, "tolerance": {tolerance},
          "source": "simulated at the true values", "population": "synthetic"}}]}}"#
    ))
    .unwrap();
    let truth = synthetic(TRUE_TRUST, TRUE_ABANDONMENT, 99);
    let mut targets = template.clone();
    for (t, e) in targets.targets.iter_mut().zip(evaluate(&template, &truth)) {
        t.published = e.unwrap().mean;
    }
    targets
}

fn fit() -> Vec<Factor> {
    vec![
        Factor::parse("groups.list.0.trust=0.3:0.8").unwrap(),
        Factor::parse("technology.abandonment=0.3:1.2").unwrap(),
    ]
}

#[test]
fn a_synthetic_case_recovers_its_true_parameters_within_tolerance() {
    let targets = targets_from_truth(0.03);
    let base = synthetic(0.5, 0.5, 1);
    let c = calibrate(&targets, &base, &fit(), 150, 7, &|| {}).unwrap();
    assert!(c.posterior.within_tolerance, "some point meets both targets");
    assert!((c.scenario.groups.list[0].trust - TRUE_TRUST).abs() < 0.06, "{}", c.scenario.groups.list[0].trust);
    assert!(
        (c.scenario.technology.abandonment - TRUE_ABANDONMENT).abs() < 0.2,
        "{}",
        c.scenario.technology.abandonment
    );
    let sets = c.accepted_sets();
    let n = sets.len() as f64;
    let posterior_mean = |i: usize| sets.iter().map(|s| s.2[i]).sum::<f64>() / n;
    assert!((posterior_mean(0) - TRUE_TRUST).abs() < 0.06, "{}", posterior_mean(0));
    assert!((posterior_mean(1) - TRUE_ABANDONMENT).abs() < 0.2, "{}", posterior_mean(1));
    // The calibrated scenario meets both targets when run again.
    for (t, e) in targets.targets.iter().zip(evaluate(&targets, &c.scenario)) {
        assert!(t.met_by(e.unwrap().mean), "{}: {:?} against {}", t.name, e, t.published);
    }
}

#[test]
fn calibration_is_deterministic_for_a_seed_and_moves_with_it() {
    let targets = targets_from_truth(0.05);
    let base = synthetic(0.5, 0.5, 1);
    let a = calibrate(&targets, &base, &fit(), 12, 3, &|| {}).unwrap();
    let b = calibrate(&targets, &base, &fit(), 12, 3, &|| {}).unwrap();
    assert_eq!(a, b);
    let c = calibrate(&targets, &base, &fit(), 12, 4, &|| {}).unwrap();
    assert_ne!(a.design.points, c.design.points);
}

#[test]
fn bad_fit_ranges_and_budgets_are_refused_naming_them() {
    let targets = targets_from_truth(0.05);
    let base = synthetic(0.5, 0.5, 1);
    let e =
        search_design(&targets, &[Factor::parse("groups.list.0.trust=0.5:1.5").unwrap()], 10, 1, &base).unwrap_err();
    assert!(matches!(e, CalibrationError::Fit(_)));
    assert!(e.to_string().contains("groups.list.0.trust") && e.to_string().contains("1.5"), "{e}");
    let e = search_design(&targets, &fit(), 0, 1, &base).unwrap_err().to_string();
    assert!(e.starts_with("--budget 0"), "{e}");
    let e = search_design(&targets, &[], 10, 1, &base).unwrap_err().to_string();
    assert!(e.contains("--fit"), "{e}");
}
