//! The checklist screen of a pair: the reviewer's checklist of the newer (right-hand) report,
//! against the left-hand one when that is last year's of the same unit. Laid out as the overview
//! is, each line knowing the sentence Enter opens.

use super::lines::{Look, Seg};
use super::overview::{OverviewLayout, Target};
use crate::check::{Checklist, Found, ReportCheck, Rules, Status};
use crate::compare::{Comparison, Report};
use crate::keys::{Action, Hints};
use crate::series::Series;
use crate::sides::Side;
use crate::topics::Taxonomy;
use crate::wording::{clip, deadline_text, found_mark, report_name};

/// Width the texts of the screen are cut to.
const TEXT_COLS: usize = 60;

/// The checklist of the pair's right-hand report.
pub fn check(cmp: &Comparison, tax: &Taxonomy, rules: &Rules) -> Option<ReportCheck> {
    let reports = vec![
        Report::new((*cmp.docs.left).clone(), tax),
        Report::new((*cmp.docs.right).clone(), tax),
    ];
    let series = Series::new(reports);
    let list = Checklist::new(&series, tax, rules);
    // The series puts the two in time order; the right-hand report is the one whose text is the
    // right-hand one's (the later, when a report is compared with itself).
    let right = cmp.docs.right.all_text();
    let at = (0..series.reports.len())
        .rev()
        .find(|&i| series.reports[i].doc.path == cmp.docs.right.path && series.reports[i].doc.all_text() == right)?;
    list.reports.into_iter().find(|r| r.report == at)
}

/// Lines of a report's checklist in a series' column: the five contents, causes, the deadline,
/// figures, copied share, repeated problems, last year's plans.
pub const ITEMS: usize = 11;

fn look(found: Found) -> Look {
    match found {
        Found::Section => Look::Inserted,
        Found::Passage => Look::Moved,
        Found::Missing => Look::Deleted,
    }
}

fn sentence(k: usize) -> Target {
    Target::Sentence {
        side: Side::Right,
        sentence: k,
    }
}

/// The checklist as screen lines.
pub fn layout(r: &ReportCheck, hints: &Hints) -> OverviewLayout {
    let mut out = OverviewLayout::default();
    let verdict = if r.passes { "passes" } else { "does not pass" };
    out.push(
        vec![Seg::new(
            format!(
                "清单 checklist · {verdict} · {} · {} opens, {} returns",
                report_name(r),
                hints.key(Action::Open),
                hints.key(Action::Checklist)
            ),
            Look::Header,
        )],
        Target::None,
    );
    let names = r.contents.iter().map(|c| c.name.chars().count() * 2).max().unwrap_or(8);
    for c in &r.contents {
        let (mark, word) = found_mark(c.found);
        let place = c.at.first();
        let mut segs = vec![
            Seg::new(format!("{mark} "), look(c.found)),
            Seg::new(super::overview::pad(&c.name, names), Look::Plain),
            Seg::new(format!("  {word:<8}"), look(c.found)),
        ];
        if let Some(p) = place {
            segs.push(Seg::new(clip(&p.text, TEXT_COLS), Look::Dim));
        }
        out.push(segs, place.map_or(Target::None, |p| sentence(p.sentence)));
    }
    let deadline = if r.deadline.status == Status::OnTime {
        Look::Inserted
    } else {
        Look::Deleted
    };
    out.push(
        vec![
            Seg::new("期限 deadline  ", Look::Plain),
            Seg::new(deadline_text(r), deadline),
        ],
        Target::None,
    );
    out.push(
        vec![Seg::new(
            format!(
                "数字 figures   {} ({:.1} per 1000 characters)",
                r.figures, r.figures_per_1000
            ),
            Look::Plain,
        )],
        Target::None,
    );
    match (&r.last_year, r.copied_share) {
        (Some(last), Some(share)) => {
            let last = last.rsplit('/').next().unwrap_or(last);
            out.push(
                vec![Seg::new(
                    format!("去年 last year {last}: {:.0}% of the sentences copied", share * 100.0),
                    Look::Plain,
                )],
                Target::None,
            );
            out.push(Vec::new(), Target::None);
            out.push(
                vec![Seg::new(
                    format!("问题重现 problems stated again: {}", r.repeated_problems.len()),
                    Look::Header,
                )],
                Target::None,
            );
            for p in &r.repeated_problems {
                let how = if p.same { "word for word" } else { "reworded" };
                out.push(
                    vec![
                        Seg::new("↺ ", Look::Deleted),
                        Seg::new(clip(&p.text, TEXT_COLS), Look::Plain),
                        Seg::new(format!("  {how}"), Look::Dim),
                    ],
                    sentence(p.sentence),
                );
            }
            out.push(Vec::new(), Target::None);
            let done = r.plans.iter().filter(|p| p.done).count();
            out.push(
                vec![Seg::new(
                    format!("去年计划 last year's plans said done: {done} of {}", r.plans.len()),
                    Look::Header,
                )],
                Target::None,
            );
            for p in &r.plans {
                let (mark, l) = if p.done {
                    ("✓ ", Look::Inserted)
                } else {
                    ("✗ ", Look::Deleted)
                };
                out.push(
                    vec![Seg::new(mark, l), Seg::new(clip(&p.text, TEXT_COLS), Look::Plain)],
                    p.at.first().map_or(Target::None, |a| sentence(a.sentence)),
                );
            }
        }
        _ => out.push(
            vec![Seg::new(
                "去年 last year  — the left-hand report is not last year's of this unit",
                Look::Dim,
            )],
            Target::None,
        ),
    }
    if !r.failures.is_empty() {
        out.push(Vec::new(), Target::None);
        for f in &r.failures {
            out.push(vec![Seg::new(format!("✗ {f}"), Look::Deleted)], Target::None);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceText;
    use crate::outline::outline;

    fn doc(name: &str, text: &str) -> crate::outline::Document {
        outline(&SourceText::from_bytes(name, text.as_bytes()).expect("reads"))
    }

    #[test]
    fn the_screen_lists_every_content_and_opens_what_is_found() {
        let tax = Taxonomy::builtin();
        let old = "某局2023年法治政府建设情况报告\n一、主要举措和成效\n全年提供法律咨询16次。\n二、存在的问题\n执法人员专业水平不高，法律资格人员少。\n三、2024年工作安排\n一是建设执法信息平台，实现数据共享。\n某局\n2024年2月1日";
        let new = "某局2024年法治政府建设情况报告\n一、主要举措和成效\n建成执法信息平台，实现数据共享。全年提供法律咨询119次。\n二、存在的问题\n执法人员专业水平不高，法律资格人员少。\n三、2025年工作安排\n一是完善制度。\n某局\n2025年2月1日";
        let cmp = Comparison::build(doc("a.txt", old), doc("b.txt", new), &tax);
        let r = check(&cmp, &tax, &Rules::builtin()).expect("the right-hand report is checked");
        assert!(r.file.ends_with("b.txt"));
        let screen = layout(&r, &Hints::default());
        let text: Vec<String> = screen.lines.iter().map(|l| l.text()).collect();
        assert!(text[0].contains("b.txt"), "{text:?}");
        // Each content a line; found ones open their heading.
        for (line, word) in text[1..6]
            .iter()
            .zip(["section", "missing", "section", "missing", "section"])
        {
            assert!(line.contains(word), "{line}");
        }
        assert!(matches!(screen.targets[1], Target::Sentence { side: Side::Right, .. }));
        assert!(text.iter().any(|l| l.contains("problems stated again: 1")), "{text:?}");
        assert!(text.iter().any(|l| l.contains("said done: 1 of 1")), "{text:?}");
        assert!(text.iter().any(|l| l.contains("missing: 不足的原因")), "{text:?}");
    }

    #[test]
    fn a_checklist_made_off_the_loop_is_the_one_shown() {
        use crate::keys::Action;
        use crate::view::Input;
        use crate::view::testing::{NEW, OLD, app};
        let tax = Taxonomy::builtin();
        // Another pair's checklist, told apart by its file name: `R` must show it as delivered,
        // not make its own.
        let other = Comparison::build(doc("x.txt", OLD), doc("delivered.txt", NEW), &tax);
        let delivered = check(&other, &tax, &Rules::builtin());
        let mut a = app(OLD, NEW, 120, 30);
        a.update(Input::Checklist(delivered.map(Box::new)));
        a.update(Input::Action(Action::Checklist, 1));
        let shown = a.overview_layout().lines[0].text();
        assert!(shown.contains("delivered.txt"), "{shown}");
    }
}
