//! `rollout`: the command-line twin of Rollout Lab. A thin shell over `rollout-engine`: it parses flags,
//! reads and writes files and draws a progress bar; every number comes from the engine.

mod analyse_command;
mod calibrate_command;
mod cli;
mod design_command;
mod equity_command;
mod input_file;
mod merge_command;
mod output_file;
mod results_csv;
mod run_command;
mod scenario_source;
mod stdout;
mod sweep_command;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    output_file::remove_temporaries_on_interrupt();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("invalid arguments").trim_start_matches("error: ");
            eprintln!("rollout: {first} (see rollout --help)");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Presets => {
            let lines: String =
                rollout_engine::presets::all().iter().map(|p| format!("{:<28} {}\n", p.name, p.summary)).collect();
            stdout::print(&lines)
        }
        Command::Preset { name } => {
            scenario_source::preset(&name).and_then(|s| stdout::print(&format!("{}\n", s.to_json_pretty())))
        }
        Command::Run(args) => run_command::run(&args),
        Command::Equity { table, adverse, scale } => {
            equity_command::run(&table, adverse, scale).and_then(|json| stdout::print(&format!("{json}\n")))
        }
        Command::Design(args) => design_command::run(&args),
        Command::Sweep(args) => sweep_command::run(&args),
        Command::Merge(args) => merge_command::run(&args),
        Command::Analyse(args) => analyse_command::run(&args),
        Command::Calibrate(args) => calibrate_command::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("rollout: {message}");
            ExitCode::from(2)
        }
    }
}
