use super::coverage::{Cell, Coverage};
use super::figures::Figures;
use super::*;
use crate::load::SourceText;
use crate::outline::outline;

const REPORTS: [(&str, &str); 5] = [
    ("demo-2025.txt", include_str!("../../examples/reports/demo-2025.txt")),
    (
        "sample-market-2024.txt",
        include_str!("../../examples/reports/sample-market-2024.txt"),
    ),
    ("demo-2023.txt", include_str!("../../examples/reports/demo-2023.txt")),
    ("demo-2022.txt", include_str!("../../examples/reports/demo-2022.txt")),
    ("demo-2024.txt", include_str!("../../examples/reports/demo-2024.txt")),
];

fn series(names: &[&str]) -> (Series, Taxonomy) {
    let tax = Taxonomy::builtin();
    let reports = REPORTS
        .iter()
        .filter(|(n, _)| names.contains(n))
        .map(|(n, text)| {
            Report::new(
                outline(&SourceText::from_bytes(*n, text.as_bytes()).expect("reads")),
                &tax,
            )
        })
        .collect();
    (Series::new(reports), tax)
}

const ONE_BUREAU: [&str; 4] = ["demo-2022.txt", "demo-2023.txt", "demo-2024.txt", "demo-2025.txt"];

#[test]
fn reports_are_ordered_by_year_then_unit() {
    let (s, _) = series(&REPORTS.map(|r| r.0));
    let names: Vec<String> = s.reports.iter().map(|r| r.doc.file.clone()).collect();
    assert_eq!(
        names,
        // 2024: 样例区… before 示例市… (the units' order)
        [
            "demo-2022.txt",
            "demo-2023.txt",
            "sample-market-2024.txt",
            "demo-2024.txt",
            "demo-2025.txt"
        ]
    );
}

#[test]
fn coverage_shows_a_topic_disappearing_and_what_was_copied() {
    let (s, tax) = series(&ONE_BUREAU);
    let c = Coverage::new(&s, &tax);
    let row = |id: &str| c.topics.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("{id}"));
    let counsel: Vec<bool> = row("legal_counsel").cells.iter().map(Cell::covered).collect();
    assert_eq!(counsel, [true, true, true, false], "法律顾问 is gone in 2025");
    let openness: Vec<bool> = row("oversight").cells.iter().map(Cell::covered).collect();
    assert_eq!(openness[..2], [false, false], "政务公开 comes in 2024");
    assert!(openness[2] && openness[3]);
    // The first report copies nothing; 2025 repeats 2024's 行政执法三项制度 sentence word for word.
    assert_eq!(c.totals[0].copied, None);
    let enforcement = &row("enforcement").cells[3];
    assert!(enforcement.copied.is_some_and(|n| n >= 1), "{enforcement:?}");
    assert!(enforcement.new_sentences() >= 1, "包容审慎监管 is new: {enforcement:?}");
    assert!(c.totals[3].copied.unwrap() < c.totals[3].sentences);
    // 法律顾问 said in 2024 and nowhere in 2025 counts as dropped.
    assert!(row("legal_counsel").cells[3].dropped.is_some_and(|n| n >= 1));
}

#[test]
fn figures_are_followed_across_years_without_confusing_measures_of_one_unit() {
    let (s, tax) = series(&ONE_BUREAU);
    let f = Figures::new(&s, &tax);
    let values = |label: &str| -> Vec<Option<&str>> {
        let m = f.measures.iter().find(|m| m.label == label).unwrap_or_else(|| {
            panic!(
                "{label} in {:#?}",
                f.measures.iter().map(|m| &m.label).collect::<Vec<_>>()
            )
        });
        m.values.iter().map(Option::as_deref).collect()
    };
    assert_eq!(
        values("提供法律咨询"),
        [Some("10次"), Some("16次"), Some("119次"), None]
    );
    assert_eq!(values("保留"), [Some("10件"), Some("12件"), Some("14件"), Some("15件")]);
    assert_eq!(values("废止"), [Some("5件"), Some("3件"), Some("2件"), Some("1件")]);
}

#[test]
fn a_folder_gives_its_reports_and_leaves_its_readme_and_office_lock_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in [
        "b-2024.docx",
        "a-2023.txt",
        "README.md",
        "~$b-2024.docx",
        ".hidden.txt",
        "data.csv",
    ] {
        std::fs::write(dir.path().join(name), "x").expect("writes");
    }
    let (found, skipped) = expand(&[dir.path().to_path_buf()]).expect("a folder of reports");
    let names: Vec<String> = found
        .iter()
        .map(|p| p.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a-2023.txt", "b-2024.docx"]);
    assert!(found.iter().all(|i| i.in_folder) && skipped.is_empty());
    // Named on the command line, a README is read like any file.
    let readme = dir.path().join("README.md");
    let (named, _) = expand(std::slice::from_ref(&readme)).expect("a file");
    assert_eq!(
        named,
        [Input {
            path: readme,
            in_folder: false
        }]
    );
}

#[test]
fn renumbering_is_never_new_text_in_the_coverage() {
    let tax = Taxonomy::builtin();
    let before = "示例市科学技术局2023年法治政府建设情况报告\n一、加强组织领导\n(一)落实第一责任人职责。局党组书记履行推进法治建设第一责任人职责。\n(二)完善学法制度。全年组织集中学法6次。\n二、存在问题\n一是执法信息化水平不高。";
    let after = "示例市科学技术局2024年法治政府建设情况报告\n一、强化组织保障\n1.落实第一责任人职责。局党组书记履行推进法治建设第一责任人职责。\n2.完善学法制度。全年组织集中学法6次。\n三、存在问题\n一是执法信息化水平不高。";
    let reports = [("a-2023.txt", before), ("a-2024.txt", after)]
        .iter()
        .map(|(n, t)| Report::new(outline(&SourceText::from_bytes(*n, t.as_bytes()).expect("reads")), &tax))
        .collect();
    let s = Series::new(reports);
    let c = Coverage::new(&s, &tax);
    let total = &c.totals[1];
    // Only the title and the renamed heading are new; every renumbered sentence is copied.
    assert_eq!(total.new_sentences(), 2, "{total:?}");
}

#[test]
fn the_checklists_copied_share_is_the_coverage_totals() {
    let (s, tax) = series(&["demo-2022.txt", "demo-2023.txt", "demo-2024.txt"]);
    let c = Coverage::new(&s, &tax);
    for j in 0..s.reports.len() {
        let before = s.previous(j).map(|i| &s.reports[i]);
        assert_eq!(
            super::coverage::whole(&s.reports[j], before, &tax),
            c.totals[j],
            "report {j}"
        );
    }
}
