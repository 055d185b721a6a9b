//! Small text helpers shared by the stages: blanks, CJK, sentence boundaries, dates and a
//! character-bigram fingerprint for similarity. Knows nothing of documents.

use std::ops::Range;

mod fingerprint;
pub use fingerprint::{Fingerprint, Prints, dice_of, holds};

pub use crate::chars::{
    chinese_digit, is_blank, is_chinese_numeral, is_cjk, is_clause_end, is_colon, is_comma, is_control_or_override,
    is_han, is_heading_stop, is_invisible_format, is_punct, is_sentence_end, trim_blank,
};

/// A message as it may be printed: on one line (line breaks as `; `), every control, override and
/// invisible format character escaped, whatever part of it came from a file.
pub fn one_line(message: &str) -> String {
    let joined: Vec<&str> = message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    shown(&joined.join("; "))
}

/// A file name (or any short label) as it may be printed: such characters written as escapes
/// (`\u{1b}`), so that a name never reaches the terminal as a control sequence or splits a
/// one-line message.
pub fn shown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_control_or_override(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// A path as it may be printed (see [`shown`]).
pub fn shown_path(path: &std::path::Path) -> String {
    shown(&path.display().to_string())
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》' | '"' | '\'')
}

/// Tracks quote and book-title brackets so punctuation inside them is not taken as a boundary.
#[derive(Default, Clone, Copy)]
pub struct Nesting(i32);

impl Nesting {
    pub fn update(&mut self, c: char) {
        match c {
            '《' | '“' | '「' | '『' => self.0 += 1,
            '》' | '”' | '」' | '』' => self.0 = (self.0 - 1).max(0),
            _ => {}
        }
    }

    pub fn outside(&self) -> bool {
        self.0 == 0
    }
}

/// A digest that stays the same across runs, builds and machines (FNV-1a, 64 bits), fed text
/// piece by piece: what the analyst's review keys reports, sentences and rows by, in files kept
/// between sessions.
#[derive(Debug, Clone, Copy)]
pub struct Digest(u64);

impl Default for Digest {
    fn default() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }
}

impl Digest {
    pub fn bytes(&mut self, text: &str) {
        for b in text.bytes() {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// The [`Digest`] of `text`.
pub fn digest(text: &str) -> u64 {
    let mut d = Digest::default();
    d.bytes(text);
    d.finish()
}

/// A sentence's key among the analyst's refilings: the digest of its text, blanks trimmed.
pub fn sentence_digest(text: &str) -> u64 {
    digest(text.trim())
}

/// The line (from 1) of `text` on which `sentence` starts, as far as its opening characters tell:
/// the first line holding them (a sentence broken across lines is known by what starts it).
pub fn line_holding(text: &str, sentence: &str) -> Option<usize> {
    let sentence = sentence.trim();
    // The longest opening that a line holds whole: 16 characters, else fewer.
    [16, 8, 4].into_iter().find_map(|n| {
        let end = sentence.char_indices().nth(n).map_or(sentence.len(), |(i, _)| i);
        let opening = &sentence[..end];
        (!opening.is_empty())
            .then(|| text.lines().position(|l| l.contains(opening)).map(|i| i + 1))
            .flatten()
    })
}

/// The characters of `text` that sentence splitting looks at, with their bytes: all a
/// quotation's nesting or a stop can come from. They start with a quote or book-title mark's lead
/// byte (E2, E3), a wide stop's (E3, EF) or a narrow stop (`!`, `?`, `;`); every other character
/// is passed over without being decoded, many bytes at a step (`memchr`).
fn marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    // The next wide and narrow mark from `at` on, each found once and kept until passed: looking
    // for the one afresh at every mark of the other would read on to the next (to the end of a
    // text without any) each time.
    let (mut wide, mut narrow) = (None, None);
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let w = next_of(bytes, at, [0xe2, 0xe3, 0xef], &mut wide);
        let n = next_of(bytes, at, *b"!?;", &mut narrow);
        let i = w.min(n);
        let c = text.get(i..)?.chars().next()?;
        at = i + c.len_utf8();
        Some((i, c))
    })
}

/// Where the first of `bytes` from `at` on is one of `any` (`bytes.len()` when none is), read
/// from `kept` while that is still ahead, else found and kept there.
fn next_of(bytes: &[u8], at: usize, [a, b, c]: [u8; 3], kept: &mut Option<usize>) -> usize {
    match *kept {
        Some(p) if p >= at => p,
        _ => {
            let p = memchr::memchr3(a, b, c, &bytes[at..]).map_or(bytes.len(), |k| at + k);
            *kept = Some(p);
            p
        }
    }
}

/// Splits text into sentences; the ranges are contiguous and cover the whole text. A quotation
/// (`“要加强。要落实。”`) stays inside its sentence, unless the text's quotes do not balance: then
/// every stop ends a sentence, so that one stray mark cannot swallow a paragraph. Only the
/// characters that can be stops or quotes are decoded (`marks`), as the outline and the text
/// output split every paragraph.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    // Whether quotations are tracked: the text has one, its marks balance, and no closing mark
    // comes before its opening (which would also leave the count at zero).
    let (mut nesting, mut depth, mut opens, mut ordered) = (Nesting::default(), 0i32, false, true);
    for (_, c) in marks(text) {
        nesting.update(c);
        match c {
            '《' | '“' | '「' | '『' => (depth, opens) = (depth + 1, true),
            '》' | '”' | '」' | '』' => depth -= 1,
            _ => {}
        }
        ordered &= depth >= 0;
    }
    let track_quotes = nesting.outside() && opens && ordered;
    let mut nesting = Nesting::default();
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in marks(text) {
        // Marks inside a sentence's tail, already taken, are passed.
        if i < start {
            continue;
        }
        nesting.update(c);
        if !is_sentence_end(c) {
            continue;
        }
        let after = &text[i + c.len_utf8()..];
        if track_quotes && !nesting.outside() {
            // Inside a quotation a stop ends the sentence only when the quotation closes right
            // after it (`“三是规范。”`).
            let mut probe = nesting;
            let closes = after
                .chars()
                .take_while(|&d| is_closer(d) || is_sentence_end(d))
                .any(|d| {
                    probe.update(d);
                    probe.outside()
                });
            if !closes {
                continue;
            }
        }
        let mut end = i + c.len_utf8();
        for d in after.chars() {
            if !(is_closer(d) || is_sentence_end(d) || is_blank(d)) {
                break;
            }
            end += d.len_utf8();
            nesting.update(d);
        }
        out.push(start..end);
        start = end;
    }
    if start < text.len() {
        if trim_blank(&text[start..]).is_empty() && !out.is_empty() {
            if let Some(last) = out.last_mut() {
                last.end = text.len();
            }
        } else {
            out.push(start..text.len());
        }
    }
    out
}

/// Recognises a signing date such as `2018年3月27日` or `二〇一八年三月二十七日`; returns (year, month, day).
pub fn parse_date(line: &str) -> Option<(u32, u32, u32)> {
    let s: String = line.chars().filter(|&c| !is_blank(c)).collect();
    let s = s.strip_suffix('日').or_else(|| s.strip_suffix('号'))?;
    let (year, rest) = s.split_once('年')?;
    let (month, day) = rest.split_once('月')?;
    let year = parse_year_digits(year)?;
    let month = parse_small_number(month).filter(|m| (1..=12).contains(m))?;
    let day = parse_small_number(day).filter(|d| (1..=31).contains(d))?;
    Some((year, month, day))
}

fn parse_year_digits(s: &str) -> Option<u32> {
    let digits: String = s
        .chars()
        .map(|c| match c {
            'Ｏ' => Some('0'),
            '0'..='9' => Some(c),
            '０'..='９' => Some(crate::chars::fold_digit(c)),
            c => chinese_digit(c).and_then(|d| char::from_digit(d, 10)),
        })
        .collect::<Option<String>>()?;
    (digits.len() == 4)
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|&y| is_plausible_year(y))
}

fn parse_small_number(s: &str) -> Option<u32> {
    let ascii: String = s.chars().map(crate::chars::fold_digit).collect();
    ascii.parse().ok().or_else(|| crate::chars::chinese_value(s))
}

/// The pairs of neighbouring characters of `s`, as a set: what short texts (figure labels,
/// problem sentences) are compared by when they are too few for a [`Fingerprint`] index.
pub fn char_pairs(s: &str) -> std::collections::HashSet<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// How alike two texts are: the share of character pairs they have in common (Dice), 0 when
/// either has none.
pub fn pair_dice(a: &str, b: &str) -> f64 {
    let (a, b) = (char_pairs(a), char_pairs(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()) as f64
}

/// A year a report may be about or signed in: from the founding of the state to far ahead. The one
/// range the date, the report's year and its phrases are read within.
pub fn is_plausible_year(year: u32) -> bool {
    (1949..=2200).contains(&year)
}

/// Longest name between 《 and 》 taken as a document's name; longer spans are unbalanced marks.
const MAX_TITLE_CHARS: usize = 60;

/// Byte ranges of the names between 《 and 》 in `text` (the marks left out): never empty, at most
/// [`MAX_TITLE_CHARS`] characters, and a 《 opened again before its 》 starts the name afresh. The
/// one reading of a cited document's title, for the overview's citations and the topics' masking.
pub fn book_titles(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('《') {
        let start = from + open + '《'.len_utf8();
        let Some(close) = text[start..].find(['》', '《']) else {
            break;
        };
        let end = start + close;
        if text[end..].starts_with('》') && end > start && text[start..end].chars().count() <= MAX_TITLE_CHARS {
            out.push(start..end);
        }
        from = if text[end..].starts_with('》') {
            end + '》'.len_utf8()
        } else {
            end
        };
    }
    out
}

/// The text fixtures' contents (every `.txt` under `tests/fixtures`): what the fast paths over
/// text are checked against their plain versions on, besides generated text.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<(std::path::PathBuf, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "txt")
                && let Ok(text) = std::fs::read_to_string(&p)
            {
                out.push((p, text));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut out,
    );
    assert!(out.len() >= 20, "the text fixtures: {}", out.len());
    out
}

#[cfg(test)]
mod tests;
