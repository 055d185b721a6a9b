//! Moving between changes, search matches and rows.

use super::App;

impl App {
    /// Moves to the next (or previous) block of changes, crossing into other rows at the ends. The
    /// cursor, not the scroll, says where we are: a short row cannot scroll to its last change.
    pub(super) fn jump_change(&mut self, forward: bool) {
        if self.in_document() {
            return self.jump_change_in_document(forward);
        }
        // Without a change to go on from, the one at the top of the view (within its first lines)
        // is where we are, as the status line counts it.
        let at = self.current_line() + 2;
        let changes: Vec<usize> = self.measured_now().changes.iter().map(|c| c.line).collect();
        let target = match (self.change_cursor.filter(|&i| i < changes.len()), forward) {
            (Some(i), true) => Some(i + 1).filter(|&n| n < changes.len()),
            (Some(i), false) => i.checked_sub(1),
            // The one after the change the status line counts the view on: the second of two on
            // one line too.
            (None, true) => Some(reached(changes.iter().copied(), at)).filter(|&n| n < changes.len()),
            // The last one above the view.
            (None, false) => changes.iter().rposition(|&c| c < self.current_line()),
        };
        if let Some(i) = target {
            self.goto_line(changes[i]);
            self.change_cursor = Some(i);
            return;
        }
        let rows: Vec<usize> = if forward {
            (self.row + 1..self.rows()).collect()
        } else {
            (0..self.row).rev().collect()
        };
        for r in rows {
            self.set_row(r);
            let changes: Vec<usize> = self.measured_now().changes.iter().map(|c| c.line).collect();
            let pick = if forward {
                (!changes.is_empty()).then_some(0)
            } else {
                changes.len().checked_sub(1)
            };
            if let Some(i) = pick {
                self.goto_line(changes[i]);
                self.change_cursor = Some(i);
                return;
            }
        }
        self.message = Some(
            if forward {
                "no more changes"
            } else {
                "no earlier changes"
            }
            .into(),
        );
    }

    /// The document view: the focused report's next (or previous) block of changed lines; the
    /// other report follows to the same passage.
    fn jump_change_in_document(&mut self, forward: bool) {
        let pane = self.focus.min(1);
        let at = self.scroll[pane] + 2;
        let changes = &self.docs_now()[pane].changes;
        let target = if forward {
            changes.iter().find(|&&c| c > at)
        } else {
            changes.iter().rev().find(|&&c| c < at)
        };
        match target.copied() {
            Some(line) => {
                let max = self.max_scroll(pane);
                self.scroll[pane] = line.saturating_sub(2).min(max);
                self.follow_lines_in_document(line..line + 3);
            }
            None => {
                self.message = Some(
                    if forward {
                        "no more changes in this report"
                    } else {
                        "no earlier changes in this report"
                    }
                    .into(),
                )
            }
        }
    }

    pub(super) fn run_search(&mut self) {
        self.current_match = None;
        self.doc_match = None;
        let q = self.input.trim().to_string();
        self.query = (!q.is_empty()).then_some(q.clone());
        if self.query.is_some() {
            self.jump_match(true, true);
            self.search_notes(&q);
        }
    }

    /// A search finds the analyst's notes too: their rows are named, and when the text holds no
    /// match, the first row with such a note is shown with it.
    fn search_notes(&mut self, q: &str) {
        let notes = self.notes_matching(q);
        let Some((first, text)) = notes.first().cloned() else {
            return;
        };
        let mut rows: Vec<usize> = notes.iter().map(|(r, _)| r + 1).collect();
        rows.dedup();
        let rows: Vec<String> = rows.iter().map(usize::to_string).collect();
        if self.current_match.is_none() && self.doc_match.is_none() {
            self.set_row(first);
            self.message = Some(format!("'{q}' is in a note, not the text: ✎ {text}"));
        } else {
            self.message = Some(format!("'{q}' is also in notes on rows {}", rows.join(", ")));
        }
    }

    /// Goes to the next (or previous) match: every match in the text in turn, two on one line too.
    pub(super) fn jump_match(&mut self, forward: bool, include_current: bool) {
        let Some(q) = self.query.clone() else {
            self.message = Some("no search yet: press / to search".into());
            return;
        };
        if self.in_document() {
            self.jump_match_in_document(forward, include_current, &q);
            return;
        }
        let matches = self.measured_now().matches.clone();
        let current = self
            .current_match
            .filter(|m| m.0 == self.row)
            .and_then(|m| matches.iter().position(|x| x.1 == m.1));
        // From the match last gone to, else from the top of the view.
        let at = self.current_line() + 2;
        let here = match (current, forward) {
            (Some(i), true) => Some(i + 1),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => matches
                .iter()
                .position(|&(line, _)| if include_current { line + 2 >= at } else { line > at }),
            (None, false) => matches.iter().rposition(|&(line, _)| line < at),
        };
        if let Some(&(line, id)) = here.and_then(|i| matches.get(i)) {
            self.goto_line(line);
            self.current_match = Some((self.row, id));
            return;
        }
        self.match_counts_now();
        let finder = super::lines::Finder::new(&q);
        let n = self.rows();
        let order: Vec<usize> = (1..=n)
            .map(|k| {
                if forward {
                    (self.row + k) % n
                } else {
                    (self.row + n - k) % n
                }
            })
            .collect();
        for r in order {
            if !self.row_has_match(r, &finder) {
                continue;
            }
            self.set_row(r);
            let matches = self.measured_now().matches.clone();
            if let Some(&(line, id)) = if forward { matches.first() } else { matches.last() } {
                self.goto_line(line);
                self.current_match = Some((self.row, id));
                return;
            }
        }
        self.current_match = None;
        self.message = Some(format!("'{q}' not found"));
    }

    /// The document view: the focused report's next (or previous) match, every match in turn, from
    /// the one gone to last or else from the top of the view; past the last, the first again. The
    /// other report follows to the same passage.
    fn jump_match_in_document(&mut self, forward: bool, include_current: bool, q: &str) {
        let pane = self.focus.min(1);
        let Some(lines) = self.doc_matches_now().map(|m| m[pane].clone()) else {
            self.message = Some("the reports are still being laid out: search again in a moment".into());
            return;
        };
        let Some(last) = lines.len().checked_sub(1) else {
            self.doc_match = None;
            self.message = Some(format!("'{q}' not found in this report"));
            return;
        };
        let current = self.doc_match.filter(|&(p, i)| p == pane && i <= last).map(|(_, i)| i);
        let at = self.scroll[pane] + 2;
        let next = match (current, forward) {
            (Some(i), true) => Some(i + 1).filter(|&j| j <= last),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => lines
                .iter()
                .position(|&l| if include_current { l + 2 >= at } else { l > at }),
            (None, false) => lines.iter().rposition(|&l| l < at),
        };
        let i = next.unwrap_or_else(|| {
            self.message = Some(
                if forward {
                    "past the report's last match: back to its first"
                } else {
                    "before the report's first match: on to its last"
                }
                .into(),
            );
            if forward { 0 } else { last }
        });
        let max = self.max_scroll(pane);
        self.scroll[pane] = lines[i].saturating_sub(2).min(max);
        self.doc_match = Some((pane, i));
        self.follow_lines_in_document(lines[i]..lines[i] + 3);
    }

    /// Goes to row `n` as numbered in the sidebar (from 1).
    pub(super) fn go_to_row_number(&mut self, n: usize) {
        if (1..=self.rows()).contains(&n) {
            self.overlay = None;
            self.set_row(n - 1);
        } else {
            self.message = Some(format!("no row {n}: rows are 1–{}", self.rows()));
        }
    }

    pub(super) fn jump_topic(&mut self, c: char) {
        if let Some(d) = c.to_digit(10) {
            self.go_to_row_number(if d == 0 { 10 } else { d as usize });
            return;
        }
        let c = c.to_ascii_lowercase();
        let n = self.rows();
        let hit = (1..=n).map(|k| (self.row + k) % n).find(|&r| {
            self.cmp.alignment.rows[r]
                .topic
                .is_some_and(|t| self.tax.topic(t).id.starts_with(c))
        });
        match hit {
            Some(r) => self.set_row(r),
            None => self.message = Some(format!("no topic starts with '{c}'")),
        }
    }
}

/// Without a change cursor, the change a view whose top lines end at line `at` is on, counted from
/// 1 (0 above the first), given the lines of a row's changes in order: the first of the changes on
/// the last line reached. A dropped and an added sentence side by side are two changes on one
/// line: the view is on the first, and `}` goes on to the second.
pub(super) fn reached(lines: impl Iterator<Item = usize>, at: usize) -> usize {
    let (mut shown, mut line_of_shown) = (0, None);
    for (k, line) in lines.enumerate().take_while(|&(_, line)| line <= at) {
        if line_of_shown != Some(line) {
            (shown, line_of_shown) = (k + 1, Some(line));
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use crate::keys::Action;
    use crate::view::Input;
    use crate::view::testing::{NEW, OLD, app};

    #[test]
    fn the_change_reached_is_the_first_on_the_last_line_reached() {
        assert_eq!(super::reached([5, 9].into_iter(), 2), 0, "above the first");
        assert_eq!(
            super::reached([2, 2, 9].into_iter(), 2),
            1,
            "two on one line: the first"
        );
        assert_eq!(super::reached([0, 2, 2, 2, 9].into_iter(), 4), 2);
        assert_eq!(super::reached([0, 3, 9].into_iter(), 40), 3, "past them all");
    }

    #[test]
    fn next_change_crosses_into_the_next_changed_row_and_says_when_none_is_left() {
        let mut app = app(OLD, NEW, 120, 20);
        let changed: Vec<usize> = (0..app.rows())
            .filter(|&r| app.cmp.diffs[r].stats.changes > 0)
            .collect();
        assert!(changed.len() >= 2, "{changed:?}");
        let mut seen = Vec::new();
        for _ in 0..20 {
            app.update(Input::Action(Action::NextChange, 1));
            if app.message.is_some() {
                break;
            }
            seen.push(app.row);
        }
        seen.dedup();
        // The first row's change at its top is the one shown at the start (`change 1/1`).
        let expected: Vec<usize> = changed.iter().copied().filter(|&r| r != 0).collect();
        assert_eq!(changed[0], 0, "the title changed");
        assert_eq!(seen, expected, "every changed row, in order, none other");
        assert_eq!(app.message.as_deref(), Some("no more changes"));
        app.update(Input::Action(Action::PrevChange, 1));
        assert_eq!(app.row, *changed.last().expect("changed rows"));
    }

    #[test]
    fn search_counts_matches_over_all_rows_and_steps_through_them() {
        let mut app = app(OLD, NEW, 120, 20);
        for c in "/法律".chars() {
            app.update(Input::Key(crate::keys::Key::char(c)));
        }
        app.update(Input::Key(crate::keys::Key::plain(crate::keys::KeyCode::Enter)));
        let (first, total) = app.match_position().expect("a search");
        assert_eq!(first, 1);
        assert!(total >= 3, "{total}");
        let mut positions = vec![first];
        for _ in 1..total {
            app.update(Input::Action(Action::SearchNext, 1));
            positions.push(app.match_position().expect("a search").0);
        }
        assert_eq!(
            positions,
            (1..=total).collect::<Vec<_>>(),
            "n visits each match once, in order"
        );
        app.update(Input::Action(Action::SearchNext, 1));
        assert_eq!(app.match_position().map(|p| p.0), Some(1), "and wraps around");
    }

    #[test]
    fn in_the_document_view_search_steps_through_the_focused_report() {
        let body = |year: u32, n: u32| {
            let items: String = (1..=n)
                .map(|k| format!("({k})第{k}项工作。按照要求推进各项任务,全面落实。组织法律培训{k}次。\n"))
                .collect();
            format!("某局{year}年法治政府建设情况报告\n一、学法普法\n{items}二、存在问题\n问题仍然存在。")
        };
        let (old, new) = (body(2023, 12), body(2024, 9));
        let mut app = app(&old, &new, 120, 10);
        app.update(Input::Key(crate::keys::Key::char('d')));
        assert!(app.in_document());
        for c in "/法律".chars() {
            app.update(Input::Key(crate::keys::Key::char(c)));
        }
        app.update(Input::Key(crate::keys::Key::plain(crate::keys::KeyCode::Enter)));
        // The left report, focused, has twelve; the rows count both reports' together.
        assert_eq!(app.match_position(), Some((1, 12)), "{:?}", app.message);
        let mut shown = Vec::new();
        for k in 1..=12 {
            assert_eq!(app.match_position().map(|p| p.0), Some(k));
            let top = app.scroll[0];
            let layout = &app.docs_now()[0];
            let on_screen = (top..top + 5).any(|l| layout.lines.get(l).is_some_and(|x| x.text().contains("法律")));
            assert!(on_screen, "match {k} on screen");
            shown.push(top);
            app.update(Input::Action(Action::SearchNext, 1));
        }
        assert!(
            shown.is_sorted() && shown.last() > shown.first(),
            "down the report: {shown:?}"
        );
        assert_eq!(app.match_position(), Some((1, 12)), "past the last, the first again");
        assert!(
            app.message.as_deref().is_some_and(|m| m.contains("first")),
            "{:?}",
            app.message
        );
        app.update(Input::Action(Action::SearchPrev, 1));
        assert_eq!(app.match_position(), Some((12, 12)), "and back to the last");
        // The other report counts its own.
        app.update(Input::Action(Action::FocusRight, 1));
        app.update(Input::Action(Action::SearchNext, 1));
        assert_eq!(app.match_position().map(|p| p.1), Some(9));
    }

    #[test]
    fn a_jump_in_the_document_view_shows_the_row_of_the_line_it_went_to() {
        let old = "某局2023年法治政府建设情况报告\n一、存在问题\n问题仍然存在。\n二、学法普法\n组织法律培训3次。";
        let new = "某局2024年法治政府建设情况报告\n一、存在问题\n问题依然存在。\n二、学法普法\n组织法律培训5次。";
        let mut app = app(old, new, 120, 12);
        app.update(Input::Key(crate::keys::Key::char('d')));
        for c in "/法律".chars() {
            app.update(Input::Key(crate::keys::Key::char(c)));
        }
        app.update(Input::Key(crate::keys::Key::plain(crate::keys::KeyCode::Enter)));
        assert_eq!(app.match_position(), Some((1, 1)));
        // The lines above the match are the section before: the row is the match's, not theirs.
        let doc = app.cmp.doc(crate::sides::Side::Left);
        let section = doc
            .sections
            .iter()
            .position(|s| s.heading.contains("学法普法"))
            .expect("a section");
        let row = &app.cmp.alignment.rows[app.row];
        assert!(
            row.passages[crate::sides::Side::Left]
                .iter()
                .any(|p| p.section() == Some(section)),
            "row {}: {}",
            app.row,
            row.label
        );
    }
}
