//! The coverage matrix: for every topic and every report, how much the report says on it, and how
//! much of that repeats the report before word for word, sentence by sentence; so that a topic
//! appearing, disappearing or merely copied is seen at once.

use std::collections::HashSet;

use super::Series;
use crate::align::{Classified, Passage, by_topic};
use crate::compare::Report;
use crate::normalize::fold;
use crate::text::split_sentences;
use crate::topics::{Taxonomy, TopicId};

/// Sentences shorter than this (folded, in characters) are numbering and fragments, not text that
/// can be said to be copied.
const MIN_SENTENCE_CHARS: usize = 4;

/// One report's text on one topic, against the report before it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Cell {
    /// Sentences on the topic (0: the report does not cover it).
    pub sentences: usize,
    /// Characters of those sentences.
    pub chars: usize,
    /// Of those sentences, how many the report before (see [`Series::previous`]) says word for
    /// word, anywhere in it; `None` when there is no report before.
    pub copied: Option<usize>,
    /// Sentences the report before said on the topic that this report says nowhere; `None` when
    /// there is no report before.
    pub dropped: Option<usize>,
}

impl Cell {
    pub fn covered(&self) -> bool {
        self.sentences > 0
    }

    /// Sentences not in the report before (all of them in the first report).
    pub fn new_sentences(&self) -> usize {
        self.sentences - self.copied.unwrap_or(0)
    }
}

/// One topic across the reports.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TopicRow {
    #[serde(skip)]
    pub topic: TopicId,
    /// The taxonomy's id (`legal_counsel`).
    pub id: String,
    /// Its label (`法律顾问`).
    pub label: String,
    /// One per report, in the series' order.
    pub cells: Vec<Cell>,
}

/// The matrix, and each report's totals.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Coverage {
    /// Topics in taxonomy order; only those some report covers.
    pub topics: Vec<TopicRow>,
    /// Each report's whole text as one cell.
    pub totals: Vec<Cell>,
}

/// The folded sentences of a report's passages on one topic.
fn sentences(passages: &[Passage]) -> Vec<String> {
    let mut out = Vec::new();
    for p in passages {
        for r in split_sentences(&p.text) {
            let s = fold(p.text[r].trim()).text;
            if s.chars().count() >= MIN_SENTENCE_CHARS {
                out.push(s);
            }
        }
    }
    out
}

/// A report's sentences by topic (in taxonomy order), and all its sentences.
fn report_sentences(r: &Report, tax: &Taxonomy) -> (Vec<Vec<String>>, HashSet<String>) {
    let mut by = vec![Vec::new(); tax.topics().len()];
    let classified = Classified {
        doc: &r.doc,
        topics: &r.topics,
    };
    for (t, passages) in by_topic(classified, tax) {
        by[t] = sentences(&passages);
    }
    let all = by.iter().flatten().cloned().collect();
    (by, all)
}

/// One cell: `now` against what the report before said on the topic and anywhere.
fn cell(now: &[String], before: Option<(&[String], &HashSet<String>)>, all_now: &HashSet<String>) -> Cell {
    Cell {
        sentences: now.len(),
        chars: now.iter().map(|s| s.chars().count()).sum(),
        copied: before.map(|(_, all)| now.iter().filter(|s| all.contains(*s)).count()),
        dropped: before.map(|(topic, _)| topic.iter().filter(|s| !all_now.contains(*s)).count()),
    }
}

impl Coverage {
    pub fn new(series: &Series, tax: &Taxonomy) -> Coverage {
        let per = super::par_map(&series.reports, |r| report_sentences(r, tax));
        let mut topics = Vec::new();
        for t in 0..tax.topics().len() {
            let cells: Vec<Cell> = (0..per.len())
                .map(|i| {
                    let before = series.previous(i).map(|b| (per[b].0[t].as_slice(), &per[b].1));
                    cell(&per[i].0[t], before, &per[i].1)
                })
                .collect();
            if cells.iter().any(Cell::covered) {
                let topic = tax.topic(t);
                topics.push(TopicRow {
                    topic: t,
                    id: topic.id.clone(),
                    label: topic.label.clone(),
                    cells,
                });
            }
        }
        let whole: Vec<Vec<String>> = per.iter().map(|(_, all)| all.iter().cloned().collect()).collect();
        let totals = (0..per.len())
            .map(|i| {
                let before = series.previous(i).map(|b| (whole[b].as_slice(), &per[b].1));
                cell(&whole[i], before, &per[i].1)
            })
            .collect();
        Coverage { topics, totals }
    }
}
