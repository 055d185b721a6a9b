//! The library's stages on the fixtures, through the public API.

use duibi::align::PassageKind;
use duibi::compare::Comparison;
use duibi::diff::{CharTokenizer, Mark};
use duibi::load::{LoadOptions, load};
use duibi::outline::{Document, outline};
use duibi::topics::Taxonomy;

use crate::util::fixture;

fn doc(name: &str) -> Document {
    outline(&load(&fixture(&format!("reports/styles/{name}")), &LoadOptions::default()).expect("loads"))
}

#[test]
fn every_heading_style_gets_its_level() {
    let d = doc("left.txt");
    let shape: Vec<(usize, &str)> = d
        .walk()
        .into_iter()
        .map(|id| (d.section(id).level(), d.section(id).number.as_str()))
        .collect();
    assert_eq!(
        shape,
        [
            (1, "一、"),
            (2, "（一）"),
            (3, "一是"),
            (3, "二是"),
            (3, "三是"),
            (2, "(二)"),
            (3, "(1)"),
            (3, "(2)"),
            (1, "二、"),
            (2, "1."),
            (2, "2、"),
            (2, "3."),
            (3, "①"),
            (3, "②"),
            (1, "三、"),
            (1, "四、"),
            (2, "一是"),
            (2, "二是"),
            (1, "五、"),
            (2, "一是"),
            (2, "二是"),
        ]
    );
    let spaced = d
        .walk()
        .into_iter()
        .map(|id| d.section(id))
        .find(|s| s.number == "3.")
        .unwrap();
    assert_eq!(spaced.heading, "加强执法队伍建设");
    assert_eq!(spaced.heading_line, "3 .加强执法 队伍 建设。");
}

#[test]
fn hard_line_break_is_joined_and_debris_dropped() {
    let d = doc("left.txt");
    let id = d.walk().into_iter().find(|&id| d.section(id).number == "(二)").unwrap();
    assert_eq!(
        d.paragraphs(id)[0].text,
        "严格执行规范性文件合法性审查制度,全年制定规范性文件3件,均已报送备案。"
    );
    assert_eq!(d.date.as_deref(), Some("2022年1月18日"));
    let all: String = d.walk().into_iter().map(|id| d.full_text(id)).collect();
    assert!(!all.contains("下一篇") && !all.contains("留言"));
}

fn comparison() -> (Comparison, Taxonomy) {
    let tax = Taxonomy::builtin();
    let mut c = Comparison::build(doc("left.txt"), doc("right.txt"), &tax);
    c.diff_all(&CharTokenizer, std::time::Duration::from_secs(5));
    (c, tax)
}

#[test]
fn legal_counsel_is_found_as_section_and_as_buried_sentence() {
    let (c, tax) = comparison();
    let row = &c.alignment.rows[c.row_of(tax.find("legal_counsel").unwrap()).unwrap()];
    // 三、法律顾问和复议应诉 names two topics: its heading line stands in one of their rows (every
    // sentence is shown once), each sentence of its paragraph in the row of its own topic.
    assert!(
        row.passages
            .left
            .iter()
            .any(|p| p.kind == PassageKind::Sentences && p.text.starts_with("聘请律师担任法律顾问"))
    );
    let disputes = &c.alignment.rows[c.row_of(tax.find("disputes").unwrap()).unwrap()];
    let heading_in = |r: &duibi::align::Row| {
        r.passages
            .left
            .iter()
            .any(|p| p.text.contains("三、法律顾问和复议应诉"))
    };
    assert!(
        heading_in(row) != heading_in(disputes),
        "the heading in one of the two rows"
    );
    assert!(disputes.passages.left.iter().any(|p| p.text.contains("全年无行政复议")));
    assert!(
        disputes.passages.left.iter().all(|p| !p.text.contains("审查合同")),
        "the counsel sentence stays out"
    );
    let buried = row
        .passages
        .right
        .iter()
        .find(|p| p.text.contains("法律顾问"))
        .expect("in the right report");
    assert_eq!(buried.kind, PassageKind::Sentences);
    assert_eq!(buried.path.headings(), ["二、完善制度体系", "(二)重大行政决策"]);
}

#[test]
fn enforcement_and_normative_rows_hold_both_sides() {
    let (c, tax) = comparison();
    for id in ["enforcement", "normative_docs"] {
        let row = &c.alignment.rows[c.row_of(tax.find(id).unwrap()).unwrap()];
        assert!(!row.passages.left.is_empty() && !row.passages.right.is_empty(), "{id}");
        assert!(row.similarity > 0.3, "{id}: {}", row.similarity);
    }
}

#[test]
fn reordered_items_are_moves_and_figures_changes() {
    let (c, tax) = comparison();
    let i = c.row_of(tax.find("next_steps").unwrap()).unwrap();
    let d = &c.diffs[i];
    assert!(d.links.iter().any(|l| l.moved), "swapped items are a move");
    assert!(d.spans.right.iter().flatten().any(|s| s.mark == Mark::Moved));
    let e = c.row_of(tax.find("enforcement").unwrap()).unwrap();
    let figures: Vec<(&str, &str)> = c.diffs[e]
        .figures
        .iter()
        .map(|f| (f.before.as_str(), f.after.as_str()))
        .collect();
    assert!(
        figures.contains(&("5次", "8次")) && figures.contains(&("20家", "31家")),
        "{figures:?}"
    );
}

#[test]
fn marks_never_cut_a_character_and_cover_only_their_passage() {
    let (c, _) = comparison();
    for (row, d) in c.alignment.rows.iter().zip(c.diffs.iter()) {
        for (passages, marks) in [
            (&row.passages.left, &d.spans.left),
            (&row.passages.right, &d.spans.right),
        ] {
            for (p, spans) in passages.iter().zip(marks.iter()) {
                let mut end = 0;
                for s in spans {
                    assert!(s.range().start >= end && s.range().end <= p.text.len());
                    assert!(p.text.is_char_boundary(s.range().start) && p.text.is_char_boundary(s.range().end));
                    end = s.range().end;
                }
            }
        }
    }
}
