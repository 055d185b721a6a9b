//! Figures that changed between two paired sentences: which ones, what they count (named with the
//! whole words of their clause: 提供法律咨询, 制定规范性文件, 保留), and by how much.

use std::ops::Range;

use super::FigureChange;
use super::tokenize::leading_figure;
use super::words::Piece;
use crate::lexicon::FIGURE_FILLERS;

/// Longest text on either side of a change still read as a changed figure.
const FIGURE_MAX_CHARS: usize = 12;
/// Longest label, in characters; longer clauses keep their last words (the verb and its object).
const LABEL_MAX_CHARS: usize = 14;
/// Ends a clause for a figure's label, which never reaches across one: clause punctuation, the
/// enumeration comma, brackets and quotes.
fn is_clause_break(c: char) -> bool {
    crate::text::is_clause_end(c) || matches!(c, '、' | '(' | '（' | ')' | '）' | '“' | '”' | '"')
}

/// What the figure at `at` in `new` counts: the words of its clause before it, fillers dropped,
/// cut at word boundaries; else the words after it in its clause.
pub(crate) fn label(new: &str, at: Range<usize>, tokens: &[Range<usize>]) -> String {
    // A year is a year, whatever its clause says.
    if leading_figure(&new[at.clone()]).is_some_and(|(n, u)| n.len() == 4 && u.starts_with('年')) {
        return "年份".to_string();
    }
    let last_break = |text: &str| {
        text.char_indices()
            .rev()
            .find(|&(_, c)| is_clause_break(c))
            .map(|(i, c)| (i, i + c.len_utf8()))
    };
    let (break_at, start) = last_break(&new[..at.start]).unwrap_or((0, 0));
    let end = new[at.end..]
        .char_indices()
        .find(|&(_, c)| is_clause_break(c))
        .map_or(new.len(), |(i, _)| at.end + i);
    let words = |range: Range<usize>| -> Vec<&str> {
        tokens
            .iter()
            .filter(|t| t.start >= range.start && t.end <= range.end)
            .map(|t| new[t.clone()].trim())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let mut before = words(start..at.start);
    trim_fillers(&mut before);
    // `2025年1月26日`: a day or month right after another figure is a date.
    let unit = leading_figure(&new[at.clone()]).map_or("", |f| f.1);
    if matches!(unit, "日" | "月" | "号")
        && before
            .last()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        return "日期".to_string();
    }
    while before.len() > 1 && before.iter().map(|w| w.chars().count()).sum::<usize>() > LABEL_MAX_CHARS {
        before.remove(0);
    }
    if !before.is_empty() {
        return before.concat();
    }
    // After the figure: skip its unit and any figure that follows, keep the words.
    let mut after: Vec<&str> = words(at.end..end)
        .into_iter()
        .skip_while(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .collect();
    trim_fillers(&mut after);
    after.truncate(4);
    if !after.is_empty() {
        return after.concat();
    }
    // A figure alone in its clause is counted by what the nearest clause before it says.
    let mut end = break_at;
    while end > 0 {
        let (previous_break, previous_start) = last_break(&new[..end]).unwrap_or((0, 0));
        let mut found: Vec<&str> = words(previous_start..end)
            .into_iter()
            .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
            .collect();
        trim_fillers(&mut found);
        if !found.is_empty() {
            let keep = found.len().saturating_sub(3);
            return found[keep..].concat();
        }
        end = previous_break;
    }
    String::new()
}

fn trim_fillers(words: &mut Vec<&str>) {
    while words.first().is_some_and(|w| FIGURE_FILLERS.contains(w)) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| FIGURE_FILLERS.contains(w)) {
        words.pop();
    }
}

/// The number of a figure and its unit: `6,413万元` → (6413.0, `万元`).
fn value(figure: &str) -> Option<(f64, &str)> {
    let (number, unit) = leading_figure(figure)?;
    Some((number.replace(',', "").parse().ok()?, unit))
}

/// How a figure moved, in its unit: `16次` → `119次` is `+103次`. `None` when the units differ or
/// a side is not one number.
pub fn change(before: &str, after: &str) -> Option<String> {
    let ((b, unit), (a, unit_after)) = (value(before)?, value(after)?);
    if unit != unit_after || before.len() > value_len(before) || after.len() > value_len(after) {
        return None;
    }
    let d = a - b;
    let sign = if d > 0.0 {
        "+"
    } else if d < 0.0 {
        "−"
    } else {
        "±"
    };
    let magnitude = format!("{:.2}", d.abs());
    let magnitude = magnitude.trim_end_matches('0').trim_end_matches('.');
    Some(format!("{sign}{magnitude}{unit}"))
}

/// Bytes of the leading figure (number and unit) of `text`.
fn value_len(text: &str) -> usize {
    leading_figure(text).map_or(0, |(n, u)| n.len() + u.len())
}

/// Lists the figures that changed, and flags the short changes that are figures so they stand out.
/// A longer change counts too when both sides start with a figure in the same unit after shared
/// words: in `提供法律咨询[-16次,有效防范了法律风险-]{+119次+}` the count went from 16 to 119.
/// `new_tokens` are the tokens of `new`, for labels made of whole words.
pub fn mark_figures(pieces: &mut Vec<Piece>, old: &str, new: &str, new_tokens: &[Range<usize>]) -> Vec<FigureChange> {
    let mut out = Vec::new();
    // Pieces led by a figure, to split so that the figure alone stands out: (index, old, new bytes).
    let mut splits = Vec::new();
    for (k, p) in pieces.iter_mut().enumerate() {
        if !p.changed || p.numbering {
            continue;
        }
        let (before, after) = (&old[p.old.clone()], &new[p.new.clone()]);
        let short = before.chars().count() <= FIGURE_MAX_CHARS && after.chars().count() <= FIGURE_MAX_CHARS;
        let (lead_before, lead_after) = (leading_figure(before), leading_figure(after));
        let other_units = matches!((lead_before, lead_after), (Some((_, u)), Some((_, v))) if u != v);
        let digits = |s: &str| s.contains(|c: char| c.is_ascii_digit());
        let (before, after) = if short && !other_units && digits(before) && digits(after) {
            p.figure = true;
            (before.to_string(), after.to_string())
        } else if let (Some((b, unit)), Some((a, unit_after))) = (lead_before, lead_after)
            && unit == unit_after
            && b != a
        {
            splits.push((k, b.len() + unit.len(), a.len() + unit.len()));
            (format!("{b}{unit}"), format!("{a}{unit}"))
        } else {
            continue;
        };
        let context = label(new, p.new.clone(), new_tokens);
        // A year or date moves by one with every report; its difference says nothing.
        let change = change(&before, &after).filter(|_| context != "年份" && context != "日期");
        out.push(FigureChange {
            context,
            change,
            before,
            after,
        });
    }
    for (k, old_len, new_len) in splits.into_iter().rev() {
        let p = pieces[k].clone();
        let (old_at, new_at) = (p.old.start + old_len, p.new.start + new_len);
        pieces[k] = Piece {
            old: p.old.start..old_at,
            new: p.new.start..new_at,
            figure: true,
            ..p.clone()
        };
        pieces.insert(
            k + 1,
            Piece {
                old: old_at..p.old.end,
                new: new_at..p.new.end,
                ..p
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{CharTokenizer, JiebaTokenizer, Tokenizer};

    fn label_of(text: &str, figure: &str, tokenizer: &dyn Tokenizer) -> String {
        let at = text.find(figure).expect("figure in text");
        label(text, at..at + figure.len(), &tokenizer.tokens(text))
    }

    #[test]
    fn labels_are_the_clauses_whole_words_without_fillers() {
        let j = JiebaTokenizer::new();
        for (text, figure, want) in [
            (
                "严格执行备案制度,全年制定规范性文件6件,均按时报送备案。",
                "6件",
                "制定规范性文件",
            ),
            ("开展规范性文件清理,保留14件,废止2件。", "14件", "保留"),
            ("开展规范性文件清理,保留14件,废止2件。", "2件", "废止"),
            ("聘请法律顾问,提供法律咨询119次。", "119次", "提供法律咨询"),
            ("全局持证执法人员达到24人。", "24人", "持证执法人员"),
            ("2024年,市科技局在市委领导下开展工作。", "2024年", "年份"),
            ("现将2024年度法治政府建设情况报告如下:", "2024年度", "年份"),
            ("审查合同52份,“16次”。", "16次", "审查合同"),
            ("示例市科学技术局 2025年1月20日", "20日", "日期"),
        ] {
            assert_eq!(label_of(text, figure, &j), want, "{text}");
        }
        // Long clauses keep their last words, never a part of one.
        let long = "全年召开党组会议专题研究法治政府建设工作5次。";
        let got = label_of(long, "5次", &j);
        assert!(
            got.chars().count() <= LABEL_MAX_CHARS && long.contains(&got) && got.ends_with("工作"),
            "{got}"
        );
        assert_eq!(label_of("提供法律咨询16次。", "16次", &CharTokenizer), "提供法律咨询");
    }

    #[test]
    fn changes_are_computed_in_the_unit_only() {
        assert_eq!(change("16次", "119次").as_deref(), Some("+103次"));
        assert_eq!(change("3件", "2件").as_deref(), Some("−1件"));
        assert_eq!(change("6,413万元", "7,000.5万元").as_deref(), Some("+587.5万元"));
        assert_eq!(change("5次", "5人"), None);
        assert_eq!(change("5次以上", "8次"), None);
    }
}
