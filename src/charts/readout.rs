//! Charts in words: the hover / keyboard read-out and the canvas's description for screen readers.

use super::spec::{value_at, x_values, ChartSpec};
use crate::format::format_x;

/// The hover read-out for x value `x`: "Month 37 — Q1: 12.3% (11.8–12.9%) · Q2: 10.1% (9.5–10.8%)".
pub fn readout(spec: &ChartSpec, x: f64) -> String {
    let (head, parts) = readout_parts(spec, x);
    format!("{head}{}", parts.join(READOUT_SEPARATOR))
}

/// Between the series of a read-out.
pub const READOUT_SEPARATOR: &str = " \u{b7} ";

/// [`readout`] in pieces, for the page to keep each series' value on one line: the head ("Month 37 — ") and
/// one "label: estimate" per series with a value at `x`.
pub fn readout_parts(spec: &ChartSpec, x: f64) -> (String, Vec<String>) {
    let parts = spec
        .series
        .iter()
        .filter_map(|s| value_at(s, x).map(|e| format!("{}: {}", s.label, spec.y_format.format_estimate(e))))
        .collect();
    (format!("{} {} \u{2014} ", spec.x_label, format_x(x)), parts)
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
            .map(|x| {
                if x.dashed {
                    format!("{} (dashed)", x.label)
                } else if x.faint {
                    format!("{} (faint)", x.label)
                } else {
                    x.label.clone()
                }
            })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fixtures::spec;

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
}
