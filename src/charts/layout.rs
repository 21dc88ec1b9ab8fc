//! Where things go on the canvas: the plotting area kept for hover read-outs, the chart's height and the legend rows.

use super::spec::ChartSpec;

/// Where the plotting area ended up on the canvas, in canvas (device) pixels, and the data ranges it maps,
/// exactly as plotters maps them (linear: `px = left + (x - x_min) / (x_max - x_min) * (right - left)`).
/// Kept from the last draw to turn a mouse position back into an x value.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotLayout {
    /// Canvas pixels per CSS pixel when drawn.
    pub ratio: f64,
    /// Left and right edge of the plotting area (canvas pixels).
    pub px_x: (i32, i32),
    /// Top and bottom edge of the plotting area (canvas pixels).
    pub px_y: (i32, i32),
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
}

impl PlotLayout {
    /// The x value at canvas pixel column `px` (clamped to the data range).
    pub fn x_at(&self, px: f64) -> f64 {
        let (l, r) = (self.px_x.0 as f64, self.px_x.1 as f64);
        let (x0, x1) = self.x_range;
        if r <= l {
            return x0;
        }
        let t = ((px - l) / (r - l)).clamp(0.0, 1.0);
        x0 + t * (x1 - x0)
    }

    /// The canvas pixel column of value `x` (the inverse of [`PlotLayout::x_at`]).
    pub fn px_of(&self, x: f64) -> f64 {
        let (l, r) = (self.px_x.0 as f64, self.px_x.1 as f64);
        let (x0, x1) = self.x_range;
        if x1 == x0 {
            return (l + r) / 2.0;
        }
        l + (x - x0) / (x1 - x0) * (r - l)
    }

    /// The canvas pixel row of value `y`.
    pub fn py_of(&self, y: f64) -> f64 {
        let (t, b) = (self.px_y.0 as f64, self.px_y.1 as f64);
        let (y0, y1) = self.y_range;
        if y1 == y0 {
            return (t + b) / 2.0;
        }
        b - (y - y0) / (y1 - y0) * (b - t)
    }
}

/// CSS height of the chart for a CSS width and text scale: a wide 0.55 aspect ratio within
/// 280–520 px, taller in large-text mode (more room for the larger labels); whole pixels.
pub fn chart_css_height(css_width: f64, scale: f64) -> f64 {
    let scale = if scale.is_finite() { scale.clamp(0.5, 3.0) } else { 1.0 };
    let width = if css_width.is_finite() { css_width } else { 640.0 };
    ((width * 0.55).clamp(280.0, 520.0) * (1.0 + (scale - 1.0).max(0.0) * 0.5)).round()
}

/// One item of a chart's legend.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    /// Palette index of the series, or `None` for the page's ink (the baseline key).
    pub colour: Option<usize>,
    pub dashed: bool,
    pub show_band: bool,
    /// The key of the faint ghost lines (the run before the last change).
    pub faint: bool,
}

/// What the legend lists: every solid series, then one key for all dashed (baseline) series, whose colours
/// repeat their solid twins', and one for all faint (before the last change) series. Listing each baseline
/// series again would double the legend and, on a narrow chart, leave no room for the plot.
pub fn legend_entries(spec: &ChartSpec) -> Vec<LegendEntry> {
    let solid = spec.series.iter().filter(|s| !s.dashed && !s.faint).map(|s| LegendEntry {
        label: s.label.clone(),
        colour: Some(s.colour),
        dashed: false,
        show_band: s.show_band,
        faint: false,
    });
    let all_dashed = spec.series.iter().all(|s| s.dashed);
    let key = spec.series.iter().any(|s| s.dashed).then(|| LegendEntry {
        label: "Baseline (dashed)".to_string(),
        colour: None,
        dashed: true,
        show_band: false,
        faint: false,
    });
    let ghost = spec.series.iter().any(|s| s.faint).then(|| LegendEntry {
        label: "Before the last change (faint)".to_string(),
        colour: None,
        dashed: false,
        show_band: false,
        faint: true,
    });
    if all_dashed {
        // Nothing solid to pair with: list the dashed series themselves.
        return spec
            .series
            .iter()
            .map(|s| LegendEntry {
                label: s.label.clone(),
                colour: Some(s.colour),
                dashed: true,
                show_band: s.show_band,
                faint: false,
            })
            .collect();
    }
    solid.chain(key).chain(ghost).collect()
}

/// Lays legend items of the given widths into rows no wider than `available` (items `gap` apart).
/// Each item gets a row even if it alone is wider. Returns the item indices per row.
pub fn legend_rows(widths: &[u32], available: u32, gap: u32) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let mut used = 0u32;
    for (i, &w) in widths.iter().enumerate() {
        match rows.last_mut() {
            Some(row) if used + gap + w <= available => {
                row.push(i);
                used += gap + w;
            }
            _ => {
                rows.push(vec![i]);
                used = w;
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::spec::{nearest_index, ChartSeries};

    #[test]
    fn layout_inverts_the_plotters_mapping() {
        let l =
            PlotLayout { ratio: 2.0, px_x: (100, 1100), px_y: (20, 520), x_range: (0.0, 120.0), y_range: (0.0, 0.5) };
        assert_eq!(l.x_at(100.0), 0.0);
        assert_eq!(l.x_at(1100.0), 120.0);
        assert_eq!(l.x_at(600.0), 60.0);
        assert_eq!(l.x_at(0.0), 0.0, "clamped");
        assert_eq!(l.x_at(5000.0), 120.0, "clamped");
        for x in [0.0, 13.0, 37.0, 119.0] {
            assert!((l.x_at(l.px_of(x)) - x).abs() < 1e-9);
        }
        assert_eq!(l.py_of(0.0), 520.0);
        assert_eq!(l.py_of(0.5), 20.0);
        // Plotters' own mapping: left + floor(len * t + 1e-3). Our inverse lands within a pixel.
        let plotters_px = |x: f64| 100 + (1000.0 * (x / 120.0) + 1e-3).floor() as i32;
        let xs: Vec<f64> = (0..=120).map(f64::from).collect();
        for m in 0..=120 {
            let px = plotters_px(m as f64) as f64;
            assert_eq!(nearest_index(&xs, l.x_at(px)), Some(m as usize));
        }
    }

    #[test]
    fn sizes_and_legend_layout() {
        assert_eq!(chart_css_height(800.0, 1.0), 440.0);
        assert_eq!(chart_css_height(300.0, 1.0), 280.0);
        assert_eq!(chart_css_height(2000.0, 1.0), 520.0);
        assert!(chart_css_height(800.0, 1.4) > 440.0);
        assert_eq!(legend_rows(&[100, 100, 100], 250, 20), vec![vec![0, 1], vec![2]]);
        assert_eq!(legend_rows(&[400, 50], 250, 20), vec![vec![0], vec![1]]);
        assert!(legend_rows(&[], 250, 20).is_empty());
    }

    #[test]
    fn the_legend_keys_all_baseline_series_once() {
        let series = |label: &str, colour, dashed| ChartSeries {
            label: label.into(),
            colour,
            points: Vec::new(),
            dashed,
            show_band: !dashed,
            faint: false,
        };
        let mut spec = ChartSpec {
            id: "chart-x".into(),
            title: "x".into(),
            x_label: "Year".into(),
            y_label: "y".into(),
            y_format: crate::format::ValueFormat::Percent,
            series: vec![series("Q1", 0, false), series("Q2", 1, false)],
            y_min_zero: true,
        };
        let labels = |spec: &ChartSpec| legend_entries(spec).into_iter().map(|e| e.label).collect::<Vec<_>>();
        assert_eq!(labels(&spec), ["Q1", "Q2"]);
        spec.series.extend([series("Q1 (baseline)", 0, true), series("Q2 (baseline)", 1, true)]);
        assert_eq!(labels(&spec), ["Q1", "Q2", "Baseline (dashed)"]);
        let key = legend_entries(&spec).pop().unwrap();
        assert!(key.dashed && key.colour.is_none());
        spec.series.push(ChartSeries { faint: true, dashed: false, ..series("Q1 (before)", 0, false) });
        assert_eq!(labels(&spec), ["Q1", "Q2", "Baseline (dashed)", "Before the last change (faint)"]);
        spec.series.pop();
        spec.series.drain(..2);
        assert_eq!(labels(&spec), ["Q1 (baseline)", "Q2 (baseline)"]);
    }
}
