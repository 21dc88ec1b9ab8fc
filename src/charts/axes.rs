//! Axis ranges and ticks: "nice" 1–2–5 steps for values, years for months.

use super::spec::{x_values, ChartSpec};
use crate::format::decimals_for;

/// An axis: its ends and evenly spaced ticks from `min` to `max`.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub ticks: Vec<f64>,
}

impl Axis {
    /// Tick spacing (the range when there is only one tick).
    pub fn step(&self) -> f64 {
        match self.ticks.as_slice() {
            [a, b, ..] => b - a,
            _ => self.max - self.min,
        }
    }
}

/// Ticks at multiples of `step` from `min` to `max` inclusive, rounded to kill float drift (0.30000000000000004).
fn ticks_between(min: f64, max: f64, step: f64) -> Vec<f64> {
    let n = ((max - min) / step + 1e-9).floor() as usize;
    let d = decimals_for(step) as i32 + 2;
    let p = 10f64.powi(d);
    (0..=n).map(|i| ((min + i as f64 * step) * p).round() / p).collect()
}

/// A 1–2–5 × 10^k step giving about `target` intervals over `span`.
fn nice_step(span: f64, target: usize) -> f64 {
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

/// A "nice" axis covering `lo..=hi`: ends on multiples of a 1–2–5 step, about `target` intervals.
/// `include_zero` stretches it to 0. A flat range is padded; non-finite input gives 0..1.
pub fn nice_axis(lo: f64, hi: f64, target: usize, include_zero: bool) -> Axis {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() { (lo.min(hi), lo.max(hi)) } else { (0.0, 1.0) };
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if hi - lo <= f64::EPSILON * hi.abs().max(lo.abs()).max(1e-300) {
        let pad = if hi == 0.0 { 1.0 } else { hi.abs() * 0.1 };
        if include_zero && lo == 0.0 {
            hi += pad;
        } else if include_zero && hi == 0.0 {
            lo -= pad;
        } else {
            lo -= pad;
            hi += pad;
        }
    }
    let step = nice_step(hi - lo, target);
    let min = (lo / step + 1e-9).floor() * step;
    let max = (hi / step - 1e-9).ceil() * step;
    let ticks = ticks_between(min, max, step);
    Axis { min: *ticks.first().unwrap_or(&min), max: *ticks.last().unwrap_or(&max), ticks }
}

/// The y axis of a chart: means, plus interval ends of series showing bands; zero if `y_min_zero`.
pub fn y_axis(spec: &ChartSpec, target: usize) -> Axis {
    let values = spec.series.iter().flat_map(|s| {
        s.points.iter().flat_map(move |(_, e)| if s.show_band { vec![e.mean, e.lo, e.hi] } else { vec![e.mean] })
    });
    let (lo, hi) =
        values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
    if lo > hi {
        return nice_axis(0.0, 1.0, target, true);
    }
    nice_axis(lo, hi, target, spec.y_min_zero)
}

/// The x axis of a chart: exactly the data's x range (lines reach both edges), with ticks.
/// Whole-number x spanning three or more dozen (months) gets ticks on multiples of 12 (years);
/// otherwise 1–2–5 ticks. Ticks lie inside the range.
pub fn x_axis(spec: &ChartSpec, target: usize) -> Axis {
    let xs = x_values(spec);
    let (Some(&min), Some(&max)) = (xs.first(), xs.last()) else {
        return Axis { min: 0.0, max: 1.0, ticks: vec![0.0, 1.0] };
    };
    if max - min <= 0.0 {
        return Axis { min: min - 0.5, max: max + 0.5, ticks: vec![min] };
    }
    let integral = xs.iter().all(|x| (x - x.round()).abs() < 1e-9);
    let span = max - min;
    let step = if integral && span >= 36.0 {
        let years = nice_step(span / 12.0, target).max(1.0);
        // 1–2–5 years, but 3 rather than 2.5-ish jumps are not needed: keep 1, 2, 5, 10 years.
        years * 12.0
    } else {
        let s = nice_step(span, target);
        if integral {
            s.max(1.0)
        } else {
            s
        }
    };
    let first = (min / step - 1e-9).ceil() * step;
    let ticks = if first <= max { ticks_between(first, max, step) } else { vec![min] };
    Axis { min, max, ticks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fixtures::spec;

    #[test]
    fn nice_axes() {
        let a = nice_axis(0.013, 0.437, 5, true);
        assert_eq!((a.min, a.max), (0.0, 0.5));
        assert_eq!(a.ticks, vec![0.0, 0.1, 0.2, 0.3, 0.4, 0.5]);
        let a = nice_axis(12.0, 87.0, 5, false);
        assert_eq!(a.ticks, vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        let a = nice_axis(1030.0, 1090.0, 4, false);
        assert_eq!((a.min, a.max, a.step()), (1020.0, 1100.0, 20.0));
        // Negative data with zero included.
        let a = nice_axis(-3.2, -0.5, 4, true);
        assert_eq!((a.min, a.max), (-4.0, 0.0));
        // Flat or degenerate input still gives a usable axis.
        let a = nice_axis(0.0, 0.0, 5, true);
        assert!(a.max > a.min && a.min == 0.0);
        let a = nice_axis(5.0, 5.0, 5, false);
        assert!(a.min < 5.0 && a.max > 5.0);
        let a = nice_axis(f64::NAN, 1.0, 5, false);
        assert!(a.max > a.min);
        // No float drift in ticks.
        assert!(nice_axis(0.0, 0.7, 7, true).ticks.iter().all(|t| format!("{t}").len() <= 4));
    }

    #[test]
    fn chart_axes() {
        let s = spec(121);
        let y = y_axis(&s, 5);
        assert_eq!(y.min, 0.0);
        assert!(y.max >= 0.5 * 1.2 * 1.1 - 1e-12 || y.max >= 0.66, "covers the top of the bands: {y:?}");
        let x = x_axis(&s, 6);
        assert_eq!((x.min, x.max), (0.0, 120.0));
        assert!(x.ticks.iter().all(|t| t % 12.0 == 0.0), "months tick on years: {:?}", x.ticks);
        assert!(x.ticks.len() >= 3 && x.ticks.len() <= 11, "{:?}", x.ticks);
        let short = spec(13);
        let x = x_axis(&short, 6);
        assert_eq!(x.ticks, vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
        let mut empty = spec(0);
        assert_eq!(x_axis(&empty, 5).ticks, vec![0.0, 1.0]);
        assert_eq!((y_axis(&empty, 5).min, y_axis(&empty, 5).max), (0.0, 1.0));
        empty.series.clear();
        assert!(x_values(&empty).is_empty());
    }
}
