//! Figures: every quantity a text states (a number with its unit, `16次`, `40多场次`, `二十二项`,
//! `1.2万余件`, `32.5%`), found once, here, for every screen and output: the pair overview, `compare`,
//! `figures`, the series' figures screen, the word diff's highlight. What each counts is its label
//! ([`label`]); how two values of one measure differ is [`change`].
//!
//! Years, dates, document numbers (`〔2017〕17号`), heading numbers, ordinals (`第一次`, `第9位`),
//! names of documents (《…》) and set phrases (`四个意识`, `三重一大`) are never figures, nor is a
//! lone `一` (an article more often than a count).

mod change;
mod label;
mod number;

use std::ops::Range;

use crate::lexicon::{APPROX_AFTER, APPROX_BEFORE, FIGURE_UNITS, SET_PHRASES};

pub use change::change;
pub use label::labels;
pub use number::{Number, number_at};

/// One quantity in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Bytes of the text: approximation words, number and unit (`近200次`, `250件以上`).
    pub range: Range<usize>,
    /// The number as written, in the unit shown (`1.2万余件` is 1.2 of `万件`).
    pub amount: f64,
    /// The unit as shown, with the multiplier before it: `次`, `场次`, `万元`, `万件`, `%`.
    pub unit: String,
    /// `近`, `约`, `余`, `多`, `以上` … : the value is not exact.
    pub approx: bool,
}

impl Figure {
    /// The figure as written.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }

    /// The unit without its multiplier (`万元` is `元`), what measures are matched by.
    pub fn base_unit(&self) -> &str {
        self.unit.trim_start_matches(['万', '亿'])
    }
}

/// Closes a document's name: figures inside one are part of the name.
fn name_depth(text: &str) -> Vec<u16> {
    let mut depth = 0u16;
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if c == '《' {
            depth += 1;
        }
        out.extend(std::iter::repeat_n(depth, c.len_utf8()));
        if c == '》' {
            depth = depth.saturating_sub(1);
        }
    }
    out
}

/// Can a number start at `c` (a digit, or a Chinese numeral)?
fn starts_number(c: char) -> bool {
    c.is_ascii_digit() || number::chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千')
}

/// Continues a number: what must not come right before one that starts. (A comma does not: a
/// thousands separator is read with the digits before it, and `60项,16家` are two figures.)
fn in_number(c: char) -> bool {
    starts_number(c) || matches!(c, '.' | '万' | '亿' | '〇' | '零')
}

/// A four-digit year (1900 to 2100) followed by 年, or by a dash to another year.
fn is_year(text: &str, n: &Number, at: usize) -> bool {
    if n.chinese || n.multiplier.is_some() || n.len != 4 || !(1900.0..=2100.0).contains(&n.value) {
        return false;
    }
    let rest = &text[at + n.len..];
    rest.starts_with('年') || rest.starts_with(['—', '-', '–', '～', '~', '至'])
}

/// The figures of `text`, in order; the first `skip` bytes (a numbering marker) are left out.
pub fn find(text: &str, skip: usize) -> Vec<Figure> {
    let names = name_depth(text);
    let mut out = Vec::new();
    let mut previous: Option<char> = text[..skip.min(text.len())].chars().next_back();
    let mut i = skip.min(text.len());
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else { break };
        let start_here = starts_number(c) && !previous.is_some_and(in_number);
        if !start_here || names[i] > 0 {
            previous = Some(c);
            i += c.len_utf8();
            continue;
        }
        match figure_at(text, i) {
            Some(f) => {
                previous = text[..f.range.end].chars().next_back();
                i = f.range.end;
                out.push(f);
            }
            None => {
                previous = Some(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Percent written out: `百分之九十`.
const PERCENT_WORDS: &str = "百分之";

/// The figure whose number starts at byte `at` of `text`, if it is one.
fn figure_at(text: &str, at: usize) -> Option<Figure> {
    let before = &text[..at];
    if before.ends_with('第') {
        return None;
    }
    let percent_words = before.ends_with(PERCENT_WORDS);
    let n = number_at(&text[at..])?;
    if is_year(text, &n, at) {
        return None;
    }
    let lone_one = n.chinese && n.value == 1.0 && n.len == '一'.len_utf8();
    if lone_one || SET_PHRASES.iter().any(|p| text[at..].starts_with(p)) {
        return None;
    }
    let mut end = at + n.len;
    let mut approx = false;
    if let Some(c) = text[end..].chars().next().filter(|c| matches!(c, '余' | '多')) {
        approx = true;
        end += c.len_utf8();
    }
    let unit: String = if percent_words {
        "%".to_string()
    } else {
        let u = FIGURE_UNITS.iter().find(|u| text[end..].starts_with(*u))?;
        end += u.len();
        if *u == "％" { "%".to_string() } else { (*u).to_string() }
    };
    if let Some(a) = APPROX_AFTER.iter().find(|a| text[end..].starts_with(*a)) {
        approx = true;
        end += a.len();
    }
    // 二十余 is written before its unit; `1.2万余件` is 1.2 of 万件.
    let mut start = if percent_words { at - PERCENT_WORDS.len() } else { at };
    if let Some(a) = APPROX_BEFORE.iter().find(|a| text[..start].ends_with(*a)) {
        approx = true;
        start -= a.len();
    }
    let (amount, unit) = match n.multiplier {
        Some(m) => (n.value / if m == '万' { 1e4 } else { 1e8 }, format!("{m}{unit}")),
        None => (n.value, unit),
    };
    Some(Figure {
        range: start..end,
        amount,
        unit,
        approx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        find(text, 0).into_iter().map(|f| &text[f.range]).collect()
    }

    #[test]
    fn every_shape_of_measure_is_found() {
        assert_eq!(found("提供法律咨询119次,审查合同52份。"), ["119次", "52份"]);
        assert_eq!(
            found("开展主题活动40多场次,受众8000余人次。"),
            ["40多场次", "8000余人次"]
        );
        assert_eq!(
            found("调解矛盾纠纷1.2万余件,涉及金额12.6亿元。"),
            ["1.2万余件", "12.6亿元"]
        );
        assert_eq!(
            found("细化二十二项重点工作,组织培训两次,听取汇报十余次。"),
            ["二十二项", "两次", "十余次"]
        );
        assert_eq!(
            found("数量分别是53家、72家、101家,增速分别为32.5%、35.8%、40.3%。").len(),
            6
        );
        assert_eq!(
            found("开展执法检查近200次,举办活动超过20场,覆盖约1.5万人。"),
            ["近200次", "超过20场", "约1.5万人"]
        );
        assert_eq!(
            found("力争办理250件以上,培训不少于4次,压缩至3个工作日。"),
            ["250件以上", "不少于4次", "3个工作日"]
        );
        assert_eq!(found("72个案卷无问题,11个部门提报需求。"), ["72个", "11个"]);
        assert_eq!(
            found("成果60项,16家企业提出需求,其中2件主办,1件协办。"),
            ["60项", "16家", "2件", "1件"]
        );
        assert_eq!(found("出庭应诉率达百分之九十。"), ["百分之九十"]);
        let f = &find("1.2万余件", 0)[0];
        assert_eq!((f.amount, f.unit.as_str(), f.approx), (1.2, "万件", true));
    }

    #[test]
    fn years_dates_numbers_ordinals_names_and_set_phrases_are_not_measures() {
        for text in [
            "2023年,我局召开会议。",
            "2024年1月18日",
            "现将2023年度情况报告如下:",
            "落实《实施方案(2016—2020年)》(示政〔2017〕17号)。",
            "排名第9位,系第一次进入前十。",
            "增强四个意识,执行三重一大制度,落实行政执法三项制度。",
            "一是加强学习;二是完善制度。",
            "出台了一项制度,开展一次检查。",
            "组织学习《关于做好3项重点工作的通知》。",
            "我局十分重视。",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_numbering_marker_is_skipped() {
        assert_eq!(found("1.落实制度"), Vec::<&str>::new());
        let text = "2.开展培训3次。";
        let skip = "2.".len();
        assert_eq!(find(text, skip).len(), 1);
    }
}
