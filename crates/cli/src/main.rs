//! `rollout`: the command-line twin of Rollout Lab. A thin shell over `rollout-engine`: it parses flags,
//! reads and writes files and draws a progress bar; every number comes from the engine.

mod analyse_command;
mod cli;
mod design_command;
mod equity_command;
mod merge_command;
mod output_file;
mod results_csv;
mod run_command;
mod scenario_source;
mod sweep_command;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
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
            for p in rollout_engine::presets::all() {
                println!("{:<28} {}", p.name, p.summary);
            }
            Ok(())
        }
        Command::Preset { name } => scenario_source::preset(&name).map(|s| println!("{}", s.to_json_pretty())),
        Command::Run(args) => run_command::run(&args),
        Command::Equity { table, adverse, scale } => {
            equity_command::run(&table, adverse, scale).map(|json| println!("{json}"))
        }
        Command::Design(args) => design_command::run(&args),
        Command::Sweep(args) => sweep_command::run(&args),
        Command::Merge(args) => merge_command::run(&args),
        Command::Analyse(args) => analyse_command::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("rollout: {message}");
            ExitCode::from(2)
        }
    }
}
