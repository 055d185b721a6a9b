//! Compiles the segmenter's dictionary (`src/diff/dict.txt`, `key word frequency` lines) into an
//! FST map from word to frequency, which the binary includes and reads in place: no dictionary is
//! built at run time.

use std::{env, fs, path::PathBuf};

fn main() {
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
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("dict.fst");
    fs::write(out, map.as_fst().as_bytes()).expect("OUT_DIR is writable");
}
