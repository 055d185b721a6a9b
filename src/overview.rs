//! The overview of a comparison: every row with what changed in it, every changed figure as a table,
//! and the documents (《…》) only one report cites. Computed from the diffs; shown first in the
//! interface (key `o`) and at the top of every `compare` output.

use std::collections::BTreeSet;

use crate::align::Alignment;
use crate::compare::Comparison;
use crate::diff::RowDiff;
use crate::outline::Document;
use crate::sides::{Side, Sides};
use crate::topics::Taxonomy;

/// Which reports a row has passages from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Both,
    LeftOnly,
    RightOnly,
}

impl Presence {
    /// The report a one-sided row is only in.
    pub fn only(self) -> Option<Side> {
        match self {
            Presence::Both => None,
            Presence::LeftOnly => Some(Side::Left),
            Presence::RightOnly => Some(Side::Right),
        }
    }

    pub fn only_in(side: Side) -> Presence {
        match side {
            Side::Left => Presence::LeftOnly,
            Side::Right => Presence::RightOnly,
        }
    }
}

/// One row as the overview lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RowSummary {
    /// Index of the row in the comparison.
    pub row: usize,
    /// Topic id (`None` for rows paired by content alone).
    pub topic: Option<String>,
    pub label: String,
    pub presence: Presence,
    /// Sentences added, dropped, edited or moved (numbering aside).
    pub changes: usize,
    /// Characters inserted and deleted.
    pub inserted: usize,
    pub deleted: usize,
    /// Sentences whose only difference is their numbering.
    pub renumbered: usize,
    /// The row's changed figures, `16次→119次`.
    pub figures: Vec<String>,
}

/// A changed figure, with its row.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FigureRow {
    pub row: usize,
    /// What is counted, in whole words: `提供法律咨询`, `保留`.
    pub label: String,
    pub before: String,
    pub after: String,
    /// The difference in the figure's unit, when computable: `+103次`.
    pub change: Option<String>,
}

impl FigureRow {
    /// The change as read with the panes swapped or not: swapped, from the right report's value to
    /// the left's.
    pub fn change_as_read(&self, swapped: bool) -> Option<String> {
        if !swapped {
            return self.change.clone();
        }
        self.change.as_ref()?;
        let (a, b) = (
            crate::figures::find(&self.after, 0),
            crate::figures::find(&self.before, 0),
        );
        Some(crate::figures::change(a.first()?, b.first()?))
    }
}

/// Documents cited by name (《…》) in one report only.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Citations {
    pub left_only: Vec<String>,
    pub right_only: Vec<String>,
}

/// Everything that changed, at a glance.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Overview {
    pub rows: Vec<RowSummary>,
    pub figures: Vec<FigureRow>,
    pub citations: Citations,
}

/// The names between 《 and 》 in `text` (see [`crate::text::book_titles`]).
pub fn cited_in(text: &str) -> Vec<&str> {
    crate::text::book_titles(text).into_iter().map(|r| &text[r]).collect()
}

/// Every document name a report cites, with its 《》.
pub(crate) fn citations(doc: &Document) -> BTreeSet<String> {
    let mut texts: Vec<&str> = doc.preamble.iter().map(|p| p.text.as_str()).collect();
    for (id, s) in doc.sections.iter().enumerate() {
        texts.push(&s.heading_line);
        texts.extend(doc.paragraphs(id).iter().map(|p| p.text.as_str()));
    }
    texts.extend(doc.closing.iter().map(|p| p.text.as_str()));
    texts.extend(doc.title.as_deref());
    texts
        .into_iter()
        .flat_map(cited_in)
        .map(|n| format!("《{n}》"))
        .collect()
}

impl Overview {
    /// The overview of a comparison whose diffs are made (sentence-level ones will do, without
    /// figures).
    pub fn new(c: &Comparison, tax: &Taxonomy) -> Self {
        let cited = c.reports().map(citations);
        Overview::of(
            c.reports().map(|d| d.date.as_deref()),
            cited.as_ref(),
            &c.alignment,
            &c.diffs,
            tax,
        )
    }

    /// The overview of `alignment`'s rows with their `diffs`, of reports dated `dates` that cite
    /// `cited`.
    pub(crate) fn of(
        dates: Sides<Option<&str>>,
        cited: Sides<&BTreeSet<String>>,
        alignment: &Alignment,
        diffs: &[RowDiff],
        tax: &Taxonomy,
    ) -> Self {
        let mut rows = Vec::new();
        let mut figures = Vec::new();
        // The report's date is one change, day and month with the year.
        if let (Some(before), Some(after)) = (dates.left, dates.right)
            && before != after
        {
            let row = alignment.row_of(tax.frame()).unwrap_or(0);
            figures.push(FigureRow {
                row,
                label: "日期".to_string(),
                before: before.to_string(),
                after: after.to_string(),
                change: None,
            });
        }
        for (i, row) in alignment.rows.iter().enumerate() {
            let presence = match (row.passages.left.is_empty(), row.passages.right.is_empty()) {
                (false, true) => Presence::LeftOnly,
                (true, false) => Presence::RightOnly,
                _ => Presence::Both,
            };
            let d = diffs.get(i);
            let stats = d.map(|d| d.stats).unwrap_or_default();
            let row_figures = d.map_or(&[][..], |d| &d.figures);
            rows.push(RowSummary {
                row: i,
                topic: row.topic.map(|t| tax.topic(t).id.clone()),
                label: row.label.clone(),
                presence,
                changes: stats.changes,
                inserted: stats.inserted,
                deleted: stats.deleted,
                renumbered: stats.renumbered,
                figures: {
                    let mut shown: Vec<String> = Vec::new();
                    for f in row_figures {
                        let s = format!("{}→{}", f.before, f.after);
                        if !shown.contains(&s) {
                            shown.push(s);
                        }
                    }
                    shown
                },
            });
            // A passage may stand in several rows: list each figure change once, at its first row.
            let seen = |f: &crate::diff::FigureChange, figures: &[FigureRow]| {
                figures
                    .iter()
                    .any(|g| g.label == f.context && g.before == f.before && g.after == f.after)
            };
            for f in row_figures {
                if !seen(f, &figures) {
                    figures.push(FigureRow {
                        row: i,
                        label: f.context.clone(),
                        before: f.before.clone(),
                        after: f.after.clone(),
                        change: f.change.clone(),
                    });
                }
            }
        }
        // The date's row lists it too.
        if let Some(date) = figures.iter().find(|f| f.label == "日期")
            && let Some(r) = rows.get_mut(date.row)
        {
            r.figures.insert(0, format!("{}→{}", date.before, date.after));
        }
        let (l, r) = (cited.left, cited.right);
        Overview {
            rows,
            figures,
            citations: Citations {
                left_only: l.difference(r).cloned().collect(),
                right_only: r.difference(l).cloned().collect(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cited_names_are_found_between_balanced_marks() {
        assert_eq!(
            cited_in("学习《宪法》《中华人民共和国行政复议法》和《条例》。"),
            ["宪法", "中华人民共和国行政复议法", "条例"]
        );
        assert_eq!(cited_in("《未闭合 《行政许可法》"), ["行政许可法"]);
        assert!(cited_in("《》 没有书名").is_empty());
    }
}
