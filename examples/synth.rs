//! Writes synthetic report pairs for the scaling and peer benchmarks (`scripts/bench-*.sh`).
//!
//!     cargo run --release --example synth -- report BYTES OUT      # a report of about BYTES bytes
//!     cargo run --release --example synth -- edit EVERY IN OUT     # next year's edition of IN
//!
//! `edit` changes every EVERY-th figure and adds or drops a sentence in every EVERY-th paragraph.

#[path = "../benches/synth.rs"]
mod synth;

use std::process::ExitCode;

const DEMO: &str = include_str!("reports/demo-2024.txt");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let number = |s: &str| s.parse::<usize>().ok().filter(|&n| n > 0);
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["report", bytes, out] => match number(bytes) {
            Some(n) => std::fs::write(out, synth::report(&synth::sentences(DEMO), n, 0)),
            None => return usage(),
        },
        ["edit", every, input, out] => match number(every) {
            Some(n) => std::fs::read_to_string(input).and_then(|t| std::fs::write(out, synth::edited(&t, n))),
            None => return usage(),
        },
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("usage: synth report BYTES OUT | synth edit EVERY IN OUT");
    ExitCode::from(2)
}
