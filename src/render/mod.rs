//! The CLI's output formats: plain or coloured text, JSON, Markdown. Pure string building over the
//! pipeline's values; the caller decides where it goes and whether colour is wanted.

pub mod check;
pub mod json;
pub mod keys;
pub mod markdown;
pub mod overview;
pub mod review;
pub mod series;
pub mod text;

use crate::topics::Taxonomy;

/// Changes as `3 changes · +ins −del ↔moved =same` (and how many sentences were only renumbered).
pub fn stats_line(s: &crate::diff::Stats) -> String {
    let changes = match s.changes {
        0 => "no change".to_string(),
        1 => "1 change".to_string(),
        n => format!("{n} changes"),
    };
    let mut out = format!(
        "{changes} · +{} −{} ↔{} ={}",
        s.inserted, s.deleted, s.moved, s.unchanged
    );
    if s.renumbered > 0 {
        out += &format!(" · {} renumbered", s.renumbered);
    }
    out
}

/// A similarity as shown with `places` decimals, never rounded up to 1 when something changed: a
/// row with one changed figure must not read as identical.
pub fn shown_similarity(similarity: f32, changed: bool, places: i32) -> f32 {
    let scale = 10f32.powi(places);
    let rounded = (similarity * scale).round() / scale;
    if changed && rounded >= 1.0 {
        1.0 - 1.0 / scale
    } else {
        rounded
    }
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
