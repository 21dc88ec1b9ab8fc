//! Cost per unit of health (the ICER, cost per admission avoided, cost per death averted), reported as a
//! number only where the signs make the ratio mean "pay this much for one more unit".

use serde::{Deserialize, Serialize};

use crate::estimate::t_critical;

/// Extra cost per extra unit of health (a QALY, an admission avoided, a death averted) across replicates.
/// A ratio is given only when the programme costs more **and** buys more health; otherwise the verdict
/// names the case, with no number that could be misread.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum CostPer {
    /// More cost for more health: mean extra cost ÷ mean extra health, GBP per unit, with a 95% interval
    /// by Fieller's method; `lo`/`hi` are `None` when the interval is unbounded (the health gain is not
    /// clearly above zero across replicates).
    Ratio { value: f64, lo: Option<f64>, hi: Option<f64> },
    /// Costs less (or the same) and buys at least as much health: better on both counts.
    Dominant,
    /// Costs more and buys no more health (or less).
    Dominated,
    /// Saves money and loses health: a trade-off a ratio would hide.
    LessCostlyLessHealth,
    /// No difference in cost or in health: nothing to compare.
    NotApplicable,
}

impl CostPer {
    /// The verdict from paired per-replicate differences: `costs[i]` (GBP) and `gains[i]` (units of health).
    ///
    /// ```
    /// use rollout_engine::economics::CostPer;
    /// assert_eq!(CostPer::of(&[100.0, 100.0], &[0.0, 0.0]), CostPer::Dominated);
    /// assert_eq!(CostPer::of(&[-5.0, -7.0], &[1.0, 2.0]), CostPer::Dominant);
    /// assert_eq!(CostPer::of(&[0.0], &[0.0]), CostPer::NotApplicable);
    /// let CostPer::Ratio { value, lo, hi } = CostPer::of(&[100.0, 300.0], &[1.0, 1.0]) else { panic!() };
    /// assert_eq!(value, 200.0);
    /// assert!(lo.unwrap() < 200.0 && hi.unwrap() > 200.0);
    /// ```
    pub fn of(costs: &[f64], gains: &[f64]) -> CostPer {
        let n = costs.len().min(gains.len());
        if n == 0 {
            return CostPer::NotApplicable;
        }
        let mean = |x: &[f64]| x[..n].iter().sum::<f64>() / n as f64;
        let (c, e) = (mean(costs), mean(gains));
        match (c.partial_cmp(&0.0), e.partial_cmp(&0.0)) {
            (Some(std::cmp::Ordering::Greater), Some(std::cmp::Ordering::Greater)) => {
                let (lo, hi) = fieller(&costs[..n], &gains[..n], c, e);
                CostPer::Ratio { value: c / e, lo, hi }
            }
            _ if c == 0.0 && e == 0.0 => CostPer::NotApplicable,
            _ if c <= 0.0 && e >= 0.0 => CostPer::Dominant,
            _ if c >= 0.0 && e <= 0.0 => CostPer::Dominated,
            _ => CostPer::LessCostlyLessHealth,
        }
    }

    /// The ratio, where there is one.
    pub fn ratio(&self) -> Option<f64> {
        match self {
            CostPer::Ratio { value, .. } => Some(*value),
            _ => None,
        }
    }
}

/// Fieller's 95% interval for the ratio of two means (a / b) from paired samples; `None` ends when the
/// interval is unbounded.
fn fieller(x: &[f64], y: &[f64], a: f64, b: f64) -> (Option<f64>, Option<f64>) {
    let n = x.len();
    if n < 2 {
        return (Some(a / b), Some(a / b));
    }
    let t = t_critical(n);
    let nf = n as f64;
    let var = |s: &[f64], m: f64| s.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (nf - 1.0) / nf;
    let (va, vb) = (var(x, a), var(y, b));
    let cov = x.iter().zip(y).map(|(p, q)| (p - a) * (q - b)).sum::<f64>() / (nf - 1.0) / nf;
    let t2 = t * t;
    let qa = b * b - t2 * vb;
    if qa <= 0.0 {
        return (None, None);
    }
    let qb = a * b - t2 * cov;
    let qc = a * a - t2 * va;
    let disc = qb * qb - qa * qc;
    if disc < 0.0 {
        return (None, None);
    }
    let root = disc.sqrt();
    (Some((qb - root) / qa), Some((qb + root) / qa))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ratio_is_given_only_for_more_cost_and_more_health() {
        assert_eq!(CostPer::of(&[10.0, 12.0], &[-1.0, -2.0]), CostPer::Dominated);
        assert_eq!(CostPer::of(&[-10.0, -12.0], &[-1.0, -2.0]), CostPer::LessCostlyLessHealth);
        assert_eq!(CostPer::of(&[0.0, 0.0], &[1.0, 1.0]), CostPer::Dominant);
        assert!(CostPer::of(&[1.0, 2.0], &[1.0, 1.0]).ratio().is_some());
    }

    #[test]
    fn fieller_is_unbounded_when_the_gain_may_be_zero() {
        // Gains straddle zero widely: the interval of the ratio has no finite ends.
        let CostPer::Ratio { lo, hi, .. } = CostPer::of(&[10.0, 10.0, 10.0], &[-5.0, 0.5, 5.0]) else {
            panic!("mean gain is positive")
        };
        assert_eq!((lo, hi), (None, None));
        // No noise in the gain: the interval is that of the cost divided by it.
        let CostPer::Ratio { value, lo, hi } = CostPer::of(&[8.0, 10.0, 12.0], &[2.0, 2.0, 2.0]) else { panic!() };
        let half = t_critical(3) * (4.0f64 / 3.0).sqrt() / 2.0;
        assert!((value - 5.0).abs() < 1e-12);
        assert!((lo.unwrap() - (5.0 - half)).abs() < 1e-9 && (hi.unwrap() - (5.0 + half)).abs() < 1e-9);
    }
}
