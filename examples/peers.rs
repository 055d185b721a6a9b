//! Times `duibi compare` against the line-diff tools on the same pairs, alternating the commands
//! round by round so that both see the same machine, and prints each median and duibi's ratio to
//! delta's (the targets are in docs/performance.md).
//!
//!     cargo build --release && cargo run --release --example peers -- [--runs N] [LEFT RIGHT]...
//!
//! Without pairs it takes, when `../shared/corpus` is there, two reports of different bureaus and a
//! year-over-year pair (a report against its edition with every 20th figure changed and a sentence
//! added or dropped in every 20th paragraph, made by `examples/synth.rs`'s rules); otherwise the
//! demo pair. Tools that are not installed (`delta`, `difft`, `git`) are left out.

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

fn default_pairs(root: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let corpus = root.join("../shared/corpus");
    let (base, other, name) = if corpus.join("zhengzhou-kjj-2017.txt").exists() {
        (
            corpus.join("zhengzhou-kjj-2017.txt"),
            corpus.join("luohe-kjj-2020.txt"),
            "different bureaus (zhengzhou 2017 vs luohe 2020)",
        )
    } else {
        (
            root.join("examples/reports/demo-2023.txt"),
            root.join("examples/reports/demo-2024.txt"),
            "demo pair",
        )
    };
    let text = std::fs::read_to_string(&base).expect("report reads");
    let edited = std::env::temp_dir().join(format!("duibi-peers-{}.txt", std::process::id()));
    std::fs::write(&edited, synth::edited(&text, 20)).expect("temp file");
    vec![
        (name.to_string(), base.clone(), other),
        ("year over year (a report vs its edited copy)".to_string(), base, edited),
    ]
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut runs = 40;
    if let Some(i) = args.iter().position(|a| a == "--runs") {
        runs = args.get(i + 1).and_then(|n| n.parse().ok()).expect("--runs N");
        args.drain(i..i + 2);
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pairs = if args.is_empty() {
        default_pairs(&root)
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
        }
    }
}
