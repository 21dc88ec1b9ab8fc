//! What a chart shows, as plain data: series of estimates with 95% intervals, how values are written,
//! axis ranges and ticks, the pixel mapping kept for hover read-outs, and the data-table / CSV text.
//!
//! No web types here, so everything is unit-tested natively (`cargo test -p rollout-lab --lib charts`).

use std::cmp::Ordering;

pub use rollout_engine::estimate::Estimate;

/// The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008), in its usual order:
/// blue, orange, bluish green, reddish purple, sky blue, vermillion, yellow, black.
pub const OKABE_ITO: [(u8, u8, u8); 8] = [
    (0x00, 0x72, 0xB2),
    (0xE6, 0x9F, 0x00),
    (0x00, 0x9E, 0x73),
    (0xCC, 0x79, 0xA7),
    (0x56, 0xB4, 0xE9),
    (0xD5, 0x5E, 0x00),
    (0xF0, 0xE4, 0x42),
    (0x00, 0x00, 0x00),
];

/// The colours lines are drawn in: Okabe–Ito without the yellow, which is too faint on white (and on
/// projectors). [`ChartSeries::colour`] indexes this list, wrapping round after seven.
pub const LINE_PALETTE: [(u8, u8, u8); 7] =
    [OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[2], OKABE_ITO[3], OKABE_ITO[4], OKABE_ITO[5], OKABE_ITO[7]];

/// The RGB colour of palette index `colour` (deterministic: the same group index always gets the same colour).
pub fn series_rgb(colour: usize) -> (u8, u8, u8) {
    LINE_PALETTE[colour % LINE_PALETTE.len()]
}

/// The CSS hex string (`#0072B2`) of palette index `colour`, for HTML swatches.
pub fn series_css(colour: usize) -> String {
    let (r, g, b) = series_rgb(colour);
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// How the values of a chart's y axis are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueFormat {
    /// A fraction shown as a percentage: 0.1234 → "12.3%".
    Percent,
    /// A plain number with this many decimals and thousands separators: "1,234.5".
    Number { decimals: usize },
    /// Pounds sterling, whole pounds: "£12,345".
    Currency,
}

/// The minus sign used in displayed numbers (U+2212; screen readers say "minus").
const MINUS: &str = "\u{2212}";

impl ValueFormat {
    /// A value as shown to people: "12.3%", "1,234.5", "£12,345"; "n/a" when not finite.
    pub fn format(self, value: f64) -> String {
        match self {
            _ if !value.is_finite() => "n/a".into(),
            ValueFormat::Percent => format!("{}%", grouped(value * 100.0, 1)),
            ValueFormat::Number { decimals } => grouped(value, decimals),
            ValueFormat::Currency => money(value, 0),
        }
    }

    /// A mean with its 95% interval: "12.3% (11.8–12.9%)", "£1,200 (£1,100–£1,300)", "4.2 (3.9–4.5)".
    /// When the interval is a single value (one replicate) only the mean is shown.
    pub fn format_estimate(self, e: &Estimate) -> String {
        let mean = self.format(e.mean);
        if self.format(e.lo) == mean && self.format(e.hi) == mean {
            return mean;
        }
        let (lo, hi) = match self {
            ValueFormat::Percent => (grouped(e.lo * 100.0, 1), self.format(e.hi)),
            _ => (self.format(e.lo), self.format(e.hi)),
        };
        format!("{mean} ({lo}\u{2013}{hi})")
    }

    /// An axis tick label: as many decimals as the tick spacing `step` needs (so 0.05 → "5%", 0.025 → "2.5%").
    pub fn format_tick(self, value: f64, step: f64) -> String {
        match self {
            ValueFormat::Percent => {
                let d = decimals_for(step * 100.0).max(decimals_for(value * 100.0).min(2));
                format!("{}%", grouped(value * 100.0, d))
            }
            ValueFormat::Number { .. } => {
                let d = decimals_for(step).max(decimals_for(value).min(3));
                grouped(value, d)
            }
            ValueFormat::Currency => {
                let d = if step >= 1.0 { 0 } else { decimals_for(step).min(2) };
                money(value, d)
            }
        }
    }

    /// A value for a CSV/TSV cell: no unit, no thousands separator, ASCII minus; percentages as percent
    /// (12.345), with a couple more decimals than the display so spreadsheets keep the precision.
    pub fn format_plain(self, value: f64) -> String {
        if !value.is_finite() {
            return String::new();
        }
        let (v, d) = match self {
            ValueFormat::Percent => (value * 100.0, 3),
            ValueFormat::Number { decimals } => (value, decimals + 2),
            ValueFormat::Currency => (value, 2),
        };
        let s = format!("{:.*}", d, v);
        if s.trim_start_matches('-').chars().all(|c| c == '0' || c == '.') {
            format!("{:.*}", d, 0.0)
        } else {
            s
        }
    }

    /// The unit of [`ValueFormat::format_plain`] values, for CSV headers: "%", "£" or "".
    pub fn plain_unit(self) -> &'static str {
        match self {
            ValueFormat::Percent => "%",
            ValueFormat::Number { .. } => "",
            ValueFormat::Currency => "£",
        }
    }
}

/// The fewest decimals (0..=6) that write `step` exactly (to 1e-6 relative): 5 → 0, 0.5 → 1, 2.5 → 1, 0.25 → 2.
fn decimals_for(step: f64) -> usize {
    let step = step.abs();
    if !step.is_finite() || step == 0.0 {
        return 0;
    }
    (0..=6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() <= 1e-6 * scaled.max(1.0)
        })
        .unwrap_or(6)
}

/// `value` rounded to `decimals`, with thousands separators and a proper minus sign; "n/a" if not finite.
fn grouped(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "n/a".into();
    }
    let s = format!("{:.*}", decimals, value.abs());
    let negative = value < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0');
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + 4);
    if negative {
        out.push_str(MINUS);
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// "£12,345", "−£1,200"; "n/a" if not finite.
fn money(value: f64, decimals: usize) -> String {
    let g = grouped(value, decimals);
    match g.strip_prefix(MINUS) {
        Some(rest) => format!("{MINUS}£{rest}"),
        None if g == "n/a" => g,
        None => format!("£{g}"),
    }
}

/// An x value as written in labels and tables: whole numbers without decimals ("37"), others to 2 dp.
pub fn format_x(x: f64) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    if (x - x.round()).abs() < 1e-9 {
        grouped(x.round(), 0).replace(',', "")
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One line on a chart: a mean per x with its 95% interval.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    pub label: String,
    /// Index into [`LINE_PALETTE`] (wraps round).
    pub colour: usize,
    /// (x, estimate), in increasing x.
    pub points: Vec<(f64, Estimate)>,
    /// Drawn dashed: a baseline / comparator.
    pub dashed: bool,
    /// Draw the translucent 95% interval band.
    pub show_band: bool,
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
fn value_at(series: &ChartSeries, x: f64) -> Option<&Estimate> {
    series.points.iter().find(|p| p.0.total_cmp(&x) == Ordering::Equal).map(|p| &p.1)
}

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

/// The hover read-out for x value `x`: "Month 37 — Q1: 12.3% (11.8–12.9%) · Q2: 10.1% (9.5–10.8%)".
pub fn readout(spec: &ChartSpec, x: f64) -> String {
    let parts: Vec<String> = spec
        .series
        .iter()
        .filter_map(|s| value_at(s, x).map(|e| format!("{}: {}", s.label, spec.y_format.format_estimate(e))))
        .collect();
    format!("{} {} \u{2014} {}", spec.x_label, format_x(x), parts.join(" \u{b7} "))
}

/// A sentence for the canvas's aria-label: what is plotted, the series, and the values at the last x.
pub fn describe(spec: &ChartSpec) -> String {
    let xs = x_values(spec);
    let mut s = format!("Line chart: {}. {} by {}", spec.title, spec.y_label, spec.x_label.to_lowercase());
    if let (Some(a), Some(b)) = (xs.first(), xs.last()) {
        s.push_str(&format!(" from {} to {}", format_x(*a), format_x(*b)));
    }
    s.push('.');
    if !spec.series.is_empty() {
        let names: Vec<String> = spec
            .series
            .iter()
            .map(|x| if x.dashed { format!("{} (dashed)", x.label) } else { x.label.clone() })
            .collect();
        s.push_str(&format!(" {} series: {}.", spec.series.len(), names.join(", ")));
    }
    if spec.series.iter().any(|x| x.show_band) {
        s.push_str(" Shaded bands are 95% intervals.");
    }
    if let Some(&last) = xs.last() {
        s.push_str(&format!(" At the end, {}.", readout(spec, last)));
    }
    s.push_str(" The data table below the chart has every value.");
    s
}

/// The data table: headers (x label, then one column per series) and one row per x; each cell is
/// "mean (95% interval)" as in [`ValueFormat::format_estimate`], "–" where a series has no value.
pub fn table(spec: &ChartSpec) -> (Vec<String>, Vec<Vec<String>>) {
    let mut headers = vec![spec.x_label.clone()];
    headers.extend(spec.series.iter().map(|s| s.label.clone()));
    let rows = x_values(spec)
        .into_iter()
        .map(|x| {
            let mut row = vec![format_x(x)];
            row.extend(spec.series.iter().map(|s| match value_at(s, x) {
                Some(e) => spec.y_format.format_estimate(e),
                None => "\u{2013}".into(),
            }));
            row
        })
        .collect();
    (headers, rows)
}

/// Above this many rows the on-page table is thinned (the copy text always has every row).
pub const FULL_TABLE_MAX_ROWS: usize = 40;

/// Which rows of the table (indices into `xs`, the table's x values) to show on the page: all of them
/// up to [`FULL_TABLE_MAX_ROWS`]; beyond, the first, every 12th month (whole x divisible by 12, or every
/// 12th row when x is not whole) and the last.
pub fn shown_rows(xs: &[f64]) -> Vec<usize> {
    if xs.len() <= FULL_TABLE_MAX_ROWS {
        return (0..xs.len()).collect();
    }
    let integral = xs.iter().all(|x| (x - x.round()).abs() < 1e-9);
    let mut rows: Vec<usize> = (0..xs.len())
        .filter(|&i| {
            i == 0 || i == xs.len() - 1 || if integral { (xs[i].round() as i64) % 12 == 0 } else { i % 12 == 0 }
        })
        .collect();
    rows.dedup();
    rows
}

/// Separator for [`copy_text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    Tab,
}

/// Every value of the chart as CSV or TSV text for a spreadsheet: x, then per series its mean, lower and
/// upper 95% bound as plain numbers (see [`ValueFormat::format_plain`]); one line per x, `\n` line ends.
pub fn copy_text(spec: &ChartSpec, delimiter: Delimiter) -> String {
    let unit = spec.y_format.plain_unit();
    let unit = if unit.is_empty() { String::new() } else { format!(" ({unit})") };
    let mut headers = vec![spec.x_label.clone()];
    for s in &spec.series {
        headers.push(format!("{} mean{unit}", s.label));
        headers.push(format!("{} lower 95%{unit}", s.label));
        headers.push(format!("{} upper 95%{unit}", s.label));
    }
    let cell = |text: &str| -> String {
        match delimiter {
            Delimiter::Comma if text.contains([',', '"', '\n', '\r']) => format!("\"{}\"", text.replace('"', "\"\"")),
            Delimiter::Comma => text.to_string(),
            Delimiter::Tab => text.replace(['\t', '\n', '\r'], " "),
        }
    };
    let sep = match delimiter {
        Delimiter::Comma => ",",
        Delimiter::Tab => "\t",
    };
    let mut out = headers.iter().map(|h| cell(h)).collect::<Vec<_>>().join(sep);
    out.push('\n');
    let f = spec.y_format;
    for x in x_values(spec) {
        let mut row = vec![format_x(x)];
        for s in &spec.series {
            match value_at(s, x) {
                Some(e) => row.extend([f.format_plain(e.mean), f.format_plain(e.lo), f.format_plain(e.hi)]),
                None => row.extend([String::new(), String::new(), String::new()]),
            }
        }
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(sep));
        out.push('\n');
    }
    out
}

/// CSS height of the chart for a CSS width and text scale: a wide 0.55 aspect ratio within
/// 280–520 px, taller in large-text mode (more room for the larger labels); whole pixels.
pub fn chart_css_height(css_width: f64, scale: f64) -> f64 {
    let scale = if scale.is_finite() { scale.clamp(0.5, 3.0) } else { 1.0 };
    let width = if css_width.is_finite() { css_width } else { 640.0 };
    ((width * 0.55).clamp(280.0, 520.0) * (1.0 + (scale - 1.0).max(0.0) * 0.5)).round()
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

    fn est(mean: f64, lo: f64, hi: f64) -> Estimate {
        Estimate { mean, lo, hi }
    }

    fn spec(n: usize) -> ChartSpec {
        let series = |label: &str, colour, k: f64, dashed| ChartSeries {
            label: label.into(),
            colour,
            points: (0..n)
                .map(|m| (m as f64, est(k * m as f64 / 100.0, k * m as f64 / 100.0 * 0.9, k * m as f64 / 100.0 * 1.1)))
                .collect(),
            dashed,
            show_band: true,
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

    #[test]
    fn formats_values() {
        assert_eq!(ValueFormat::Percent.format(0.1234), "12.3%");
        assert_eq!(ValueFormat::Percent.format(0.0), "0.0%");
        assert_eq!(ValueFormat::Percent.format(-0.00001), "0.0%", "no negative zero");
        assert_eq!(ValueFormat::Percent.format(-0.051), "\u{2212}5.1%");
        assert_eq!(ValueFormat::Percent.format(f64::NAN), "n/a");
        assert_eq!(ValueFormat::Number { decimals: 1 }.format(1234.56), "1,234.6");
        assert_eq!(ValueFormat::Number { decimals: 0 }.format(999.4), "999");
        assert_eq!(ValueFormat::Number { decimals: 2 }.format(1234567.0), "1,234,567.00");
        assert_eq!(ValueFormat::Currency.format(12345.4), "£12,345");
        assert_eq!(ValueFormat::Currency.format(-1200.0), "\u{2212}£1,200");
        assert_eq!(ValueFormat::Currency.format(0.2), "£0");
        assert_eq!(ValueFormat::Currency.format(f64::INFINITY), "n/a");
    }

    #[test]
    fn formats_estimates_with_intervals() {
        assert_eq!(ValueFormat::Percent.format_estimate(&est(0.123, 0.118, 0.129)), "12.3% (11.8\u{2013}12.9%)");
        assert_eq!(
            ValueFormat::Currency.format_estimate(&est(1200.0, 1100.0, 1300.0)),
            "£1,200 (£1,100\u{2013}£1,300)"
        );
        assert_eq!(ValueFormat::Number { decimals: 1 }.format_estimate(&est(4.2, 3.9, 4.5)), "4.2 (3.9\u{2013}4.5)");
        // One replicate: the interval is the value, so just the value.
        assert_eq!(ValueFormat::Percent.format_estimate(&est(0.5, 0.5, 0.5)), "50.0%");
    }

    #[test]
    fn tick_labels_use_the_decimals_the_step_needs() {
        assert_eq!(ValueFormat::Percent.format_tick(0.05, 0.05), "5%");
        assert_eq!(ValueFormat::Percent.format_tick(0.025, 0.025), "2.5%");
        assert_eq!(ValueFormat::Percent.format_tick(0.3, 0.1), "30%");
        assert_eq!(ValueFormat::Number { decimals: 3 }.format_tick(2000.0, 500.0), "2,000");
        assert_eq!(ValueFormat::Number { decimals: 0 }.format_tick(0.2, 0.1), "0.2");
        assert_eq!(ValueFormat::Currency.format_tick(50000.0, 10000.0), "£50,000");
    }

    #[test]
    fn plain_values_for_spreadsheets() {
        assert_eq!(ValueFormat::Percent.format_plain(0.12345), "12.345");
        assert_eq!(ValueFormat::Percent.format_plain(-0.0000001), "0.000");
        assert_eq!(ValueFormat::Currency.format_plain(-1234.5), "-1234.50");
        assert_eq!(ValueFormat::Number { decimals: 1 }.format_plain(2.0), "2.000");
        assert_eq!(ValueFormat::Number { decimals: 1 }.format_plain(f64::NAN), "");
    }

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
    fn readout_and_description() {
        let s = spec(121);
        let r = readout(&s, 37.0);
        assert_eq!(r, "Month 37 \u{2014} Q1: 18.5% (16.7\u{2013}20.4%) \u{b7} Baseline: 11.1% (10.0\u{2013}12.2%)");
        let d = describe(&s);
        assert!(d.starts_with("Line chart: Uptake. Active use (% of eligible) by month from 0 to 120."), "{d}");
        assert!(d.contains("2 series: Q1, Baseline (dashed)."), "{d}");
        assert!(d.contains("Month 120"), "{d}");
    }

    #[test]
    fn table_model() {
        let s = spec(3);
        let (headers, rows) = table(&s);
        assert_eq!(headers, vec!["Month", "Q1", "Baseline"]);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], vec!["0", "0.0%", "0.0%"]);
        assert_eq!(rows[2], vec!["2", "1.0% (0.9\u{2013}1.1%)", "0.6% (0.5\u{2013}0.7%)"]);
        // A series missing an x gets a dash; x values are the union.
        let mut s = spec(3);
        s.series[1].points.remove(1);
        s.series[1].points.push((3.0, est(0.1, 0.1, 0.1)));
        let (_, rows) = table(&s);
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[1][2], "\u{2013}");
        assert_eq!(rows[3], vec!["3", "\u{2013}", "10.0%"]);
    }

    #[test]
    fn thinned_rows() {
        let xs: Vec<f64> = (0..=120).map(f64::from).collect();
        let r = shown_rows(&xs);
        assert_eq!(r, vec![0, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120]);
        let xs: Vec<f64> = (1..=50).map(f64::from).collect();
        assert_eq!(shown_rows(&xs), vec![0, 11, 23, 35, 47, 49], "months 1, 12, 24, 36, 48 and the last, 50");
        let xs: Vec<f64> = (0..30).map(f64::from).collect();
        assert_eq!(shown_rows(&xs).len(), 30);
        let xs: Vec<f64> = (0..50).map(|i| i as f64 * 0.5).collect();
        assert_eq!(shown_rows(&xs), vec![0, 12, 24, 36, 48, 49]);
    }

    #[test]
    fn csv_and_tsv() {
        let mut s = spec(2);
        s.series[0].label = "Q1, \"fast\"".into();
        let csv = copy_text(&s, Delimiter::Comma);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(
            lines[0],
            "Month,\"Q1, \"\"fast\"\" mean (%)\",\"Q1, \"\"fast\"\" lower 95% (%)\",\"Q1, \"\"fast\"\" upper 95% (%)\",Baseline mean (%),Baseline lower 95% (%),Baseline upper 95% (%)"
        );
        assert_eq!(lines[2], "1,0.500,0.450,0.550,0.300,0.270,0.330");
        let tsv = copy_text(&s, Delimiter::Tab);
        assert_eq!(tsv.lines().nth(2).unwrap(), "1\t0.500\t0.450\t0.550\t0.300\t0.270\t0.330");
        assert!(tsv.lines().next().unwrap().starts_with("Month\tQ1, \"fast\" mean (%)\t"));
    }

    #[test]
    fn palette_is_okabe_ito_without_yellow_and_wraps() {
        assert_eq!(series_rgb(0), (0, 114, 178));
        assert_eq!(series_css(1), "#E69F00");
        assert_eq!(series_rgb(6), (0, 0, 0));
        assert_eq!(series_rgb(7), series_rgb(0));
        assert!(!LINE_PALETTE.contains(&(0xF0, 0xE4, 0x42)));
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
}
