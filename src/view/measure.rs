//! How many lines a row's pieces take, without laying them out: a layout measures every chunk of
//! a row (cheap: widths and breaks only) and builds styled lines only for the chunks on screen, so
//! that a row of thousands of passages costs a screen's worth of lines per key. The counts are
//! those of the built lines by construction: both come from [`line_starts`].

use std::collections::HashMap;

use super::chunks::{ByUnit, Found};
use super::side::{Options, SideData};
use super::width::display_text;
use super::wrap::{line_starts, painted_starts};

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
    let text = &side.passages[u.passage()].text[u.range()];
    match pointer.filter(|_| opts.marks) {
        Some(to) => line_starts(&display_text(&format!("{text}{to}")), width),
        None => painted_starts(text, width),
    }
}

/// The line (counted from the text's first) each of `positions`, bytes of `text` in ascending
/// order, is painted on, given where the text's lines start: the painted characters before each are
/// counted on from the one before, so that many positions in one long text cost one pass over it.
pub(super) fn lines_at(text: &str, starts: &[usize], positions: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let (mut byte, mut chars) = (0, 0);
    positions
        .into_iter()
        .map(|at| {
            if at < byte {
                (byte, chars) = (0, 0);
            }
            chars += display_text(&text[byte..at]).chars().count();
            byte = at;
            starts.partition_point(|&s| s <= chars).saturating_sub(1)
        })
        .collect()
}

/// The search matches in `side`'s unit `unit`, each with the line (counted from the unit's first)
/// where it starts.
pub(super) fn matches_in<'a>(
    side: &SideData,
    unit: usize,
    starts: &[usize],
    found: &'a ByUnit,
) -> Vec<(usize, &'a Found)> {
    let u = &side.units[unit];
    let text = &side.passages[u.passage()].text[u.range()];
    let mine: Vec<&Found> = found.of(side.side, unit).collect();
    let lines = lines_at(text, starts, mine.iter().map(|f| f.range.start));
    lines.into_iter().zip(mine).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_fall_on_the_lines_that_hold_them_in_any_order() {
        // Four characters a line of width 8: 法律顾问 | 制度建设 | 落实
        let text = "法律顾问制度建设落实";
        let starts = line_starts(text, 8);
        assert_eq!(starts, [0, 4, 8]);
        let byte = |k: usize| text.char_indices().nth(k).map_or(text.len(), |(i, _)| i);
        assert_eq!(lines_at(text, &starts, [0, 3, 4, 9].map(byte)), [0, 0, 1, 2]);
        assert_eq!(
            lines_at(text, &starts, [9, 2].map(byte)),
            [2, 0],
            "counted again when not in order"
        );
    }
}
