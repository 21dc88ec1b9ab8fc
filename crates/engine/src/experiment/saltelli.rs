//! Saltelli's design for Sobol' indices (Saltelli et al. 2010): two base matrices A and B from an
//! Owen-scrambled Sobol' sequence (Burley 2020, the `sobol_burley` crate: integer hashing, the same bits
//! on every platform), and for each factor i the matrix A with column i from B. A
//! [`DUMMY`](super::DUMMY) factor is added last, to show the noise floor.

use super::design::{Design, Method, MAX_FACTORS};
use super::error::ExperimentError;
use super::factor::Factor;
use crate::rng::mix;

/// Most base samples (the Sobol' sequence's length in `sobol_burley`).
pub const MAX_BASE_SAMPLES: u32 = 1 << 16;

/// `base_samples` blocks of k + 2 points: A_j, B_j, then A_j with factor i from B_j for each i.
///
/// ```
/// use rollout_engine::experiment::{sobol, Factor};
/// let d = sobol(vec![Factor::new("technology.effect", 0.0, 0.3).unwrap()], 8, 1).unwrap();
/// assert_eq!(d.points.len(), 8 * (2 + 2));
/// let (a, b, ab0) = (&d.points[0], &d.points[1], &d.points[2]);
/// assert_eq!((ab0[0], ab0[1]), (b[0], a[1]));
/// ```
pub fn sobol(mut factors: Vec<Factor>, base_samples: u32, seed: u64) -> Result<Design, ExperimentError> {
    if !(2..=MAX_BASE_SAMPLES).contains(&base_samples) {
        return Err(ExperimentError::setting(
            "points",
            format!("{base_samples} base samples; Sobol' takes 2 to {MAX_BASE_SAMPLES} (a power of two is best)"),
        ));
    }
    for f in &factors {
        if f.low >= f.high {
            return Err(ExperimentError::factor(&f.key, "low must be below high for Sobol'"));
        }
    }
    factors.push(Factor::dummy());
    let k = factors.len();
    if k > MAX_FACTORS {
        return Err(ExperimentError::setting("factors", format!("{k} with the dummy; allowed up to {MAX_FACTORS}")));
    }
    let scramble = mix(seed) as u32;
    let draw = |j: u32, d: usize| sobol_burley::sample(j, d as u32, scramble) as f64;
    let mut unit_points = Vec::with_capacity(base_samples as usize * (k + 2));
    for j in 0..base_samples {
        let a: Vec<f64> = (0..k).map(|d| draw(j, d)).collect();
        let b: Vec<f64> = (0..k).map(|d| draw(j, k + d)).collect();
        unit_points.push(a.clone());
        unit_points.push(b.clone());
        for i in 0..k {
            let mut ab = a.clone();
            ab[i] = b[i];
            unit_points.push(ab);
        }
    }
    let design = Design::from_unit(Method::Sobol { base_samples }, seed, factors, unit_points);
    design.validate()?;
    Ok(design)
}
