//! The segmenter's fast path (a dictionary filtered to the texts' characters) must cut every text
//! exactly as the whole dictionary does: on every fixture report, and on the corpus when present.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use duibi::compare::Comparison;
use duibi::diff::{JiebaTokenizer, Tokenizer};
use duibi::load::{LoadOptions, load};
use duibi::normalize::fold;
use duibi::outline::outline;
use duibi::text::split_sentences;
use duibi::topics::Taxonomy;

fn full() -> &'static JiebaTokenizer {
    static FULL: OnceLock<JiebaTokenizer> = OnceLock::new();
    FULL.get_or_init(JiebaTokenizer::new)
}

fn words<'a>(tok: &dyn Tokenizer, text: &'a str) -> Vec<&'a str> {
    tok.tokens(text).into_iter().map(|r| &text[r]).collect()
}

/// Every report among the fixtures and the demo (text and web pages, every encoding).
fn fixture_reports() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        "tests/fixtures/reports/styles",
        "tests/fixtures/reports/html",
        "examples/reports",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).expect("fixture folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "txt" || e == "html") {
                out.push(path);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 7, "fixtures found: {out:?}");
    out
}

/// The folded sentences of a file, as the word diff sees them.
fn sentences(path: &Path) -> Vec<String> {
    let src = load(path, &LoadOptions::default()).expect("fixture loads");
    let mut out = Vec::new();
    for line in src.text.lines() {
        for r in split_sentences(line) {
            out.push(fold(&line[r]).text);
        }
    }
    out
}

/// Filtered to the whole file's characters, and to each sentence's alone (the tightest filter).
fn assert_segments_alike(path: &Path) {
    let sentences = sentences(path);
    let whole = JiebaTokenizer::for_texts(sentences.iter().map(String::as_str));
    for s in &sentences {
        let expected = words(full(), s);
        assert_eq!(words(&whole, s), expected, "{}: {s}", path.display());
        let alone = JiebaTokenizer::for_texts([s.as_str()]);
        assert_eq!(words(&alone, s), expected, "{}, sentence alone: {s}", path.display());
    }
}

#[test]
fn the_fast_path_segments_every_fixture_like_the_whole_dictionary() {
    for path in fixture_reports() {
        assert_segments_alike(&path);
    }
}

/// The word diffs of a comparison with its own segmenter and with the whole dictionary.
fn assert_diffs_alike(left: &Path, right: &Path) {
    let tax = Taxonomy::builtin();
    let read = |p: &Path| outline(&load(p, &LoadOptions::default()).expect("report loads"));
    let cmp = Comparison::build(read(left), read(right), &tax);
    let budget = Duration::from_secs(60);
    let fast = cmp.word_diffs(&cmp.segmenter(), budget);
    let slow = cmp.word_diffs(full(), budget);
    assert_eq!(fast.len(), slow.len());
    for (row, (f, s)) in fast.iter().zip(&slow).enumerate() {
        assert_eq!(f.ops, s.ops, "{} vs {}, row {row}", left.display(), right.display());
        assert_eq!(f.spans, s.spans);
    }
}

#[test]
fn a_comparison_segmenter_diffs_like_the_whole_dictionary() {
    let reports = fixture_reports();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_diffs_alike(
        &root.join("examples/reports/demo-2023.txt"),
        &root.join("examples/reports/demo-2024.txt"),
    );
    assert_diffs_alike(
        &root.join("tests/fixtures/reports/styles/left.txt"),
        &root.join("tests/fixtures/reports/styles/right.txt"),
    );
    assert_diffs_alike(&reports[0], &reports[reports.len() - 1]);
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn the_fast_path_segments_the_corpus_like_the_whole_dictionary() {
    let files = corpus();
    for f in &files {
        assert_segments_alike(f);
    }
    for (i, a) in files.iter().enumerate() {
        for b in &files[i + 1..] {
            assert_diffs_alike(a, b);
        }
    }
}
