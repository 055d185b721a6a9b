//! Where a report states each required content: a section of its own (a heading with the
//! content's cue words, or filed under its topics), only inside other text (the sentences), or
//! nowhere.

use std::collections::HashMap;

use serde::Serialize;

use super::rules::{ContentRule, Rules, any_in, folded};
use crate::outline::{Document, SectionId, SectionKind, Sentence};
use crate::topics::{DocTopics, Taxonomy, TopicId};

/// How a content is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Found {
    /// Under a heading of its own.
    Section,
    /// Only inside other text.
    Passage,
    Missing,
}

/// A place in the report a finding points at: a heading or a sentence. In JSON, its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The heading line or the sentence, as written.
    pub text: String,
    /// The sentence (index in [`Document::sentences`]) to open.
    pub sentence: usize,
}

impl Serialize for Located {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// One required content of one report.
#[derive(Debug, Clone, Serialize)]
pub struct ContentCheck {
    pub id: String,
    pub name: String,
    pub found: Found,
    /// Its headings (section) or sentences (passage), a few at most.
    #[serde(rename = "where")]
    pub at: Vec<Located>,
    /// Every sentence it covers: all of its sections, or its passages.
    #[serde(skip)]
    pub sentences: Vec<usize>,
    #[serde(skip)]
    pub required: bool,
}

/// The score a sentence's own words must give a topic for the sentence to state it.
const OWN_TOPIC_SCORE: u32 = 2;

/// How many places a finding lists.
const MAX_PLACES: usize = 3;

/// What a report is made of, as the contents are looked for in it.
pub struct Parts<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    pub topics: &'a DocTopics,
    pub tax: &'a Taxonomy,
    /// Each section's first sentence (its heading line), found once.
    first: Vec<Option<usize>>,
}

impl<'a> Parts<'a> {
    pub fn new(doc: &'a Document, sentences: &'a [Sentence], topics: &'a DocTopics, tax: &'a Taxonomy) -> Self {
        let mut first = vec![None; doc.sections.len()];
        for (k, s) in sentences.iter().enumerate() {
            if let Some(id) = s.section()
                && first[id].is_none()
            {
                first[id] = Some(k);
            }
        }
        Parts {
            doc,
            sentences,
            topics,
            tax,
            first,
        }
    }

    fn folded_sentence(&self, k: usize) -> String {
        folded(self.doc.sentence_text(&self.sentences[k]))
    }

    /// The first sentence of a section: its heading line.
    fn heading_sentence(&self, id: SectionId) -> Option<usize> {
        self.first.get(id).copied().flatten()
    }

    /// A section and every section under it.
    fn subtree(&self, id: SectionId) -> Vec<SectionId> {
        let mut out = vec![id];
        let mut k = 0;
        while k < out.len() {
            out.extend(self.doc.children(out[k]).iter().copied());
            k += 1;
        }
        out
    }
}

/// Every content of `rules` in `parts`, in the rules' order.
pub fn contents(parts: &Parts, rules: &Rules) -> Vec<ContentCheck> {
    let mut done: HashMap<String, ContentCheck> = HashMap::new();
    for rule in &rules.contents {
        find(parts, rules, rule, &mut done);
    }
    rules.contents.iter().filter_map(|r| done.get(&r.id).cloned()).collect()
}

/// Finds one content, and first the one it is to be found within.
fn find(parts: &Parts, rules: &Rules, rule: &ContentRule, done: &mut HashMap<String, ContentCheck>) {
    if done.contains_key(&rule.id) {
        return;
    }
    // Placeholder against a cycle of `within`: a content within itself is missing.
    done.insert(rule.id.clone(), missing(rule));
    let scope = match rule.within.as_deref().and_then(|w| rules.content(w)) {
        Some(outer) => {
            find(parts, rules, outer, done);
            Some(done[&outer.id].clone())
        }
        None => None,
    };
    let result = match &scope {
        Some(outer) if outer.found == Found::Missing => missing(rule),
        _ => look(parts, rule, scope.as_ref()),
    };
    done.insert(rule.id.clone(), result);
}

fn missing(rule: &ContentRule) -> ContentCheck {
    ContentCheck {
        id: rule.id.clone(),
        name: rule.name.clone(),
        found: Found::Missing,
        at: Vec::new(),
        sentences: Vec::new(),
        required: rule.required,
    }
}

/// Looks for a content everywhere, or inside `scope` (another content's sections, or its
/// passages and the few sentences after each).
fn look(parts: &Parts, rule: &ContentRule, scope: Option<&ContentCheck>) -> ContentCheck {
    let topics: Vec<TopicId> = rule.topics.iter().filter_map(|t| parts.tax.find(t)).collect();
    let passage_topics: Vec<TopicId> = rule.passage_topics.iter().filter_map(|t| parts.tax.find(t)).collect();
    let in_scope: Vec<bool> = match scope {
        None => vec![true; parts.sentences.len()],
        Some(outer) => {
            let mut allowed = vec![false; parts.sentences.len()];
            let reach = if outer.found == Found::Passage { 3 } else { 0 };
            for &k in &outer.sentences {
                for slot in allowed.iter_mut().skip(k).take(reach + 1) {
                    *slot = true;
                }
            }
            allowed
        }
    };
    // Headings of their own (inline items are sentences, not headings), outermost only.
    let mut hits: Vec<SectionId> = Vec::new();
    let mut is_hit = vec![false; parts.doc.sections.len()];
    for id in parts.doc.walk() {
        let section = &parts.doc.sections[id];
        if section.kind == SectionKind::Item {
            continue;
        }
        let Some(first) = parts.heading_sentence(id) else {
            continue;
        };
        if !in_scope[first] {
            continue;
        }
        let by_cue = any_in(&rule.heading, &folded(&section.heading_line));
        let by_topic = parts
            .topics
            .sections
            .get(id)
            .and_then(|t| t.ranked(parts.tax).first().copied())
            .is_some_and(|t| topics.contains(&t));
        let inside_a_hit =
            std::iter::successors(section.parent(), |&p| parts.doc.sections[p].parent()).any(|p| is_hit[p]);
        if (by_cue || by_topic) && !inside_a_hit {
            hits.push(id);
            is_hit[id] = true;
        }
    }
    if !hits.is_empty() {
        // Shown outermost first: a chapter of its own says more than a subsection somewhere.
        hits.sort_by_key(|&h| parts.doc.sections[h].level());
        let mut covered = vec![false; parts.doc.sections.len()];
        for id in hits.iter().flat_map(|&h| parts.subtree(h)) {
            covered[id] = true;
        }
        let sentences: Vec<usize> = (0..parts.sentences.len())
            .filter(|&k| parts.sentences[k].section().is_some_and(|s| covered[s]))
            .collect();
        let at = hits
            .iter()
            .filter_map(|&h| parts.heading_sentence(h))
            .take(MAX_PLACES)
            .map(|k| Located {
                text: parts.doc.sections[parts.sentences[k].section().unwrap_or_default()]
                    .heading_line
                    .to_string(),
                sentence: k,
            })
            .collect();
        return ContentCheck {
            found: Found::Section,
            at,
            sentences,
            ..missing(rule)
        };
    }
    let sentences: Vec<usize> = (0..parts.sentences.len())
        .filter(|&k| in_scope[k])
        .filter(|&k| {
            // By its own words: an opening paragraph is filed with the report's frame, whatever it says.
            any_in(&rule.passage, &parts.folded_sentence(k))
                || parts
                    .topics
                    .sentences
                    .get(k)
                    .and_then(|s| s.ranked(OWN_TOPIC_SCORE).first().copied())
                    .is_some_and(|t| passage_topics.contains(&t))
        })
        .collect();
    if sentences.is_empty() {
        return missing(rule);
    }
    let at = sentences
        .iter()
        .take(MAX_PLACES)
        .map(|&k| Located {
            text: parts.doc.sentence_text(&parts.sentences[k]).trim().to_string(),
            sentence: k,
        })
        .collect();
    ContentCheck {
        found: Found::Passage,
        at,
        sentences,
        ..missing(rule)
    }
}
