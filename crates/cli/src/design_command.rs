//! `rollout design grid|oat|lhs|morris|sobol --factor KEY=LOW:HIGH ... --out design.json`: place the points
//! of an experiment, checked against the scenario it is meant for.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use rollout_engine::experiment::{self, Design, Factor, Response};

use crate::{output_file, scenario_source};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DesignMethod {
    /// Every combination of --points levels per factor.
    Grid,
    /// One at a time: each factor at its low and its high, the rest as the scenario has them (tornado).
    Oat,
    /// Latin hypercube of --points points.
    Lhs,
    /// Morris elementary effects: --points trajectories on --levels levels (a dummy factor is added).
    Morris,
    /// Sobol' indices by Saltelli's scheme: --points base samples, N (k + 2) points (a dummy is added).
    Sobol,
}

#[derive(Args, Debug)]
pub struct DesignArgs {
    /// How to place the points.
    #[arg(value_enum)]
    pub method: DesignMethod,
    /// Scenario JSON file the keys and ranges are checked against (default: the heart-monitoring preset).
    pub file: Option<PathBuf>,
    /// Check against a preset instead of a file.
    #[arg(long, conflicts_with = "file")]
    pub preset: Option<String>,
    /// A factor: a scenario field by its --set path and its range, e.g. levers.subsidy.level=0.2:0.9
    /// (repeatable).
    #[arg(long = "factor", value_name = "KEY=LOW:HIGH", required = true)]
    pub factors: Vec<String>,
    /// Grid: levels per factor (3); lhs: points (10 per factor); morris: trajectories (10); sobol: base
    /// samples (256, a power of two). Not for oat.
    #[arg(long, value_name = "N")]
    pub points: Option<u32>,
    /// Morris: levels of the grid (even; 4).
    #[arg(long, value_name = "L")]
    pub levels: Option<u32>,
    /// Seed of the placement (lhs, morris, sobol).
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// What a sweep records, QUANTITY or QUANTITY@GROUP (repeatable; default: active_share,
    /// active_share_gap, active_share_slope_index, events_avoided_total, spend_total).
    #[arg(long = "response", value_name = "QUANTITY[@GROUP]")]
    pub responses: Vec<String>,
    /// The design file to write (written whole or not at all).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

pub fn run(args: &DesignArgs) -> Result<(), String> {
    let design = make(args)?;
    output_file::write_atomically(&args.out, &format!("{}\n", design.to_json_pretty()))?;
    eprintln!("{} points of {} factors in {}", design.points.len(), design.factors.len(), args.out.display());
    Ok(())
}

fn make(args: &DesignArgs) -> Result<Design, String> {
    let scenario = match (&args.file, &args.preset) {
        (Some(path), _) => scenario_source::file(path)?,
        (None, Some(name)) => scenario_source::preset(name)?,
        (None, None) => scenario_source::preset(rollout_engine::presets::DEFAULT)?,
    };
    let factors = args
        .factors
        .iter()
        .map(|text| Factor::parse(text).map_err(|e| format!("--factor {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let k = factors.len() as u32;
    let points = |default: u32| args.points.unwrap_or(default);
    if args.levels.is_some() && args.method != DesignMethod::Morris {
        return Err("--levels is for morris designs only".into());
    }
    let design = match args.method {
        DesignMethod::Grid => experiment::grid(factors, points(3)),
        DesignMethod::Oat if args.points.is_some() => {
            return Err("--points: a one-at-a-time design has 2k + 1 points".into())
        }
        DesignMethod::Oat => experiment::one_at_a_time(factors),
        DesignMethod::Lhs => experiment::latin_hypercube(factors, points(10 * k), args.seed),
        DesignMethod::Morris => experiment::morris(factors, points(10), args.levels.unwrap_or(4), args.seed),
        DesignMethod::Sobol => experiment::sobol(factors, points(256), args.seed),
    }
    .map_err(|e| e.to_string())?;
    let design = if args.responses.is_empty() {
        design
    } else {
        let responses = args
            .responses
            .iter()
            .map(|text| text.parse::<Response>().map_err(|e| format!("--response {text}: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        design.with_responses(responses)
    };
    design.check(&scenario).map_err(|e| e.to_string())?;
    Ok(design)
}
