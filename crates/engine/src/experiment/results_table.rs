//! The long-format results table of a sweep: one row per point, response and replicate, then a `mean` row
//! with its 95% interval. Columns: `point`, one per factor (its dotted key, the value applied), `replicate`
//! (0-based, or `mean`), `month` (the horizon for final-month responses, empty for totals), `group`
//! (a group, `all`, or empty for measures across groups), `quantity`, `value`, `lo`, `hi` (empty on
//! replicate rows). Not applicable is an empty value, never 0. Numbers in Rust's shortest round-trip form.
//!
//! `rollout sweep` writes it, `rollout merge` joins chunks of it, and the browser's experiments export it:
//! one writer, so the same design and seed give the same bytes everywhere.

use super::design::Design;
use super::sweep::PointResult;
use crate::estimate::{t_critical, Estimate};

/// The header row.
pub fn header(design: &Design) -> Vec<String> {
    let mut columns = vec!["point".to_string()];
    columns.extend(design.factors.iter().map(|f| f.key.clone()));
    columns.extend(["replicate", "month", "group", "quantity", "value", "lo", "hi"].map(String::from));
    columns
}

/// A CSV writer with the table's settings (`\n` line ends, quoting only where needed).
pub fn writer(out: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out)
}

/// A number in the table: Rust's shortest round-trip form, empty when absent or not finite (not applicable).
pub fn number(x: Option<f64>) -> String {
    x.filter(|v| v.is_finite()).map(|v| format!("{v}")).unwrap_or_default()
}

/// Append the rows of one point.
pub fn write_point(w: &mut csv::Writer<Vec<u8>>, design: &Design, point: &PointResult) -> Result<(), String> {
    let mut lead = vec![point.point.to_string()];
    lead.extend(point.factor_values.iter().map(|&v| number(Some(v))));
    for (response, values) in design.responses.iter().zip(&point.values) {
        let month = if response.is_final_month() { point.month.to_string() } else { String::new() };
        let group = response.group().unwrap_or("").to_string();
        let quantity = response.quantity_name();
        let row = |replicate: String, value: String, lo: String, hi: String| {
            let mut row = lead.clone();
            row.extend([replicate, month.clone(), group.clone(), quantity.clone(), value, lo, hi]);
            row
        };
        for (r, v) in values.iter().enumerate() {
            w.write_record(row(r.to_string(), number(*v), String::new(), String::new())).map_err(|e| e.to_string())?;
        }
        let applicable: Vec<f64> = values.iter().flatten().copied().collect();
        let summary =
            (!applicable.is_empty()).then(|| Estimate::from_samples(&applicable, t_critical(applicable.len())));
        w.write_record(row(
            "mean".into(),
            number(summary.map(|e| e.mean)),
            number(summary.map(|e| e.lo)),
            number(summary.map(|e| e.hi)),
        ))
        .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The CSV text of a header and some points (in the order given).
pub fn to_text(design: &Design, points: &[PointResult]) -> Result<String, String> {
    let mut w = writer(Vec::new());
    w.write_record(header(design)).map_err(|e| e.to_string())?;
    for p in points {
        write_point(&mut w, design, p)?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
