//! Word's automatic list numbering, shared by the .docx and .doc readers: the numbers are not in
//! the text, so they are counted paragraph by paragraph and written out as a reader sees them
//! (`一、`, `（一）`, `1.`), for the outline to find the headings.

use std::collections::HashMap;
use std::rc::Rc;

/// One level of a list definition: `%1、` in `chineseCounting` from 1, say.
#[derive(Debug, Clone)]
pub(super) struct Level {
    /// The format's name as .docx spells it (`chineseCounting`, `decimalEnclosedCircle` …).
    pub format: String,
    /// The number's text, `%1`…`%9` standing for the levels' numbers.
    pub text: String,
    pub start: u32,
}

impl Level {
    pub fn decimal(ilvl: u32) -> Self {
        Level {
            format: "decimal".into(),
            text: format!("%{}.", ilvl + 1),
            start: 1,
        }
    }
}

/// The deepest level a list has (Word's nine levels, 0–8).
pub(super) const MAX_LEVEL: u32 = 8;

/// A list's levels by their index (0–8), shared: many lists may name one definition, each
/// overriding a level or none.
pub(super) type Levels = HashMap<u32, Rc<Level>>;

/// The running count of every list at every level.
#[derive(Debug, Default)]
pub(super) struct Counters {
    counts: HashMap<String, Vec<Option<u32>>>,
}

impl Counters {
    /// Counts one more paragraph at `ilvl` of list `id` (defined by `levels`) and returns its
    /// visible number; empty for bullets and unnumbered levels.
    pub fn next(&mut self, id: &str, levels: &Levels, ilvl: u32) -> String {
        let ilvl = ilvl.min(8) as usize;
        let counts = self.counts.entry(id.to_string()).or_insert_with(|| vec![None; 9]);
        let start = |i: usize| levels.get(&(i as u32)).map_or(1, |l| l.start);
        counts[ilvl] = Some(counts[ilvl].map_or(start(ilvl), |c| c.saturating_add(1)));
        for deeper in counts.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let Some(level) = levels.get(&(ilvl as u32)) else {
            return String::new();
        };
        if level.format == "bullet" || level.format == "none" {
            return String::new();
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let i = d as usize - 1;
                    let value = counts[i].unwrap_or_else(|| start(i));
                    let format = levels.get(&(i as u32)).map_or("decimal", |l| l.format.as_str());
                    out.push_str(&format_number(value, format));
                }
                _ => out.push(c),
            }
        }
        out
    }
}

/// A number in one of Word's (and LibreOffice's) numbering formats.
pub(super) fn format_number(n: u32, format: &str) -> String {
    use crate::numbering::{chinese_counting, circled, letters, roman};
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "chineseLegalSimplified"
            if n < 10_000 =>
        {
            chinese_counting(n)
        }
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|c| crate::chars::chinese_digit_char(c.to_digit(10).unwrap_or(0), '〇'))
            .collect(),
        "ideographTraditional" if (1..=10).contains(&n) => {
            ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"][n as usize - 1].to_string()
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            circled(n).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32))
            .collect(),
        "decimalZero" => format!("{n:02}"),
        "upperLetter" | "lowerLetter" => letters(n, format == "upperLetter").unwrap_or_else(|| n.to_string()),
        "upperRoman" => roman(n).unwrap_or_else(|| n.to_string()),
        "lowerRoman" => roman(n).map_or_else(|| n.to_string(), |r| r.to_lowercase()),
        _ => n.to_string(),
    }
}

/// The .docx name of a binary .doc's number format code (MS-DOC's MSONFC), for `format_number`.
pub(super) fn nfc_name(nfc: u8) -> &'static str {
    const NAMES: [&str; 0x29] = [
        "decimal",
        "upperRoman",
        "lowerRoman",
        "upperLetter",
        "lowerLetter",
        "ordinal",
        "cardinalText",
        "ordinalText",
        "hex",
        "chicago",
        "ideographDigital",
        "japaneseCounting",
        "aiueo",
        "iroha",
        "decimalFullWidth",
        "decimalHalfWidth",
        "japaneseLegal",
        "japaneseDigitalTenThousand",
        "decimalEnclosedCircle",
        "decimalFullWidth2",
        "aiueoFullWidth",
        "irohaFullWidth",
        "decimalZero",
        "bullet",
        "ganada",
        "chosung",
        "decimalEnclosedFullstop",
        "decimalEnclosedParen",
        "decimalEnclosedCircleChinese",
        "ideographEnclosedCircle",
        "ideographTraditional",
        "ideographZodiac",
        "ideographZodiacTraditional",
        "taiwaneseCounting",
        "ideographLegalTraditional",
        "taiwaneseCountingThousand",
        "taiwaneseDigital",
        "chineseCounting",
        "chineseLegalSimplified",
        "chineseCountingThousand",
        "decimal",
    ];
    match nfc {
        0xFF => "none",
        n => NAMES.get(n as usize).copied().unwrap_or("decimal"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_formats() {
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(3, "taiwaneseCountingThousand"), "三");
        // Hostile start values: bounded output, not gigabytes.
        assert_eq!(format_number(4_294_967_000, "upperLetter"), "4294967000");
        assert_eq!(format_number(4_294_967_000, "upperRoman"), "4294967000");
        assert_eq!(format_number(u32::MAX, "chineseCounting"), u32::MAX.to_string());
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(7, "unknownFormat"), "7");
    }

    #[test]
    fn binary_format_codes_name_the_same_formats() {
        assert_eq!(nfc_name(0x25), "chineseCounting");
        assert_eq!(nfc_name(0x27), "chineseCountingThousand");
        assert_eq!(nfc_name(0x23), "taiwaneseCountingThousand");
        assert_eq!(nfc_name(0x12), "decimalEnclosedCircle");
        assert_eq!(nfc_name(0x17), "bullet");
        assert_eq!(nfc_name(0xFF), "none");
        assert_eq!(nfc_name(0x99), "decimal");
    }

    #[test]
    fn deeper_levels_restart_and_placeholders_take_each_levels_format() {
        let mut levels = Levels::new();
        levels.insert(
            0,
            Level {
                format: "chineseCounting".into(),
                text: "%1、".into(),
                start: 1,
            }
            .into(),
        );
        levels.insert(
            1,
            Level {
                format: "decimal".into(),
                text: "%1.%2".into(),
                start: 1,
            }
            .into(),
        );
        let mut c = Counters::default();
        let got: Vec<String> = [0, 1, 1, 0, 1].iter().map(|&l| c.next("a", &levels, l)).collect();
        assert_eq!(got, ["一、", "一.1", "一.2", "二、", "二.1"]);
    }
}
