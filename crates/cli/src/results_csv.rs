//! Reading the long-format results table of a sweep (written by the engine's
//! [`rollout_engine::experiment::results_table`], which documents its columns).

pub use rollout_engine::experiment::results_table::{header, to_text, writer};

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
