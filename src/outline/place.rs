//! Places in a report: where a piece of text lives (a part of the letter frame, an opening or
//! closing paragraph, a section's own text), so that later stages can point back into the document
//! instead of only carrying copies of its text.

use super::{Document, SectionId};

/// A run of a report's text as the document view shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Title,
    Addressee,
    /// An opening paragraph, by index.
    Preamble(usize),
    /// A section's own text: its heading line and body, as [`Document::own_text`] gives it.
    Section(SectionId),
    /// A closing paragraph, by index.
    Closing(usize),
    Signature,
    Date,
    /// A line after the signature and date, or an attachment note (`附件:…`), by index.
    Trailer(usize),
}

/// A [`Place`] in 8 bytes where it takes 16: its kind and a 32-bit index (inputs stop at 1 GiB,
/// see `load::MAX_BYTES_LIMIT`, so no index reaches 32 bits). A report holds one for each sentence
/// and each passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackedPlace {
    kind: PlaceKind,
    index: u32,
}

/// Which [`Place`] a [`PackedPlace`] is, its index apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaceKind {
    Title,
    Addressee,
    Preamble,
    Section,
    Closing,
    Signature,
    Date,
    Trailer,
}

impl PackedPlace {
    pub fn new(place: Place) -> PackedPlace {
        let (kind, index) = match place {
            Place::Title => (PlaceKind::Title, 0),
            Place::Addressee => (PlaceKind::Addressee, 0),
            Place::Preamble(i) => (PlaceKind::Preamble, i),
            Place::Section(i) => (PlaceKind::Section, i),
            Place::Closing(i) => (PlaceKind::Closing, i),
            Place::Signature => (PlaceKind::Signature, 0),
            Place::Date => (PlaceKind::Date, 0),
            Place::Trailer(i) => (PlaceKind::Trailer, i),
        };
        PackedPlace {
            kind,
            index: crate::shared::fit_u32(index),
        }
    }

    pub fn place(self) -> Place {
        let i = self.index as usize;
        match self.kind {
            PlaceKind::Title => Place::Title,
            PlaceKind::Addressee => Place::Addressee,
            PlaceKind::Preamble => Place::Preamble(i),
            PlaceKind::Section => Place::Section(i),
            PlaceKind::Closing => Place::Closing(i),
            PlaceKind::Signature => Place::Signature,
            PlaceKind::Date => Place::Date,
            PlaceKind::Trailer => Place::Trailer(i),
        }
    }
}

/// Where a stretch of a passage's text comes from: passage bytes `from..from + len` are bytes
/// `at..at + len` of the place's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub place: Place,
    pub at: usize,
    pub from: usize,
    pub len: usize,
}

impl Origin {
    /// A passage whose text is `len` bytes of `place` from `at`.
    pub fn whole(place: Place, at: usize, len: usize) -> Origin {
        Origin {
            place,
            at,
            from: 0,
            len,
        }
    }

    /// The part of the passage bytes `range` that lies in this origin, as bytes of the place.
    pub fn map(&self, range: &std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        let start = range.start.max(self.from);
        let end = range.end.min(self.from + self.len);
        (start < end).then(|| self.at + start - self.from..self.at + end - self.from)
    }
}

impl Document {
    /// Where each body paragraph of section `id` starts in its [`own_text`](Document::own_text),
    /// in order.
    pub fn body_offsets(&self, id: SectionId) -> impl Iterator<Item = usize> + '_ {
        let (mut at, inline) = self
            .sections
            .get(id)
            .map_or((0, false), |s| (s.heading_line.len(), s.inline_body));
        self.paragraphs(id).iter().enumerate().map(move |(i, p)| {
            if !(i == 0 && inline) {
                at += 1;
            }
            let start = at;
            at += p.text.len();
            start
        })
    }

    /// Byte offset in [`own_text`](Document::own_text) where body paragraph `j` of section `id`
    /// starts.
    pub fn body_offset(&self, id: SectionId, j: usize) -> usize {
        let Some(s) = self.sections.get(id) else { return 0 };
        let mut at = s.heading_line.len();
        for (i, p) in self.paragraphs(id).iter().enumerate().take(j + 1) {
            if !(i == 0 && s.inline_body) {
                at += 1;
            }
            if i < j {
                at += p.text.len();
            }
        }
        at
    }
}

impl Document {
    /// The text of a place (empty for a frame part the report lacks).
    pub fn place_text(&self, place: Place) -> String {
        let frame = |s: &Option<String>| s.clone().unwrap_or_default();
        let paragraph = |ps: &[super::Paragraph], i: usize| ps.get(i).map(|p| p.text.to_string()).unwrap_or_default();
        match place {
            Place::Title => frame(&self.title),
            Place::Addressee => frame(&self.addressee),
            Place::Preamble(i) => paragraph(&self.preamble, i),
            Place::Section(id) => self.own_text(id),
            Place::Closing(i) => paragraph(&self.closing, i),
            Place::Signature => frame(&self.signature),
            Place::Date => frame(&self.date),
            Place::Trailer(i) => paragraph(&self.trailer, i),
        }
    }

    /// Every place with text, in document order.
    pub fn places(&self) -> Vec<Place> {
        let mut out = vec![Place::Title, Place::Addressee];
        out.extend((0..self.preamble.len()).map(Place::Preamble));
        out.extend(self.walk().into_iter().map(Place::Section));
        out.extend((0..self.closing.len()).map(Place::Closing));
        out.extend([Place::Signature, Place::Date]);
        out.extend((0..self.trailer.len()).map(Place::Trailer));
        out.retain(|&p| match p {
            Place::Title => self.title.is_some(),
            Place::Addressee => self.addressee.is_some(),
            Place::Signature => self.signature.is_some(),
            Place::Date => self.date.is_some(),
            _ => true,
        });
        out
    }

    /// Where each part of [`full_text`](Document::full_text)`(id)` comes from: the section's own
    /// text and each descendant's, in order, one line break apart.
    pub fn subtree_origins(&self, id: SectionId) -> Vec<Origin> {
        let mut out = Vec::new();
        let mut from = 0;
        let mut stack = vec![id];
        while let Some(s) = stack.pop() {
            let len = self.own_len(s);
            out.push(Origin {
                place: Place::Section(s),
                at: 0,
                from,
                len,
            });
            from += len + 1;
            stack.extend(self.children(s).iter().rev());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::load::SourceText;
    use crate::outline::{Place, outline};

    fn doc(text: &str) -> crate::outline::Document {
        outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("decodes"))
    }

    #[test]
    fn origins_point_at_the_same_text() {
        let d = doc("开头一段。\n一、法律顾问\n正文甲。\n正文乙。\n(一)细项\n细项正文。\n二、下一步\n计划。");
        for id in d.walk() {
            let full = d.full_text(id);
            for o in d.subtree_origins(id) {
                let place = d.place_text(o.place);
                assert_eq!(&full[o.from..o.from + o.len], &place[o.at..o.at + o.len]);
            }
            for (j, p) in d.paragraphs(id).iter().enumerate() {
                let at = d.body_offset(id, j);
                assert_eq!(&d.own_text(id)[at..at + p.text.len()], &*p.text);
                assert_eq!(d.body_offsets(id).nth(j), Some(at));
            }
        }
        assert_eq!(d.places()[0], Place::Preamble(0));
    }

    #[test]
    fn an_inline_body_continues_the_heading_line() {
        let d = doc("一、法律顾问。聘请顾问2名。\n其他正文。\n二、下一步\n计划。");
        let id = d.roots[0];
        for (j, p) in d.paragraphs(id).iter().enumerate() {
            let at = d.body_offset(id, j);
            assert_eq!(&d.own_text(id)[at..at + p.text.len()], &*p.text, "{:?}", d.own_text(id));
        }
    }
}
