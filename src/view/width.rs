//! Display widths of text as the terminal paints it: per grapheme cluster, as ratatui counts, with
//! the characters terminals disagree on (joiners, variation selectors, flags) shown steadily.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Characters whose look terminals disagree on: the zero-width joiner and variation selectors
/// (what they join or restyle may take 2 cells or 6), and the regional indicators that pair into
/// flags (one cell each, or a 2-cell flag). A line then shifts on screen and leaves stale cells.
pub(super) fn is_unsteady(c: char) -> bool {
    matches!(c, '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' | '\u{1f1e6}'..='\u{1f1ff}')
}

/// `s` as painted, the same on every terminal: joiners and variation selectors left out
/// (`👨‍👩‍👧` shows as 👨👩👧, `❤️` as ❤), a flag's regional indicators as their letters (🇨🇳 as CN).
pub fn display_text(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(is_unsteady) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\u{1f1e6}'..='\u{1f1ff}' => char::from_u32(c as u32 - 0x1f1e6 + 'A' as u32),
                '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// Display width of a string, per grapheme cluster as the terminal layer counts it.
pub fn str_width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}
