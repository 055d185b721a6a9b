//! The analyst's own judgement, kept between sessions: passages refiled under another topic (or one
//! of their own making), notes on rows, changes and figures, and rows marked reviewed.
//!
//! [`State`] is what one review file holds; [`store`] finds, reads and writes the file (atomic,
//! locked, never over a damaged one); [`apply`] puts the refilings onto the reports and the
//! taxonomy before the pipeline runs, and says which no longer apply; [`keys`] names the rows,
//! changes and figures notes are about, by content.

pub mod apply;
pub mod keys;
pub mod store;

use serde::{Deserialize, Serialize};

pub use apply::{Applied, Stale};
pub use store::{Opened, Place, Store, StoreError};

/// The first line's key and value of every review file: what tells a review file from another.
pub const FORMAT: &str = "duibi review 1";

/// Everything one review file holds: the reports it is about, the analyst's topics, refilings,
/// notes and reviewed rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    pub format: String,
    #[serde(default, rename = "report", skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ReportRef>,
    #[serde(default, rename = "topic", skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<OwnTopic>,
    #[serde(default, rename = "refile", skip_serializing_if = "Vec::is_empty")]
    pub refilings: Vec<Refiling>,
    #[serde(default, rename = "note", skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    #[serde(default, rename = "reviewed", skip_serializing_if = "Vec::is_empty")]
    pub reviewed: Vec<Reviewed>,
}

impl Default for State {
    fn default() -> Self {
        State {
            format: FORMAT.into(),
            reports: Vec::new(),
            topics: Vec::new(),
            refilings: Vec::new(),
            notes: Vec::new(),
            reviewed: Vec::new(),
        }
    }
}

/// A report a review is about: its content's digest (what keys it, so that a renamed copy keeps
/// its review), and where and what it was when last seen (to find the review of an edited copy).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRef {
    pub id: String,
    pub path: String,
    #[serde(default)]
    pub title: String,
}

/// A topic the analyst made: refiled text goes under it, in a row of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnTopic {
    pub id: String,
    pub label: String,
}

/// Sentences of one report put under another topic by the analyst.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Refiling {
    /// Unique in the file: what undoing names.
    pub id: String,
    /// The report's [`ReportRef::id`] when refiled.
    pub report: String,
    /// Its path then: an edited copy at the same place is checked sentence by sentence.
    pub path: String,
    /// The sentences' digests ([`crate::text::sentence_digest`]).
    pub sentences: Vec<String>,
    /// The start of the text, for people reading the file and for messages.
    pub excerpt: String,
    /// The topic it was under (its label), and the topic's id it goes under now.
    pub from: String,
    pub to: String,
}

/// What a note is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum About {
    Row,
    Change,
    Figure,
}

/// A remark of the analyst's on a row, on one change of it, or on a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub about: About,
    /// The row's key ([`keys::row`]).
    pub row: String,
    /// The change's or figure's key ([`keys::change`], [`keys::figure`]); empty for a row.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub at: String,
    /// What it is about, as the analyst saw it (a row's label, a change's text, a figure).
    pub excerpt: String,
    pub text: String,
}

/// A row marked reviewed, with the digest of what it showed then: a row whose text has changed
/// since is no longer counted reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewed {
    pub row: String,
    pub content: String,
}

impl State {
    /// The notes on row `row` (all of them: on the row, its changes and its figures).
    pub fn notes_on<'a>(&'a self, row: &'a str) -> impl Iterator<Item = &'a Note> + 'a {
        self.notes.iter().filter(move |n| n.row == row)
    }

    /// Whether row `row` is marked reviewed with this content.
    pub fn is_reviewed(&self, row: &str, content: &str) -> bool {
        self.reviewed.iter().any(|r| r.row == row && r.content == content)
    }

    /// Marks a row reviewed (with its content), or takes the mark off.
    pub fn set_reviewed(&mut self, row: &str, content: &str, on: bool) {
        self.reviewed.retain(|r| r.row != row);
        if on {
            self.reviewed.push(Reviewed {
                row: row.into(),
                content: content.into(),
            });
        }
    }

    /// The analyst's topics as the taxonomy takes them: (id, label).
    pub fn own_topics(&self) -> Vec<(String, String)> {
        self.topics.iter().map(|t| (t.id.clone(), t.label.clone())).collect()
    }

    /// The id of the analyst's topic called `label`, made when there is none.
    pub fn own_topic(&mut self, label: &str) -> String {
        if let Some(t) = self.topics.iter().find(|t| t.label == label) {
            return t.id.clone();
        }
        let id = format!("own-{}", keys::hex(crate::text::digest(label)));
        self.topics.push(OwnTopic {
            id: id.clone(),
            label: label.into(),
        });
        id
    }

    /// Records the reports a review is about (the newest path and title of each).
    pub fn remember(&mut self, reports: &[ReportRef]) {
        for r in reports {
            self.reports.retain(|o| o.id != r.id && o.path != r.path);
            self.reports.push(r.clone());
        }
    }
}

/// A new id, unique among the ids of the files any window writes: the time, the process, a count.
pub fn fresh_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}-{nanos:x}-{:x}-{n}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_survives_its_file_form() {
        let mut s = State::default();
        s.remember(&[ReportRef {
            id: "00ff".into(),
            path: "/tmp/a.txt".into(),
            title: "某局2024年报告".into(),
        }]);
        let own = s.own_topic("合同管理");
        assert_eq!(s.own_topic("合同管理"), own, "one topic per label");
        s.notes.push(Note {
            id: fresh_id("note"),
            about: About::Change,
            row: "legal_counsel".into(),
            at: "12ab".into(),
            excerpt: "法律咨询16次".into(),
            text: "与统计公报不符\n第二行".into(),
        });
        s.set_reviewed("legal_counsel", "aa", true);
        let text = toml::to_string(&s).expect("serialises");
        assert!(text.starts_with("format = \"duibi review 1\""), "{text}");
        let back: State = toml::from_str(&text).expect("parses");
        assert_eq!(back, s);
        assert!(back.is_reviewed("legal_counsel", "aa"));
        assert!(
            !back.is_reviewed("legal_counsel", "bb"),
            "a row changed since is not reviewed"
        );
    }

    #[test]
    fn ids_made_in_a_row_differ() {
        assert_ne!(fresh_id("n"), fresh_id("n"));
    }
}
