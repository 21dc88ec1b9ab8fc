//! A two-parameter weighted logistic regression (binomial GLM, logit link) fitted by Newton-Raphson,
//! which for the canonical link is the same iteration as IRLS.
//!
//! Model: logit(μ_i) = b0 + b1 x_i, with proportions y_i in [0, 1] and prior weights w_i ≥ 0. The fit
//! maximises the binomial log-likelihood ℓ(b) = Σ w_i [y_i η_i − ln(1 + e^{η_i})], η_i = b0 + b1 x_i.
//! Weights are normalised to sum to 1 first (the maximiser does not change), and a step is halved while it
//! would lower ℓ, so the iteration cannot run away. All transcendental calls go through `libm` so native and
//! wasm builds give the same bits.

/// Most Newton steps taken; the fit usually converges in 4 to 8.
pub(crate) const MAX_ITERATIONS: u32 = 30;
/// Converged when the largest coefficient change is below this.
const TOLERANCE: f64 = 1e-10;

/// Fitted coefficients of logit(μ) = intercept + slope·x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LogisticFit {
    pub intercept: f64,
    pub slope: f64,
    /// `false` when [`MAX_ITERATIONS`] ran out (e.g. complete separation, where the slope grows without
    /// bound); the coefficients are then the last iterate, whose predictions are still meaningful.
    pub converged: bool,
}

impl LogisticFit {
    /// Predicted proportion μ(x) = 1 / (1 + e^{−(b0 + b1 x)}).
    pub fn predict(&self, x: f64) -> f64 {
        logistic(self.intercept + self.slope * x)
    }
}

/// Fits the model. `None` when it cannot be fitted: mismatched lengths, no positive weight, a weighted mean
/// proportion of exactly 0 or 1 (every fitted value would sit on the boundary), or all weight on one x.
pub(crate) fn fit_logistic(x: &[f64], y: &[f64], w: &[f64]) -> Option<LogisticFit> {
    if x.len() != y.len() || x.len() != w.len() {
        return None;
    }
    let w_sum: f64 = w.iter().sum();
    if !(w_sum > 0.0 && w_sum.is_finite()) {
        return None;
    }
    let y_bar = x.iter().zip(y).zip(w).map(|((_, &yi), &wi)| wi * yi).sum::<f64>() / w_sum;
    if !(y_bar > 0.0 && y_bar < 1.0) {
        return None;
    }
    let mut b = [libm::log(y_bar / (1.0 - y_bar)), 0.0];
    let mut ll = log_likelihood(x, y, w, w_sum, b);
    for iteration in 0..MAX_ITERATIONS {
        let (mut g0, mut g1, mut h00, mut h01, mut h11) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for ((&xi, &yi), &wi) in x.iter().zip(y).zip(w) {
            let wi = wi / w_sum;
            let mu = logistic(b[0] + b[1] * xi);
            let r = wi * (yi - mu);
            let v = wi * mu * (1.0 - mu);
            g0 += r;
            g1 += r * xi;
            h00 += v;
            h01 += v * xi;
            h11 += v * xi * xi;
        }
        let det = h00 * h11 - h01 * h01;
        if det.is_nan() || det <= 1e-14 * h00 * h11 {
            // Singular information: all weight on one x, or fitted values saturated at 0 or 1.
            return (iteration > 0).then_some(LogisticFit { intercept: b[0], slope: b[1], converged: false });
        }
        let step = [(h11 * g0 - h01 * g1) / det, (h00 * g1 - h01 * g0) / det];
        let mut t = 1.0;
        let mut next = [b[0] + step[0], b[1] + step[1]];
        let mut next_ll = log_likelihood(x, y, w, w_sum, next);
        while (next_ll.is_nan() || next_ll < ll - 1e-15 * ll.abs()) && t > 1e-3 {
            t *= 0.5;
            next = [b[0] + t * step[0], b[1] + t * step[1]];
            next_ll = log_likelihood(x, y, w, w_sum, next);
        }
        let change = (next[0] - b[0]).abs().max((next[1] - b[1]).abs());
        b = next;
        ll = next_ll;
        if change < TOLERANCE {
            return Some(LogisticFit { intercept: b[0], slope: b[1], converged: true });
        }
    }
    Some(LogisticFit { intercept: b[0], slope: b[1], converged: false })
}

/// σ(η) = 1 / (1 + e^{−η}), evaluated without overflow for large |η|.
fn logistic(eta: f64) -> f64 {
    if eta >= 0.0 {
        1.0 / (1.0 + libm::exp(-eta))
    } else {
        let e = libm::exp(eta);
        e / (1.0 + e)
    }
}

/// ln(1 + e^η) without overflow.
fn softplus(eta: f64) -> f64 {
    eta.max(0.0) + libm::log1p(libm::exp(-eta.abs()))
}

fn log_likelihood(x: &[f64], y: &[f64], w: &[f64], w_sum: f64, b: [f64; 2]) -> f64 {
    x.iter()
        .zip(y)
        .zip(w)
        .map(|((&xi, &yi), &wi)| {
            let eta = b[0] + b[1] * xi;
            (wi / w_sum) * (yi * eta - softplus(eta))
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equity_glm_recovers_exact_logistic_curve() {
        // y lies exactly on logit(y) = -1 + 2x, so the MLE is (-1, 2) whatever the weights.
        let x = [0.1, 0.3, 0.5, 0.7, 0.9];
        let y: Vec<f64> = x.iter().map(|&xi| logistic(-1.0 + 2.0 * xi)).collect();
        let fit = fit_logistic(&x, &y, &[1.0, 5.0, 2.0, 7.0, 3.0]).unwrap();
        assert!(fit.converged);
        assert!((fit.intercept + 1.0).abs() < 1e-9 && (fit.slope - 2.0).abs() < 1e-9, "{fit:?}");
    }

    #[test]
    fn equity_glm_flat_data_gives_zero_slope() {
        let fit = fit_logistic(&[0.2, 0.5, 0.8], &[0.3, 0.3, 0.3], &[1.0, 1.0, 1.0]).unwrap();
        assert!(fit.slope.abs() < 1e-12);
        assert!((fit.predict(0.0) - 0.3).abs() < 1e-12);
    }

    #[test]
    fn equity_glm_rejects_degenerate_input() {
        assert!(fit_logistic(&[0.2, 0.8], &[0.0, 0.0], &[1.0, 1.0]).is_none());
        assert!(fit_logistic(&[0.2, 0.8], &[1.0, 1.0], &[1.0, 1.0]).is_none());
        assert!(fit_logistic(&[0.2, 0.8], &[0.1, 0.5], &[0.0, 0.0]).is_none());
        assert!(fit_logistic(&[0.5, 0.5], &[0.1, 0.5], &[1.0, 1.0]).is_none());
    }

    #[test]
    fn equity_glm_separation_stops_at_iteration_cap_with_sane_predictions() {
        // Complete separation: the slope diverges; predictions head to 0 and 1.
        let fit = fit_logistic(&[0.25, 0.75], &[0.0, 1.0], &[1.0, 1.0]).unwrap();
        assert!(fit.predict(0.0) < 1e-3 && fit.predict(1.0) > 1.0 - 1e-3, "{fit:?}");
    }
}
