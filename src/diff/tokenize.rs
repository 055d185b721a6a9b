//! Tokens for the word diff. Consistency matters more than linguistics: the same phrase must split the
//! same way in both reports. Numbers with their unit (`16次`, `2017年`, `6413万元`) and domain terms
//! (`规范性文件`, `双随机、一公开`) are always one token; the remaining Chinese runs go to jieba
//! with HMM off (or, before jieba is loaded, one token per character; see `jieba`).

use std::ops::Range;
use std::sync::LazyLock;

pub use crate::units::{figure_len, leading_figure};
use crate::units::{number_len, unit_at};

/// Splits folded text into tokens; the ranges are contiguous and cover the whole text.
pub trait Tokenizer: Send + Sync {
    fn tokens(&self, text: &str) -> Vec<Range<usize>>;
}

/// Government terms that must never be split (folded forms: half-width punctuation): the
/// built-in taxonomy's `atoms`, so that they live beside the topic keywords they often repeat.
pub static DOMAIN_TERMS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::topics::builtin_atoms().iter().map(String::as_str).collect());

/// The domain terms, longest match first.
static TERMS: LazyLock<crate::phrases::Phrases> = LazyLock::new(|| crate::phrases::Phrases::new(DOMAIN_TERMS.iter()));

/// Builds the term matcher now, so that a thread with time to spare can do it before the first
/// word diff needs it.
pub fn prepare() {
    LazyLock::force(&TERMS);
}

/// The atoms of `text`, left to right: domain terms (the longest at a place), numbers with their
/// unit (`16次`, `6,413万元`, `2017年`), runs of ASCII letters, runs of blanks. Matched by hand
/// rather than by one regex: compiling that pattern cost more than a whole small comparison.
fn atoms(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    // The leftmost term at or after `from`, once searched; `None` inside means there is none.
    let mut term: Option<Option<Range<usize>>> = None;
    std::iter::from_fn(move || {
        let next_term = match &term {
            Some(Some(t)) if t.start >= from => Some(t.clone()),
            Some(None) => None,
            _ => {
                let found = TERMS
                    .find(&text[from..])
                    .map(|m| from + m.range.start..from + m.range.end);
                term = Some(found.clone());
                found
            }
        };
        let limit = next_term.as_ref().map_or(text.len(), |t| t.start);
        let run = |start: usize, f: fn(char) -> bool| {
            start + text[start..].find(|c: char| !f(c)).unwrap_or(text.len() - start)
        };
        let found = text[from..limit].char_indices().find_map(|(i, c)| {
            let i = from + i;
            let end = if c.is_ascii_digit() {
                let end = i + number_len(&text[i..]);
                end + unit_at(&text[end..]).map_or(0, str::len)
            } else if c.is_ascii_alphabetic() {
                run(i, |c| c.is_ascii_alphabetic())
            } else if c.is_whitespace() {
                run(i, char::is_whitespace)
            } else {
                return None;
            };
            Some(i..end)
        });
        let atom = found.or(next_term)?;
        from = atom.end;
        Some(atom)
    })
}

/// Splits `text` into atoms (terms, numbers, ASCII words, blanks), single punctuation characters and
/// Chinese runs, which `cut` segments.
pub fn split_with(text: &str, cut: impl Fn(&str, usize, &mut Vec<Range<usize>>)) -> Vec<Range<usize>> {
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
    for atom in atoms(text) {
        flush_gap(gap_start, atom.start, &mut out);
        gap_start = atom.end;
        out.push(atom);
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
    use crate::lexicon::MEASURE_WORDS;

    #[test]
    fn leading_figures_carry_their_unit() {
        assert_eq!(leading_figure("16次,有效防范"), Some(("16", "次")));
        assert_eq!(leading_figure("6,413万元。"), Some(("6,413", "万元")));
        assert_eq!(leading_figure("1.5亿元"), Some(("1.5", "亿元")));
        assert_eq!(leading_figure("3."), None);
        assert_eq!(leading_figure("2017"), None);
        assert_eq!(leading_figure("次数"), None);
    }

    /// The pattern the atoms were first found with: the reference the hand matcher must agree with
    /// (digits are ASCII: the text is folded, so full-width digits arrive as ASCII).
    fn reference_atoms(text: &str) -> Vec<std::ops::Range<usize>> {
        static RE: LazyLock<regex::Regex> = LazyLock::new(|| {
            let mut terms: Vec<&str> = DOMAIN_TERMS.clone();
            terms.sort_by_key(|t| std::cmp::Reverse(t.len()));
            let terms: Vec<String> = terms.iter().map(|t| regex::escape(t)).collect();
            let units: Vec<String> = MEASURE_WORDS.iter().map(|u| regex::escape(u)).collect();
            let pattern = format!(
                r"{}|[0-9]+(?:[.,][0-9]+)*(?:{})?|[A-Za-z]+|\s+",
                terms.join("|"),
                units.join("|")
            );
            regex::Regex::new(&pattern).unwrap()
        });
        RE.find_iter(text).map(|m| m.range()).collect()
    }

    #[test]
    fn atoms_are_those_of_the_reference_pattern() {
        let pieces = [
            "法治",
            "政府",
            "法律顾问",
            "规范性",
            "文件",
            "行政",
            "人大代表",
            "大代表",
            "双随机、一公开",
            "互联网+",
            "16",
            "1.5",
            "6,413",
            ",",
            ".",
            "次",
            "人",
            "人次",
            "万元",
            "万",
            "余人次",
            "年度",
            "年",
            " ",
            "  ",
            "\t",
            "plus",
            "App",
            "。",
            "、",
            "第一责任人",
            "责任人",
            "%",
        ];
        let mut seed = 5u64;
        for _ in 0..3000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let len = (seed >> 59) as usize;
            let text: String = (0..len)
                .map(|k| pieces[((seed >> (k % 8 * 4 + 20)) as usize + k * 7) % pieces.len()])
                .collect();
            assert_eq!(atoms(&text).collect::<Vec<_>>(), reference_atoms(&text), "{text:?}");
        }
        let text = "我局制定规范性文件16件,提供法律咨询119次,6,413万元,增长16.9%,plus 服务";
        assert_eq!(atoms(text).collect::<Vec<_>>(), reference_atoms(text));
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
