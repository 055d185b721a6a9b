//! The segmenter (jieba's algorithm over a dictionary compiled into the binary) must cut every
//! text exactly as jieba-rs loaded with the same words does: on every fixture report, and on the
//! corpus when present; and the word diffs made with either must be the same.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use duibi::compare::Comparison;
use duibi::diff::tokenize::split_with;
use duibi::diff::{JiebaTokenizer, Tokenizer, jieba_terms};
use duibi::load::{LoadOptions, load};
use duibi::normalize::fold;
use duibi::outline::outline;
use duibi::text::split_sentences;
use duibi::topics::Taxonomy;

/// jieba-rs with `src/diff/dict.txt` and the domain terms, as the segmenter used to load it.
struct Reference(jieba_rs::Jieba);

impl Tokenizer for Reference {
    fn tokens(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        // The same split into atoms, punctuation and runs: only the runs' cuts are under test.
        split_with(text, |run, base, out| {
            out.extend(
                self.0
                    .cut(run, false)
                    .into_iter()
                    .map(|t| base + t.byte_start..base + t.byte_end),
            );
        })
    }
}

fn full() -> &'static Reference {
    static FULL: OnceLock<Reference> = OnceLock::new();
    FULL.get_or_init(|| {
        let dict = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diff/dict.txt"))
            .expect("dictionary");
        let mut j = jieba_rs::Jieba::empty();
        for line in dict.lines() {
            let mut parts = line.split(' ').skip(1);
            let (word, freq) = (parts.next().expect("word"), parts.next().expect("frequency"));
            j.add_word(word, Some(freq.parse().expect("number")), Some(""));
        }
        for t in jieba_terms() {
            j.add_word(t, Some(100_000), Some(""));
        }
        Reference(j)
    })
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

/// Every sentence of the file, and the whole file at once (runs across lines).
fn assert_segments_alike(path: &Path) {
    let sentences = sentences(path);
    for s in &sentences {
        assert_eq!(words(&JiebaTokenizer, s), words(full(), s), "{}: {s}", path.display());
    }
    let whole = sentences.concat();
    assert_eq!(
        words(&JiebaTokenizer, &whole),
        words(full(), &whole),
        "{}",
        path.display()
    );
}

#[test]
fn the_compiled_dictionary_segments_every_fixture_like_jieba() {
    for path in fixture_reports() {
        assert_segments_alike(&path);
    }
}

/// The word diffs of a comparison with its own segmenter and with jieba-rs.
fn assert_diffs_alike(left: &Path, right: &Path) {
    let tax = Taxonomy::builtin();
    let read = |p: &Path| outline(&load(p, &LoadOptions::default()).expect("report loads"));
    let cmp = Comparison::build(read(left), read(right), &tax);
    let budget = Duration::from_secs(60);
    let fast = cmp.word_diffs(&cmp.segmenter(), budget);
    let slow = cmp.word_diffs(full(), budget);
    assert_eq!(fast.len(), slow.len());
    for (row, (f, s)) in fast.iter().zip(&slow).enumerate() {
        let r = &cmp.alignment.rows[row];
        assert_eq!(
            f.ops(r),
            s.ops(r),
            "{} vs {}, row {row}",
            left.display(),
            right.display()
        );
        assert_eq!(f.spans, s.spans);
    }
}

#[test]
fn a_comparison_diffs_alike_with_either_segmenter() {
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
fn the_compiled_dictionary_segments_the_corpus_like_jieba() {
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
