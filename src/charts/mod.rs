//! Charts of simulated estimates for policymakers and workshop rooms: lines with 95% bands, drawn with
//! plotters on a HiDPI canvas in a colour-blind-safe palette, with a hover / keyboard read-out and a data table.
//!
//! - [`model`]: what a chart shows (pure Rust, unit-tested natively): [`ChartSpec`], value formats, axes,
//!   the table and CSV text.
//! - [`draw`]: draws a spec on a `<canvas>`.
//! - [`component`]: the yew `<Chart spec={..} scale={..} />` component.

pub mod component;
pub mod draw;
pub mod model;

pub use component::{Chart, ChartProps};
pub use draw::canvas_png_data_url;
pub use model::{ChartSeries, ChartSpec, Estimate, ValueFormat};
