//! The jieba segmenter, loaded with only the part of its dictionary the texts can use.
//!
//! jieba picks the route through a run that maximises the sum of `ln(freq / total)` over its words.
//! A word can only be on a route if every one of its characters occurs in the run, so a dictionary
//! restricted to the words made of the texts' characters finds the same routes, provided `total` is
//! unchanged: the frequencies of the words left out are kept in one entry that can never match.
//! Segmentation is therefore identical to the full dictionary's (a test checks it on every
//! fixture), at a fraction of the load time: building the trie is most of what a comparison costs.

use super::tokenize::{DOMAIN_TERMS, Tokenizer, split_with};
use std::ops::Range;

/// The common quarter of jieba's default dictionary (frequency ≥ 20, `scripts/make-dict.py`): one
/// `key word frequency` line per word, where the key is the word's rarest character; sorted by key
/// (code point order), so the words filed under one character form one block. No word twice, no
/// domain term (those are added with their own frequency).
const DICTIONARY: &str = include_str!("dict.txt");

/// The sum of the dictionary's frequencies (checked by a test; `scripts/make-dict.py` prints it).
const DICTIONARY_TOTAL: usize = 58_927_876;

/// Frequency given to the domain terms, so that they always win over their parts.
const TERM_FREQ: usize = 100_000;

/// A set of characters with constant-time membership for the Basic Multilingual Plane.
pub struct CharSet {
    bmp: Vec<u64>,
    other: Vec<char>,
}

impl CharSet {
    /// The characters of `texts`.
    pub fn of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut set = CharSet {
            bmp: vec![0; 0x1_0000 / 64],
            other: Vec::new(),
        };
        for c in texts.into_iter().flat_map(str::chars) {
            let n = c as usize;
            if n < 0x1_0000 {
                set.bmp[n / 64] |= 1 << (n % 64);
            } else if !set.other.contains(&c) {
                set.other.push(c);
            }
        }
        set
    }

    pub fn contains(&self, c: char) -> bool {
        let n = c as usize;
        if n < 0x1_0000 {
            self.bmp[n / 64] & (1 << (n % 64)) != 0
        } else {
            self.other.contains(&c)
        }
    }

    /// The members, in code point order.
    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        let bmp = self.bmp.iter().enumerate().flat_map(|(i, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                let b = bits.trailing_zeros();
                (bits != 0).then(|| {
                    bits &= bits - 1;
                    char::from_u32(i as u32 * 64 + b)
                })
            })
            .flatten()
        });
        let mut other = self.other.clone();
        other.sort_unstable();
        bmp.chain(other)
    }

    fn covers(&self, word: &str) -> bool {
        word.chars().all(|c| self.contains(c))
    }

    /// A character not in the set (from the private use area), for a word that never matches.
    fn outsider(&self) -> char {
        ('\u{E000}'..='\u{F8FF}')
            .find(|&c| !self.contains(c))
            .unwrap_or('\u{F0000}')
    }
}

/// The domain terms jieba is told about: those without punctuation (the others are atoms of the
/// tokenizer and never reach jieba).
fn jieba_terms() -> impl Iterator<Item = &'static str> {
    DOMAIN_TERMS
        .iter()
        .copied()
        .filter(|t| !t.contains(|c: char| c.is_ascii_punctuation() || c == '、'))
}

/// The first line at or after byte `lo` of the sorted dictionary whose key is not below `c`.
fn first_line_from(c: char, lo: usize) -> usize {
    let bytes = DICTIONARY.as_bytes();
    let (mut lo, mut hi) = (lo, bytes.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        // `mid` may fall inside a character: search bytes, not chars. Lines are short, so a plain
        // loop beats `memchr` here.
        let start = bytes[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let line_end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| start + i + 1);
        match DICTIONARY[start..].chars().next() {
            Some(first) if first < c => lo = line_end,
            _ => hi = start,
        }
    }
    lo
}

/// The dictionary lines filed under `c`, found at or after byte `lo` (`lo` must be a line start
/// not past the block): words that contain `c` and no rarer character.
fn block_from(c: char, lo: usize) -> &'static str {
    let start = first_line_from(c, lo);
    let rest = &DICTIONARY[start..];
    // Blocks are short: walk to the first line filed under another character.
    let mut end = 0;
    for line in rest.split_inclusive('\n') {
        if !line.starts_with(c) {
            break;
        }
        end += line.len();
    }
    &rest[..end]
}

/// The dictionary lines filed under `c`.
#[cfg(test)]
fn block(c: char) -> &'static str {
    block_from(c, 0)
}

/// The `(word, frequency)` of each `key word frequency` line, read byte by byte: the loader's hot
/// loop, where `str::lines` and `split_once` cost more than the lookups they feed.
fn block_entries(lines: &str) -> impl Iterator<Item = (&str, &str)> {
    let bytes = lines.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let line_end = bytes[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| at + i);
        let line = &lines[at..line_end];
        at = (line_end + 1).min(bytes.len());
        let key_end = line.bytes().position(|b| b == b' ')?;
        let rest = &line[key_end + 1..];
        let word_end = rest.bytes().position(|b| b == b' ')?;
        Some((&rest[..word_end], &rest[word_end + 1..]))
    })
}

/// jieba-rs with the common part of its dictionary, HMM off, and the domain terms added.
pub struct JiebaTokenizer {
    jieba: jieba_rs::Jieba,
}

impl JiebaTokenizer {
    /// The whole dictionary (~25 ms to load): for segmenting texts not known in advance.
    pub fn new() -> Self {
        Self::build(None)
    }

    /// A segmenter for `texts` (and any text made of their characters): the same tokens as
    /// [`JiebaTokenizer::new`], from only the dictionary entries those characters can spell.
    pub fn for_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        Self::build(Some(&CharSet::of(texts)))
    }

    fn build(chars: Option<&CharSet>) -> Self {
        let keep = |word: &str| chars.is_none_or(|set| set.covers(word));
        let mut jieba = jieba_rs::Jieba::empty();
        // Frequencies of the entries left out, so that the total, and with it every route's
        // score, is the full dictionary's.
        let mut left_out = DICTIONARY_TOTAL;
        let mut add = |lines: &str| {
            // The word is checked before its frequency is parsed: most entries are left out.
            for (word, freq) in block_entries(lines).filter(|(w, _)| keep(w)) {
                let freq = freq.parse().unwrap_or(0);
                jieba.add_word(word, Some(freq), Some(""));
                left_out -= freq;
            }
        };
        match chars {
            None => add(DICTIONARY),
            Some(set) => {
                // The set's characters come in key order, so each search starts where the
                // previous block ended.
                let mut from = 0;
                for c in set.iter() {
                    let block = block_from(c, from);
                    from = block.as_ptr() as usize - DICTIONARY.as_ptr() as usize + block.len();
                    add(block);
                }
            }
        }
        for term in jieba_terms() {
            if keep(term) {
                jieba.add_word(term, Some(TERM_FREQ), Some(""));
            } else {
                left_out += TERM_FREQ;
            }
        }
        if let Some(set) = chars.filter(|_| left_out > 0) {
            jieba.add_word(&set.outsider().to_string(), Some(left_out), Some(""));
        }
        Self { jieba }
    }
}

impl Default for JiebaTokenizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Tokenizer for JiebaTokenizer {
    fn tokens(&self, text: &str) -> Vec<Range<usize>> {
        split_with(text, |run, base, out| {
            out.extend(
                self.jieba
                    .cut(run, false)
                    .into_iter()
                    .map(|t| base + t.byte_start..base + t.byte_end),
            );
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entries of dictionary lines as `(key, word, frequency)`.
    fn keyed(lines: &str) -> impl Iterator<Item = (char, &str, usize)> {
        lines.lines().filter_map(|line| {
            let mut parts = line.split(' ');
            let key = parts.next()?.chars().next()?;
            Some((key, parts.next()?, parts.next()?.parse().ok()?))
        })
    }

    fn entries(lines: &str) -> impl Iterator<Item = (&str, usize)> {
        keyed(lines).map(|(_, w, f)| (w, f))
    }

    #[test]
    fn the_byte_reader_reads_every_line_as_the_plain_one_does() {
        let fast: Vec<(&str, usize)> = block_entries(DICTIONARY)
            .map(|(w, f)| (w, f.parse().unwrap()))
            .collect();
        assert_eq!(fast, entries(DICTIONARY).collect::<Vec<_>>());
        assert_eq!(block_entries("").count(), 0);
    }

    fn words<'a>(tok: &dyn Tokenizer, text: &'a str) -> Vec<&'a str> {
        tok.tokens(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn jieba_keeps_terms_and_covers_the_text() {
        let tok = JiebaTokenizer::new();
        let text = "2017年我局制定了10件规范性文件,聘请法律顾问 plus 服务";
        let w = words(&tok, text);
        assert_eq!(w.concat(), text);
        for expected in ["2017年", "10件", "规范性文件", "法律顾问", "plus"] {
            assert!(w.contains(&expected), "{expected} in {w:?}");
        }
    }

    #[test]
    fn the_dictionary_has_no_word_twice() {
        // The filtered load counts each left-out entry once, as jieba counts each word once.
        let mut seen = std::collections::HashSet::new();
        let n = entries(DICTIONARY)
            .inspect(|(w, _)| assert!(seen.insert(*w), "{w} twice"))
            .count();
        assert_eq!(n, DICTIONARY.lines().count(), "every line parses");
        let total: usize = entries(DICTIONARY).map(|(_, f)| f).sum();
        assert_eq!(total, DICTIONARY_TOTAL);
    }

    #[test]
    fn every_word_is_filed_under_one_of_its_characters_in_key_order() {
        let mut prev = None;
        for (key, word, _) in keyed(DICTIONARY) {
            assert!(word.contains(key), "{word} under {key}");
            assert!(prev <= Some(key), "sorted: {prev:?} before {key}");
            prev = Some(key);
        }
    }

    #[test]
    fn a_block_holds_exactly_the_words_filed_under_its_character() {
        for c in ['法', '一', '十', '\u{E000}', 'a'] {
            let expected: Vec<&str> = keyed(DICTIONARY)
                .filter(|&(k, _, _)| k == c)
                .map(|(_, w, _)| w)
                .collect();
            let found: Vec<&str> = entries(block(c)).map(|(w, _)| w).collect();
            assert_eq!(found, expected, "{c}");
        }
        assert!(!block('法').is_empty() && block('\u{E000}').is_empty());
    }

    #[test]
    fn the_dictionary_leaves_the_domain_terms_to_the_segmenter() {
        // Otherwise a left-out term would count its entry's frequency instead of TERM_FREQ.
        let terms: Vec<&str> = jieba_terms().collect();
        assert!(entries(DICTIONARY).all(|(w, _)| !terms.contains(&w)));
    }

    #[test]
    fn a_filtered_dictionary_segments_like_the_full_one() {
        let full = JiebaTokenizer::new();
        let texts = [
            "我局高度重视法治政府建设工作,全年提供法律咨询16次,审查规范性文件4件。",
            "深入推进依法行政,健全重大行政决策程序,落实行政执法责任制。",
            "研究制定科技创新政策,开展学法用法活动,领导干部带头尊法学法守法用法。",
        ];
        for text in texts {
            let filtered = JiebaTokenizer::for_texts([text]);
            assert_eq!(words(&filtered, text), words(&full, text), "{text}");
        }
        // A set that lacks a term's characters still leaves the total, and so the routes, intact.
        let one = "开展普法宣传活动";
        assert_eq!(words(&JiebaTokenizer::for_texts([one]), one), words(&full, one));
    }

    #[test]
    fn char_sets_know_their_members() {
        let set = CharSet::of(["法治a", "\u{20000}"]);
        assert!(set.contains('法') && set.contains('a') && set.contains('\u{20000}'));
        assert!(!set.contains('政') && !set.contains('\u{20001}'));
        assert!(!set.contains(set.outsider()));
    }
}
