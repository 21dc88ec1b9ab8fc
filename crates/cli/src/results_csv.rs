//! The long-format results table of a sweep: one row per point, response and replicate, then a `mean` row
//! with its 95% interval. Columns: `point`, one per factor (its dotted key, the value applied), `replicate`
//! (0-based, or `mean`), `month` (the horizon for final-month responses, empty for totals), `group`
//! (a group, `all`, or empty for measures across groups), `quantity`, `value`, `lo`, `hi` (empty on
//! replicate rows). Not applicable is an empty value, never 0. Numbers in Rust's shortest round-trip form.

use rollout_engine::estimate::{t_critical, Estimate};
use rollout_engine::experiment::{Design, PointResult};

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

/// A CSV reader with the table's settings.
pub fn reader(text: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().has_headers(true).from_reader(text)
}

/// Reads the merged results table at `path` and calls `row(point, quantity, group, value)` for each
/// replicate row (mean rows skipped) whose quantity and group `wanted` accepts; `value` is `None` where the
/// cell is empty (not applicable). A missing column, a point outside `0..points` or a value that is not a
/// number is an error naming the file and the row. (`rollout analyse` and `rollout calibrate --results`.)
pub fn for_each_replicate_row(
    path: &std::path::Path,
    points: usize,
    wanted: impl Fn(&str, &str) -> bool,
    mut row: impl FnMut(usize, &str, &str, Option<f64>),
) -> Result<(), String> {
    let shown = path.display();
    let bytes =
        crate::input_file::read_text(path, rollout_engine::cost::MAX_RESULTS_BYTES, "results table")?.into_bytes();
    let mut reader = reader(&bytes);
    let headers = reader.headers().map_err(|e| format!("{shown}: {e}"))?.clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{shown}: no column \"{name}\"; is this a merged sweep?"))
    };
    let (point, replicate, group, quantity, value) =
        (column("point")?, column("replicate")?, column("group")?, column("quantity")?, column("value")?);
    for (line, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{shown}: {e}"))?;
        let field = |i: usize| record.get(i).unwrap_or("");
        if field(replicate) == "mean" || !wanted(field(quantity), field(group)) {
            continue;
        }
        let p: usize = field(point).parse().ok().filter(|&p| p < points).ok_or_else(|| {
            format!("{shown}: row {}: point \"{}\" is not one of the design's", line + 2, field(point))
        })?;
        let v = match field(value) {
            "" => None,
            text => Some(
                text.parse::<f64>()
                    .map_err(|_| format!("{shown}: row {}: value \"{text}\" is not a number", line + 2))?,
            ),
        };
        row(p, field(quantity), field(group), v);
    }
    Ok(())
}

fn number(x: Option<f64>) -> String {
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

/// The CSV text of a header and some points.
pub fn to_text(design: &Design, points: &[PointResult]) -> Result<String, String> {
    let mut w = writer(Vec::new());
    w.write_record(header(design)).map_err(|e| e.to_string())?;
    for p in points {
        write_point(&mut w, design, p)?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
