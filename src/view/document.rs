//! A whole report laid out in its own order, each line knowing the section it comes from.

use std::collections::HashSet;
use std::ops::Range;

use super::lines::{Line, Look, Seg, find_all, flag_matches};
use super::wrap::wrap;
use crate::compare::Report;
use crate::outline::SectionId;

/// A report in its own order, each line knowing where it comes from.
#[derive(Debug, Clone, Default)]
pub struct DocLayout {
    pub lines: Vec<Line>,
    /// Section of each line (`None` for the letter frame, opening and closing text).
    pub sections: Vec<Option<SectionId>>,
    /// Lines of the opening paragraphs.
    pub preamble: Range<usize>,
}

impl DocLayout {
    /// Is line `i` part of a passage of the current row?
    pub fn is_linked(&self, i: usize, sections: &HashSet<SectionId>, preamble: bool) -> bool {
        match self.sections.get(i).copied().flatten() {
            Some(s) => sections.contains(&s),
            None => preamble && self.preamble.contains(&i),
        }
    }
}

/// Lays out a whole report, wrapped to `width`.
pub fn document(side: &Report, width: usize, query: Option<&str>) -> DocLayout {
    let doc = &side.doc;
    let mut out = DocLayout::default();
    let push = |text: &str, section: Option<SectionId>, look: Look, out: &mut DocLayout| {
        let mut segs = vec![Seg::new(text, look)];
        if let Some(q) = query {
            segs = flag_matches(segs, &find_all(text, q));
        }
        for line in wrap(&segs, width) {
            out.lines.push(line);
            out.sections.push(section);
        }
    };
    let frame = |s: &Option<String>| s.clone().unwrap_or_default();
    for t in [frame(&doc.title), frame(&doc.addressee)]
        .iter()
        .filter(|t| !t.is_empty())
    {
        push(t, None, Look::Header, &mut out);
    }
    let start = out.lines.len();
    for p in &doc.preamble {
        push(&p.text, None, Look::Plain, &mut out);
    }
    out.preamble = start..out.lines.len();
    for id in doc.walk() {
        for line in doc.section(id).own_text().lines() {
            push(line, Some(id), Look::Plain, &mut out);
        }
    }
    for p in &doc.closing {
        push(&p.text, None, Look::Plain, &mut out);
    }
    for t in [frame(&doc.signature), frame(&doc.date)]
        .iter()
        .filter(|t| !t.is_empty())
    {
        push(t, None, Look::Dim, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceText;
    use crate::outline::outline;
    use crate::topics::Taxonomy;

    fn report(text: &str) -> Report {
        let doc = outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("decodes"));
        Report::new(doc, &Taxonomy::builtin())
    }

    #[test]
    fn every_line_knows_its_section_and_the_opening_is_marked() {
        let r = report(
            "某局2024年法治政府建设情况报告\n今年以来，我局认真推进。\n一、法律顾问\n聘请法律顾问2名。\n二、存在问题\n问题仍然存在。",
        );
        let l = document(&r, 40, None);
        assert_eq!(l.lines.len(), l.sections.len());
        assert_eq!(l.lines[0].segs[0].look, Look::Header, "the title");
        let opening = l.preamble.clone();
        assert!(l.lines[opening.start].text().contains("今年以来"));
        let advisers = l
            .lines
            .iter()
            .position(|x| x.text().contains("聘请"))
            .expect("body line");
        let section = l.sections[advisers].expect("in a section");
        let set = HashSet::from([section]);
        assert!(l.is_linked(advisers, &set, false));
        assert!(!l.is_linked(opening.start, &set, false));
        assert!(l.is_linked(opening.start, &HashSet::new(), true));
    }

    #[test]
    fn matches_are_flagged() {
        let r = report("一、法律顾问\n聘请法律顾问2名。");
        let l = document(&r, 40, Some("顾问"));
        assert!(l.lines.iter().flat_map(|x| &x.segs).filter(|s| s.matched).count() >= 2);
    }
}
