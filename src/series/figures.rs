//! Figures over time: every quantity a report states (a number with its unit and what it counts:
//! 提供法律咨询16次, 保留5项, 废止4项), attached to its topic and matched from report to report into
//! one measure with a value per report.

use std::collections::HashSet;
use std::ops::Range;

use super::Series;
use crate::align::{Classified, by_topic};
use crate::diff::figures::label;
use crate::diff::tokenize::leading_figure;
use crate::diff::{JiebaTokenizer, Tokenizer};
use crate::text::split_sentences;
use crate::topics::{Taxonomy, TopicId};

/// One quantity followed across the reports.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Measure {
    /// What it counts, in the report's words (`提供法律咨询`).
    pub label: String,
    /// Its unit, without the `余`/`多` of an estimate (`次`).
    pub unit: String,
    /// The taxonomy id of the topic it is stated under.
    pub topic: String,
    /// As written in each report (`16次`, `40余次`); `None` where a report does not state it.
    pub values: Vec<Option<String>>,
}

/// How a measure moved at its latest step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// From the value stated before the last one to the last: `+7次`, `−1件`, `±0次`.
    By(String),
    /// The two values differ but do not subtract (`40余次` → `50次`).
    Differs,
    /// Stated in the report the last one is measured against, not in the last.
    Gone,
}

impl Change {
    /// As shown in a table: the difference, `≠`, or `gone`.
    pub fn text(&self) -> &str {
        match self {
            Change::By(d) => d,
            Change::Differs => "≠",
            Change::Gone => "gone",
        }
    }
}

impl Measure {
    /// The value stated last in the reports `at` is measured against, going back through
    /// `previous` (see [`Series::previous`]): the same unit's earlier reports.
    pub fn stated_before(&self, at: usize, previous: &dyn Fn(usize) -> Option<usize>) -> Option<&str> {
        let mut k = previous(at);
        while let Some(i) = k {
            if let Some(v) = self.values.get(i).and_then(Option::as_deref) {
                return Some(v);
            }
            k = previous(i);
        }
        None
    }

    /// How the measure moved where it was last stated, against the value stated before it in the
    /// reports that one is measured against (`previous`, as [`Series::previous`]); `Gone` when the
    /// last report leaves out what the report it is measured against stated (what went earlier
    /// shows as a gap in the values); `None` when there is nothing to compare or the two are the
    /// same words that do not subtract.
    pub fn latest_change(&self, previous: &dyn Fn(usize) -> Option<usize>) -> Option<Change> {
        let last_report = self.values.len().checked_sub(1)?;
        if self.values[last_report].is_none() {
            let before = previous(last_report).and_then(|p| self.values.get(p)?.as_ref());
            return before.map(|_| Change::Gone);
        }
        let at = self.values.iter().rposition(Option::is_some)?;
        let last = self.values[at].as_deref()?;
        let before = self.stated_before(at, previous)?;
        Some(match crate::diff::figures::change(before, last) {
            Some(d) => Change::By(d),
            None if before == last => return None,
            None => Change::Differs,
        })
    }
}

/// Every measure of a series, by topic (taxonomy order), then as first stated.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Figures {
    pub measures: Vec<Measure>,
}

/// A figure found in a report, before matching.
#[derive(Debug, Clone)]
struct Found {
    topic: TopicId,
    label: String,
    unit: String,
    value: String,
}

/// The figures of `sentence`: where each starts and ends. Years and dates are not quantities.
fn figures_in(sentence: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    for (i, c) in sentence.char_indices() {
        let starts = c.is_ascii_digit() && !previous.is_some_and(|p| p.is_ascii_digit() || p == '.' || p == ',');
        previous = Some(c);
        if !starts {
            continue;
        }
        let Some((number, unit)) = leading_figure(&sentence[i..]) else {
            continue;
        };
        let date = matches!(unit, "月" | "日" | "号") || (unit.starts_with('年') && number.len() == 4);
        if !date {
            out.push(i..i + number.len() + unit.len());
        }
    }
    out
}

/// The unit a measure is matched by: `40余次` and `40多次` count what `40次` counts.
fn base_unit(unit: &str) -> String {
    unit.trim_start_matches(['余', '多']).to_string()
}

/// Character bigrams of a label, to match labels that differ by a word.
fn bigrams(s: &str) -> HashSet<(char, char)> {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

fn dice(a: &str, b: &str) -> f32 {
    let (a, b) = (bigrams(a), bigrams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(&b).count() as f32 / (a.len() + b.len()) as f32
}

/// Labels at least this alike (bigram Dice) name one measure, when topic and unit agree too.
const SAME_LABEL: f32 = 0.6;

impl Figures {
    pub fn new(series: &Series, tax: &Taxonomy) -> Figures {
        // Each report's sentences that hold a figure, with their topic; a passage standing under
        // two topics gives its figures to the first.
        let per: Vec<Vec<(TopicId, String)>> = series
            .reports
            .iter()
            .map(|r| {
                let mut seen = HashSet::new();
                let mut out = Vec::new();
                let classified = Classified {
                    doc: &r.doc,
                    topics: &r.topics,
                };
                for (t, passages) in by_topic(classified, tax) {
                    for p in passages {
                        for range in split_sentences(&p.text) {
                            let s = p.text[range].trim();
                            if s.contains(|c: char| c.is_ascii_digit()) && seen.insert(s.to_string()) {
                                out.push((t, s.to_string()));
                            }
                        }
                    }
                }
                out
            })
            .collect();
        let segmenter = JiebaTokenizer::for_texts(per.iter().flatten().map(|(_, s)| s.as_str()));
        let found: Vec<Vec<Found>> = per
            .iter()
            .map(|sentences| {
                let mut out: Vec<Found> = Vec::new();
                for (t, s) in sentences {
                    let tokens = segmenter.tokens(s);
                    for at in figures_in(s) {
                        let name = label(s, at.clone(), &tokens);
                        let unit = leading_figure(&s[at.clone()]).map_or("", |f| f.1);
                        // A word of one character (`对7家企业`) says too little to follow a figure by.
                        if name.chars().count() < 2 || name == "年份" || name == "日期" {
                            continue;
                        }
                        let f = Found {
                            topic: *t,
                            label: name,
                            unit: base_unit(unit),
                            value: s[at].to_string(),
                        };
                        // One value per measure and report: the first stated.
                        if !out.iter().any(|g| g.label == f.label && g.unit == f.unit) {
                            out.push(f);
                        }
                    }
                }
                out
            })
            .collect();
        Figures {
            measures: matched(&found, tax),
        }
    }
}

/// Matches each report's figures to the measures of the reports before: the same label, topic
/// and unit; else the same label and unit under another topic; else the most alike label under
/// the same topic and unit. Two figures of one report never go to one measure.
fn matched(found: &[Vec<Found>], tax: &Taxonomy) -> Vec<Measure> {
    struct Open {
        topic: TopicId,
        measure: Measure,
    }
    let n = found.len();
    let mut open: Vec<Open> = Vec::new();
    for (i, figures) in found.iter().enumerate() {
        for f in figures {
            let free = |o: &Open| o.measure.values[i].is_none() && o.measure.unit == f.unit;
            let exact = open
                .iter()
                .position(|o| free(o) && o.topic == f.topic && o.measure.label == f.label)
                .or_else(|| open.iter().position(|o| free(o) && o.measure.label == f.label));
            let similar = || {
                open.iter()
                    .enumerate()
                    .filter(|(_, o)| free(o) && o.topic == f.topic)
                    .map(|(k, o)| (k, dice(&o.measure.label, &f.label)))
                    .filter(|&(_, d)| d >= SAME_LABEL)
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(k, _)| k)
            };
            match exact.or_else(similar) {
                Some(k) => open[k].measure.values[i] = Some(f.value.clone()),
                None => {
                    let mut values = vec![None; n];
                    values[i] = Some(f.value.clone());
                    open.push(Open {
                        topic: f.topic,
                        measure: Measure {
                            label: f.label.clone(),
                            unit: f.unit.clone(),
                            topic: tax.topic(f.topic).id.clone(),
                            values,
                        },
                    });
                }
            }
        }
    }
    open.sort_by_key(|o| o.topic);
    open.into_iter().map(|o| o.measure).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_quantities_not_years_or_dates() {
        let s = "2024年全年提供法律咨询16次,清理文件9项,1月20日完成,增长3.5%。";
        let got: Vec<&str> = figures_in(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(got, ["16次", "9项", "3.5%"]);
    }

    #[test]
    fn the_latest_change_is_from_the_value_before_to_the_last() {
        let m = |values: &[Option<&str>]| Measure {
            label: "提供法律咨询".into(),
            unit: "次".into(),
            topic: "legal_counsel".into(),
            values: values.iter().map(|v| v.map(str::to_string)).collect(),
        };
        // One unit's reports: each is measured against the one before.
        let change = |values: &[Option<&str>]| m(values).latest_change(&|i: usize| i.checked_sub(1));
        assert_eq!(
            change(&[Some("16次"), Some("23次"), Some("31次")]),
            Some(Change::By("+8次".into()))
        );
        assert_eq!(
            change(&[Some("16次"), None, Some("9次")]),
            Some(Change::By("−7次".into()))
        );
        assert_eq!(change(&[Some("16次"), Some("16次")]), Some(Change::By("±0次".into())));
        assert_eq!(change(&[Some("40余次"), Some("50次")]), Some(Change::Differs));
        assert_eq!(change(&[Some("16次"), None]), Some(Change::Gone));
        assert_eq!(change(&[None, Some("16次")]), None, "stated once: nothing to compare");
        // Two units, A: 0, 2; B: 1. B's figure is not A's to lose, and A's change skips B.
        let a_b = |i: usize| match i {
            2 => Some(0),
            _ => None,
        };
        assert_eq!(m(&[None, Some("9次"), None]).latest_change(&a_b), None);
        assert_eq!(
            m(&[Some("16次"), Some("9次"), Some("20次")]).latest_change(&a_b),
            Some(Change::By("+4次".into()))
        );
        assert_eq!(
            m(&[Some("16次"), Some("9次"), None]).latest_change(&a_b),
            Some(Change::Gone)
        );
        // Gone two reports ago: the gap in the values says so; the change column does not repeat it.
        assert_eq!(change(&[Some("16次"), None, None]), None);
    }

    #[test]
    fn estimates_count_in_the_plain_unit() {
        assert_eq!(base_unit("余次"), "次");
        assert_eq!(base_unit("万元"), "万元");
    }
}
