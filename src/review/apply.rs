//! The review's refilings put onto the reports before the pipeline runs: each report gets the
//! refilings made on it (found by its content, or, for an edited copy, by its place and then
//! sentence by sentence), the taxonomy gets the analyst's topics, and what no longer applies is said.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::{ReportRef, State, keys};
use crate::outline::Document;
use crate::topics::Taxonomy;

/// A refiling that no longer applies: the report was edited and the text is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The report's file, as it may be printed.
    pub file: String,
    pub excerpt: String,
    /// The topic it went under (its label).
    pub to: String,
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: a refiling no longer applies (the text is gone from the report): “{}” → {}",
            self.file, self.excerpt, self.to
        )
    }
}

/// What applying a review gave: the taxonomy with the analyst's topics, how many sentences were
/// refiled, and the refilings that no longer apply.
#[derive(Debug, Clone)]
pub struct Applied {
    pub taxonomy: Taxonomy,
    pub refiled: usize,
    pub stale: Vec<Stale>,
}

/// Puts the refilings of `states` onto `docs` (whose review refs are `refs`), later ones over
/// earlier ones, and returns the taxonomy to run the pipeline with.
pub fn apply(states: &[&State], docs: &mut [&mut Document], refs: &[ReportRef], tax: &Taxonomy) -> Applied {
    let own: Vec<(String, String)> = states.iter().flat_map(|s| s.own_topics()).collect();
    let taxonomy = tax.with_own(&own);
    let mut out = Applied {
        taxonomy: taxonomy.clone(),
        refiled: 0,
        stale: Vec::new(),
    };
    for (doc, r) in docs.iter_mut().zip(refs) {
        // What an earlier application put on the report goes: an undone refiling included.
        doc.refiled = Arc::default();
        let mine: Vec<_> = states
            .iter()
            .flat_map(|s| &s.refilings)
            .filter(|f| f.report == r.id || f.path == r.path)
            .collect();
        if mine.is_empty() {
            continue;
        }
        let present: HashSet<u64> = doc
            .sentences()
            .iter()
            .map(|s| keys::sentence(doc.sentence_text(s)))
            .collect();
        let mut map: HashMap<u64, String> = HashMap::new();
        for f in mine {
            let digests: Vec<u64> = f
                .sentences
                .iter()
                .filter_map(|h| u64::from_str_radix(h, 16).ok())
                .collect();
            let found: Vec<u64> = digests.iter().copied().filter(|d| present.contains(d)).collect();
            if found.len() < digests.len() || digests.is_empty() {
                out.stale.push(Stale {
                    file: doc.file.clone(),
                    excerpt: f.excerpt.clone(),
                    to: taxonomy.label_of(&f.to).to_string(),
                });
            }
            out.refiled += found.len();
            map.extend(found.into_iter().map(|d| (d, f.to.clone())));
        }
        doc.refiled = Arc::new(map);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Comparison;
    use crate::load::SourceText;
    use crate::outline::outline;
    use crate::review::Refiling;

    const OLD: &str = "某局2023年法治政府建设情况报告\n一、行政执法\n全年开展执法检查20次。聘请法律顾问2名,审查合同15份。\n二、存在问题\n执法力量不足。";
    const NEW: &str = "某局2024年法治政府建设情况报告\n一、行政执法\n全年开展执法检查25次。聘请法律顾问3名,审查合同30份。\n二、存在问题\n执法力量仍不足。";

    fn doc(name: &str, text: &str) -> Document {
        outline(&SourceText::from_bytes(name, text.as_bytes()).expect("decodes"))
    }

    fn rows(l: Document, r: Document, tax: &Taxonomy) -> Vec<(String, Vec<String>)> {
        Comparison::build(l, r, tax)
            .alignment
            .rows
            .iter()
            .map(|row| {
                (
                    row.label.clone(),
                    row.passages.right.iter().map(|p| p.text.to_string()).collect(),
                )
            })
            .collect()
    }

    fn refiling(r: &ReportRef, text: &str, to: &str) -> Refiling {
        Refiling {
            id: crate::review::fresh_id("refile"),
            report: r.id.clone(),
            path: r.path.clone(),
            sentences: vec![keys::hex(keys::sentence(text))],
            excerpt: text.into(),
            from: "行政执法".into(),
            to: to.into(),
        }
    }

    #[test]
    fn a_refiled_sentence_moves_with_its_pair_into_the_analysts_row() {
        let tax = Taxonomy::builtin();
        let (mut l, mut r) = (doc("a.txt", OLD), doc("b.txt", NEW));
        let refs = [keys::report(&l), keys::report(&r)];
        let before = rows(l.clone(), r.clone(), &tax);
        let mut state = State::default();
        let own = state.own_topic("合同管理");
        state
            .refilings
            .push(refiling(&refs[1], "聘请法律顾问3名,审查合同30份。", &own));
        let applied = apply(&[&state], &mut [&mut l, &mut r], &refs, &tax);
        assert_eq!((applied.refiled, applied.stale.len()), (1, 0));
        let after = rows(l, r, &applied.taxonomy);
        assert_ne!(before, after);
        let row = after
            .iter()
            .find(|(label, _)| label == "合同管理")
            .expect("the analyst's row");
        assert_eq!(row.1, ["聘请法律顾问3名,审查合同30份。"]);
        let enforcement = after.iter().find(|(label, _)| label.contains("执法")).expect("row");
        assert!(!enforcement.1.concat().contains("审查合同"), "{enforcement:?}");
    }

    #[test]
    fn an_edited_copy_keeps_what_still_applies_and_says_what_does_not() {
        let tax = Taxonomy::builtin();
        let r = doc("b.txt", NEW);
        let refs = [keys::report(&r)];
        let mut state = State::default();
        state
            .refilings
            .push(refiling(&refs[0], "执法力量仍不足。", "enforcement"));
        state
            .refilings
            .push(refiling(&refs[0], "全年开展执法检查25次。", "problems"));
        let mut edited = doc("b.txt", &NEW.replace("25次", "26次"));
        let edited_ref = keys::report(&edited);
        assert_ne!(edited_ref.id, refs[0].id);
        let applied = apply(&[&state], &mut [&mut edited], &[edited_ref], &tax);
        assert_eq!(applied.refiled, 1);
        assert_eq!(applied.stale.len(), 1);
        assert!(
            applied.stale[0].to_string().contains("全年开展执法检查25次"),
            "{}",
            applied.stale[0]
        );
        // Applied again without it (undone), nothing stays refiled.
        let again = keys::report(&edited);
        apply(&[&State::default()], &mut [&mut edited], &[again], &tax);
        assert!(edited.refiled.is_empty());
        // Another report at another place is not touched.
        let mut other = doc("c.txt", NEW);
        let mut other_ref = keys::report(&other);
        other_ref.id = "0".into();
        let applied = apply(&[&state], &mut [&mut other], &[other_ref], &tax);
        assert_eq!(applied.refiled, 0);
        assert!(other.refiled.is_empty());
    }
}
