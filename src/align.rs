//! Stage 5, align: two classified documents to rows of passages, one row per topic present in either
//! report, plus rows for passages that match across reports by content alone.
//!
//! A passage is the smallest unit about the topic: a whole section when its heading says so, else
//! the paragraphs, enumerated items or sentences that are. Must not diff text.

use rustc_hash::FxHashMap as HashMap;

use crate::outline::{Document, Origin, SectionId};
use crate::sides::Side;
use crate::text::Fingerprint;
use crate::topics::{DocTopics, Taxonomy, TopicId};
use collect::Collector;
use headings::HeadingPath;

/// Points a heading needs for its section to be about a topic.
const HEADING_MIN: u32 = 2;
/// Points a paragraph needs to be about a topic as a whole.
const PARAGRAPH_MIN: u32 = 4;
/// Points a sentence needs to be pulled into a topic on its own: one strong term (法律顾问 5,
/// 规范性文件 4) or two ordinary ones, not one passing mention of 行政执法 (3).
const SENTENCE_MIN: u32 = 4;
/// A topic within this share of the best one still leads.
const LEAD_SHARE: f32 = 0.75;
/// Similarity above which two passages no topic claims are paired in a row of their own. Below it,
/// reports of different bureaus pair unrelated business paragraphs.
pub const CONTENT_MATCH_MIN: f32 = 0.4;
/// Passages shorter than this (in bytes) are too slight to stand alone (`特此报告。`).
const MIN_PASSAGE_BYTES: usize = 15;

/// How much of the document a passage covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PassageKind {
    /// A section with everything under it.
    Section,
    /// A section's heading and own paragraphs; its subsections are elsewhere.
    SectionOwn,
    /// A section's heading line alone, its paragraphs filed one by one (a heading naming two
    /// topics, or none).
    Heading,
    Paragraph,
    /// One or more consecutive sentences of a paragraph.
    Sentences,
    Preamble,
    Closing,
    /// A part of the letter frame: title, addressee, signature or date.
    Frame,
}

/// A piece of one report shown in a row.
#[derive(Debug, Clone)]
pub struct Passage {
    pub kind: PassageKind,
    pub section: Option<SectionId>,
    /// Headings from the top of the document down to the passage's section.
    pub path: HeadingPath,
    /// What the pane shows, one paragraph per line; a section's heading line included. A stretch
    /// of the report's text, shared with its other passages.
    pub text: crate::shared::SharedText,
    /// Where `text` is in the report: one stretch of one place, held here rather than in a list of
    /// its own. `None` for passages made outside a report, and for a whole section, whose
    /// stretches (one per subsection) the document gives: see [`Passage::origins`].
    origin: Option<Origin>,
    /// Document order: (section pre-order index + 1, paragraph, byte offset).
    order: (usize, usize, usize),
}

impl Passage {
    /// Where each stretch of `text` is in `doc`, the report the passage is of. A whole section's
    /// are worked out when asked for: one per subsection, they would weigh more than the text.
    pub fn origins<'a>(&'a self, doc: &Document) -> std::borrow::Cow<'a, [Origin]> {
        match (self.kind, self.section) {
            (PassageKind::Section, Some(id)) if id < doc.sections.len() => doc.subtree_origins(id).into(),
            _ => self.origin.as_slice().into(),
        }
    }

    /// Where the passage sits in its report: its headings from the top down, or for text outside
    /// the numbered body `标题` (title, addressee), `开头`, `结尾` or `落款` (signature, date).
    pub fn place(&self) -> String {
        if self.section.is_some() {
            return self.path.join(" › ");
        }
        let after_body = self.order.0 == usize::MAX;
        match (self.kind, after_body) {
            (PassageKind::Frame, false) => "标题",
            (PassageKind::Frame, true) => "落款",
            (_, false) => "开头",
            (_, true) => "结尾",
        }
        .to_string()
    }
}

/// One line of the comparison: what each report says about one topic.
#[derive(Debug, Clone)]
pub struct Row {
    /// `None` for rows paired by content alone.
    pub topic: Option<TopicId>,
    pub label: String,
    /// Character-bigram similarity of the two sides, 0–1; 0 when one side is empty.
    pub similarity: f32,
    pub left: Vec<Passage>,
    pub right: Vec<Passage>,
}

impl Row {
    /// One report's passages.
    pub fn passages(&self, side: Side) -> &[Passage] {
        match side {
            Side::Left => &self.left,
            Side::Right => &self.right,
        }
    }
}

/// All rows of a comparison, in taxonomy order, then content rows, then the fallback topic.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub rows: Vec<Row>,
}

/// A classified document, as alignment reads it.
#[derive(Clone, Copy)]
pub struct Classified<'a> {
    pub doc: &'a Document,
    pub topics: &'a DocTopics,
}

fn similarity(left: &[Passage], right: &[Passage]) -> f32 {
    if left.is_empty() || right.is_empty() {
        return 0.0;
    }
    let join = |ps: &[Passage]| ps.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
    Fingerprint::new(&join(left)).dice(&Fingerprint::new(&join(right)))
}

/// Bigrams shared by more leftover passages than this are too common to suggest a pair.
const MAX_POSTING: usize = 64;
/// Candidates per passage scored exactly, those sharing the most indexed bigrams.
const CANDIDATES: usize = 16;

/// Pairs leftover passages whose content matches, most similar first.
///
/// Passages are found through an index of their bigrams, not by scoring every pair: identical
/// passages pair in order first; then each passage scores the few candidates that share the most
/// of its rarer bigrams (the prefix, rarest first, that any pair above the threshold must share:
/// Dice ≥ `t` needs `t·|a|/(2−t)` shared bigrams). On reports of ordinary size this is exactly
/// what scoring every pair gives; on huge repetitive ones it stays near-linear.
/// Passages flagged in `skip_l` and `skip_r` are never paired.
fn content_pairs(left: &[Passage], right: &[Passage], skip_l: &[bool], skip_r: &[bool]) -> Vec<(usize, usize, f32)> {
    let print = |p: &Passage, skip: bool| {
        if skip {
            Fingerprint::new("")
        } else {
            Fingerprint::new(&p.text)
        }
    };
    let lf: Vec<Fingerprint> = left.iter().zip(skip_l).map(|(p, &s)| print(p, s)).collect();
    let rf: Vec<Fingerprint> = right.iter().zip(skip_r).map(|(p, &s)| print(p, s)).collect();
    let (mut used_l, mut used_r) = (skip_l.to_vec(), skip_r.to_vec());
    let mut pairs = twins(&lf, &rf, &mut used_l, &mut used_r);

    let mut df: HashMap<u32, usize> = HashMap::default();
    for g in lf.iter().chain(&rf).flat_map(Fingerprint::grams) {
        *df.entry(*g).or_default() += 1;
    }
    let prefix = |f: &Fingerprint| -> Vec<u32> {
        let t = CONTENT_MATCH_MIN;
        // Rounded down, so the prefix errs long: a pair is never missed for a rounding.
        let least_shared = (t * f.len() as f32 / (2.0 - t)).floor() as usize;
        let mut grams = f.grams().to_vec();
        grams.sort_unstable_by_key(|g| (df[g], *g));
        grams.truncate(f.len() - least_shared.min(f.len()) + 1);
        grams
    };
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
    for (j, f) in rf.iter().enumerate().filter(|&(j, _)| !used_r[j]) {
        for g in prefix(f) {
            postings.entry(g).or_default().push(j);
        }
    }
    let mut candidates = Vec::new();
    let mut counts = vec![0u32; right.len()];
    let mut touched = Vec::new();
    for (i, a) in lf.iter().enumerate().filter(|&(i, _)| !used_l[i]) {
        for g in prefix(a) {
            let list = postings.get(&g).map_or(&[][..], Vec::as_slice);
            if list.len() > MAX_POSTING {
                continue;
            }
            for &j in list {
                if counts[j] == 0 {
                    touched.push(j);
                }
                counts[j] += 1;
            }
        }
        touched.sort_by_key(|&j| (std::cmp::Reverse(counts[j]), j));
        for &j in touched.iter().take(CANDIDATES) {
            let s = a.dice(&rf[j]);
            if s >= CONTENT_MATCH_MIN {
                candidates.push((i, j, s));
            }
        }
        touched.drain(..).for_each(|j| counts[j] = 0);
    }
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    for (i, j, s) in candidates {
        if !used_l[i] && !used_r[j] {
            used_l[i] = true;
            used_r[j] = true;
            pairs.push((i, j, s));
        }
    }
    pairs.sort_by_key(|&(i, j, _)| (i, j));
    pairs
}

/// Passages with the same bigrams on both sides, paired in document order (similarity 1, so
/// best-first pairing would take them first, in this order).
fn twins(lf: &[Fingerprint], rf: &[Fingerprint], used_l: &mut [bool], used_r: &mut [bool]) -> Vec<(usize, usize, f32)> {
    let mut right_of: HashMap<&[u32], std::collections::VecDeque<usize>> = HashMap::default();
    for (j, f) in rf.iter().enumerate().filter(|(_, f)| !f.is_empty()) {
        right_of.entry(f.grams()).or_default().push_back(j);
    }
    let mut out = Vec::new();
    for (i, f) in lf.iter().enumerate() {
        if let Some(j) = right_of
            .get_mut(f.grams())
            .and_then(std::collections::VecDeque::pop_front)
        {
            used_l[i] = true;
            used_r[j] = true;
            out.push((i, j, 1.0));
        }
    }
    out
}

fn content_label(p: &Passage) -> String {
    match p.path.last() {
        Some(h) if p.kind == PassageKind::Section => h.to_string(),
        _ => p.text.chars().take(16).collect::<String>() + "…",
    }
}

/// Aligns two classified reports.
pub fn align(left: Classified<'_>, right: Classified<'_>, tax: &Taxonomy) -> Alignment {
    let mut lc = Collector::new(left, tax);
    let mut rc = Collector::new(right, tax);
    let mut rows = Vec::new();
    let topic_row = |t: TopicId, l: Vec<Passage>, r: Vec<Passage>| Row {
        topic: Some(t),
        label: tax.topic(t).label.clone(),
        similarity: similarity(&l, &r),
        left: l,
        right: r,
    };
    let frame = tax.frame();
    for t in (0..tax.topics().len()).filter(|&t| t != tax.fallback() && t != frame) {
        let (l, r) = (lc.collect(t), rc.collect(t));
        if !l.is_empty() || !r.is_empty() {
            rows.push(topic_row(t, l, r));
        }
    }
    // The frame topic takes what the others left of the closing, so it comes last; its row stands
    // in taxonomy order.
    let (l, r) = (lc.collect(frame), rc.collect(frame));
    if !l.is_empty() || !r.is_empty() {
        let at = rows
            .iter()
            .position(|row| row.topic > Some(frame))
            .unwrap_or(rows.len());
        rows.insert(at, topic_row(frame, l, r));
    }
    let (mut l_rest, mut r_rest) = (lc.leftovers(), rc.leftovers());
    // Passages too slight to stand alone (`特此报告。`) are not paired by content; they stay in the
    // fallback row.
    let slight = |ps: &[Passage]| -> Vec<bool> { ps.iter().map(|p| p.text.len() < MIN_PASSAGE_BYTES).collect() };
    let (l_slight, r_slight) = (slight(&l_rest), slight(&r_rest));
    let pairs = content_pairs(&l_rest, &r_rest, &l_slight, &r_slight);
    let (mut l_taken, mut r_taken) = (vec![false; l_rest.len()], vec![false; r_rest.len()]);
    for &(i, j, s) in &pairs {
        l_taken[i] = true;
        r_taken[j] = true;
        rows.push(Row {
            topic: None,
            label: content_label(&l_rest[i]),
            similarity: s,
            left: vec![l_rest[i].clone()],
            right: vec![r_rest[j].clone()],
        });
    }
    let keep = |taken: &[bool], rest: &mut Vec<Passage>| {
        let mut k = taken.iter();
        rest.retain(|_| !k.next().copied().unwrap_or(false));
        rest.sort_by_key(|p| p.order);
    };
    keep(&l_taken, &mut l_rest);
    keep(&r_taken, &mut r_rest);
    if !l_rest.is_empty() || !r_rest.is_empty() {
        rows.push(topic_row(tax.fallback(), l_rest, r_rest));
    }
    // Kept for the whole comparison: give back what growing the lists took.
    for row in &mut rows {
        row.left.shrink_to_fit();
        row.right.shrink_to_fit();
    }
    Alignment { rows }
}

/// One report's passages filed by topic, as a comparison would file them (each topic's passages
/// in report order; what no topic claims under the fallback topic): what the report says on each.
pub fn by_topic(report: Classified<'_>, tax: &Taxonomy) -> Vec<(TopicId, Vec<Passage>)> {
    let mut c = Collector::new(report, tax);
    let frame = tax.frame();
    let mut out: Vec<(TopicId, Vec<Passage>)> = (0..tax.topics().len())
        .filter(|&t| t != tax.fallback() && t != frame)
        .map(|t| (t, c.collect(t)))
        .collect();
    out.push((frame, c.collect(frame)));
    let mut rest = c.leftovers();
    rest.sort_by_key(|p| p.order);
    out.push((tax.fallback(), rest));
    out.retain(|(_, ps)| !ps.is_empty());
    out
}

mod collect;
pub mod headings;
#[cfg(test)]
mod tests;

impl Passage {
    /// A passage outside any document, for tests of later stages.
    #[doc(hidden)]
    pub fn for_test(kind: PassageKind, text: &str) -> Self {
        Passage {
            kind,
            section: None,
            path: Default::default(),
            text: text.into(),
            origin: None,
            order: (0, 0, 0),
        }
    }
}
