//! `rollout calibrate TARGETS [--preset NAME | SCENARIO] --fit KEY=LOW:HIGH ... [--budget RUNS] [--out DIR]`:
//! fit a scenario's inputs to published figures. A Latin hypercube search over the fit ranges, then
//! approximate Bayesian computation by rejection; writes `DIR/calibrated.json` (the scenario at the best
//! accepted point), `DIR/accepted.csv` (the accepted parameter sets, best first) and `DIR/fit.md` and
//! `DIR/fit.json` (the fit report, also printed).
//!
//! On a cluster: `--design-only` writes `DIR/design.json` and `DIR/scenario.json` for `rollout sweep`;
//! after `rollout merge`, `--results merged.csv` finishes the calibration from the merged table (its design
//! and scenario are read from the record beside it).

use std::fmt::Write;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::Args;
use rollout_engine::calibrate::{self, Calibration, Targets};
use rollout_engine::experiment::{Design, Factor};
use rollout_engine::Scenario;

use crate::merge_command::record_beside;
use crate::sweep_command::SweepRecord;
use crate::{output_file, results_csv, scenario_source};

#[derive(Args, Debug)]
pub struct CalibrateArgs {
    /// The targets file (JSON; see data/targets/).
    pub targets: PathBuf,
    /// Scenario JSON file (default: the targets file's preset, else the heart-monitoring preset).
    pub file: Option<PathBuf>,
    /// Start from a preset instead of a file.
    #[arg(long, conflicts_with = "file")]
    pub preset: Option<String>,
    /// A field to fit, by its --set path, and its prior range, e.g. groups.list.0.trust=0.2:0.6
    /// (repeatable).
    #[arg(long = "fit", value_name = "KEY=LOW:HIGH")]
    pub fit: Vec<String>,
    /// Runs to spend: points of the search, each with the scenario's replicates.
    #[arg(long, value_name = "RUNS", default_value_t = 100)]
    pub budget: u32,
    /// Seed of the search's placement.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// People simulated at each point (default: the scenario's).
    #[arg(long, value_name = "N")]
    pub agents: Option<u32>,
    /// Replicates at each point (default: the scenario's).
    #[arg(long, value_name = "R")]
    pub replicates: Option<u32>,
    /// Only write the search design and scenario into DIR, for `rollout sweep`.
    #[arg(long, conflicts_with = "results")]
    pub design_only: bool,
    /// Fit nothing: print how well the scenario as it is meets each target (writes nothing).
    #[arg(long, conflicts_with_all = ["results", "design_only", "fit"])]
    pub check: bool,
    /// Finish from a merged sweep table instead of running the search here.
    #[arg(long, value_name = "MERGED_CSV")]
    pub results: Option<PathBuf>,
    /// The output folder (created if missing).
    #[arg(long, value_name = "DIR", default_value = "calibration")]
    pub out: PathBuf,
}

pub fn run(args: &CalibrateArgs) -> Result<(), String> {
    let shown = args.targets.display().to_string();
    let text = crate::input_file::read_text(&args.targets, rollout_engine::cost::MAX_SCENARIO_BYTES, "targets file")?;
    let targets = Targets::from_json(&text).map_err(|e| format!("{shown}: {e}"))?;
    if args.check {
        let base = scenario(args, &targets)?;
        targets.check(&base).map_err(|e| format!("{shown}: {e}"))?;
        let rows = calibrate::fit_report(&targets, &base, &base);
        let met = rows.iter().filter(|r| r.met_after()).count();
        return crate::stdout::print(&format!(
            "{met} of {} targets met by the scenario as it is (before = after: nothing fitted)\n\n{}",
            rows.len(),
            calibrate::to_markdown(&rows)
        ));
    }
    let (design, base) = match &args.results {
        Some(table) => {
            let record = read_record(table)?;
            targets.check(&record.scenario).map_err(|e| format!("{shown}: {e}"))?;
            (record.design, record.scenario)
        }
        None => {
            let base = scenario(args, &targets)?;
            let fit = args
                .fit
                .iter()
                .map(|text| Factor::parse(text).map_err(|e| format!("--fit {e}")))
                .collect::<Result<Vec<_>, _>>()?;
            let design = calibrate::search_design(&targets, &fit, args.budget, args.seed, &base).map_err(|e| {
                if matches!(e, calibrate::CalibrationError::Targets(_)) {
                    format!("{shown}: {e}")
                } else {
                    e.to_string()
                }
            })?;
            (design, base)
        }
    };
    if let Some(t) = targets.targets.iter().find(|t| !design.responses.contains(&t.response())) {
        return Err(format!("{shown}: target \"{}\": {} was not recorded by the sweep's design", t.name, t.statistic));
    }
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: cannot create the folder: {e}", args.out.display()))?;
    if args.design_only {
        output_file::write_atomically(&args.out.join("design.json"), &format!("{}\n", design.to_json_pretty()))?;
        output_file::write_atomically(&args.out.join("scenario.json"), &format!("{}\n", base.to_json_pretty()))?;
        eprintln!(
            "{} points in {0}/design.json; run: rollout sweep {0}/design.json {0}/scenario.json --chunk i/N --out SWEEP, \
             then rollout merge SWEEP --out merged.csv, then rollout calibrate {} --results merged.csv",
            args.out.display(),
            shown
        );
        return Ok(());
    }
    let values = match &args.results {
        Some(table) => read_values(table, &design)?,
        None => run_search(&design, &base)?,
    };
    let c = calibrate::from_values(&targets, design, &base, &values).map_err(|e| e.to_string())?;
    eprintln!("calibrate: the report runs the scenario before and after ({} replicates each)", base.replicates);
    let rows = calibrate::fit_report(&targets, &base, &c.scenario);
    let report = calibrate::to_markdown(&rows);
    let dir = &args.out;
    output_file::write_atomically(&dir.join("calibrated.json"), &format!("{}\n", c.scenario.to_json_pretty()))?;
    output_file::write_atomically(&dir.join("accepted.csv"), &accepted_csv(&targets, &c))?;
    output_file::write_atomically(&dir.join("fit.md"), &report)?;
    // The best point's value of each fitted field (a multiplier for keys with `*`).
    let best = &c.design.points[c.posterior.accepted[0]];
    let json = serde_json::to_string_pretty(&serde_json::json!({
        "within_tolerance": c.posterior.within_tolerance,
        "accepted": c.posterior.accepted.len(),
        "points": c.design.points.len(),
        "fitted": c.design.factors.iter().zip(best).map(|(f, v)| serde_json::json!({"key": f.key, "low": f.low,
            "high": f.high, "calibrated": v})).collect::<Vec<_>>(),
        "targets": rows,
    }))
    .map_err(|e| e.to_string())?;
    output_file::write_atomically(&dir.join("fit.json"), &format!("{json}\n"))?;
    let mut head = format!(
        "{} of {} points accepted ({}); calibrated:",
        c.posterior.accepted.len(),
        c.design.points.len(),
        if c.posterior.within_tolerance {
            "each within every tolerance"
        } else {
            "none met every target: the closest tenth kept"
        }
    );
    for (f, v) in c.design.factors.iter().zip(best) {
        let _ = write!(head, " {}={}", f.key, v.unwrap_or(f64::NAN));
    }
    crate::stdout::print(&format!("{head}\n\n{report}"))
}

fn scenario(args: &CalibrateArgs, targets: &Targets) -> Result<Scenario, String> {
    let mut s = match (&args.file, &args.preset, &targets.preset) {
        (Some(path), _, _) => scenario_source::file(path)?,
        (None, Some(name), _) | (None, None, Some(name)) => scenario_source::preset(name)?,
        (None, None, None) => scenario_source::preset(rollout_engine::presets::DEFAULT)?,
    };
    if let Some(n) = args.agents {
        s.agents = n;
    }
    if let Some(r) = args.replicates {
        s.replicates = r;
    }
    s.validate().map_err(|e| e.to_string())?;
    Ok(s)
}

/// Run every point here, printing progress on standard error.
fn run_search(design: &Design, base: &Scenario) -> Result<Vec<Vec<Vec<Option<f64>>>>, String> {
    let n = design.points.len();
    let done = AtomicUsize::new(0);
    let terminal = std::io::stderr().is_terminal();
    let on_point = || {
        let k = done.fetch_add(1, Ordering::Relaxed) + 1;
        if terminal || k * 10 / n != (k - 1) * 10 / n || k == n {
            eprint!(
                "{}calibrate: {k} of {n} points{}",
                if terminal { "\r" } else { "" },
                if terminal { "" } else { "\n" }
            );
        }
    };
    let indices: Vec<usize> = (0..n).collect();
    let results =
        rollout_engine::experiment::run_points(design, base, &indices, &on_point).map_err(|e| e.to_string())?;
    if terminal {
        eprintln!();
    }
    Ok(results.into_iter().map(|r| r.values).collect())
}

fn read_record(table: &Path) -> Result<SweepRecord, String> {
    let path = record_beside(table);
    let text = crate::input_file::read_text(&path, rollout_engine::cost::MAX_DESIGN_BYTES, "sweep record")?;
    serde_json::from_str(&text).map_err(|e| format!("{}: not a sweep record: {e}", path.display()))
}

/// `values[point][response][replicate]` from a merged table; every point and response must be there.
fn read_values(table: &Path, design: &Design) -> Result<Vec<Vec<Vec<Option<f64>>>>, String> {
    let keys: Vec<(String, String)> =
        design.responses.iter().map(|r| (r.quantity_name(), r.group().unwrap_or("").to_string())).collect();
    let response_of = |q: &str, g: &str| keys.iter().position(|(kq, kg)| kq == q && kg == g);
    let mut values = vec![vec![Vec::new(); keys.len()]; design.points.len()];
    results_csv::for_each_replicate_row(
        table,
        design.points.len(),
        |q, g| response_of(q, g).is_some(),
        |p, q, g, v| {
            if let Some(r) = response_of(q, g) {
                values[p][r].push(v);
            }
        },
    )?;
    if let Some(p) = values.iter().position(|v| v.iter().any(|r| r.is_empty())) {
        return Err(format!("{}: point {p} is missing; merge the whole sweep first", table.display()));
    }
    Ok(values)
}

/// The accepted parameter sets, best first: point, score (largest distance in tolerances), each fitted
/// field, each target's simulated mean.
fn accepted_csv(targets: &Targets, c: &Calibration) -> String {
    let mut out = String::from("point,score");
    for f in &c.design.factors {
        let _ = write!(out, ",{}", f.key);
    }
    for t in &targets.targets {
        let _ = write!(out, ",{}", t.name.replace([',', '"', '\n'], " "));
    }
    out.push('\n');
    for (p, score, values) in c.accepted_sets() {
        let _ = write!(out, "{p},{score}");
        for v in values {
            let _ = write!(out, ",{v}");
        }
        for m in &c.posterior.fits[p].means {
            let _ = write!(out, ",{}", m.map(|m| m.to_string()).unwrap_or_default());
        }
        out.push('\n');
    }
    out
}
