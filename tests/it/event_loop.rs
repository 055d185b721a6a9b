//! The whole interface loop on ratatui's TestBackend, fed a script of inputs: no pseudo-terminal.

use std::collections::VecDeque;
use std::time::Duration;

use duibi::keys::Key;
use duibi::ui::Theme;
use duibi::ui::run::{Events, Step, run};
use duibi::view::{App, Input};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::util::demo_app;

/// Inputs handed out in order, then the end; counts the frames drawn.
struct Script {
    steps: VecDeque<Step>,
    frames: usize,
}

impl Script {
    fn new(steps: impl IntoIterator<Item = Step>) -> Self {
        Script {
            steps: steps.into_iter().collect(),
            frames: 0,
        }
    }
}

impl Events for Script {
    type Error = std::io::Error;

    fn next(&mut self, _timeout: Duration) -> std::io::Result<Step> {
        Ok(self.steps.pop_front().unwrap_or(Step::Stop))
    }

    fn drawn(&mut self, _model: &dyn duibi::ui::run::Model) {
        self.frames += 1;
    }
}

fn key(c: char) -> Step {
    Step::Input(Input::Key(Key::char(c)))
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    crate::util::buffer_text(terminal.backend().buffer())
}

#[test]
fn keys_drive_the_loop_to_a_row_and_q_ends_it() {
    let mut app = demo_app();
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("backend");
    let mut script = Script::new([key('J'), key('J'), Step::Idle, key('q'), key('J')]);
    run(&mut terminal, &mut app, &Theme::color(), &mut script).expect("runs");
    assert!(app.quit());
    assert_eq!(app.row(), 2, "the key after q is never read");
    assert_eq!(
        script.frames, 3,
        "a frame at start and after each key, none when idle; q quits first"
    );
    assert_eq!(script.steps.len(), 1);
    let shown = screen(&terminal);
    let label = &app.cmp().alignment.rows[2].label;
    assert!(shown.contains(label.as_str()), "{shown}");
}

#[test]
fn the_first_frame_fits_the_terminal_and_a_resize_lays_it_out_again() {
    let mut app = demo_app();
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).expect("backend");
    let mut script = Script::new([Step::Stop]);
    run(&mut terminal, &mut app, &Theme::color(), &mut script).expect("runs");
    assert_eq!((app.geometry().width, app.geometry().total_height), (120, 30));
    assert!(!app.is_inline());
    terminal.backend_mut().resize(80, 24);
    let mut script = Script::new([Step::Input(Input::Resize { width: 80, height: 24 })]);
    run(&mut terminal, &mut app, &Theme::color(), &mut script).expect("runs");
    assert!(app.is_inline(), "narrow terminals get the inline view");
    assert!(!screen(&terminal).contains('│') || app.geometry().separator.is_none());
}

#[test]
fn word_diffs_arriving_mark_the_words() {
    let app = crate::util::app_of("一、法律顾问\n提供法律咨询16次。", "一、法律顾问\n提供法律咨询119次。");
    // As the interface starts: sentence-level diffs only, then the worker's word diffs.
    let mut cmp = app.cmp().clone();
    let diffs = std::sync::Arc::unwrap_or_clone(std::mem::take(&mut cmp.diffs));
    let mut fresh = App::new(cmp, duibi::topics::Taxonomy::builtin(), app.keymap().clone());
    assert!(!fresh.words_ready());
    let mut terminal = Terminal::new(TestBackend::new(120, 20)).expect("backend");
    let mut script = Script::new([Step::Input(Input::WordDiffs(diffs))]);
    run(&mut terminal, &mut fresh, &Theme::color(), &mut script).expect("runs");
    assert!(fresh.words_ready());
    assert_eq!(script.frames, 2);
}

#[test]
fn clicking_a_sidebar_row_opens_it() {
    let mut app = demo_app();
    app.update(Input::Resize { width: 160, height: 30 });
    let bar = app.geometry().sidebar.expect("a sidebar at 160 columns");
    app.update(Input::Click {
        column: bar.x + 2,
        row: bar.y + 3,
    });
    assert_eq!(app.row(), 3);
    // A click below the last row, or on a pane, changes nothing.
    assert!(usize::from(bar.height) > app.rows());
    app.update(Input::Click {
        column: bar.x + 2,
        row: bar.y + app.rows() as u16,
    });
    assert_eq!(app.row(), 3);
    app.update(Input::Click {
        column: app.geometry().content.x + 5,
        row: app.geometry().content.y + 1,
    });
    assert_eq!(app.row(), 3);
}

#[test]
fn clicking_an_overview_line_opens_its_row() {
    let mut app = demo_app();
    app.update(Input::Resize { width: 160, height: 40 });
    app.update(Input::Key(Key::char('o')));
    assert!(app.overview().is_some());
    let top = app.overview_top();
    let line = (top..app.overview_layout().targets.len())
        .find(|&i| matches!(app.overview_layout().targets[i], duibi::view::overview::Target::Row(r) if r == 2))
        .expect("row 3 listed");
    app.update(Input::Click {
        column: app.geometry().content.x + 4,
        row: app.geometry().content.y + (line - top) as u16,
    });
    assert!(app.overview().is_none());
    assert_eq!(app.row(), 2);
}
