//! Numbers as reports write them: Arabic digits with thousands separators and decimals, a
//! multiplier after them (`1.2万`, `3.6亿`), or Chinese numerals (`二十二`, `两`, `一百二十`).

/// A number found at the start of a text: its value and length in bytes, and whether it is
/// written in Chinese numerals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub len: usize,
    pub chinese: bool,
    /// The multiplier written after the digits (`万`, `亿`), folded into `value`; `None` when
    /// there is none.
    pub multiplier: Option<char>,
}

/// The digits of `text` from its start, with `,` thousands separators and one decimal point: the
/// byte length, 0 when `text` does not start with a digit.
fn arabic_len(text: &str) -> usize {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut end = digits(text);
    if end == 0 {
        return 0;
    }
    let mut decimal = false;
    while let Some(rest) = text[end..].strip_prefix([',', '.']) {
        let sep = text.as_bytes()[end];
        let n = digits(rest);
        // A separator groups three digits; a decimal point comes once.
        let ok = match sep {
            b',' => n == 3 && !decimal,
            _ => n > 0 && !decimal,
        };
        if !ok {
            break;
        }
        decimal |= sep == b'.';
        end += 1 + n;
    }
    end
}

/// The value of one Chinese digit (`两` is 2); `None` for anything else.
pub fn chinese_digit(c: char) -> Option<u32> {
    match c {
        '两' => Some(2),
        c => crate::text::chinese_digit(c),
    }
}

fn chinese_power(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// A Chinese numeral at the start of `text` (`二十二`, `十`, `一百二十`, `两千三百`, `三万`): its
/// value and byte length.
fn chinese(text: &str) -> Option<(f64, usize)> {
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut len = 0;
    for c in text.chars() {
        if let Some(d) = chinese_digit(c) {
            if digit.is_some() {
                break; // 一二 is not a number
            }
            digit = Some(u64::from(d));
        } else if let Some(p) = chinese_power(c) {
            section += digit.take().unwrap_or(1) * u64::from(p);
        } else if c == '万' || c == '亿' {
            if len == 0 {
                break;
            }
            let scale = if c == '万' { 10_000 } else { 100_000_000 };
            total = (total + section + digit.take().unwrap_or(0)) * scale;
            section = 0;
        } else {
            break;
        }
        len += c.len_utf8();
    }
    if len == 0 {
        return None;
    }
    Some(((total + section + digit.unwrap_or(0)) as f64, len))
}

/// The number `text` starts with, if any.
pub fn number_at(text: &str) -> Option<Number> {
    let n = arabic_len(text);
    if n > 0 {
        let mut value: f64 = text[..n].replace(',', "").parse().ok()?;
        let mut len = n;
        let mut multiplier = None;
        if let Some(c) = text[n..].chars().next().filter(|c| matches!(c, '万' | '亿')) {
            value *= if c == '万' { 1e4 } else { 1e8 };
            len += c.len_utf8();
            multiplier = Some(c);
        }
        return Some(Number {
            value,
            len,
            chinese: false,
            multiplier,
        });
    }
    let (value, len) = chinese(text)?;
    Some(Number {
        value,
        len,
        chinese: true,
        multiplier: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<(f64, usize)> {
        number_at(text).map(|n| (n.value, n.len))
    }

    #[test]
    fn arabic_numbers_with_separators_decimals_and_multipliers() {
        assert_eq!(value("16次"), Some((16.0, 2)));
        assert_eq!(value("1,200人"), Some((1200.0, 5)));
        assert_eq!(value("32.5%"), Some((32.5, 4)));
        assert_eq!(value("1.2万余件"), Some((12000.0, 6)));
        assert_eq!(value("3.6亿元"), Some((360_000_000.0, 6)));
        assert_eq!(value("2.3.4"), Some((2.3, 3)), "one decimal point");
        assert_eq!(value("12,34"), Some((12.0, 2)), "a separator groups three digits");
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(value("二十二项"), Some((22.0, 9)));
        assert_eq!(value("十余次"), Some((10.0, 3)));
        assert_eq!(value("两次"), Some((2.0, 3)));
        assert_eq!(value("一百二十人"), Some((120.0, 12)));
        assert_eq!(value("三万人"), Some((30000.0, 6)));
        assert_eq!(value("十八项"), Some((18.0, 6)));
        assert_eq!(value("工作"), None);
    }
}
