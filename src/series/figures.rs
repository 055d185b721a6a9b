//! Figures over time: every quantity a report states (a number with its unit and what it counts:
//! 提供法律咨询16次, 保留5项, 废止4项), attached to its topic and matched from report to report into
//! one measure with a value per report.

use std::collections::{HashMap, VecDeque};

use super::Series;
use crate::diff::{JiebaTokenizer, Tokenizer};
use crate::figures;
use crate::normalize::fold;
use crate::numbering::parse_marker;
use crate::outline::{Document, Sentence};
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
        let (b, l) = (figures::find(before, 0), figures::find(last, 0));
        Some(match (b.first(), l.first()) {
            (Some(b), Some(l)) => match figures::change(b, l).as_str() {
                "≠" => Change::Differs,
                d => Change::By(d.to_string()),
            },
            _ if before == last => return None,
            _ => Change::Differs,
        })
    }
}

/// Every measure of a series, by topic (taxonomy order), then as first stated.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Figures {
    pub measures: Vec<Measure>,
}

/// Labels at least this alike (bigram Dice) name one measure, when topic and unit agree too.
const SAME_LABEL: f32 = 0.6;

/// A figure a report states: what it is, what it counts and under which topic.
#[derive(Debug, Clone)]
pub struct Stated {
    /// The sentence it is in (an index into [`Document::sentences`]).
    pub sentence: usize,
    /// As written (`40多场次`).
    pub value: String,
    pub label: String,
    /// The unit measures are matched by (`次`, `元`, `%`).
    pub unit: String,
    pub topic: TopicId,
}

/// Points a clause's own words need to file its figure under their topic rather than the
/// sentence's.
const CLAUSE_MIN: u32 = 3;

/// The topic of a figure: a `whole` topic's sentence keeps its figures (a plan's target is a
/// plan's); else the topic its own clause clearly names; else its sentence's; else the fallback.
fn topic_of(clause: &str, filed: Option<TopicId>, tax: &Taxonomy) -> TopicId {
    if let Some(t) = filed.filter(|&t| tax.topic(t).whole) {
        return t;
    }
    let scores = tax.score(clause, false);
    let lead: Vec<TopicId> = (0..tax.topics().len())
        .filter(|&t| t != tax.fallback() && scores.leads(t, CLAUSE_MIN, crate::align::LEAD_SHARE))
        .collect();
    match lead[..] {
        [t] => t,
        _ => filed.unwrap_or(tax.fallback()),
    }
}

/// The clauses of a text: where each clause-ending character stands (its byte and length), found
/// once for all the text's figures.
struct Clauses(Vec<(usize, usize)>);

impl Clauses {
    fn of(text: &str) -> Clauses {
        let stop = crate::text::is_clause_end;
        Clauses(
            text.char_indices()
                .filter(|&(_, c)| stop(c))
                .map(|(i, c)| (i, c.len_utf8()))
                .collect(),
        )
    }

    /// The clause around `range`: from the punctuation before it to the punctuation after (the
    /// text's start and end where there is none).
    fn around(&self, text_len: usize, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        let before = self.0.partition_point(|&(i, len)| i + len <= range.start);
        let start = before.checked_sub(1).map_or(0, |k| self.0[k].0 + self.0[k].1);
        let after = self.0.partition_point(|&(i, _)| i < range.end);
        let end = self.0.get(after).map_or(text_len, |&(i, _)| i);
        start..end
    }
}

/// Every figure a report states, in order, labelled and filed (`filing`: each sentence's topic,
/// as [`crate::align::filing::file`] or a comparison gives it), its words cut by `tokenizer`.
pub fn in_report(
    doc: &Document,
    sentences: &[Sentence],
    filing: &[Option<TopicId>],
    tax: &Taxonomy,
    tokenizer: &dyn Tokenizer,
) -> Vec<Stated> {
    let mut out = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        let original = doc.sentence_text(s);
        let folded = fold(original);
        // Read as the word diff reads a sentence: its numbering marker apart.
        let skip = if s.start == s.at {
            parse_marker(&folded.text).map_or(0, |m| m.len)
        } else {
            0
        };
        let text = &folded.text[skip..];
        let found = figures::find(text, 0);
        if found.is_empty() {
            continue;
        }
        // A sentence the analyst refiled files its figures with it, whatever their clause says.
        let refiled = crate::align::filing::is_refiled(doc, s);
        let labels = figures::labels(text, &found, &tokenizer.tokens(text));
        let clauses = Clauses::of(text);
        // The figures of one clause come one after the other and share its topic: each clause is
        // scored once, not once a figure (a clause of thousands of figures was quadratic).
        let mut last: Option<(std::ops::Range<usize>, TopicId)> = None;
        for (f, label) in found.iter().zip(labels) {
            let at = skip + f.range.start..skip + f.range.end;
            let value = original[folded.to_original(at)].to_string();
            out.push(Stated {
                sentence: k,
                value,
                label,
                unit: f.base_unit().to_string(),
                topic: match filing.get(k).copied().flatten() {
                    Some(t) if refiled => t,
                    filed => {
                        let around = clauses.around(text.len(), &f.range);
                        match &last {
                            Some((r, t)) if *r == around => *t,
                            _ => {
                                let t = topic_of(&text[around.clone()], filed, tax);
                                last = Some((around, t));
                                t
                            }
                        }
                    }
                },
            });
        }
    }
    out
}

impl Figures {
    /// Every report's figures, matched into measures from report to report.
    pub fn new(series: &Series, tax: &Taxonomy) -> Figures {
        let sentences: Vec<Vec<Sentence>> = series.reports.iter().map(|r| r.doc.sentences()).collect();
        let segmenter = JiebaTokenizer::new();
        let found: Vec<Vec<Stated>> = series
            .reports
            .iter()
            .zip(&sentences)
            .enumerate()
            .map(|(i, (r, ss))| {
                // Filed as the pair view of the report against the one before files it.
                let filing = match series.previous(i) {
                    Some(p) => series.pair(p, i, tax).filing(crate::sides::Side::Right),
                    None => crate::align::Filed::new(&r.doc, ss, &r.topics, tax).filing,
                };
                in_report(&r.doc, ss, &filing, tax, &segmenter)
            })
            .collect();
        Figures {
            measures: matched(&found, tax),
        }
    }
}

/// Lets go of the measures at the head of `list` that are taken: taken ones stay taken, so the list
/// is read from its first free measure on.
fn drop_taken(list: &mut VecDeque<usize>, free: impl Fn(usize) -> bool) {
    while list.front().is_some_and(|&k| !free(k)) {
        list.pop_front();
    }
}

/// Matches each report's figures to the measures of the reports before: the same label, topic
/// and unit; else the same label and unit under another topic; else the most alike label under
/// the same topic and unit. Two figures of one report never go to one measure.
fn matched(found: &[Vec<Stated>], tax: &Taxonomy) -> Vec<Measure> {
    struct Open {
        topic: TopicId,
        measure: Measure,
    }
    let n = found.len();
    let mut open: Vec<Open> = Vec::new();
    // The measures of each unit and label, and of each unit and topic, in the order they opened:
    // a figure looks only at its own, not at every measure (a report of thousands of figures was
    // quadratic).
    let mut by_label: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut by_topic: HashMap<(&str, TopicId), Vec<usize>> = HashMap::new();
    for (i, figures) in found.iter().enumerate() {
        // Only the measures opened by the reports before can take a figure of this one.
        let before = open.len();
        let earlier = |list: Option<&Vec<usize>>| -> VecDeque<usize> {
            list.map_or(VecDeque::new(), |l| {
                l[..l.partition_point(|&k| k < before)].iter().copied().collect()
            })
        };
        let mut label_lists: HashMap<(&str, &str), VecDeque<usize>> = HashMap::new();
        let mut topic_lists: HashMap<(&str, TopicId), VecDeque<usize>> = HashMap::new();
        for f in figures {
            let (unit, label) = (f.unit.as_str(), f.label.as_str());
            let free = |open: &[Open], k: usize| open[k].measure.values[i].is_none();
            let same_label = label_lists
                .entry((unit, label))
                .or_insert_with(|| earlier(by_label.get(&(unit, label))));
            drop_taken(same_label, |k| free(&open, k));
            let exact = same_label
                .iter()
                .copied()
                .find(|&k| free(&open, k) && open[k].topic == f.topic)
                .or_else(|| same_label.iter().copied().find(|&k| free(&open, k)));
            let same_topic = topic_lists
                .entry((unit, f.topic))
                .or_insert_with(|| earlier(by_topic.get(&(unit, f.topic))));
            drop_taken(same_topic, |k| free(&open, k));
            let similar = || {
                same_topic
                    .iter()
                    .copied()
                    .filter(|&k| free(&open, k))
                    .map(|k| (k, crate::text::pair_dice(&open[k].measure.label, label) as f32))
                    .filter(|&(_, d)| d >= SAME_LABEL)
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|(k, _)| k)
            };
            match exact.or_else(similar) {
                Some(k) => open[k].measure.values[i] = Some(f.value.clone()),
                None => {
                    let mut values = vec![None; n];
                    values[i] = Some(f.value.clone());
                    by_label.entry((unit, label)).or_default().push(open.len());
                    by_topic.entry((unit, f.topic)).or_default().push(open.len());
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
        assert_eq!(
            change(&[Some("40余次"), Some("50次")]),
            Some(Change::By("≈+10次".into()))
        );
        assert_eq!(change(&[Some("40次"), Some("50人")]), Some(Change::Differs));
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

    /// The matching as first written, every figure against every measure open: the reference.
    fn matched_plain(found: &[Vec<Stated>], tax: &Taxonomy) -> Vec<Measure> {
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
                        .map(|(k, o)| (k, crate::text::pair_dice(&o.measure.label, &f.label) as f32))
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

    /// The clause as first found, reading back and on from the figure: the reference.
    fn clause_plain(text: &str, range: std::ops::Range<usize>) -> &str {
        let stop = crate::text::is_clause_end;
        let start = text[..range.start]
            .char_indices()
            .rev()
            .find(|&(_, c)| stop(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[range.end..]
            .char_indices()
            .find(|&(_, c)| stop(c))
            .map_or(text.len(), |(i, _)| range.end + i);
        &text[start..end]
    }

    fn stated() -> impl proptest::strategy::Strategy<Value = Stated> {
        use proptest::prelude::*;
        (0..5usize, 0..2usize, 0..3usize, 0..50u32).prop_map(|(label, unit, topic, value)| Stated {
            sentence: 0,
            value: format!("{value}"),
            label: ["提供法律咨询", "法律咨询", "审查合同", "开展培训", "培训"][label].to_string(),
            unit: ["次", "件"][unit].to_string(),
            topic,
        })
    }

    proptest::proptest! {
        #[test]
        fn matching_figures_and_finding_clauses_agree_with_their_plain_versions(
            found in proptest::collection::vec(proptest::collection::vec(stated(), 0..30), 1..4),
            text in "[法治,，。;、12次件]{0,40}",
            at in 0usize..40,
            len in 0usize..6,
        ) {
            let tax = Taxonomy::builtin();
            proptest::prop_assert_eq!(matched(&found, &tax), matched_plain(&found, &tax));
            let chars: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let (a, b) = (chars[at.min(chars.len() - 1)], chars[(at + len).min(chars.len() - 1)]);
            let clauses = Clauses::of(&text);
            proptest::prop_assert_eq!(&text[clauses.around(text.len(), &(a..b))], clause_plain(&text, a..b));
        }
    }

    #[test]
    fn a_report_of_sixty_thousand_figures_is_read_in_one_pass() {
        // Every figure was matched against every measure open, and its clause (the whole sentence,
        // without punctuation) scored once a figure: 500 KB took over a minute.
        let text = "开展12次".repeat(60_000);
        let doc =
            crate::outline::outline(&crate::load::SourceText::from_bytes("f.txt", text.as_bytes()).expect("reads"));
        let tax = Taxonomy::builtin();
        let sentences = doc.sentences();
        let found = in_report(
            &doc,
            &sentences,
            &vec![None; sentences.len()],
            &tax,
            &crate::diff::CharTokenizer,
        );
        assert_eq!(found.len(), 60_000);
        assert_eq!(matched(&[found.clone(), found], &tax).len(), 60_000);
    }
}
