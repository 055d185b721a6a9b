//! Notes and reviewed marks in the interface: a note on the current change, the row, or an
//! overview figure; a row marked reviewed; notes said when their row or change is reached, found by
//! a search, and listed on the overview; the review exported to a file.

use super::chunks::Chunks;
use super::overview::{OverviewLayout, Target};
use super::review::{NoteTarget, Prompt, excerpt};
use super::{App, OverviewKind};
use crate::keys::{Action, Mode};
use crate::review::{About, Note, fresh_id, keys};
use crate::sides::Side;
use crate::view::lines::{Look, Seg};

impl App {
    /// Asks for a note on the current change (after `}`/`{`), else on the row.
    pub(super) fn start_note(&mut self) {
        let Some(kept) = self.review.as_ref() else { return };
        let Some((key, _)) = kept.rows.get(self.row).cloned() else {
            return;
        };
        let label = self.cmp.alignment.rows[self.row].label.clone();
        let target = match self.current_change().and_then(|_| self.unit_at_cursor()) {
            Some(_) => self.change_target(key.clone()),
            None => None,
        }
        .unwrap_or(NoteTarget {
            about: About::Row,
            row: key,
            at: String::new(),
            excerpt: label,
        });
        self.ask_note(target);
    }

    /// The note target of the current change: its key from both reports' sentences.
    fn change_target(&mut self, row: String) -> Option<NoteTarget> {
        let diff = self.cmp.diffs.get(self.row)?.clone();
        let chunks = Chunks::new(&diff, self.prefs.filter);
        let change = chunks.changes.get(self.current_change()?)?;
        let chunk = chunks.chunks.get(change.chunk)?;
        let r = &self.cmp.alignment.rows[self.row];
        let text = |side: Side| {
            chunk.unit(side).map(|u| {
                let unit = &diff.units[side][u];
                r.passages[side][unit.passage()].text[unit.range()].to_string()
            })
        };
        let (l, rt) = (text(Side::Left), text(Side::Right));
        Some(NoteTarget {
            about: About::Change,
            row,
            at: keys::change(l.as_deref(), rt.as_deref()),
            excerpt: excerpt(rt.as_deref().or(l.as_deref()).unwrap_or_default()),
        })
    }

    /// Opens the note prompt, with the note already there to edit.
    fn ask_note(&mut self, target: NoteTarget) {
        let Some(kept) = self.review.as_ref() else { return };
        self.input = kept
            .state
            .notes
            .iter()
            .find(|n| n.row == target.row && n.at == target.at && n.about == target.about)
            .map(|n| n.text.clone())
            .unwrap_or_default();
        self.prompt = Prompt::Note(target);
        self.mode = Mode::Search;
    }

    /// A note on the overview line under the cursor: a changed figure, or a row.
    pub(super) fn start_note_in_overview(&mut self) {
        let cursor = self.overview_cursor;
        let target = self.overview_now().targets.get(cursor).cloned();
        let Some(kept) = self.review.as_ref() else { return };
        let key = |row: usize| kept.rows.get(row).map(|(k, _)| k.clone());
        let target = match target {
            Some(Target::Figure { row, what, .. }) => key(row).map(|k| NoteTarget {
                about: About::Figure,
                row: k,
                at: keys::figure(&what),
                excerpt: what,
            }),
            Some(Target::Row(row)) => key(row).map(|k| NoteTarget {
                about: About::Row,
                row: k,
                at: String::new(),
                excerpt: self.cmp.alignment.rows[row].label.clone(),
            }),
            _ => None,
        };
        match target {
            Some(t) => self.ask_note(t),
            None => self.message = Some("notes go on a row or a changed figure".into()),
        }
    }

    pub(super) fn finish_note(&mut self, target: NoteTarget) {
        let text = self.input.trim().to_string();
        let Some(refs) = self.review.as_ref().map(|k| k.refs.clone()) else {
            return;
        };
        let removed = text.is_empty();
        let excerpt = target.excerpt.clone();
        let saved = self.save(move |s| {
            s.remember(&refs);
            let same = |n: &Note| n.row == target.row && n.at == target.at && n.about == target.about;
            match s.notes.iter_mut().find(|n| same(n)) {
                Some(n) if !text.is_empty() => n.text = text,
                Some(_) => s.notes.retain(|n| !same(n)),
                None if !text.is_empty() => s.notes.push(Note {
                    id: fresh_id("note"),
                    about: target.about,
                    row: target.row,
                    at: target.at,
                    excerpt: target.excerpt,
                    text,
                }),
                None => {}
            }
        });
        if saved {
            self.caches.notes_changed();
            self.message = Some(if removed {
                format!("no note on “{excerpt}”")
            } else {
                format!("note kept on “{excerpt}”")
            });
        }
    }

    /// Marks the current row (or the overview's row under the cursor) reviewed, or takes it off.
    pub(super) fn toggle_reviewed(&mut self) {
        let cursor = self.overview_cursor;
        let row = match self
            .overlay
            .is_some()
            .then(|| self.overview_now().targets.get(cursor).cloned())
        {
            Some(Some(Target::Row(r) | Target::Figure { row: r, .. })) => r,
            Some(_) => return,
            None => self.row,
        };
        let Some(kept) = self.review.as_ref() else { return };
        let Some((key, content)) = kept.rows.get(row).cloned() else {
            return;
        };
        let on = !kept.is_reviewed(row);
        let refs = kept.refs.clone();
        if self.save(|s| {
            s.remember(&refs);
            s.set_reviewed(&key, &content, on);
        }) {
            let kept = self.review.as_ref().expect("saved into it");
            self.message = Some(format!(
                "row {} {} · {}/{} rows reviewed",
                row + 1,
                if on {
                    "marked reviewed"
                } else {
                    "no longer marked reviewed"
                },
                kept.reviewed(),
                self.rows()
            ));
        }
    }

    /// Says the notes of the row (and of the current change) arrived at, when the status line is
    /// free.
    pub(super) fn say_notes(&mut self) {
        if self.message.is_some() || self.overlay.is_some() {
            return;
        }
        let Some((key, _)) = self.review.as_ref().and_then(|k| k.rows.get(self.row)).cloned() else {
            return;
        };
        let change = self.current_change().and_then(|_| self.clone_change_key(key.clone()));
        let kept = self.review.as_ref().expect("checked");
        let notes: Vec<&Note> = kept.state.notes_on(&key).collect();
        let shown = notes
            .iter()
            .find(|n| change.as_deref().is_some_and(|c| n.at == c))
            .or_else(|| notes.iter().find(|n| n.about == About::Row));
        if let Some(n) = shown {
            let more = notes.len() - 1;
            self.message = Some(if more > 0 {
                format!(
                    "✎ {} (+{more} more: {} lists them)",
                    n.text,
                    self.hints.key(Action::Overview)
                )
            } else {
                format!("✎ {}", n.text)
            });
        }
    }

    fn clone_change_key(&mut self, row: String) -> Option<String> {
        self.change_target(row).map(|t| t.at)
    }

    /// The rows (and their notes) whose notes hold `query`.
    pub(super) fn notes_matching(&self, query: &str) -> Vec<(usize, String)> {
        let Some(kept) = self.review.as_ref() else {
            return Vec::new();
        };
        let q = query.to_lowercase();
        kept.state
            .notes
            .iter()
            .filter(|n| n.text.to_lowercase().contains(&q))
            .filter_map(|n| kept.row_of(&n.row).map(|r| (r, n.text.clone())))
            .collect()
    }

    /// The overview's list of notes, added under the rows and figures.
    pub(super) fn notes_section(&self, out: &mut OverviewLayout) {
        let Some(kept) = self.review.as_ref() else { return };
        if kept.state.notes.is_empty() || self.overlay != Some(OverviewKind::Changes) {
            return;
        }
        out.push(Vec::new(), Target::None);
        out.push(
            vec![Seg::new(
                format!(
                    "批注 notes · {} · {}/{} rows reviewed",
                    kept.state.notes.len(),
                    kept.reviewed(),
                    self.rows()
                ),
                Look::Header,
            )],
            Target::None,
        );
        for n in &kept.state.notes {
            let row = kept.row_of(&n.row);
            let label = row.map_or_else(
                || "(row no longer shown)".to_string(),
                |r| self.cmp.alignment.rows[r].label.clone(),
            );
            let about = match n.about {
                About::Row => String::new(),
                About::Change | About::Figure => format!(" · {}", n.excerpt),
            };
            out.push(
                vec![
                    Seg::new(format!("  ✎ {label}{about}: "), Look::Dim),
                    Seg::new(n.text.replace('\n', " "), Look::Plain),
                ],
                row.map_or(Target::None, Target::Row),
            );
        }
    }
}

impl App {
    /// Writes the review as Markdown to a file in the working directory, named after the reports.
    pub(super) fn export_review(&mut self) {
        self.export_review_to(std::path::Path::new("."));
    }

    /// Writes the review as Markdown to a file in `dir`, named after the reports, and says where.
    pub(super) fn export_review_to(&mut self, dir: &std::path::Path) {
        let Some(kept) = self.review.as_ref() else { return };
        // Made off the loop from copies: on a large pair the export takes seconds.
        let (cmp, tax, rules) = (self.cmp.clone(), self.tax.clone(), self.rules.clone());
        let (state, others) = (kept.state.clone(), kept.others().to_vec());
        let stem = |d: &crate::outline::Document| {
            std::path::Path::new(&d.path)
                .file_stem()
                .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned())
        };
        let name = format!("review-{}-{}.md", stem(&self.cmp.docs.left), stem(&self.cmp.docs.right));
        let path = dir.join(&name);
        self.message = Some(format!("writing the review to {name}…"));
        self.in_background(super::Work::new(move || {
            let check = super::checklist::check(&cmp, &tax, &rules);
            let text = crate::render::review::markdown(&crate::render::review::Export {
                cmp: &cmp,
                tax: &tax,
                state: &state,
                others: &others,
                check: check.as_ref(),
                rules: &rules,
            });
            super::Input::Said(match std::fs::write(&path, text) {
                Ok(()) => format!("review written to {}", crate::text::shown_path(&path)),
                Err(e) => format!("cannot write {name}: {}", crate::text::one_line(&e.to_string())),
            })
        }));
    }
}

#[cfg(test)]
mod tests {
    use crate::keys::Action;
    use crate::review::Store;
    use crate::view::Input;
    use crate::view::review::tests::{keys_typed, reviewed_app};

    #[test]
    fn a_note_on_a_change_is_kept_said_when_reached_listed_and_found() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("r.toml");
        let mut app = reviewed_app(Some(Store::at(&path)));
        let counsel = app.cmp.row_labelled("法律顾问").expect("法律顾问");
        app.update(Input::Action(Action::NextRow, counsel));
        app.update(Input::Action(Action::NextChange, 1));
        keys_typed(&mut app, "A与统计公报不符⏎");
        let saved = Store::at(&path).load().expect("reads");
        assert_eq!(saved.notes.len(), 1);
        assert_eq!(saved.notes[0].about, crate::review::About::Change);
        assert!(saved.notes[0].excerpt.contains("119次"), "{:?}", saved.notes[0]);
        assert_eq!(app.review.as_ref().expect("kept").marks(counsel), (false, 1));
        // Reached again: said on the status line.
        app.update(Input::Action(Action::GotoTop, 1));
        app.message = None;
        app.update(Input::Action(Action::NextChange, 1));
        assert_eq!(app.message.as_deref(), Some("✎ 与统计公报不符"));
        // Listed on the overview, opening its row.
        app.update(Input::Action(Action::Overview, 1));
        let overview = app.overview_layout().clone();
        let at = overview
            .lines
            .iter()
            .position(|l| l.text().contains("与统计公报不符"))
            .expect("listed");
        assert_eq!(overview.targets[at], crate::view::overview::Target::Row(counsel));
        app.update(Input::Action(Action::Cancel, 1));
        // Found by a search, though the text does not hold it.
        app.update(Input::Action(Action::PrevRow, counsel));
        keys_typed(&mut app, "/统计公报⏎");
        assert_eq!(app.row, counsel);
        assert!(
            app.message.as_deref().is_some_and(|m| m.contains("in a note")),
            "{:?}",
            app.message
        );
        // Edited in place, then removed by an empty note.
        app.update(Input::Action(Action::NextChange, 1));
        keys_typed(&mut app, "A");
        assert_eq!(app.input, "与统计公报不符", "the note to edit");
        app.update(Input::Action(Action::Cancel, 1));
        keys_typed(&mut app, "A");
        assert_eq!(app.input, "与统计公报不符", "still on the change");
        app.input.clear();
        keys_typed(&mut app, "⏎");
        assert!(Store::at(&path).load().expect("reads").notes.is_empty());
    }

    #[test]
    fn a_note_on_a_changed_figure_names_the_figure() {
        let mut app = reviewed_app(None);
        app.update(Input::Action(Action::Overview, 1));
        let figure = app
            .overview_layout()
            .targets
            .iter()
            .position(|t| matches!(t, crate::view::overview::Target::Figure { .. }))
            .expect("a changed figure");
        app.overview_cursor = figure;
        keys_typed(&mut app, "A核对台账⏎");
        let note = &app.review.as_ref().expect("kept").state.notes[0];
        assert_eq!(note.about, crate::review::About::Figure);
        assert_eq!(note.excerpt, "全年提供法律咨询 16次 → 119次");
        assert_eq!(note.at, crate::review::keys::figure("全年提供法律咨询 16次 → 119次"));
    }

    #[test]
    fn two_windows_on_one_pair_keep_each_others_notes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("r.toml");
        let (mut a, mut b) = (
            reviewed_app(Some(Store::at(&path))),
            reviewed_app(Some(Store::at(&path))),
        );
        keys_typed(&mut a, "A甲窗口⏎");
        b.update(Input::Action(Action::NextRow, 1));
        keys_typed(&mut b, "A乙窗口⏎");
        let texts =
            |state: &crate::review::State| -> Vec<String> { state.notes.iter().map(|n| n.text.clone()).collect() };
        assert_eq!(texts(&Store::at(&path).load().expect("reads")), ["甲窗口", "乙窗口"]);
        assert_eq!(
            texts(&b.review.as_ref().expect("kept").state),
            ["甲窗口", "乙窗口"],
            "b sees a's note once it writes"
        );
        keys_typed(&mut a, "v");
        assert_eq!(
            Store::at(&path).load().expect("reads").notes.len(),
            2,
            "a's next write keeps b's note"
        );
    }

    #[test]
    fn the_export_key_writes_the_review_with_its_notes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut app = reviewed_app(None);
        keys_typed(&mut app, "A整体核对⏎");
        // In a terminal session the export is written off the loop.
        app.background = true;
        app.export_review_to(dir.path());
        let [crate::view::Effect::Background(work)] = &app.effects[..] else {
            panic!("written off the loop: {:?}", app.effects);
        };
        let work = work.clone();
        assert!(!dir.path().join("review-t-t.md").exists(), "not yet");
        app.update(work.run());
        let written = std::fs::read_to_string(dir.path().join("review-t-t.md")).expect("written");
        assert!(
            written.starts_with("# 审阅 Review") && written.contains("整体核对"),
            "{written}"
        );
        assert!(app.message.as_deref().is_some_and(|m| m.contains("review-t-t.md")));
    }

    #[test]
    fn rows_are_marked_reviewed_and_a_damaged_file_refuses_the_mark_without_losing_it() {
        let mut app = reviewed_app(None);
        keys_typed(&mut app, "v");
        assert_eq!(app.review.as_ref().expect("kept").reviewed(), 1);
        assert!(
            app.message.as_deref().is_some_and(|m| m.contains("1/")),
            "{:?}",
            app.message
        );
        keys_typed(&mut app, "v");
        assert_eq!(app.review.as_ref().expect("kept").reviewed(), 0);
        // A row whose text has changed since is not reviewed.
        let kept = app.review.as_mut().expect("kept");
        let key = kept.rows[0].0.clone();
        kept.state.set_reviewed(&key, "0000", true);
        assert_eq!(kept.reviewed(), 0);

        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("r.toml");
        std::fs::write(&path, "format = \"duibi review 1\"\n[[note]\n").expect("writes");
        let mut app = reviewed_app(Some(Store::at(&path)));
        keys_typed(&mut app, "v");
        let said = app.message.clone().unwrap_or_default();
        assert!(said.starts_with("not saved:") && said.contains("damaged"), "{said}");
        assert_eq!(app.review.as_ref().expect("kept").reviewed(), 0);
        assert_eq!(
            std::fs::read_to_string(&path).expect("reads"),
            "format = \"duibi review 1\"\n[[note]\n"
        );
    }
}
