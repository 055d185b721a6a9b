//! The checklist's rules as data (`rules.toml`, embedded; a user file replaces it): the required
//! contents with their cue words, the deadline, and the thresholds a report is judged by.

use std::path::Path;

use serde::Deserialize;

pub use super::date::Due;
use crate::error::{Error, Result};
use crate::normalize::fold;

/// The built-in rules.
pub const BUILTIN_RULES: &str = include_str!("rules.toml");

/// A cue: phrases that must all be in one heading or sentence (`主要负责人+职责`), folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue(Vec<String>);

impl Cue {
    fn parse(s: &str) -> Cue {
        Cue(s.split('+').map(folded).filter(|p| !p.is_empty()).collect())
    }

    /// Whether `text` (folded with [`folded`]) holds every phrase of the cue.
    pub fn in_text(&self, text: &str) -> bool {
        !self.0.is_empty() && self.0.iter().all(|p| text.contains(p.as_str()))
    }
}

/// Text as cues are matched against it: width-folded, blanks dropped.
pub fn folded(s: &str) -> String {
    fold(s).text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether any of `cues` is in `text` (folded).
pub fn any_in(cues: &[Cue], text: &str) -> bool {
    cues.iter().any(|c| c.in_text(text))
}

/// One required content of the report.
#[derive(Debug, Clone)]
pub struct ContentRule {
    /// `measures`, `first_responsible`, `shortcomings`, `causes`, `next_year` in the built-in
    /// rules: the JSON contract's ids.
    pub id: String,
    pub name: String,
    pub english: String,
    pub heading: Vec<Cue>,
    pub passage: Vec<Cue>,
    /// Taxonomy topic ids whose sections are the content's own.
    pub topics: Vec<String>,
    /// Taxonomy topic ids whose sentences state the content (where no cue word does).
    pub passage_topics: Vec<String>,
    /// Only inside where this other content is.
    pub within: Option<String>,
    pub required: bool,
}

/// Everything the checklist judges by.
#[derive(Debug, Clone)]
pub struct Rules {
    pub contents: Vec<ContentRule>,
    pub due: Due,
    /// Where the deadline comes from, as the rules file states it.
    pub due_source: String,
    pub min_figures_per_1000: f64,
    pub repeated_problem: f64,
    pub min_chars: usize,
    pub plan_done: f64,
    /// Folded, longest first (so that a long word is cut before its parts).
    pub plan_words: Vec<String>,
    pub max_copied_share: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    content: Vec<RawContent>,
    deadline: RawDeadline,
    concreteness: RawConcreteness,
    history: RawHistory,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContent {
    id: String,
    name: String,
    #[serde(default)]
    english: String,
    #[serde(default)]
    heading: Vec<String>,
    #[serde(default)]
    passage: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    passage_topics: Vec<String>,
    #[serde(default)]
    within: Option<String>,
    #[serde(default = "yes")]
    required: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadline {
    due: String,
    #[serde(default)]
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConcreteness {
    min_figures_per_1000: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHistory {
    repeated_problem: f64,
    min_chars: usize,
    plan_done: f64,
    plan_words: Vec<String>,
    max_copied_share: f64,
}

impl Rules {
    /// The rules built in (see `rules.toml` for their sources).
    pub fn builtin() -> Rules {
        Rules::parse(Path::new("rules.toml"), BUILTIN_RULES)
            .unwrap_or_else(|e| unreachable!("the built-in rules are checked by a test: {e}"))
    }

    /// Rules read from a file of the same form.
    pub fn from_file(path: &Path) -> Result<Rules> {
        let text = std::fs::read_to_string(path).map_err(|cause| Error::Io {
            path: path.to_path_buf(),
            cause,
        })?;
        Rules::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Rules> {
        let invalid = |message: String| Error::Rules {
            path: path.to_path_buf(),
            message: crate::text::one_line(&message),
        };
        let raw: RawRules = toml::from_str(text).map_err(|e| invalid(e.message().to_string()))?;
        let due = raw
            .deadline
            .due
            .split_once('-')
            .and_then(|(m, d)| Some((m.parse().ok()?, d.parse().ok()?)))
            .filter(|&(m, d): &(u32, u32)| {
                (1..=12).contains(&m) && (1..=super::date::days_in_month(2001, m)).contains(&d)
            })
            .map(|(month, day)| Due { month, day })
            .ok_or_else(|| {
                invalid(format!(
                    "deadline.due {:?} is not a month and day as \"03-31\"",
                    raw.deadline.due
                ))
            })?;
        let ids: Vec<&str> = raw.content.iter().map(|c| c.id.as_str()).collect();
        for c in &raw.content {
            if let Some(w) = &c.within
                && !ids.contains(&w.as_str())
            {
                return Err(invalid(format!(
                    "content {:?} is within {w:?}, which is no content",
                    c.id
                )));
            }
        }
        let share = |name: &str, x: f64| {
            if (0.0..=1.0).contains(&x) {
                Ok(x)
            } else {
                Err(invalid(format!("history.{name} is {x}: a share from 0 to 1")))
            }
        };
        let mut plan_words: Vec<String> = raw
            .history
            .plan_words
            .iter()
            .map(|w| folded(w))
            .filter(|w| !w.is_empty())
            .collect();
        plan_words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        Ok(Rules {
            contents: raw
                .content
                .into_iter()
                .map(|c| ContentRule {
                    id: c.id,
                    name: c.name,
                    english: c.english,
                    heading: c.heading.iter().map(|s| Cue::parse(s)).collect(),
                    passage: c.passage.iter().map(|s| Cue::parse(s)).collect(),
                    topics: c.topics,
                    passage_topics: c.passage_topics,
                    within: c.within,
                    required: c.required,
                })
                .collect(),
            due,
            due_source: raw.deadline.source,
            min_figures_per_1000: raw.concreteness.min_figures_per_1000,
            repeated_problem: share("repeated_problem", raw.history.repeated_problem)?,
            min_chars: raw.history.min_chars,
            plan_done: share("plan_done", raw.history.plan_done)?,
            plan_words,
            max_copied_share: share("max_copied_share", raw.history.max_copied_share)?,
        })
    }

    /// The content rule of `id`.
    pub fn content(&self, id: &str) -> Option<&ContentRule> {
        self.contents.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_rules_read_and_name_the_five_contents() {
        let rules = Rules::builtin();
        let ids: Vec<&str> = rules.contents.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            ["measures", "first_responsible", "shortcomings", "causes", "next_year"]
        );
        assert_eq!(rules.due, Due { month: 3, day: 31 });
        assert!(rules.due_source.contains("督察工作规定"));
    }

    #[test]
    fn cues_need_all_their_phrases_in_any_width() {
        let cue = Cue::parse("主要负责人+职责");
        assert!(cue.in_text(&folded("局主要负责人切实履行职责")));
        assert!(!cue.in_text(&folded("局主要负责人出庭应诉")));
        assert!(Cue::parse("ＡＢ").in_text(&folded("xAB")));
    }

    #[test]
    fn a_bad_rules_file_says_what_is_wrong_in_one_line() {
        let bad = BUILTIN_RULES.replace("due = \"03-31\"", "due = \"13-40\"");
        let err = Rules::parse(Path::new("mine.toml"), &bad).unwrap_err().to_string();
        assert!(
            err.starts_with("mine.toml: ") && err.contains("13-40") && !err.contains('\n'),
            "{err}"
        );
        let bad = BUILTIN_RULES.replace("within = \"shortcomings\"", "within = \"nothing\"");
        assert!(Rules::parse(Path::new("mine.toml"), &bad).is_err());
        let bad = BUILTIN_RULES.replace("[deadline]", "[deadline]\nsurprise = 1");
        assert!(Rules::parse(Path::new("mine.toml"), &bad).is_err());
    }
}
