//! Compiles what the binary would otherwise make at every start: the segmenter's dictionary
//! (`src/diff/dict.txt`, `key word frequency` lines) into an FST map from word to frequency, which
//! the binary includes and reads in place; and the built-in taxonomy (`src/topics/taxonomy.toml`)
//! into JSON, which reads in a fifth of the time TOML takes. It also tells the linker how to lay
//! out the binary (see `position_dependent` and `hot_functions_first`).

use std::{env, fs, path::PathBuf};

fn main() {
    dictionary();
    taxonomy();
    position_dependent();
    hot_functions_first();
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

/// The functions the common commands run (`link/hot-functions.txt`, written by
/// `scripts/hot-functions.sh`) are placed side by side at the start of the code: the kernel maps
/// code in 64 KB windows around each page first run, and spread over the binary it was resident
/// nearly whole (3.3 of 4.9 MB comparing two one-line reports; about 1 MB gathered). Only where
/// the linker is rust-lld, the default for this target since Rust 1.90; names it does not find
/// (another toolchain's hashes) are skipped.
fn hot_functions_first() {
    println!("cargo::rerun-if-changed=link/hot-functions.txt");
    println!("cargo::rerun-if-env-changed=CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER");
    let file = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("link/hot-functions.txt");
    if rust_lld_links() && file.exists() {
        println!(
            "cargo::rustc-link-arg-bins=-Wl,--symbol-ordering-file={}",
            file.display()
        );
        println!("cargo::rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}

/// Whether the binary is linked by rustc's own lld: the target is x86-64 Linux with glibc, rustc
/// is 1.90 or later, and no other linker is asked for.
fn rust_lld_links() -> bool {
    let other_linker = env::var_os("CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER").is_some()
        || env::var("CARGO_ENCODED_RUSTFLAGS").is_ok_and(|f| f.contains("link"));
    if env::var("TARGET").as_deref() != Ok("x86_64-unknown-linux-gnu") || other_linker {
        return false;
    }
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let Ok(out) = std::process::Command::new(rustc).arg("-vV").output() else {
        return false;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let release = text.lines().find_map(|l| l.strip_prefix("release: ")).unwrap_or("");
    let mut parts = release
        .split(|c: char| !c.is_ascii_digit())
        .map(|p| p.parse::<u32>().ok());
    matches!((parts.next(), parts.next()), (Some(Some(1)), Some(Some(minor))) if minor >= 90)
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
