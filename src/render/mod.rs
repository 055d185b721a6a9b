//! The CLI's output formats: plain or coloured text, JSON, Markdown. Pure string building over the
//! pipeline's values; the caller decides where it goes and whether colour is wanted.

pub mod json;
pub mod keys;
pub mod markdown;
pub mod text;

use crate::compare::Comparison;
use crate::topics::Taxonomy;

/// Changes as `+ins −del ↔moved =same`.
pub fn stats_line(s: &crate::diff::Stats) -> String {
    format!("+{} −{} ↔{} ={}", s.inserted, s.deleted, s.moved, s.unchanged)
}

/// Topics by label, with their id for scripts: `复议应诉与纠纷化解 (disputes), 重大行政决策 (decision)`.
pub fn topic_names(tax: &Taxonomy, ids: &[String]) -> String {
    ids.iter()
        .map(|id| match tax.find(id) {
            Some(t) => format!("{} ({id})", tax.topic(t).label),
            None => id.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The topic id of a row, or `None` for content rows.
pub fn topic_id<'a>(c: &Comparison, tax: &'a Taxonomy, row: usize) -> Option<&'a str> {
    c.alignment.rows[row].topic.map(|t| tax.topic(t).id.as_str())
}
