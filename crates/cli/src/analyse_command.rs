//! `rollout analyse results.csv --method tornado|morris|sobol --output QUANTITY [--group G]`: sensitivity
//! of one response, as a table or JSON. The design comes from `results.sweep.json` beside the table
//! (written by `rollout merge`).

use std::fmt::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use rollout_engine::experiment::{morris_indices, sobol_indices, tornado, Response, DUMMY};
use serde_json::json;

use crate::merge_command::record_beside;
use crate::results_csv;
use crate::sweep_command::SweepRecord;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AnalysisMethod {
    /// Each factor's high against its low, paired by replicate (needs an oat design).
    Tornado,
    /// Morris mu*, mu and sigma (needs a morris design).
    Morris,
    /// Sobol' first and total order indices (needs a sobol design).
    Sobol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AnalysisFormat {
    Table,
    Json,
}

#[derive(Args, Debug)]
pub struct AnalyseArgs {
    /// The merged table from `rollout merge`.
    pub results: PathBuf,
    /// The analysis.
    #[arg(long, value_enum)]
    pub method: AnalysisMethod,
    /// The response: a quantity as the design recorded it, e.g. active_share_gap or events_avoided_total.
    #[arg(long, value_name = "QUANTITY")]
    pub output: String,
    /// The group, for responses of one group (default: all).
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// Print a table or JSON.
    #[arg(long, value_enum, default_value_t = AnalysisFormat::Table)]
    pub format: AnalysisFormat,
    /// The design record (default: NAME.sweep.json beside the results).
    #[arg(long, value_name = "FILE")]
    pub design: Option<PathBuf>,
}

pub fn run(args: &AnalyseArgs) -> Result<(), String> {
    let shown = args.results.display();
    let record_path = args.design.clone().unwrap_or_else(|| record_beside(&args.results));
    let record_text =
        crate::input_file::read_text(&record_path, rollout_engine::cost::MAX_DESIGN_BYTES, "sweep record")
            .map_err(|e| format!("{e} (the design record; pass --design FILE)"))?;
    let record: SweepRecord = serde_json::from_str(&record_text)
        .map_err(|e| format!("{}: not a sweep record: {e}", record_path.display()))?;
    let design = &record.design;
    let response = Response::parse(&args.output, args.group.as_deref()).map_err(|e| format!("--output {e}"))?;
    if !design.responses.contains(&response) {
        let recorded: Vec<String> = design.responses.iter().map(|r| r.to_string()).collect();
        return Err(format!("{shown}: {response} was not recorded; the design recorded {}", recorded.join(", ")));
    }
    let values = read_values(args, design.points.len(), &response)?;
    let mut out = match args.method {
        AnalysisMethod::Tornado => {
            let bars = tornado(design, &values).map_err(|e| format!("{shown}: {e}"))?;
            match args.format {
                AnalysisFormat::Json => serde_json::to_string_pretty(
                    &json!({"method": "tornado", "output": response.to_string(), "bars": bars}),
                )
                .map_err(|e| e.to_string())?,
                AnalysisFormat::Table => {
                    let mut t = format!("Tornado of {response}: high minus low, paired by replicate, 95% interval\n");
                    let _ = writeln!(
                        t,
                        "{:<44} {:>10} {:>10} {:>12} {:>12} {:>12} {:>25}",
                        "factor", "low", "high", "at low", "at base", "at high", "high - low [95% CI]"
                    );
                    for b in &bars {
                        let _ = writeln!(
                            t,
                            "{:<44} {:>10} {:>10} {:>12.4} {:>12.4} {:>12.4} {:>25}",
                            b.factor,
                            b.low,
                            b.high,
                            b.at_low.mean,
                            b.at_base.mean,
                            b.at_high.mean,
                            format!("{:.4} [{:.4}, {:.4}]", b.difference.mean, b.difference.lo, b.difference.hi)
                        );
                    }
                    t
                }
            }
        }
        AnalysisMethod::Morris => {
            let mut rows = morris_indices(design, &values).map_err(|e| format!("{shown}: {e}"))?;
            rows.sort_by(|a, b| b.mu_star.total_cmp(&a.mu_star));
            match args.format {
                AnalysisFormat::Json => serde_json::to_string_pretty(
                    &json!({"method": "morris", "output": response.to_string(), "factors": rows}),
                )
                .map_err(|e| e.to_string())?,
                AnalysisFormat::Table => {
                    let mut t = format!("Morris elementary effects of {response}, per whole factor range\n");
                    let _ = writeln!(t, "{:<44} {:>28} {:>12} {:>12}", "factor", "mu* [95% CI]", "mu", "sigma");
                    for m in &rows {
                        let _ = writeln!(
                            t,
                            "{:<44} {:>28} {:>12.4} {:>12.4}{}",
                            m.factor,
                            format!("{:.4} [{:.4}, {:.4}]", m.mu_star, m.mu_star_lo, m.mu_star_hi),
                            m.mu,
                            m.sigma,
                            if m.factor == DUMMY { "  (noise floor)" } else { "" }
                        );
                    }
                    t
                }
            }
        }
        AnalysisMethod::Sobol => {
            let rows = sobol_indices(design, &values).map_err(|e| format!("{shown}: {e}"))?;
            match args.format {
                AnalysisFormat::Json => serde_json::to_string_pretty(
                    &json!({"method": "sobol", "output": response.to_string(), "factors": rows}),
                )
                .map_err(|e| e.to_string())?,
                AnalysisFormat::Table => {
                    let mut t = format!("Sobol' indices of {response} (shares of variance), 95% bootstrap intervals\n");
                    let _ = writeln!(t, "{:<44} {:>26} {:>26}", "factor", "first order S1", "total order ST");
                    for s in &rows {
                        let _ = writeln!(
                            t,
                            "{:<44} {:>26} {:>26}{}",
                            s.factor,
                            format!("{:.3} [{:.3}, {:.3}]", s.first, s.first_lo, s.first_hi),
                            format!("{:.3} [{:.3}, {:.3}]", s.total, s.total_lo, s.total_hi),
                            if s.factor == DUMMY { "  (noise floor)" } else { "" }
                        );
                    }
                    t
                }
            }
        }
    };
    if args.format == AnalysisFormat::Json {
        out.push('\n');
    }
    crate::stdout::print(&out)
}

/// `values[point][replicate]` of `response` from the table; every point must be there.
fn read_values(args: &AnalyseArgs, points: usize, response: &Response) -> Result<Vec<Vec<f64>>, String> {
    let want_quantity = response.quantity_name();
    let want_group = response.group().unwrap_or("");
    let mut values: Vec<Vec<f64>> = vec![Vec::new(); points];
    results_csv::for_each_replicate_row(
        &args.results,
        points,
        |q, g| q == want_quantity && g == want_group,
        |p, _, _, v| values[p].push(v.unwrap_or(f64::NAN)),
    )?;
    if let Some(p) = values.iter().position(|v| v.is_empty()) {
        let shown = args.results.display();
        return Err(format!("{shown}: point {p} has no {response} rows; merge the whole sweep first"));
    }
    Ok(values)
}
