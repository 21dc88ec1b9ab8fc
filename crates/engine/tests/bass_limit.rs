//! With one homogeneous, fully mixed group and no frictions, mean cumulative adoption follows Bass's
//! closed form within 0.015 at every month.

mod common;

use rollout_engine::bass::cumulative_adoption;
use rollout_engine::quantity::Quantity;
use rollout_engine::run;

#[test]
fn bass_preset_follows_the_closed_form_with_100_000_agents() {
    let s = common::small("bass", 100_000, 2);
    assert_eq!((s.diffusion.innovation, s.diffusion.imitation), (0.03, 0.38));
    let summary = run::run(&s).unwrap();
    let mut worst: f64 = 0.0;
    for m in 0..=s.months as usize {
        let simulated = common::mean(&summary, m, 1, Quantity::EverAdoptedShare);
        let expected = cumulative_adoption(0.03, 0.38, m as f64 / 12.0);
        worst = worst.max((simulated - expected).abs());
        assert!((simulated - expected).abs() < 0.015, "month {m}: {simulated} vs Bass {expected}");
    }
    // The curve really rises: at ten years Bass is at 0.81.
    assert!(common::mean(&summary, 120, 1, Quantity::EverAdoptedShare) > 0.8);
    eprintln!("largest gap from Bass: {worst:.5}");
}

#[test]
fn bass_limit_holds_for_other_rates() {
    let mut s = common::small("bass", 100_000, 1);
    s.diffusion.innovation = 0.1;
    s.diffusion.imitation = 0.9;
    s.months = 60;
    let summary = run::run(&s).unwrap();
    for m in 0..=60 {
        let simulated = common::mean(&summary, m, 1, Quantity::EverAdoptedShare);
        let expected = cumulative_adoption(0.1, 0.9, m as f64 / 12.0);
        assert!((simulated - expected).abs() < 0.015, "month {m}: {simulated} vs Bass {expected}");
    }
}
