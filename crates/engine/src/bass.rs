//! The Bass diffusion model's closed form, the limit the agent-based model must reach.
//!
//! With external influence `p` and word-of-mouth `q` (both per year), the share of a fully mixed population
//! that has adopted by time `t` (years) is
//!
//! F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}),
//!
//! with peak adoption at t* = ln(q/p)/(p+q) (Bass 1969; p = 0.03, q = 0.38 per year on average, Sultan,
//! Farley & Lehmann 1990). Fibich, Golan & Schochet (2023) show the agent-based model on a complete
//! network converges to it at rate 1/M in population size M.

/// Cumulative adoption share F(t) in [0, 1] at `years` years, for innovation `p` and imitation `q` per year.
///
/// ```
/// let f = rollout_engine::bass::cumulative_adoption(0.03, 0.38, 10.0);
/// assert!((f - 0.8128).abs() < 1e-3);
/// assert_eq!(rollout_engine::bass::cumulative_adoption(0.03, 0.38, 0.0), 0.0);
/// ```
pub fn cumulative_adoption(p: f64, q: f64, years: f64) -> f64 {
    if p <= 0.0 {
        return 0.0;
    }
    let decay = libm::exp(-(p + q) * years);
    (1.0 - decay) / (1.0 + (q / p) * decay)
}

/// Time of peak adoption t* = ln(q/p)/(p+q), in years; `None` when q <= p (adoption is fastest at t = 0).
///
/// ```
/// let t = rollout_engine::bass::peak_time(0.03, 0.38).unwrap();
/// assert!((t - 6.19).abs() < 0.01);
/// ```
pub fn peak_time(p: f64, q: f64) -> Option<f64> {
    (q > p && p > 0.0).then(|| libm::log(q / p) / (p + q))
}
