//! A stable fuzz harness over every reader: seeds (generated documents of every format) mutated at
//! random, byte-wise, inside the XML parts of .docx/.odt, and in the formats' structures (list
//! definitions, number text, attributes, .doc piece and list tables, PDF ToUnicode maps, streams
//! and page lists: `structure.rs`), then run through the whole pipeline. What panics is saved to
//! `target/fuzz/crashes/`, what takes over 5 s (and 2 s a MB) to `target/fuzz/slow/`; each input is written to `target/fuzz/current` before it runs, so one that
//! kills the process outright (a stack overflow) is left there. Copy finds to `tests/regressions/`.
//!
//!     cargo run --release --example fuzz -- [--runs N | --seconds T] [--seed S]

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../../tests/it/exercise.rs"]
mod exercise;
mod structure;

/// An input is slow past 5 s, and 2 s more per MB of it (a 12 MB page compared with itself takes
/// seconds without anything being wrong).
const SLOW: Duration = Duration::from_secs(5);
const SLOW_PER_MB: Duration = Duration::from_secs(2);

/// xorshift64*: reproducible from `--seed`, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Every seed file: the regression inputs (archives opened), the office fixtures, the demo reports.
fn seeds(root: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in ["tests/regressions", "tests/fixtures/office", "examples/reports"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.is_file()) {
            let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
            let Ok(bytes) = std::fs::read(&path) else { continue };
            if name.ends_with(".inputs.zip") {
                out.extend(entries_of(&bytes));
            } else if !name.ends_with(".md") && !name.ends_with(".py") {
                out.push((name, bytes));
            }
        }
    }
    out
}

fn entries_of(zip_bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    exercise::archive_entries(zip_bytes).unwrap_or_default()
}

/// Byte-level mutations: flips, special bytes, copied chunks, deletions, truncation.
fn mutate_bytes(rng: &mut Rng, data: &mut Vec<u8>) {
    const SPECIAL: &[u8] = b"\x00\xff<>/\"'&\n\r\t0123456789()";
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        match rng.below(6) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = SPECIAL[rng.below(SPECIAL.len())];
            }
            2 if len > 0 => {
                let from = rng.below(len);
                let n = rng.below((len - from).min(256)) + 1;
                let chunk = data[from..from + n].to_vec();
                let at = rng.below(len + 1);
                for _ in 0..1 + rng.below(8) {
                    data.splice(at..at, chunk.iter().copied());
                }
            }
            3 if len > 0 => {
                let from = rng.below(len);
                let n = rng.below((len - from).min(512)) + 1;
                data.drain(from..from + n);
            }
            4 if len > 0 => data.truncate(rng.below(len)),
            _ => data.push(SPECIAL[rng.below(SPECIAL.len())]),
        }
    }
}

/// A .docx or .odt with one of its XML parts mutated (bytes, or its structure), rezipped; `None`
/// if it is not an archive.
fn mutate_inside(rng: &mut Rng, data: &[u8], structural: bool) -> Option<Vec<u8>> {
    let mut entries = entries_of(data);
    let xml: Vec<usize> = (0..entries.len()).filter(|&i| entries[i].0.ends_with(".xml")).collect();
    let pick = *xml.get(rng.below(xml.len()))?;
    if structural {
        let text = String::from_utf8_lossy(&entries[pick].1).into_owned();
        entries[pick].1 = structure::xml(rng, &text).into_bytes();
    } else {
        mutate_bytes(rng, &mut entries[pick].1);
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in &entries {
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .ok()?;
        zip.write_all(bytes).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str, default: u64| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1)?.parse().ok())
            .unwrap_or(default)
    };
    let runs = value("--runs", 2000);
    // Or for a time: `--seconds 3600` runs until an hour is up.
    let seconds = value("--seconds", 0);
    let mut rng = Rng(value("--seed", 0x5eed).max(1));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = seeds(root);
    assert!(!seeds.is_empty(), "no seeds found under {}", root.display());
    let out = root.join("target/fuzz");
    for dir in ["crashes", "slow"] {
        std::fs::create_dir_all(out.join(dir)).expect("target/fuzz is writable");
    }
    // Panics are counted and saved, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));
    let (mut crashes, mut slow) = (0, 0);
    let start = Instant::now();
    let mut done = 0;
    for run in 0..if seconds > 0 { u64::MAX } else { runs } {
        if seconds > 0 && start.elapsed().as_secs() >= seconds {
            break;
        }
        done += 1;
        let (name, seed) = &seeds[rng.below(seeds.len())];
        let input = match rng.below(3) {
            0 => mutate_inside(&mut rng, seed, false),
            1 if seed.starts_with(b"PK") => mutate_inside(&mut rng, seed, true),
            1 if seed.starts_with(b"%PDF") => structure::pdf(&mut rng, seed),
            1 if seed.starts_with(b"\xD0\xCF\x11\xE0") => structure::doc(&mut rng, seed),
            1 if name.ends_with(".html") || name.ends_with(".htm") => {
                Some(structure::xml(&mut rng, &String::from_utf8_lossy(seed)).into_bytes())
            }
            _ => None,
        }
        .unwrap_or_else(|| {
            let mut data = seed.clone();
            mutate_bytes(&mut rng, &mut data);
            data
        });
        // Past the default size limit the command line refuses a file unread.
        if input.len() as u64 > duibi::load::DEFAULT_MAX_BYTES {
            continue;
        }
        std::fs::write(out.join("current"), &input).expect("writes the current input");
        let began = Instant::now();
        let panicked = catch_unwind(AssertUnwindSafe(|| exercise::exercise(name, &input))).is_err();
        let took = began.elapsed();
        let file = format!("{run:06}-{name}");
        if panicked {
            crashes += 1;
            std::fs::write(out.join("crashes").join(&file), &input).expect("saves the crash");
        } else if took > SLOW + SLOW_PER_MB * (input.len() >> 20) as u32 {
            slow += 1;
            std::fs::write(out.join("slow").join(&file), &input).expect("saves the slow input");
        }
    }
    let _ = std::panic::take_hook();
    println!(
        "{done} runs over {} seeds in {:.1} s: {crashes} crashes, {slow} over {} s and {} s a MB (in {})",
        seeds.len(),
        start.elapsed().as_secs_f64(),
        SLOW.as_secs(),
        SLOW_PER_MB.as_secs(),
        out.display()
    );
    if crashes + slow > 0 {
        std::process::exit(1);
    }
}
