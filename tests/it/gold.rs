//! Precision and recall of topic filing on a gold set written for the purpose
//! (`tests/fixtures/gold/`): for every sentence, the rows it must be in and the rows it may be in.
//! A sentence in a row of another topic is a wrong filing; missing from one of its rows, a miss.
//! The scores are printed per topic (`cargo test --test it gold -- --nocapture`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use duibi::compare::Comparison;
use duibi::load::SourceText;
use duibi::outline::outline;
use duibi::topics::Taxonomy;

#[derive(serde::Deserialize)]
struct Gold {
    report: Vec<Report>,
}

#[derive(serde::Deserialize)]
struct Report {
    file: String,
    sentences: Vec<Sentence>,
}

#[derive(serde::Deserialize)]
struct Sentence {
    text: String,
    topics: Vec<String>,
    #[serde(default)]
    also: Vec<String>,
}

#[derive(Default)]
struct Count {
    right: usize,
    wrong: usize,
    missed: usize,
}

impl Count {
    fn precision(&self) -> f64 {
        ratio(self.right, self.right + self.wrong)
    }

    fn recall(&self) -> f64 {
        ratio(self.right, self.right + self.missed)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Scores the built-in taxonomy on a gold file: per topic, and over all filings.
fn score(file: &str) -> (BTreeMap<String, Count>, Count) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
    let gold: Gold = toml::from_str(&std::fs::read_to_string(dir.join(file)).expect("gold file")).expect("parses");
    let tax = Taxonomy::builtin();
    let mut per_topic: BTreeMap<String, Count> = BTreeMap::new();
    let mut all = Count::default();
    for report in &gold.report {
        let bytes = std::fs::read(dir.join(&report.file)).expect("report");
        let doc = outline(&SourceText::from_bytes(report.file.clone(), &bytes).expect("decodes"));
        let c = Comparison::build(doc.clone(), doc, &tax);
        for s in &report.sentences {
            let filed: BTreeSet<String> = c
                .alignment
                .rows
                .iter()
                .filter(|row| row.passages.left.iter().any(|p| p.text.contains(&s.text)))
                .filter_map(|row| row.topic.map(|t| tax.topic(t).id.clone()))
                .collect();
            assert!(
                !filed.is_empty()
                    || c.alignment
                        .rows
                        .iter()
                        .any(|r| r.passages.left.iter().any(|p| p.text.contains(&s.text))),
                "{}: {:?} is in no row",
                report.file,
                s.text
            );
            for t in &s.topics {
                let count = per_topic.entry(t.clone()).or_default();
                if filed.contains(t) {
                    count.right += 1;
                    all.right += 1;
                } else {
                    count.missed += 1;
                    all.missed += 1;
                    eprintln!(
                        "missed: {} {:?} not under {t} (filed under {filed:?})",
                        report.file, s.text
                    );
                }
            }
            for t in filed.iter().filter(|t| !s.topics.contains(t) && !s.also.contains(t)) {
                per_topic.entry(t.clone()).or_default().wrong += 1;
                all.wrong += 1;
                eprintln!("wrong: {} {:?} under {t}", report.file, s.text);
            }
        }
    }
    (per_topic, all)
}

fn report(file: &str) -> Count {
    let (per_topic, all) = score(file);
    eprintln!("{file}");
    eprintln!("{:<16} {:>9} {:>6}", "topic", "precision", "recall");
    for (topic, c) in &per_topic {
        eprintln!("{topic:<16} {:>9.2} {:>6.2}", c.precision(), c.recall());
    }
    eprintln!("{:<16} {:>9.2} {:>6.2}", "all", all.precision(), all.recall());
    all
}

#[test]
fn topics_are_filed_with_high_precision_and_recall() {
    let all = report("gold.toml");
    assert!(all.recall() >= 0.95, "recall {:.2}", all.recall());
    assert!(all.precision() >= 0.92, "precision {:.2}", all.precision());
}

/// The held-out file was never tuned on: its scores say what the rules do on reports they have not
/// seen.
#[test]
fn topics_are_filed_with_high_precision_and_recall_on_held_out_reports() {
    let all = report("heldout.toml");
    assert!(all.recall() >= 0.90, "recall {:.2}", all.recall());
    assert!(all.precision() >= 0.90, "precision {:.2}", all.precision());
}
