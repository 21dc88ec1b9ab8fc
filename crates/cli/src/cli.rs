//! The command line's shape.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Simulate how IoT health technology spreads across population groups and organisations.
#[derive(Parser, Debug)]
#[command(name = "rollout", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the preset scenarios, one line each.
    Presets,
    /// Print a preset's scenario as JSON (edit it, then `rollout run FILE`).
    Preset {
        /// Preset name, as `rollout presets` lists them.
        name: String,
    },
    /// Run a scenario and write its series (CSV) or series and outcomes (JSON).
    Run(RunArgs),
    /// HEAT summary measures of inequality for a table of subgroups.
    Equity {
        /// CSV with columns subgroup, estimate, population, and optionally order and reference.
        table: PathBuf,
        /// The indicator is adverse (lower is better), e.g. mortality.
        #[arg(long)]
        adverse: bool,
        /// Scale of the estimates: 100 for percentages, 1000 for per 1,000.
        #[arg(long, default_value_t = 100.0)]
        scale: f64,
    },
    /// Place the points of an experiment: grid, oat (tornado), lhs, morris or sobol.
    Design(crate::design_command::DesignArgs),
    /// Run a design's points (one chunk, or all chunks in turn), resumably, into a folder.
    Sweep(crate::sweep_command::SweepArgs),
    /// Join a sweep folder's chunks into one long table, checking every point is there once.
    Merge(crate::merge_command::MergeArgs),
    /// Tornado, Morris or Sobol' sensitivity of one response in a merged table.
    Analyse(crate::analyse_command::AnalyseArgs),
    /// Fit a scenario's inputs to published figures (a targets file): search, then ABC rejection.
    Calibrate(crate::calibrate_command::CalibrateArgs),
}

#[derive(Args, Debug)]
pub struct RunArgs {
    /// Scenario JSON file (default: the heart-monitoring preset).
    pub file: Option<PathBuf>,
    /// Start from a preset instead of a file.
    #[arg(long, conflicts_with = "file")]
    pub preset: Option<String>,
    /// Change one field: --set levers.subsidy.level=0.8 (repeatable; list items by number: groups.list.0.trust).
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// People simulated.
    #[arg(long, value_name = "N")]
    pub agents: Option<u32>,
    /// Horizon in months.
    #[arg(long, value_name = "M")]
    pub months: Option<u32>,
    /// Replicates.
    #[arg(long, value_name = "R")]
    pub replicates: Option<u32>,
    /// Seed.
    #[arg(long, value_name = "S")]
    pub seed: Option<u64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Write to this file instead of standard output (written whole or not at all; only a regular file or
    /// a new path).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Run even when the estimated cost is over the ceiling (1 hour of computing on one core, or 4 GB of
    /// memory).
    #[arg(long)]
    pub allow_long: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The monthly series by group (mean and 95% interval of every quantity).
    Csv,
    /// The series, the outcomes and the levers' budget status.
    Json,
    /// The outcomes by group at the horizon (abandonment within 6 and 12 months, discontinuation, deaths...)
    /// with 95% intervals, and each lever's budget status (rationed, saturated...).
    OutcomesCsv,
}
