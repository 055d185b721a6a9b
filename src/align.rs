//! Stage 5, align: two classified documents to rows of passages, one row per topic present in either
//! report, plus rows for passages that match across reports by content alone.
//!
//! A passage is the smallest unit about the topic: a whole section when its heading says so, else
//! the paragraphs, enumerated items or sentences that are. Must not diff text.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use crate::outline::{Document, Origin, PackedPlace, Place, SectionId, Sentence};
use crate::sides::Sides;
use crate::text::Fingerprint;
use crate::topics::{DocTopics, Taxonomy, TopicId};
use collect::Collector;
use headings::HeadingPath;

/// Two sentences that are one: the same, rewritten, or moved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentencePair {
    /// Indices into each report's [`Document::sentences`].
    pub sentences: Sides<u32>,
    pub similarity: f32,
    pub moved: bool,
}

/// Points a heading needs for its section to be about a topic.
const HEADING_MIN: u32 = 2;
/// Points a paragraph needs to be about a topic as a whole.
const PARAGRAPH_MIN: u32 = 4;
/// Points a sentence needs to be pulled into a topic on its own: one strong term (法律顾问 5,
/// 规范性文件 4) or two ordinary ones, not one passing mention of 行政执法 (3).
const SENTENCE_MIN: u32 = 4;
/// A topic within this share of the best one still leads.
pub(crate) const LEAD_SHARE: f32 = 0.75;

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
    /// Headings from the top of the document down to the passage's section (which
    /// [`Passage::section`] reads: a passage held it twice).
    pub path: HeadingPath,
    /// What the pane shows, one paragraph per line; a section's heading line included. A stretch
    /// of the report's text, shared with its other passages.
    pub text: crate::shared::SharedText,
    /// Where `text` is in the report: one stretch of one place, held here rather than in a list of
    /// its own. `None` for passages made outside a report, and for a whole section, whose
    /// stretches (one per subsection) the document gives: see [`Passage::origins`].
    origin: Option<Spot>,
    /// The report's sentences it holds (indices into [`Document::sentences`]), in order.
    pub sentences: Range<u32>,
    /// Each of those sentences as bytes of `text`.
    pub units: Units,
    /// The line of the report's file (from 1) where it starts, for a text report; 0 otherwise.
    pub line: u32,
}

/// A passage's text as one stretch of one place, in 16 bytes where an [`Origin`] takes 40 (the
/// place's kind and index packed, where a [`Place`] takes 16 alone): a report without headings
/// makes a passage of every paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Spot {
    place: PackedPlace,
    at: u32,
    len: u32,
}

impl Spot {
    /// The origin of a whole passage (`from` 0); `None` past 32 bits, which no input reaches.
    fn of(origin: Origin) -> Option<Spot> {
        debug_assert_eq!(origin.from, 0, "a passage's one origin starts it");
        Some(Spot {
            place: PackedPlace::new(origin.place),
            at: u32::try_from(origin.at).ok()?,
            len: u32::try_from(origin.len).ok()?,
        })
    }

    fn place(self) -> Place {
        self.place.place()
    }

    fn origin(self) -> Origin {
        Origin::whole(self.place(), self.at as usize, self.len as usize)
    }
}

/// A passage's sentences as bytes of its text: held inline when there is one, as in a report
/// that makes a passage of each one-sentence paragraph; boxed otherwise. Reads as a slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Units {
    One([(u32, u32); 1]),
    Many(Box<[(u32, u32)]>),
}

impl std::ops::Deref for Units {
    type Target = [(u32, u32)];

    fn deref(&self) -> &[(u32, u32)] {
        match self {
            Units::One(one) => one,
            Units::Many(many) => many,
        }
    }
}

impl From<Vec<(u32, u32)>> for Units {
    fn from(units: Vec<(u32, u32)>) -> Units {
        match units[..] {
            [one] => Units::One([one]),
            _ => Units::Many(units.into()),
        }
    }
}

impl Passage {
    /// Where each stretch of `text` is in `doc`, the report the passage is of. A whole section's
    /// are worked out when asked for: one per subsection, they would weigh more than the text.
    pub fn origins(&self, doc: &Document) -> Vec<Origin> {
        match (self.kind, self.section()) {
            (PassageKind::Section, Some(id)) if id < doc.sections.len() => doc.subtree_origins(id),
            _ => self.origin.map(Spot::origin).into_iter().collect(),
        }
    }

    /// The section it is of; `None` outside the numbered body.
    pub fn section(&self) -> Option<SectionId> {
        self.path.section()
    }

    /// Where the passage sits in its report: its headings from the top down, or for text outside
    /// the numbered body `标题` (title, addressee), `开头`, `结尾` or `落款` (signature, date).
    pub fn place(&self) -> String {
        if self.section().is_some() {
            return self.path.join(" › ");
        }
        match self.origin.map(Spot::place) {
            Some(Place::Title | Place::Addressee) => "标题",
            Some(Place::Signature | Place::Date) => "落款",
            Some(Place::Closing(_)) => "结尾",
            Some(Place::Trailer(_)) => "附件",
            _ => "开头",
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
    /// Each report's passages.
    pub passages: Sides<Vec<Passage>>,
}

impl Row {
    /// Bytes of text on both sides: what work over the row weighs.
    pub fn text_len(&self) -> usize {
        self.passages.both().into_iter().flatten().map(|p| p.text.len()).sum()
    }
}

/// All rows of a comparison, in taxonomy order, then content rows, then the fallback topic.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    pub rows: Vec<Row>,
}

impl Alignment {
    /// The row of a topic, if either report covers it.
    pub fn row_of(&self, topic: TopicId) -> Option<usize> {
        self.rows.iter().position(|r| r.topic == Some(topic))
    }
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
    // The passages' text handed over piece by piece: the line breaks that would join them are
    // blanks, which fingerprints pass over.
    let print = |ps: &[Passage]| {
        let len = ps.iter().map(|p| p.text.len()).sum();
        Fingerprint::of_pieces(len, |f| ps.iter().for_each(|p| f(&p.text)))
    };
    print(left).dice(&print(right))
}

fn content_label(p: &Passage) -> String {
    match p.path.last() {
        Some(h) if p.kind == PassageKind::Section => h.to_string(),
        _ => p.text.chars().take(16).collect::<String>() + "…",
    }
}

/// One report as alignment reads it: its sentences and the topic each is filed under.
pub struct Filed<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    pub filing: Vec<Option<TopicId>>,
}

impl<'a> Filed<'a> {
    /// A report's sentences filed by their own words and headings (see [`filing`]).
    pub fn new(doc: &'a Document, sentences: &'a [Sentence], topics: &DocTopics, tax: &Taxonomy) -> Self {
        Filed {
            doc,
            sentences,
            filing: filing::file(doc, sentences, topics, tax),
        }
    }
}

/// Files both sentences of every pair under one topic: the newer report's, or the one that has
/// one. A sentence that moved therefore stands beside its counterpart, in one row.
fn file_pairs_together(left: &mut Filed<'_>, right: &mut Filed<'_>, pairs: &[SentencePair]) {
    for p in pairs {
        let (l, r) = (p.sentences.left as usize, p.sentences.right as usize);
        if left.filing[l] != right.filing[r] {
            // A sentence the analyst refiled takes its pair along; else the newer report decides.
            let pinned =
                filing::is_refiled(left.doc, &left.sentences[l]) && !filing::is_refiled(right.doc, &right.sentences[r]);
            let t = if pinned {
                left.filing[l]
            } else {
                right.filing[r].or(left.filing[l])
            };
            left.filing[l] = t;
            right.filing[r] = t;
        }
    }
}

/// Union-find over the unfiled passages of both reports (left ones first).
fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The unfiled passages of both reports grouped by their sentence pairs: a group with passages of
/// both reports is a row of its own, the rest go to the fallback row.
fn content_rows(
    l_rest: Vec<Passage>,
    r_rest: Vec<Passage>,
    pairs: &[SentencePair],
) -> (Vec<Row>, Vec<Passage>, Vec<Passage>) {
    let owner = |ps: &[Passage]| -> HashMap<u32, usize> {
        ps.iter()
            .enumerate()
            .flat_map(|(i, p)| p.sentences.clone().map(move |k| (k, i)))
            .collect()
    };
    let (lo, ro) = (owner(&l_rest), owner(&r_rest));
    let n = l_rest.len();
    let mut parent: Vec<usize> = (0..n + r_rest.len()).collect();
    for p in pairs {
        if let (Some(&i), Some(&j)) = (lo.get(&p.sentences.left), ro.get(&p.sentences.right)) {
            let (a, b) = (find(&mut parent, i), find(&mut parent, n + j));
            parent[a.max(b)] = a.min(b);
        }
    }
    drop((lo, ro));
    // Each group's room made for what it will hold, counted first: the passages are moved in
    // while the reports' lists still hold their room, and lists grown by doubling would hold up
    // to twice theirs on top.
    let roots: Vec<usize> = (0..parent.len()).map(|k| find(&mut parent, k)).collect();
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::default();
    for (k, &root) in roots.iter().enumerate() {
        let c = counts.entry(root).or_default();
        if k < n { c.0 += 1 } else { c.1 += 1 }
    }
    let mut groups: HashMap<usize, (Vec<Passage>, Vec<Passage>)> = HashMap::default();
    let mut firsts = Vec::new();
    for (k, (p, root)) in l_rest.into_iter().chain(r_rest).zip(roots).enumerate() {
        let g = groups.entry(root).or_insert_with(|| {
            firsts.push(root);
            let (l, r) = counts[&root];
            (Vec::with_capacity(l), Vec::with_capacity(r))
        });
        if k < n { g.0.push(p) } else { g.1.push(p) }
    }
    let (mut rows, mut l_other, mut r_other) = (Vec::new(), Vec::new(), Vec::new());
    for root in firsts {
        let Some((l, r)) = groups.remove(&root) else { continue };
        if l.is_empty() || r.is_empty() {
            l_other.extend(l);
            r_other.extend(r);
            continue;
        }
        rows.push(Row {
            topic: None,
            label: content_label(&l[0]),
            // Worked out for every row at once (see `align`).
            similarity: 0.0,
            passages: Sides::new(l, r),
        });
    }
    l_other.sort_by_key(|p| p.sentences.start);
    r_other.sort_by_key(|p| p.sentences.start);
    (rows, l_other, r_other)
}

/// Aligns two filed reports whose sentences are matched by `pairs` (each pair stands in one row).
pub fn align(mut left: Filed<'_>, mut right: Filed<'_>, pairs: &[SentencePair], tax: &Taxonomy) -> Alignment {
    file_pairs_together(&mut left, &mut right, pairs);
    let topics: Vec<TopicId> = (0..tax.topics().len()).filter(|&t| t != tax.fallback()).collect();
    // Each report's passages, topic by topic, then what no topic claims: both reports at once
    // on a large pair (each a pass over its report).
    let collect = |f: &Filed<'_>| {
        let c = Collector::new(f.doc, f.sentences, &f.filing);
        let by_topic: Vec<Vec<Passage>> = topics.iter().map(|&t| c.collect(Some(t))).collect();
        (by_topic, c.collect(None))
    };
    let size = |f: &Filed<'_>| f.sentences.iter().map(|s| s.range().len()).sum::<usize>();
    let ((l_topics, l_rest), (r_topics, r_rest)) = if crate::halves::worth_a_thread(size(&left) + size(&right)) {
        crate::halves::join(|| collect(&left), || collect(&right))
    } else {
        (collect(&left), collect(&right))
    };
    // The filing, a word a sentence, is read no further: let go before the rows are made.
    drop((left, right));
    let topic_row = |t: TopicId, l: Vec<Passage>, r: Vec<Passage>| Row {
        topic: Some(t),
        label: tax.topic(t).label.clone(),
        similarity: 0.0,
        passages: Sides::new(l, r),
    };
    let mut rows: Vec<Row> = topics
        .iter()
        .zip(l_topics.into_iter().zip(r_topics))
        .filter(|(_, (l, r))| !l.is_empty() || !r.is_empty())
        .map(|(&t, (l, r))| topic_row(t, l, r))
        .collect();
    let (content, l_rest, r_rest) = content_rows(l_rest, r_rest, pairs);
    rows.extend(content);
    if !l_rest.is_empty() || !r_rest.is_empty() {
        rows.push(topic_row(tax.fallback(), l_rest, r_rest));
    }
    // Each row's similarity, a pass over its text: in two halves at once on a large pair.
    let similarities = crate::halves::map(&rows, Row::text_len, |r| {
        similarity(&r.passages.left, &r.passages.right)
    });
    for (row, similarity) in rows.iter_mut().zip(similarities) {
        row.similarity = similarity;
        // Kept for the whole comparison: give back what growing the lists took.
        row.passages.both_mut().into_iter().for_each(Vec::shrink_to_fit);
    }
    Alignment { rows }
}

/// One report's passages filed by topic, as a comparison would file them (each topic's passages
/// in report order; what no topic claims under the fallback topic): what the report says on each.
pub fn by_topic(report: Classified<'_>, tax: &Taxonomy) -> Vec<(TopicId, Vec<Passage>)> {
    let sentences = report.doc.sentences();
    let filed = Filed::new(report.doc, &sentences, report.topics, tax);
    let c = Collector::new(report.doc, &sentences, &filed.filing);
    let mut out: Vec<(TopicId, Vec<Passage>)> = (0..tax.topics().len())
        .filter(|&t| t != tax.fallback())
        .map(|t| (t, c.collect(Some(t))))
        .collect();
    out.push((tax.fallback(), c.collect(None)));
    out.retain(|(_, ps)| !ps.is_empty());
    out
}

mod collect;
pub mod filing;
pub mod headings;
#[cfg(test)]
mod tests;

impl Passage {
    /// A passage outside any document, for tests of later stages.
    #[doc(hidden)]
    pub fn for_test(kind: PassageKind, text: &str) -> Self {
        // Its sentences, split as a report's would be, line by line.
        let mut units = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            for r in crate::text::split_sentences(line) {
                if !line[r.clone()].chars().all(crate::text::is_blank) {
                    units.push(((at + r.start) as u32, (at + r.end) as u32));
                }
            }
            at += line.len() + 1;
        }
        Passage {
            kind,
            path: Default::default(),
            text: text.into(),
            origin: None,
            sentences: 0..0,
            units: units.into(),
            line: 0,
        }
    }
}
