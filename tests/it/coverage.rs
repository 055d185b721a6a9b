//! Nothing of a report is lost: every sentence of every paragraph, and the letter frame, is shown in
//! some row, whatever the taxonomy; an empty comparison shows a message, not a panic.

use std::path::{Path, PathBuf};

use duibi::compare::Comparison;
use duibi::load::{LoadOptions, load};
use duibi::outline::{Document, outline};
use duibi::text::{is_blank, split_sentences};
use duibi::topics::Taxonomy;

/// The taxonomy example of docs/topics.md: no frame topic, one business topic and the fallback.
const SMALL_TAXONOMY: &str = r#"
[[topic]]
id = "safety"
label = "安全生产"
english = "Work safety"
heading = { "安全" = 3 }
keywords = { "安全生产" = 4, "隐患排查" = 3, "应急演练" = 2 }

[[topic]]
id = "other"
label = "其他"
fallback = true
"#;

fn doc(path: &Path) -> Document {
    outline(&load(path, &LoadOptions::default()).expect("loads"))
}

/// Every paragraph's sentences, and every frame field, of one report.
fn pieces(d: &Document) -> Vec<String> {
    let mut paragraphs: Vec<&str> = d.preamble.iter().map(|p| p.text.as_str()).collect();
    for id in 0..d.sections.len() {
        paragraphs.extend(d.paragraphs(id).iter().map(|p| p.text.as_str()));
    }
    paragraphs.extend(d.closing.iter().map(|p| p.text.as_str()));
    let mut out: Vec<String> = [&d.title, &d.addressee, &d.signature, &d.date]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    for p in paragraphs {
        for r in split_sentences(p) {
            let s = p[r].trim();
            if !s.chars().all(is_blank) {
                out.push(s.to_string());
            }
        }
    }
    out
}

fn check(left: &Path, right: &Path, tax: &Taxonomy) {
    let (l, r) = (doc(left), doc(right));
    let (lp, rp) = (pieces(&l), pieces(&r));
    let c = Comparison::build(l, r, tax);
    for (side, wanted) in [("left", lp), ("right", rp)] {
        let shown: Vec<&str> = c
            .alignment
            .rows
            .iter()
            .flat_map(|row| {
                if side == "left" {
                    &row.passages.left
                } else {
                    &row.passages.right
                }
            })
            .map(|p| p.text.as_str())
            .collect();
        for piece in wanted {
            assert!(
                shown.iter().any(|t| t.contains(&piece)),
                "{} vs {}: {side} text in no row: {piece:?}",
                left.display(),
                right.display()
            );
        }
    }
    // Every passage knows where its text is: each origin's stretch is the same text in the report,
    // and together they cover the passage but for the line breaks between places. And every
    // character of every place (heading lines included) is in some row.
    for side in duibi::sides::Side::BOTH {
        let doc = &c.doc(side);
        let mut shown: std::collections::HashMap<duibi::outline::Place, Vec<bool>> = doc
            .places()
            .into_iter()
            .map(|p| (p, vec![false; doc.place_text(p).len()]))
            .collect();
        for p in c.alignment.rows.iter().flat_map(|row| &row.passages[side]) {
            for o in p.origins(doc).iter() {
                if let Some(bytes) = shown.get_mut(&o.place) {
                    bytes[o.at..o.at + o.len].iter_mut().for_each(|b| *b = true);
                }
            }
        }
        for (place, bytes) in &shown {
            let text = doc.place_text(*place);
            let lost: String = text
                .char_indices()
                .filter(|&(i, ch)| !bytes[i] && !is_blank(ch))
                .map(|(_, ch)| ch)
                .collect();
            assert!(lost.is_empty(), "{}: {place:?}: in no row: {lost:?}", left.display());
        }
        for row in &c.alignment.rows {
            for p in &row.passages[side] {
                let mut covered = vec![false; p.text.len()];
                for o in p.origins(doc).iter() {
                    let place = doc.place_text(o.place);
                    assert_eq!(
                        p.text.get(o.from..o.from + o.len),
                        place.get(o.at..o.at + o.len),
                        "{}: {:?} in {:?}",
                        left.display(),
                        o,
                        p.text
                    );
                    covered[o.from..o.from + o.len].iter_mut().for_each(|b| *b = true);
                }
                let lost: String = p
                    .text
                    .char_indices()
                    .filter(|&(i, c)| !covered[i] && c != '\n')
                    .map(|(_, c)| c)
                    .collect();
                assert!(lost.is_empty(), "{}: text of no place: {lost:?}", left.display());
            }
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture_reports() -> Vec<PathBuf> {
    let r = root();
    vec![
        r.join("examples/reports/demo-2023.txt"),
        r.join("examples/reports/demo-2024.txt"),
        r.join("tests/fixtures/reports/styles/left.txt"),
        r.join("tests/fixtures/reports/styles/right.txt"),
        r.join("tests/fixtures/reports/html/page.html"),
    ]
}

fn every_pair(files: &[PathBuf]) {
    let small = Taxonomy::parse(Path::new("small.toml"), SMALL_TAXONOMY).expect("valid");
    for tax in [Taxonomy::builtin(), small] {
        for a in files {
            for b in files {
                check(a, b, &tax);
            }
        }
    }
}

#[test]
fn every_sentence_of_every_fixture_lands_in_some_row() {
    every_pair(&fixture_reports());
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn every_sentence_of_the_corpus_lands_in_some_row() {
    let dir = root().join("../shared/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    every_pair(&files);
}

#[test]
fn a_taxonomy_without_a_frame_topic_still_shows_the_opening_and_closing() {
    let tax = Taxonomy::parse(Path::new("small.toml"), SMALL_TAXONOMY).expect("valid");
    assert_eq!(tax.topic(tax.frame()).id, "frame");
    let text = "示例县应急管理局2021年度法治政府建设情况报告\n县依法治县办:\n2021年,我局认真贯彻落实各项部署。\n一、安全生产\n开展隐患排查12次。\n总之,各项工作取得新进展。\n特此报告。\n示例县应急管理局\n2022年1月5日\n";
    let d = outline(&duibi::load::SourceText::from_bytes("a.txt", text.as_bytes()).expect("decodes"));
    let c = Comparison::build(d.clone(), d, &tax);
    let frame_row = &c.alignment.rows[0];
    assert_eq!(frame_row.label, "开头与结尾");
    let shown: String = frame_row.passages.left.iter().map(|p| p.text.as_str()).collect();
    for piece in [
        "2021年度法治政府建设情况报告",
        "我局认真贯彻落实",
        "总之",
        "特此报告",
        "2022年1月5日",
    ] {
        assert!(shown.contains(piece), "{piece} in {shown}");
    }
}
