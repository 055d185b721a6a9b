//! Characters as Chinese report text uses them: blanks, ideographs, punctuation and its classes,
//! Chinese numerals, and the width folding that makes full-width and half-width forms one. The
//! lowest layer of the crate: it imports nothing of it, and every rule about a character lives here
//! once.

/// Whitespace including the ideographic space U+3000 and no-break space.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// Characters that could drive a terminal or break a line when printed: controls (C0, DEL, C1)
/// and bidirectional overrides that could disguise text.
pub fn is_control_or_override(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') || is_invisible_format(c)
}

/// Invisible format characters: direction marks (U+200E, U+200F, U+061C), zero-width spaces and
/// joiners' kin (U+200B, U+2060–U+2064), the byte order mark inside text. They show nothing, may
/// reorder what is shown around them, and make equal words compare unequal.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
    )
}

/// Trims blanks (including full-width spaces) at both ends.
pub fn trim_blank(s: &str) -> &str {
    s.trim_matches(is_blank)
}

/// A Chinese character (CJK ideograph, extensions and compatibility forms included), no punctuation.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}')
}

/// The ideographs most of a report is made of (U+4000–U+9FFF): each folds to itself and is no
/// blank, no punctuation and no letter of any case, so what folds, trims or searches text can pass
/// over them without asking each of those questions.
pub fn is_plain_ideograph(c: char) -> bool {
    ('\u{4000}'..='\u{9fff}').contains(&c)
}

/// CJK ideographs and the CJK punctuation blocks.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{2fa1f}'
        | '\u{2018}'..='\u{201d}' | '\u{2026}' | '\u{2014}')
}

/// Punctuation of both widths, used to skip non-content characters.
pub fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}'
            | '\u{ff3b}'..='\u{ff40}' | '\u{ff5b}'..='\u{ff65}' | '\u{2010}'..='\u{2027}' | '\u{fe30}'..='\u{fe4f}'
            | '·')
}

/// Ends a sentence for good: a full stop, exclamation or question mark of either width.
pub fn is_full_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Ends a sentence: a full stop, or a semicolon (which ends one of a list of clauses).
pub fn is_sentence_end(c: char) -> bool {
    is_full_stop(c) || matches!(c, '；' | ';')
}

/// A colon of either width.
pub fn is_colon(c: char) -> bool {
    matches!(c, '：' | ':')
}

/// A comma of either width (the enumeration comma 、 is not one).
pub fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// Ends a clause: a sentence's end, a comma or a colon.
pub fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || is_comma(c) || is_colon(c)
}

/// Punctuation that should not begin a line (kinsoku): the character before it moves down with it.
pub fn is_no_line_start(c: char) -> bool {
    is_clause_end(c) || matches!(c, '、' | '）' | '》' | '」' | '』' | '”' | '’' | '.' | ')')
}

/// Where a heading that carries its body on its line ends: a sentence's end or a colon
/// (`1. 深入学习法律法规:全年共组织开展了6次…`); a half-width `;` only separates inside a heading.
pub fn is_heading_stop(c: char) -> bool {
    (is_sentence_end(c) && c != ';') || is_colon(c)
}

/// The Chinese digits one to nine (zero is 零 in counting, 〇 when digits are written one by one).
const CHINESE_DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The Chinese digits that number headings and items (一 to 十).
pub fn is_chinese_numeral(c: char) -> bool {
    c == '十' || CHINESE_DIGITS.contains(&c)
}

/// The value of a Chinese digit as written in years and counts: 〇/零 0, 一 1 … 九 9.
pub fn chinese_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' | '○' => Some(0),
        _ => CHINESE_DIGITS.iter().position(|&d| d == c).map(|p| p as u32 + 1),
    }
}

/// Digit `d` (0–9) in Chinese, `zero` standing for 0.
pub fn chinese_digit_char(d: u32, zero: char) -> char {
    match d {
        1..=9 => CHINESE_DIGITS[d as usize - 1],
        _ => zero,
    }
}

/// Value of a Chinese numeral from 一 to 九十九.
pub fn chinese_value(s: &str) -> Option<u32> {
    let digit = chinese_digit;
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d).filter(|&v| v > 0)?),
        [t, '十'] => Some(digit(*t).filter(|&v| v > 1)? * 10),
        [t, '十', d] => Some(digit(*t).filter(|&v| v > 1)? * 10 + digit(*d).filter(|&v| v > 0)?),
        [d] => digit(*d).filter(|&v| v > 0),
        _ => None,
    }
}

/// Folds one character for comparison: full-width forms to ASCII, bracket and quote variants to one.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' | '\u{a0}' => ' ',
        '〔' | '【' => '[',
        '〕' | '】' => ']',
        '“' | '”' => '"',
        '‘' | '’' => '\'',
        '﹙' => '(',
        '﹚' => ')',
        c => c,
    }
}

/// A full-width digit as its ASCII digit; any other character as it is.
pub fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_ideograph_folds_to_itself_and_is_no_blank_punctuation_or_letter() {
        for c in ('\u{4000}'..='\u{9fff}').filter(|&c| is_plain_ideograph(c)) {
            assert_eq!(fold_char(c), c);
            assert!(
                !is_blank(c) && !is_punct(c) && !c.is_uppercase() && !c.is_lowercase(),
                "{c}"
            );
        }
        assert!(is_plain_ideograph('法') && !is_plain_ideograph('，') && !is_plain_ideograph('Ａ'));
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        for c in "，。、；：！？）》」』”’,.;:!?)".chars() {
            assert!(is_no_line_start(c), "{c}");
        }
        for c in "（《「“法a1".chars() {
            assert!(!is_no_line_start(c), "{c}");
        }
    }

    #[test]
    fn chinese_digits_and_numerals_read_and_write_both_ways() {
        assert_eq!(chinese_digit('〇'), Some(0));
        assert_eq!(chinese_digit('九'), Some(9));
        assert_eq!(chinese_digit('十'), None, "十 is a numeral, not a digit of a year");
        for d in 0..10 {
            assert_eq!(chinese_digit(chinese_digit_char(d, '〇')), Some(d));
            assert_eq!(chinese_digit(chinese_digit_char(d, '零')), Some(d));
        }
        assert!(is_chinese_numeral('十') && is_chinese_numeral('九') && !is_chinese_numeral('〇'));
        assert!(!is_chinese_numeral('零'));
        assert!(is_han('沈') && !is_han('，') && !is_han('a'));
    }

    #[test]
    fn punctuation_classes_nest() {
        // Full stops end sentences; semicolons end only one of a list of clauses.
        for c in "。！？!?".chars() {
            assert!(is_full_stop(c) && is_sentence_end(c) && is_clause_end(c), "{c}");
        }
        for c in "；;".chars() {
            assert!(!is_full_stop(c) && is_sentence_end(c) && is_clause_end(c), "{c}");
        }
        for c in "，,：:".chars() {
            assert!(!is_sentence_end(c) && is_clause_end(c), "{c}");
        }
        assert!(!is_clause_end('、'), "the enumeration comma joins, it does not end");
        assert!(is_heading_stop('：') && is_heading_stop('；') && !is_heading_stop(';') && !is_heading_stop('，'));
    }
}
