//! A report's sections laid end to end in one shared text ([`Body`]). The outline's paragraphs are
//! stretches of it once the outline is built, and so are the passages the alignment makes: the
//! report's text is held once, however many rows show it.

use std::sync::Arc;

use super::{Document, SectionId};
use crate::shared::SharedText;

/// The sections' own texts (heading line and body, as [`Document::own_text`] gives them) in
/// document order, one line break apart.
#[derive(Debug, Clone, Default)]
pub struct Body {
    text: Arc<String>,
    /// Where each section's own text starts.
    starts: Arc<[usize]>,
}

impl Body {
    /// Section `id` with its descendants, as [`Document::full_text`] gives it; `None` when the
    /// section has no text of its own (its full text then does not open with a line break where
    /// the laid-out body has one, so it is not one stretch of it).
    pub fn subtree(&self, doc: &Document, id: SectionId) -> Option<SharedText> {
        if doc.own_len(id) == 0 {
            return None;
        }
        let start = *self.starts.get(id)?;
        SharedText::slice(&self.text, start..start + doc.full_len(id))
    }

    /// `len` bytes of section `id`'s own text from `at`.
    pub fn own(&self, id: SectionId, at: usize, len: usize) -> Option<SharedText> {
        let start = self.starts.get(id)? + at;
        SharedText::slice(&self.text, start..start + len)
    }

    /// The sections of `doc` laid out anew.
    fn lay_out(doc: &Document) -> Body {
        let order = doc.walk();
        let len = order.iter().map(|&id| doc.own_len(id) + 1).sum();
        let mut text = String::with_capacity(len);
        let mut starts = vec![0; doc.sections.len()];
        for (k, &id) in order.iter().enumerate() {
            if k > 0 {
                text.push('\n');
            }
            starts[id] = text.len();
            doc.push_own_text(id, &mut text);
        }
        Body {
            text: Arc::new(text),
            starts: starts.into(),
        }
    }

    /// Whether this is still what `doc`'s sections say: every heading line in its place and every
    /// paragraph a stretch of it where it should be (nothing changed since it was laid out).
    fn holds(&self, doc: &Document) -> bool {
        self.starts.len() == doc.sections.len()
            && doc.sections.iter().enumerate().all(|(id, s)| {
                let start = self.starts[id];
                self.text.get(start..start + s.heading_line.len()) == Some(s.heading_line.as_str())
                    && doc
                        .paragraphs(id)
                        .iter()
                        .zip(doc.body_offsets(id))
                        .all(|(p, at)| p.text.is_stretch_of(&self.text, start + at))
            })
    }
}

impl Document {
    /// The sections laid out in one shared text: the one the outline made, or, if the sections
    /// have changed since, laid out anew.
    pub fn body(&self) -> Body {
        if self.laid_out.holds(self) {
            return self.laid_out.clone();
        }
        Body::lay_out(self)
    }

    /// Lays the sections out and makes every section's heading line and paragraphs stretches of
    /// that text, so the report's body is held once; a section's number and heading too, when its
    /// heading line opens with them as they are (nearly always), and otherwise stretches of one
    /// more text, those labels end to end in section order. Heading paths share both (see
    /// `align::headings`). A report numbered on every line held three strings a line.
    pub(super) fn share_body(&mut self) {
        let body = Body::lay_out(self);
        let mut offsets = Vec::new();
        for id in 0..self.sections.len() {
            let start = body.starts[id];
            offsets.clear();
            offsets.extend(self.body_offsets(id));
            let s = &mut self.sections[id];
            if let Some(line) = SharedText::slice(&body.text, start..start + s.heading_line.len()) {
                s.heading_line = line;
            }
            for (p, &at) in self.paragraphs_mut(id).iter_mut().zip(&offsets) {
                let at = start + at;
                if let Some(shared) = SharedText::slice(&body.text, at..at + p.text.len()) {
                    p.text = shared;
                }
            }
        }
        self.laid_out = body;
        share_end_to_end(
            self.sections
                .iter_mut()
                .filter_map(|s| (!label_from_heading_line(s)).then_some(s))
                .flat_map(|s| [&mut s.number, &mut s.heading])
                .collect(),
        );
        // The paragraphs outside the sections (opening, closing, trailer): a report without
        // headings is all opening, often a short paragraph a line.
        share_end_to_end(
            self.preamble
                .iter_mut()
                .chain(&mut self.closing)
                .chain(&mut self.trailer)
                .map(|p| &mut p.text)
                .collect(),
        );
    }
}

/// Makes a section's number and heading stretches of its heading line when it opens with the two
/// as they are; whether it does.
fn label_from_heading_line(s: &mut super::Section) -> bool {
    let (n, h) = (s.number.len(), s.heading.len());
    let line = &s.heading_line;
    if !(line.starts_with(&*s.number) && line[n..].starts_with(&*s.heading)) {
        return false;
    }
    match (line.sub(0..n), line.sub(n..n + h)) {
        (Some(number), Some(heading)) => {
            (s.number, s.heading) = (number, heading);
            true
        }
        _ => false,
    }
}

/// Makes `texts` stretches of one new text that holds them end to end, in their order.
fn share_end_to_end(mut texts: Vec<&mut SharedText>) {
    let mut all = String::with_capacity(texts.iter().map(|t| t.len()).sum());
    for t in &texts {
        all.push_str(t);
    }
    all.shrink_to_fit();
    let all = Arc::new(all);
    let mut at = 0;
    for t in &mut texts {
        let end = at + t.len();
        if let Some(shared) = SharedText::slice(&all, at..end) {
            **t = shared;
        }
        at = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::load::SourceText;
    use crate::outline::{Paragraph, outline};

    fn doc(text: &str) -> crate::outline::Document {
        outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("decodes"))
    }

    const TEXT: &str = "开头一段。\n一、法律顾问\n正文甲。\n正文乙。\n(一)细项\n细项正文。\n二、下一步\n计划。";

    #[test]
    fn the_laid_out_body_holds_every_section_text_as_one_stretch() {
        let d = doc(TEXT);
        let body = d.body();
        for id in d.walk() {
            let sub = body.subtree(&d, id).expect("every section here has a heading");
            assert_eq!(*sub, d.full_text(id));
            let own = d.own_text(id);
            assert_eq!(*body.own(id, 0, own.len()).expect("in bounds"), own);
        }
    }

    #[test]
    fn labels_are_stretches_of_their_heading_line_or_else_of_one_shared_text() {
        // The third heading's line has a blank after its number, which its number and heading
        // leave out: they cannot be read from the line as they are.
        let d = doc("开头一段。\n一、法律顾问\n正文甲。\n(一)细项\n细项正文。\n二、 下一步\n计划。");
        for (id, s) in d.sections.iter().enumerate() {
            assert!(s.heading_line.is_stretch_of(&d.laid_out.text, d.laid_out.starts[id]));
        }
        for s in &d.sections[..2] {
            let (line, at) = (s.heading_line.source().0, s.heading_line.source().1.start);
            assert!(s.number.is_stretch_of(line, at), "{s:?}");
            assert!(s.heading.is_stretch_of(line, at + s.number.len()), "{s:?}");
        }
        let apart = &d.sections[2];
        assert_eq!((&*apart.number, &*apart.heading), ("二、", "下一步"));
        let labels = apart.number.source().0;
        assert_eq!(&**labels, "二、下一步");
        assert!(apart.heading.is_stretch_of(labels, apart.number.len()));
    }

    #[test]
    fn paragraphs_outside_the_sections_are_stretches_of_one_text() {
        let d = doc("开头一段。\n开头二段。\n一、法律顾问\n正文。\n特此报告。\n示例局\n2025年1月5日\n附件:清单");
        let outside: Vec<&Paragraph> = d.preamble.iter().chain(&d.closing).chain(&d.trailer).collect();
        assert_eq!(outside.len(), 4, "{outside:?}");
        let text = outside[0].text.source().0;
        let mut at = 0;
        for p in outside {
            assert!(p.text.is_stretch_of(text, at), "{p:?}");
            at += p.text.len();
        }
    }

    #[test]
    fn paragraphs_are_stretches_of_the_body_until_a_section_changes() {
        let mut d = doc(TEXT);
        assert!(d.laid_out.holds(&d), "the outline shares one text");
        let first = d.roots[0];
        assert!(
            d.paragraphs(first)[0]
                .text
                .is_stretch_of(&d.laid_out.text, d.laid_out.starts[first] + 19)
        );
        // A paragraph replaced: the body is laid out anew, with the new text.
        d.paragraphs_mut(first)[0] = Paragraph {
            text: "改过的正文。".into(),
            line: 0,
        };
        assert!(!d.laid_out.holds(&d));
        assert_eq!(
            &*d.body().subtree(&d, first).expect("text").to_string(),
            d.full_text(first)
        );
    }
}
