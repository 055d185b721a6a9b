use super::*;
use crate::sides::Side;
use crate::view::Input;
use crate::view::review::tests::{keys_typed, reviewed_app};
use docs::doc_width;

/// Each pane's lines, the changes' lines, the matches and each row's match count.
type Shown = (Vec<Vec<String>>, Vec<usize>, Vec<(usize, u64)>, Vec<usize>);

/// What the screen shows of the current row and the search, laid out now.
fn shown(app: &mut App) -> Shown {
    app.match_counts_now();
    let layout = app.layout_all();
    let panes = layout.panes.iter().map(crate::view::testing::texts).collect();
    let changes = layout.changes.iter().map(|c| c.line).collect();
    let matches = layout.matches.clone();
    (panes, changes, matches, app.match_counts().to_vec())
}

/// The test pair in a terminal session, a search shown, a sentence of 学法普法 refiled under
/// 法律顾问: the view, and the comparison it sent off the loop to be made again.
fn refiled_while_searching() -> (App, crate::view::Work) {
    let mut app = reviewed_app(None);
    app.background = true;
    keys_typed(&mut app, "/法律⏎");
    let study = app.cmp.row_labelled("学法普法").expect("学法普法");
    app.update(Input::Action(crate::keys::Action::NextRow, study));
    app.update(Input::Action(crate::keys::Action::NextChange, 1));
    keys_typed(&mut app, "r法律顾问⏎");
    let [crate::view::Effect::Background(job)] = &app.effects[..] else {
        panic!("the work asked of the terminal side: {:?}", app.effects);
    };
    let job = job.clone();
    app.effects.clear();
    (app, job)
}

#[test]
fn a_refilings_comparison_arrives_with_its_row_measured_and_its_matches_counted() {
    let (mut app, job) = refiled_while_searching();
    let Input::Recompared(made) = job.run() else {
        panic!("a comparison")
    };
    let ready = made.ready.clone();
    app.update(Input::Recompared(made));
    // Made with the comparison, for the row the view went to and the search it shows.
    let (key, _) = ready.row.expect("the row measured");
    assert_eq!(key, app.row_key(app.row));
    assert_eq!(app.cmp.alignment.rows[app.row].label, "法律顾问");
    let (search, _) = ready.match_counts.expect("the matches counted");
    assert_eq!(search, ("法律".to_string(), app.prefs.filter));
    // And what the view makes itself from nothing.
    let arrived = shown(&mut app);
    app.caches = Caches::default();
    assert_eq!(arrived, shown(&mut app));
    assert!(arrived.3.iter().sum::<usize>() > 0, "matches counted: {:?}", arrived.3);
}

#[test]
fn what_was_made_ahead_for_another_view_is_not_used() {
    let (mut app, job) = refiled_while_searching();
    // The view moves on while the comparison is made: changes only, another search, inline.
    keys_typed(&mut app, "c/学法⏎");
    app.update(Input::Action(crate::keys::Action::ToggleInline, 1));
    app.update(job.run());
    let arrived = shown(&mut app);
    app.caches = Caches::default();
    assert_eq!(arrived, shown(&mut app));
}

/// Each document pane's lines and changes, all built.
fn documents(app: &mut App) -> Vec<(Vec<String>, Vec<usize>)> {
    app.docs_now();
    let widths: Vec<u16> = app.geometry.panes.iter().map(|p| p.1).collect();
    let opts = Options {
        filter: Filter::All,
        ..app.options()
    };
    let marks = app.place_marks().clone();
    let swapped = app.swapped;
    let (_, layouts) = app.caches.docs.as_mut().expect("measured");
    layouts
        .iter_mut()
        .enumerate()
        .map(|(pane, layout)| {
            let side = Side::in_pane(pane, swapped);
            layout.fill(
                app.cmp.doc(side),
                side,
                &marks[side],
                doc_width(&widths, pane),
                &opts,
                None,
            );
            (crate::view::testing::texts(&layout.lines), layout.changes.clone())
        })
        .collect()
}

/// The test pair in a terminal session, as large as it takes to measure the documents ahead.
fn session() -> App {
    let mut app = crate::view::testing::app(crate::view::testing::OLD, crate::view::testing::NEW, 120, 30);
    app.background = true;
    app.caches.large = Some(true);
    app
}

#[test]
fn the_documents_measured_ahead_are_what_the_document_view_measures() {
    let mut app = session();
    let diffs = (*app.cmp.diffs).clone();
    app.update(Input::WordDiffs(diffs));
    let [crate::view::Effect::Background(job)] = &app.effects[..] else {
        panic!("the measure sent off the loop: {:?}", app.effects);
    };
    let back = job.run();
    app.effects.clear();
    app.update(back);
    assert!(
        app.caches.docs.is_some(),
        "installed before the document view is asked for"
    );
    app.update(Input::Action(crate::keys::Action::ToggleDocument, 1));
    let ahead = documents(&mut app);
    app.background = false;
    app.caches.docs = None;
    assert_eq!(ahead, documents(&mut app));
    assert!(ahead.iter().any(|(_, changes)| !changes.is_empty()), "changes marked");
}

#[test]
fn documents_measured_from_marks_since_replaced_are_not_installed() {
    let mut app = session();
    let diffs = (*app.cmp.diffs).clone();
    app.update(Input::WordDiffs(diffs.clone()));
    let [crate::view::Effect::Background(job)] = &app.effects[..] else {
        panic!("the measure sent off the loop: {:?}", app.effects);
    };
    let job = job.clone();
    app.effects.clear();
    // New marks arrive (another comparison's, say) before the measure does.
    app.update(Input::WordDiffs(diffs));
    app.effects.clear();
    app.update(job.run());
    assert!(app.caches.docs.is_none(), "measured from the marks replaced");
}

/// Runs every piece of work sent off the loop and hands its result back.
fn run_background(app: &mut App) {
    while !app.effects.is_empty() {
        for effect in std::mem::take(&mut app.effects) {
            if let crate::view::Effect::Background(work) = effect {
                app.update(work.run());
            }
        }
    }
}

#[test]
fn a_search_goes_to_its_first_match_at_once_and_counts_every_row_off_the_loop() {
    let mut app = session();
    keys_typed(&mut app, "/法律⏎");
    assert!(
        app.current_match.is_some(),
        "gone to the first match without the counts"
    );
    assert!(app.counting_matches() && app.match_position().is_none());
    assert!(
        app.effects
            .iter()
            .any(|e| matches!(e, crate::view::Effect::Background(_))),
        "the counting sent off the loop"
    );
    run_background(&mut app);
    let counted = (app.match_counts().to_vec(), app.match_position());
    assert!(!app.counting_matches());
    // What the loop counts itself.
    app.background = false;
    app.caches.match_counts = None;
    app.match_counts_now();
    assert_eq!(counted, (app.match_counts().to_vec(), app.match_position()));
    assert!(counted.0.iter().sum::<usize>() > 1, "{:?}", counted.0);
    // Another filter: the counts of the one before are not shown while the new ones are made.
    app.background = true;
    app.update(Input::Action(crate::keys::Action::ToggleChangesOnly, 1));
    assert!(app.counting_matches() && app.match_position().is_none());
}

#[test]
fn counts_of_a_search_since_changed_are_not_installed() {
    let mut app = session();
    keys_typed(&mut app, "/法律⏎");
    let jobs: Vec<crate::view::Work> = std::mem::take(&mut app.effects)
        .into_iter()
        .filter_map(|e| match e {
            crate::view::Effect::Background(w) => Some(w),
            _ => None,
        })
        .collect();
    // The filter changes before the counts come back: they are of another search.
    app.update(Input::Action(crate::keys::Action::ToggleChangesOnly, 1));
    assert!(app.match_position().is_none(), "no count shown of the search before");
    for job in jobs {
        app.update(job.run());
    }
    assert!(app.counting_matches(), "still counting the search as it is now");
    run_background(&mut app);
    let counted = app.match_counts().to_vec();
    app.background = false;
    app.caches.match_counts = None;
    app.match_counts_now();
    assert_eq!(counted, app.match_counts());
}

/// The pair `old`, `new` at 120 × 30 columns, on the row labelled `label`.
fn on_row(old: &str, new: &str, label: &str) -> App {
    let mut app = crate::view::testing::app(old, new, 120, 30);
    let row = app.cmp.row_labelled(label).expect("the row");
    app.update(Input::Action(crate::keys::Action::NextRow, row));
    app
}

/// Runs what was sent off the loop, and checks that the row measured there is what the loop
/// measures itself.
fn assert_the_worker_measures_as_the_loop(app: &mut App) {
    run_background(app);
    let measured = app.layout_all().panes.clone();
    assert!(!measured[0][0].text().contains("laying out this row"));
    app.background = false;
    app.caches.row = None;
    assert_eq!(app.layout_all().panes, measured);
}

/// A pair of one row costing more than [`LONG_LAYOUT`] (both sides), in a terminal session, nothing laid
/// out yet.
fn long_row_session() -> App {
    let body = "全年提供法律咨询16次,审查合同35份。\n".repeat(7_000);
    let old = format!("某局2023年法治政府建设情况报告\n一、法律顾问\n{body}");
    let new = old.replacen("16次", "17次", 1).replace("2023年", "2024年");
    let mut app = on_row(&old, &new, "法律顾问");
    assert!(row_cost(&app.cmp.alignment.rows[app.row]) > LONG_LAYOUT);
    app.background = true;
    app.caches.row = None;
    app
}

fn first_line(app: &mut App) -> String {
    app.layout_now().panes[0]
        .get(0)
        .map(crate::view::lines::Line::text)
        .unwrap_or_default()
}

#[test]
fn a_long_row_is_measured_off_the_loop_one_at_a_time_and_shows_a_line_meanwhile() {
    let mut app = long_row_session();
    app.update(Input::Resize { width: 120, height: 30 });
    assert!(
        first_line(&mut app).contains("laying out this row"),
        "{}",
        first_line(&mut app)
    );
    assert_eq!(app.effects.len(), 1, "the row sent off the loop");
    let first = std::mem::take(&mut app.effects);
    // Narrower while it is measured: nothing more is sent until it is back.
    app.update(Input::Resize { width: 100, height: 30 });
    assert!(app.effects.is_empty(), "{:?}", app.effects);
    for effect in first {
        if let crate::view::Effect::Background(work) = effect {
            app.update(work.run());
        }
    }
    // Measured for 120 columns, it is not shown at 100: the row is sent again, as it is now.
    assert!(first_line(&mut app).contains("laying out this row"));
    assert_the_worker_measures_as_the_loop(&mut app);
}

#[test]
fn a_row_of_many_short_lines_costs_its_lines_and_is_measured_off_the_loop() {
    // Far under the bytes of a long row of prose, but 60,000 lines to measure.
    let body = "法律\n".repeat(30_000);
    let old = format!("某局2023年法治政府建设情况报告\n一、法律顾问\n{body}");
    let new = old.replacen("法律\n", "法规\n", 1).replace("2023年", "2024年");
    let mut app = on_row(&old, &new, "法律顾问");
    let r = &app.cmp.alignment.rows[app.row];
    assert!(r.text_len() < LONG_LAYOUT / 2, "{}", r.text_len());
    assert!(row_cost(r) > LONG_LAYOUT, "{}", row_cost(r));
    app.background = true;
    app.caches.row = None;
    app.update(Input::Resize { width: 120, height: 30 });
    assert!(
        first_line(&mut app).contains("laying out this row"),
        "{}",
        first_line(&mut app)
    );
    assert_the_worker_measures_as_the_loop(&mut app);
}

/// A pair large enough to measure its documents off the loop, in a terminal session, the word
/// marks in and nothing measured ahead yet; on row 法律顾问.
fn large_documents_session() -> App {
    let body = "全年提供法律咨询16次,审查合同35份。\n".repeat(400);
    let old = format!("某局2023年法治政府建设情况报告\n一、学法普法\n{body}二、法律顾问\n{body}");
    let new = old.replacen("16次", "17次", 3).replace("2023年", "2024年");
    let mut app = on_row(&old, &new, "法律顾问");
    app.background = true;
    app.caches.large = Some(true);
    app
}

fn first_doc_line(app: &mut App, pane: usize) -> String {
    let top = app.scroll[pane];
    app.docs_now()[pane]
        .lines
        .get(top)
        .map(crate::view::lines::Line::text)
        .unwrap_or_default()
}

#[test]
fn the_document_view_asked_for_before_its_measure_shows_a_line_and_waits_for_the_worker() {
    let mut app = large_documents_session();
    app.update(Input::Action(crate::keys::Action::ToggleDocument, 1));
    assert!(
        first_doc_line(&mut app, 0).contains("laying out the reports"),
        "{}",
        first_doc_line(&mut app, 0)
    );
    assert_eq!(app.effects.len(), 1, "the reports sent off the loop: {:?}", app.effects);
    let first = std::mem::take(&mut app.effects);
    // Narrower while they are measured: nothing more is sent until they are back.
    app.update(Input::Resize { width: 100, height: 30 });
    assert!(app.effects.is_empty(), "{:?}", app.effects);
    for effect in first {
        if let crate::view::Effect::Background(work) = effect {
            app.update(work.run());
        }
    }
    // Measured for 120 columns, not shown at 100: sent again as the view is now.
    assert!(first_doc_line(&mut app, 0).contains("laying out the reports"));
    run_background(&mut app);
    let arrived = documents(&mut app);
    let scroll = app.scroll;
    assert!(scroll[0] > 0, "gone to the row it was opened on: {scroll:?}");
    // What the loop measures itself, and where it goes.
    app.background = false;
    app.caches.docs = None;
    app.show_row_in_documents();
    assert_eq!(arrived, documents(&mut app));
    assert_eq!(scroll, app.scroll);
}
