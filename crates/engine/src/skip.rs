//! Bernoulli trials without a draw per trial: geometric skipping to the next candidate, then thinning.
//!
//! Each month the people pass runs one trial per person of each kind (dying; being exposed; abandoning), each
//! with the person's own probability, and nearly all of them fail. Instead of one draw per trial, a
//! [`Skipper`] draws the number of trials up to the next *candidate*, a success at a common ceiling
//! probability c (every trial's own probability is at most c): that gap is geometric, G = floor(ln U /
//! ln(1 − c)) with U uniform on (0, 1]. A candidate whose own probability p is below c is then kept with
//! probability p / c (thinning: Lewis & Shedler 1979; Devroye 1986, ch. X). Each trial still succeeds with
//! probability exactly p, independently, so the model is the one with a draw per trial; only the random
//! stream differs. Draws are raw `u64`s and `libm`'s log, so the gaps are the same bits natively and in wasm.

use rand::RngCore;

use crate::rng::Rng;

/// 2^-53: a 53-bit integer times this is in [0, 1).
const UNIT: f64 = 1.0 / 9_007_199_254_740_992.0;

/// A run of trials sharing a ceiling probability, stepping from candidate to candidate.
#[derive(Clone, Debug)]
pub struct Skipper {
    /// The ceiling as a threshold (see [`crate::rng::threshold`]): 0 never, `u64::MAX` every trial.
    ceiling: u64,
    /// ln(1 − ceiling probability), negative.
    log_miss: f64,
    /// Trials left before the next candidate.
    left: u64,
}

impl Skipper {
    /// Trials whose thresholds are all at most `ceiling`; draws the gap to the first candidate from `rng`
    /// (nothing is drawn when the ceiling is 0 or `u64::MAX`).
    pub fn new(ceiling: u64, rng: &mut Rng) -> Skipper {
        let p = ceiling as f64 / 18_446_744_073_709_551_616.0;
        let mut skipper = Skipper { ceiling, log_miss: libm::log1p(-p), left: 0 };
        skipper.left = skipper.gap(rng);
        skipper
    }

    /// Trials up to the next candidate (0: the next trial is one).
    fn gap(&self, rng: &mut Rng) -> u64 {
        match self.ceiling {
            0 => u64::MAX,
            u64::MAX => 0,
            _ => {
                let u = ((rng.next_u64() >> 11) + 1) as f64 * UNIT;
                // Non-negative; `as` saturates a gap too long to count (a ceiling near 0).
                (libm::log(u) / self.log_miss) as u64
            }
        }
    }

    /// Count one step: a trial if `trial`, else nothing. True when the trial is a candidate; the caller must
    /// then call [`Skipper::restart`] before the next step. Branch-free, for the pass over every person.
    #[inline(always)]
    pub fn step(&mut self, trial: bool) -> bool {
        let hit = trial & (self.left == 0);
        self.left = self.left.wrapping_sub(trial as u64);
        hit
    }

    /// Trials left before the next candidate.
    pub fn left(&self) -> u64 {
        self.left
    }

    /// Count `trials` trials known not to reach the next candidate (at most [`Skipper::left`]).
    pub fn skip(&mut self, trials: u64) {
        debug_assert!(trials <= self.left);
        self.left -= trials;
    }

    /// After a candidate: draw the gap to the next one.
    pub fn restart(&mut self, rng: &mut Rng) {
        self.left = self.gap(rng);
    }

    /// Whether a candidate whose own threshold is `threshold` succeeds: with probability threshold / ceiling.
    /// Always one draw, whatever the threshold, so that two runs of a scenario whose thresholds differ (a
    /// lever changed a hazard) stay on the same stream (common random numbers).
    pub fn keep(&self, threshold: u64, rng: &mut Rng) -> bool {
        kept(rng.next_u64(), threshold, self.ceiling)
    }
}

/// Whether `draw` keeps a candidate whose threshold is `threshold` under `ceiling` (not 0): always when the
/// threshold reaches the ceiling, else when draw < floor(threshold * 2^64 / ceiling). That is decided without
/// the 128-bit division (a library call, slow in wasm): for a whole number n, n <= floor(x) exactly when
/// n <= x, so with n = draw + 1 it is (draw + 1) * ceiling <= threshold * 2^64, which fits in 128 bits.
#[inline]
fn kept(draw: u64, threshold: u64, ceiling: u64) -> bool {
    threshold >= ceiling || (u128::from(draw) + 1) * u128::from(ceiling) <= u128::from(threshold) << 64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{replicate_rng, threshold};

    /// Successes among `n` trials alternating between two probabilities, by skipping under `ceiling`.
    fn successes(n: u32, p: [f64; 2], ceiling: f64, seed: u64) -> [u32; 2] {
        let mut rng = replicate_rng(seed, 0);
        let mut skipper = Skipper::new(threshold(ceiling), &mut rng);
        let mut hits = [0; 2];
        for i in 0..n {
            let k = (i % 2) as usize;
            if skipper.step(true) {
                skipper.restart(&mut rng);
                hits[k] += skipper.keep(threshold(p[k]), &mut rng) as u32;
            }
        }
        hits
    }

    #[test]
    fn each_trial_succeeds_with_its_own_probability() {
        for (p, ceiling) in [([0.01, 0.003], 0.01), ([0.2, 0.05], 0.3), ([0.0004, 0.0], 0.0004)] {
            let n = 2_000_000;
            let hits = successes(n, p, ceiling, 3);
            for k in 0..2 {
                let expected = p[k] * f64::from(n / 2);
                let sd = (expected * (1.0 - p[k])).sqrt();
                assert!(
                    (f64::from(hits[k]) - expected).abs() <= 5.0 * sd + 1e-9,
                    "p = {}: {} successes, expected {expected}",
                    p[k],
                    hits[k]
                );
            }
        }
    }

    #[test]
    fn gaps_are_geometric() {
        // P(gap = 0) = c and P(gap >= 10) = (1 - c)^10 for ceiling c = 0.1.
        let mut rng = replicate_rng(5, 0);
        let skipper = Skipper::new(threshold(0.1), &mut rng);
        let gaps: Vec<u64> = (0..200_000).map(|_| skipper.gap(&mut rng)).collect();
        let share = |f: &dyn Fn(u64) -> bool| gaps.iter().filter(|&&g| f(g)).count() as f64 / gaps.len() as f64;
        assert!((share(&|g| g == 0) - 0.1).abs() < 0.004);
        assert!((share(&|g| g >= 10) - 0.9f64.powi(10)).abs() < 0.005);
    }

    #[test]
    fn a_zero_ceiling_never_hits_and_a_full_one_hits_every_trial_with_one_draw_each() {
        let mut rng = replicate_rng(9, 0);
        let mut reference = rng.clone();
        let mut never = Skipper::new(0, &mut rng);
        let mut always = Skipper::new(u64::MAX, &mut rng);
        for _ in 0..1_000 {
            assert!(!never.step(true));
            assert!(always.step(true));
            always.restart(&mut rng);
            assert!(always.keep(u64::MAX, &mut rng));
            reference.next_u64();
        }
        assert_eq!(rng.next_u64(), reference.next_u64(), "only the candidates' draws were made");
    }

    #[test]
    fn a_candidate_takes_one_draw_whatever_its_threshold() {
        let mut rng = replicate_rng(13, 0);
        let skipper = Skipper::new(threshold(0.1), &mut rng);
        let mut reference = rng.clone();
        for t in [0, threshold(0.05), threshold(0.1), threshold(0.2)] {
            skipper.keep(t, &mut rng);
            reference.next_u64();
            assert_eq!(rng.clone().next_u64(), reference.clone().next_u64());
        }
    }

    #[test]
    fn keeping_a_candidate_is_the_draw_against_the_thresholds_ratio_to_the_ceiling() {
        // The rule as first written, with the 128-bit division, on draws at and around every edge.
        let by_division = |draw: u64, threshold: u64, ceiling: u64| {
            threshold >= ceiling || draw < ((u128::from(threshold) << 64) / u128::from(ceiling)) as u64
        };
        let mut rng = replicate_rng(17, 0);
        let mut values = vec![0, 1, 2, 3, u64::MAX / 3, u64::MAX / 2, u64::MAX - 2, u64::MAX - 1, u64::MAX];
        values.extend((0..40).map(|_| rng.next_u64()));
        values.extend((0..20).map(|_| rng.next_u64() >> 40));
        for &ceiling in values.iter().filter(|&&c| c > 0) {
            for &threshold in &values {
                let ratio = ((u128::from(threshold.min(ceiling)) << 64) / u128::from(ceiling)) as u64;
                for draw in values.iter().copied().chain([ratio.wrapping_sub(1), ratio, ratio.wrapping_add(1)]) {
                    assert_eq!(
                        kept(draw, threshold, ceiling),
                        by_division(draw, threshold, ceiling),
                        "draw {draw}, threshold {threshold}, ceiling {ceiling}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_step_that_is_not_a_trial_counts_nothing() {
        let mut rng = replicate_rng(11, 0);
        let mut skipper = Skipper::new(threshold(0.5), &mut rng);
        let left = skipper.left;
        for _ in 0..100 {
            assert!(!skipper.step(false));
        }
        assert_eq!(skipper.left, left);
    }
}
