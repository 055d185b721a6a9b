//! The side-by-side layout's unit tests.

use super::*;
use crate::stock::StockPhrases;
use crate::view::testing::{diff, opts, row, text_of, texts};
use std::ops::Range;
use std::sync::Arc;

#[test]
fn an_edited_sentence_is_struck_left_and_added_right_on_one_line() {
    let r = row(&["全年提供法律咨询16次。"], &["全年提供法律咨询119次。"]);
    let l = side_by_side(&r, &diff(&r), [40, 40], &opts());
    assert_eq!(l.panes[0].len(), l.panes[1].len(), "panes stay level");
    let [left, right] = [&l.panes[0], &l.panes[1]];
    assert!(left[0].text().starts_with('◀') && right[0].text().starts_with('▶'));
    assert_eq!(text_of(&left[1], Look::Deleted), "16次", "a figure changes whole");
    assert_eq!(text_of(&right[1], Look::Inserted), "119次");
    assert!(right[1].segs.iter().any(|s| s.figure && s.text == "119次"));
    assert_eq!(l.changes.len(), 1, "one change: the sentence rewritten");
    assert_eq!(l.changes[0].line, 1, "on the sentence, under its passage's header");
    let marks: Vec<_> = l.changes[0].marks.iter().collect();
    assert_eq!(marks, [(0, 1..2), (1, 1..2)], "both copies marked");
}

#[test]
fn swapped_panes_show_the_right_report_first_as_the_old_one() {
    let r = row(&["旧的一句。"], &["新的一句。"]);
    let o = Options {
        swapped: true,
        ..opts()
    };
    let l = side_by_side(&r, &diff(&r), [40, 40], &o);
    assert!(l.panes[0][1].text().contains("新的"), "{:?}", texts(&l.panes[0]));
    assert!(l.panes[0][0].text().starts_with('◀'), "arrows follow the panes");
    assert_eq!(text_of(&l.panes[0][1], Look::Deleted), "新");
    assert_eq!(text_of(&l.panes[1][1], Look::Inserted), "旧");
}

#[test]
fn changes_only_folds_unchanged_sentences_and_counts_them() {
    let r = row(&["不变一。不变二。改前。"], &["不变一。不变二。改后。"]);
    let o = Options {
        filter: Filter::Changes,
        ..opts()
    };
    let l = side_by_side(&r, &diff(&r), [40, 40], &o);
    let left = texts(&l.panes[0]);
    assert_eq!(left[0], "⋯ 2 句未变 ⋯", "{left:?}");
    assert!(left.iter().any(|t| t.contains("改前")));
    assert!(
        left.iter().any(|t| t.starts_with('◀')),
        "the change brings its passage's header"
    );
}

#[test]
fn new_only_shows_what_the_right_report_adds_or_rewrites_and_folds_the_rest() {
    let r = row(
        &["这一句两年都一样。这句只在去年报告里。全年提供法律咨询十六次。挪动位置的这一句。"],
        &["挪动位置的这一句。这一句两年都一样。全年提供法律咨询二十次。今年新增一项工作。"],
    );
    let o = Options {
        filter: Filter::New,
        ..opts()
    };
    let l = side_by_side(&r, &diff(&r), [40, 40], &o);
    let [left, right] = [texts(&l.panes[0]), texts(&l.panes[1])];
    assert!(right.iter().any(|t| t.contains("二十次")), "{right:?}");
    assert!(
        left.iter().any(|t| t.contains("十六次")),
        "a rewrite keeps its old wording beside it"
    );
    assert!(right.iter().any(|t| t.contains("今年新增")));
    for gone in ["两年都一样", "只在去年", "挪动位置"] {
        assert!(
            !left.iter().chain(&right).any(|t| t.contains(gone)),
            "{gone} folds: {left:?}"
        );
    }
    assert!(
        left.iter().any(|t| t.contains("句删去")) && left.iter().any(|t| t.contains("句未变")),
        "what folds is counted as what it is: {left:?}"
    );
    // Changes only keeps the dropped sentence.
    let changes = side_by_side(
        &r,
        &diff(&r),
        [40, 40],
        &Options {
            filter: Filter::Changes,
            ..opts()
        },
    );
    assert!(texts(&changes.panes[0]).iter().any(|t| t.contains("只在去年")));
}

#[test]
fn stock_wording_is_flagged_outside_the_changes_only() {
    let stock = StockPhrases::builtin(&crate::topics::Taxonomy::builtin());
    let r = row(
        &["我局高度重视，聘请律师2名。"],
        &["我局高度重视，切实加强管理，聘请律师3名。"],
    );
    let o = Options {
        stock: Some(Dimmed(Arc::new(stock))),
        ..opts()
    };
    let l = side_by_side(&r, &diff(&r), [60, 60], &o);
    let right = &l.panes[1][1];
    let stock = |line: &Line| -> Vec<(String, Look)> {
        line.segs
            .iter()
            .filter(|s| s.stock)
            .map(|s| (s.text.clone(), s.look))
            .collect()
    };
    assert_eq!(
        stock(right),
        [("高度重视".to_string(), Look::Plain)],
        "stock wording inside an insertion is not toned down: {right:?}"
    );
    assert_eq!(
        text_of(right, Look::Inserted),
        "切实加强管理，3名",
        "the change is as marked as before"
    );
    let plain = side_by_side(&r, &diff(&r), [60, 60], &opts());
    assert!(
        stock(&plain.panes[1][1]).is_empty(),
        "nothing is toned down unless asked"
    );
}

#[test]
fn a_report_without_the_topic_says_so() {
    let r = row(&[], &["只有右边。"]);
    let l = side_by_side(&r, &diff(&r), [40, 40], &opts());
    assert_eq!(l.panes[0][0].text(), format!("◀ {ABSENT}"));
    assert_eq!(text_of(&l.panes[1][1], Look::Inserted), "只有右边。");
}

#[test]
fn a_renumbered_heading_is_dimmed_unless_numbering_is_shown() {
    let r = row(&["二、法律顾问"], &["三、法律顾问"]);
    let d = diff(&r);
    let l = side_by_side(&r, &d, [40, 40], &opts());
    assert_eq!(text_of(&l.panes[1][1], Look::Dim), "三、");
    assert!(l.changes.is_empty(), "numbering alone is not a change");
    let shown = side_by_side(
        &r,
        &d,
        [40, 40],
        &Options {
            numbering: true,
            ..opts()
        },
    );
    assert_eq!(text_of(&shown.panes[1][1], Look::Inserted), "三、");
}

#[test]
fn before_word_marks_the_text_is_plain() {
    let r = row(&["甲。"], &["乙。"]);
    let l = side_by_side(&r, &diff(&r), [40, 40], &Options { marks: false, ..opts() });
    assert!(
        l.panes
            .iter()
            .flatten()
            .flat_map(|l| &l.segs)
            .all(|s| s.look != Look::Deleted && s.look != Look::Inserted)
    );
}

#[test]
fn search_matches_are_every_occurrence_an_unchanged_sentence_once() {
    let r = row(&["第一句。\n第二句法律顾问。"], &["第一句。\n第二句法律顾问。"]);
    let o = Options {
        query: Some("法律顾问".into()),
        ..opts()
    };
    let l = side_by_side(&r, &diff(&r), [40, 40], &o);
    assert_eq!(l.matches.len(), 1, "one place of both reports");
    let (line, id) = l.matches[0];
    for pane in &l.panes {
        assert!(
            pane[line]
                .segs
                .iter()
                .any(|s| s.matched == Some(id) && s.text == "法律顾问")
        );
    }
    // Two matches on one line are two, whatever the width.
    let r = row(&["法律顾问和法律顾问。"], &["法律顾问与法律顾问。"]);
    for width in [12, 40, 80] {
        let l = side_by_side(&r, &diff(&r), [width, width], &o);
        assert_eq!(l.matches.len(), 4, "at {width} columns");
    }
}

/// The demo pairs' and the styles fixture's rows, diffed character by character, with every way of
/// laying them out.
fn demo_rows() -> (Vec<(Row, RowDiff)>, Vec<Options>) {
    use crate::compare::Comparison;
    use crate::load::SourceText;
    use crate::outline::outline;
    use crate::topics::Taxonomy;
    let doc = |t: &str| outline(&SourceText::from_bytes("t.txt", t.as_bytes()).expect("decodes"));
    let mut rows = Vec::new();
    for (l, r) in [
        (
            include_str!("../../../examples/reports/demo-2023.txt"),
            include_str!("../../../examples/reports/demo-2024.txt"),
        ),
        (
            include_str!("../../../examples/reports/demo-2022.txt"),
            include_str!("../../../examples/reports/demo-2024.txt"),
        ),
        // The fixture pair written in every numbering style.
        (
            include_str!("../../../tests/fixtures/reports/styles/left.txt"),
            include_str!("../../../tests/fixtures/reports/styles/right.txt"),
        ),
    ] {
        let cmp = Comparison::build(doc(l), doc(r), &Taxonomy::builtin());
        let diffs = cmp.word_diffs(&crate::diff::CharTokenizer, std::time::Duration::from_secs(5));
        rows.extend(cmp.alignment.rows.iter().cloned().zip(diffs));
    }
    let mut options = Vec::new();
    for filter in [Filter::All, Filter::Changes, Filter::New] {
        for (swapped, query) in [(false, None), (true, Some("法")), (false, Some("法律顾问"))] {
            options.push(Options {
                filter,
                swapped,
                query: query.map(str::to_string),
                ..opts()
            });
        }
    }
    (rows, options)
}

/// A layout measured whole and built only over a window (`windowed`) against the same built whole
/// (`full`): the same changes, matches (found on the measure as they were found on built lines) and
/// line count; the window's lines alike; and the rest alike once `fill` builds them, in steps.
fn assert_windows_alike(
    label: &str,
    full: &RowLayout,
    windowed: impl Fn(&Range<usize>) -> RowLayout,
    fill: impl Fn(&mut RowLayout, Option<&Range<usize>>),
) {
    let mut scanned = RowLayout {
        matches: Vec::new(),
        ..full.clone()
    };
    scanned.collect_matches();
    assert_eq!(full.matches, scanned.matches, "{label}: matches by measure as by scan");
    let n = full.panes[0].len();
    for window in [0..3, n / 3..n / 3 + 7, n.saturating_sub(4)..n + 5] {
        let lazy = windowed(&window);
        assert_eq!(lazy.changes, full.changes, "{label}");
        assert_eq!(lazy.matches, full.matches, "{label}");
        let shown = window.start.min(n)..window.end.min(n);
        for (p, pane) in lazy.panes.iter().enumerate() {
            assert_eq!(pane.len(), n, "{label}: every line counted");
            assert!(
                pane.range(shown.clone()).eq(full.panes[p].range(shown.clone())),
                "{label} pane {p}, {window:?}"
            );
        }
        // Lines built later, for another window, are the whole layout's too.
        let mut later = lazy.clone();
        fill(&mut later, Some(&(n / 2..n / 2 + 3)));
        fill(&mut later, None);
        assert_eq!(later.panes, full.panes, "{label}: built in steps");
    }
}

#[test]
fn a_window_builds_its_lines_as_the_whole_layout_and_measures_the_rest_alike() {
    let (rows, options) = demo_rows();
    for (row, d) in &rows {
        for o in &options {
            for widths in [[17, 23], [40, 40], [70, 90]] {
                assert_windows_alike(
                    &row.label,
                    &side_by_side(row, d, widths, o),
                    |w| side_by_side_in(row, d, widths, o, Some(w)),
                    |l, w| l.fill(row, d, widths, o, w),
                );
            }
        }
    }
}

#[test]
fn an_inline_window_builds_its_lines_as_the_whole_layout_and_measures_the_rest_alike() {
    use crate::view::inline::{inline, inline_in};
    let (rows, options) = demo_rows();
    for (row, d) in &rows {
        for o in &options {
            for width in [17, 40, 90] {
                assert_windows_alike(
                    &row.label,
                    &inline(row, d, width, o),
                    |w| inline_in(row, d, width, o, Some(w)),
                    |l, w| l.fill(row, d, [width, width], o, w),
                );
            }
        }
    }
}

#[test]
fn another_search_on_a_measured_row_lays_it_out_as_made_afresh() {
    use crate::view::inline::{inline, inline_in};
    let (rows, options) = demo_rows();
    let queries = [None, Some("法"), Some("法律顾问"), Some("不在其中")];
    for (row, d) in &rows {
        for o in &options {
            for before in queries {
                let earlier = Options {
                    query: before.map(str::to_string),
                    ..o.clone()
                };
                for widths in [[17, 23], [70, 90]] {
                    let label = format!("{} {before:?} -> {:?} at {widths:?}", row.label, o.query);
                    // Side by side: measured for the earlier search, a window built.
                    let mut l = side_by_side_in(row, d, widths, &earlier, Some(&(0..5)));
                    assert!(l.relook(row, d, widths, o), "{label}");
                    l.fill(row, d, widths, o, None);
                    let fresh = side_by_side(row, d, widths, o);
                    assert_eq!(
                        (&l.panes, &l.matches, &l.changes),
                        (&fresh.panes, &fresh.matches, &fresh.changes),
                        "{label}"
                    );
                    // Inline, the same.
                    let mut l = inline_in(row, d, widths[0], &earlier, Some(&(0..5)));
                    assert!(l.relook(row, d, [widths[0]; 2], o), "{label} inline");
                    l.fill(row, d, [widths[0]; 2], o, None);
                    let fresh = inline(row, d, widths[0], o);
                    assert_eq!(
                        (&l.panes, &l.matches, &l.changes),
                        (&fresh.panes, &fresh.matches, &fresh.changes),
                        "{label} inline"
                    );
                }
            }
        }
    }
}

#[test]
fn a_header_is_one_line_that_keeps_its_nearest_heading() {
    use crate::view::width::str_width;
    let (rows, _) = demo_rows();
    let mut shortened = 0;
    for (row, d) in &rows {
        for width in [16usize, 30, 60] {
            let l = side_by_side(row, d, [width, width], &opts());
            for pane in &l.panes {
                for line in pane.iter().filter(|l| l.segs.iter().any(|s| s.look == Look::Header)) {
                    let text = line.text();
                    assert!(str_width(&text) <= width, "{text} in {width}");
                    assert_eq!(line.segs.len(), 1, "a header line holds the header alone: {text}");
                    if text.contains("… › ") {
                        shortened += 1;
                    }
                }
            }
        }
    }
    assert!(shortened > 0, "some heading path is shortened from the top");
}

#[test]
fn a_plan_holds_its_items_in_one_list_and_a_plain_item_stays_small() {
    // A row of a whole report has a chunk a sentence: its plan must not allocate per chunk, nor
    // carry a pointer's or line starts' room in every item.
    assert!(std::mem::size_of::<Item>() <= 24, "{}", std::mem::size_of::<Item>());
    let r = row(
        &["全年提供法律咨询16次。审查合同35份。", "聘请律师2名。"],
        &["全年提供法律咨询119次。审查合同35份。", "新增一句。"],
    );
    let l = measure_side_by_side(&r, &diff(&r), [40, 40], &opts());
    let plan = l.plan.as_ref().expect("measured");
    let used: usize = plan
        .chunks
        .iter()
        .filter(|c| c.part.start == 0)
        .flat_map(|c| c.panes.clone())
        .map(|r| r.len())
        .sum();
    assert_eq!(used, plan.items.len(), "every item belongs to one chunk's pane");
}

#[test]
fn a_change_holds_its_lines_in_place() {
    // A row has a change a sentence: 32 bytes and a list of its own on the heap before.
    assert!(
        std::mem::size_of::<ChangeAt>() <= 48,
        "{}",
        std::mem::size_of::<ChangeAt>()
    );
    let mut marks = Marked::default();
    marks.push(1, 3..5);
    marks.push(0, 7..8);
    assert_eq!(marks.iter().collect::<Vec<_>>(), [(1, 3..5), (0, 7..8)]);
}
