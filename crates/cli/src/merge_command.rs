//! `rollout merge DIR --out results.csv`: join a sweep folder's chunks into one table, in point order,
//! after checking that every point of the design is there exactly once. The bytes do not depend on how
//! many chunks ran, nor where. Beside the table, `results.sweep.json` keeps the design for `analyse`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::sweep_command::{parse_chunk_name, SweepRecord, RECORD};
use crate::{output_file, results_csv};

#[derive(Args, Debug)]
pub struct MergeArgs {
    /// The sweep folder.
    pub dir: PathBuf,
    /// The merged table (CSV), written whole or not at all; the design goes beside it as NAME.sweep.json.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// The design record kept beside a merged table: `results.csv` -> `results.sweep.json`.
pub fn record_beside(table: &Path) -> PathBuf {
    table.with_extension("sweep.json")
}

pub fn run(args: &MergeArgs) -> Result<(), String> {
    let dir = &args.dir;
    let record_path = dir.join(RECORD);
    let record_text = std::fs::read_to_string(&record_path)
        .map_err(|_| format!("{}: no {RECORD} here; is this a folder written by rollout sweep?", dir.display()))?;
    let record: SweepRecord = serde_json::from_str(&record_text)
        .map_err(|e| format!("{}: not a sweep record: {e}", record_path.display()))?;
    let design = &record.design;
    let header = results_csv::header(design);

    let mut chunks: Vec<(String, PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read the folder: {e}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            parse_chunk_name(&name).map(|_| (name, entry.path()))
        })
        .collect();
    chunks.sort();
    if chunks.is_empty() {
        return Err(format!("{}: no chunk files (chunk-i-of-N.csv); run rollout sweep first", dir.display()));
    }

    // Each point's rows, and the chunk file they came from.
    let mut rows: BTreeMap<usize, (String, Vec<csv::StringRecord>)> = BTreeMap::new();
    for (name, path) in &chunks {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let mut reader = results_csv::reader(&bytes);
        let found = reader.headers().map_err(|e| format!("{name}: {e}"))?.clone();
        if found.iter().ne(header.iter().map(String::as_str)) {
            return Err(format!("{name}: its columns are not this sweep's; it belongs to another design"));
        }
        for record in reader.records() {
            let record = record.map_err(|e| format!("{name}: {e}"))?;
            let point: usize = record
                .get(0)
                .and_then(|p| p.parse().ok())
                .filter(|&p| p < design.points.len())
                .ok_or_else(|| format!("{name}: a row's point is not one of the design's"))?;
            let entry = rows.entry(point).or_insert_with(|| (name.clone(), Vec::new()));
            if entry.0 != *name {
                return Err(format!("point {point} is duplicated: it is in {} and in {name}", entry.0));
            }
            entry.1.push(record);
        }
    }
    let missing: Vec<usize> = (0..design.points.len()).filter(|p| !rows.contains_key(p)).collect();
    if !missing.is_empty() {
        let shown: Vec<String> = missing.iter().take(10).map(|p| p.to_string()).collect();
        let more = if missing.len() > 10 { format!(" and {} more", missing.len() - 10) } else { String::new() };
        return Err(format!(
            "{}: {} of {} points are missing: {}{more}; run their chunks",
            dir.display(),
            missing.len(),
            design.points.len(),
            shown.join(", ")
        ));
    }
    let per_point = rows.values().next().map_or(0, |(_, r)| r.len());
    if let Some((p, _)) = rows.iter().find(|(_, (_, r))| r.len() != per_point) {
        return Err(format!("point {p} has a different number of rows from point 0; a chunk is damaged"));
    }

    let mut w = results_csv::writer(Vec::new());
    w.write_record(&header).map_err(|e| e.to_string())?;
    for (_, records) in rows.values() {
        for r in records {
            w.write_record(r).map_err(|e| e.to_string())?;
        }
    }
    let text = String::from_utf8(w.into_inner().map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    output_file::write_atomically(&record_beside(&args.out), &record_text)?;
    output_file::write_atomically(&args.out, &text)?;
    eprintln!("{} points from {} chunks in {}", design.points.len(), chunks.len(), args.out.display());
    Ok(())
}
