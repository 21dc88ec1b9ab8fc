//! Charts of simulated estimates for policymakers and workshop rooms: lines with 95% bands, drawn with
//! plotters on a HiDPI canvas in a colour-blind-safe palette, with a hover / keyboard read-out and a data table.
//!
//! Pure Rust, unit-tested natively, one job each: [`spec`] (what a chart shows), [`palette`] (colours),
//! [`axes`] (ranges and ticks), [`layout`] (pixels and legend rows), [`table`] (data table and CSV text),
//! [`readout`] (the chart in words). Values are written by [`crate::format`]. On the web side, [`draw`]
//! draws a spec on a `<canvas>` and [`component`] is the yew `<Chart spec={..} scale={..} />`.

pub mod axes;
pub mod component;
pub mod draw;
pub mod layout;
pub mod palette;
pub mod readout;
pub mod sheet;
pub mod spec;
pub mod table;

pub use component::{Chart, ChartProps};
pub use draw::canvas_png_data_url;
pub use sheet::sheet_png_data_url;
pub use spec::{ChartSeries, ChartSpec, Estimate, ValueFormat};

/// Shared test data: a two-series chart of `n` months.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::spec::{ChartSeries, ChartSpec, Estimate, ValueFormat};

    pub fn est(mean: f64, lo: f64, hi: f64) -> Estimate {
        Estimate { mean, lo, hi }
    }

    pub fn spec(n: usize) -> ChartSpec {
        let series = |label: &str, colour, k: f64, dashed| ChartSeries {
            label: label.into(),
            colour,
            points: (0..n)
                .map(|m| (m as f64, est(k * m as f64 / 100.0, k * m as f64 / 100.0 * 0.9, k * m as f64 / 100.0 * 1.1)))
                .collect(),
            dashed,
            show_band: true,
            faint: false,
        };
        ChartSpec {
            id: "chart-test".into(),
            title: "Uptake".into(),
            x_label: "Month".into(),
            y_label: "Active use (% of eligible)".into(),
            y_format: ValueFormat::Percent,
            series: vec![series("Q1", 0, 0.5, false), series("Baseline", 1, 0.3, true)],
            y_min_zero: true,
        }
    }
}
