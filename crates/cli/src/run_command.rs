//! `rollout run`: resolve the scenario, run it with a progress bar, write CSV or JSON.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use rollout_engine::{cost, output, run, Scenario};

use crate::cli::{Format, RunArgs};
use crate::{output_file, scenario_source};

pub fn run(args: &RunArgs) -> Result<(), String> {
    if let Some(path) = &args.out {
        output_file::check_target(path)?;
    }
    let scenario = scenario_source::resolve(args)?;
    announce_cost(&scenario, args.allow_long)?;
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
        Format::OutcomesCsv => output::to_outcomes_csv(&summary),
    };
    match &args.out {
        Some(path) => output_file::write_atomically(path, &text),
        None => crate::stdout::print(&text),
    }
}

/// Refuse a run over the cost ceiling unless `allow_long`; on a terminal, say what a long run will cost.
fn announce_cost(scenario: &Scenario, allow_long: bool) -> Result<(), String> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let estimate = match cost::check_for_cli(scenario, threads) {
        Ok(estimate) => estimate,
        Err(e) if !allow_long => return Err(e.to_string()),
        Err(_) => cost::estimate(scenario),
    };
    let wall = estimate.wall_seconds(threads, scenario.replicates);
    if wall > 10.0 && std::io::stderr().is_terminal() {
        eprintln!(
            "rollout: estimated {} on {threads} cores, {} of memory",
            cost::duration(wall),
            cost::bytes(estimate.memory_bytes(threads))
        );
    }
    Ok(())
}
