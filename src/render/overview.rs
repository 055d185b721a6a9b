//! The overview as text and Markdown: rows with their changes, the figure table, and the documents
//! only one report cites.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::overview::Overview;
use crate::wording::changes_text;

/// `s` padded with spaces to `cols` display columns (CJK characters count two).
pub(super) fn pad(s: &str, cols: usize) -> String {
    format!("{s}{}", " ".repeat(cols.saturating_sub(s.width())))
}

/// The overview as plain text, for `compare --format text`.
pub fn text(out: &mut impl Write, ov: &Overview) {
    let _ = writeln!(out, "\nOverview");
    let label_cols = ov.rows.iter().map(|r| r.label.width()).max().unwrap_or(0);
    for r in &ov.rows {
        let mut line = format!(
            "  {:>2} {}  {:<11}",
            r.row + 1,
            pad(&r.label, label_cols),
            changes_text(r.presence, r.changes)
        );
        if r.inserted + r.deleted > 0 {
            line += &format!(" +{} −{}", r.inserted, r.deleted);
        }
        if r.renumbered > 0 {
            line += &format!(" · {} renumbered", r.renumbered);
        }
        if !r.figures.is_empty() {
            line += &format!(" · {}", r.figures.join(", "));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !ov.figures.is_empty() {
        let _ = writeln!(out, "\nFigures that changed");
        let cols = ov.figures.iter().map(|f| f.label.width()).max().unwrap_or(0);
        let before_cols = ov.figures.iter().map(|f| f.before.width()).max().unwrap_or(0);
        let after_cols = ov.figures.iter().map(|f| f.after.width()).max().unwrap_or(0);
        let change_cols = ov
            .figures
            .iter()
            .map(|f| f.change.as_deref().map_or(0, str::width))
            .max()
            .unwrap_or(0);
        for f in &ov.figures {
            let _ = writeln!(
                out,
                "  {}  {} → {}  {}  row {}",
                pad(&f.label, cols),
                pad(&f.before, before_cols),
                pad(&f.after, after_cols),
                pad(f.change.as_deref().unwrap_or(""), change_cols),
                f.row + 1
            );
        }
    }
    let c = &ov.citations;
    if !c.left_only.is_empty() || !c.right_only.is_empty() {
        let _ = writeln!(out, "\nDocuments cited in one report only");
        for (arrow, names) in [("◀", &c.left_only), ("▶", &c.right_only)] {
            if !names.is_empty() {
                let _ = writeln!(out, "  {arrow} {}", names.join(" "));
            }
        }
    }
}

/// The overview as Markdown tables.
pub fn markdown(out: &mut impl Write, ov: &Overview, escape: impl Fn(&str) -> String) {
    let _ = writeln!(out, "## Overview\n");
    let _ = writeln!(out, "| # | row | changes | + | − | figures |");
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for r in &ov.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            r.row + 1,
            escape(&r.label),
            changes_text(r.presence, r.changes),
            r.inserted,
            r.deleted,
            escape(&r.figures.join(", "))
        );
    }
    if !ov.figures.is_empty() {
        let _ = writeln!(out, "\n### Figures that changed\n");
        let _ = writeln!(out, "| what | left | right | change | row |");
        let _ = writeln!(out, "|---|---|---|---|---|");
        for f in &ov.figures {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(&f.label),
                escape(&f.before),
                escape(&f.after),
                f.change.as_deref().unwrap_or(""),
                f.row + 1
            );
        }
    }
    let c = &ov.citations;
    if !c.left_only.is_empty() || !c.right_only.is_empty() {
        let _ = writeln!(out, "\n### Documents cited in one report only\n");
        for (side, names) in [("Left", &c.left_only), ("Right", &c.right_only)] {
            if !names.is_empty() {
                let _ = writeln!(out, "- **{side}:** {}", escape(&names.join(" ")));
            }
        }
    }
    let _ = writeln!(out);
}
