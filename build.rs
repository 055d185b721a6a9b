//! Compiles what the binary would otherwise make at every start: the segmenter's dictionary
//! (`src/diff/dict.txt`, `key word frequency` lines) into an FST map from word to frequency, which
//! the binary includes and reads in place; and the built-in taxonomy (`src/topics/taxonomy.toml`)
//! into JSON, which reads in a fifth of the time TOML takes.

use std::{env, fs, path::PathBuf};

fn main() {
    dictionary();
    taxonomy();
    position_dependent();
}

/// The binary is linked at a fixed address on x86-64 Linux: a position-independent one has the
/// loader write some 29,000 pointers of its tables (the libraries' string and glyph tables) at
/// every start, copying each page they are on, a tenth of a small comparison. The library and
/// its tests are compiled as usual; only the binary's link differs (docs/performance.md).
fn position_dependent() {
    let target = |key: &str| env::var(key).unwrap_or_default();
    // glibc only: a static musl binary is linked as static-pie, which this would contradict.
    if target("CARGO_CFG_TARGET_OS") == "linux"
        && target("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && target("CARGO_CFG_TARGET_ENV") == "gnu"
    {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}

fn out(name: &str) -> PathBuf {
    PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join(name)
}

fn taxonomy() {
    println!("cargo::rerun-if-changed=src/topics/taxonomy.toml");
    let text = fs::read_to_string("src/topics/taxonomy.toml").expect("src/topics/taxonomy.toml is readable");
    let value: toml::Value = toml::from_str(&text).expect("the built-in taxonomy is TOML");
    let json = serde_json::to_string(&value).expect("TOML values are JSON values");
    fs::write(out("taxonomy.json"), json).expect("OUT_DIR is writable");
}

fn dictionary() {
    println!("cargo::rerun-if-changed=src/diff/dict.txt");
    let text = fs::read_to_string("src/diff/dict.txt").expect("src/diff/dict.txt is readable");
    let mut entries: Vec<(&str, u64)> = text
        .lines()
        .map(|line| {
            let mut parts = line.split(' ');
            let (_key, word, freq) = (parts.next(), parts.next(), parts.next());
            let freq = freq.and_then(|f| f.parse().ok()).expect("a frequency on every line");
            (word.expect("a word on every line"), freq)
        })
        .collect();
    entries.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let map = fst::Map::from_iter(entries).expect("no word twice in the dictionary");
    fs::write(out("dict.fst"), map.as_fst().as_bytes()).expect("OUT_DIR is writable");
}
