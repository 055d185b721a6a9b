//! The words the command-line output and the screens share for the same things (a row's changes,
//! a checklist finding, a coverage cell, the legends), so that the two never say one thing two
//! ways. Plain strings: styling is each output's own.

use unicode_width::UnicodeWidthStr;

use crate::check::{Found, ReportCheck, Status};
use crate::overview::Presence;
use crate::series::coverage::Cell;

/// A row's changes in a few characters: `only ◀`, `only ▶`, `=` or `3 changes`.
pub fn changes_text(presence: Presence, changes: usize) -> String {
    match (presence, changes) {
        (Presence::LeftOnly, _) => "only ◀".to_string(),
        (Presence::RightOnly, _) => "only ▶".to_string(),
        (_, 0) => "unchanged".to_string(),
        (_, 1) => "1 change".to_string(),
        (_, n) => format!("{n} changes"),
    }
}

/// `n` of a thing, the noun as English counts it: `1 figure changed`, `2 figures changed`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` cut to `width` columns, `…` where it was cut.
pub fn clip(text: &str, width: usize) -> String {
    let text = text.trim();
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out + "…"
}

/// How a report is named: unit and year, else its file.
pub fn report_name(r: &ReportCheck) -> String {
    let file = r.file.rsplit('/').next().unwrap_or(&r.file).to_string();
    match (&r.unit, r.year) {
        (Some(u), Some(y)) => format!("{u} {y} · {file}"),
        (Some(u), None) => format!("{u} · {file}"),
        _ => file,
    }
}

/// The deadline in words: `dated 2025-02-20, due 2025-03-31: on time`.
pub fn deadline_text(r: &ReportCheck) -> String {
    let due = r.deadline.due.map_or_else(|| "due —".into(), |d| format!("due {d}"));
    let dated = r.dated.map_or_else(|| "not dated".into(), |d| format!("dated {d}"));
    let status = match r.deadline.status {
        Status::OnTime => "on time".to_string(),
        Status::Late => format!("late by {} days", r.deadline.days_late.unwrap_or(0)),
        Status::Early => "dated before the year ended".into(),
        Status::Undated => "undated".into(),
    };
    format!("{dated}, {due}: {status}")
}

/// The mark and word of a content's finding.
pub fn found_mark(found: Found) -> (&'static str, &'static str) {
    match found {
        Found::Section => ("✓", "section"),
        Found::Passage => ("~", "passage"),
        Found::Missing => ("✗", "missing"),
    }
}

/// What a matrix cell shows: `·` never covered, `−` dropped since the report before, `+12` newly
/// covered, `12/8` 12 sentences of which 8 are copied from the report before (`12` in the first).
pub fn cell_text(cell: &Cell, before: Option<&Cell>) -> String {
    match (cell.covered(), before.map(Cell::covered)) {
        (false, Some(true)) => "−".to_string(),
        (false, _) => "·".to_string(),
        (true, Some(false)) => format!("+{}", cell.sentences),
        (true, _) => match cell.copied {
            Some(c) => format!("{}/{c}", cell.sentences),
            None => cell.sentences.to_string(),
        },
    }
}

/// The legend printed under the matrix.
pub const LEGEND: &str = "n/c: n sentences on the topic, c of them word for word in the report before · +n: newly covered · −: dropped · ·: not covered";

/// What the change column means.
pub const CHANGE_LEGEND: &str = "change: where last stated, from the value in the report(s) before · ≠: differs, not in numbers · gone: not in the last report";
