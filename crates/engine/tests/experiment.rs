//! The experiment module's estimators against analytic test functions whose indices are known: Ishigami
//! (Ishigami & Homma 1990) and Sobol' G (Saltelli & Sobol' 1995).

use std::f64::consts::PI;

use rollout_engine::experiment::{morris, morris_indices, sobol, sobol_indices, Design, Factor};
use rollout_engine::rng::mix;

const A: f64 = 7.0;
const B: f64 = 0.1;

fn ishigami(x: &[f64]) -> f64 {
    libm::sin(x[0]) + A * libm::sin(x[1]).powi(2) + B * x[2].powi(4) * libm::sin(x[0])
}

/// Analytic (S1, ST) of Ishigami's three factors.
fn ishigami_indices() -> [(f64, f64); 3] {
    let (pi4, pi8) = (PI.powi(4), PI.powi(8));
    let v = A * A / 8.0 + B * pi4 / 5.0 + B * B * pi8 / 18.0 + 0.5;
    let v1 = B * pi4 / 5.0 + B * B * pi8 / 50.0 + 0.5;
    let v2 = A * A / 8.0;
    let v13 = 8.0 * B * B * pi8 / 225.0;
    [(v1 / v, (v1 + v13) / v), (v2 / v, v2 / v), (0.0, v13 / v)]
}

const G_A: [f64; 6] = [0.0, 0.5, 3.0, 9.0, 99.0, 99.0];

fn g_function(x: &[f64]) -> f64 {
    G_A.iter().zip(x).map(|(a, x)| ((4.0 * x - 2.0).abs() + a) / (1.0 + a)).product()
}

fn g_indices() -> Vec<(f64, f64)> {
    let vi: Vec<f64> = G_A.iter().map(|a| 1.0 / (3.0 * (1.0 + a).powi(2))).collect();
    let v = vi.iter().map(|x| 1.0 + x).product::<f64>() - 1.0;
    vi.iter()
        .enumerate()
        .map(|(i, x)| {
            let others: f64 = vi.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, y)| 1.0 + y).product();
            (x / v, x * others / v)
        })
        .collect()
}

fn factors(keys: &[&str], low: f64, high: f64) -> Vec<Factor> {
    keys.iter().map(|k| Factor::new(k, low, high).unwrap()).collect()
}

/// `values[p][r]` of `f` at every design point (the dummy, last, dropped), one replicate.
fn evaluate(design: &Design, f: impl Fn(&[f64]) -> f64) -> Vec<Vec<f64>> {
    let k = design.factors.len() - 1;
    design.points.iter().map(|p| vec![f(&p[..k].iter().map(|v| v.unwrap()).collect::<Vec<_>>())]).collect()
}

#[test]
fn sobol_indices_of_ishigami_match_the_analytic_values() {
    let design = sobol(factors(&["x1", "x2", "x3"], -PI, PI), 4096, 11).unwrap();
    let got = sobol_indices(&design, &evaluate(&design, ishigami)).unwrap();
    for (i, (s1, st)) in ishigami_indices().into_iter().enumerate() {
        let g = &got[i];
        assert!((g.first - s1).abs() < 0.03, "x{} S1 {} against {s1}", i + 1, g.first);
        assert!((g.total - st).abs() < 0.03, "x{} ST {} against {st}", i + 1, g.total);
        assert!(g.first_lo <= g.first && g.first <= g.first_hi, "{g:?}");
        assert!(g.total_lo - 0.02 <= st && st <= g.total_hi + 0.02, "x{} ST interval {g:?} misses {st}", i + 1);
    }
    let dummy = &got[3];
    assert_eq!((dummy.first, dummy.total), (0.0, 0.0), "the function ignores the dummy");
}

#[test]
fn sobol_indices_of_the_g_function_match_the_analytic_values() {
    let keys = ["x1", "x2", "x3", "x4", "x5", "x6"];
    let design = sobol(factors(&keys, 0.0, 1.0), 4096, 5).unwrap();
    let got = sobol_indices(&design, &evaluate(&design, g_function)).unwrap();
    for (i, (s1, st)) in g_indices().into_iter().enumerate() {
        assert!((got[i].first - s1).abs() < 0.03, "x{} S1 {} against {s1}", i + 1, got[i].first);
        assert!((got[i].total - st).abs() < 0.03, "x{} ST {} against {st}", i + 1, got[i].total);
    }
}

#[test]
fn morris_ranks_the_factors_of_ishigami_and_g() {
    let design = morris(factors(&["x1", "x2", "x3"], -PI, PI), 100, 4, 3).unwrap();
    let got = morris_indices(&design, &evaluate(&design, ishigami)).unwrap();
    let mu: Vec<f64> = got.iter().map(|m| m.mu_star).collect();
    assert!(mu[2] < mu[0] && mu[2] < mu[1], "x3 acts only through x1, so it ranks last: {mu:?}");
    assert!(got[2].sigma > 0.0, "x3's effect depends on x1");
    assert_eq!(mu[3], 0.0, "the dummy");

    let keys = ["x1", "x2", "x3", "x4", "x5", "x6"];
    let design = morris(factors(&keys, 0.0, 1.0), 60, 4, 9).unwrap();
    let got = morris_indices(&design, &evaluate(&design, g_function)).unwrap();
    for pair in got[..4].windows(2) {
        assert!(pair[0].mu_star > pair[1].mu_star, "smaller a, more important: {got:?}");
    }
    assert!(got[4].mu_star < 0.05 * got[0].mu_star && got[5].mu_star < 0.05 * got[0].mu_star);
}

/// A noisy simulation stand-in: Ishigami plus noise drawn from every input and the replicate (so any
/// change of input, the dummy included, re-draws the noise, as re-seeding a model would).
fn noisy(point: &[Option<f64>], replicate: u64) -> f64 {
    let x: Vec<f64> = point.iter().map(|v| v.unwrap()).collect();
    let hash = x.iter().fold(mix(replicate), |h, v| mix(h ^ v.to_bits()));
    let noise = ((hash >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 3.0;
    ishigami(&x[..3]) + noise
}

#[test]
fn a_factor_the_model_ignores_stays_within_the_noise_floor() {
    let design = sobol(factors(&["x1", "x2", "x3", "ignored"], -PI, PI), 2048, 21).unwrap();
    let values: Vec<Vec<f64>> = design.points.iter().map(|p| (0..5).map(|r| noisy(p, r)).collect()).collect();
    let got = sobol_indices(&design, &values).unwrap();
    let (ignored, dummy) = (&got[3], &got[4]);
    assert!(dummy.total > 0.0, "noise shows on the dummy: {dummy:?}");
    assert!(ignored.total <= dummy.total_hi && dummy.total <= ignored.total_hi, "{ignored:?} against {dummy:?}");
    assert!(ignored.first_lo <= dummy.first_hi && ignored.first_hi >= dummy.first_lo, "{ignored:?} against {dummy:?}");
    assert!(got[2].total_lo > dummy.total_hi, "x3 stands above the noise: {:?}", got[2]);
}

#[test]
fn analyses_repeat_to_the_bit() {
    let design = sobol(factors(&["x1", "x2", "x3"], -PI, PI), 256, 2).unwrap();
    let values = evaluate(&design, ishigami);
    assert_eq!(sobol_indices(&design, &values).unwrap(), sobol_indices(&design, &values).unwrap());
    assert_eq!(design, sobol(factors(&["x1", "x2", "x3"], -PI, PI), 256, 2).unwrap());
    assert_ne!(design.points, sobol(factors(&["x1", "x2", "x3"], -PI, PI), 256, 3).unwrap().points);
}
