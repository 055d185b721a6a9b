//! JSON output. Field names are a contract (see docs/usage.md); fields may be added, never renamed.

use serde::Serialize;

use crate::align::{Passage, PassageKind, Row};
use crate::compare::{Comparison, Summary};
use crate::diff::{FigureChange, Op, RowDiff, Stats};
use crate::load::Format;
use crate::outline::{Document, SectionId, SectionKind};
use crate::topics::{DocTopics, Taxonomy};

#[derive(Serialize)]
struct OutlineJson<'a> {
    file: &'a str,
    format: Format,
    encoding: &'a str,
    title: Option<&'a str>,
    addressee: Option<&'a str>,
    unit: Option<&'a str>,
    year: Option<u32>,
    signature: Option<&'a str>,
    date: Option<&'a str>,
    preamble: Vec<&'a str>,
    closing: Vec<&'a str>,
    /// What follows the signature and date (attachments, notes).
    trailer: Vec<&'a str>,
    sections: Vec<SectionJson<'a>>,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    id: SectionId,
    level: usize,
    kind: SectionKind,
    number: &'a str,
    heading: &'a str,
    topics: Vec<&'a str>,
    text: String,
    children: Vec<SectionJson<'a>>,
}

fn section_json<'a>(doc: &'a Document, topics: &DocTopics, tax: &'a Taxonomy, id: SectionId) -> SectionJson<'a> {
    let s = doc.section(id);
    SectionJson {
        id,
        level: s.level(),
        kind: s.kind,
        number: &s.number,
        heading: &s.heading,
        topics: topics.sections[id]
            .ranked(tax)
            .iter()
            .map(|&t| tax.topic(t).id.as_str())
            .collect(),
        text: doc.own_text(id),
        children: doc
            .children(id)
            .iter()
            .map(|&c| section_json(doc, topics, tax, c))
            .collect(),
    }
}

/// `duibi outline --format json`.
pub fn outline(doc: &Document, topics: &DocTopics, tax: &Taxonomy) -> String {
    let value = OutlineJson {
        file: &doc.path,
        format: doc.format,
        encoding: doc.encoding,
        title: doc.title.as_deref(),
        addressee: doc.addressee.as_deref(),
        unit: doc.unit.as_deref(),
        year: doc.year,
        signature: doc.signature.as_deref(),
        date: doc.date.as_deref(),
        preamble: doc.preamble.iter().map(|p| p.text.as_str()).collect(),
        closing: doc.closing.iter().map(|p| p.text.as_str()).collect(),
        trailer: doc.trailer.iter().map(|p| p.text.as_str()).collect(),
        sections: doc.roots.iter().map(|&r| section_json(doc, topics, tax, r)).collect(),
    };
    to_string(&value)
}

#[derive(Serialize)]
struct DocJson<'a> {
    file: &'a str,
    format: Format,
    title: Option<&'a str>,
    unit: Option<&'a str>,
    year: Option<u32>,
    date: Option<&'a str>,
}

#[derive(Serialize)]
struct PassageJson<'a> {
    section: Option<SectionId>,
    kind: PassageKind,
    path: Vec<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct RowJson<'a> {
    topic: Option<&'a str>,
    label: &'a str,
    similarity: f32,
    left: Vec<PassageJson<'a>>,
    right: Vec<PassageJson<'a>>,
    diff: Steps<'a>,
    stats: Stats,
    figures: &'a [FigureChange],
}

/// A row's unified steps, made as they are written: the rows' steps are not all held at once.
struct Steps<'a>(&'a Row, Option<&'a RowDiff>);

impl Serialize for Steps<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ops: Vec<Op> = self.1.map(|d| d.ops(self.0)).unwrap_or_default();
        ops.serialize(s)
    }
}

#[derive(Serialize)]
struct CompareJson<'a> {
    left: DocJson<'a>,
    right: DocJson<'a>,
    rows: Vec<RowJson<'a>>,
    summary: Summary,
    overview: crate::overview::Overview,
}

fn doc_json(d: &Document) -> DocJson<'_> {
    DocJson {
        file: &d.path,
        format: d.format,
        title: d.title.as_deref(),
        unit: d.unit.as_deref(),
        year: d.year,
        date: d.date.as_deref(),
    }
}

fn passages(ps: &[Passage]) -> Vec<PassageJson<'_>> {
    ps.iter()
        .map(|p| PassageJson {
            section: p.section(),
            kind: p.kind,
            path: p.path.headings(),
            text: &p.text,
        })
        .collect()
}

/// `duibi compare --format json`, as one string.
pub fn compare(c: &Comparison, tax: &Taxonomy) -> String {
    let mut out = Vec::new();
    compare_to(&mut out, c, tax).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// `duibi compare --format json` into `out`, without holding the whole text.
pub fn compare_to(out: impl std::io::Write, c: &Comparison, tax: &Taxonomy) -> std::io::Result<()> {
    let rows = c
        .alignment
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let d = c.diffs.get(i);
            RowJson {
                topic: r.topic.map(|t| tax.topic(t).id.as_str()),
                label: &r.label,
                similarity: super::shown_similarity(r.similarity, d.is_some_and(|d| d.stats.changes > 0), 3),
                left: passages(&r.passages.left),
                right: passages(&r.passages.right),
                diff: Steps(r, d),
                stats: d.map(|d| d.stats).unwrap_or_default(),
                figures: d.map_or(&[][..], |d| &d.figures),
            }
        })
        .collect();
    let mut summary = c.summary(tax);
    summary.similarity = super::shown_similarity(summary.similarity, summary.stats.changes > 0, 3);
    let value = CompareJson {
        left: doc_json(&c.docs.left),
        right: doc_json(&c.docs.right),
        rows,
        summary,
        overview: crate::overview::Overview::new(c, tax),
    };
    serde_json::to_writer_pretty(out, &value).map_err(std::io::Error::from)
}

fn to_string<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("plain data always serialises")
}
