//! Documents as real office programs write them (LibreOffice, pandoc, reportlab, WeasyPrint; made from the demo report by
//! `scripts/make-office-fixtures.sh`): each reads as the text it holds, so comparing it with that
//! text shows no change and its outline is the text's.

use std::path::{Path, PathBuf};

use duibi::compare::Comparison;
use duibi::diff::CharTokenizer;
use duibi::load::{LoadOptions, load};
use duibi::outline::{Document, outline};
use duibi::topics::Taxonomy;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/office")
}

fn read(path: &Path) -> Document {
    outline(&load(path, &LoadOptions::default()).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

/// (level, number, heading) of every section, headings folded as the comparison reads them (a
/// typesetter's curly quotes are the text's straight ones).
fn shape(d: &Document) -> Vec<(usize, String, String)> {
    d.walk()
        .into_iter()
        .map(|id| {
            let s = d.section(id);
            (s.level(), s.number.to_string(), duibi::normalize::fold(&s.heading).text)
        })
        .collect()
}

#[test]
fn office_documents_read_as_the_text_they_hold() {
    let source = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reports/demo-2024.txt"));
    let mut checked = 0;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/fixtures/office")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    for path in paths {
        let doc = read(&path);
        let name = path.display().to_string();
        assert_eq!(shape(&doc), shape(&source), "{name}: outline");
        assert_eq!(
            (&doc.unit, doc.year),
            (&source.unit, source.year),
            "{name}: unit and year"
        );
        assert_eq!(
            (&doc.title, &doc.signature, &doc.date),
            (&source.title, &source.signature, &source.date),
            "{name}"
        );
        let mut c = Comparison::build(source.clone(), doc, &Taxonomy::builtin());
        c.diffs = std::sync::Arc::new(c.word_diffs(&CharTokenizer, std::time::Duration::from_secs(10)));
        let changed: Vec<&str> = c
            .alignment
            .rows
            .iter()
            .zip(c.diffs.iter())
            .filter(|(_, d)| d.stats.changes > 0 || d.stats.renumbered > 0)
            .map(|(r, _)| r.label.as_str())
            .collect();
        assert!(changed.is_empty(), "{name}: changes in {changed:?}");
        checked += 1;
    }
    assert!(checked >= 16, "every format is there: {checked}");
}

#[test]
fn an_old_word_document_says_what_it_is() {
    let src = load(&dir().join("libreoffice.doc"), &LoadOptions::default()).expect("reads");
    assert_eq!(outline(&src).source_kind(), "Word 97–2003 .doc");
}

#[test]
fn a_page_of_nested_numbered_lists_keeps_its_levels_and_every_line() {
    // LibreOffice's web page of a report numbered by Word's lists: nested <ol> without a number
    // format, as a browser shows them (1. at every level).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = read(&root.join("tests/fixtures/numbered/libreoffice-numbered.html"));
    let word = read(&dir().join("word-numbered.docx"));
    let levels = |d: &Document| -> Vec<(usize, String)> { shape(d).into_iter().map(|(l, _, h)| (l, h)).collect() };
    assert_eq!(levels(&page), levels(&word), "the same headings at the same levels");
    assert_eq!((&page.title, &page.date), (&word.title, &word.date));
    let mut c = Comparison::build(word, page, &Taxonomy::builtin());
    c.diffs = std::sync::Arc::new(c.word_diffs(&CharTokenizer, std::time::Duration::from_secs(10)));
    let changes: usize = c.diffs.iter().map(|d| d.stats.changes).sum();
    assert_eq!(changes, 0, "every line is there, numbering aside");
}
