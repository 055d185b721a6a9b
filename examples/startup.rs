//! Measures the interface's start-up as a user sees it: the release binary is started in a
//! pseudo-terminal, and the time from spawning it to the first complete screen is read from the
//! outside; the process's own marks (`DUIBI_TIMING`) say when word-level highlighting arrived.
//!
//!     cargo build --release && cargo run --release --example startup -- [LEFT RIGHT] [--runs N]
//!
//! Without files it uses the built-in demo pair. See docs/performance.md for the targets.

use std::io::Read;
use std::num::NonZeroU16;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 60;
const COLS: u16 = 200;

struct Run {
    first_screen_ms: f64,
    marks: Vec<(String, f64)>,
}

fn run_once(binary: &PathBuf, files: &[String], timing_file: &PathBuf) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(binary);
    if files.is_empty() {
        cmd.arg("--demo");
    } else {
        cmd.args(files);
    }
    cmd.env("TERM", "xterm-256color");
    cmd.env("DUIBI_TIMING", timing_file);
    cmd.cwd(std::env::current_dir().expect("a working directory"));
    let spawned = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawns");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut writer = pair.master.take_writer().expect("writer");
    let (rows, cols) = (
        NonZeroU16::new(ROWS).expect("rows"),
        NonZeroU16::new(COLS).expect("cols"),
    );
    let mut parser = vt100::Parser::new(rows, cols, 0);
    let mut buf = [0u8; 16384];
    // The status line is painted last: once it shows the row position the first frame is complete.
    let first_screen_ms = loop {
        let n = reader.read(&mut buf).expect("reads");
        assert!(n > 0, "duibi exited before drawing");
        parser.process(&buf[..n]);
        let screen = parser.screen().contents();
        if screen.lines().last().is_some_and(|l| l.trim_start().starts_with("1/")) {
            break spawned.elapsed().as_secs_f64() * 1000.0;
        }
    };
    // Let the word marks arrive, then quit; keep draining output so the program never blocks.
    std::thread::spawn(move || while reader.read(&mut buf).is_ok_and(|n| n > 0) {});
    std::thread::sleep(Duration::from_millis(400));
    writer.write_all(b"q").expect("sends q");
    child.wait().expect("exits");
    let marks = std::fs::read_to_string(timing_file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let (name, ms) = l.split_once(' ')?;
            Some((name.to_string(), ms.parse().ok()?))
        })
        .collect();
    Run { first_screen_ms, marks }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let runs = match args.iter().position(|a| a == "--runs") {
        Some(i) => {
            let n = args.get(i + 1).and_then(|n| n.parse().ok()).expect("--runs N");
            args.drain(i..i + 2);
            n
        }
        None => 20,
    };
    let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/duibi");
    assert!(binary.exists(), "build it first: cargo build --release");
    let timing_file = std::env::temp_dir().join(format!("duibi-startup-{}.txt", std::process::id()));
    let results: Vec<Run> = (0..runs).map(|_| run_once(&binary, &args, &timing_file)).collect();
    let _ = std::fs::remove_file(&timing_file);

    let what = if args.is_empty() {
        "demo pair".to_string()
    } else {
        args.join(" vs ")
    };
    println!("{what}, {runs} runs, {COLS}x{ROWS} (ms)\n");
    println!("{:<34}{:>8}{:>8}", "", "median", "max");
    let row = |name: &str, v: Vec<f64>| {
        let max = v.iter().copied().fold(0.0, f64::max);
        println!("{name:<34}{:>8.1}{max:>8.1}", median(v));
    };
    row(
        "first screen, seen from outside",
        results.iter().map(|r| r.first_screen_ms).collect(),
    );
    let names: Vec<String> = results[0].marks.iter().map(|(n, _)| n.clone()).collect();
    for name in names {
        let values: Vec<f64> = results
            .iter()
            .filter_map(|r| r.marks.iter().find(|(n, _)| *n == name).map(|(_, ms)| *ms))
            .collect();
        row(&format!("{name} (in process)"), values);
    }
}
