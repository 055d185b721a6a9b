//! Screen lines as plain data: runs of text ([`Seg`]) with a semantic [`Look`] the theme styles,
//! and search matches found and flagged on them.

use std::ops::Range;

use super::width::str_width;
use crate::normalize::fold;

/// What a piece of text is, for the theme to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Look {
    Plain,
    Deleted,
    Inserted,
    Moved,
    /// Where a passage sits in its report.
    Header,
    /// Folded unchanged text, fillers and other quiet text.
    Dim,
}

/// A run of text with one look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    pub look: Look,
    /// A changed figure (`16次` → `119次`).
    pub figure: bool,
    /// Part of a search match: its id (see `chunks::Found`).
    pub matched: Option<u64>,
    /// Stock wording, toned down on request.
    pub stock: bool,
}

impl Seg {
    pub fn new(text: impl Into<String>, look: Look) -> Self {
        Seg {
            text: text.into(),
            look,
            figure: false,
            matched: None,
            stock: false,
        }
    }

    /// A segment holding `text` that looks like this one (the text of this one is not copied).
    pub fn styled_like(&self, text: String) -> Self {
        Seg {
            text,
            look: self.look,
            figure: self.figure,
            matched: self.matched,
            stock: self.stock,
        }
    }

    pub fn same_look(&self, other: &Seg) -> bool {
        self.look == other.look
            && self.figure == other.figure
            && self.matched == other.matched
            && self.stock == other.stock
    }
}

/// One screen line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub segs: Vec<Seg>,
}

impl Line {
    pub fn text(&self) -> String {
        self.segs.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn width(&self) -> usize {
        self.segs.iter().map(|s| str_width(&s.text)).sum()
    }

    /// Removes the last character, with an empty segment of its look, if another one remains.
    pub fn pop_char(&mut self) -> Option<(char, Seg)> {
        let total: usize = self.segs.iter().map(|s| s.text.chars().count()).sum();
        if total < 2 {
            return None;
        }
        let last = self.segs.last_mut()?;
        let c = last.text.pop()?;
        let template = last.styled_like(String::new());
        if last.text.is_empty() {
            self.segs.pop();
        }
        Some((c, template))
    }
}

/// Whether `text` holds a query's first character (found by `head`) and then the `rest`, with
/// nothing but blanks between them (see `Finder::spaced`).
fn spaced_in((head, rest): &(memchr::memmem::Finder<'static>, Vec<char>), text: &str) -> bool {
    head.find_iter(text.as_bytes()).any(|at| {
        let mut after = text[at + head.needle().len()..]
            .chars()
            .filter(|&c| !crate::text::is_blank(c));
        rest.iter().all(|&c| after.next() == Some(c))
    })
}

/// Byte ranges of `query` in `text`, ignoring width and ASCII case.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    Finder::new(query).find(text)
}

/// A query folded once, to find in many texts.
pub struct Finder {
    folded: String,
    /// A character of the query that only itself can fold to (an ideograph, say): a text without
    /// it has no match, and is not folded to find that out. Looked for by its bytes with `memmem`:
    /// a search for the character checks every byte like its last, and in Chinese text that is one
    /// byte in three.
    pivot: Option<memchr::memmem::Finder<'static>>,
    /// The folded query, for a query with no blank and no letter of any case: found as it stands
    /// in a text, it is a match there (its characters fold to themselves, and nothing is dropped
    /// or put between them), so a text holding it is not folded to say so.
    plain: Option<memchr::memmem::Finder<'static>>,
    /// For a plain query every character of which is beyond ASCII (nothing else folds to it:
    /// folding maps only into ASCII): its first character, to find, and the rest. A text matches
    /// only where it holds the query with blanks at most between its characters, which is looked
    /// for without folding the text.
    spaced: Option<(memchr::memmem::Finder<'static>, Vec<char>)>,
}

impl Finder {
    pub fn new(query: &str) -> Self {
        let folded = fold(query).text.to_lowercase();
        let caseless = |c: char| c.to_lowercase().eq([c]) && c.to_uppercase().eq([c]);
        let pivot = folded
            .chars()
            .find(|&c| !c.is_ascii() && !c.is_whitespace() && crate::normalize::fold_char(c) == c && caseless(c))
            .map(|c| memchr::memmem::Finder::new(c.encode_utf8(&mut [0; 4]).as_bytes()).into_owned());
        let plain = (!folded.is_empty()
            && !folded
                .chars()
                .any(|c| crate::text::is_blank(c) || c.is_lowercase() || c.is_uppercase()))
        .then(|| memchr::memmem::Finder::new(folded.as_bytes()).into_owned());
        let spaced = (plain.is_some() && folded.chars().all(|c| !c.is_ascii())).then(|| {
            let mut chars = folded.chars();
            let first = chars.next().map_or(0, char::len_utf8);
            (
                memchr::memmem::Finder::new(&folded.as_bytes()[..first]).into_owned(),
                chars.collect(),
            )
        });
        Finder {
            folded,
            pivot,
            plain,
            spaced,
        }
    }

    /// Whether `text` may hold a match (no, for certain, when it lacks the pivot).
    pub fn may_match(&self, text: &str) -> bool {
        !self.folded.is_empty() && self.pivot.as_ref().is_none_or(|p| p.find(text.as_bytes()).is_some())
    }

    /// Whether `text` holds a match.
    pub fn is_in(&self, text: &str) -> bool {
        if !self.may_match(text) {
            return false;
        }
        if self.plain.as_ref().is_some_and(|q| q.find(text.as_bytes()).is_some()) {
            return true;
        }
        if let Some(spaced) = &self.spaced {
            return spaced_in(spaced, text);
        }
        !self.find_folded(text).is_empty()
    }

    /// Byte ranges of `text` that match, as [`find_all`] finds them.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        if !self.may_match(text) {
            return Vec::new();
        }
        self.find_folded(text)
    }

    fn find_folded(&self, text: &str) -> Vec<Range<usize>> {
        let q = &self.folded;
        // Text that folding leaves as it is (no blank, no full-width form, no capital: nearly all
        // Chinese prose) is searched as it stands, not copied to be folded.
        let folds = |c: char| {
            !crate::chars::is_plain_ideograph(c)
                && (crate::text::is_blank(c) || crate::normalize::fold_char(c) != c || c.is_uppercase())
        };
        if !text.contains(folds) {
            return text.match_indices(q.as_str()).map(|(i, m)| i..i + m.len()).collect();
        }
        let f = fold(text);
        // A query without letters of any case matches the folded text as it is.
        let hay = if q.chars().any(|c| c.is_lowercase() || c.is_uppercase()) {
            std::borrow::Cow::Owned(f.text.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(f.text.as_str())
        };
        if hay.len() != f.text.len() {
            return Vec::new(); // lowercasing changed lengths: only ASCII folding is supported
        }
        hay.match_indices(q.as_str())
            .map(|(i, m)| f.to_original(i..i + m.len()))
            .collect()
    }
}

/// Flags the parts of segments a search matched (`matches`: byte ranges of the segments' joined
/// text, each with the match's id).
pub(super) fn flag_matches(segs: Vec<Seg>, matches: &[(Range<usize>, u64)]) -> Vec<Seg> {
    let ranges: Vec<Range<usize>> = matches.iter().map(|m| m.0.clone()).collect();
    flag_ranges(segs, &ranges, |s, k| s.matched = Some(matches[k].1))
}

/// Flags stock wording (`ranges`: byte ranges of the segments' joined text) outside the changes:
/// nothing inserted, deleted, moved or a changed figure is ever toned down.
pub(super) fn flag_stock(segs: Vec<Seg>, ranges: &[Range<usize>]) -> Vec<Seg> {
    flag_ranges(segs, ranges, |s, _| {
        s.stock = matches!(s.look, Look::Plain | Look::Dim) && !s.figure;
    })
}

/// Splits segments where `ranges` start and end, and calls `flag` on the parts inside them (with
/// the index of the range).
fn flag_ranges(segs: Vec<Seg>, matches: &[Range<usize>], flag: impl Fn(&mut Seg, usize)) -> Vec<Seg> {
    if matches.is_empty() {
        return segs;
    }
    let mut out = Vec::new();
    let mut offset = 0;
    for seg in segs {
        let end = offset + seg.text.len();
        let mut cuts: Vec<usize> = vec![offset, end];
        for m in matches {
            for b in [m.start, m.end] {
                if b > offset && b < end && seg.text.is_char_boundary(b - offset) {
                    cuts.push(b);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let mut piece = seg.styled_like(seg.text[w[0] - offset..w[1] - offset].to_string());
            if let Some(k) = matches.iter().position(|m| m.start <= w[0] && w[1] <= m.end) {
                flag(&mut piece, k);
            }
            out.push(piece);
        }
        offset = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pivot_never_skips_a_text_the_query_is_in() {
        let texts = [
            "法 律顾问",
            "ＡＢＣ法律",
            "法\u{3000}律",
            "〔法律〕“顾问”",
            "无关的句子",
            "法律 ABC 顾问",
            "İ法律",
            "法\u{3000} 律\t顾\n问",
            "法。律",
            "法法 律",
            "顾问 法",
        ];
        for q in [
            "法律",
            "律顾",
            "ABC法律",
            "〔法律〕",
            "“顾问”",
            "abc 顾问",
            "法 律",
            "Ω法",
        ] {
            let finder = Finder::new(q);
            for t in texts {
                assert_eq!(finder.find(t), finder.find_folded(t), "{q} in {t}");
                assert_eq!(finder.is_in(t), !finder.find(t).is_empty(), "{q} in {t}");
                // As finding in the folded text (lowercased for a query with letters) and mapping back
                // does, whatever the text.
                let f = fold(t);
                let cased = finder.folded.chars().any(|c| c.is_lowercase() || c.is_uppercase());
                let hay = if cased { f.text.to_lowercase() } else { f.text.clone() };
                let plain: Vec<Range<usize>> = if hay.len() == f.text.len() && !finder.folded.is_empty() {
                    hay.match_indices(finder.folded.as_str())
                        .map(|(i, m)| f.to_original(i..i + m.len()))
                        .collect()
                } else {
                    Vec::new()
                };
                assert_eq!(finder.find_folded(t), plain, "{q} in {t}");
            }
        }
        let pivot = |q: &str| Finder::new(q).pivot.map(|p| p.needle().to_vec());
        assert_eq!(pivot("法律"), Some("法".as_bytes().to_vec()));
        assert_eq!(pivot("Ω"), None, "a letter with case is no pivot");
        let unique = |q: &str| Finder::new(q).spaced.is_some();
        assert!(unique("法律") && unique("法 律") && !unique("16次") && !unique("〔法律〕") && !unique("Ω"));
        let plain = |q: &str| Finder::new(q).plain.is_some();
        assert!(plain("法律") && plain("〔法律〕") && plain("16次"));
        assert!(plain("法 律"), "the blank is dropped in folding");
        assert!(
            !plain("16 17") && !plain("abc法律") && !plain("Ω"),
            "a kept blank, letters"
        );
        // Found by its bytes, wherever it stands.
        let f = Finder::new("法律");
        assert!(f.may_match("依法行政") && f.may_match("法") && !f.may_match("律师 依 注"));
        assert!(f.is_in("依据法律") && f.is_in("依据ＡＢ法律") && !f.is_in("依法行政"));
    }

    #[test]
    fn find_all_ignores_width_and_ascii_case() {
        let text = "共ＡＢＣ培训，abc考试";
        let hits = find_all(text, "abc");
        assert_eq!(hits.len(), 2);
        assert_eq!(&text[hits[0].clone()], "ＡＢＣ");
        assert!(find_all(text, "").is_empty());
    }

    #[test]
    fn flag_matches_splits_segments_at_match_edges() {
        let segs = vec![Seg::new("法律", Look::Plain), Seg::new("顾问制度", Look::Inserted)];
        let text = "法律顾问制度";
        let found: Vec<(Range<usize>, u64)> = find_all(text, "律顾").into_iter().map(|r| (r, 7)).collect();
        let out = flag_matches(segs, &found);
        let flagged: Vec<(&str, bool, Look)> = out
            .iter()
            .map(|s| (s.text.as_str(), s.matched == Some(7), s.look))
            .collect();
        assert_eq!(
            flagged,
            [
                ("法", false, Look::Plain),
                ("律", true, Look::Plain),
                ("顾", true, Look::Inserted),
                ("问制度", false, Look::Inserted)
            ]
        );
    }

    #[test]
    fn pop_char_keeps_the_last_character_and_its_look() {
        let mut line = Line {
            segs: vec![Seg::new("甲", Look::Plain), Seg::new("乙", Look::Deleted)],
        };
        let (c, template) = line.pop_char().expect("two characters");
        assert_eq!((c, template.look), ('乙', Look::Deleted));
        assert_eq!(line.text(), "甲");
        assert!(line.pop_char().is_none(), "the last character stays");
    }
}
