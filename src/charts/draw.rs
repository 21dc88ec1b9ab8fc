//! Draws a [`ChartSpec`] on a `<canvas>` with plotters: crisp on high-DPI screens, large type for
//! projectors, 95% bands under the lines, a legend above the plot.
//!
//! The canvas gets `CSS size × devicePixelRatio` pixels and every length (fonts, line widths, margins) is
//! a CSS length times that ratio, times the page's text `scale` for type and lines.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::axes::{x_axis, y_axis};
use super::layout::{chart_css_height, legend_entries, legend_rows, PlotLayout};
use super::palette::series_rgb;
use super::spec::ChartSpec;
use crate::format::format_x;

/// Text colour (the page's `--ink`).
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
/// Horizontal grid lines.
const GRID: RGBColor = RGBColor(0xd9, 0xd9, 0xd9);
const FONT: &str = "sans-serif";
/// Opacity of the 95% interval bands.
const BAND_ALPHA: f64 = 0.2;
/// Opacity of a faint ghost line (the run before the last change).
const FAINT_ALPHA: f64 = 0.35;

/// The window's device pixel ratio, within 1..=4 (1 outside a browser or if unknown).
pub fn device_pixel_ratio() -> f64 {
    let r = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
    if r.is_finite() {
        r.clamp(1.0, 4.0)
    } else {
        1.0
    }
}

/// A linear f64 axis whose ticks are exactly the ones [`x_axis`] / [`y_axis`] chose (plotters' own
/// `WithKeyPoints` has no value formatter, so the mesh cannot label it).
struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ticked {
    fn new(axis: &super::axes::Axis) -> Self {
        Ticked { inner: (axis.min..axis.max).into(), ticks: axis.ticks.clone() }
    }
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.inner.range()
    }
}

fn err(e: impl std::fmt::Debug) -> String {
    format!("chart drawing failed: {e:?}")
}

/// Sizes `canvas` to its CSS width (height from [`chart_css_height`], at least its `data-min-height`, or exactly
/// its `data-fill-height`) at the screen's pixel density and draws
/// `spec` on it. `scale` multiplies type and line widths (1.0 normal, about 1.4 in large-text mode).
/// Returns where the plotting area landed, to map mouse positions back to x values; never panics.
pub fn draw(canvas: &HtmlCanvasElement, spec: &ChartSpec, scale: f64) -> Result<PlotLayout, String> {
    let ratio = device_pixel_ratio();
    let scale = if scale.is_finite() { scale.clamp(0.5, 3.0) } else { 1.0 };
    let client = canvas.client_width();
    // Not laid out yet (or hidden): draw at a sensible size; a resize redraws once it is visible.
    let css_width = if client > 0 { f64::from(client) } else { 640.0 };
    // A chart may ask for more height (`data-min-height`, CSS pixels): the first screen's large charts do.
    let min_height = canvas.get_attribute("data-min-height").and_then(|h| h.parse::<f64>().ok()).unwrap_or(0.0);
    // Or exactly the height it is given (`data-fill-height`): presenting mode fills the screen with it.
    let fill = canvas.get_attribute("data-fill-height").and_then(|h| h.parse::<f64>().ok()).filter(|h| h.is_finite());
    let css_height = fill.map_or_else(|| chart_css_height(css_width, scale).max(min_height), |h| h.max(160.0));
    let style = canvas.unchecked_ref::<web_sys::HtmlElement>().style();
    style.set_property("height", &format!("{css_height}px")).map_err(err)?;
    canvas.set_width((css_width * ratio).round().max(1.0) as u32);
    canvas.set_height((css_height * ratio).round().max(1.0) as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the canvas has no 2D context")?;
    let root = backend.into_drawing_area();
    let layout = draw_on(&root, spec, ratio, scale)?;
    root.present().map_err(err)?;
    Ok(layout)
}

/// Draws on an already-sized canvas area; `ratio` is canvas pixels per CSS pixel.
fn draw_on(
    root: &DrawingArea<CanvasBackend, Shift>,
    spec: &ChartSpec,
    ratio: f64,
    scale: f64,
) -> Result<PlotLayout, String> {
    // Lengths: `len` for layout (density only), `big` for type and strokes (density × text scale).
    let len = |css: f64| (css * ratio).round().max(1.0) as i32;
    let big = |css: f64| (css * ratio * scale).round().max(1.0) as i32;
    let (width, height) = root.dim_in_pixel();
    root.fill(&WHITE).map_err(err)?;

    let tick_font = (FONT, big(15.0)).into_font().color(&INK);
    let desc_font = (FONT, big(16.0)).into_font().color(&INK);
    let legend_font = (FONT, big(16.0)).into_font().color(&INK);
    let margin = len(12.0);

    // Legend above the plot, wrapped into rows, so it never hides data.
    let sample = big(30.0);
    let sample_gap = big(8.0);
    let item_gap = big(24.0);
    let entries = legend_entries(spec);
    let mut widths = Vec::with_capacity(entries.len());
    let mut text_h = big(16.0);
    for s in &entries {
        let (w, h) = root.estimate_text_size(&s.label, &legend_font).map_err(err)?;
        text_h = text_h.max(h as i32);
        widths.push((sample + sample_gap) as u32 + w);
    }
    let rows = legend_rows(&widths, (width as i32 - 2 * margin).max(1) as u32, item_gap as u32);
    let line_h = (f64::from(text_h) * 1.35).round() as i32;
    let legend_h = if rows.is_empty() { 0 } else { margin + rows.len() as i32 * line_h };
    let (legend, plot) = root.split_vertically(legend_h);
    for (r, row) in rows.iter().enumerate() {
        let cy = margin + r as i32 * line_h + line_h / 2;
        let mut x = margin;
        for &i in row {
            let s = &entries[i];
            let colour = s.colour.map_or(INK, |c| {
                let (cr, cg, cb) = series_rgb(c);
                RGBColor(cr, cg, cb)
            });
            let (colour, stroke) =
                if s.faint { (colour.mix(FAINT_ALPHA), big(2.0)) } else { (colour.to_rgba(), big(3.0)) };
            if s.show_band {
                let half = (f64::from(line_h) * 0.3).round() as i32;
                legend
                    .draw(&Rectangle::new([(x, cy - half), (x + sample, cy + half)], colour.mix(BAND_ALPHA).filled()))
                    .map_err(err)?;
            }
            if s.dashed {
                let dash = big(8.0);
                let mut dx = 0;
                while dx < sample {
                    let end = (dx + dash).min(sample);
                    legend
                        .draw(&PathElement::new(vec![(x + dx, cy), (x + end, cy)], colour.stroke_width(stroke as u32)))
                        .map_err(err)?;
                    dx += dash + big(5.0);
                }
            } else {
                legend
                    .draw(&PathElement::new(vec![(x, cy), (x + sample, cy)], colour.stroke_width(stroke as u32)))
                    .map_err(err)?;
            }
            let text = legend_font.pos(Pos::new(HPos::Left, VPos::Center));
            legend.draw_text(&s.label, &text, (x + sample + sample_gap, cy)).map_err(err)?;
            x += widths[i] as i32 + item_gap;
        }
    }

    // Axes: ticks spaced for the space available at this text size.
    let plot_css_h = f64::from(height as i32 - legend_h) / ratio;
    let y_target = (plot_css_h / (70.0 * scale)).round().clamp(3.0, 8.0) as usize;
    let x_target = (f64::from(width) / ratio / (110.0 * scale)).round().clamp(2.0, 12.0) as usize;
    let xa = x_axis(spec, x_target);
    let ya = y_axis(spec, y_target);
    let y_step = ya.step();
    let fmt = spec.y_format;
    let y_labels: Vec<String> = ya.ticks.iter().map(|v| fmt.format_tick(*v, y_step)).collect();
    let mut tick_w = 0;
    let mut tick_h = big(15.0);
    for l in &y_labels {
        let (w, h) = root.estimate_text_size(l, &tick_font).map_err(err)?;
        tick_w = tick_w.max(w as i32);
        tick_h = tick_h.max(h as i32);
    }
    let (_, desc_h) = root.estimate_text_size(&spec.y_label, &desc_font).map_err(err)?;
    let desc_h = (desc_h as i32).max(big(16.0));
    // Room on the right for half the last x tick label.
    // Months ticked on whole years are labelled in years (the data, read-outs and tables stay in months).
    let in_years = spec.x_label == "Month" && xa.ticks.iter().all(|t| t % 12.0 == 0.0);
    let x_of = move |v: f64| if in_years { format_x(v / 12.0) } else { format_x(v) };
    let x_desc = if in_years { "Year" } else { spec.x_label.as_str() };
    let last_x = xa.ticks.last().map(|t| x_of(*t)).unwrap_or_default();
    let (last_w, _) = root.estimate_text_size(&last_x, &tick_font).map_err(err)?;

    let mut chart = ChartBuilder::on(&plot)
        .margin_top(len(14.0))
        .margin_left(margin)
        .margin_right((last_w as i32 / 2 + len(6.0)).max(len(16.0)))
        .margin_bottom(len(4.0))
        .x_label_area_size(tick_h + desc_h + big(18.0))
        .y_label_area_size(tick_w + desc_h + big(22.0))
        .build_cartesian_2d(Ticked::new(&xa), Ticked::new(&ya))
        .map_err(err)?;
    let x_fmt = |v: &f64| x_of(*v);
    let y_fmt = |v: &f64| fmt.format_tick(*v, y_step);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(GRID.stroke_width(len(1.0) as u32))
        .max_light_lines(0)
        .axis_style(INK.stroke_width(len(1.0) as u32))
        .x_labels(xa.ticks.len())
        .y_labels(ya.ticks.len())
        .x_label_formatter(&x_fmt)
        .y_label_formatter(&y_fmt)
        .label_style(tick_font.clone())
        .axis_desc_style(desc_font.clone())
        .x_desc(x_desc)
        .y_desc(spec.y_label.as_str())
        .draw()
        .map_err(err)?;

    // Bands first, so every line sits on top of every band.
    for s in spec.series.iter().filter(|s| s.show_band) {
        let (cr, cg, cb) = series_rgb(s.colour);
        // A point without a mean (a month not revealed yet) has no band either.
        let pts: Vec<_> = s
            .points
            .iter()
            .filter(|(x, e)| x.is_finite() && e.mean.is_finite() && e.lo.is_finite() && e.hi.is_finite())
            .collect();
        if pts.len() < 2 {
            continue;
        }
        let outline: Vec<(f64, f64)> =
            pts.iter().map(|(x, e)| (*x, e.lo)).chain(pts.iter().rev().map(|(x, e)| (*x, e.hi))).collect();
        chart
            .draw_series(std::iter::once(Polygon::new(outline, RGBColor(cr, cg, cb).mix(BAND_ALPHA).filled())))
            .map_err(err)?;
    }
    // Faint ghosts first, then dashed baselines under the solid lines, then the solid lines in order.
    let stroke = big(3.0) as u32;
    let faint = spec.series.iter().filter(|s| s.faint);
    let dashed = spec.series.iter().filter(|s| s.dashed && !s.faint);
    for s in faint.chain(dashed).chain(spec.series.iter().filter(|s| !s.dashed && !s.faint)) {
        let (cr, cg, cb) = series_rgb(s.colour);
        let colour = RGBColor(cr, cg, cb);
        let pts: Vec<(f64, f64)> =
            s.points.iter().filter(|(x, e)| x.is_finite() && e.mean.is_finite()).map(|(x, e)| (*x, e.mean)).collect();
        if pts.is_empty() {
            continue;
        }
        if s.faint {
            chart
                .draw_series(LineSeries::new(pts, colour.mix(FAINT_ALPHA).stroke_width(big(2.0) as u32)))
                .map_err(err)?;
        } else if s.dashed {
            let style = ShapeStyle { color: colour.to_rgba(), filled: false, stroke_width: stroke };
            chart.draw_series(DashedLineSeries::new(pts, big(10.0), big(7.0), style)).map_err(err)?;
        } else {
            chart.draw_series(LineSeries::new(pts, colour.stroke_width(stroke))).map_err(err)?;
        }
    }

    let (left, top) = chart.backend_coord(&(xa.min, ya.max));
    let (right, bottom) = chart.backend_coord(&(xa.max, ya.min));
    Ok(PlotLayout {
        ratio,
        px_x: (left, right),
        px_y: (top, bottom),
        x_range: (xa.min, xa.max),
        y_range: (ya.min, ya.max),
    })
}

/// The canvas with DOM id `id` as a PNG `data:` URL (for "export PNG"); `None` if there is no such canvas.
pub fn canvas_png_data_url(id: &str) -> Option<String> {
    let canvas = web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into::<HtmlCanvasElement>().ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}
