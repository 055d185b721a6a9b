//! jieba's segmentation (HMM off) over a dictionary compiled at build time.
//!
//! The dictionary (the common quarter of jieba's, see `scripts/make-dict.py`) is an FST map from
//! word to frequency that `build.rs` makes from `dict.txt` and the binary reads in place; the domain
//! terms (the taxonomy's atoms) are a sorted list. For every character of a run, the words that
//! start there are found by walking the map and looking through the terms; the route through the
//! run maximises the sum of `ln(freq / total)` as jieba's does (ties to the longer word), and single
//! ASCII letters and digits the route leaves alone are joined. The tokens are jieba-rs's with the
//! same words (a test checks every fixture), without building its trie at every start: building it
//! was the largest single cost of comparing two short reports.

use std::ops::Range;
use std::sync::LazyLock;

use fst::raw::{Fst, Output};

use super::tokenize::{DOMAIN_TERMS, Tokenizer, split_with};

/// `dict.txt` as an FST map, made by `build.rs`.
static DICTIONARY_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dict.fst"));

/// The sum of the dictionary's frequencies (checked by a test; `scripts/make-dict.py` prints it).
const DICTIONARY_TOTAL: u64 = 58_927_876;

/// Frequency given to the domain terms, so that they always win over their parts.
const TERM_FREQ: u64 = 100_000;

/// The domain terms jieba is told about: those without punctuation (the others are atoms of the
/// tokenizer and never reach the segmenter).
pub fn jieba_terms() -> impl Iterator<Item = &'static str> {
    DOMAIN_TERMS
        .iter()
        .copied()
        .filter(|t| !t.contains(|c: char| c.is_ascii_punctuation() || c == '、'))
}

struct Dictionary {
    words: Fst<&'static [u8]>,
    /// The terms, sorted (a few hundred: a map of their own would cost more to build than it saves).
    terms: Vec<&'static str>,
    /// `ln` of the total frequency: the dictionary's, with each term's added, as jieba counts words
    /// added to a loaded dictionary (no term is in the dictionary, so none replaces a frequency).
    log_total: f64,
    /// `ln` of a term's frequency, worked out once (the segmenter's inner loop reads it).
    term_ln: f64,
}

static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| {
    let words = Fst::new(DICTIONARY_FST).unwrap_or_else(|e| unreachable!("build.rs writes a valid map: {e}"));
    let mut terms: Vec<&str> = jieba_terms().collect();
    terms.sort_unstable();
    terms.dedup();
    // No term is in the dictionary (a test checks it), so each adds its frequency to the total.
    // Looking each up instead walked paths all over the dictionary at the first word diff, and
    // kept them resident: 240 KB more for a comparison with one changed sentence.
    let total = DICTIONARY_TOTAL + TERM_FREQ * terms.len() as u64;
    Dictionary {
        words,
        terms,
        log_total: ln(total as f64),
        term_ln: ln(TERM_FREQ as f64),
    }
});

/// The natural logarithm, computed in Rust (`libm`): the binary then needs no system maths
/// library, which was loaded for this one function and kept half a megabyte resident.
fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// Calls `found(end, frequency)` for each word of `fst` that `chars[pos..]` starts with, `end`
/// being the index of the character after it.
fn prefixes<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    run: &str,
    chars: &[(usize, char)],
    pos: usize,
    mut found: impl FnMut(usize, u64),
) {
    let mut node = fst.root();
    let mut out = Output::zero();
    for (k, &(at, c)) in chars.iter().enumerate().skip(pos) {
        for &b in &run.as_bytes()[at..at + c.len_utf8()] {
            let Some(i) = node.find_input(b) else { return };
            let t = node.transition(i);
            out = out.cat(t.out);
            node = fst.node(t.addr);
        }
        if node.is_final() {
            found(k + 1, out.cat(node.final_output()).value());
        }
    }
}

/// jieba's class of characters it segments with the dictionary (its `RE_HAN_DEFAULT`).
fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2EBEF}'
        | '\u{2F800}'..='\u{2FA1F}'
        | 'a'..='z' | 'A'..='Z' | '0'..='9'
        | '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

impl Dictionary {
    /// Cuts `run` (at byte `base` of its text) into `out`: blocks of [`is_han`] characters along
    /// the best route, every other character alone (`\r\n` together).
    fn cut(&self, run: &str, base: usize, out: &mut Vec<Range<usize>>) {
        let mut start = 0;
        while start < run.len() {
            let han = run[start..].chars().next().is_some_and(is_han);
            let end = run[start..]
                .char_indices()
                .find(|&(_, c)| is_han(c) != han)
                .map_or(run.len(), |(i, _)| start + i);
            if han {
                self.cut_block(&run[start..end], base + start, out);
            } else {
                let mut chars = run[start..end].char_indices().peekable();
                while let Some((i, c)) = chars.next() {
                    let len = if c == '\r' && chars.next_if(|&(_, n)| n == '\n').is_some() {
                        2
                    } else {
                        c.len_utf8()
                    };
                    out.push(base + start + i..base + start + i + len);
                }
            }
            start = end;
        }
    }

    fn cut_block(&self, block: &str, base: usize, out: &mut Vec<Range<usize>>) {
        let chars: Vec<(usize, char)> = block.char_indices().collect();
        let n = chars.len();
        let byte_at = |i: usize| base + chars.get(i).map_or(block.len(), |c| c.0);
        // The words starting at each character, as (end, ln frequency); a term's frequency
        // replaces the dictionary's.
        let mut starts = Vec::with_capacity(n + 1);
        let mut edges: Vec<(usize, f64)> = Vec::with_capacity(n * 2);
        for pos in 0..n {
            starts.push(edges.len());
            let first = edges.len();
            prefixes(&self.words, block, &chars, pos, |end, f| {
                edges.push((end, ln(f as f64)))
            });
            let rest = &block[chars[pos].0..];
            let c = chars[pos].1;
            let from = self.terms.partition_point(|t| t.chars().next() < Some(c));
            for t in self.terms[from..].iter().take_while(|t| t.starts_with(c)) {
                if rest.starts_with(t) {
                    let end = pos + t.chars().count();
                    match edges[first..].iter_mut().find(|e| e.0 == end) {
                        Some(e) => e.1 = self.term_ln,
                        None => edges.push((end, self.term_ln)),
                    }
                }
            }
        }
        starts.push(edges.len());
        // The best route from each character to the end: (score, end of the first word). The
        // sums are jieba's, term by term in its order, so that equal scores tie as they do there.
        let log_total = self.log_total;
        let mut route = vec![(0.0f64, n); n + 1];
        for idx in (0..n).rev() {
            let mut best: Option<(f64, usize)> = None;
            for &(end, ln) in &edges[starts[idx]..starts[idx + 1]] {
                let prob = ln - log_total + route[end].0;
                if best.is_none_or(|(p, e)| prob > p || (prob == p && end > e)) {
                    best = Some((prob, end));
                }
            }
            route[idx] = best.unwrap_or(((0.0 - log_total) + route[idx + 1].0, idx + 1));
        }
        let mut x = 0;
        let mut letters: Option<usize> = None;
        while x < n {
            let y = route[x].1;
            if y - x == 1 && chars[x].1.is_ascii_alphanumeric() {
                letters.get_or_insert(x);
            } else {
                if let Some(s) = letters.take() {
                    out.push(byte_at(s)..byte_at(x));
                }
                out.push(byte_at(x)..byte_at(y));
            }
            x = y;
        }
        if let Some(s) = letters {
            out.push(byte_at(s)..byte_at(n));
        }
    }
}

/// jieba's segmentation with the common part of its dictionary, HMM off, and the domain terms
/// added. Nothing to load: the dictionary is part of the binary.
#[derive(Debug, Default, Clone, Copy)]
pub struct JiebaTokenizer;

impl JiebaTokenizer {
    pub fn new() -> Self {
        JiebaTokenizer
    }
}

impl Tokenizer for JiebaTokenizer {
    fn tokens(&self, text: &str) -> Vec<Range<usize>> {
        let dict = &*DICTIONARY;
        split_with(text, |run, base, out| dict.cut(run, base, out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dictionary's lines as `(key, word, frequency)`.
    fn keyed() -> impl Iterator<Item = (char, &'static str, u64)> {
        include_str!("dict.txt").lines().filter_map(|line| {
            let mut parts = line.split(' ');
            let key = parts.next()?.chars().next()?;
            Some((key, parts.next()?, parts.next()?.parse().ok()?))
        })
    }

    /// jieba-rs loaded with the same words: what the compiled dictionary must cut like.
    fn reference() -> &'static jieba_rs::Jieba {
        static REF: LazyLock<jieba_rs::Jieba> = LazyLock::new(|| {
            let mut j = jieba_rs::Jieba::empty();
            for (_, w, f) in keyed() {
                j.add_word(w, Some(f as usize), Some(""));
            }
            for t in jieba_terms() {
                j.add_word(t, Some(TERM_FREQ as usize), Some(""));
            }
            j
        });
        &REF
    }

    fn words(text: &str) -> Vec<&str> {
        JiebaTokenizer.tokens(text).into_iter().map(|r| &text[r]).collect()
    }

    fn reference_words(text: &str) -> Vec<&str> {
        split_with(text, |run, base, out| {
            out.extend(
                reference()
                    .cut(run, false)
                    .into_iter()
                    .map(|t| base + t.byte_start..base + t.byte_end),
            )
        })
        .into_iter()
        .map(|r| &text[r])
        .collect()
    }

    #[test]
    fn jieba_keeps_terms_and_covers_the_text() {
        let text = "2017年我局制定了10件规范性文件,聘请法律顾问 plus 服务";
        let w = words(text);
        assert_eq!(w.concat(), text);
        for expected in ["2017年", "10件", "规范性文件", "法律顾问", "plus"] {
            assert!(w.contains(&expected), "{expected} in {w:?}");
        }
    }

    #[test]
    fn the_compiled_dictionary_holds_every_line_and_the_stated_total() {
        let dict = &*DICTIONARY;
        let mut total = 0;
        for (key, word, freq) in keyed() {
            assert!(word.contains(key), "{word} under {key}");
            assert_eq!(dict.words.get(word).map(Output::value), Some(freq), "{word}");
            total += freq;
        }
        assert_eq!(total, DICTIONARY_TOTAL);
        assert_eq!(dict.words.len(), keyed().count(), "no word twice");
        // Terms are the segmenter's own: none also in the dictionary with another frequency.
        assert!(jieba_terms().all(|t| dict.words.get(t).is_none()), "a term in dict.txt");
    }

    #[test]
    fn it_cuts_like_jieba_with_the_same_words() {
        let texts = [
            "我局高度重视法治政府建设工作,全年提供法律咨询16次,审查规范性文件4件。",
            "深入推进依法行政,健全重大行政决策程序,落实行政执法责任制。",
            "研究制定科技创新政策,开展学法用法活动,领导干部带头尊法学法守法用法。",
            "开展普法宣传活动abc+def_1.5%-2#3&x\r\n𠀀𠀁㐀丽ＡＢ①②，。",
            "",
            "的的的的的的的的的的",
        ];
        for text in texts {
            assert_eq!(words(text), reference_words(text), "{text}");
        }
    }

    #[test]
    fn equal_routes_tie_to_the_longer_first_word_as_in_jieba() {
        // 甲乙|丙 and 甲|乙丙 score ln 4 + ln 2 either way (each less ln 16 twice).
        let words = [("丙", 2), ("乙丙", 4), ("甲", 2), ("甲乙", 4), ("乙", 4)];
        let map = fst::Map::from_iter(
            words
                .iter()
                .map(|&(w, f)| (w, f))
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
        .unwrap();
        let dict = Dictionary {
            words: Fst::new(map.into_fst().as_bytes().to_vec().leak() as &'static [u8]).unwrap(),
            terms: Vec::new(),
            log_total: 16f64.ln(),
            term_ln: ln(TERM_FREQ as f64),
        };
        let mut out = Vec::new();
        dict.cut("甲乙丙", 0, &mut out);
        let mut j = jieba_rs::Jieba::empty();
        for (w, f) in words {
            j.add_word(w, Some(f as usize), Some(""));
        }
        let expected: Vec<_> = j
            .cut("甲乙丙", false)
            .iter()
            .map(|t| t.byte_start..t.byte_end)
            .collect();
        assert_eq!(out, expected);
        assert_eq!(out, [0..6, 6..9]);
    }

    #[test]
    fn it_cuts_runs_of_dictionary_characters_like_jieba() {
        // Every window of the dictionary's own words run together: many routes, many ties.
        let all: String = keyed().step_by(37).map(|(_, w, _)| w).collect();
        let chars: Vec<char> = all.chars().collect();
        for window in chars.chunks(40).take(600) {
            let text: String = window.iter().collect();
            assert_eq!(words(&text), reference_words(&text), "{text}");
        }
    }
}
