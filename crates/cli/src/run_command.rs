//! `rollout run`: resolve the scenario, run it with a progress bar, write CSV or JSON.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use rollout_engine::{output, run};

use crate::cli::{Format, RunArgs};
use crate::{output_file, scenario_source};

pub fn run(args: &RunArgs) -> Result<(), String> {
    if let Some(path) = &args.out {
        output_file::check_target(path)?;
    }
    let scenario = scenario_source::resolve(args)?;
    let total = scenario.months as u64 * scenario.replicates as u64;
    let bar = if std::io::stderr().is_terminal() { ProgressBar::new(total) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} replicate-months, {eta} left")
            .expect("the template is valid"),
    );
    bar.set_message(format!("{}:", scenario.name));
    let summary = run::run_with_progress(&scenario, &|done, _| bar.set_position(done)).map_err(|e| e.to_string())?;
    bar.finish_and_clear();
    let text = match args.format {
        Format::Csv => output::to_csv(&summary),
        Format::Json => output::to_json(&summary),
    };
    match &args.out {
        Some(path) => output_file::write_atomically(path, &text),
        None => crate::stdout::print(&text),
    }
}
