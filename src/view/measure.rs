//! How many lines a row's pieces take, without laying them out: a layout measures every chunk of
//! a row (cheap: widths and breaks only) and builds styled lines only for the chunks on screen, so
//! that a row of thousands of passages costs a screen's worth of lines per key. The counts are
//! those of the built lines by construction: both come from [`line_starts`].

use std::collections::HashMap;

use super::lines::Line;
use super::side::{Options, SideData};
use super::width::display_text;
use super::wrap::line_starts;

/// Lines a passage header takes: one, fitted to the pane ([`SideData::header`]).
pub(super) const HEADER_LINES: usize = 1;

/// Where each line of `unit`'s text starts (in characters of the text as painted), with the
/// pointer to a moved copy's other place after it, as [`SideData::segs`] joins them.
pub(super) fn unit_starts(
    side: &SideData,
    unit: usize,
    opts: &Options,
    pointer: Option<&str>,
    width: usize,
) -> Vec<usize> {
    let u = &side.units[unit];
    let text = &side.passages[u.passage].text[u.range.clone()];
    match pointer.filter(|_| opts.marks) {
        Some(to) => line_starts(&display_text(&format!("{text}{to}")), width),
        None => line_starts(&display_text(text), width),
    }
}

/// The line, counted from the unit's first, where a match starting at byte `at` of the unit's
/// text is painted.
pub(super) fn line_of(side: &SideData, unit: usize, starts: &[usize], at: usize) -> usize {
    let u = &side.units[unit];
    let before = &side.passages[u.passage].text[u.range.start..u.range.start + at];
    let k = display_text(before).chars().count();
    starts.partition_point(|&s| s <= k).saturating_sub(1)
}

/// Lines that stand for lines not built: as many, empty.
pub(super) fn placeholders(n: usize) -> Vec<Line> {
    vec![Line::default(); n]
}

/// Each search match at its first line, once per id, in the order a reader meets them: by line,
/// the left pane first, then along the line. `at`: (line, pane, character) of each match.
pub(super) fn first_seen(mut at: Vec<((usize, usize, usize), u64)>) -> Vec<(usize, u64)> {
    at.sort_unstable();
    let mut seen = HashMap::new();
    at.into_iter()
        .filter(|&(_, id)| seen.insert(id, ()).is_none())
        .map(|((line, _, _), id)| (line, id))
        .collect()
}
