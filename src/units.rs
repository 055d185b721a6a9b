//! Figures as written: a number in ASCII digits (`16`, `1.5`, `6,413`) and the measure word after
//! it (`次`, `万元`, `%`). Read the same way by numbering (`1、` against `1次`), the word diff (a
//! figure is one token) and wrapping (a figure never splits from its unit).

use crate::lexicon::MEASURE_WORDS;

/// Length of the number `text` starts with (ASCII digits, with decimals and thousands separators:
/// `1.5`, `6,413`), 0 if it starts with none.
pub fn number_len(text: &str) -> usize {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut end = digits(text);
    if end == 0 {
        return 0;
    }
    while let Some(rest) = text[end..].strip_prefix(['.', ',']) {
        let n = digits(rest);
        if n == 0 {
            break;
        }
        end += 1 + n;
    }
    end
}

/// The unit `text` starts with, the first in [`MEASURE_WORDS`] order.
pub fn unit_at(text: &str) -> Option<&'static str> {
    UNITS.starting(text).map(|k| MEASURE_WORDS[k])
}

/// The measure words, looked for among the few that share a figure's next character rather than
/// tried one by one (wrapping asks for every figure of a report). The longest that fits is the
/// first in list order: the list runs longest first (the test below holds the two equal).
static UNITS: std::sync::LazyLock<crate::phrases::Phrases> =
    std::sync::LazyLock::new(|| crate::phrases::Phrases::new(MEASURE_WORDS));

/// Bytes of the number `text` starts with and its unit if it has one (`16次`, `3.5%`, `2024`), 0
/// when it does not start with a digit: a figure, which wrapping keeps on one line.
pub fn figure_len(text: &str) -> usize {
    match number_len(text) {
        0 => 0,
        n => n + unit_at(&text[n..]).map_or(0, str::len),
    }
}

/// The figure `text` starts with, and its unit: `("16", "次")` for `16次,有效…`; `None` unless it
/// starts with a number that has a unit.
pub fn leading_figure(text: &str) -> Option<(&str, &str)> {
    let end = number_len(text);
    if end == 0 {
        return None;
    }
    Some((&text[..end], unit_at(&text[end..])?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_is_the_first_measure_word_the_text_starts_with() {
        let linear = |t: &str| MEASURE_WORDS.iter().copied().find(|u| t.starts_with(u));
        for &u in MEASURE_WORDS {
            for text in [
                u.to_string(),
                format!("{u}工作"),
                format!("{u}次"),
                u.chars().take(1).collect(),
            ] {
                assert_eq!(unit_at(&text), linear(&text), "{text}");
            }
        }
        assert_eq!(unit_at("余人次，"), Some("余人次"));
        assert_eq!(unit_at("万元"), Some("万元"), "the longer unit before 万");
        assert_eq!(unit_at("工作"), None);
        assert_eq!(unit_at(""), None);
        assert_eq!(figure_len("16次,有效"), "16次".len());
    }
}
