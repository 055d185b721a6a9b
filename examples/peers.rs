//! Times `duibi compare` against the line-diff tools on the same pairs, alternating the commands
//! round by round so that both see the same machine, and prints each median and duibi's ratio to
//! delta's (the targets are in docs/performance.md).
//!
//!     cargo build --release && cargo run --release --example peers -- [--runs N] [LEFT RIGHT]...
//!
//! Without pairs it takes, when `../shared/corpus` is there, every two of its reports (different
//! bureaus) and every report against its year-over-year edition (every 20th figure changed and a
//! sentence added or dropped in every 20th paragraph, made by `benches/synth.rs`'s rules); otherwise
//! the demo pair. It ends with duibi's worst ratio to each peer. Tools that are not installed (`delta`, `difft`, `git`) are left out.

#[path = "../benches/synth.rs"]
mod synth;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn installed(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Wall time of one run, in milliseconds; the exit code is not checked (diff tools exit 1 on a
/// difference).
fn time(argv: &[String]) -> f64 {
    let start = Instant::now();
    let status = Command::new(&argv[0])
        .args(&argv[1..])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    assert!(status.is_ok(), "{} runs", argv[0]);
    start.elapsed().as_secs_f64() * 1e3
}

/// The corpus pairs, and each report against an edited copy written into `scratch`.
fn default_pairs(root: &Path, scratch: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let corpus = root.join("../shared/corpus");
    let mut reports: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    reports.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    reports.sort();
    let name = |p: &Path| p.file_stem().unwrap_or_default().to_string_lossy().into_owned();
    if reports.is_empty() {
        return vec![(
            "demo pair".to_string(),
            root.join("examples/reports/demo-2023.txt"),
            root.join("examples/reports/demo-2024.txt"),
        )];
    }
    let mut pairs = Vec::new();
    for (i, a) in reports.iter().enumerate() {
        for b in &reports[i + 1..] {
            pairs.push((format!("{} vs {}", name(a), name(b)), a.clone(), b.clone()));
        }
    }
    for base in &reports {
        let text = std::fs::read_to_string(base).expect("report reads");
        let edited = scratch.join(format!("{}.txt", name(base)));
        std::fs::write(&edited, synth::edited(&text, 20)).expect("temp file");
        pairs.push((format!("{} year over year", name(base)), base.clone(), edited));
    }
    pairs
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut runs = 40;
    if let Some(i) = args.iter().position(|a| a == "--runs") {
        runs = args.get(i + 1).and_then(|n| n.parse().ok()).expect("--runs N");
        args.drain(i..i + 2);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // The edited copies' directory, removed when the run ends.
    let scratch = tempfile::tempdir().expect("temp dir");
    let pairs = if args.is_empty() {
        default_pairs(&root, scratch.path())
    } else {
        args.chunks(2)
            .map(|p| {
                (
                    format!("{} vs {}", p[0], p[1]),
                    p[0].clone().into(),
                    p[1].clone().into(),
                )
            })
            .collect()
    };
    let duibi = root.join("target/release/duibi");
    assert!(duibi.exists(), "build first: cargo build --release");
    // duibi's worst ratio to each peer over all pairs.
    let mut worst: Vec<(&str, f64)> = Vec::new();
    for (name, left, right) in pairs {
        let (l, r) = (left.display().to_string(), right.display().to_string());
        let mut tools: Vec<(&str, Vec<String>)> = vec![(
            "duibi compare",
            vec![
                duibi.display().to_string(),
                "compare".into(),
                "--format".into(),
                "text".into(),
                l.clone(),
                r.clone(),
            ],
        )];
        if installed("delta") {
            tools.push(("delta", vec!["delta".into(), l.clone(), r.clone()]));
        }
        if installed("difft") {
            tools.push(("difft", vec!["difft".into(), l.clone(), r.clone()]));
        }
        if installed("git") {
            let git = ["git", "diff", "--no-index", "--word-diff"].map(String::from);
            tools.push((
                "git diff --word-diff",
                git.into_iter().chain([l.clone(), r.clone()]).collect(),
            ));
        }
        for (_, argv) in &tools {
            time(argv); // warm-up
        }
        let mut times = vec![Vec::with_capacity(runs); tools.len()];
        for _ in 0..runs {
            for (k, (_, argv)) in tools.iter().enumerate() {
                times[k].push(time(argv));
            }
        }
        let medians: Vec<f64> = times.into_iter().map(median).collect();
        println!("{name}, median of {runs} alternated runs:");
        for ((tool, _), m) in tools.iter().zip(&medians) {
            println!("  {tool:<22} {m:7.2} ms   duibi / this = {:.2}", medians[0] / m);
            match worst.iter_mut().find(|(t, _)| t == tool) {
                Some(w) => w.1 = w.1.max(medians[0] / m),
                None => worst.push((tool, medians[0] / m)),
            }
        }
    }
    println!("worst ratio over all pairs:");
    for (tool, r) in worst.iter().skip(1) {
        println!("  duibi / {tool:<22} {r:.2}");
    }
}
