//! Stage 2, normalise: decoded text to logical lines, and folded text for matching.
//!
//! Owns: joining hard line breaks inside sentences, dropping web-page debris after the report, and the
//! width/space folding used for every comparison (`fold`), with a map back to the original text.
//! Must not change what is displayed: lines keep their original characters.

use std::ops::Range;

pub use crate::chars::fold_char;
use crate::lexicon::DEBRIS_PREFIXES;
use crate::numbering::parse_marker;
use crate::shared::SharedText;
use crate::text::{is_blank, is_sentence_end, parse_date, trim_blank};

/// One logical line: a paragraph, a heading, or a line of the letter frame (title, signature …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Original characters, blanks trimmed, hard breaks inside a sentence removed: a stretch of
    /// one text that holds every line, which the outline's paragraphs are stretches of in turn.
    pub text: SharedText,
    /// A blank line preceded this one in the file.
    pub blank_before: bool,
    /// The line of the text (from 1) it starts on.
    pub number: u32,
}

/// Is this line page furniture (navigation, comments, share buttons)?
pub fn is_debris(line: &str) -> bool {
    let line = trim_blank(line);
    DEBRIS_PREFIXES.iter().any(|p| line.starts_with(p))
}

/// Splits text into logical lines: trims blanks, drops debris at the end of the page and joins lines
/// that a hard break cut inside a sentence.
pub fn logical_lines(text: &str) -> Vec<Line> {
    /// A line of the file, blanks trimmed: borrowed, as most are kept whole.
    struct Physical<'a> {
        text: &'a str,
        blank_before: bool,
        number: u32,
    }
    let mut physical: Vec<Physical> = Vec::new();
    let mut blank_before = false;
    for (i, raw) in text.lines().enumerate() {
        let t = trim_blank(raw);
        if t.is_empty() {
            blank_before = true;
            continue;
        }
        physical.push(Physical {
            text: t,
            blank_before,
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
        });
        blank_before = false;
    }
    // Debris only counts in the second half, so a report that mentions 下一篇 early keeps its text.
    let half = physical.len() / 2;
    if let Some(cut) = (half..physical.len()).find(|&i| is_debris(physical[i].text)) {
        physical.truncate(cut);
    }

    // The logical lines end to end in one text, each a range of it: no string a line.
    let mut all = String::with_capacity(physical.iter().map(|l| l.text.len()).sum());
    let mut lines: Vec<(Range<usize>, bool, u32)> = Vec::with_capacity(physical.len());
    for line in physical {
        match lines.last_mut() {
            Some((prev, ..)) if !line.blank_before && continues(&all[prev.clone()], line.text) => {
                let prev_text = &all[prev.clone()];
                // Two Latin words stay apart; a number cut by the line's end (`20` / `19年`) joins up.
                let digits = prev_text.ends_with(|c: char| c.is_ascii_digit())
                    && line.text.starts_with(|c: char| c.is_ascii_digit());
                if ends_ascii_word(prev_text) && line.text.starts_with(|c: char| c.is_ascii_alphanumeric()) && !digits {
                    all.push(' ');
                }
                all.push_str(line.text);
                prev.end = all.len();
            }
            _ => {
                let start = all.len();
                all.push_str(line.text);
                lines.push((start..all.len(), line.blank_before, line.number));
            }
        }
    }
    all.shrink_to_fit();
    let all = std::sync::Arc::new(all);
    lines
        .into_iter()
        .map(|(range, blank_before, number)| Line {
            text: SharedText::slice(&all, range).unwrap_or_default(),
            blank_before,
            number,
        })
        .collect()
}

fn ends_ascii_word(s: &str) -> bool {
    s.ends_with(|c: char| c.is_ascii_alphanumeric())
}

/// Does `next` continue the sentence that `prev` left open?
fn continues(prev: &str, next: &str) -> bool {
    let Some(last) = prev.chars().last() else {
        return false;
    };
    if is_sentence_end(last) || matches!(last, '：' | ':' | '…') || ends_with_closed_sentence(prev) {
        return false;
    }
    if parse_marker(next).is_some() || parse_date(next).is_some() || is_debris(next) {
        return false;
    }
    // A numbered line with no sentence end is a heading on its own line.
    if let Some(m) = parse_marker(prev)
        && !prev[m.len..].contains(is_sentence_end)
    {
        return false;
    }
    // Short lines without any punctuation are titles, signatures and the like.
    let has_punct = prev.contains(['，', ',', '、', '。', '；', '“', '《']);
    has_punct || prev.chars().count() > 40
}

/// `…完成。”` ends a sentence although its last character is a closing quote.
fn ends_with_closed_sentence(s: &str) -> bool {
    let mut rev = s.chars().rev();
    let last = rev.next();
    let before = rev.next();
    matches!(last, Some('”' | '’' | '）' | ')' | '」')) && before.is_some_and(is_sentence_end)
}

/// Text folded for matching, with a map back to the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// The places where folded and original offsets stop moving together, in order, then one at
    /// the end of the text. Between two anchors the folded text is a byte-for-byte copy of the
    /// original, so a map needs a few bytes per changed character rather than 24 per character.
    anchors: Vec<Anchor>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    /// Byte offset in the folded text.
    folded: u32,
    /// Original byte offset of the character there (the original's length for the last anchor).
    original: u32,
    /// Original end of the character before it.
    end_before: u32,
}

impl Folded {
    /// Maps a byte range of the folded text (at character boundaries) back to the original text.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        let last = self.anchors.len() - 1;
        let (start, end) = (range.start as u32, range.end as u32);
        let original_len = self.anchors[last].original as usize;
        if range.start >= self.text.len() {
            return original_len..original_len;
        }
        let at = |k: usize, offset: u32| (self.anchors[k].original + offset - self.anchors[k].folded) as usize;
        let k = self.anchors.partition_point(|a| a.folded <= start) - 1;
        let from = at(k, start);
        if range.is_empty() {
            return from..from;
        }
        let k = self.anchors.partition_point(|a| a.folded < end);
        let to = match self.anchors.get(k) {
            Some(a) if a.folded == end => a.end_before as usize,
            _ => at(k - 1, end),
        };
        from..to
    }
}

/// Folds `s` for matching: widths and punctuation variants unified (see [`fold_char`]), blanks dropped
/// except one between two ASCII words. Every folded character maps back to its original.
pub fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut anchors = Vec::new();
    // The original end of the last character if it was copied unchanged (its run may go on).
    let mut copy_end: Option<usize> = None;
    let mut end_before = 0;
    let emit = |text: &mut String,
                anchors: &mut Vec<Anchor>,
                (copy_end, end_before): (&mut Option<usize>, &mut usize),
                f: char,
                range: Range<usize>,
                original: char| {
        let copied = f == original;
        if !(copied && *copy_end == Some(range.start)) {
            anchors.push(Anchor {
                folded: text.len() as u32,
                original: range.start as u32,
                end_before: *end_before as u32,
            });
        }
        *copy_end = copied.then_some(range.end);
        *end_before = range.end;
        text.push(f);
    };
    let mut pending_space: Option<(Range<usize>, char)> = None;
    let bytes = s.as_bytes();
    let mut at = 0;
    while let Some(c) = s[at..].chars().next() {
        let i = at;
        at += c.len_utf8();
        // Ideographs, most of the text, fold to themselves and are no blanks: a run of them
        // (U+4000–U+9FFF, three bytes led by E4–E9) continues the run copied, whole.
        if crate::chars::is_plain_ideograph(c) && pending_space.is_none() && copy_end == Some(i) {
            while bytes.get(at).is_some_and(|b| (0xe4..=0xe9).contains(b)) {
                at += 3;
            }
            text.push_str(&s[i..at]);
            copy_end = Some(at);
            end_before = at;
            continue;
        }
        let f = fold_char(c);
        let range = i..i + c.len_utf8();
        if is_blank(f) {
            pending_space.get_or_insert((range, c));
            continue;
        }
        if let Some((space, original)) = pending_space.take()
            && f.is_ascii_alphanumeric()
            && text.ends_with(|p: char| p.is_ascii_alphanumeric())
        {
            emit(
                &mut text,
                &mut anchors,
                (&mut copy_end, &mut end_before),
                ' ',
                space,
                original,
            );
        }
        emit(&mut text, &mut anchors, (&mut copy_end, &mut end_before), f, range, c);
    }
    anchors.push(Anchor {
        folded: text.len() as u32,
        original: s.len() as u32,
        end_before: end_before as u32,
    });
    Folded { text, anchors }
}

#[cfg(test)]
mod tests;
