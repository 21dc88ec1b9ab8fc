//! What a chart shows, as plain data: series of estimates with 95% intervals, and looking values up by x.
//! No web types here, so it is unit-tested natively.

use std::cmp::Ordering;

pub use rollout_engine::estimate::Estimate;

pub use crate::format::ValueFormat;

/// One line on a chart: a mean per x with its 95% interval.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    pub label: String,
    /// Index into [`LINE_PALETTE`](super::palette::LINE_PALETTE) (wraps round).
    pub colour: usize,
    /// (x, estimate), in increasing x.
    pub points: Vec<(f64, Estimate)>,
    /// Drawn dashed: a baseline / comparator.
    pub dashed: bool,
    /// Draw the translucent 95% interval band.
    pub show_band: bool,
    /// Drawn faint and thin, under everything else: the run before the last change (a ghost).
    pub faint: bool,
}

/// Everything a chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// DOM id of the `<canvas>`, e.g. "chart-uptake"; the figure is `{id}-figure`.
    pub id: String,
    pub title: String,
    /// e.g. "Month".
    pub x_label: String,
    /// With its unit, e.g. "Active use (% of eligible)".
    pub y_label: String,
    pub y_format: ValueFormat,
    pub series: Vec<ChartSeries>,
    /// Start the y axis at zero (or below, if values go negative).
    pub y_min_zero: bool,
}

/// Every distinct x value over all series, ascending (NaN dropped).
pub fn x_values(spec: &ChartSpec) -> Vec<f64> {
    let mut xs: Vec<f64> =
        spec.series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).filter(|x| x.is_finite()).collect();
    xs.sort_by(f64::total_cmp);
    xs.dedup();
    xs
}

/// Index of the value in ascending `xs` closest to `x` (ties go to the smaller); `None` if empty or `x` is NaN.
pub fn nearest_index(xs: &[f64], x: f64) -> Option<usize> {
    if xs.is_empty() || x.is_nan() {
        return None;
    }
    let i = xs.partition_point(|&v| v < x);
    if i == 0 {
        return Some(0);
    }
    if i == xs.len() {
        return Some(xs.len() - 1);
    }
    Some(if (x - xs[i - 1]) <= (xs[i] - x) { i - 1 } else { i })
}

/// Index of the point in `points` (ascending x) closest to `x`; `None` if empty.
pub fn nearest_point(points: &[(f64, Estimate)], x: f64) -> Option<usize> {
    let xs: Vec<f64> = points.iter().map(|p| p.0).collect();
    nearest_index(&xs, x)
}

/// The estimate of `series` at exactly `x`, if it has one.
pub(crate) fn value_at(series: &ChartSeries, x: f64) -> Option<&Estimate> {
    series.points.iter().find(|p| p.0.total_cmp(&x) == Ordering::Equal).map(|p| &p.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fixtures::spec;

    #[test]
    fn nearest_lookup() {
        let xs = [0.0, 1.0, 2.0, 5.0];
        assert_eq!(nearest_index(&xs, -3.0), Some(0));
        assert_eq!(nearest_index(&xs, 0.4), Some(0));
        assert_eq!(nearest_index(&xs, 0.5), Some(0), "ties go left");
        assert_eq!(nearest_index(&xs, 0.6), Some(1));
        assert_eq!(nearest_index(&xs, 3.4), Some(2));
        assert_eq!(nearest_index(&xs, 3.6), Some(3));
        assert_eq!(nearest_index(&xs, 99.0), Some(3));
        assert_eq!(nearest_index(&xs, 2.0), Some(2));
        assert_eq!(nearest_index(&[], 1.0), None);
        assert_eq!(nearest_index(&xs, f64::NAN), None);
        let s = spec(5);
        assert_eq!(nearest_point(&s.series[0].points, 2.7), Some(3));
    }
}
