//! What a figure counts, as an analyst would write it in a table: the noun a number counts when it
//! comes first (`72个案卷…`, `23项权责事项`), else the words of its clause before it (`提供法律咨询`),
//! never a time or scope word at either end (`今年以来`, `全市`), never cut inside a word, and unique
//! within a text (two values under one label are told apart: by the year their clause names, else
//! by their order).

use std::ops::Range;

use super::Figure;
use crate::lexicon::{
    COMPARISON_WORDS, LABEL_ACTION_VERBS as ACTION_VERBS, LABEL_AWARD_VERBS, LABEL_EDGE_WORDS, LABEL_MOVES as MOVES,
    LABEL_PREDICATE_VERBS as PREDICATE_VERBS, LABEL_STOP_WORDS, LABEL_TIME_WORDS as TIME_WORDS, PERSON_NOUNS,
    TIMES_UNITS as TIMES,
};
use crate::text::{is_blank, is_punct};

/// Longest label read before a figure, in characters; a longer clause keeps its last words.
const BEFORE_MAX: usize = 20;
/// Longest label read after a figure (the noun and what is said of it).
const AFTER_MAX: usize = 16;
/// Longest award read after a count of people (`服务型执法标兵`).
const AWARD_MAX: usize = 8;

/// Ends a clause for a label: sentence and clause punctuation, brackets. (An enumeration comma does
/// not: list items are told apart by the figures between them; quotes are read through.)
fn is_break(c: char) -> bool {
    crate::chars::is_clause_end(c) || matches!(c, '(' | '（' | ')' | '）' | '\n')
}

/// A label as shown: quotes dropped (`评选"法治带头人"` is `评选法治带头人`).
fn clean(label: &str) -> String {
    label
        .chars()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '‘' | '’' | '\''))
        .collect()
}

/// A run of text by words: the tokens of `text` inside `range`, blanks and punctuation left out.
fn words(tokens: &[Range<usize>], text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    // Tokens are in order: only those from the range's start are looked at, not the whole text's.
    let first = tokens.partition_point(|t| t.start < range.start);
    tokens[first..]
        .iter()
        .take_while(|t| t.start < range.end)
        .filter(|t| t.start >= range.start && t.end <= range.end)
        .filter(|t| !text[(*t).clone()].chars().all(|c| is_blank(c) || is_punct(c)))
        .cloned()
        .collect()
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// A year token (`2020年`, `2019年度`): its year.
fn year_of(word: &str) -> Option<&str> {
    let digits = word.strip_suffix("年度").or_else(|| word.strip_suffix('年'))?;
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

fn is_edge(word: &str) -> bool {
    LABEL_EDGE_WORDS.contains(&word) || year_of(word).is_some()
}

/// `words` with time, scope and linking words dropped at both ends; the text they span.
fn trimmed(text: &str, mut words: &[Range<usize>]) -> Option<Range<usize>> {
    while words.first().is_some_and(|w| is_edge(&text[w.clone()])) {
        words = &words[1..];
    }
    while words.last().is_some_and(|w| is_edge(&text[w.clone()])) {
        words = &words[..words.len() - 1];
    }
    Some(words.first()?.start..words.last()?.end)
}

/// The label read before a figure: the words of its clause before it, trimmed; `有` splits off
/// what has (`县农业农村局共有干部职工` counts 干部职工); a long clause keeps its last words.
fn before(text: &str, ws: &[Range<usize>]) -> (Option<String>, Option<String>) {
    // A year right before the figure (由2019年的0.95%) is which of the measure's values this is: it
    // tells the value apart, and is not part of the label.
    let mut ws: Vec<Range<usize>> = ws.to_vec();
    let mut year = None;
    if let Some(k) = ws.iter().position(|w| year_of(&text[w.clone()]).is_some()) {
        let tail_is_year_phrase = ws[k + 1..]
            .iter()
            .all(|w| matches!(&text[w.clone()], "的" | "底" | "末"));
        if tail_is_year_phrase {
            year = year_of(&text[ws[k].clone()]).map(|y| format!("({y}年)"));
            ws.truncate(k);
            while ws.last().is_some_and(|w| MOVES.contains(&&text[w.clone()])) {
                ws.pop();
            }
        }
    }
    // Subject, time, verb and object: the label starts after a time or scope word inside the clause
    // (`市政府法律顾问全年提供法律咨询` counts 提供法律咨询).
    if let Some(k) = ws.iter().rposition(|w| is_edge(&text[w.clone()]))
        && k > 0
        && k + 1 < ws.len()
        && TIME_WORDS.contains(&&text[ws[k].clone()])
    {
        ws.drain(..=k);
    }
    // `X共有Y`: Y is counted; `…等主题活动`: the category after 等 is.
    if let Some(k) = ws
        .iter()
        .rposition(|w| matches!(&text[w.clone()], "有" | "共有" | "拥有" | "仅有" | "等"))
    {
        ws.drain(..=k);
    }
    let Some(mut span) = trimmed(text, &ws) else {
        return (None, year);
    };
    // Keep the last words that fit.
    let kept: Vec<&Range<usize>> = ws
        .iter()
        .filter(|w| w.start >= span.start && w.end <= span.end)
        .collect();
    let mut k = 0;
    while chars(&text[span.clone()]) > BEFORE_MAX && k + 1 < kept.len() {
        k += 1;
        span.start = kept[k].start;
    }
    (Some(text[span].to_string()), year)
}

/// The label read after a figure (`range`: from the figure's end to its clause's end, `next_figure`
/// when another figure closes it): the noun it counts, with what is said of it when that is short;
/// for a count of people given an award, the award. With the byte where what it read ends.
fn after(
    text: &str,
    tokens: &[Range<usize>],
    range: Range<usize>,
    unit: &str,
    next_figure: bool,
) -> Option<(String, usize)> {
    let ws = words(tokens, text, range.clone());
    let first = &text[ws.first()?.clone()];
    // A value moving to another year's (`0.95%提高到2020年的1.05%`) says nothing of what it counts.
    if ws.iter().any(|w| year_of(&text[w.clone()]).is_some()) {
        return None;
    }
    // `7次主持召开会议`: the times count the action.
    if TIMES.contains(&unit) && PREDICATE_VERBS.iter().any(|v| first.starts_with(v)) {
        let span = trimmed(text, &ws)?;
        let label = &text[span.clone()];
        if chars(label) <= AFTER_MAX {
            return Some((label.to_string(), span.end));
        }
    }
    if PREDICATE_VERBS.contains(&first) || LABEL_STOP_WORDS.contains(&first) || is_edge(first) {
        return None;
    }
    // The noun: up to the first word that says something of it.
    let noun_end = ws
        .iter()
        .position(|w| LABEL_STOP_WORDS.contains(&&text[w.clone()]) || PREDICATE_VERBS.contains(&&text[w.clone()]))
        .unwrap_or(ws.len());
    let noun = ws[0].start..ws[..noun_end.max(1)].last()?.end;
    if PERSON_NOUNS.contains(&&text[noun.clone()]) {
        let rest = &text[noun.end..range.end];
        if let Some((at, verb)) = LABEL_AWARD_VERBS.iter().find_map(|v| rest.find(v).map(|i| (i, v))) {
            let award_start = noun.end + at + verb.len();
            let award = words(tokens, text, award_start..range.end);
            let mut k = award.len();
            while k > 0 && chars(&text[award[k - 1].start..award.last()?.end]) <= AWARD_MAX {
                k -= 1;
            }
            let k = k.min(award.len() - 1);
            let end = award.last()?.end;
            return Some((text[award[k].start..end].to_string(), end));
        }
    }
    // What is said of the noun, unless it is an action on it or runs into another figure.
    let stop = ws[noun_end.min(ws.len() - 1)..]
        .iter()
        .position(|w| ACTION_VERBS.contains(&&text[w.clone()]));
    let whole_end = match stop {
        Some(k) => ws.get(noun_end + k).map_or(range.end, |w| w.start),
        None => range.end,
    };
    let whole = text[noun.start..whole_end].trim_end_matches(|c: char| is_blank(c) || is_punct(c));
    if !next_figure && chars(whole) <= AFTER_MAX && noun_end < ws.len() && stop != Some(0) {
        return Some((whole.to_string(), noun.start + whole.len()));
    }
    Some((text[noun.clone()].to_string(), noun.end))
}

/// The label of each figure of `text` (`figures` as [`super::find`] gives them), `tokens` the
/// text's words (ranges covering it).
pub fn labels(text: &str, figures: &[Figure], tokens: &[Range<usize>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(figures.len());
    // Per figure: its label without a year, to lend to the figures after it that have none.
    let mut bases: Vec<String> = Vec::with_capacity(figures.len());
    // Where the text the last figure's label read after it ends.
    let mut read_to = 0;
    for (k, f) in figures.iter().enumerate() {
        // The clause is looked for only between the figures around this one, so a text without
        // breaks costs one pass, not one per figure.
        let previous_end = k.checked_sub(1).map_or(0, |p| figures[p].range.end);
        let lower = previous_end.max(read_to).min(f.range.start);
        let clause_start = text[lower..f.range.start]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_break(c))
            .map_or(lower, |(i, c)| lower + i + c.len_utf8());
        let from = clause_start;
        let upper = figures
            .get(k + 1)
            .map_or(text.len(), |g| g.range.start.max(f.range.end));
        let clause_end = text[f.range.end..upper]
            .char_indices()
            .find(|&(_, c)| is_break(c))
            .map_or(if upper < text.len() { upper + 1 } else { text.len() }, |(i, _)| {
                f.range.end + i
            });
        let next = figures.get(k + 1).map(|g| g.range.start).filter(|&s| s < clause_end);
        // An item of a list (`保留806件、修改35件`) says nothing after it.
        let listed = text[f.range.end..].starts_with('、');
        let to = if listed {
            f.range.end
        } else {
            next.unwrap_or(clause_end)
        };
        let ws = words(tokens, text, from..f.range.start);
        let before_text = ws.first().map_or("", |w| &text[w.start..f.range.start]);
        let compared = COMPARISON_WORDS.iter().any(|c| before_text.starts_with(c));
        let (read_before, year) = before(text, &ws);
        let previous = bases.last().cloned();
        let read_after = if compared {
            None
        } else {
            after(text, tokens, f.range.end..to, f.base_unit(), next.is_some())
        };
        read_to = read_after.as_ref().map_or(f.range.end, |a| a.1);
        let base = if compared {
            previous.map(|p| format!("{p}{}", read_before.unwrap_or_default()))
        } else {
            read_after.map(|a| a.0).or(read_before).or(previous)
        };
        let base = clean(&base.unwrap_or_default());
        out.push(match &year {
            Some(y) if !base.is_empty() => format!("{base}{y}"),
            _ => base.clone(),
        });
        bases.push(base);
    }
    unique(&mut out);
    out
}

/// Tells apart labels a text gives twice: `增速(1)`, `增速(2)`.
fn unique(labels: &mut [String]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for l in labels.iter() {
        *seen.entry(l.clone()).or_default() += 1;
    }
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for l in labels.iter_mut() {
        if seen[l.as_str()] > 1 && !l.is_empty() {
            let n = at.entry(l.clone()).or_default();
            *n += 1;
            *l = format!("{l}({n})");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_without_breaks_is_labelled_in_one_pass() {
        // Twenty thousand figures in one clause: each looks back only to the figure before it.
        let text = "全年提供法律咨询16次".repeat(20_000);
        let figures = super::super::find(&text, 0);
        assert_eq!(figures.len(), 20_000);
        let tokens: Vec<Range<usize>> = text.char_indices().map(|(i, c)| i..i + c.len_utf8()).collect();
        let got = labels(&text, &figures, &tokens);
        assert_eq!(got.len(), figures.len());
        assert!(got.iter().all(|l| l.starts_with("全年提供法律咨询")), "{:?}", &got[..3]);
    }
}
