//! A report against last year's of the same unit: the problems it states again, and whether it
//! says last year's plans were carried out.

use std::collections::{HashMap, HashSet};

use crate::text::char_pairs as bigrams;

use serde::Serialize;

use super::contents::{ContentCheck, Found, Located, Parts};
use super::rules::{Rules, any_in, folded};
use crate::numbering::parse_marker;
use crate::outline::SectionKind;

/// A problem this year's report states again.
#[derive(Debug, Clone, Serialize)]
pub struct Repeated {
    /// This year's sentence.
    pub text: String,
    /// Last year's sentence it repeats or rewords.
    pub last_year: String,
    /// Word for word (numbering and punctuation aside).
    pub same: bool,
    #[serde(skip)]
    pub sentence: usize,
}

/// One of last year's plans, and whether this year's report says it was carried out.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub text: String,
    pub done: bool,
    /// The sentence that says so.
    #[serde(rename = "where")]
    pub at: Vec<Located>,
}

/// One report with what the checklist found in it.
pub struct Checked<'a> {
    pub parts: &'a Parts<'a>,
    pub contents: &'a [ContentCheck],
}

impl Checked<'_> {
    fn content(&self, id: &str) -> Option<&ContentCheck> {
        self.contents.iter().find(|c| c.id == id)
    }

    /// The sentences a content covers (none when it is missing).
    fn covered(&self, id: &str) -> &[usize] {
        self.content(id).map_or(&[], |c| &c.sentences)
    }

    /// A sentence is a section's heading line (not an inline item's).
    fn is_heading(&self, k: usize) -> bool {
        let s = &self.parts.sentences[k];
        s.in_heading()
            && s.section()
                .is_some_and(|id| self.parts.doc.sections[id].kind != SectionKind::Item)
    }

    fn text(&self, k: usize) -> String {
        self.parts
            .doc
            .sentence_text(&self.parts.sentences[k])
            .trim()
            .to_string()
    }

    /// The problems it states: its shortcomings' sentences, their headings and causes aside.
    fn problems(&self, rules: &Rules) -> Vec<(usize, String)> {
        let causes = rules.content("causes").map_or(&[][..], |c| &c.passage[..]);
        self.covered("shortcomings")
            .iter()
            .filter(|&&k| !self.is_heading(k))
            .map(|&k| (k, words(&self.text(k))))
            .filter(|(k, w)| w.chars().count() >= rules.min_chars && !any_in(causes, &folded(&self.text(*k))))
            .collect()
    }
}

/// A sentence's words for comparing: folded, its numbering marker and everything but letters,
/// digits and Chinese characters left out.
fn words(text: &str) -> String {
    let f = folded(text);
    let marker = parse_marker(&f).map_or(0, |m| m.len);
    f[marker..].chars().filter(|c| c.is_alphanumeric()).collect()
}

/// How alike two texts are (see [`crate::text::pair_dice`]), as [`repeated_problems`] works it out
/// through its index.
#[cfg(test)]
fn alike(a: &str, b: &str) -> f64 {
    crate::text::pair_dice(a, b)
}

/// Texts' character pairs, with an index from each pair to the texts holding it: alike texts are
/// found through the pairs they share, not by trying every text.
struct PairIndex {
    sets: Vec<HashSet<(char, char)>>,
    holding: HashMap<(char, char), Vec<u32>>,
}

impl PairIndex {
    fn new(sets: Vec<HashSet<(char, char)>>) -> Self {
        let mut holding: HashMap<(char, char), Vec<u32>> = HashMap::new();
        for (i, set) in sets.iter().enumerate() {
            for &p in set {
                holding.entry(p).or_default().push(i as u32);
            }
        }
        PairIndex { sets, holding }
    }

    /// The text holding most of `wanted` by `score(text, shared)`, the first of equals: counted in
    /// one array, touching only the texts that hold some pair.
    fn best(
        &self,
        wanted: &HashSet<(char, char)>,
        counts: &mut Vec<u32>,
        score: impl Fn(usize, usize) -> f64,
    ) -> Option<(usize, f64)> {
        counts.resize(self.sets.len(), 0);
        let mut touched: Vec<u32> = Vec::new();
        for p in wanted {
            for &i in self.holding.get(p).map_or(&[][..], Vec::as_slice) {
                if counts[i as usize] == 0 {
                    touched.push(i);
                }
                counts[i as usize] += 1;
            }
        }
        let mut best: Option<(usize, f64)> = None;
        for &i in &touched {
            let i = i as usize;
            let s = score(i, counts[i] as usize);
            counts[i] = 0;
            if best.is_none_or(|(b, bs)| s > bs || (s == bs && i < b)) {
                best = Some((i, s));
            }
        }
        best
    }
}

/// This year's problems that repeat or reword last year's.
pub fn repeated_problems(now: &Checked, before: &Checked, rules: &Rules) -> Vec<Repeated> {
    let last = before.problems(rules);
    let index = PairIndex::new(last.iter().map(|(_, w)| bigrams(w)).collect());
    let mut counts = Vec::new();
    now.problems(rules)
        .into_iter()
        .filter_map(|(k, w)| {
            let mine = bigrams(&w);
            // Dice over the pairs: twice the shared pairs over both texts' pairs.
            let (j, score) = index.best(&mine, &mut counts, |j, n| {
                2.0 * n as f64 / (mine.len() + index.sets[j].len()) as f64
            })?;
            let (j, lw) = (last[j].0, &last[j].1);
            (score >= rules.repeated_problem).then(|| Repeated {
                text: now.text(k),
                last_year: before.text(j),
                same: *lw == w,
                sentence: k,
            })
        })
        .collect()
}

/// A plan's telling words: its pairs of characters once the numbering, years and the words every
/// plan uses are taken out (a pair never spans a word taken out).
fn plan_pairs(text: &str, rules: &Rules) -> HashSet<(char, char)> {
    let mut s = folded(text);
    let marker = parse_marker(&s).map_or(0, |m| m.len);
    s.replace_range(..marker, "");
    for w in &rules.plan_words {
        s = s.replace(w.as_str(), "|");
    }
    let chars: Vec<char> = s.chars().collect();
    let mut kept = String::new();
    let mut i = 0;
    while i < chars.len() {
        // A year (`2024年`, `2024年度`) is no part of what the plan was.
        if chars[i..].iter().take(4).filter(|c| c.is_ascii_digit()).count() == 4 && chars.get(i + 4) == Some(&'年') {
            i += if chars.get(i + 5) == Some(&'度') { 6 } else { 5 };
            kept.push('|');
            continue;
        }
        kept.push(if chars[i].is_alphanumeric() { chars[i] } else { '|' });
        i += 1;
    }
    kept.split('|').flat_map(|run| bigrams(run).into_iter()).collect()
}

/// Last year's plans, each with the sentence of this year's report that says it was done (if one
/// does: outside this year's shortcomings and plans, with most of the plan's telling words).
pub fn plans(now: &Checked, before: &Checked, rules: &Rules) -> Vec<Plan> {
    let excluded: HashSet<usize> = ["shortcomings", "causes", "next_year"]
        .iter()
        .flat_map(|id| now.covered(id).iter().copied())
        .collect();
    let candidates: Vec<usize> = (0..now.parts.sentences.len())
        .filter(|k| !excluded.contains(k))
        .collect();
    let index = PairIndex::new(candidates.iter().map(|&k| bigrams(&words(&now.text(k)))).collect());
    let mut counts = Vec::new();
    let Some(next) = before.content("next_year").filter(|c| c.found != Found::Missing) else {
        return Vec::new();
    };
    next.sentences
        .iter()
        .filter(|&&k| !before.is_heading(k))
        .map(|&k| before.text(k))
        .filter(|t| words(t).chars().count() >= rules.min_chars)
        .map(|text| {
            let wanted = plan_pairs(&text, rules);
            let best = index
                .best(&wanted, &mut counts, |_, n| n as f64)
                .map(|(i, n)| (candidates[i], n as usize));
            let done = best.filter(|&(_, n)| !wanted.is_empty() && n as f64 >= rules.plan_done * wanted.len() as f64);
            Plan {
                text,
                done: done.is_some(),
                at: done
                    .map(|(k, _)| Located {
                        text: now.text(k),
                        sentence: k,
                    })
                    .into_iter()
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewording_keeps_most_character_pairs() {
        let a = words("三是普法宣传形式较为单一，针对企业的精准普法不足。");
        let b = words("二是普法宣传的方式比较单一，面向企业的精准普法还不够。");
        assert!(alike(&a, &b) >= 0.4, "{}", alike(&a, &b));
        let c = words("三是重大行政决策公众参与不够充分。");
        assert!(alike(&a, &c) < 0.3, "{}", alike(&a, &c));
        assert_eq!(alike(&a, &a), 1.0);
    }

    #[test]
    fn a_plans_telling_words_leave_out_years_and_the_words_every_plan_uses() {
        let rules = Rules::builtin();
        let pairs = plan_pairs("一是2024年进一步加强法律顾问队伍建设。", &rules);
        let want: HashSet<(char, char)> = [('法', '律'), ('律', '顾'), ('顾', '问'), ('问', '队'), ('队', '伍')].into();
        assert_eq!(pairs, want);
    }
}
