//! Gathers one report's passages about a topic, and keeps count of what every row shows, down to the
//! sentence, so that what no topic claims is found exactly (nothing of a report is ever left out).

use std::ops::Range;
use std::sync::Arc;

use super::headings::{HeadingPath, Headings};
use super::{HEADING_MIN, LEAD_SHARE, PARAGRAPH_MIN, Passage, PassageKind, SENTENCE_MIN};
use crate::outline::{Body, Origin, Place, SectionId};
use crate::shared::SharedText;
use crate::text::{is_blank, split_sentences};
use crate::topics::{ParagraphTopics, Taxonomy, TopicId};

use super::Classified;

/// Byte ranges of a paragraph that some row shows.
type Covered = Vec<Range<usize>>;

/// Which parts of a document some topic row already shows.
struct Coverage {
    section: Vec<bool>,
    /// The section's heading line is in some row.
    heading: Vec<bool>,
    paragraph: Vec<Vec<Covered>>,
    closing: Vec<Covered>,
}

pub(super) struct Collector<'a> {
    c: Classified<'a>,
    /// The report's headings, which passages read their paths from.
    headings: Arc<Headings>,
    /// The sections' text, which their passages are stretches of.
    body: Body,
    tax: &'a Taxonomy,
    order_of: Vec<usize>,
    coverage: Coverage,
}

/// Document order of the frame's parts before and after the body.
const BEFORE_BODY: usize = 0;
const AFTER_BODY: usize = usize::MAX;

impl<'a> Collector<'a> {
    pub(super) fn new(c: Classified<'a>, tax: &'a Taxonomy) -> Self {
        let mut order_of = vec![0; c.doc.sections.len()];
        for (i, id) in c.doc.walk().into_iter().enumerate() {
            order_of[id] = i + 1;
        }
        let coverage = Coverage {
            section: vec![false; c.doc.sections.len()],
            heading: vec![false; c.doc.sections.len()],
            paragraph: c.doc.sections.iter().map(|s| vec![Vec::new(); s.body.len()]).collect(),
            closing: vec![Vec::new(); c.doc.closing.len()],
        };
        Self {
            headings: Arc::new(Headings::new(c.doc)),
            body: c.doc.body(),
            c,
            tax,
            order_of,
            coverage,
        }
    }

    /// A whole section with its subsections.
    fn subtree(&self, id: SectionId) -> Passage {
        // Its origins come from the document when asked for (`Passage::origins`).
        let origin = None;
        let doc = self.c.doc;
        let text = self.body.subtree(doc, id).unwrap_or_else(|| doc.full_text(id).into());
        self.passage(PassageKind::Section, id, 0, 0, text, origin)
    }

    /// Bytes `range` of section `id`'s own text (heading line and body, as the laid-out body
    /// holds them).
    fn in_own_text(&self, kind: PassageKind, id: SectionId, range: Range<usize>) -> Passage {
        let section = self.c.doc.section(id);
        let origin = Some(Origin::whole(Place::Section(id), range.start, range.len()));
        let text = self
            .body
            .own(id, range.start, range.len())
            .unwrap_or_else(|| section.own_text().get(range.clone()).unwrap_or_default().into());
        self.passage(kind, id, 0, range.start, text, origin)
    }

    /// Bytes `range` of body paragraph `para` of section `id`: a stretch of the paragraph's text.
    fn in_paragraph(&self, kind: PassageKind, id: SectionId, para: usize, range: Range<usize>) -> Passage {
        let section = self.c.doc.section(id);
        let at = section.body_offset(para) + range.start;
        let origin = Some(Origin::whole(Place::Section(id), at, range.len()));
        let text = section.body[para].text.sub(range.clone()).unwrap_or_default();
        self.passage(kind, id, para, range.start, text, origin)
    }

    fn passage(
        &self,
        kind: PassageKind,
        section: SectionId,
        para: usize,
        offset: usize,
        text: SharedText,
        origin: Option<Origin>,
    ) -> Passage {
        Passage {
            kind,
            section: Some(section),
            path: HeadingPath::new(&self.headings, section),
            text,
            origin,
            order: (self.order_of[section], para, offset),
        }
    }

    fn frame_field(text: &Option<String>, place: Place, order: (usize, usize)) -> Option<Passage> {
        let text = text.as_deref().filter(|t| !t.trim().is_empty())?;
        Some(Passage {
            kind: PassageKind::Frame,
            section: None,
            path: Default::default(),
            text: text.into(),
            origin: Some(Origin::whole(place, 0, text.len())),
            order: (order.0, order.1, 0),
        })
    }

    /// Passages about topic `t`, in document order. The frame topic also takes the letter frame,
    /// the whole opening and the closing text no other topic took: collect it after the others.
    pub(super) fn collect(&mut self, t: TopicId) -> Vec<Passage> {
        let mut out = Vec::new();
        let doc = self.c.doc;
        let topics = self.c.topics;
        let frame = self.tax.frame() == t;
        if frame {
            out.extend(Self::frame_field(&doc.title, Place::Title, (BEFORE_BODY, 0)));
            out.extend(Self::frame_field(&doc.addressee, Place::Addressee, (BEFORE_BODY, 1)));
        }
        for (i, p) in doc.preamble.iter().enumerate() {
            if frame {
                out.push(Passage {
                    kind: PassageKind::Preamble,
                    section: None,
                    path: Default::default(),
                    text: p.text.clone(),
                    origin: Some(Origin::whole(Place::Preamble(i), 0, p.text.len())),
                    order: (BEFORE_BODY, 2 + i, 0),
                });
            } else {
                out.extend(frame_passages(
                    &paragraph_passages(&topics.preamble[i], &p.text, t),
                    &p.text,
                    PassageKind::Preamble,
                    Place::Preamble(i),
                    (BEFORE_BODY, 2 + i),
                ));
            }
        }
        for &root in &doc.roots {
            self.collect_section(root, t, &mut out);
        }
        for (i, p) in doc.closing.iter().enumerate() {
            let found = if frame {
                uncovered(&p.text, &self.coverage.closing[i])
            } else {
                paragraph_passages(&topics.closing[i], &p.text, t)
            };
            self.coverage.closing[i].extend(found.iter().map(|f| f.1.clone()));
            out.extend(frame_passages(
                &found,
                &p.text,
                PassageKind::Closing,
                Place::Closing(i),
                (AFTER_BODY, i),
            ));
        }
        if frame {
            let n = doc.closing.len();
            out.extend(Self::frame_field(&doc.signature, Place::Signature, (AFTER_BODY, n)));
            out.extend(Self::frame_field(&doc.date, Place::Date, (AFTER_BODY, n + 1)));
        }
        out
    }

    fn collect_section(&mut self, id: SectionId, t: TopicId, out: &mut Vec<Passage>) {
        let doc = self.c.doc;
        let st = &self.c.topics.sections[id];
        let section = doc.section(id);
        // A heading that names two topics (行政决策和文件管理) leads neither: its text is filed
        // paragraph by paragraph, sentence by sentence.
        let shared = (0..self.tax.topics().len())
            .any(|o| o != t && o != self.tax.fallback() && st.heading.leads(o, HEADING_MIN, LEAD_SHARE));
        let leads = st.heading.leads(t, HEADING_MIN, LEAD_SHARE);
        if leads && shared {
            // Its heading line goes to each topic it names.
            self.coverage.heading[id] = true;
            out.push(self.heading(id));
        }
        if leads && !shared {
            let elsewhere = section
                .children
                .iter()
                .filter(|&&c| {
                    let h = &self.c.topics.sections[c].heading;
                    h.max() >= HEADING_MIN && !h.leads(t, HEADING_MIN, LEAD_SHARE)
                })
                .count();
            // A heading like 总体情况 over subsections on other topics is a container, not a topic.
            let container = !self.tax.topic(t).whole && elsewhere > 0 && elsewhere * 2 >= section.children.len();
            if !container {
                self.cover_subtree(id);
                out.push(self.subtree(id));
                return;
            }
            self.cover_own(id);
            out.push(self.in_own_text(PassageKind::SectionOwn, id, 0..section.own_len()));
            for &c in &section.children {
                self.collect_section(c, t, out);
            }
            return;
        }
        let untitled_leaf = st.heading.max() < HEADING_MIN && section.children.is_empty();
        if untitled_leaf
            && st.combined.leads(t, PARAGRAPH_MIN, LEAD_SHARE)
            && st.combined.get(t) * 2 > st.combined.total()
        {
            self.cover_subtree(id);
            out.push(self.subtree(id));
            return;
        }
        for (pi, p) in section.body.iter().enumerate() {
            let found = paragraph_passages(&st.paragraphs[pi], &p.text, t);
            self.coverage.paragraph[id][pi].extend(found.iter().map(|f| f.1.clone()));
            for (kind, range) in found {
                out.push(self.in_paragraph(kind, id, pi, range));
            }
        }
        for &c in &section.children {
            self.collect_section(c, t, out);
        }
    }

    /// The heading line of section `id` alone.
    fn heading(&self, id: SectionId) -> Passage {
        let line = self.c.doc.section(id).heading_line.len();
        self.in_own_text(PassageKind::Heading, id, 0..line)
    }

    fn cover_own(&mut self, id: SectionId) {
        self.coverage.heading[id] = true;
        for (pi, p) in self.c.doc.sections[id].body.iter().enumerate() {
            self.coverage.paragraph[id][pi] = std::iter::once(0..p.text.len()).collect();
        }
    }

    fn cover_subtree(&mut self, id: SectionId) {
        self.coverage.section[id] = true;
        self.cover_own(id);
        for &c in &self.c.doc.sections[id].children {
            self.cover_subtree(c);
        }
    }

    fn subtree_untouched(&self, id: SectionId) -> bool {
        !self.coverage.section[id]
            && !self.coverage.heading[id]
            && self.coverage.paragraph[id].iter().all(Vec::is_empty)
            && self.c.doc.sections[id]
                .children
                .iter()
                .all(|&c| self.subtree_untouched(c))
    }

    /// What no topic claimed: whole untouched sections, else the untouched paragraphs, else the
    /// untouched sentences of paragraphs that rows show in part.
    pub(super) fn leftovers(&self) -> Vec<Passage> {
        let mut out = Vec::new();
        for &root in &self.c.doc.roots {
            self.leftovers_of(root, &mut out);
        }
        out
    }

    fn leftovers_of(&self, id: SectionId, out: &mut Vec<Passage>) {
        if self.coverage.section[id] {
            return;
        }
        let doc = self.c.doc;
        if self.subtree_untouched(id) {
            out.push(self.subtree(id));
            return;
        }
        if !self.coverage.heading[id] {
            out.push(self.heading(id));
        }
        for (pi, p) in doc.sections[id].body.iter().enumerate() {
            for (kind, range) in uncovered(&p.text, &self.coverage.paragraph[id][pi]) {
                out.push(self.in_paragraph(kind, id, pi, range));
            }
        }
        for &c in &doc.sections[id].children {
            self.leftovers_of(c, out);
        }
    }
}

/// A paragraph's runs of sentences that no range of `covered` touches: the whole paragraph when
/// nothing is covered.
fn uncovered(text: &str, covered: &Covered) -> Vec<(PassageKind, Range<usize>)> {
    if covered.is_empty() {
        return if text.chars().all(is_blank) {
            Vec::new()
        } else {
            vec![(PassageKind::Paragraph, 0..text.len())]
        };
    }
    let unshown = split_sentences(text).into_iter().map(|r| {
        let shown = covered.iter().any(|c| c.start < r.end && r.start < c.end);
        (r, !shown)
    });
    sentence_runs(text, unshown)
        .into_iter()
        .filter(|(_, r)| !text[r.clone()].chars().all(is_blank))
        .collect()
}

/// The runs of consecutive sentences flagged `true`, as sentence passages (ranges trimmed of
/// blanks).
fn sentence_runs(
    text: &str,
    sentences: impl IntoIterator<Item = (Range<usize>, bool)>,
) -> Vec<(PassageKind, Range<usize>)> {
    let mut out = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut flush = |run: &mut Option<Range<usize>>| {
        if let Some(r) = run.take() {
            let t = &text[r.clone()];
            let start = r.start + (t.len() - t.trim_start().len());
            out.push((PassageKind::Sentences, start..start + t.trim().len()));
        }
    };
    for (r, wanted) in sentences {
        if wanted {
            run = Some(run.map_or(r.clone(), |x| x.start..r.end));
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    out
}

/// Paragraph-level passages about `t`: the whole paragraph when it is about `t`, else runs of
/// sentences that are. Returns (kind, byte range).
fn paragraph_passages(pt: &ParagraphTopics, text: &str, t: TopicId) -> Vec<(PassageKind, Range<usize>)> {
    let whole = &pt.whole;
    if whole.leads(t, PARAGRAPH_MIN, LEAD_SHARE) && whole.get(t) * 2 > whole.total() {
        return vec![(PassageKind::Paragraph, 0..text.len())];
    }
    sentence_runs(
        text,
        pt.sentences
            .iter()
            .map(|(range, scores)| (range.clone(), scores.get(t) >= SENTENCE_MIN)),
    )
}

/// Passages of an opening or closing paragraph (stretches of its `text`); a whole paragraph takes
/// the paragraph's `kind`.
fn frame_passages(
    found: &[(PassageKind, Range<usize>)],
    text: &SharedText,
    kind: PassageKind,
    place: Place,
    at: (usize, usize),
) -> Vec<Passage> {
    found
        .iter()
        .map(|(k, range)| Passage {
            kind: if *k == PassageKind::Paragraph { kind } else { *k },
            section: None,
            path: Default::default(),
            text: text.sub(range.clone()).unwrap_or_default(),
            origin: Some(Origin::whole(place, range.start, range.len())),
            order: (at.0, at.1, range.start),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncovered_sentences_are_found_in_runs() {
        let text = "甲句。乙句。丙句。丁句。";
        // 乙 is shown by some row.
        let covered: Covered = std::iter::once(9..18).collect();
        let got: Vec<&str> = uncovered(text, &covered).into_iter().map(|x| &text[x.1]).collect();
        assert_eq!(got, ["甲句。", "丙句。丁句。"]);
        assert_eq!(uncovered(text, &Vec::new())[0].0, PassageKind::Paragraph);
        assert!(uncovered(text, &std::iter::once(0..text.len()).collect()).is_empty());
        assert!(uncovered("  ", &Vec::new()).is_empty());
    }
}
