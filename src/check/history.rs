//! A report against last year's of the same unit: the problems it states again, and whether it
//! says last year's plans were carried out.

use std::collections::HashSet;

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

fn bigrams(s: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// How alike two texts are: the share of character pairs they have in common (Dice).
fn alike(a: &str, b: &str) -> f64 {
    let (a, b) = (bigrams(a), bigrams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()) as f64
}

/// This year's problems that repeat or reword last year's.
pub fn repeated_problems(now: &Checked, before: &Checked, rules: &Rules) -> Vec<Repeated> {
    let last = before.problems(rules);
    now.problems(rules)
        .into_iter()
        .filter_map(|(k, w)| {
            let (j, score) = last
                .iter()
                .map(|(j, lw)| (*j, alike(&w, lw)))
                .max_by(|a, b| a.1.total_cmp(&b.1))?;
            (score >= rules.repeated_problem).then(|| Repeated {
                text: now.text(k),
                last_year: before.text(j),
                same: words(&before.text(j)) == w,
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
    let candidates: Vec<(usize, HashSet<(char, char)>)> = (0..now.parts.sentences.len())
        .filter(|k| !excluded.contains(k))
        .map(|k| (k, bigrams(&words(&now.text(k)))))
        .collect();
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
            let best = candidates
                .iter()
                .map(|(k, pairs)| (*k, wanted.intersection(pairs).count()))
                .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)));
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
