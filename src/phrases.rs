//! [`Phrases`]: a fixed list of phrases found in text leftmost-longest, as an Aho-Corasick
//! automaton with `LeftmostLongest` finds them, but ready in microseconds. The lists this serves
//! (the taxonomy's keywords, the word diff's domain terms) hold a few hundred short phrases, and
//! building an automaton for them took longer than a whole small comparison's alignment; walking
//! the text a character at a time, with the phrases grouped by their first character, finds the
//! same matches as fast on report text.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

/// Phrases grouped by their first character, each group longest first.
#[derive(Debug, Clone)]
pub(crate) struct Phrases {
    phrases: Vec<Box<str>>,
    /// Per first character, the indices of the phrases that start with it, longest first (the
    /// earlier given first among equals).
    by_first: HashMap<char, Vec<u32>>,
    /// Whether some phrase starts with a character of these low 16 bits: most characters of a
    /// text are passed over without a lookup.
    firsts: Box<[u64; 1024]>,
}

/// A phrase found: which (its index in the list given) and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub phrase: usize,
    pub range: Range<usize>,
}

impl Phrases {
    /// The phrases, indexed in the order given; an empty one is never found.
    pub(crate) fn new<S: AsRef<str>>(phrases: impl IntoIterator<Item = S>) -> Phrases {
        let phrases: Vec<Box<str>> = phrases.into_iter().map(|p| p.as_ref().into()).collect();
        let mut by_first: HashMap<char, Vec<u32>> = HashMap::default();
        let mut firsts = Box::new([0u64; 1024]);
        for (k, p) in phrases.iter().enumerate() {
            let Some(c) = p.chars().next() else { continue };
            by_first.entry(c).or_default().push(k as u32);
            let bit = c as usize & 0xffff;
            firsts[bit / 64] |= 1 << (bit % 64);
        }
        for group in by_first.values_mut() {
            group.sort_by_key(|&k| std::cmp::Reverse(phrases[k as usize].len()));
        }
        Phrases {
            phrases,
            by_first,
            firsts,
        }
    }

    /// The longest phrase that `text` starts with (the first given among equals), by its index.
    pub(crate) fn starting(&self, text: &str) -> Option<usize> {
        self.at(text, text.chars().next()?)
    }

    /// The longest phrase that `text`, whose first character is `c`, starts with.
    fn at(&self, text: &str, c: char) -> Option<usize> {
        let bit = c as usize & 0xffff;
        if self.firsts[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        let group = self.by_first.get(&c)?;
        group
            .iter()
            .map(|&k| k as usize)
            .find(|&k| text.starts_with(&*self.phrases[k]))
    }

    /// The phrases in `text`, left to right, none overlapping: at the leftmost place a phrase
    /// starts, the longest that does; then on from its end.
    pub(crate) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Found> + 'a {
        let mut from = 0;
        std::iter::from_fn(move || {
            let found = self.find_from(text, from)?;
            from = found.range.end;
            Some(found)
        })
    }

    /// The first phrase [`find_iter`](Self::find_iter) finds in `text`.
    pub(crate) fn find(&self, text: &str) -> Option<Found> {
        self.find_from(text, 0)
    }

    fn find_from(&self, text: &str, from: usize) -> Option<Found> {
        text[from..].char_indices().find_map(|(i, c)| {
            let at = from + i;
            self.at(&text[at..], c).map(|k| Found {
                phrase: k,
                range: at..at + self.phrases[k].len(),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    /// What the automaton finds, as the reference.
    fn automaton(phrases: &[String], text: &str) -> Vec<Found> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)
            .expect("builds");
        ac.find_iter(text)
            .map(|m| Found {
                phrase: m.pattern().as_usize(),
                range: m.range(),
            })
            .collect()
    }

    const PIECES: &[&str] = &[
        "法",
        "律",
        "顾问",
        "法律",
        "法律顾问",
        "规范性文件",
        "a",
        "ab",
        "，",
        "𠀀",
        "\u{16cd5}",
    ];

    proptest! {
        /// Any phrases of report pieces (a phrase inside a longer one, ones sharing a start,
        /// characters beyond 16 bits whose low bits match another's) in any text: the same
        /// matches as the automaton, phrase and place.
        #[test]
        fn phrases_are_found_where_the_automaton_finds_them(
            phrases in prop::collection::btree_set(prop::collection::vec(0usize..PIECES.len(), 1..4), 1..12),
            text in prop::collection::vec(0usize..PIECES.len(), 0..40),
        ) {
            let phrases: Vec<String> = phrases.iter().map(|p| p.iter().map(|&k| PIECES[k]).collect()).collect();
            // Distinct texts, as both lists this serves are.
            let mut seen = std::collections::HashSet::new();
            let phrases: Vec<String> = phrases.into_iter().filter(|p| seen.insert(p.clone())).collect();
            let text: String = text.iter().map(|&k| PIECES[k]).collect();
            let found: Vec<Found> = Phrases::new(&phrases).find_iter(&text).collect();
            prop_assert_eq!(&found, &automaton(&phrases, &text));
            prop_assert_eq!(Phrases::new(&phrases).find(&text), found.first().cloned());
        }
    }

    #[test]
    fn the_longest_phrase_at_a_place_wins_and_the_search_goes_on_after_it() {
        let p = Phrases::new(["法律", "法律顾问", "顾问", "", "问制"]);
        let found: Vec<(usize, &str)> = p
            .find_iter("聘请法律顾问制度法律")
            .map(|f| (f.phrase, &"聘请法律顾问制度法律"[f.range]))
            .collect();
        assert_eq!(found, [(1, "法律顾问"), (0, "法律")]);
        assert_eq!(p.find("无关"), None);
        assert_eq!(Phrases::new(Vec::<String>::new()).find("法律"), None);
    }
}
