//! `rollout sweep design.json [--preset NAME | SCENARIO] --chunk i/N --out DIR`: run points i, i + N,
//! i + 2N... of a design and write them to `DIR/chunk-i-of-N.csv`, whole or not at all. A chunk already in
//! `DIR` is skipped, so a killed or pre-empted sweep resumes where it stopped. Without `--chunk`, every
//! chunk of `--chunks N` (default 1) runs in turn.
//!
//! `DIR/sweep.json` records the design and the scenario; a later chunk with another design or scenario is
//! refused, so one folder never mixes two experiments.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rollout_engine::experiment::{chunk_points, run_points, Design};
use rollout_engine::scenario::set_dotted;
use rollout_engine::Scenario;
use serde::{Deserialize, Serialize};

use crate::{output_file, results_csv, scenario_source};

#[derive(Args, Debug)]
pub struct SweepArgs {
    /// The design file (from `rollout design`).
    pub design: PathBuf,
    /// Scenario JSON file (default: the heart-monitoring preset).
    pub file: Option<PathBuf>,
    /// Start from a preset instead of a file.
    #[arg(long, conflicts_with = "file")]
    pub preset: Option<String>,
    /// Change one field of the scenario before the design applies: --set KEY=VALUE (repeatable).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Replicates per point (default: the scenario's).
    #[arg(long, value_name = "R")]
    pub replicates: Option<u32>,
    /// Run only chunk i of N (0-based): points i, i + N, i + 2N...
    #[arg(long, value_name = "i/N", conflicts_with = "chunks")]
    pub chunk: Option<String>,
    /// Without --chunk: run all N chunks in turn (default 1).
    #[arg(long, value_name = "N")]
    pub chunks: Option<usize>,
    /// The results folder (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// What a sweep folder holds besides its chunks.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepRecord {
    pub design: Design,
    pub scenario: Scenario,
}

/// Name of the record file in a sweep folder.
pub const RECORD: &str = "sweep.json";

/// The file name of chunk `i` of `n`.
pub fn chunk_name(i: usize, n: usize) -> String {
    format!("chunk-{i:05}-of-{n:05}.csv")
}

/// `(i, n)` from a chunk file name.
pub fn parse_chunk_name(name: &str) -> Option<(usize, usize)> {
    let (i, n) = name.strip_prefix("chunk-")?.strip_suffix(".csv")?.split_once("-of-")?;
    Some((i.parse().ok()?, n.parse().ok()?))
}

pub fn run(args: &SweepArgs) -> Result<(), String> {
    let design_text =
        crate::input_file::read_text(&args.design, rollout_engine::cost::MAX_DESIGN_BYTES, "design file")?;
    let design = Design::from_json(&design_text).map_err(|e| format!("{}: {e}", args.design.display()))?;
    let scenario = scenario(args)?;
    design.check(&scenario).map_err(|e| format!("{}: {e}", args.design.display()))?;
    let points = design.points.len();
    let (chunks, n) = match (&args.chunk, args.chunks) {
        (Some(spec), _) => {
            let (i, n) = parse_chunk(spec, points)?;
            (vec![i], n)
        }
        (None, n) => {
            let n = n.unwrap_or(1);
            if n == 0 || n > points {
                return Err(format!("--chunks {n}: allowed 1 to {points} (the design's points)"));
            }
            ((0..n).collect(), n)
        }
    };
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: cannot create the folder: {e}", args.out.display()))?;
    claim_folder(&args.out, &design, &scenario)?;
    for i in chunks {
        run_chunk(&args.out, &design, &scenario, i, n)?;
    }
    Ok(())
}

fn scenario(args: &SweepArgs) -> Result<Scenario, String> {
    let mut scenario = match (&args.file, &args.preset) {
        (Some(path), _) => scenario_source::file(path)?,
        (None, Some(name)) => scenario_source::preset(name)?,
        (None, None) => scenario_source::preset(rollout_engine::presets::DEFAULT)?,
    };
    for assignment in &args.set {
        let (key, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("--set {assignment}: expected KEY=VALUE, e.g. --set levers.subsidy.level=0.8"))?;
        scenario = set_dotted(&scenario, key.trim(), value.trim()).map_err(|e| format!("--set {assignment}: {e}"))?;
    }
    if let Some(r) = args.replicates {
        scenario.replicates = r;
    }
    scenario.validate().map_err(|e| e.to_string())?;
    Ok(scenario)
}

/// `i/N` with 0 <= i < N <= points.
fn parse_chunk(spec: &str, points: usize) -> Result<(usize, usize), String> {
    let bad = |m: String| format!("--chunk {spec}: {m}");
    let (i, n) = spec.split_once('/').ok_or_else(|| bad("expected i/N, e.g. --chunk 0/7".into()))?;
    let i: usize = i.trim().parse().map_err(|_| bad(format!("\"{i}\" is not a chunk number")))?;
    let n: usize = n.trim().parse().map_err(|_| bad(format!("\"{n}\" is not a number of chunks")))?;
    if n == 0 || n > points {
        return Err(bad(format!("{n} chunks; allowed 1 to {points} (the design's points)")));
    }
    if i >= n {
        return Err(bad(format!("chunk {i} is out of range; chunks are 0 to {}", n - 1)));
    }
    Ok((i, n))
}

/// Write `DIR/sweep.json`, or check that the one there is for this design and scenario.
fn claim_folder(dir: &Path, design: &Design, scenario: &Scenario) -> Result<(), String> {
    let path = dir.join(RECORD);
    let record = SweepRecord { design: design.clone(), scenario: scenario.clone() };
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let there: SweepRecord =
                serde_json::from_str(&text).map_err(|e| format!("{}: not a sweep record: {e}", path.display()))?;
            if there.design != record.design {
                return Err(format!(
                    "{}: this folder holds a sweep of another design; use a new folder",
                    dir.display()
                ));
            }
            if there.scenario != record.scenario {
                return Err(format!(
                    "{}: this folder holds a sweep of another scenario; use a new folder",
                    dir.display()
                ));
            }
            Ok(())
        }
        Err(_) => {
            let text = serde_json::to_string_pretty(&record).map_err(|e| e.to_string())?;
            output_file::write_atomically(&path, &format!("{text}\n"))
        }
    }
}

fn run_chunk(dir: &Path, design: &Design, scenario: &Scenario, i: usize, n: usize) -> Result<(), String> {
    let name = chunk_name(i, n);
    let path = dir.join(&name);
    if path.exists() {
        eprintln!("{name}: already done, skipped");
        return Ok(());
    }
    remove_stale_partials(dir, &name);
    let indices = chunk_points(design.points.len(), i, n);
    let bar =
        if std::io::stderr().is_terminal() { ProgressBar::new(indices.len() as u64) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} points, {eta} left").expect("the template is valid"),
    );
    bar.set_message(format!("chunk {i}/{n}:"));
    let started = std::time::Instant::now();
    let results = run_points(design, scenario, &indices, &|| bar.inc(1)).map_err(|e| e.to_string())?;
    bar.finish_and_clear();
    let text = results_csv::to_text(design, &results)?;
    output_file::write_atomically(&path, &text)?;
    eprintln!("{name}: {} points in {:.2} s", indices.len(), started.elapsed().as_secs_f64());
    Ok(())
}

/// Remove what a killed run of this chunk left half-written (`.NAME.PID.partial`, see `output_file`).
fn remove_stale_partials(dir: &Path, name: &str) {
    let prefix = format!(".{name}.");
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            if file.starts_with(&prefix) && file.ends_with(".partial") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}
