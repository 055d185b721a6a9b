use super::*;
use crate::compare::Report;
use crate::keys::Key;
use crate::load::SourceText;
use crate::outline::outline;

fn browser() -> Browser {
    browser_of(&[
        ("a-2022.txt", include_str!("../../../examples/reports/demo-2022.txt")),
        ("a-2023.txt", include_str!("../../../examples/reports/demo-2023.txt")),
        ("a-2024.txt", include_str!("../../../examples/reports/demo-2024.txt")),
    ])
}

/// A series of the reports `texts` (file name, text), at 120×40.
fn browser_of(texts: &[(&str, &str)]) -> Browser {
    let tax = Taxonomy::builtin();
    let reports = texts
        .iter()
        .map(|(n, t)| Report::new(outline(&SourceText::from_bytes(*n, t.as_bytes()).expect("reads")), &tax))
        .collect();
    let mut b = Browser::new(Series::new(reports), tax, Keymap::builtin(), (None, true));
    b.update(Input::Resize { width: 120, height: 40 });
    b
}

fn key(b: &mut Browser, c: char) {
    b.update(Input::Key(Key::char(c)));
}

#[test]
fn the_checklist_is_a_column_per_report_and_enter_opens_the_reports_in_its_pair() {
    let mut b = browser();
    key(&mut b, 'R');
    assert_eq!(b.shown, Shown::Checklist);
    let list = b.checklist.as_ref().expect("made when asked for");
    assert_eq!(list.reports.len(), 3);
    // The last report, its third content (the shortcomings), opens in its pair at the checklist.
    key(&mut b, 'j');
    key(&mut b, 'j');
    b.update(Input::Key(Key::plain(crate::keys::KeyCode::Enter)));
    assert_eq!(b.shown, Shown::Pair);
    assert_eq!(b.pair, (1, 2));
    assert_eq!(b.app.overview(), Some(crate::view::OverviewKind::Checklist));
    assert_eq!(b.app.overview_cursor, 3);
    // The first report has none before it: said, not opened.
    key(&mut b, 'C');
    key(&mut b, 'R');
    for _ in 0..3 {
        key(&mut b, 'h');
    }
    b.update(Input::Key(Key::plain(crate::keys::KeyCode::Enter)));
    assert_eq!(b.shown, Shown::Checklist);
    assert!(b.message.is_some());
    key(&mut b, 'R');
    assert_eq!(b.shown, Shown::Coverage);
}

#[test]
fn enter_on_a_cell_opens_that_topic_for_that_report_and_the_one_before() {
    let mut b = browser();
    assert_eq!(b.shown, Shown::Coverage);
    let counsel = b
        .coverage
        .topics
        .iter()
        .position(|t| t.id == "legal_counsel")
        .expect("covered");
    b.cursor = (counsel, 1);
    b.update(Input::Action(Action::Open, 1));
    assert_eq!((b.shown, b.pair), (Shown::Pair, (0, 1)));
    let row = &b.app.cmp.alignment.rows[b.app.row];
    assert_eq!(row.topic.map(|t| b.tax.topic(t).id.as_str()), Some("legal_counsel"));
}

#[test]
fn the_pair_steps_through_time_and_keeps_its_topic() {
    let mut b = browser();
    b.cursor = (0, 1);
    b.update(Input::Action(Action::Open, 1));
    let topic = b.app.cmp.alignment.rows[b.app.row].topic;
    key(&mut b, '>');
    assert_eq!((b.pair, b.generation), ((1, 2), 2));
    assert_eq!(b.app.cmp.alignment.rows[b.app.row].topic, topic);
    key(&mut b, '>');
    assert_eq!(b.pair, (1, 2), "no report after the last");
    assert!(b.app.message.is_some());
    key(&mut b, '<');
    assert_eq!(b.pair, (0, 1));
    key(&mut b, 'C');
    assert_eq!(b.shown, Shown::Coverage);
    key(&mut b, 'F');
    assert_eq!(b.shown, Shown::Figures);
    assert!(b.figures.as_ref().is_some_and(|f| !f.measures.is_empty()));
    key(&mut b, 'q');
    assert!(b.quit);
}

#[test]
fn the_pair_dims_stock_wording_and_keeps_the_readers_choices_through_time() {
    let mut b = browser();
    assert_eq!(
        b.stock.learned_from, 0,
        "one bureau's years share its own text, not the genre's: the built-in list"
    );
    b.cursor = (0, 1);
    b.update(Input::Action(Action::Open, 1));
    let dimmed = |b: &Browser| -> String {
        let layout = b.app.row_layout();
        let segs = layout.panes.iter().flatten().flat_map(|l| &l.segs);
        segs.filter(|s| s.stock).map(|s| s.text.as_str()).collect()
    };
    key(&mut b, 'J');
    let before = dimmed(&b);
    key(&mut b, 'D');
    assert!(b.app.prefs.dim_stock && b.app.message.as_deref().is_some_and(|m| m.contains("built-in")));
    let after = dimmed(&b);
    assert!(after.len() > before.len(), "stock wording dims: {after}");
    key(&mut b, 'a');
    key(&mut b, 'S');
    let prefs = b.app.prefs;
    key(&mut b, '>');
    assert_eq!(b.pair, (1, 2));
    assert!(b.app.prefs.dim_stock, "the next pair is read the same way");
    assert_eq!(b.app.prefs, prefs, "every toggle, scrolling apart too");
    assert_eq!(b.app.prefs.filter, crate::view::layout::Filter::New);
}

#[test]
fn stock_wording_is_learned_across_units() {
    let text = include_str!("../../../examples/reports/demo-2023.txt");
    let texts: Vec<(String, String)> = ["甲", "乙", "丙"]
        .iter()
        .map(|u| (format!("{u}.txt"), text.replace("示例市", &format!("{u}市"))))
        .collect();
    let texts: Vec<(&str, &str)> = texts.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let b = browser_of(&texts);
    assert_eq!(b.stock.learned_from, 3);
    assert!(!b.stock.phrases.is_empty());
    assert!(
        b.series.previous(1).is_none(),
        "three units: no report is measured against another"
    );
}

#[test]
fn a_report_of_another_unit_opens_against_nothing_unless_asked() {
    let mut b = browser_of(&[
        ("a-2023.txt", include_str!("../../../examples/reports/demo-2023.txt")),
        (
            "b-2024.txt",
            include_str!("../../../examples/reports/sample-market-2024.txt"),
        ),
        ("a-2024.txt", include_str!("../../../examples/reports/demo-2024.txt")),
    ]);
    let market = (0..3)
        .find(|&i| b.series.reports[i].doc.file.starts_with('b'))
        .expect("the other unit");
    assert_eq!(b.series.previous(market), None);
    b.cursor.1 = market;
    b.update(Input::Action(Action::Open, 1));
    assert_eq!(b.shown, Shown::Coverage, "no pair across units on Enter");
    assert!(
        b.message.as_deref().is_some_and(|m| m.contains("first report of")),
        "{:?}",
        b.message
    );
    // The pair ready is the bureau's own, never the cross-unit one.
    let own = b.pair;
    assert!(own != (market - 1, market) && b.series.previous(own.1) == Some(own.0));
    // Asked for by name: m on one, Enter on the other.
    b.cursor.1 = 0;
    key(&mut b, 'm');
    b.cursor.1 = market;
    b.update(Input::Action(Action::Open, 1));
    assert_eq!((b.shown, b.pair), (Shown::Pair, (0, market)));
    assert!(b.app.units_differ());
    assert!(b.app.message.as_deref().is_some_and(|m| m.contains("different units")));
    // `>` steps a unit's own chain only.
    key(&mut b, '>');
    assert_eq!(b.pair, (0, market));
    assert!(b.app.message.as_deref().is_some_and(|m| m.contains("chosen by hand")));
}

#[test]
fn a_refiling_in_a_pair_reaches_the_series_coverage_at_once() {
    let mut b = browser();
    b.open_pair(b.pair, None);
    let words = b
        .app
        .cmp
        .word_diffs(&crate::diff::CharTokenizer, std::time::Duration::from_secs(5));
    b.update(Input::WordDiffs(words));
    let study = b.app.cmp.row_labelled("学法普法").expect("row");
    b.update(Input::Action(Action::NextRow, study));
    b.update(Input::Action(Action::NextChange, 1));
    for c in "gr干部学法".chars() {
        key(&mut b, c);
    }
    b.update(Input::Key(Key::plain(crate::keys::KeyCode::Enter)));
    assert!(
        b.app.cmp.alignment.rows.iter().any(|r| r.label == "干部学法"),
        "{:?}",
        b.app.message
    );
    let own = b
        .tax
        .find(&b.app.review.as_ref().expect("kept").state.topics[0].id)
        .expect("in the taxonomy");
    assert!(
        b.coverage.topics.iter().any(|t| t.topic == own),
        "the coverage has the analyst's row"
    );
}

#[test]
fn quit_keys_follow_what_is_shown() {
    let mut b = browser();
    assert!(b.quit_keys().contains(&Key::char('q')));
    // A key sequence under way on the coverage.
    key(&mut b, 'g');
    assert!(b.quit_keys().is_empty());
    key(&mut b, 'g');
    // A pair opened: its own keys, none while its search prompt is open.
    b.update(Input::Key(Key::plain(crate::keys::KeyCode::Enter)));
    assert_eq!(b.shown, Shown::Pair);
    assert!(b.quit_keys().contains(&Key::char('q')));
    key(&mut b, '/');
    assert!(b.quit_keys().is_empty());
}
