//! Numbering markers at the start of a line: `第一章` `第一节` `第一条` `一、` `(一)` `（一）` `一）`
//! `1.` `1、` `1 .` `1.1` `1.1.1` `(1)` `（1）` `1）` `①` and the enumeration `一是`. Pure recognition;
//! deciding what is a heading is the outline's job.

pub use crate::chars::chinese_value;
use crate::chars::{is_blank, is_chinese_numeral};

/// The numbering styles found in Chinese government reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// `一、`
    Chinese,
    /// `(一)` or `（一）`
    ParenChinese,
    /// `1.` `1、` `1．`
    Arabic,
    /// `(1)` or `（1）`
    ParenArabic,
    /// `①`
    Circled,
    /// `一是`, `二是` … (enumerated items)
    Enumeration,
    /// `第一章`, `第一部分`
    Chapter,
    /// `第一节`
    Section,
    /// `第一条`
    Article,
    /// `1.1`, `2.3.` (two levels of decimal numbering)
    Decimal2,
    /// `1.1.1`
    Decimal3,
    /// No number: a short line that names the part after it (`存在的主要不足` over `1.` `2.`).
    /// Never parsed from a marker; the outline decides.
    Label,
}

/// A numbering marker at the start of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub style: Style,
    pub value: u32,
    /// Bytes taken by the marker and the blanks after it.
    pub len: usize,
    /// The marker as written, with stray blanks removed (`1 .` → `1.`).
    pub label: String,
}

/// A cursor over the start of a line, skipping blanks between the parts of a marker.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn skip_blanks(&mut self) {
        while let Some(c) = self.s[self.pos..].chars().next().filter(|&c| is_blank(c)) {
            self.pos += c.len_utf8();
        }
    }
    fn eat(&mut self, pred: impl Fn(char) -> bool) -> Option<char> {
        let c = self.s[self.pos..].chars().next().filter(|&c| pred(c))?;
        self.pos += c.len_utf8();
        Some(c)
    }
    fn eat_run(&mut self, pred: impl Fn(char) -> bool, max: usize) -> &'a str {
        let start = self.pos;
        let mut n = 0;
        while n < max && self.eat(&pred).is_some() {
            n += 1;
        }
        &self.s[start..self.pos]
    }
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }
}

/// Recognises the marker at the start of `line` (leading blanks allowed).
pub fn parse_marker(line: &str) -> Option<Marker> {
    let mut cur = Cursor { s: line, pos: 0 };
    cur.skip_blanks();
    let first = cur.peek()?;
    let (style, value, label) = if first == '第' {
        cur.eat(|_| true);
        let numeral = cur.eat_run(is_chinese_numeral, 3);
        let value = chinese_value(numeral)?;
        let rest = &line[cur.pos..];
        let (style, word) = [
            ("章", Style::Chapter),
            ("部分", Style::Chapter),
            ("节", Style::Section),
            ("条", Style::Article),
        ]
        .into_iter()
        .find_map(|(word, style)| rest.starts_with(word).then_some((style, word)))?;
        cur.pos += word.len();
        // `第一条` opens a clause only before a blank or a break in the text (`第一条 为了…`,
        // `第一章 总则`); `第一节课` is prose.
        if cur.peek().is_some_and(|c| !is_blank(c) && !"、.．:：".contains(c)) && style != Style::Chapter {
            return None;
        }
        cur.eat(|c| "、.．:：".contains(c));
        (style, value, format!("第{numeral}{word}"))
    } else if first == '(' || first == '（' {
        cur.eat(|_| true);
        cur.skip_blanks();
        let chinese = cur.eat_run(is_chinese_numeral, 3);
        let (style, value, inner) = if !chinese.is_empty() {
            (Style::ParenChinese, chinese_value(chinese)?, chinese)
        } else {
            let digits = cur.eat_run(|c| c.is_ascii_digit(), 2);
            (Style::ParenArabic, digits.parse().ok()?, digits)
        };
        cur.skip_blanks();
        let close = cur.eat(|c| c == ')' || c == '）')?;
        (style, value, format!("{first}{inner}{close}"))
    } else if is_chinese_numeral(first) {
        let numeral = cur.eat_run(is_chinese_numeral, 3);
        let value = chinese_value(numeral)?;
        if cur.eat(|c| c == '是').is_some() {
            (Style::Enumeration, value, format!("{numeral}是"))
        } else {
            cur.skip_blanks();
            match cur.eat(|c| matches!(c, '、' | ')' | '）'))? {
                // `一）`: as `（一）`, written with its closing bracket only.
                close @ (')' | '）') => (Style::ParenChinese, value, format!("{numeral}{close}")),
                _ => (Style::Chinese, value, format!("{numeral}、")),
            }
        }
    } else if first.is_ascii_digit() {
        let digits_start = cur.pos;
        let digits = cur.eat_run(|c| c.is_ascii_digit(), 3);
        if digits.len() > 2 {
            return None;
        }
        cur.skip_blanks();
        let sep = cur.eat(|c| matches!(c, '.' | '．' | '、' | ')' | '）'))?;
        if matches!(sep, ')' | '）') {
            // `1）`: as `（1）`, written with its closing bracket only.
            (Style::ParenArabic, digits.parse().ok()?, format!("{digits}{sep}"))
        } else if cur.peek().is_some_and(|c| c.is_ascii_digit()) {
            // `1.1`, `1.2.3`: a decimal outline, unless it is a figure (`1.5亿元`, `3.5%`).
            if sep == '、' || crate::units::leading_figure(&line[digits_start..]).is_some() {
                return None;
            }
            let mut parts = vec![digits];
            loop {
                let more = cur.eat_run(|c| c.is_ascii_digit(), 3);
                if more.is_empty() || more.len() > 2 {
                    return None;
                }
                parts.push(more);
                let save = cur.pos;
                if cur.eat(|c| matches!(c, '.' | '．')).is_some() && cur.peek().is_some_and(|c| c.is_ascii_digit()) {
                    continue;
                }
                cur.pos = save;
                break;
            }
            // A trailing dot or comma, or blanks, may follow (`1.1.`, `1.1、`, `1.1 `).
            cur.eat(|c| matches!(c, '.' | '．' | '、'));
            let style = match parts.len() {
                2 => Style::Decimal2,
                3 => Style::Decimal3,
                _ => return None,
            };
            (style, parts.last()?.parse().ok()?, parts.join("."))
        } else {
            let sep = if sep == '．' { '.' } else { sep };
            (Style::Arabic, digits.parse().ok()?, format!("{digits}{sep}"))
        }
    } else if ('①'..='⑳').contains(&first) {
        cur.eat(|_| true);
        (Style::Circled, first as u32 - '①' as u32 + 1, first.to_string())
    } else {
        return None;
    };
    if value == 0 {
        return None;
    }
    cur.skip_blanks();
    // A marker must be followed by text.
    cur.peek()?;
    Some(Marker {
        style,
        value,
        len: cur.pos,
        label,
    })
}

/// 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五.
pub fn chinese_counting(n: u32) -> String {
    let digit = |d: u32| crate::chars::chinese_digit_char(d, '零');
    if n == 0 {
        return digit(0).to_string();
    }
    let parts = [
        (n / 1000 % 10, "千"),
        (n / 100 % 10, "百"),
        (n / 10 % 10, "十"),
        (n % 10, ""),
    ];
    let mut out = String::new();
    let mut pending_zero = false;
    for (d, unit) in parts {
        if d == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push(digit(0));
            pending_zero = false;
        }
        // 十一, not 一十一, when ten leads.
        if !(d == 1 && unit == "十" && out.is_empty()) {
            out.push(digit(d));
        }
        out.push_str(unit);
    }
    out
}

/// Largest number written in letters (`a` … `z`, `aa` …: the letter repeats, so a document that
/// starts a list at four thousand million must not get a string that long).
pub const MAX_LETTERED: u32 = 26 * 20;
/// Largest number written in Roman numerals.
pub const MAX_ROMAN: u32 = 3999;

/// 1 → a, 26 → z, 27 → aa, as lists count in letters (`upper` for A …); `None` for 0 or past
/// [`MAX_LETTERED`], which callers write in decimal.
pub fn letters(n: u32, upper: bool) -> Option<String> {
    if n == 0 || n > MAX_LETTERED {
        return None;
    }
    let letter = ((if upper { b'A' } else { b'a' }) + ((n - 1) % 26) as u8) as char;
    Some(letter.to_string().repeat(((n - 1) / 26 + 1) as usize))
}

/// 4 → IV, 1999 → MCMXCIX; `None` for 0 or past [`MAX_ROMAN`], which callers write in decimal.
pub fn roman(n: u32) -> Option<String> {
    (1..=MAX_ROMAN).contains(&n).then(|| roman_unbounded(n))
}

/// 1 → ①, up to 20 → ⑳.
pub fn circled(n: u32) -> Option<char> {
    (1..=20).contains(&n).then(|| char::from_u32(0x2460 + n - 1)).flatten()
}

fn roman_unbounded(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(line: &str) -> Option<(Style, u32, String, &str)> {
        parse_marker(line).map(|m| (m.style, m.value, m.label, &line[m.len..]))
    }

    #[test]
    fn every_style_is_recognised() {
        let cases = [
            (
                "一、依法全面履行政府职能",
                Style::Chinese,
                1,
                "一、",
                "依法全面履行政府职能",
            ),
            ("十一、积极配合", Style::Chinese, 11, "十一、", "积极配合"),
            ("二 、 主要负责人", Style::Chinese, 2, "二、", "主要负责人"),
            ("  一、 总体情况", Style::Chinese, 1, "一、", "总体情况"),
            ("(三)编制清单", Style::ParenChinese, 3, "(三)", "编制清单"),
            ("（十二）其他", Style::ParenChinese, 12, "（十二）", "其他"),
            ("1.强化法治", Style::Arabic, 1, "1.", "强化法治"),
            ("1 .完善政策", Style::Arabic, 1, "1.", "完善政策"),
            ("3 . 提升", Style::Arabic, 3, "3.", "提升"),
            ("12、加强", Style::Arabic, 12, "12、", "加强"),
            ("2．规范", Style::Arabic, 2, "2.", "规范"),
            ("(1)认真落实", Style::ParenArabic, 1, "(1)", "认真落实"),
            ("（2）完善", Style::ParenArabic, 2, "（2）", "完善"),
            ("③加强", Style::Circled, 3, "③", "加强"),
            ("一是 以服务为载体", Style::Enumeration, 1, "一是", "以服务为载体"),
            ("十是完善", Style::Enumeration, 10, "十是", "完善"),
            ("第一章 总则", Style::Chapter, 1, "第一章", "总则"),
            ("第三部分 存在问题", Style::Chapter, 3, "第三部分", "存在问题"),
            ("第二节 执法", Style::Section, 2, "第二节", "执法"),
            ("第十二条 为了规范", Style::Article, 12, "第十二条", "为了规范"),
            ("第一条、加强领导", Style::Article, 1, "第一条", "加强领导"),
            ("二）完善制度", Style::ParenChinese, 2, "二）", "完善制度"),
            ("三)完善制度", Style::ParenChinese, 3, "三)", "完善制度"),
            ("1）认真落实", Style::ParenArabic, 1, "1）", "认真落实"),
            ("2)认真落实", Style::ParenArabic, 2, "2)", "认真落实"),
            ("1.1加强领导", Style::Decimal2, 1, "1.1", "加强领导"),
            ("2.3 完善制度", Style::Decimal2, 3, "2.3", "完善制度"),
            ("2.3. 完善制度", Style::Decimal2, 3, "2.3", "完善制度"),
            ("1.2.4落实责任", Style::Decimal3, 4, "1.2.4", "落实责任"),
            ("1.2、加强", Style::Decimal2, 2, "1.2", "加强"),
        ];
        for (line, style, value, label, rest) in cases {
            assert_eq!(parsed(line), Some((style, value, label.to_string(), rest)), "{line}");
        }
    }

    #[test]
    fn numbers_and_prose_are_not_markers() {
        for line in [
            "2017年,市科技局",
            "1.88亿元",
            "11.1亿元",
            "一是",
            "十一",
            "(2017-2020年)",
            "第一是",
            "2018年3月27日",
            "123.完善",
            "1.5亿元",
            "2.5万元用于培训",
            "3.5%的增长",
            "第一节课",
            "第一次会议",
            "第二条道路",
        ] {
            assert_eq!(parse_marker(line), None, "{line}");
        }
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(chinese_value("九"), Some(9));
        assert_eq!(chinese_value("十九"), Some(19));
        assert_eq!(chinese_value("二十"), Some(20));
        assert_eq!(chinese_value("二十三"), Some(23));
        assert_eq!(chinese_value("一十"), None);
        assert_eq!(chinese_value("十十"), None);
    }
}
