//! Latin hypercube: each factor's range cut into n equal strata, each stratum used by exactly one point.

use rand::SeedableRng;

use super::design::{Design, Method, MAX_POINTS};
use super::error::ExperimentError;
use super::factor::Factor;
use crate::rng::{below, mix, unit, Rng};

/// `points` points; the placement inside strata and their pairing come from `seed`.
///
/// ```
/// use rollout_engine::experiment::{latin_hypercube, Factor};
/// let d = latin_hypercube(vec![Factor::new("technology.effect", 0.0, 1.0).unwrap()], 4, 7).unwrap();
/// let mut strata: Vec<u32> = d.points.iter().map(|p| (p[0].unwrap() * 4.0) as u32).collect();
/// strata.sort();
/// assert_eq!(strata, vec![0, 1, 2, 3]);
/// ```
pub fn latin_hypercube(factors: Vec<Factor>, points: u32, seed: u64) -> Result<Design, ExperimentError> {
    if points < 1 || points as usize > MAX_POINTS {
        return Err(ExperimentError::setting("points", format!("{points}; a Latin hypercube takes 1 to {MAX_POINTS}")));
    }
    let mut rng = Rng::seed_from_u64(mix(seed ^ 0x1a7e_c0de));
    let n = points as usize;
    let mut unit_points = vec![vec![0.0; factors.len()]; n];
    for i in 0..factors.len() {
        let mut strata: Vec<u32> = (0..points).collect();
        for j in (1..n).rev() {
            let other = below(&mut rng, j as u32 + 1) as usize;
            strata.swap(j, other);
        }
        for (point, stratum) in unit_points.iter_mut().zip(strata) {
            point[i] = (stratum as f64 + unit(&mut rng)) / points as f64;
        }
    }
    let design = Design::from_unit(Method::LatinHypercube { points }, seed, factors, unit_points);
    design.validate()?;
    Ok(design)
}
