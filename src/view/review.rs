//! The analyst's review in the interface: refiling the passage (or sentence) at the cursor under
//! another topic or one of their own, notes on rows, changes and figures, rows marked reviewed.
//! Each is written to the review file at once (see [`crate::review::store`]); refiling rebuilds
//! the comparison, so rows, counts and the overview follow.

use super::App;
use super::chunks::Chunks;
use crate::compare::Comparison;
use crate::keys::{Action, Mode};
use crate::review::{About, Refiling, ReportRef, State, Store, fresh_id, keys};
use crate::sides::Side;
use crate::topics::Taxonomy;

/// The review of the pair on screen: the file it is kept in, what it holds, and what applying it
/// needs.
pub struct Kept {
    /// `None`: kept for this session only (no file, or one that could not be used).
    store: Option<Store>,
    pub state: State,
    /// The left and right reports as the review knows them.
    pub(super) refs: [ReportRef; 2],
    /// The taxonomy without the analyst's topics, to apply the review to afresh.
    base: Taxonomy,
    /// Per row of the comparison: its key and the digest of its content.
    pub(super) rows: Vec<(String, String)>,
    /// Other reviews' refilings of these reports (made against other reports): applied first,
    /// this review's over them.
    others: Vec<State>,
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
            others: Vec::new(),
        }
    }

    /// With other reviews' refilings of these reports, applied under this review's.
    pub fn with_others(mut self, others: Vec<State>) -> Kept {
        self.others = others;
        self
    }

    /// Other reviews' refilings of these reports.
    pub fn others(&self) -> &[State] {
        &self.others
    }

    /// Every review whose refilings apply, this one last.
    pub fn states(&self) -> Vec<&State> {
        self.others.iter().chain([&self.state]).collect()
    }

    /// The review of a comparison built without one, kept for the session only.
    pub fn in_memory(cmp: &Comparison, base: Taxonomy) -> Kept {
        Kept::new(None, State::default(), keys::reports(cmp.reports()), base)
    }

    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// The reports it is about (left, right).
    pub fn refs(&self) -> &[ReportRef; 2] {
        &self.refs
    }

    fn attach(&mut self, cmp: &Comparison, tax: &Taxonomy) {
        self.rows = Kept::row_keys(cmp, tax);
    }

    /// Each row's key and the digest of its content: a pass over both reports' whole text (in two
    /// halves at once on a large pair, as the first screen waits for it).
    pub(super) fn row_keys(cmp: &Comparison, tax: &Taxonomy) -> Vec<(String, String)> {
        crate::halves::map(&cmp.alignment.rows, crate::align::Row::text_len, |r| {
            (keys::row(r, tax), keys::row_content(r))
        })
    }

    /// Row `row`'s marks: reviewed, and how many notes it has.
    pub fn marks(&self, row: usize) -> (bool, usize) {
        let notes = self
            .rows
            .get(row)
            .map_or(0, |(key, _)| self.state.notes_on(key).count());
        (self.is_reviewed(row), notes)
    }

    /// Whether row `row` is marked reviewed with the content it shows.
    pub(super) fn is_reviewed(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_some_and(|(key, content)| self.state.is_reviewed(key, content))
    }

    /// How many rows are marked reviewed (read every frame: the notes are not counted).
    pub fn reviewed(&self) -> usize {
        (0..self.rows.len()).filter(|&r| self.is_reviewed(r)).count()
    }

    /// The row a key names, if the comparison has it.
    pub fn row_of(&self, key: &str) -> Option<usize> {
        self.rows.iter().position(|(k, _)| k == key)
    }
}

/// Where the view goes once the comparison is made again, and what it says then.
#[derive(Debug, Clone)]
pub(super) struct Arrival {
    row: String,
    said: String,
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
    pub about: About,
    pub row: String,
    pub at: String,
    pub excerpt: String,
}

#[derive(Debug, Clone)]
pub(super) struct RefileTarget {
    side: Side,
    sentences: Vec<String>,
    from: String,
}

/// The start of a text, for messages and the review file.
pub(super) fn excerpt(text: &str) -> String {
    let t: String = text.trim().chars().take(24).collect();
    if t.chars().count() < text.trim().chars().count() {
        t + "…"
    } else {
        t
    }
}

impl App {
    /// With the review kept in `kept` (its refilings already applied to the comparison).
    pub fn with_review(mut self, kept: Kept) -> Self {
        self.set_review(kept);
        self
    }

    /// Keeps the review in `kept` from now on.
    pub fn set_review(&mut self, mut kept: Kept) {
        kept.attach(&self.cmp, &self.tax);
        self.review = Some(kept);
    }

    /// What the prompt asks for, as the status line shows it before what is typed.
    pub fn prompt_label(&self) -> String {
        match &self.prompt {
            Prompt::Search => "/".into(),
            Prompt::Note(t) => format!("note on “{}”: ", t.excerpt),
            Prompt::Refile(t) => format!("refile “{}” to: ", excerpt(&t.sentences.concat())),
        }
    }

    /// What the status line shows after what is typed: where a refiling would go, and the keys.
    pub fn prompt_hint(&self) -> String {
        match &self.prompt {
            Prompt::Search => "enter: search · esc: cancel".into(),
            Prompt::Note(_) => "enter: keep (empty: remove) · esc: cancel".into(),
            Prompt::Refile(_) => {
                let candidates = self.topics_matching(&self.input);
                let goes = match candidates.as_slice() {
                    [] if self.input.trim().is_empty() => "a topic's name or id".to_string(),
                    [] => "→ a new topic of yours".to_string(),
                    [one] => format!("→ {}", one.1),
                    more => {
                        let names: Vec<&str> = more.iter().take(4).map(|c| c.1.as_str()).collect();
                        format!("{} topics: {}", more.len(), names.join(" "))
                    }
                };
                format!("{goes} · enter · esc")
            }
        }
    }

    /// The topics (id, label) whose label or id holds `typed`; the one it names exactly alone.
    fn topics_matching(&self, typed: &str) -> Vec<(String, String)> {
        let typed = typed.trim();
        if typed.is_empty() {
            return Vec::new();
        }
        let all: Vec<(String, String)> = self
            .tax
            .topics()
            .iter()
            .map(|t| (t.id.clone(), t.label.clone()))
            .collect();
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
    pub(super) fn unit_at_cursor(&mut self) -> Option<(Side, usize)> {
        let diff = self.cmp.diffs.get(self.row)?.clone();
        let chunks = Chunks::new(&diff, self.prefs.filter);
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
        if self.recomparing.is_some() {
            self.message = Some("still comparing again with the last refiling".into());
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
        let passage = units[unit].passage();
        let texts = &row.passages[side];
        let sentences: Vec<String> = units
            .iter()
            .enumerate()
            .filter(|(k, u)| if whole { u.passage() == passage } else { *k == unit })
            .map(|(_, u)| texts[u.passage()].text[u.range()].trim().to_string())
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
            [] => (None, typed.clone()),
            more => {
                // Several topics hold what was typed: ask again rather than make a topic of it.
                let names: Vec<&str> = more.iter().map(|c| c.1.as_str()).collect();
                self.message = Some(format!(
                    "'{typed}' is in {} topics ({}): type more of one",
                    more.len(),
                    names.join(", ")
                ));
                self.prompt = Prompt::Refile(target);
                self.mode = Mode::Search;
                return;
            }
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
            let n = target.sentences.len();
            let said = format!(
                "moved {n} {} to {label} ({} undoes)",
                if n == 1 { "sentence" } else { "sentences" },
                self.hints.key(Action::UndoRefile)
            );
            self.rebuild(Arrival { row: label, said });
        }
    }

    /// Undoes the last refiling of these reports.
    pub(super) fn undo_refile(&mut self) {
        if self.recomparing.is_some() {
            self.message = Some("still comparing again with the last refiling".into());
            return;
        }
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
            let said = format!("“{}” is back under {}", last.excerpt, last.from);
            self.rebuild(Arrival { row: last.from, said });
        }
    }

    /// Applies the review afresh to the reports and compares them again: at once, or (in a
    /// terminal session, where that would hold up the keys on a large pair) on the worker, the
    /// comparison coming back as [`Input::Recompared`](super::Input::Recompared).
    fn rebuild(&mut self, arrival: Arrival) {
        let Some(kept) = self.review.as_ref() else { return };
        let job = super::RecompareJob {
            docs: self.cmp.docs.clone(),
            states: kept.states().into_iter().cloned().collect(),
            refs: kept.refs.clone(),
            base: kept.base.clone(),
            ahead: self.ahead(Some(arrival.row.clone())),
        };
        self.recomparing = Some(arrival);
        self.message = Some("comparing again with the refiling…".into());
        self.in_background(super::Work::new(move || super::Input::Recompared(Box::new(job.run()))));
    }

    /// Runs `work` off the loop in a terminal session (its result comes back as an input), else at
    /// once.
    pub(super) fn in_background(&mut self, work: super::Work) {
        if self.background {
            self.effects.push(super::Effect::Background(work));
        } else {
            self.update(work.run());
        }
    }

    /// The comparison made again installed: rows, counts and layouts follow; the view goes to the
    /// row the refiling went to (or came back to) and says what was done.
    pub(super) fn install_comparison(&mut self, made: super::Recomparison) {
        let super::Recomparison { cmp, tax, rows, ready } = made;
        if let Some(kept) = self.review.as_mut() {
            kept.rows = rows;
        }
        // The comparison replaced, and what was laid out from it, weigh as much as its reports:
        // freed off the loop.
        let caches = super::cache::Caches::with_ready(ready);
        let old = (
            std::mem::replace(&mut self.cmp, cmp),
            std::mem::replace(&mut self.caches, caches),
        );
        if self.background {
            std::thread::spawn(move || drop(old));
        }
        self.tax = tax;
        self.words_ready = true;
        self.row = self.row.min(self.rows().saturating_sub(1));
        self.scroll = [0, 0];
        self.current_match = None;
        self.review_changed = true;
        if let Some(arrival) = self.recomparing.take() {
            if let Some(r) = self.cmp.row_labelled(&arrival.row) {
                self.set_row(r);
            }
            self.message = Some(arrival.said);
        }
    }

    /// Writes a change to the review; says why when it cannot (the change then holds for this
    /// session only).
    pub(super) fn save(&mut self, change: impl FnOnce(&mut State)) -> bool {
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

    /// Carries out Enter at a prompt: a search, a note, or a refiling.
    pub(super) fn confirm_prompt(&mut self) {
        match std::mem::take(&mut self.prompt) {
            Prompt::Search => {
                self.change_cursor = None;
                self.run_search();
            }
            Prompt::Note(t) => self.finish_note(t),
            Prompt::Refile(t) => self.finish_refile(t),
        }
        // A prompt asked again keeps what was typed.
        if self.mode != Mode::Search {
            self.input.clear();
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::view::Input;
    use crate::view::testing::{NEW, OLD, app};

    /// The test pair with a review kept in `store` (or for the session).
    pub(crate) fn reviewed_app(store: Option<Store>) -> App {
        let app = app(OLD, NEW, 120, 30);
        let kept = Kept::new(
            store,
            State::default(),
            keys::reports(app.cmp.reports()),
            Taxonomy::builtin(),
        );
        app.with_review(kept)
    }

    pub(crate) fn keys_typed(app: &mut App, keys: &str) {
        for c in keys.chars() {
            app.update(Input::Key(match c {
                '⏎' => crate::keys::Key::plain(crate::keys::KeyCode::Enter),
                c => crate::keys::Key::char(c),
            }));
        }
    }

    fn row_text(app: &App, label: &str) -> Option<String> {
        let row = app.cmp.alignment.rows.iter().find(|r| r.label == label)?;
        Some(
            row.passages
                .left
                .iter()
                .chain(&row.passages.right)
                .map(|p| p.text.to_string())
                .collect(),
        )
    }

    #[test]
    fn refiling_the_passage_at_a_change_moves_it_and_its_counterpart_and_undo_brings_it_back() {
        let mut app = reviewed_app(None);
        let study = app.cmp.row_labelled("学法普法").expect("学法普法");
        app.update(Input::Action(Action::NextRow, study));
        app.update(Input::Action(Action::NextChange, 1));
        keys_typed(&mut app, "r法律顾问⏎");
        let counsel = row_text(&app, "法律顾问").expect("row");
        assert!(
            counsel.contains("组织学法6次") && counsel.contains("组织学法8次"),
            "{counsel}"
        );
        assert!(!row_text(&app, "学法普法").unwrap_or_default().contains("组织学法"));
        assert_eq!(app.cmp.alignment.rows[app.row].label, "法律顾问", "the view follows it");
        let changes = app.cmp.diffs[app.row].stats.changes;
        assert_eq!(changes, 2, "the row's count follows");
        assert!(
            app.message.as_deref().is_some_and(|m| m.contains("moved")),
            "{:?}",
            app.message
        );
        keys_typed(&mut app, "u");
        assert!(row_text(&app, "学法普法").expect("row").contains("组织学法8次"));
        assert!(!row_text(&app, "法律顾问").expect("row").contains("组织学法"));
        assert!(app.review.as_ref().expect("kept").state.refilings.is_empty());
    }

    #[test]
    fn a_sentence_goes_into_a_topic_of_the_analysts_making_and_the_choice_is_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("review.toml");
        let mut app = reviewed_app(Some(Store::at(&path)));
        let study = app.cmp.row_labelled("学法普法").expect("学法普法");
        app.update(Input::Action(Action::NextRow, study));
        app.update(Input::Action(Action::NextChange, 1));
        keys_typed(&mut app, "gr");
        assert!(
            app.prompt_label().starts_with("refile “组织学法"),
            "{}",
            app.prompt_label()
        );
        keys_typed(&mut app, "学习培训⏎");
        assert_eq!(
            row_text(&app, "学习培训").expect("own row"),
            "组织学法6次。组织学法8次。"
        );
        assert!(row_text(&app, "学法普法").expect("row").contains("开展法律宣传"));
        let saved = Store::at(&path).load().expect("reads");
        assert_eq!(saved.topics.len(), 1);
        assert_eq!(saved.refilings.len(), 1);
        assert_eq!(saved.refilings[0].sentences.len(), 1);
        // What a restart does: the review applied to the reports before they are compared.
        let fresh = app_after_restart(&path);
        assert!(row_text(&fresh, "学习培训").is_some());
    }

    /// The test pair as the binary opens it: the review at `path` applied first.
    fn app_after_restart(path: &std::path::Path) -> App {
        let plain = app(OLD, NEW, 120, 30);
        let (mut l, mut r) = ((*plain.cmp.docs.left).clone(), (*plain.cmp.docs.right).clone());
        let refs = keys::reports(crate::sides::Sides::new(&l, &r));
        let state = Store::at(path).load().expect("reads");
        let applied = crate::review::apply::apply(&[&state], &mut [&mut l, &mut r], &refs, &Taxonomy::builtin());
        let mut cmp = Comparison::build(l, r, &applied.taxonomy);
        cmp.diff_all(&crate::diff::CharTokenizer, crate::compare::DIFF_BUDGET);
        App::new(cmp, applied.taxonomy, crate::keys::Keymap::builtin())
    }

    #[test]
    fn the_document_view_sends_refiling_back_to_the_rows() {
        let mut app = reviewed_app(None);
        app.update(Input::Action(Action::ToggleDocument, 1));
        keys_typed(&mut app, "r");
        assert_eq!(app.mode, Mode::Normal, "no prompt");
        assert!(
            app.message
                .as_deref()
                .is_some_and(|m| m.contains("goes back to the rows")),
            "{:?}",
            app.message
        );
        app.message = None;
        keys_typed(&mut app, "e");
        assert!(app.effects.is_empty(), "no editor for a change the view does not show");
        assert!(
            app.message
                .as_deref()
                .is_some_and(|m| m.starts_with("open_in_editor works")),
            "{:?}",
            app.message
        );
    }

    #[test]
    fn in_a_terminal_session_the_comparison_is_made_again_off_the_loop() {
        let mut app = reviewed_app(None);
        app.background = true;
        let study = app.cmp.row_labelled("学法普法").expect("学法普法");
        app.update(Input::Action(Action::NextRow, study));
        app.update(Input::Action(Action::NextChange, 1));
        keys_typed(&mut app, "r法律顾问⏎");
        let [crate::view::Effect::Background(job)] = &app.effects[..] else {
            panic!("the work asked of the terminal side: {:?}", app.effects);
        };
        let job = job.clone();
        app.effects.clear();
        assert_eq!(
            std::sync::Arc::strong_count(&app.cmp.docs.left),
            2,
            "the job shares the reports: they are copied where it runs, not on the loop"
        );
        assert!(
            row_text(&app, "学法普法").is_some_and(|t| t.contains("组织学法")),
            "not yet moved"
        );
        keys_typed(&mut app, "u");
        assert!(
            app.message.as_deref().is_some_and(|m| m.contains("still comparing")),
            "{:?}",
            app.message
        );
        app.update(job.run());
        assert_eq!(app.cmp.alignment.rows[app.row].label, "法律顾问", "the view follows it");
        assert!(row_text(&app, "法律顾问").expect("row").contains("组织学法8次"));
        assert!(
            app.message.as_deref().is_some_and(|m| m.starts_with("moved")),
            "{:?}",
            app.message
        );
        assert!(app.review_changed && app.words_ready);
    }

    #[test]
    fn a_name_several_topics_hold_asks_again_instead_of_making_a_topic() {
        let mut app = reviewed_app(None);
        let study = app.cmp.row_labelled("学法普法").expect("学法普法");
        app.update(Input::Action(Action::NextRow, study));
        app.update(Input::Action(Action::NextChange, 1));
        let rows = app.rows();
        keys_typed(&mut app, "r法⏎");
        assert_eq!(app.mode, Mode::Search, "still asking");
        assert_eq!(app.input, "法");
        assert!(
            app.message.as_deref().is_some_and(|m| m.contains("type more")),
            "{:?}",
            app.message
        );
        assert_eq!(app.rows(), rows);
        keys_typed(&mut app, "律顾问⏎");
        assert_eq!(app.mode, Mode::Normal);
        assert_eq!(app.cmp.alignment.rows[app.row].label, "法律顾问");
    }

    #[test]
    fn nothing_is_refiled_before_the_word_marks_or_without_a_name() {
        let mut app = reviewed_app(None);
        app.words_ready = false;
        keys_typed(&mut app, "r");
        assert!(app.message.as_deref().is_some_and(|m| m.contains("still being made")));
        assert_eq!(app.mode, Mode::Normal);
        app.words_ready = true;
        let before = app.cmp.alignment.rows.len();
        keys_typed(&mut app, "r⏎");
        assert_eq!(app.cmp.alignment.rows.len(), before);
        assert!(app.review.as_ref().expect("kept").state.refilings.is_empty());
    }
}
