//! The whole-document view: which lines the current row covers, and keeping the two documents on
//! the same passage as either one scrolls.

use std::collections::HashSet;

use super::App;
use crate::align::PassageKind;

impl App {
    /// Sections (and whether the opening) of each pane that the current row's passages cover.
    pub fn linked(&self) -> [(HashSet<usize>, bool); 2] {
        let Some(row) = self.cmp.alignment.rows.get(self.row) else {
            return Default::default();
        };
        [0, 1].map(|pane| {
            let side = self.pane_side(pane);
            let doc = &self.cmp.doc(side);
            let passages = &row.passages[side];
            let mut set = HashSet::new();
            for p in passages {
                if let Some(s) = p.section() {
                    set.insert(s);
                    if p.kind == PassageKind::Section {
                        set.extend(descendants(doc, s));
                    }
                }
            }
            (set, passages.iter().any(|p| p.kind == PassageKind::Preamble))
        })
    }

    /// Document view: keep the other pane on the passage matching what the focused pane shows.
    pub(super) fn follow_in_document(&mut self) {
        let top = self.scroll[self.focus.min(1)];
        self.follow_lines_in_document(top..top + 3);
    }

    /// The same for the passage of the first of `lines` (of the focused pane) in a section: the
    /// line a jump went to, rather than the top of the view above it.
    pub(super) fn follow_lines_in_document(&mut self, lines: std::ops::Range<usize>) {
        let focus = self.focus.min(1);
        let layout = &self.docs_now()[focus];
        let section = lines.into_iter().find_map(|i| layout.section(i));
        let Some(section) = section else { return };
        let side = self.pane_side(focus);
        let doc = &self.cmp.doc(side);
        let ancestors: HashSet<usize> = std::iter::successors(Some(section), |&s| doc.sections[s].parent()).collect();
        let found = self.cmp.alignment.rows.iter().position(|r| {
            r.passages[side]
                .iter()
                .any(|p| p.section().is_some_and(|s| ancestors.contains(&s)))
        });
        if let Some(r) = found.filter(|&r| r != self.row) {
            self.row = r;
            self.scroll_other_to_row(1 - focus);
        }
    }

    pub(super) fn scroll_other_to_row(&mut self, pane: usize) {
        let Some(row) = self.cmp.alignment.rows.get(self.row) else {
            return;
        };
        let first = row.passages[self.pane_side(pane)].iter().find_map(|p| p.section());
        let layouts = self.docs_now();
        if let Some(line) = first.and_then(|s| layouts[pane].first_line_of(s)) {
            let max = self.max_scroll(pane);
            self.scroll[pane] = line.saturating_sub(1).min(max);
        }
    }

    pub(super) fn show_row_in_documents(&mut self) {
        self.scroll_other_to_row(0);
        self.scroll_other_to_row(1);
    }
}

fn descendants(doc: &crate::outline::Document, id: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = doc.children(id).to_vec();
    while let Some(s) = stack.pop() {
        out.push(s);
        stack.extend(doc.children(s).iter().copied());
    }
    out
}
