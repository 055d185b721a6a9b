//! Checks on the real reports in `../shared/corpus`. They are not part of the project, so these tests
//! are ignored by default; `.ci/run` runs them with `--ignored` when the corpus is there.

use std::path::PathBuf;

use duibi::compare::Comparison;
use duibi::load::{LoadOptions, load};
use duibi::outline::{Document, SectionKind, outline};
use duibi::sides::Side;
use duibi::text::split_sentences;
use duibi::topics::Taxonomy;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

fn doc(name: &str) -> Document {
    outline(&load(&corpus_dir().join(name), &LoadOptions::default()).expect("corpus file loads"))
}

/// (file, unit, year, numbered headings per level 1..=4, enumerated items)
const EXPECTED: &[(&str, &str, u32, [usize; 4], usize)] = &[
    ("zhengzhou-kjj-2017.txt", "郑州市科学技术局", 2017, [7, 28, 0, 0], 0),
    ("shenyang-kjj-2022.txt", "沈阳市科学技术局", 2022, [3, 7, 11, 0], 2),
    ("yangjiang-kjj-2017.txt", "阳江市科学技术局", 2017, [3, 7, 2, 0], 20),
    ("luohe-kjj-2020.txt", "漯河市科学技术局", 2020, [4, 3, 13, 0], 31),
    ("zhoucun-kjj-2018.txt", "周村区科学技术局", 2018, [11, 0, 0, 0], 0),
];

#[test]
#[ignore = "needs ../shared/corpus"]
fn outline_finds_headings_levels_year_and_unit() {
    for &(file, unit, year, per_level, items) in EXPECTED {
        let d = doc(file);
        assert_eq!(d.unit.as_deref(), Some(unit), "{file} unit");
        assert_eq!(d.year, Some(year), "{file} year");
        let mut counts = [0usize; 4];
        let mut item_count = 0;
        for s in &d.sections {
            match s.kind {
                SectionKind::Heading => counts[s.level() - 1] += 1,
                SectionKind::Item => item_count += 1,
            }
            assert!(!s.heading.is_empty(), "{file}: empty heading {}", s.number);
            assert!(
                s.heading.chars().count() <= 60,
                "{file}: heading too long: {}",
                s.heading
            );
        }
        assert_eq!(counts, per_level, "{file} headings per level");
        assert_eq!(item_count, items, "{file} enumerated items");
    }
}

/// Sentences that any reader would file under the topic.
const SIGNATURES: &[(&str, &[&str])] = &[
    ("legal_counsel", &["法律顾问", "法律顾向", "政府合同", "合同审"]),
    ("normative_docs", &["规范性文件"]),
    (
        "enforcement",
        &["双随机", "案卷评查", "持证上岗", "执法证", "执法检查", "行政执法责任制"],
    ),
];

fn sentences_with(d: &Document, words: &[&str]) -> Vec<String> {
    let mut texts: Vec<String> = d.preamble.iter().map(|p| p.text.to_string()).collect();
    for id in 0..d.sections.len() {
        texts.push(d.own_text(id));
    }
    let mut out = Vec::new();
    for t in &texts {
        for line in t.lines() {
            for r in split_sentences(line) {
                let s = line[r].trim();
                if words.iter().any(|w| s.contains(w)) {
                    out.push(s.to_string());
                }
            }
        }
    }
    out
}

#[test]
#[ignore = "needs ../shared/corpus"]
fn topic_rows_hold_every_passage_about_them_in_every_pair() {
    let tax = Taxonomy::builtin();
    let names: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    for (i, a) in names.iter().enumerate() {
        for b in &names[i + 1..] {
            let (l, r) = (doc(a), doc(b));
            let c = Comparison::build(l.clone(), r.clone(), &tax);
            for (topic, words) in SIGNATURES {
                let row = &c.alignment.rows[c
                    .row_of(tax.find(topic).unwrap())
                    .unwrap_or_else(|| panic!("{a}/{b}: no {topic} row"))];
                for (side, side_doc, passages, name) in [
                    (Side::Left, &l, &row.passages.left, a),
                    (Side::Right, &r, &row.passages.right, b),
                ] {
                    assert!(!passages.is_empty(), "{a}/{b}: {topic} row empty on {name}");
                    // Each sentence stands in one row: this topic's, one its own words name as well
                    // (a sentence on several topics goes with its section), or a whole topic's
                    // (a problem or a plan about this topic is a problem or a plan).
                    for s in sentences_with(side_doc, words) {
                        let held = passages.iter().any(|p| p.text.contains(&s));
                        let elsewhere = c
                            .alignment
                            .rows
                            .iter()
                            .find(|x| x.passages[side].iter().any(|p| p.text.contains(&s)));
                        let scores = tax.score(&s, false);
                        let named = elsewhere
                            .and_then(|x| x.topic)
                            .is_some_and(|o| scores.get(o) > 0 || tax.topic(o).whole);
                        assert!(held || named, "{name}: {topic} row misses: {s}");
                    }
                }
            }
        }
    }
}

/// On every pair of real reports, cross-bureau ones full of sentences only one side has, the status
/// line counts each row's changes as its diff does and `}` visits each, side by side and inline.
#[test]
#[ignore = "needs ../shared/corpus"]
fn every_pair_steps_through_as_many_changes_as_it_counts() {
    let names: Vec<&str> = EXPECTED.iter().map(|e| e.0).collect();
    let read = |n: &str| std::fs::read_to_string(corpus_dir().join(n)).expect("corpus file reads");
    for a in &names {
        for b in &names {
            if a == b {
                continue;
            }
            for width in [80, 160] {
                let mut app = crate::util::app_of(&read(a), &read(b));
                app.update(duibi::view::Input::Resize { width, height: 40 });
                crate::counts::steps_through_every_change(&mut app, &format!("{a} vs {b} at {width}"));
            }
        }
    }
}
