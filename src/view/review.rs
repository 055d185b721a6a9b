//! The analyst's review in the interface: refiling the passage (or sentence) at the cursor under
//! another topic or one of their own, notes on rows, changes and figures, rows marked reviewed.
//! Each is written to the review file at once (see [`crate::review::store`]); refiling rebuilds
//! the comparison, so rows, counts and the overview follow.

use super::chunks::Chunks;
use super::overview::{OverviewLayout, Target};
use super::{App, OverviewKind};
use crate::compare::{Comparison, DIFF_BUDGET};
use crate::keys::{Action, Mode};
use crate::review::{About, Note, ReportRef, Refiling, State, Store, apply, fresh_id, keys};
use crate::sides::Side;
use crate::topics::Taxonomy;
use crate::view::lines::{Look, Seg};

/// The review of the pair on screen: the file it is kept in, what it holds, and what applying it
/// needs.
pub struct Kept {
    /// `None`: kept for this session only (no file, or one that could not be used).
    store: Option<Store>,
    pub state: State,
    /// The left and right reports as the review knows them.
    refs: [ReportRef; 2],
    /// The taxonomy without the analyst's topics, to apply the review to afresh.
    base: Taxonomy,
    /// Per row of the comparison: its key and the digest of its content.
    rows: Vec<(String, String)>,
}

impl Kept {
    /// The review read from `store` (or for this session only), about reports `refs`, applied
    /// over the taxonomy `base`.
    pub fn new(store: Option<Store>, state: State, refs: [ReportRef; 2], base: Taxonomy) -> Kept {
        Kept {
            store,
            state,
            refs,
            base,
            rows: Vec::new(),
        }
    }

    /// The review of a comparison built without one, kept for the session only.
    pub fn in_memory(cmp: &Comparison, base: Taxonomy) -> Kept {
        Kept::new(None, State::default(), [keys::report(&cmp.left), keys::report(&cmp.right)], base)
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    fn attach(&mut self, cmp: &Comparison, tax: &Taxonomy) {
        self.rows = cmp
            .alignment
            .rows
            .iter()
            .map(|r| (keys::row(r, tax), keys::row_content(r)))
            .collect();
    }

    /// Row `row`'s marks: reviewed, and how many notes it has.
    pub fn marks(&self, row: usize) -> (bool, usize) {
        self.rows.get(row).map_or((false, 0), |(key, content)| {
            (self.state.is_reviewed(key, content), self.state.notes_on(key).count())
        })
    }

    /// How many rows are marked reviewed.
    pub fn reviewed(&self) -> usize {
        (0..self.rows.len()).filter(|&r| self.marks(r).0).count()
    }

    /// The row a key names, if the comparison has it.
    pub fn row_of(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|(k, _)| k == key)
    }
}

/// What the text typed at the prompt is for.
#[derive(Debug, Clone, Default)]
pub(super) enum Prompt {
    #[default]
    Search,
    Note(NoteTarget),
    Refile(RefileTarget),
}

#[derive(Debug, Clone)]
pub(super) struct NoteTarget {
    about: About,
    row: String,
    at: String,
    excerpt: String,
}

#[derive(Debug, Clone)]
pub(super) struct RefileTarget {
    side: Side,
    sentences: Vec<String>,
    from: String,
}

/// The start of a text, for messages and the review file.
fn excerpt(text: &str) -> String {
    let t: String = text.trim().chars().take(24).collect();
    if t.chars().count() < text.trim().chars().count() {
        t + "…"
    } else {
        t
    }
}

impl App {
    /// With the review kept in `kept` (its refilings already applied to the comparison).
    pub fn with_review(mut self, mut kept: Kept) -> Self {
        kept.attach(&self.cmp, &self.tax);
        self.review = Some(kept);
        self
    }

    /// What the prompt asks for, as the status line shows it.
    pub fn prompt_label(&self) -> String {
        match &self.prompt {
            Prompt::Search => "/".into(),
            Prompt::Note(t) => format!("note on “{}”: ", t.excerpt),
            Prompt::Refile(t) => {
                let candidates = self.topics_matching(&self.input);
                let hint = match candidates.as_slice() {
                    [] if !self.input.trim().is_empty() => "  → a new topic".to_string(),
                    [] => String::new(),
                    [one] => format!("  → {}", one.1),
                    more => format!("  → {} topics: {}", more.len(), more.iter().take(4).map(|c| c.1.as_str()).collect::<Vec<_>>().join(" ")),
                };
                format!("refile “{}” to (topic name or id){hint} · ", excerpt(&t.sentences.concat()))
            }
        }
    }

    /// The topics (id, label) whose label or id holds `typed`; the one it names exactly alone.
    fn topics_matching(&self, typed: &str) -> Vec<(String, String)> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Vec::new();
        }
        let all: Vec<(String, String)> = self.tax.topics().iter().map(|t| (t.id.clone(), t.label.clone())).collect();
        if let Some(exact) = all.iter().find(|(id, label)| id == typed || label == typed) {
            return vec![exact.clone()];
        }
        all.into_iter()
            .filter(|(id, label)| label.contains(typed) || id.contains(&typed.to_lowercase()))
            .collect()
    }

    /// The report side and unit (an index into the row diff's units) at the cursor: the focused
    /// pane's sentence of the current change (the one `}` went to, else the one the status line
    /// counts), or of the row's first sentence.
    fn unit_at_cursor(&mut self) -> Option<(Side, usize)> {
        let diff = self.cmp.diffs.get(self.row)?.clone();
        let chunks = Chunks::new(&diff, self.filter);
        let (at, _) = self.change_position();
        let chunk = match at.checked_sub(1).and_then(|i| chunks.changes.get(i)) {
            Some(c) => chunks.chunks.get(c.chunk)?,
            None => chunks.chunks.first()?,
        };
        let focused = self.pane_side(self.focus.min(1));
        [focused, focused.other()]
            .into_iter()
            .find_map(|side| chunk.unit(side).map(|u| (side, u)))
    }

    /// Asks where the passage (or the sentence, `whole` off) at the cursor goes.
    pub(super) fn start_refile(&mut self, whole: bool) {
        if self.review.is_none() {
            return;
        }
        if !self.words_ready {
            self.message = Some("the word marks are still being made: refile once they are ready".into());
            return;
        }
        let Some((side, unit)) = self.unit_at_cursor() else {
            self.message = Some("nothing here to refile".into());
            return;
        };
        let (row, diff) = (&self.cmp.alignment.rows[self.row], &self.cmp.diffs[self.row]);
        let units = &diff.units[side];
        let passage = units[unit].passage;
        let texts = row.passages(side);
        let sentences: Vec<String> = units
            .iter()
            .enumerate()
            .filter(|(k, u)| if whole { u.passage == passage } else { *k == unit })
            .map(|(_, u)| texts[u.passage].text[u.range.clone()].trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        self.prompt = Prompt::Refile(RefileTarget {
            side,
            sentences,
            from: row.label.clone(),
        });
        self.mode = Mode::Search;
        self.input.clear();
    }

    fn finish_refile(&mut self, target: RefileTarget) {
        let typed = self.input.trim().to_string();
        if typed.is_empty() {
            return;
        }
        let found = self.topics_matching(&typed);
        let (existing, label) = match found.as_slice() {
            [one] => (Some(one.0.clone()), one.1.clone()),
            _ => (None, typed.clone()),
        };
        let Some(kept) = self.review.as_ref() else { return };
        let report = &kept.refs[usize::from(target.side == Side::Right)];
        let refiling = Refiling {
            id: fresh_id("refile"),
            report: report.id.clone(),
            path: report.path.clone(),
            sentences: target.sentences.iter().map(|s| keys::hex(keys::sentence(s))).collect(),
            excerpt: excerpt(&target.sentences.concat()),
            from: target.from.clone(),
            to: String::new(),
        };
        let refs = kept.refs.clone();
        let saved = self.save(move |s| {
            s.remember(&refs);
            let to = existing.unwrap_or_else(|| s.own_topic(&typed));
            s.refilings.push(Refiling { to, ..refiling });
        });
        if saved {
            self.rebuild();
            if let Some(r) = self.cmp.alignment.rows.iter().position(|r| r.label == label) {
                self.set_row(r);
            }
            self.message = Some(format!(
                "moved {} {} to {label} ({} undoes)",
                target.sentences.len(),
                if target.sentences.len() == 1 { "sentence" } else { "sentences" },
                self.hints.key(Action::UndoRefile)
            ));
        }
    }

    /// Undoes the last refiling of these reports.
    pub(super) fn undo_refile(&mut self) {
        let Some(kept) = self.review.as_ref() else { return };
        let ids: Vec<&str> = kept.refs.iter().map(|r| r.id.as_str()).collect();
        let Some(last) = kept
            .state
            .refilings
            .iter()
            .rev()
            .find(|f| ids.contains(&f.report.as_str()))
            .cloned()
        else {
            self.message = Some("nothing refiled to undo".into());
            return;
        };
        if self.save(|s| s.refilings.retain(|f| f.id != last.id)) {
            self.rebuild();
            if let Some(r) = self.cmp.alignment.rows.iter().position(|r| r.label == last.from) {
                self.set_row(r);
            }
            self.message = Some(format!("“{}” is back under {}", last.excerpt, last.from));
        }
    }

    /// Applies the review afresh to the reports and rebuilds the comparison with it.
    fn rebuild(&mut self) {
        let Some(kept) = self.review.as_mut() else { return };
        let (mut l, mut r) = (self.cmp.left.clone(), self.cmp.right.clone());
        let applied = apply::apply(&[&kept.state], &mut [&mut l, &mut r], &kept.refs, &kept.base);
        let mut cmp = Comparison::build(l, r, &applied.taxonomy);
        cmp.diff_all(&cmp.segmenter(), DIFF_BUDGET);
        kept.attach(&cmp, &applied.taxonomy);
        self.cmp = cmp;
        self.tax = applied.taxonomy;
        self.caches = Default::default();
        self.row = self.row.min(self.rows().saturating_sub(1));
        self.scroll = [0, 0];
        self.current_match = None;
    }

    /// Writes a change to the review; says why when it cannot (the change then holds for this
    /// session only).
    fn save(&mut self, change: impl FnOnce(&mut State)) -> bool {
        let Some(kept) = self.review.as_mut() else { return false };
        match &kept.store {
            Some(store) => match store.update(change) {
                Ok((state, ())) => kept.state = state,
                Err(e) => {
                    self.message = Some(format!("not saved: {e}"));
                    return false;
                }
            },
            None => change(&mut kept.state),
        }
        true
    }

    /// Asks for a note on the current change (after `}`/`{`), else on the row.
    pub(super) fn start_note(&mut self) {
        let Some(kept) = self.review.as_ref() else { return };
        let Some((key, _)) = kept.rows.get(self.row).cloned() else { return };
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
        let chunks = Chunks::new(&diff, self.filter);
        let change = chunks.changes.get(self.current_change()?)?;
        let chunk = chunks.chunks.get(change.chunk)?;
        let r = &self.cmp.alignment.rows[self.row];
        let text = |side: Side| {
            chunk.unit(side).map(|u| {
                let unit = &diff.units[side][u];
                r.passages(side)[unit.passage].text[unit.range.clone()].to_string()
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
            Some(Target::Figure { row, after }) => {
                let label = crate::overview::Overview::new(&self.cmp, &self.tax)
                    .figures
                    .into_iter()
                    .find(|f| f.row == row && f.after == after)
                    .map(|f| format!("{} {} → {}", f.label, f.before, f.after));
                key(row).zip(label).map(|(k, label)| NoteTarget {
                    about: About::Figure,
                    row: k,
                    at: keys::figure(&label, ""),
                    excerpt: label,
                })
            }
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

    fn finish_note(&mut self, target: NoteTarget) {
        let text = self.input.trim().to_string();
        let Some(refs) = self.review.as_ref().map(|k| k.refs.clone()) else { return };
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

    /// Carries out Enter at a prompt: a search, a note, or a refiling.
    pub(super) fn confirm_prompt(&mut self) {
        match std::mem::take(&mut self.prompt) {
            Prompt::Search => self.run_search(),
            Prompt::Note(t) => self.finish_note(t),
            Prompt::Refile(t) => self.finish_refile(t),
        }
        self.input.clear();
    }

    /// Marks the current row (or the overview's row under the cursor) reviewed, or takes it off.
    pub(super) fn toggle_reviewed(&mut self) {
        let cursor = self.overview_cursor;
        let row = match self.overview.then(|| self.overview_now().targets.get(cursor).cloned()) {
            Some(Some(Target::Row(r) | Target::Figure { row: r, .. })) => r,
            Some(_) => return,
            None => self.row,
        };
        let Some(kept) = self.review.as_ref() else { return };
        let Some((key, content)) = kept.rows.get(row).cloned() else { return };
        let on = !kept.marks(row).0;
        let refs = kept.refs.clone();
        if self.save(|s| {
            s.remember(&refs);
            s.set_reviewed(&key, &content, on);
        }) {
            let kept = self.review.as_ref().expect("saved into it");
            self.message = Some(format!(
                "row {} {} · {}/{} rows reviewed",
                row + 1,
                if on { "marked reviewed" } else { "no longer marked reviewed" },
                kept.reviewed(),
                self.rows()
            ));
        }
    }

    /// Says the notes of the row (and of the current change) arrived at, when the status line is
    /// free.
    pub(super) fn say_notes(&mut self) {
        if self.message.is_some() || self.overview {
            return;
        }
        let Some((key, _)) = self.review.as_ref().and_then(|k| k.rows.get(self.row)).cloned() else {
            return;
        };
        let change = self
            .current_change()
            .and_then(|_| self.clone_change_key(key.clone()));
        let kept = self.review.as_ref().expect("checked");
        let notes: Vec<&Note> = kept.state.notes_on(&key).collect();
        let shown = notes
            .iter()
            .find(|n| change.as_deref().is_some_and(|c| n.at == c))
            .or_else(|| notes.iter().find(|n| n.about == About::Row));
        if let Some(n) = shown {
            let more = notes.len() - 1;
            self.message = Some(if more > 0 {
                format!("✎ {} (+{more} more: {} lists them)", n.text, self.hints.key(Action::Overview))
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
        let Some(kept) = self.review.as_ref() else { return Vec::new() };
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
        if kept.state.notes.is_empty() || self.overview_kind != OverviewKind::Changes {
            return;
        }
        out.push(Vec::new(), Target::None);
        out.push(
            vec![Seg::new(
                format!("批注 notes · {} · {}/{} rows reviewed", kept.state.notes.len(), kept.reviewed(), self.rows()),
                Look::Header,
            )],
            Target::None,
        );
        for n in &kept.state.notes {
            let row = kept.row_of(&n.row);
            let label = row.map_or_else(|| "(row no longer shown)".to_string(), |r| self.cmp.alignment.rows[r].label.clone());
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
        let Some(kept) = self.review.as_ref() else { return };
        let check = super::checklist::check(&self.cmp, &self.tax, &self.rules);
        let text = crate::render::review::markdown(&crate::render::review::Export {
            cmp: &self.cmp,
            tax: &self.tax,
            state: &kept.state,
            check: check.as_ref(),
            rules: &self.rules,
        });
        let stem = |d: &crate::outline::Document| {
            std::path::Path::new(&d.path)
                .file_stem()
                .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned())
        };
        let name = format!("review-{}-{}.md", stem(&self.cmp.left), stem(&self.cmp.right));
        self.message = Some(match std::fs::write(&name, text) {
            Ok(()) => format!("review written to {name}"),
            Err(e) => format!("cannot write {name}: {}", crate::text::one_line(&e.to_string())),
        });
    }
}
