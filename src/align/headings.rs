//! Heading paths: where a passage sits in its report (`一、… › (二)…`). A report's headings are
//! kept once, each with its parent, and every passage reads its path from them; a path per
//! section would repeat every heading above it.

use std::sync::Arc;

use crate::outline::{Document, NO_PARENT, SectionId};
use crate::shared::fit_u32;

/// Each section's heading (`number + heading`) and parent.
#[derive(Debug, Default)]
pub struct Headings {
    /// Each section's parent, [`NO_PARENT`] for a top-level one.
    parent: Vec<u32>,
    labels: Labels,
}

/// Set on a label's start when it is a stretch of the second text.
const SECOND: u32 = 1 << 31;

impl Headings {
    pub fn new(doc: &Document) -> Headings {
        let parent = doc
            .sections
            .iter()
            .map(|s| s.parent().map_or(NO_PARENT, fit_u32))
            .collect();
        let labels = Labels::shared(doc).unwrap_or_else(|| Labels::copied(doc));
        Headings { parent, labels }
    }

    fn len(&self) -> usize {
        self.labels.at.len()
    }

    fn label(&self, section: usize) -> &str {
        self.labels.of(section)
    }

    fn parent(&self, section: usize) -> Option<usize> {
        Some(self.parent[section])
            .filter(|&p| p != NO_PARENT)
            .map(|p| p as usize)
    }
}

/// Each section's label, read from the texts the outline keeps them in (the laid-out body, and one
/// text of the labels that are not stretches of it) while they are still laid out as it made them;
/// from a copy otherwise.
#[derive(Debug, Default)]
struct Labels {
    /// At most two texts the labels are stretches of.
    texts: Vec<Arc<String>>,
    /// Each section's label: where it is in its text, the start's top bit set when that text is
    /// the second.
    at: Vec<(u32, u32)>,
}

impl Labels {
    /// The labels in a text of their own, end to end.
    fn copied(doc: &Document) -> Labels {
        let mut text = String::new();
        let mut at = Vec::with_capacity(doc.sections.len());
        for s in &doc.sections {
            let start = fit_u32(text.len());
            text.push_str(&s.number);
            text.push_str(&s.heading);
            at.push((start, fit_u32(text.len())));
        }
        Labels {
            texts: vec![Arc::new(text)],
            at,
        }
    }

    /// The labels read from the texts the outline laid them out in, when every section's number
    /// and heading are still one stretch of one of at most two texts.
    fn shared(doc: &Document) -> Option<Labels> {
        let mut texts: Vec<Arc<String>> = Vec::new();
        let mut at = Vec::with_capacity(doc.sections.len());
        for s in &doc.sections {
            let ((number, n), (heading, h)) = (s.number.source(), s.heading.source());
            if !(Arc::ptr_eq(number, heading) && h.start == n.end) {
                return None;
            }
            let which = match texts.iter().position(|t| Arc::ptr_eq(t, number)) {
                Some(which) => which,
                None if texts.len() < 2 => {
                    texts.push(number.clone());
                    texts.len() - 1
                }
                None => return None,
            };
            let (start, end) = (u32::try_from(n.start).ok()?, u32::try_from(h.end).ok()?);
            if end >= SECOND {
                return None;
            }
            at.push((if which == 1 { start | SECOND } else { start }, end));
        }
        Some(Labels { texts, at })
    }

    fn of(&self, section: usize) -> &str {
        let (start, end) = self.at[section];
        let text = &self.texts[usize::from(start & SECOND != 0)];
        &text[(start & !SECOND) as usize..end as usize]
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

    /// The section the path leads down to.
    pub fn section(&self) -> Option<SectionId> {
        self.section.map(|s| s as SectionId)
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
        let second = d.children(0)[1];
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
    fn the_table_reads_labels_from_the_body_and_from_the_text_of_those_apart() {
        // `二、 执法` keeps a blank its label leaves out, so its label is held apart.
        let text = "一、法律顾问\n(一)甲\n正文甲。\n二、 执法\n正文乙。\n三、下一步";
        let d = outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("reads"));
        let table = Headings::new(&d);
        assert_eq!(table.labels.texts.len(), 2, "the body and the labels apart, no copy");
        assert!(Arc::ptr_eq(&table.labels.texts[0], d.sections[0].number.source().0));
        assert!(Arc::ptr_eq(&table.labels.texts[1], d.sections[2].number.source().0));
        let labels: Vec<&str> = (0..table.len()).map(|s| table.label(s)).collect();
        assert_eq!(labels, ["一、法律顾问", "(一)甲", "二、执法", "三、下一步"]);
    }

    #[test]
    fn the_table_shares_the_outlines_labels_and_copies_them_once_changed() {
        let text = "一、法律顾问\n(一)甲\n正文甲。\n二、执法\n正文乙。";
        let mut d = outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("reads"));
        let table = Headings::new(&d);
        assert!(
            Arc::ptr_eq(&table.labels.texts[0], d.sections[0].number.source().0),
            "the outline's labels, not a copy"
        );
        let labels: Vec<&str> = (0..table.len()).map(|s| table.label(s)).collect();
        assert_eq!(labels, ["一、法律顾问", "(一)甲", "二、执法"]);
        // A heading changed after the outline (as a test or a review may): read from a copy.
        d.sections[1].heading = "乙".into();
        let table = Headings::new(&d);
        assert!(!Arc::ptr_eq(&table.labels.texts[0], d.sections[0].number.source().0));
        let labels: Vec<&str> = (0..table.len()).map(|s| table.label(s)).collect();
        assert_eq!(labels, ["一、法律顾问", "(一)乙", "二、执法"]);
        assert_eq!(table.parent(1), Some(0));
        assert_eq!(table.parent(2), None);
    }
}
