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

/// The topic id of a row, or `None` for content rows.
pub fn topic_id<'a>(c: &Comparison, tax: &'a Taxonomy, row: usize) -> Option<&'a str> {
    c.alignment.rows[row].topic.map(|t| tax.topic(t).id.as_str())
}
