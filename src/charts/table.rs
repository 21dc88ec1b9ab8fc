//! The data table under a chart and its CSV / TSV text for spreadsheets.

use super::spec::{value_at, x_values, ChartSpec};
use crate::format::format_x;

/// The data table: headers (x label, then one column per series) and one row per x; each cell is
/// "mean (95% interval)" as in [`ValueFormat::format_estimate`](crate::format::ValueFormat::format_estimate),
/// "–" where a series has no value.
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
/// upper 95% bound as plain numbers (see [`ValueFormat::format_plain`](crate::format::ValueFormat::format_plain));
/// one line per x, `\n` line ends.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fixtures::{est, spec};

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
}
