//! Scripted key sequences through the view state, no terminal.

use duibi::keys::{Key, KeyCode};
use duibi::view::{App, Input};

use crate::util::demo_app;

fn app() -> App {
    let mut app = demo_app();
    app.update(Input::Resize { width: 160, height: 12 });
    app
}

fn type_keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.update(Input::Key(Key::char(c)));
    }
}

fn row_id(app: &App) -> String {
    let row = &app.cmp().alignment.rows[app.row()];
    row.topic.map_or("content".into(), |t| app.tax().topic(t).id.clone())
}

#[test]
fn rows_move_with_counts_and_topic_jumps() {
    let mut app = app();
    type_keys(&mut app, "J");
    assert_eq!(app.row(), 1);
    type_keys(&mut app, "3J");
    assert_eq!(app.row(), 4);
    type_keys(&mut app, "K");
    assert_eq!(app.row(), 3);
    type_keys(&mut app, "t1");
    assert_eq!(app.row(), 3, "among 11 rows, t 1 waits for a possible second digit");
    app.update(Input::Key(Key::plain(KeyCode::Esc)));
    assert_eq!(app.row(), 0);
    // Every row is reachable: two digits after t, or a count before it.
    type_keys(&mut app, "t11");
    assert_eq!(app.row(), 10);
    type_keys(&mut app, "t9");
    assert_eq!(app.row(), 8, "no second digit can follow 9");
    type_keys(&mut app, "10t");
    assert_eq!(app.row(), 9);
    type_keys(&mut app, "t1");
    type_keys(&mut app, "0");
    assert_eq!(app.row(), 9);
    type_keys(&mut app, "t0");
    assert_eq!(app.row(), 9, "t 0 is the tenth row");
    type_keys(&mut app, "99t");
    assert_eq!(app.row(), 9, "no such row: stays");
    assert!(app.message().is_some_and(|m| m.contains("no row 99")));
    type_keys(&mut app, "t1");
    app.update(Input::Key(Key::plain(KeyCode::Esc)));
    type_keys(&mut app, "tl");
    assert_eq!(row_id(&app), "leadership");
    type_keys(&mut app, "tl");
    assert_eq!(row_id(&app), "legal_counsel");
    type_keys(&mut app, "tl");
    assert_eq!(row_id(&app), "legal_education");
}

#[test]
fn scrolling_sequences_and_bounds() {
    let mut app = app();
    type_keys(&mut app, "te"); // enforcement: a long row
    type_keys(&mut app, "5j");
    assert_eq!(app.scroll(), [5, 5]);
    type_keys(&mut app, "gg");
    assert_eq!(app.scroll(), [0, 0]);
    type_keys(&mut app, "G");
    let bottom = app.scroll()[0];
    type_keys(&mut app, "j");
    assert_eq!(app.scroll()[0], bottom, "never past the end");
    app.update(Input::Key(Key::ctrl('u')));
    assert_eq!(app.scroll()[0], bottom - 5);
}

#[test]
fn next_change_walks_into_following_rows() {
    let mut app = app();
    let start = app.row();
    for _ in 0..6 {
        type_keys(&mut app, "}");
    }
    assert!(app.row() > start, "changes continue in the next rows");
    type_keys(&mut app, "]c");
    assert!(app.message().is_none() || app.row() + 1 == app.rows());
}

#[test]
fn search_finds_text_in_other_rows_and_cycles() {
    let mut app = app();
    type_keys(&mut app, "/");
    type_keys(&mut app, "律师事务所");
    app.update(Input::Key(Key::plain(KeyCode::Enter)));
    assert_eq!(row_id(&app), "legal_counsel");
    assert_eq!(app.query(), Some("律师事务所"));
    type_keys(&mut app, "/");
    type_keys(&mut app, "不存在的词");
    app.update(Input::Key(Key::plain(KeyCode::Enter)));
    assert!(app.message().is_some_and(|m| m.contains("not found")));
}

#[test]
fn escape_cancels_search_and_toggles_flip() {
    let mut app = app();
    type_keys(&mut app, "/abc");
    app.update(Input::Key(Key::plain(KeyCode::Esc)));
    assert!(app.query().is_none() && app.input().is_empty());
    type_keys(&mut app, "b");
    assert!(!app.prefs().sidebar);
    type_keys(&mut app, "i");
    assert!(app.is_inline());
    type_keys(&mut app, "i");
    assert!(!app.is_inline());
    type_keys(&mut app, "S");
    assert!(!app.prefs().sync);
    type_keys(&mut app, "l5j");
    assert_eq!(app.focus(), 1);
    type_keys(&mut app, "s");
    assert!(app.swapped());
    type_keys(&mut app, "c");
    assert_eq!(app.prefs().filter, duibi::view::layout::Filter::Changes);
    type_keys(&mut app, "q");
    assert!(app.quit());
}

#[test]
fn document_view_links_the_other_pane() {
    let mut app = app();
    type_keys(&mut app, "d");
    assert!(app.in_document());
    type_keys(&mut app, "tl");
    let (l, r) = (app.scroll()[0], app.scroll()[1]);
    assert!(l > 0 || r > 0, "both documents scrolled to the row's passages");
    type_keys(&mut app, "h");
    assert_eq!(app.focus(), 0);
    type_keys(&mut app, "G");
    assert_ne!(
        row_id(&app),
        "leadership",
        "scrolling the left document moved the current row"
    );
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    type_keys(&mut app, "te");
    type_keys(&mut app, "S");
    app.update(Input::Scroll { column: 100, lines: 3 });
    assert_eq!(app.focus(), 1);
    assert_eq!(app.scroll(), [0, 3]);
}

#[test]
fn every_change_is_reached_even_when_the_row_fits_on_screen() {
    let mut app = app();
    app.update(Input::Resize {
        width: 160,
        height: 210,
    }); // every row fits: nothing can scroll
    // A change at the top of the first row is shown, and counted, from the start.
    let mut seen = match app.change_position() {
        (0, _) => Vec::new(),
        (at, _) => vec![(app.row(), at)],
    };
    for _ in 0..200 {
        type_keys(&mut app, "}");
        if app.message() == Some("no more changes") {
            break;
        }
        let (at, total) = app.change_position();
        assert!(at >= 1 && at <= total, "row {}: change {at}/{total}", app.row());
        seen.push((app.row(), at));
    }
    assert_eq!(app.message(), Some("no more changes"), "the last change was reached");
    // Each change of each row once, in order.
    let mut expected = Vec::new();
    for row in 0..app.rows() {
        type_keys(&mut app, &format!("{}t", row + 1));
        assert_eq!(app.row(), row);
        let (_, total) = app.change_position();
        expected.extend((1..=total).map(|c| (row, c)));
    }
    assert_eq!(seen, expected);
    // And back: { from the end returns to the first change.
    for _ in 0..200 {
        type_keys(&mut app, "{");
    }
    assert_eq!((app.row(), app.change_position().0), expected[0]);
}

#[test]
fn help_scroll_stops_at_its_last_line_so_one_key_scrolls_back() {
    let mut app = app();
    app.update(Input::Resize { width: 120, height: 20 });
    type_keys(&mut app, "?");
    for _ in 0..500 {
        type_keys(&mut app, "j");
    }
    let bottom = app.help_scroll();
    assert!(bottom > 0 && bottom < app.help_lines(), "{bottom}");
    type_keys(&mut app, "k");
    assert_eq!(app.help_scroll(), bottom - 1);
}

#[test]
fn next_change_steps_through_the_document_view() {
    let mut app = app();
    app.update(Input::Resize { width: 160, height: 20 });
    type_keys(&mut app, "d");
    assert!(app.in_document());
    let changes = app.doc_layouts()[0].changes.clone();
    assert!(changes.len() > 2, "the demo's older report has changes: {changes:?}");
    let (_, total) = app.change_position();
    assert_eq!(total, changes.len());
    type_keys(&mut app, "}");
    assert!(
        changes.contains(&(app.scroll()[0] + 2)),
        "the change two lines below the top"
    );
    type_keys(&mut app, "}");
    let second = app.scroll()[0];
    type_keys(&mut app, "{");
    assert!(app.scroll()[0] < second, "{{ goes back");
}
