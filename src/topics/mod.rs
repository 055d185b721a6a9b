//! Stage 4, topics: scores headings, paragraphs and sentences against a topic taxonomy kept as data
//! (`taxonomy.toml`, embedded; a user file may replace it).
//!
//! Owns: the taxonomy format, keyword matching (width-folded, longest phrase wins) and the per-document
//! score table that alignment reads. Must not decide which passages go together.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::normalize::fold;
use crate::outline::{Document, Sentence};

/// The built-in taxonomy.
pub const BUILTIN_TAXONOMY: &str = include_str!("taxonomy.toml");

/// The same, as the build made it into JSON (see `build.rs`): what the binary reads.
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/taxonomy.json"));

/// Headings weigh this many times more than body text.
pub const HEADING_WEIGHT: u32 = 3;

/// Index of a topic in [`Taxonomy::topics`].
pub type TopicId = usize;

/// One topic of the taxonomy.
#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub label: String,
    pub english: String,
    pub fallback: bool,
    /// A section whose heading names this topic is taken whole, even over subsections on other
    /// topics (下步措施 about 行政执法 is still a next step).
    pub whole: bool,
    /// Takes the report's frame: title, addressee, opening, the closing text no other topic claims,
    /// signature and date.
    pub frame: bool,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    topic: Vec<RawTopic>,
    /// Terms the word diff keeps whole; used from the built-in file only (see [`builtin_atoms`]).
    #[serde(default)]
    atoms: Vec<String>,
}

/// The built-in taxonomy's `atoms`: terms the word diff never splits. The segmentation does not
/// follow a user's taxonomy, so that the same two reports always diff alike.
pub fn builtin_atoms() -> &'static [String] {
    &BUILTIN_RAW.atoms
}

/// The built-in taxonomy file, read once for both the taxonomy and the atoms.
static BUILTIN_RAW: std::sync::LazyLock<RawTaxonomy> = std::sync::LazyLock::new(|| {
    serde_json::from_str(BUILTIN_JSON)
        .unwrap_or_else(|e| unreachable!("the built-in taxonomy is checked by a test: {e}"))
});

#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    label: String,
    #[serde(default)]
    english: String,
    #[serde(default)]
    fallback: bool,
    #[serde(default)]
    whole: bool,
    #[serde(default)]
    frame: bool,
    #[serde(default)]
    heading: BTreeMap<String, u32>,
    #[serde(default)]
    keywords: BTreeMap<String, u32>,
}

/// What one phrase is worth to one topic, in body text and in headings.
#[derive(Clone)]
struct Weight {
    topic: TopicId,
    body: u32,
    heading: u32,
}

/// Topics and their keywords, compiled into one matcher.
#[derive(Clone)]
pub struct Taxonomy {
    topics: Vec<Topic>,
    /// Per distinct phrase of the matcher, its weights (a phrase may serve several topics).
    patterns: Vec<Vec<Weight>>,
    matcher: crate::phrases::Phrases,
    fallback: TopicId,
    frame: TopicId,
}

impl std::fmt::Debug for Taxonomy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Taxonomy")
            .field("topics", &self.topics)
            .finish_non_exhaustive()
    }
}

impl Taxonomy {
    /// The taxonomy shipped with duibi.
    pub fn builtin() -> Self {
        match Self::compile(Path::new("<built-in taxonomy>"), BUILTIN_RAW.clone()) {
            Ok(t) => t,
            Err(e) => unreachable!("the built-in taxonomy is tested: {e}"),
        }
    }

    /// Reads a taxonomy file.
    pub fn from_file(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound {
                path: path.to_path_buf(),
            },
            _ => Error::Io {
                path: path.to_path_buf(),
                cause: e,
            },
        })?;
        Self::parse(path, &text)
    }

    /// Parses and validates taxonomy TOML.
    pub fn parse(path: &Path, text: &str) -> Result<Self> {
        let invalid = |message: String| Error::Taxonomy {
            path: path.to_path_buf(),
            message,
        };
        let raw: RawTaxonomy = toml::from_str(text).map_err(|e| invalid(e.message().to_string()))?;
        Self::compile(path, raw)
    }

    /// Validates a parsed taxonomy and compiles its matcher.
    fn compile(path: &Path, raw: RawTaxonomy) -> Result<Self> {
        let invalid = |message: String| Error::Taxonomy {
            path: path.to_path_buf(),
            message,
        };
        // Every problem of the file is said at once, "; " between them.
        let mut problems: Vec<String> = Vec::new();
        let fallbacks: Vec<usize> = raw
            .topic
            .iter()
            .enumerate()
            .filter(|(_, t)| t.fallback)
            .map(|(i, _)| i)
            .collect();
        if fallbacks.len() != 1 {
            problems.push(format!(
                "exactly one topic needs `fallback = true`, found {}",
                fallbacks.len()
            ));
        }
        let fallback = fallbacks.first().copied().unwrap_or(0);
        let mut seen = std::collections::HashSet::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut words: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<Weight>> = Vec::new();
        for (i, t) in raw.topic.iter().enumerate() {
            if t.id.is_empty() || !seen.insert(t.id.as_str()) {
                problems.push(format!("topic id '{}' is empty or used twice", t.id));
            }
            for (table, in_heading_only) in [(&t.keywords, false), (&t.heading, true)] {
                for (word, &weight) in table {
                    let folded = fold(word).text;
                    if folded.is_empty() {
                        problems.push(format!("topic '{}' has an empty keyword", t.id));
                        continue;
                    }
                    let k = *index.entry(folded.clone()).or_insert_with(|| {
                        words.push(folded);
                        patterns.push(Vec::new());
                        patterns.len() - 1
                    });
                    let entry = match patterns[k].iter().position(|w| w.topic == i) {
                        Some(e) => &mut patterns[k][e],
                        None => {
                            patterns[k].push(Weight {
                                topic: i,
                                body: 0,
                                heading: 0,
                            });
                            patterns[k].last_mut().expect("just pushed")
                        }
                    };
                    // A keyword counts in headings too; a heading phrase only there.
                    if !in_heading_only {
                        entry.body = weight;
                    }
                    entry.heading = entry.heading.max(weight);
                }
            }
        }
        let frames = raw.topic.iter().filter(|t| t.frame).count();
        if frames > 1 {
            problems.push(format!("at most one topic may have `frame = true`, found {frames}"));
        }
        if !problems.is_empty() {
            return Err(invalid(problems.join("; ")));
        }
        let matcher = crate::phrases::Phrases::new(&words);
        let mut topics: Vec<Topic> = raw
            .topic
            .into_iter()
            .map(|t| Topic {
                id: t.id,
                label: t.label,
                english: t.english,
                fallback: t.fallback,
                whole: t.whole,
                frame: t.frame,
            })
            .collect();
        // Without a frame topic the opening and closing would be in no row: add one, with no
        // keywords, so that every taxonomy shows the whole report.
        let frame = match topics.iter().position(|t| t.frame) {
            Some(f) => f,
            None => {
                let id = ["frame", "frame_text", "opening_and_closing"]
                    .into_iter()
                    .find(|id| topics.iter().all(|t| t.id != *id))
                    .unwrap_or("frame");
                topics.insert(
                    0,
                    Topic {
                        id: id.to_string(),
                        label: "开头与结尾".to_string(),
                        english: "Opening and closing".to_string(),
                        fallback: false,
                        whole: false,
                        frame: true,
                    },
                );
                // Every index shifts by one.
                for w in patterns.iter_mut().flatten() {
                    w.topic += 1;
                }
                return Ok(Self {
                    topics,
                    patterns,
                    matcher,
                    fallback: fallback + 1,
                    frame: 0,
                });
            }
        };
        Ok(Self {
            topics,
            patterns,
            matcher,
            fallback,
            frame,
        })
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    pub fn topic(&self, id: TopicId) -> &Topic {
        &self.topics[id]
    }

    /// The topic that holds what no other topic claims.
    pub fn fallback(&self) -> TopicId {
        self.fallback
    }

    /// The topic that takes the report's frame: title, addressee, opening and unclaimed closing
    /// text, signature and date (declared with `frame = true`, or added when none is).
    pub fn frame(&self) -> TopicId {
        self.frame
    }

    /// This taxonomy with topics of the analyst's own making (id, label) added after its own: no
    /// keywords, so only refiled text goes under them. Ids it already has are skipped.
    pub fn with_own(&self, own: &[(String, String)]) -> Taxonomy {
        let mut tax = self.clone();
        for (id, label) in own {
            if tax.find(id).is_none() {
                tax.topics.push(Topic {
                    id: id.clone(),
                    label: label.clone(),
                    english: label.clone(),
                    fallback: false,
                    whole: false,
                    frame: false,
                });
            }
        }
        tax
    }

    /// The label of the topic with id `id`; the id itself when there is no such topic.
    pub fn label_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.find(id).map_or(id, |t| self.topics[t].label.as_str())
    }

    /// Finds a topic by its id.
    pub fn find(&self, id: &str) -> Option<TopicId> {
        self.topics.iter().position(|t| t.id == id)
    }

    /// Scores `text` for every topic; heading-only phrases count when `heading` is set. Words inside
    /// a document's or law's name (《行政复议法》) name it and say nothing of the activity: they
    /// do not count.
    pub fn score(&self, text: &str, heading: bool) -> Scores {
        self.score_folded(&fold(text).text, heading)
    }

    /// [`score`](Self::score) of a text already folded (`fold(text).text`).
    pub fn score_folded(&self, folded: &str, heading: bool) -> Scores {
        let names = titled_names(folded);
        let mut scores = vec![0u32; self.topics.len()];
        for m in self.matcher.find_iter(folded) {
            if names.iter().any(|r| r.start < m.range.end && m.range.start < r.end) {
                continue;
            }
            for w in &self.patterns[m.phrase] {
                scores[w.topic] += if heading { w.heading } else { w.body };
            }
        }
        Scores::compact(scores)
    }

    /// Byte ranges of `text` where a keyword that counts in body text stands (法律顾问,
    /// 规范性文件): what a report says, never its stock wording.
    pub fn terms(&self, text: &str) -> Vec<Range<usize>> {
        let folded = fold(text);
        self.matcher
            .find_iter(&folded.text)
            .filter(|m| self.patterns[m.phrase].iter().any(|w| w.body > 0))
            .map(|m| folded.to_original(m.range))
            .collect()
    }
}

/// Byte ranges of the names between 《 and 》, with the marks.
fn titled_names(text: &str) -> Vec<Range<usize>> {
    crate::text::book_titles(text)
        .into_iter()
        .map(|r| r.start - '《'.len_utf8()..r.end + '》'.len_utf8())
        .collect()
}

/// A score per topic for one piece of text, by topic id; topics past the end score 0. A report
/// keeps one for every sentence, most of them all zeros: those hold no list at all. A boxed slice,
/// 16 bytes where a list takes 24: both reports hold one a sentence and two a section while they
/// are filed side by side, the peak of a large comparison.
#[derive(Debug, Clone, Default)]
pub struct Scores(pub Box<[u32]>);

impl PartialEq for Scores {
    fn eq(&self, other: &Self) -> bool {
        (0..self.0.len().max(other.0.len())).all(|t| self.get(t) == other.get(t))
    }
}

impl Eq for Scores {}

impl Scores {
    /// `scores` without its trailing zeros (none at all when every topic scores 0).
    fn compact(mut scores: Vec<u32>) -> Scores {
        let len = scores.iter().rposition(|&s| s > 0).map_or(0, |t| t + 1);
        scores.truncate(len);
        if len == 0 {
            return Scores::default();
        }
        Scores(scores.into_boxed_slice())
    }

    pub fn get(&self, t: TopicId) -> u32 {
        self.0.get(t).copied().unwrap_or(0)
    }

    pub fn max(&self) -> u32 {
        self.0.iter().copied().max().unwrap_or(0)
    }

    pub fn total(&self) -> u32 {
        self.0.iter().sum()
    }

    /// Adds `other` times `factor`.
    pub fn add(&mut self, other: &Scores, factor: u32) {
        if self.0.len() < other.0.len() {
            let mut longer = std::mem::take(&mut self.0).into_vec();
            longer.resize(other.0.len(), 0);
            self.0 = longer.into_boxed_slice();
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a += b * factor;
        }
    }

    /// Topics scoring at least `min`, best first.
    pub fn ranked(&self, min: u32) -> Vec<TopicId> {
        let mut ids: Vec<TopicId> = (0..self.0.len()).filter(|&t| self.0[t] >= min).collect();
        ids.sort_by(|&a, &b| self.0[b].cmp(&self.0[a]).then(a.cmp(&b)));
        ids
    }

    /// Is `t` the leading topic (within `share` of the best) with at least `min` points?
    pub fn leads(&self, t: TopicId, min: u32, share: f32) -> bool {
        let s = self.get(t);
        s >= min && s as f32 >= self.max() as f32 * share
    }
}

/// A score to list a topic for a section.
pub const MIN_SECTION_SCORE: u32 = 3;

/// Scores of one section: its heading, and the whole section's (see [`SectionTopics::ranked`]).
#[derive(Debug, Clone)]
pub struct SectionTopics {
    pub heading: Scores,
    /// Heading × [`HEADING_WEIGHT`] + own body, or the children's when the section has no text of
    /// its own to judge by.
    pub combined: Scores,
}

impl SectionTopics {
    /// The section's topics by score, best first; the fallback topic when none qualifies. Worked
    /// out when asked: the outputs ask once a section, and a comparison, which only files
    /// sentences, never (a list a section held for nothing).
    pub fn ranked(&self, tax: &Taxonomy) -> Vec<TopicId> {
        let mut ranked = self.combined.ranked(MIN_SECTION_SCORE);
        ranked.retain(|&t| t != tax.fallback);
        if ranked.is_empty() {
            ranked.push(tax.fallback);
        }
        ranked
    }
}

/// Scores for every part of a document.
#[derive(Debug, Clone)]
pub struct DocTopics {
    pub sections: Vec<SectionTopics>,
    /// One per sentence of [`Document::sentences`], in order (a heading line's words count in its
    /// section's heading score, not here).
    pub sentences: Vec<Scores>,
}

/// Scores every heading and sentence of `doc` (its sentences are `sentences`, as
/// [`Document::sentences`] gives them).
pub fn classify(doc: &Document, sentences: &[Sentence], tax: &Taxonomy) -> DocTopics {
    classify_scored(doc, sentences, tax, |k| {
        tax.score(doc.sentence_text(&sentences[k]), false)
    })
}

/// [`classify`] when each sentence's folded text is at hand already (`folded(k)`, as
/// `fold(doc.sentence_text(&sentences[k])).text` gives it): the comparison folds every sentence
/// to pair it, and need not fold it again to score it.
pub fn classify_folded<'a>(
    doc: &Document,
    sentences: &[Sentence],
    tax: &Taxonomy,
    folded: impl Fn(usize) -> &'a str,
) -> DocTopics {
    classify_scored(doc, sentences, tax, |k| tax.score_folded(folded(k), false))
}

/// Scores every heading of `doc`, and every sentence outside a heading line by `score(k)`.
fn classify_scored(
    doc: &Document,
    sentences: &[Sentence],
    tax: &Taxonomy,
    score: impl Fn(usize) -> Scores,
) -> DocTopics {
    let scores: Vec<Scores> = (0..sentences.len())
        .map(|k| {
            if sentences[k].in_heading() {
                Scores::default()
            } else {
                score(k)
            }
        })
        .collect();
    let mut sections: Vec<SectionTopics> = doc
        .sections
        .iter()
        .map(|s| {
            let heading = tax.score(&s.heading, true);
            // Grown to the topics scored, as sentences add theirs: most sections score few.
            let mut combined = Scores::default();
            combined.add(&heading, HEADING_WEIGHT);
            SectionTopics { heading, combined }
        })
        .collect();
    for (s, score) in sentences.iter().zip(&scores) {
        if let Some(id) = s.section() {
            sections[id].combined.add(score, 1);
        }
    }
    // Children first, so a section without text of its own can borrow its children's topics.
    for id in doc.walk().into_iter().rev() {
        if sections[id].combined.max() < MIN_SECTION_SCORE {
            let mut from_children = Scores::default();
            for &c in doc.children(id) {
                from_children.add(&sections[c].combined, 1);
            }
            sections[id].combined.add(&from_children, 1);
        }
    }
    DocTopics {
        sections,
        sentences: scores,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_on_no_topic_holds_no_score_list_and_scores_compare_by_value() {
        let tax = Taxonomy::builtin();
        let none = tax.score("今天天气很好。", false);
        assert!(none.0.is_empty(), "a report holds one of these per sentence");
        assert_eq!(none, Scores(vec![0; tax.topics().len()].into_boxed_slice()));
        let counsel = tax.score("聘请法律顾问2名。", false);
        let t = tax.find("legal_counsel").expect("topic");
        assert!(counsel.get(t) > 0);
        assert_eq!(counsel.0.len(), t + 1, "trailing zeros dropped");
        assert_eq!(counsel.get(tax.topics().len() - 1), 0);
    }

    #[test]
    fn the_builtin_taxonomy_the_binary_reads_is_the_toml_file() {
        let from_toml: RawTaxonomy = toml::from_str(BUILTIN_TAXONOMY).expect("the built-in file is TOML");
        assert_eq!(*BUILTIN_RAW, from_toml);
        assert!(from_toml.topic.len() > 10 && !from_toml.atoms.is_empty());
    }

    #[test]
    fn builtin_taxonomy_has_the_required_topics() {
        let tax = Taxonomy::builtin();
        for id in [
            "leadership",
            "functions",
            "normative_docs",
            "decision",
            "enforcement",
            "oversight",
            "disputes",
            "legal_counsel",
            "legal_education",
            "problems",
            "next_steps",
            "other",
        ] {
            assert!(tax.find(id).is_some(), "{id}");
        }
        assert_eq!(tax.topic(tax.fallback()).id, "other");
    }

    #[test]
    fn longest_phrase_wins_and_width_is_ignored() {
        let tax = Taxonomy::builtin();
        let counsel = tax.find("legal_counsel").unwrap();
        let s = tax.score("聘请法律顾问，提供法律咨询", false);
        assert_eq!(s.get(counsel), 5 + 3);
        let spaced = tax.score("法律 顾问", false);
        assert_eq!(spaced.get(counsel), 5);
    }

    #[test]
    fn the_atoms_of_the_word_diff_live_in_the_built_in_taxonomy() {
        let atoms = builtin_atoms();
        assert!(atoms.len() >= 40, "{}", atoms.len());
        for term in ["双随机、一公开", "法律顾问", "规范性文件", "领导干部"] {
            assert!(atoms.iter().any(|a| a == term), "{term}");
        }
        // A user's taxonomy may carry its own list; it is accepted and not used for segmenting.
        let own =
            "atoms = [\"自定义\"]\n[[topic]]\nid = \"other\"\nlabel = \"其他\"\nenglish = \"Other\"\nfallback = true\n";
        assert!(Taxonomy::parse(Path::new("own.toml"), own).is_ok());
    }

    #[test]
    fn the_name_of_a_law_or_document_is_not_its_activity() {
        let tax = Taxonomy::builtin();
        let disputes = tax.find("disputes").expect("topic");
        let education = tax.find("legal_education").expect("topic");
        let studied = tax.score("组织集中学法,学习《行政复议法》《行政诉讼法》等法律法规。", false);
        assert_eq!(studied.get(disputes), 0);
        assert!(studied.get(education) > 0);
        let handled = tax.score("全年办理行政复议案件2件,依照《行政复议法》按期办结。", false);
        assert!(
            handled.get(disputes) > 0,
            "the activity named outside the title still counts"
        );
    }

    #[test]
    fn heading_only_phrases_count_only_in_headings() {
        let tax = Taxonomy::builtin();
        let next = tax.find("next_steps").unwrap();
        assert!(tax.score("下步措施", true).get(next) > 0);
        assert_eq!(tax.score("采取措施", false).get(next), 0);
        // 决策 is both a heading phrase (3) and a keyword (1): each table applies in its place.
        let decision = tax.find("decision").unwrap();
        assert_eq!(tax.score("坚持依法依规决策", true).get(decision), 3);
        assert_eq!(tax.score("坚持依法依规决策", false).get(decision), 1);
    }

    #[test]
    fn bad_taxonomies_are_rejected_with_a_reason() {
        let p = Path::new("t.toml");
        let no_fallback = "[[topic]]\nid = \"a\"\nlabel = \"甲\"\n";
        assert!(
            Taxonomy::parse(p, no_fallback)
                .unwrap_err()
                .to_string()
                .contains("fallback")
        );
        let dup = "[[topic]]\nid = \"a\"\nlabel = \"甲\"\nfallback = true\n[[topic]]\nid = \"a\"\nlabel = \"乙\"\n";
        assert!(Taxonomy::parse(p, dup).unwrap_err().to_string().contains("used twice"));
        let unknown = "[[topic]]\nid = \"a\"\nlabel = \"甲\"\nfallback = true\ncolour = 1\n";
        assert!(
            Taxonomy::parse(p, unknown)
                .unwrap_err()
                .to_string()
                .starts_with("t.toml: taxonomy is not valid")
        );
    }

    #[test]
    fn every_problem_of_a_taxonomy_is_said_at_once() {
        let p = Path::new("t.toml");
        let bad =
            "[[topic]]\nid = \"a\"\nlabel = \"甲\"\nkeywords = { \" \" = 1 }\n[[topic]]\nid = \"a\"\nlabel = \"乙\"\n";
        let message = Taxonomy::parse(p, bad).unwrap_err().to_string();
        for said in ["fallback", "used twice", "empty keyword"] {
            assert!(message.contains(said), "{said} in {message}");
        }
        assert_eq!(message.lines().count(), 1, "{message}");
    }
}
