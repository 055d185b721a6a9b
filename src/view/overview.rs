//! The overview screen as lines: every row with its changes, the changed figures, the documents
//! only one report cites. Each line knows the place Enter opens.

use super::lines::{Line, Look, Seg};
use super::width::str_width;
use crate::keys::{Action, Hints};
use crate::overview::{Overview, Presence};
use crate::sides::Sides;
use crate::wording::changes_text;

/// What Enter opens from an overview line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A heading or blank line: nothing.
    None,
    Row(usize),
    /// A changed figure: its row, at the figure's new value; `what`, the figure as a note names
    /// it (`提供法律咨询 16次 → 119次`, in the reports' order).
    Figure {
        row: usize,
        after: String,
        what: String,
    },
    /// A cited document: search for its name.
    Cited(String),
    /// A sentence of one report (an index into its sentences): its row, at the sentence.
    Sentence {
        side: crate::sides::Side,
        sentence: usize,
    },
}

/// The overview laid out: one target per line.
#[derive(Debug, Clone, Default)]
pub struct OverviewLayout {
    pub lines: Vec<Line>,
    pub targets: Vec<Target>,
}

impl OverviewLayout {
    pub(super) fn push(&mut self, segs: Vec<Seg>, target: Target) {
        self.lines.push(Line { segs });
        self.targets.push(target);
    }

    /// Lines that open something, for the cursor.
    pub fn openable(&self) -> Vec<usize> {
        (0..self.targets.len())
            .filter(|&i| self.targets[i] != Target::None)
            .collect()
    }
}

pub(super) fn pad(s: &str, cols: usize) -> String {
    format!("{s}{}", " ".repeat(cols.saturating_sub(str_width(s))))
}

/// Lays the overview out; `swapped` puts the right report's side first, as the panes do.
pub fn layout(ov: &Overview, swapped: bool, hints: &Hints) -> OverviewLayout {
    let mut out = OverviewLayout::default();
    let changed_rows = ov.rows.iter().filter(|r| r.changes > 0).count();
    out.push(
        vec![Seg::new(
            format!(
                "概览 overview · {}, {changed_rows} changed · {} · {} opens, {} returns",
                crate::wording::counted(ov.rows.len(), "row", "rows"),
                crate::wording::counted(ov.figures.len(), "figure changed", "figures changed"),
                hints.key(Action::Open),
                hints.key(Action::Overview)
            ),
            Look::Header,
        )],
        Target::None,
    );
    let label_cols = ov.rows.iter().map(|r| str_width(&r.label)).max().unwrap_or(4);
    for r in &ov.rows {
        // As the panes show it: the report in the left pane reads as the left one.
        let presence = r
            .presence
            .only()
            .map_or(Presence::Both, |side| Presence::only_in(side.as_shown(swapped)));
        let changes = changes_text(presence, r.changes);
        let look = if r.changes == 0 { Look::Dim } else { Look::Plain };
        // Characters only in the left report were deleted, only in the right inserted.
        let [del, ins] = Sides::new(r.deleted, r.inserted).into_panes(swapped);
        let mut segs = vec![
            Seg::new(format!("{:>3} {}  ", r.row + 1, pad(&r.label, label_cols)), look),
            Seg::new(pad(&changes, 11), look),
        ];
        if ins + del > 0 {
            segs.push(Seg::new(format!("+{ins}"), Look::Inserted));
            segs.push(Seg::new(" ", Look::Plain));
            segs.push(Seg::new(format!("−{del}"), Look::Deleted));
        }
        if r.renumbered > 0 {
            segs.push(Seg::new(format!(" · {} renumbered", r.renumbered), Look::Dim));
        }
        if !r.figures.is_empty() {
            // Read in the panes' order: swapped, the right report's value comes first.
            let shown: Vec<String> = r
                .figures
                .iter()
                .map(|f| match f.split_once('→') {
                    Some((a, b)) if swapped => format!("{b}→{a}"),
                    _ => f.clone(),
                })
                .collect();
            segs.push(Seg::new(format!("  {}", shown.join(" ")), Look::Plain));
        }
        out.push(segs, Target::Row(r.row));
    }
    if !ov.figures.is_empty() {
        out.push(Vec::new(), Target::None);
        out.push(
            vec![Seg::new("数字变化 figures that changed", Look::Header)],
            Target::None,
        );
        let cols = ov.figures.iter().map(|f| str_width(&f.label)).max().unwrap_or(4);
        let before_cols = ov.figures.iter().map(|f| str_width(&f.before)).max().unwrap_or(2);
        let after_cols = ov.figures.iter().map(|f| str_width(&f.after)).max().unwrap_or(2);
        for f in &ov.figures {
            let [old, new] = Sides::new(&f.before, &f.after).into_panes(swapped);
            let label = ov.rows.get(f.row).map_or("", |r| r.label.as_str());
            out.push(
                vec![
                    Seg::new(format!("    {}  ", pad(&f.label, cols)), Look::Plain),
                    Seg::new(pad(old, before_cols), Look::Deleted),
                    Seg::new(" → ", Look::Dim),
                    Seg {
                        figure: true,
                        ..Seg::new(new.clone(), Look::Inserted)
                    },
                    Seg::new(" ".repeat(after_cols.saturating_sub(str_width(new))), Look::Plain),
                    Seg::new(
                        format!("  {:<8}", f.change_as_read(swapped).unwrap_or_default()),
                        Look::Plain,
                    ),
                    Seg::new(format!("  {label}"), Look::Dim),
                ],
                Target::Figure {
                    row: f.row,
                    after: f.after.clone(),
                    what: format!("{} {} → {}", f.label, f.before, f.after),
                },
            );
        }
    }
    let c = &ov.citations;
    if !c.left_only.is_empty() || !c.right_only.is_empty() {
        out.push(Vec::new(), Target::None);
        out.push(
            vec![Seg::new(
                "只在一份报告中引用的文件 documents cited in one report only",
                Look::Header,
            )],
            Target::None,
        );
        let panes = Sides::new(&c.left_only, &c.right_only).into_panes(swapped);
        for (arrow, names) in ["◀", "▶"].into_iter().zip(panes) {
            for name in names.iter() {
                out.push(
                    vec![Seg::new(format!("    {arrow} {name}"), Look::Plain)],
                    Target::Cited(name.clone()),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overview::{Citations, FigureRow, RowSummary};

    fn overview() -> Overview {
        let row = |row: usize, label: &str, presence: Presence, changes: usize| RowSummary {
            row,
            topic: None,
            label: label.into(),
            presence,
            changes,
            inserted: changes * 3,
            deleted: changes,
            renumbered: 0,
            figures: Vec::new(),
        };
        Overview {
            rows: vec![
                row(0, "总体情况", Presence::Both, 0),
                row(1, "法律顾问", Presence::Both, 2),
                row(2, "政务公开", Presence::RightOnly, 1),
            ],
            figures: vec![FigureRow {
                row: 1,
                label: "提供法律咨询".into(),
                before: "16次".into(),
                after: "119次".into(),
                change: Some("+103次".into()),
            }],
            citations: Citations {
                left_only: vec!["《行政处罚法》".into()],
                right_only: Vec::new(),
            },
        }
    }

    #[test]
    fn every_row_figure_and_citation_has_a_line_that_opens_it() {
        let l = layout(&overview(), false, &Hints::default());
        let text: Vec<String> = l.lines.iter().map(Line::text).collect();
        assert!(
            text[1].contains("总体情况") && text[1].contains("unchanged"),
            "{text:?}"
        );
        assert!(text[2].contains("2 changes") && text[2].contains("+6 −2"), "{text:?}");
        assert!(text[0].contains("1 figure changed"), "one, not `1 figures`: {text:?}");
        assert!(text[3].contains("only ▶"), "{text:?}");
        let figure = text
            .iter()
            .position(|t| t.contains("提供法律咨询"))
            .expect("figure line");
        assert!(text[figure].contains("16次 → 119次") && text[figure].contains("+103次"));
        assert_eq!(
            l.targets[figure],
            Target::Figure {
                row: 1,
                after: "119次".into(),
                what: "提供法律咨询 16次 → 119次".into()
            }
        );
        let cited = text
            .iter()
            .position(|t| t.contains("◀ 《行政处罚法》"))
            .expect("citation line");
        assert_eq!(l.targets[cited], Target::Cited("《行政处罚法》".into()));
        assert_eq!(l.openable().len(), 5);
        assert_eq!(l.targets[1], Target::Row(0));
    }

    #[test]
    fn swapped_sides_swap_presence_and_values() {
        let l = layout(&overview(), true, &Hints::default());
        let text: Vec<String> = l.lines.iter().map(Line::text).collect();
        assert!(text[3].contains("only ◀"), "{text:?}");
        assert!(text.iter().any(|t| t.contains("119次 → 16次")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("▶ 《行政处罚法》")), "{text:?}");
    }
}
