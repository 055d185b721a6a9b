//! Heading paths: where a passage sits in its report (`一、… › (二)…`). A report's headings are
//! kept once, each with its parent, and every passage reads its path from them; a path per
//! section would repeat every heading above it.

use std::sync::Arc;

use crate::outline::{Document, SectionId};
use crate::shared::fit_u32;

/// Each section's heading (`number + heading`) and parent; the headings end to end in one text,
/// the one the outline keeps its sections' labels in when they are still laid out as it made them.
#[derive(Debug, Default)]
pub struct Headings {
    /// Each section's parent, [`NO_PARENT`] for a top-level one.
    parent: Vec<u32>,
    text: Arc<str>,
    /// Where each section's heading ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
}

const NO_PARENT: u32 = u32::MAX;

impl Headings {
    pub fn new(doc: &Document) -> Headings {
        let parent = doc
            .sections
            .iter()
            .map(|s| s.parent.map_or(NO_PARENT, fit_u32))
            .collect();
        if let Some((text, ends)) = Self::shared(doc) {
            return Headings { parent, text, ends };
        }
        let mut text = String::new();
        let mut ends = Vec::with_capacity(doc.sections.len());
        for s in &doc.sections {
            text.push_str(&s.number);
            text.push_str(&s.heading);
            ends.push(fit_u32(text.len()));
        }
        Headings {
            parent,
            text: text.into(),
            ends,
        }
    }

    /// The text the outline laid the labels out in, when every section's number and heading are
    /// still stretches of it end to end in section order.
    fn shared(doc: &Document) -> Option<(Arc<str>, Vec<u32>)> {
        let text = doc.sections.first()?.number.source().0;
        let mut ends = Vec::with_capacity(doc.sections.len());
        let mut at = 0;
        for s in &doc.sections {
            let ((number, n), (heading, h)) = (s.number.source(), s.heading.source());
            if !(Arc::ptr_eq(number, text) && Arc::ptr_eq(heading, text) && n.start == at && h.start == n.end) {
                return None;
            }
            at = h.end;
            ends.push(u32::try_from(at).ok()?);
        }
        Some((text.clone(), ends))
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn label(&self, section: usize) -> &str {
        let start = section.checked_sub(1).map_or(0, |p| self.ends[p]);
        &self.text[start as usize..self.ends[section] as usize]
    }

    fn parent(&self, section: usize) -> Option<usize> {
        Some(self.parent[section])
            .filter(|&p| p != NO_PARENT)
            .map(|p| p as usize)
    }
}

/// The headings from the top of a report down to one section; none for text outside its
/// numbered body.
#[derive(Debug, Clone, Default)]
pub struct HeadingPath {
    /// `None` for text outside the numbered body: a passage per paragraph of a report without
    /// headings must not cost a table each.
    headings: Option<Arc<Headings>>,
    /// 32 bits: every passage holds one.
    section: Option<u32>,
}

impl HeadingPath {
    pub fn new(headings: &Arc<Headings>, section: SectionId) -> HeadingPath {
        let section = Some(section)
            .filter(|&s| s < headings.len())
            .and_then(|s| u32::try_from(s).ok());
        HeadingPath {
            headings: section.map(|_| headings.clone()),
            section,
        }
    }

    /// Top down.
    pub fn headings(&self) -> Vec<&str> {
        let mut out = Vec::new();
        let Some(headings) = &self.headings else {
            return out;
        };
        let mut at = self.section.map(|s| s as usize);
        // A parent comes before its child, so the walk up ends; the bound guards a malformed tree.
        while let Some(s) = at.filter(|_| out.len() <= headings.len()) {
            out.push(headings.label(s));
            at = headings.parent(s);
        }
        out.reverse();
        out
    }

    /// The section's own heading.
    pub fn last(&self) -> Option<&str> {
        Some(self.headings.as_ref()?.label(self.section? as usize))
    }

    pub fn is_empty(&self) -> bool {
        self.section.is_none()
    }

    pub fn join(&self, separator: &str) -> String {
        self.headings().join(separator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceText;
    use crate::outline::outline;

    #[test]
    fn a_path_reads_top_down_from_one_heading_table() {
        let text = "一、法律顾问\n(一)甲\n正文甲。\n(二)乙\n正文乙。";
        let d = outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("reads"));
        let table = Arc::new(Headings::new(&d));
        let second = d.sections[0].children[1];
        let path = HeadingPath::new(&table, second);
        assert_eq!(path.headings(), ["一、法律顾问", "(二)乙"]);
        assert_eq!(path.join(" › "), "一、法律顾问 › (二)乙");
        assert_eq!(path.last(), Some("(二)乙"));
        assert!(HeadingPath::default().is_empty() && HeadingPath::default().headings().is_empty());
        assert!(
            HeadingPath::new(&table, 99).is_empty(),
            "a section the table lacks has no path"
        );
    }

    #[test]
    fn the_table_shares_the_outlines_labels_and_copies_them_once_changed() {
        let text = "一、法律顾问\n(一)甲\n正文甲。\n二、执法\n正文乙。";
        let mut d = outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("reads"));
        let table = Headings::new(&d);
        assert!(
            Arc::ptr_eq(&table.text, d.sections[0].number.source().0),
            "the outline's labels, not a copy"
        );
        let labels: Vec<&str> = (0..table.len()).map(|s| table.label(s)).collect();
        assert_eq!(labels, ["一、法律顾问", "(一)甲", "二、执法"]);
        // A heading changed after the outline (as a test or a review may): read from a copy.
        d.sections[1].heading = "乙".into();
        let table = Headings::new(&d);
        assert!(!Arc::ptr_eq(&table.text, d.sections[0].number.source().0));
        let labels: Vec<&str> = (0..table.len()).map(|s| table.label(s)).collect();
        assert_eq!(labels, ["一、法律顾问", "(一)乙", "二、执法"]);
        assert_eq!(table.parent(1), Some(0));
        assert_eq!(table.parent(2), None);
    }
}
