//! One truth on every screen: the same pair gives the same numbers in `compare` (text, JSON,
//! Markdown), in `compare` of a series, in the sidebar, the status line, the overview and the
//! document view, and none of them depends on the terminal's size.

use std::path::PathBuf;

use duibi::keys::{Action, Key, KeyCode};
use duibi::view::{App, Input};

use crate::util::{app_of, duibi, stdout_of};

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/changes/dev")
        .join(name)
}

const PAIRS: [(&str, &str); 3] = [
    ("market-2023.txt", "market-2024.txt"),
    ("science-2018.txt", "science-2019.txt"),
    ("labour-2022.txt", "labour-2023.txt"),
];

/// `changes · +inserted −deleted` as a summary line says them.
fn totals(line: &str) -> String {
    let start = line
        .find(" changes")
        .map(|i| line[..i].rfind(' ').map_or(0, |j| j + 1))
        .expect("changes");
    let end = line[start..].find(" ↔").map_or(line.len(), |i| start + i);
    line[start..end].to_string()
}

#[test]
fn compare_of_two_and_of_a_series_count_a_pair_alike() {
    for (a, b) in PAIRS {
        let two = stdout_of(duibi().arg("compare").arg(sample(a)).arg(sample(b)));
        let json: serde_json::Value = serde_json::from_str(&stdout_of(
            duibi()
                .args(["compare", "--format", "json"])
                .arg(sample(a))
                .arg(sample(b)),
        ))
        .expect("json");
        let summary = &json["summary"];
        let rows_sum: u64 = json["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["stats"]["changes"].as_u64().unwrap())
            .sum();
        let overview_sum: u64 = json["overview"]["rows"]
            .as_array()
            .expect("overview")
            .iter()
            .map(|r| r["changes"].as_u64().unwrap())
            .sum();
        assert_eq!(
            summary["changes"].as_u64(),
            Some(rows_sum),
            "{a}: rows add up to the total"
        );
        assert_eq!(rows_sum, overview_sum, "{a}: the overview counts the rows' changes");
        let text_totals = totals(two.lines().nth(2).expect("summary line"));
        assert_eq!(
            text_totals,
            format!(
                "{} changes · +{} −{}",
                summary["changes"], summary["inserted"], summary["deleted"]
            ),
            "{a}: text and JSON"
        );
        // The same pair inside a series of three (the pair and a third report of the same unit).
        let series = stdout_of(duibi().arg("compare").arg(sample(a)).arg(sample(b)).arg(sample(b)));
        let line = series
            .lines()
            .find(|l| l.contains("→") && l.contains("changes"))
            .unwrap_or_else(|| panic!("{series}"));
        assert_eq!(totals(line), text_totals, "{a}: compare of two and of a series");
        let md = stdout_of(
            duibi()
                .args(["compare", "--format", "markdown"])
                .arg(sample(a))
                .arg(sample(b)),
        );
        assert!(
            md.contains(&format!("{} changes", summary["changes"])),
            "{a}: markdown: {md}"
        );
    }
}

fn app(a: &str, b: &str, width: u16) -> App {
    let read = |n: &str| std::fs::read_to_string(sample(n)).expect("sample");
    let mut app = app_of(&read(a), &read(b));
    app.update(Input::Resize { width, height: 40 });
    app
}

/// Every row of `app` counts as many changes in the status line as its diff does, and `}` visits
/// each once, the number in the status line in step.
pub(crate) fn steps_through_every_change(app: &mut App, what: &str) {
    for row in 0..app.rows() {
        app.update(Input::Action(Action::NextRow, 0));
        while app.row() < row {
            app.update(Input::Action(Action::NextRow, 1));
        }
        let counted = app.cmp().diffs[row].stats.changes;
        assert_eq!(app.change_position().1, counted, "{what} row {row}");
        let mut seen = vec![app.change_position().0];
        for _ in 0..counted + 1 {
            app.update(Input::Action(Action::NextChange, 1));
            if app.row() != row {
                break;
            }
            seen.push(app.change_position().0);
        }
        seen.dedup();
        let expected: Vec<usize> = (seen[0]..=counted).collect();
        assert_eq!(seen, expected, "{what} row {row}");
        app.update(Input::Action(Action::GotoTop, 1));
        while app.row() > row {
            app.update(Input::Action(Action::PrevRow, 1));
        }
    }
}

#[test]
fn every_row_steps_through_as_many_changes_as_it_counts_at_every_width() {
    for (a, b) in PAIRS {
        for width in [80, 120, 200] {
            steps_through_every_change(&mut app(a, b, width), &format!("{a} at {width} columns"));
        }
    }
}

/// A sentence dropped where another is added, on the same lines side by side, is two changes, as
/// the counts say: `}` stops at each, the dropped one and then the added one.
#[test]
fn a_dropped_and_an_added_sentence_side_by_side_are_two_stops() {
    // In the opening the two are the row's first sentences, on the line the view opens on.
    let left = "全年共办理行政许可事项三百余件。\n一、法律顾问\n聘请法律顾问2名。全年审查合同10份。\n二、行政执法\n开展执法检查5次。\n\
                持证执法人员达到40人。\n三、学法普法\n组织集中学法4次。\n";
    let right = "今年以来我局紧紧围绕中心任务推进改革。\n一、法律顾问\n聘请法律顾问2名。组织开展普法宣传活动多次。\n二、行政执法\n\
                 推行执法全过程记录制度。\n持证执法人员达到40人。\n三、学法普法\n邀请专家举办讲座2期。\n";
    for width in [80, 160] {
        let mut app = app_of(left, right);
        app.update(Input::Resize { width, height: 40 });
        let counted: Vec<usize> = app.cmp().diffs.iter().map(|d| d.stats.changes).collect();
        assert!(
            counted.iter().all(|&n| n == 2),
            "one dropped and one added sentence a row: {counted:?}"
        );
        steps_through_every_change(&mut app, &format!("at {width} columns"));
    }
}

#[test]
fn the_document_view_and_search_count_alike_at_every_width() {
    let (a, b) = PAIRS[0];
    let mut seen = Vec::new();
    for width in [80, 120, 200] {
        let mut app = app(a, b, width);
        app.update(Input::Key(Key::char('d')));
        let left = app.change_position().1;
        app.update(Input::Action(Action::FocusRight, 1));
        let right = app.change_position().1;
        app.update(Input::Key(Key::char('d')));
        for c in "/法律".chars() {
            app.update(Input::Key(Key::char(c)));
        }
        app.update(Input::Key(Key::plain(KeyCode::Enter)));
        let (first, total) = app.match_position().expect("a search");
        assert_eq!(first, 1);
        // `n` visits every match once, two on one line as two.
        let mut positions = vec![first];
        for _ in 1..total {
            app.update(Input::Action(Action::SearchNext, 1));
            positions.push(app.match_position().expect("search").0);
        }
        assert_eq!(positions, (1..=total).collect::<Vec<_>>(), "at {width} columns");
        seen.push((left, right, total));
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:?}");
    assert!(seen[0].0 > 0 && seen[0].1 > 0);
}

#[test]
fn a_row_opened_from_the_overview_is_on_its_first_change() {
    let (a, b) = PAIRS[0];
    let mut app = app(a, b, 160);
    app.update(Input::Key(Key::char('o')));
    // Down to the first row with changes, and open it.
    for _ in 0..app.rows() {
        app.update(Input::Action(Action::ScrollDown, 1));
        app.update(Input::Key(Key::plain(KeyCode::Enter)));
        if app.change_position().1 > 0 {
            break;
        }
        app.update(Input::Key(Key::char('o')));
    }
    let (k, n) = app.change_position();
    assert!(n > 0);
    assert_eq!(k, 1, "change 1/{n}, not 0/{n}");
    assert_eq!(app.current_change(), Some(0), "under the change cursor");
}

/// A comparison whose word diff ran out of its time budget says so in every output, with how many
/// rows were compared sentence by sentence; one that did not says nothing.
#[test]
fn every_output_says_when_the_word_diff_ran_out_of_time() {
    use duibi::compare::Comparison;
    use duibi::diff::JiebaTokenizer;
    use duibi::load::SourceText;
    use duibi::outline::outline;
    use duibi::topics::Taxonomy;
    let tax = Taxonomy::builtin();
    let doc = |name: &str| {
        let bytes = std::fs::read(sample(name)).expect("sample");
        outline(&SourceText::from_bytes(name, &bytes).expect("reads"))
    };
    for (budget, cut) in [
        (std::time::Duration::ZERO, true),
        (std::time::Duration::from_secs(60), false),
    ] {
        let mut c = Comparison::build(doc("market-2023.txt"), doc("market-2024.txt"), &tax);
        let tokenizer = JiebaTokenizer::new();
        c.diff_all(&tokenizer, budget);
        let rows = c.coarse_rows();
        assert_eq!(rows > 0, cut, "budget {budget:?}");
        let mut text = String::new();
        duibi::render::text::compare_to(&mut text, &c.digest(), &tax, false);
        let json: serde_json::Value = serde_json::from_str(&duibi::render::json::compare(&c, &tax)).expect("json");
        let mut md = String::new();
        duibi::render::markdown::compare_to(&mut md, &c.digest(), &tax);
        let said = format!("{rows} rows compared sentence by sentence");
        assert_eq!(text.contains(&said), cut, "{text}");
        assert_eq!(md.contains(&said), cut, "{md}");
        assert_eq!(json["summary"]["coarse_rows"], rows, "{}", json["summary"]);
    }
}
