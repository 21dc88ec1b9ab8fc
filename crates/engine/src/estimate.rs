//! A mean across replicates with its 95% interval.

use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, StudentsT};

/// Mean of a quantity across replicates with a 95% confidence interval for the mean (Student's t).
/// With one replicate the interval is the single value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub mean: f64,
    pub lo: f64,
    pub hi: f64,
}

/// The two-sided 95% critical value of Student's t with `n - 1` degrees of freedom, rounded to 1e-9 so
/// that every platform's floating-point library gives the same bits; 0 for n < 2.
///
/// ```
/// let t = rollout_engine::estimate::t_critical(20);
/// assert!((t - 2.093024054).abs() < 1e-9);
/// ```
pub fn t_critical(n: usize) -> f64 {
    if n < 2 {
        return 0.0;
    }
    let t = StudentsT::new(0.0, 1.0, (n - 1) as f64).expect("degrees of freedom are positive").inverse_cdf(0.975);
    (t * 1e9).round() / 1e9
}

impl Estimate {
    /// The same estimate in a unit `k` times as large (per 1,000 people, percentages); `k` must be
    /// positive, so the interval keeps its order.
    ///
    /// ```
    /// use rollout_engine::estimate::Estimate;
    /// let e = Estimate { mean: 0.2, lo: 0.1, hi: 0.3 }.scaled(100.0);
    /// assert_eq!((e.mean, e.lo, e.hi), (20.0, 10.0, 30.0));
    /// ```
    pub fn scaled(&self, k: f64) -> Estimate {
        Estimate { mean: self.mean * k, lo: self.lo * k, hi: self.hi * k }
    }

    /// Mean and 95% interval of `samples`, using the critical value `t` from [`t_critical`].
    ///
    /// ```
    /// use rollout_engine::estimate::{t_critical, Estimate};
    /// let e = Estimate::from_samples(&[1.0, 2.0, 3.0], t_critical(3));
    /// assert_eq!(e.mean, 2.0);
    /// assert!((e.hi - e.mean - 4.302652730 / 3f64.sqrt()).abs() < 1e-9);
    /// ```
    pub fn from_samples(samples: &[f64], t: f64) -> Estimate {
        let n = samples.len();
        if n == 0 {
            return Estimate::default();
        }
        let mean = samples.iter().sum::<f64>() / n as f64;
        if n < 2 {
            return Estimate { mean, lo: mean, hi: mean };
        }
        let variance = samples.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1) as f64;
        let half = t * (variance / n as f64).sqrt();
        Estimate { mean, lo: mean - half, hi: mean + half }
    }

    /// An estimate with no uncertainty.
    pub fn exact(value: f64) -> Estimate {
        Estimate { mean: value, lo: value, hi: value }
    }
}

/// A mean over the replicates in which a quantity is defined (not "not applicable"), with its 95%
/// interval and how many replicates that was. A replicate where it is not applicable never enters the mean
/// as 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PartialEstimate {
    pub mean: f64,
    pub lo: f64,
    pub hi: f64,
    /// Replicates in which it is defined (the others are left out).
    pub replicates: u32,
}

impl PartialEstimate {
    /// The mean and interval of the defined values; `None` when no replicate defines it.
    ///
    /// ```
    /// use rollout_engine::estimate::PartialEstimate;
    /// let e = PartialEstimate::from_options(&[Some(0.2), None, Some(0.4)]).unwrap();
    /// assert!((e.mean - 0.3).abs() < 1e-12);
    /// assert_eq!(e.replicates, 2);
    /// assert_eq!(PartialEstimate::from_options(&[None, None]), None);
    /// ```
    pub fn from_options(values: &[Option<f64>]) -> Option<PartialEstimate> {
        let defined: Vec<f64> = values.iter().flatten().copied().collect();
        if defined.is_empty() {
            return None;
        }
        let e = Estimate::from_samples(&defined, t_critical(defined.len()));
        Some(PartialEstimate { mean: e.mean, lo: e.lo, hi: e.hi, replicates: defined.len() as u32 })
    }

    /// The mean and interval, without the count.
    pub fn estimate(&self) -> Estimate {
        Estimate { mean: self.mean, lo: self.lo, hi: self.hi }
    }
}
