//! Builds one report's passages from its sentence filing: for each topic (or for what no topic
//! claims), the largest pieces of the report whose every sentence is filed there — a whole section,
//! a section's own text, its heading line, a paragraph, a run of sentences. Every sentence lands in
//! exactly one passage of one row.

use std::ops::Range;
use std::sync::Arc;

use super::headings::{HeadingPath, Headings};
use super::{Passage, PassageKind};
use crate::outline::{Body, Document, Origin, Place, SectionId, Sentence};
use crate::shared::{SharedText, fit_u32};
use crate::topics::TopicId;

/// Passages a topic may hold (one a sentence at most) before they are counted ahead: a list of
/// this many passages grown by doubling wastes at most some hundred kilobytes.
const COUNT_PAST: usize = 2048;

/// A passage to make: its kind, where it is, and its sentences.
enum Piece {
    /// A whole section with its subsections.
    Subtree(SectionId, Range<usize>),
    InSection(PassageKind, SectionId, Range<usize>),
    /// Outside the sections: the frame, an opening or closing paragraph.
    Outside(PassageKind, Place, Range<usize>),
}

pub(super) struct Collector<'a> {
    doc: &'a Document,
    sentences: &'a [Sentence],
    filing: &'a [Option<TopicId>],
    /// The report's headings, which passages read their paths from.
    headings: Arc<Headings>,
    /// The sections' text, which their passages are stretches of.
    body: Body,
    /// Each section's own sentences, and those of its whole subtree: 32-bit, as a report numbered
    /// on every line holds a section a line (two lists of 16-byte ranges a section were a fifth of
    /// the alignment's peak).
    own: Vec<Range<u32>>,
    subtree: Vec<Range<u32>>,
    /// Sentences of every place outside the sections, in document order.
    outside: Vec<(Place, Range<usize>)>,
}

impl<'a> Collector<'a> {
    pub(super) fn new(doc: &'a Document, sentences: &'a [Sentence], filing: &'a [Option<TopicId>]) -> Self {
        let walk = doc.walk();
        let mut own = vec![0..0; doc.sections.len()];
        let mut outside: Vec<(Place, Range<usize>)> = Vec::new();
        let mut k = 0;
        while k < sentences.len() {
            let place = sentences[k].place();
            let end = k + sentences[k..].iter().take_while(|s| s.place() == place).count();
            match place {
                Place::Section(id) if id < own.len() => own[id] = fit_u32(k)..fit_u32(end),
                _ => outside.push((place, k..end)),
            }
            k = end;
        }
        // A section without sentences of its own sits where its place in the walk says.
        let mut next = fit_u32(
            sentences
                .iter()
                .position(|s| {
                    matches!(
                        s.place(),
                        Place::Closing(_) | Place::Signature | Place::Date | Place::Trailer(_)
                    )
                })
                .unwrap_or(sentences.len()),
        );
        for &id in walk.iter().rev() {
            if own[id].is_empty() {
                own[id] = next..next;
            }
            next = own[id].start;
        }
        let mut subtree = own.clone();
        for &id in walk.iter().rev() {
            if let Some(p) = doc.sections[id].parent() {
                subtree[p].end = subtree[p].end.max(subtree[id].end);
            }
        }
        Self {
            doc,
            sentences,
            filing,
            headings: Arc::new(Headings::new(doc)),
            body: doc.body(),
            own,
            subtree,
            outside,
        }
    }

    fn all(&self, range: &Range<usize>, t: Option<TopicId>) -> bool {
        !range.is_empty() && self.filing[range.clone()].iter().all(|&f| f == t)
    }

    /// The passages filed under `t` (`None`: what no topic claims), in document order. Where they
    /// may be many they are counted before they are made: a report without headings makes one
    /// per paragraph, and a list grown by doubling would hold up to twice their room at its peak.
    pub(super) fn collect(&self, t: Option<TopicId>) -> Vec<Passage> {
        // Counting walks the report twice: worth it only where the list would grow large.
        let most = self.filing.iter().filter(|&&f| f == t).count();
        let mut count = 0;
        if most > COUNT_PAST {
            self.each(t, &mut |_| count += 1);
        }
        let mut out = Vec::with_capacity(count);
        self.each(t, &mut |piece| {
            out.push(match piece {
                Piece::Subtree(id, range) => self.subtree_passage(id, range),
                Piece::InSection(kind, id, range) => self.in_section(kind, id, range),
                Piece::Outside(kind, place, range) => self.outside_passage(kind, place, range),
            })
        });
        out
    }

    /// What [`Collector::collect`] makes a passage of, in document order.
    fn each(&self, t: Option<TopicId>, emit: &mut dyn FnMut(Piece)) {
        let after_body = |p: &Place| {
            matches!(
                p,
                Place::Closing(_) | Place::Signature | Place::Date | Place::Trailer(_)
            )
        };
        for (place, range) in self.outside.iter().filter(|(p, _)| !after_body(p)) {
            self.runs(*place, range.clone(), t, emit);
        }
        for &root in &self.doc.roots {
            self.section(root, t, emit);
        }
        for (place, range) in self.outside.iter().filter(|(p, _)| after_body(p)) {
            self.runs(*place, range.clone(), t, emit);
        }
    }

    fn section(&self, id: SectionId, t: Option<TopicId>, emit: &mut dyn FnMut(Piece)) {
        let wide = |r: &Range<u32>| r.start as usize..r.end as usize;
        let (own, subtree) = (wide(&self.own[id]), wide(&self.subtree[id]));
        if self.all(&subtree, t) {
            emit(Piece::Subtree(id, subtree));
            return;
        }
        if self.all(&own, t) {
            emit(Piece::InSection(PassageKind::SectionOwn, id, own));
        } else {
            self.runs(Place::Section(id), own, t, emit);
        }
        for &c in self.doc.children(id) {
            self.section(c, t, emit);
        }
    }

    /// Runs of consecutive sentences of one place filed under `t`, each within one part (a
    /// heading line, a paragraph).
    fn runs(&self, place: Place, range: Range<usize>, t: Option<TopicId>, emit: &mut dyn FnMut(Piece)) {
        let mut k = range.start;
        while k < range.end {
            let part = self.sentences[k].part;
            let part_end = k + self.sentences[k..range.end]
                .iter()
                .take_while(|s| s.part == part)
                .count();
            let whole = self.all(&(k..part_end), t);
            let mut j = k;
            while j < part_end {
                if self.filing[j] != t {
                    j += 1;
                    continue;
                }
                let run_end = j + self.filing[j..part_end].iter().take_while(|&&f| f == t).count();
                let kind = match (place, whole) {
                    (Place::Title | Place::Addressee | Place::Signature | Place::Date, _) => PassageKind::Frame,
                    (Place::Preamble(_), true) => PassageKind::Preamble,
                    (Place::Closing(_) | Place::Trailer(_), true) => PassageKind::Closing,
                    (Place::Section(_), true) if part == 0 => PassageKind::Heading,
                    (Place::Section(_), true) => PassageKind::Paragraph,
                    _ => PassageKind::Sentences,
                };
                emit(match place {
                    Place::Section(id) => Piece::InSection(kind, id, j..run_end),
                    _ => Piece::Outside(kind, place, j..run_end),
                });
                j = run_end;
            }
            k = part_end;
        }
    }

    /// A whole section with its subsections: a stretch of the laid-out body.
    fn subtree_passage(&self, id: SectionId, sentences: Range<usize>) -> Passage {
        let doc = self.doc;
        let text = self.body.subtree(doc, id).unwrap_or_else(|| doc.full_text(id).into());
        // Where each section's own text starts in the passage's text.
        let mut from = std::collections::HashMap::new();
        let mut at = 0;
        let mut stack = vec![id];
        while let Some(s) = stack.pop() {
            from.insert(s, at);
            at += doc.own_len(s) + 1;
            stack.extend(doc.children(s).iter().rev());
        }
        let units: Vec<(u32, u32)> = self.sentences[sentences.clone()]
            .iter()
            .map(|s| {
                let base = s.section().and_then(|x| from.get(&x)).copied().unwrap_or(0) as u32;
                (base + s.start, base + s.end)
            })
            .collect();
        self.passage(PassageKind::Section, Some(id), text, None, sentences, units)
    }

    /// Sentences `range` of section `id`'s own text, as one stretch of it.
    fn in_section(&self, kind: PassageKind, id: SectionId, range: Range<usize>) -> Passage {
        let doc = self.doc;
        let first = &self.sentences[range.start];
        let (at, end) = match kind {
            PassageKind::SectionOwn => (0, doc.own_len(id)),
            _ => (first.start as usize, self.sentences[range.end - 1].end as usize),
        };
        let text = self
            .body
            .own(id, at, end - at)
            .unwrap_or_else(|| doc.own_text(id).get(at..end).unwrap_or_default().into());
        let units = self.relative(&range, at);
        let origin = Origin::whole(Place::Section(id), at, end - at);
        self.passage(kind, Some(id), text, Some(origin), range, units)
    }

    /// Sentences `range` of a place outside the sections (the frame, an opening or closing
    /// paragraph), as one stretch of it.
    fn outside_passage(&self, kind: PassageKind, place: Place, range: Range<usize>) -> Passage {
        let (at, end) = (
            self.sentences[range.start].start as usize,
            self.sentences[range.end - 1].end as usize,
        );
        let shared = match place {
            Place::Preamble(i) => self.doc.preamble.get(i).map(|p| p.text.clone()),
            Place::Closing(i) => self.doc.closing.get(i).map(|p| p.text.clone()),
            Place::Trailer(i) => self.doc.trailer.get(i).map(|p| p.text.clone()),
            _ => None,
        };
        let text = match shared.and_then(|p| p.sub(at..end)) {
            Some(t) => t,
            None => SharedText::from(self.doc.part_text(place, 0).get(at..end).unwrap_or_default()),
        };
        let units = self.relative(&range, at);
        self.passage(kind, None, text, Some(Origin::whole(place, at, end - at)), range, units)
    }

    /// The sentences `range` as bytes of a passage whose text starts at byte `at` of their place.
    fn relative(&self, range: &Range<usize>, at: usize) -> Vec<(u32, u32)> {
        self.sentences[range.clone()]
            .iter()
            .map(|s| (s.start - at as u32, s.end - at as u32))
            .collect()
    }

    fn passage(
        &self,
        kind: PassageKind,
        section: Option<SectionId>,
        text: SharedText,
        origin: Option<Origin>,
        sentences: Range<usize>,
        units: Vec<(u32, u32)>,
    ) -> Passage {
        // Where the file has lines of its own to show: a text report's.
        let line = self
            .sentences
            .get(sentences.start)
            .filter(|_| self.doc.format == crate::load::Format::Text)
            .map_or(0, |s| self.doc.line_of(s.place(), s.part));
        Passage {
            kind,
            path: section.map(|s| HeadingPath::new(&self.headings, s)).unwrap_or_default(),
            text,
            origin: origin.and_then(super::Spot::of),
            sentences: fit_u32(sentences.start)..fit_u32(sentences.end),
            units: units.into(),
            line,
        }
    }
}
