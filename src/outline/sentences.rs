//! A report's sentences, defined once: every later stage (topic filing, matching the two reports,
//! rows, the word diff, counts) works on these, so that a sentence is the same unit everywhere.
//!
//! Sentences are split per part of a place (a heading line, each body paragraph, each opening or
//! closing paragraph, each part of the letter frame), never across parts.

use std::ops::Range;

use super::{Document, PackedPlace, Place, SectionId};
use crate::text::{is_blank, split_sentences};

/// One sentence of a report: bytes `start..end` of its place's text ([`Document::place_text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is (see [`Sentence::place`]): a report holds one a sentence.
    place: PackedPlace,
    /// Which part of a section's own text: 0 its heading line, `k + 1` its body paragraph `k`; 0
    /// for any other place.
    pub part: u32,
    /// Where its part starts in the place's text.
    pub at: u32,
    pub start: u32,
    pub end: u32,
    /// The last sentence of its line as the report shows it.
    pub ends_line: bool,
}

impl Sentence {
    /// The place whose text holds it.
    pub fn place(&self) -> Place {
        self.place.place()
    }

    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The section whose own text holds it.
    pub fn section(&self) -> Option<SectionId> {
        match self.place() {
            Place::Section(id) => Some(id),
            _ => None,
        }
    }

    /// It is (part of) its section's heading line.
    pub fn in_heading(&self) -> bool {
        matches!(self.place(), Place::Section(_)) && self.part == 0
    }

    /// The body paragraph of its section that holds it.
    pub fn paragraph(&self) -> Option<usize> {
        match self.place() {
            Place::Section(_) if self.part > 0 => Some(self.part as usize - 1),
            _ => None,
        }
    }
}

/// Sentences of `text` as ranges, blank ones left out.
fn split(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    split_sentences(text)
        .into_iter()
        .filter(move |r| !text[r.clone()].chars().all(is_blank))
}

/// The sentences of one part of a place (`text`, at byte `at` of the place's text).
fn push_part(out: &mut Vec<Sentence>, place: Place, part: u32, text: &str, at: usize, ends_line: bool) {
    let first = out.len();
    let Ok(part_at) = u32::try_from(at) else { return };
    for r in split(text) {
        let (Ok(start), Ok(end)) = (u32::try_from(at + r.start), u32::try_from(at + r.end)) else {
            return;
        };
        out.push(Sentence {
            place: PackedPlace::new(place),
            part,
            at: part_at,
            start,
            end,
            ends_line: false,
        });
    }
    if out.len() > first
        && let Some(last) = out.last_mut()
    {
        last.ends_line = ends_line;
    }
}

fn frame(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or_default()
}

fn paragraph(ps: &[super::Paragraph], i: usize) -> &str {
    ps.get(i).map_or("", |p| p.text.as_str())
}

impl Document {
    /// The text of one part of a place (see [`Sentence::part`]): a heading line, a body paragraph,
    /// an opening or closing paragraph, a part of the frame; empty when there is none.
    pub fn part_text(&self, place: Place, part: u32) -> &str {
        match place {
            Place::Title => frame(&self.title),
            Place::Addressee => frame(&self.addressee),
            Place::Signature => frame(&self.signature),
            Place::Date => frame(&self.date),
            Place::Preamble(i) => paragraph(&self.preamble, i),
            Place::Closing(i) => paragraph(&self.closing, i),
            Place::Trailer(i) => paragraph(&self.trailer, i),
            Place::Section(id) => match (self.sections.get(id), part) {
                (None, _) => "",
                (Some(s), 0) => &s.heading_line,
                (Some(_), k) => paragraph(self.paragraphs(id), k as usize - 1),
            },
        }
    }

    /// The line of the decoded text (from 1) a part of a place starts on; 0 when not known (the
    /// letter frame's own lines).
    pub fn line_of(&self, place: Place, part: u32) -> u32 {
        let of = |ps: &[super::Paragraph], i: usize| ps.get(i).map_or(0, |p| p.line);
        match place {
            Place::Preamble(i) => of(&self.preamble, i),
            Place::Closing(i) => of(&self.closing, i),
            Place::Trailer(i) => of(&self.trailer, i),
            Place::Section(id) => match (self.sections.get(id), part) {
                (None, _) => 0,
                (Some(s), 0) => s.line,
                (Some(_), k) => of(self.paragraphs(id), k as usize - 1),
            },
            _ => 0,
        }
    }

    /// The id of the topic the analyst refiled sentence `s` under, if they did.
    pub fn refiled_topic(&self, s: &Sentence) -> Option<&str> {
        if self.refiled.is_empty() {
            return None;
        }
        let key = crate::text::sentence_digest(self.sentence_text(s));
        self.refiled.get(&key).map(String::as_str)
    }

    /// The text of a sentence of this report.
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        let part = self.part_text(s.place(), s.part);
        let (start, end) = ((s.start - s.at) as usize, (s.end - s.at) as usize);
        part.get(start..end).unwrap_or_default()
    }

    /// Every sentence of the report, in document order (the order of [`Document::places`]).
    pub fn sentences(&self) -> Vec<Sentence> {
        let mut out = Vec::new();
        for place in self.places() {
            match place {
                Place::Section(id) => {
                    let s = &self.sections[id];
                    let continues = s.inline_body && !self.paragraphs(id).is_empty();
                    push_part(&mut out, place, 0, &s.heading_line, 0, !continues);
                    for (k, (p, at)) in self.paragraphs(id).iter().zip(self.body_offsets(id)).enumerate() {
                        push_part(&mut out, place, k as u32 + 1, &p.text, at, true);
                    }
                }
                _ => {
                    let text = self.place_text(place);
                    push_part(&mut out, place, 0, &text, 0, true);
                }
            }
        }
        out.shrink_to_fit();
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
    fn sentences_cover_every_place_in_order_and_never_cross_a_heading() {
        let d = doc(
            "某局2024年工作报告\n开头一段。现将情况报告如下:\n一、法律顾问。聘请顾问2名。审查合同5份。\n(一)细项:正文甲。\n二、下一步\n计划。\n特此报告。",
        );
        let sentences = d.sentences();
        let texts: Vec<String> = sentences
            .iter()
            .map(|s| d.place_text(s.place())[s.range()].to_string())
            .collect();
        for s in &sentences {
            assert_eq!(d.sentence_text(s), &d.place_text(s.place())[s.range()]);
        }
        assert_eq!(
            texts,
            [
                "某局2024年工作报告",
                "开头一段。",
                "现将情况报告如下:",
                "一、法律顾问。",
                "聘请顾问2名。",
                "审查合同5份。",
                "(一)细项:",
                "正文甲。",
                "二、下一步",
                "计划。",
                "特此报告。"
            ]
        );
        // A heading line that runs on into its body does not end the line; the body does.
        let ends: Vec<bool> = sentences.iter().map(|s| s.ends_line).collect();
        assert_eq!(
            ends,
            [true, false, true, false, false, true, false, true, true, true, true]
        );
        assert!(sentences[3].in_heading() && sentences[4].paragraph() == Some(0));
        assert_eq!(sentences[0].place(), Place::Title);
    }
}
