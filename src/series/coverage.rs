//! The coverage matrix: for every topic and every report, how much the report says on it, and how
//! much of that repeats the report before word for word, sentence by sentence; so that a topic
//! appearing, disappearing or merely copied is seen at once.
//!
//! A report's sentences are filed as the pair view of it against the report before files them (so
//! a cell counts what that pair's row shows), and a sentence is copied when the report before says
//! it with the same words, its numbering aside: renumbering is never new text.

use std::collections::HashSet;

use super::Series;
use crate::align::Filed;
use crate::compare::Report;
use crate::normalize::fold;
use crate::numbering::parse_marker;
use crate::sides::Side;
use crate::topics::{Taxonomy, TopicId};

/// Sentences shorter than this (folded, in characters, numbering aside) are fragments, not text
/// that can be said to be copied.
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

/// A report's sentences as the matrix counts them: each one's words (folded, numbering marker
/// and blanks dropped) and topic; fragments left out.
struct Sentences {
    words: Vec<String>,
    topics: Vec<TopicId>,
}

impl Sentences {
    fn new(r: &Report, filing: &[Option<TopicId>], tax: &Taxonomy) -> Sentences {
        let (mut words, mut topics) = (Vec::new(), Vec::new());
        for (s, t) in r.doc.sentences().iter().zip(filing) {
            let folded = fold(r.doc.sentence_text(s)).text;
            let marker = parse_marker(&folded).map_or(0, |m| m.len);
            let w: String = folded[marker..].chars().filter(|c| !c.is_whitespace()).collect();
            if w.chars().count() >= MIN_SENTENCE_CHARS {
                words.push(w);
                topics.push(t.unwrap_or(tax.fallback()));
            }
        }
        Sentences { words, topics }
    }

    fn on(&self, t: TopicId) -> impl Iterator<Item = &str> {
        self.words
            .iter()
            .zip(&self.topics)
            .filter(move |(_, x)| **x == t)
            .map(|(w, _)| w.as_str())
    }

    fn set(&self) -> HashSet<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// One cell: `now` against the report before (`before`: all its sentences, and those on the topic
/// as the same pair files them).
fn cell<'a>(
    now: impl Iterator<Item = &'a str>,
    before: Option<(&HashSet<&str>, Vec<&str>)>,
    all_now: &HashSet<&str>,
) -> Cell {
    let now: Vec<&str> = now.collect();
    Cell {
        sentences: now.len(),
        chars: now.iter().map(|s| s.chars().count()).sum(),
        copied: before
            .as_ref()
            .map(|(all, _)| now.iter().filter(|s| all.contains(*s)).count()),
        dropped: before.map(|(_, topic)| topic.iter().filter(|s| !all_now.contains(*s)).count()),
    }
}

/// A report's whole text against the report before it, as the coverage's totals count it: its
/// sentences, and how many of them the report before says word for word anywhere.
pub fn whole(now: &Report, before: Option<&Report>, tax: &Taxonomy) -> Cell {
    let words = |r: &Report| Sentences::new(r, &vec![None; r.doc.sentences().len()], tax);
    let now = words(now);
    let before = before.map(words);
    let set_before = before.as_ref().map(Sentences::set);
    let all_before: Vec<&str> = before
        .as_ref()
        .map_or_else(Vec::new, |b| b.words.iter().map(String::as_str).collect());
    cell(
        now.words.iter().map(String::as_str),
        set_before.as_ref().map(|s| (s, all_before)),
        &now.set(),
    )
}

impl Coverage {
    pub fn new(series: &Series, tax: &Taxonomy) -> Coverage {
        let indices: Vec<usize> = (0..series.reports.len()).collect();
        // Each report as the pair against the report before files it, and that report as the same
        // pair files it.
        let per: Vec<(Sentences, Option<Sentences>)> = super::par_map(&indices, |&j| {
            let now = &series.reports[j];
            match series.previous(j) {
                Some(i) => {
                    let c = series.pair(i, j, tax);
                    let before = Sentences::new(&series.reports[i], &c.filing(Side::Left), tax);
                    (Sentences::new(now, &c.filing(Side::Right), tax), Some(before))
                }
                None => {
                    let sentences = now.doc.sentences();
                    let filed = Filed::new(&now.doc, &sentences, &now.topics, tax);
                    (Sentences::new(now, &filed.filing, tax), None)
                }
            }
        });
        let sets: Vec<HashSet<&str>> = per.iter().map(|(s, _)| s.set()).collect();
        let before_of = |j: usize, t: Option<TopicId>| {
            let i = series.previous(j)?;
            let pair_before = per[j].1.as_ref()?;
            let topic: Vec<&str> = match t {
                Some(t) => pair_before.on(t).collect(),
                None => pair_before.words.iter().map(String::as_str).collect(),
            };
            Some((&sets[i], topic))
        };
        let mut topics = Vec::new();
        for t in 0..tax.topics().len() {
            let cells: Vec<Cell> = (0..per.len())
                .map(|j| cell(per[j].0.on(t), before_of(j, Some(t)), &sets[j]))
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
        let totals = (0..per.len())
            .map(|j| {
                let all = per[j].0.words.iter().map(String::as_str);
                cell(all, before_of(j, None), &sets[j])
            })
            .collect();
        Coverage { topics, totals }
    }
}
