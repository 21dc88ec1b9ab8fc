//! Morris elementary effects, the design: trajectories of k + 1 points on a grid of levels, each point
//! moving one factor by a fixed step (Morris 1991; the step of Campolongo, Cariboni & Saltelli 2007).
//! A [`DUMMY`](super::DUMMY) factor is added last, to show the noise floor.

use rand::SeedableRng;

use super::design::{Design, Method, MAX_POINTS};
use super::error::ExperimentError;
use super::factor::Factor;
use crate::rng::{below, mix, Rng};

/// `trajectories` trajectories on `levels` levels (even, 2 to 100; 4 is usual). Each trajectory starts at
/// a random grid point and moves the factors one by one in a random order, up by `levels / 2` levels
/// where that stays in range and down otherwise.
///
/// ```
/// use rollout_engine::experiment::{morris, Factor};
/// let d = morris(vec![Factor::new("technology.effect", 0.0, 0.3).unwrap()], 5, 4, 1).unwrap();
/// assert_eq!(d.factors.len(), 2, "the dummy is added");
/// assert_eq!(d.points.len(), 5 * 3);
/// ```
pub fn morris(mut factors: Vec<Factor>, trajectories: u32, levels: u32, seed: u64) -> Result<Design, ExperimentError> {
    if !(2..=100).contains(&levels) || levels % 2 != 0 {
        return Err(ExperimentError::setting(
            "levels",
            format!("{levels}; Morris takes an even number of levels, 2 to 100"),
        ));
    }
    if trajectories < 2 {
        return Err(ExperimentError::setting(
            "points",
            format!("{trajectories} trajectories; Morris needs at least 2"),
        ));
    }
    for f in &factors {
        if f.low >= f.high {
            return Err(ExperimentError::factor(&f.key, "low must be below high for Morris"));
        }
    }
    factors.push(Factor::dummy());
    let k = factors.len();
    if trajectories as usize * (k + 1) > MAX_POINTS {
        return Err(ExperimentError::setting(
            "points",
            format!("{trajectories} trajectories is over {MAX_POINTS} points"),
        ));
    }
    let step = levels / 2;
    let top = levels - 1;
    let mut rng = Rng::seed_from_u64(mix(seed ^ 0x0e1e_3e47));
    let mut unit_points = Vec::with_capacity(trajectories as usize * (k + 1));
    for _ in 0..trajectories {
        let mut at: Vec<u32> = (0..k).map(|_| below(&mut rng, levels)).collect();
        let mut order: Vec<usize> = (0..k).collect();
        for j in (1..k).rev() {
            order.swap(j, below(&mut rng, j as u32 + 1) as usize);
        }
        let to_unit = |at: &[u32]| at.iter().map(|&m| m as f64 / top as f64).collect::<Vec<f64>>();
        unit_points.push(to_unit(&at));
        for &i in &order {
            at[i] = if at[i] + step <= top { at[i] + step } else { at[i] - step };
            unit_points.push(to_unit(&at));
        }
    }
    let design = Design::from_unit(Method::Morris { trajectories, levels }, seed, factors, unit_points);
    design.validate()?;
    Ok(design)
}

impl Design {
    /// The first `trajectories` trajectories of a Morris design (2 or more, at most all of them), as a
    /// design of their own with the same seed: Morris indices of the trajectories finished so far, so a
    /// screening can be shown while it runs and refined as trajectories arrive.
    ///
    /// ```
    /// use rollout_engine::experiment::{morris, Factor};
    /// let d = morris(vec![Factor::new("technology.effect", 0.0, 0.3).unwrap()], 5, 4, 1).unwrap();
    /// let first = d.first_trajectories(2).unwrap();
    /// assert_eq!(first.points[..], d.points[..6]);
    /// assert!(d.first_trajectories(6).is_err());
    /// ```
    pub fn first_trajectories(&self, trajectories: u32) -> Result<Design, ExperimentError> {
        let Method::Morris { trajectories: all, levels } = self.method else {
            return Err(ExperimentError::setting(
                "points",
                format!("a {} design has no trajectories", self.method.name()),
            ));
        };
        if !(2..=all).contains(&trajectories) {
            return Err(ExperimentError::setting(
                "points",
                format!("{trajectories} trajectories of {all}; Morris indices need 2 or more"),
            ));
        }
        let per = self.factors.len() + 1;
        Ok(Design {
            method: Method::Morris { trajectories, levels },
            points: self.points[..trajectories as usize * per].to_vec(),
            ..self.clone()
        })
    }
}
