//! The engine compiled to wasm and run in headless Chromium (wasm-bindgen-test): the same behaviour as
//! natively. `scripts/test.sh` runs it with `--no-default-features` (no rayon threads in the browser).
#![cfg(target_arch = "wasm32")]

use rollout_engine::bass::cumulative_adoption;
use rollout_engine::model::run_replicate;
use rollout_engine::quantity::Quantity;
use rollout_engine::{link, output, presets, run};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_preset_conserves_people_in_the_browser() {
    for name in presets::NAMES {
        let mut s = presets::preset(name).unwrap().scenario;
        s.agents = 1_000;
        let result = run_replicate(&s, 0);
        for record in &result.months {
            for g in &record.groups {
                let sum = g.unaware + g.aware_not_offered + g.declined + g.active + g.abandoned + g.withdrawn;
                assert_eq!(sum, g.eligible, "{name}");
                assert_eq!(g.deaths, g.entrants, "{name}: every death is replaced by one incident case");
            }
        }
    }
}

#[wasm_bindgen_test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let mut s = presets::preset("heart-monitoring").unwrap().scenario;
    (s.agents, s.replicates) = (2_000, 3);
    let a = output::to_csv(&run::run(&s).unwrap());
    assert_eq!(a, output::to_csv(&run::run(&s).unwrap()));
    s.seed += 1;
    assert_ne!(a, output::to_csv(&run::run(&s).unwrap()));
}

/// The pinned hash of the default preset's CSV, read from `default_csv_hash.rs` so it is pinned in one place.
fn pinned_default_csv_hash() -> u64 {
    let source = include_str!("default_csv_hash.rs");
    let literal = source.split("DEFAULT_PRESET_CSV_FNV1A: u64 = 0x").nth(1).and_then(|rest| rest.split(';').next());
    u64::from_str_radix(&literal.expect("the pinned hash's line").replace('_', ""), 16).expect("a hex hash")
}

/// The default preset's whole CSV in the browser is byte for byte the native one: no instruction set (SIMD128
/// included) or optimisation level of the wasm build may change a number.
#[wasm_bindgen_test]
fn the_default_presets_csv_in_the_browser_is_the_pinned_native_one() {
    let scenario = presets::preset(presets::DEFAULT).unwrap().scenario;
    let csv = output::to_csv(&run::run(&scenario).unwrap());
    let hash =
        csv.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3));
    assert_eq!(
        hash,
        pinned_default_csv_hash(),
        "the default preset's CSV differs in the browser ({} bytes)",
        csv.len()
    );
}

#[wasm_bindgen_test]
fn the_bass_limit_holds_in_the_browser() {
    let mut s = presets::preset("bass").unwrap().scenario;
    s.replicates = 1;
    let summary = run::run(&s).unwrap();
    for m in 0..=s.months as usize {
        let simulated = summary.months[m].groups[1].get(Quantity::EverAdoptedShare).mean;
        let expected = cumulative_adoption(0.03, 0.38, m as f64 / 12.0);
        assert!((simulated - expected).abs() < 0.015, "month {m}: {simulated} vs {expected}");
    }
}

#[wasm_bindgen_test]
fn share_links_round_trip_in_the_browser() {
    for p in presets::all() {
        assert_eq!(link::decode(&link::encode(&p.scenario)).unwrap(), p.scenario, "{}", p.name);
    }
    assert!(link::decode("#s1.!!").is_err());
}

#[wasm_bindgen_test]
fn experiments_run_in_the_browser_sobol_on_ishigami_and_a_paired_tornado() {
    use rollout_engine::experiment::{one_at_a_time, run_points, sobol, sobol_indices, tornado, Factor};
    let pi = std::f64::consts::PI;
    let factors = ["x1", "x2", "x3"].map(|k| Factor::new(k, -pi, pi).unwrap()).to_vec();
    let design = sobol(factors, 1024, 4).unwrap();
    let values: Vec<Vec<f64>> = design
        .points
        .iter()
        .map(|p| {
            let x: Vec<f64> = p.iter().map(|v| v.unwrap()).collect();
            vec![libm::sin(x[0]) + 7.0 * libm::sin(x[1]).powi(2) + 0.1 * x[2].powi(4) * libm::sin(x[0])]
        })
        .collect();
    let indices = sobol_indices(&design, &values).unwrap();
    assert!((indices[1].first - 0.4424).abs() < 0.05, "x2's first-order index is 0.4424: {:?}", indices[1]);
    assert!((indices[2].total - 0.2437).abs() < 0.05, "x3's total index is 0.2437: {:?}", indices[2]);

    let mut base = presets::preset("heart-monitoring").unwrap().scenario;
    (base.agents, base.months, base.replicates) = (1_000, 24, 3);
    let design = one_at_a_time(vec![Factor::parse("technology.effect=0.1:0.3").unwrap()])
        .unwrap()
        .with_responses(vec!["events_avoided_total".parse().unwrap()]);
    let all: Vec<usize> = (0..design.points.len()).collect();
    let results = run_points(&design, &base, &all, &|| {}).unwrap();
    let values: Vec<Vec<f64>> = results.iter().map(|p| p.values[0].iter().map(|v| v.unwrap()).collect()).collect();
    assert!(tornado(&design, &values).unwrap()[0].difference.lo > 0.0);
}
