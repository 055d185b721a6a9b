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
    let first = text.chars().next()?;
    let at = BY_FIRST.binary_search_by_key(&first, |e| e.0).ok()?;
    BY_FIRST[at].1.iter().copied().find(|u| text.starts_with(u))
}

/// The measure words grouped by their first character (sorted by it), each group in
/// [`MEASURE_WORDS`] order: a figure's unit is looked for among the few that can start it, not
/// tried against every one (wrapping asks for every figure of a report).
static BY_FIRST: std::sync::LazyLock<Vec<(char, Vec<&'static str>)>> = std::sync::LazyLock::new(|| {
    let mut out: Vec<(char, Vec<&'static str>)> = Vec::new();
    for &u in MEASURE_WORDS {
        let first = u.chars().next().expect("a measure word is not empty");
        match out.iter_mut().find(|e| e.0 == first) {
            Some(e) => e.1.push(u),
            None => out.push((first, vec![u])),
        }
    }
    out.sort_by_key(|e| e.0);
    out
});

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
