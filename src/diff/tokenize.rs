//! Tokens for the word diff. Consistency matters more than linguistics: the same phrase must split the
//! same way in both reports. Numbers with their unit (`16次`, `2017年`, `6413万元`) and domain terms
//! (`规范性文件`, `双随机、一公开`) are always one token; the remaining Chinese runs go to jieba
//! with HMM off (or, before jieba is loaded, one token per character; see `jieba`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Splits folded text into tokens; the ranges are contiguous and cover the whole text.
pub trait Tokenizer: Send + Sync {
    fn tokens(&self, text: &str) -> Vec<Range<usize>>;
}

/// Government terms that must never be split (folded forms: half-width punctuation).
pub const DOMAIN_TERMS: &[&str] = &[
    "双随机、一公开",
    "谁执法谁普法",
    "重大行政决策",
    "公平竞争审查",
    "规范性文件",
    "合法性审查",
    "法治政府",
    "法律顾问",
    "行政执法",
    "行政复议",
    "行政诉讼",
    "依法行政",
    "放管服",
    "一网通办",
    "三重一大",
    "政务公开",
    "信息公开",
    "政务服务",
    "权责清单",
    "第一责任人",
    "学法用法",
    "执法人员",
    "案卷评查",
    "法律咨询",
    "普法责任制",
    "领导干部",
    "法治宣传",
    "行政审批",
    "减证便民",
    "互联网+",
    "专家论证",
    "风险评估",
    "集体讨论",
    "备案审查",
    "行政处罚",
    "行政许可",
    "政府合同",
    "法治思想",
    "人大代表",
    "政协委员",
];

/// Units that stay attached to the number before them, longest first.
const UNITS: &str = "余人次|多场次|余场次|万余元|万元|亿元|余次|多次|人次|场次|余人|余家|余件|余项|余条|多家|多人|多项|多件|小时|个月|年度|年|月|日|次|件|个|家|人|项|名|场|期|卷|份|条|位|所|批|部|篇|天|周|元|万|亿|号|台|套|类|本|%|倍|户|起|宗|册|亩";

/// The figure `text` starts with, and its unit: `("16", "次")` for `16次,有效…`; `None` unless it
/// starts with a number that has a unit.
pub fn leading_figure(text: &str) -> Option<(&str, &str)> {
    let mut end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    if end == 0 {
        return None;
    }
    // Decimals and thousands separators: 1.5亿元, 6,413万元.
    while let Some(rest) = text[end..].strip_prefix(['.', ',']) {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        if digits == 0 {
            break;
        }
        end += 1 + digits;
    }
    let unit = UNITS.split('|').find(|u| text[end..].starts_with(u))?;
    Some((&text[..end], unit))
}

/// Compiles the tokenizer's pattern now (about 1 ms), so that a thread with time to spare can do it
/// before the first word diff needs it.
pub fn prepare() {
    LazyLock::force(&ATOMS);
}

static ATOMS: LazyLock<Regex> = LazyLock::new(|| {
    let mut terms: Vec<&str> = DOMAIN_TERMS.to_vec();
    terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let terms: Vec<String> = terms.iter().map(|t| regex::escape(t)).collect();
    let pattern = format!(r"{}|\d+(?:[.,]\d+)*(?:{UNITS})?|[A-Za-z]+|\s+", terms.join("|"));
    Regex::new(&pattern).expect("static regex")
});

/// Splits `text` into atoms (terms, numbers, ASCII words, blanks), single punctuation characters and
/// Chinese runs, which `cut` segments.
pub(super) fn split_with(text: &str, cut: impl Fn(&str, usize, &mut Vec<Range<usize>>)) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 3);
    let mut gap_start = 0;
    let flush_gap = |start: usize, end: usize, out: &mut Vec<Range<usize>>| {
        let mut run_start = start;
        for (i, c) in text[start..end].char_indices() {
            let i = start + i;
            if crate::text::is_punct(c) {
                if run_start < i {
                    cut(&text[run_start..i], run_start, out);
                }
                out.push(i..i + c.len_utf8());
                run_start = i + c.len_utf8();
            }
        }
        if run_start < end {
            cut(&text[run_start..end], run_start, out);
        }
    };
    for m in ATOMS.find_iter(text) {
        flush_gap(gap_start, m.start(), &mut out);
        out.push(m.range());
        gap_start = m.end();
    }
    flush_gap(gap_start, text.len(), &mut out);
    out
}

/// One token per character outside atoms: instant, and good enough until jieba is ready.
#[derive(Debug, Default, Clone, Copy)]
pub struct CharTokenizer;

impl Tokenizer for CharTokenizer {
    fn tokens(&self, text: &str) -> Vec<Range<usize>> {
        split_with(text, |run, base, out| {
            out.extend(run.char_indices().map(|(i, c)| base + i..base + i + c.len_utf8()));
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_figures_carry_their_unit() {
        assert_eq!(leading_figure("16次,有效防范"), Some(("16", "次")));
        assert_eq!(leading_figure("6,413万元。"), Some(("6,413", "万元")));
        assert_eq!(leading_figure("1.5亿元"), Some(("1.5", "亿元")));
        assert_eq!(leading_figure("3."), None);
        assert_eq!(leading_figure("2017"), None);
        assert_eq!(leading_figure("次数"), None);
    }

    fn words<'a>(tok: &dyn Tokenizer, text: &'a str) -> Vec<&'a str> {
        tok.tokens(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn numbers_with_units_and_terms_are_whole() {
        let w = words(
            &CharTokenizer,
            "提供法律咨询16次,落实双随机、一公开,资金6413万元,增长16.9%",
        );
        for expected in ["法律咨询", "16次", "双随机、一公开", "6413万元", "16.9%"] {
            assert!(w.contains(&expected), "{expected} in {w:?}");
        }
        assert_eq!(w.concat(), "提供法律咨询16次,落实双随机、一公开,资金6413万元,增长16.9%");
    }
}
