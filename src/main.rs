//! duibi's binary: parses the command line and hands over to the CLI commands.

mod cli;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, CompareFormat};

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("duibi: internal error: {info}");
    }));
    let args = Cli::parse();
    let result = match &args.command {
        Some(Command::Outline { file, format }) => cli::run_outline(file, *format, &args.options),
        Some(Command::Compare {
            left,
            right,
            demo,
            format,
        }) => cli::run_compare(left.as_deref(), right.as_deref(), *demo, *format, &args.options),
        None => cli::run_compare(
            args.left.as_deref(),
            args.right.as_deref(),
            args.demo,
            CompareFormat::Text,
            &args.options,
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("duibi: {e:#}");
            ExitCode::FAILURE
        }
    }
}
