//! duibi's binary: parses the command line and hands over to the CLI commands.

mod allocator;
mod busy;
mod cli;
mod loading;
mod state;
mod terminal;
mod tui;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use cli::{Cli, Command, CompareFormat, Outcome};

/// `compare --exit-code` found differences (as `git diff --exit-code` and `diff` do); `check` found
/// a report that does not pass.
const DIFFER: u8 = 1;
/// An input, the taxonomy or the configuration could not be used; clap's usage errors use 2 too.
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let start = Instant::now();
    allocator::hold_mmap_threshold();
    std::panic::set_hook(Box::new(|info| {
        // The PDF parser's panics are caught and reported as an unreadable file.
        if !duibi::load::in_pdf_parser() {
            eprintln!("duibi: internal error: {}", duibi::text::one_line(&info.to_string()));
        }
    }));
    let args = Cli::parse();
    let result = match &args.command {
        Some(Command::Outline { file, format }) => {
            cli::run_outline(file, *format, &args.options).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Keys { format }) => cli::run_keys(*format, &args.options).map(|()| ExitCode::SUCCESS),
        Some(Command::Config { print_default, path }) => {
            cli::run_config(*print_default, *path, &args.options).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Check { files, format }) => cli::run_check(files, *format, &args.options).map(|o| {
            if o == Outcome::Differ {
                ExitCode::from(DIFFER)
            } else {
                ExitCode::SUCCESS
            }
        }),
        Some(Command::Review { files, format }) => {
            cli::run_review(files, *format, &args.options).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Figures { files, format }) => {
            cli::run_figures(files, *format, &args.options).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Compare {
            files,
            demo,
            format,
            exit_code,
        }) => cli::run_compare(files, *demo, *format, &args.options).map(|o| {
            if *exit_code && o == Outcome::Differ {
                ExitCode::from(DIFFER)
            } else {
                ExitCode::SUCCESS
            }
        }),
        None if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() => {
            cli::run_interactive(&args.files, args.demo, &args.options, start).map(|()| ExitCode::SUCCESS)
        }
        None => cli::run_compare(&args.files, args.demo, CompareFormat::Text, &args.options).map(|_| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Nothing of a file's bytes raw, whatever the error carries. (A configuration's problems
            // come a line each; any other error is one line.)
            let message = format!("{e:#}");
            let lines: Vec<String> = message.lines().map(duibi::text::shown).collect();
            eprintln!("duibi: {}", lines.join("\n"));
            ExitCode::from(TROUBLE)
        }
    }
}
