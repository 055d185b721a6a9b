//! Topic filing: every sentence of a report under one topic at most, so that each is shown in one
//! row and counted once.
//!
//! A sentence's own words come first: one that clearly names another topic than its section's (a
//! 法律顾问 figure in a 纠纷化解 section) is filed there. Otherwise the nearest heading that names a
//! topic decides, so that a section stays together with its items. A section named after a `whole`
//! topic (存在问题, 下一步) keeps everything under it. What neither says anything of is left unfiled
//! (`None`): such text pairs by content, or falls to the fallback row.

use super::{HEADING_MIN, LEAD_SHARE, PARAGRAPH_MIN, SENTENCE_MIN};
use crate::outline::{Document, Place, SectionId, Sentence};
use crate::topics::{DocTopics, MIN_SECTION_SCORE, Scores, Taxonomy, TopicId};
use rustc_hash::FxHashMap as HashMap;

/// The one topic `scores` lead with at least `min` points, if no other leads too; the fallback
/// topic never leads.
fn sole_lead(scores: &Scores, min: u32, tax: &Taxonomy) -> Option<TopicId> {
    let mut leading = (0..tax.topics().len()).filter(|&t| t != tax.fallback() && scores.leads(t, min, LEAD_SHARE));
    let first = leading.next()?;
    leading.next().is_none().then_some(first)
}

/// The best of the topics `scores` lead with at least `min` points.
fn best_lead(scores: &Scores, min: u32, tax: &Taxonomy) -> Option<TopicId> {
    (0..tax.topics().len())
        .filter(|&t| t != tax.fallback() && scores.leads(t, min, LEAD_SHARE))
        .max_by_key(|&t| (scores.get(t), std::cmp::Reverse(t)))
}

/// What a section's text goes under unless a sentence says otherwise: the topic its heading names,
/// or its parent's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Governing {
    topic: TopicId,
    /// The topic keeps all text under its heading (存在问题, 下一步).
    whole: bool,
}

/// What each whole section says (its scores with all its subsections'), for the sections that have
/// subsections; a section without any says what its own scores say. Only those sections' totals
/// are made: a copy of every section's scores was the largest block the filing made, and most
/// sections are items without subsections.
fn subtree_totals(doc: &Document, topics: &DocTopics) -> HashMap<SectionId, Scores> {
    let mut totals: HashMap<SectionId, Scores> = HashMap::default();
    // Every subsection comes before its section in the walk reversed.
    for id in doc.walk().into_iter().rev() {
        let Some(p) = doc.sections[id].parent() else {
            continue;
        };
        let mut total = totals.remove(&p).unwrap_or_else(|| topics.sections[p].combined.clone());
        total.add(totals.get(&id).unwrap_or(&topics.sections[id].combined), 1);
        totals.insert(p, total);
    }
    totals
}

/// Each section's governing topic, worked out from the top.
fn governing(doc: &Document, topics: &DocTopics, tax: &Taxonomy) -> Vec<Option<Governing>> {
    // What each whole subsection says, to judge a section whose heading names nothing by.
    let totals = subtree_totals(doc, topics);
    let mut out: Vec<Option<Governing>> = vec![None; doc.sections.len()];
    for id in doc.walk() {
        let inherited = doc.sections[id].parent().and_then(|p| out[p]);
        out[id] = match inherited {
            Some(g) if g.whole => Some(g),
            _ => own_topic(
                topics,
                totals.get(&id).unwrap_or(&topics.sections[id].combined),
                tax,
                id,
                (doc.sections[id].parent(), inherited.map(|g| g.topic)),
            )
            .map(|topic| Governing {
                topic,
                whole: tax.topic(topic).whole,
            })
            .or(inherited),
        };
    }
    out
}

/// The topic a section's own heading names; under a section on another topic, only a heading
/// that clearly names its own takes the section away from it, so that a section stays one with its
/// items. A subsection whose heading names nothing is what the whole of it (`subtree`) is mostly
/// about (two thirds of its words); a top-level one is the report's structure.
fn own_topic(
    topics: &DocTopics,
    subtree: &Scores,
    tax: &Taxonomy,
    id: SectionId,
    (parent_section, parent): (Option<SectionId>, Option<TopicId>),
) -> Option<TopicId> {
    let heading = &topics.sections[id].heading;
    if let Some(t) = sole_lead(heading, HEADING_MIN, tax) {
        let clear = heading.get(t) >= MIN_SECTION_SCORE && heading.get(t) > 2 * parent.map_or(0, |g| heading.get(g));
        return (parent.is_none() || parent == Some(t) || clear).then_some(t);
    }
    if parent.is_some() || heading.max() >= HEADING_MIN || parent_section.is_none() {
        return None;
    }
    let t = best_lead(subtree, PARAGRAPH_MIN, tax)?;
    (subtree.get(t) * 3 >= subtree.total() * 2).then_some(t)
}

/// A sentence whose own words name `own` clearly over `base` (at least [`SENTENCE_MIN`] points and
/// more than twice what they give `base`).
fn clearly_other(scores: &Scores, base: TopicId, tax: &Taxonomy) -> Option<TopicId> {
    let own = best_lead(scores, SENTENCE_MIN, tax)?;
    (own != base && scores.get(own) > 2 * scores.get(base)).then_some(own)
}

/// The topic of every sentence of `doc` (`sentences` as [`Document::sentences`] gives them, scored
/// in `topics`), or `None` where nothing files it.
pub fn file(doc: &Document, sentences: &[Sentence], topics: &DocTopics, tax: &Taxonomy) -> Vec<Option<TopicId>> {
    let governing = governing(doc, topics, tax);
    let frame = tax.frame();
    let mut out = vec![None; sentences.len()];
    let mut k = 0;
    while k < sentences.len() {
        // One part at a time (a heading line, a paragraph): paragraphs are judged as wholes too.
        let (place, part) = (sentences[k].place(), sentences[k].part);
        let end = k + sentences[k..]
            .iter()
            .take_while(|s| s.place() == place && s.part == part)
            .count();
        let scores = &topics.sentences[k..end];
        let mut paragraph = Scores::default();
        scores.iter().for_each(|s| paragraph.add(s, 1));
        let paragraph_lead =
            best_lead(&paragraph, PARAGRAPH_MIN, tax).filter(|&t| paragraph.get(t) * 2 > paragraph.total());
        for (slot, s) in out[k..end].iter_mut().zip(scores) {
            *slot = match place {
                Place::Title | Place::Addressee | Place::Signature | Place::Date | Place::Trailer(_) => Some(frame),
                Place::Preamble(_) | Place::Closing(_) => {
                    let base = paragraph_lead.unwrap_or(frame);
                    Some(clearly_other(s, base, tax).unwrap_or(base))
                }
                Place::Section(id) if part == 0 => {
                    let heading = &topics.sections[id].heading;
                    // A heading over other sections that names no topic (一、主要工作及成效) is
                    // the report's structure: it goes with the frame.
                    let container = doc.paragraphs(id).is_empty() && !doc.children(id).is_empty();
                    governing[id]
                        .map(|g| g.topic)
                        .or_else(|| best_lead(heading, HEADING_MIN, tax))
                        .or(container.then_some(frame))
                }
                Place::Section(id) => match governing[id] {
                    Some(g) if g.whole => Some(g.topic),
                    Some(g) => Some(clearly_other(s, g.topic, tax).unwrap_or(g.topic)),
                    None => match paragraph_lead {
                        Some(p) => Some(clearly_other(s, p, tax).unwrap_or(p)),
                        None => best_lead(s, SENTENCE_MIN, tax),
                    },
                },
            };
        }
        k = end;
    }
    refile(doc, sentences, tax, &mut out);
    out
}

/// The analyst's refilings over the rules': each refiled sentence under the topic chosen for it
/// (when the taxonomy has it).
fn refile(doc: &Document, sentences: &[Sentence], tax: &Taxonomy, out: &mut [Option<TopicId>]) {
    if doc.refiled.is_empty() {
        return;
    }
    for (slot, s) in out.iter_mut().zip(sentences) {
        if let Some(t) = doc.refiled_topic(s).and_then(|id| tax.find(id)) {
            *slot = Some(t);
        }
    }
}

/// Whether the analyst refiled this sentence of `doc` (its filing is then kept over its pair's).
pub fn is_refiled(doc: &Document, s: &Sentence) -> bool {
    doc.refiled_topic(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceText;
    use crate::outline::outline;
    use crate::topics::classify;

    fn filed(text: &str) -> Vec<(String, Option<String>)> {
        let tax = Taxonomy::builtin();
        let doc = outline(&SourceText::from_bytes("t.txt", text.as_bytes()).expect("decodes"));
        let sentences = doc.sentences();
        let topics = classify(&doc, &sentences, &tax);
        file(&doc, &sentences, &topics, &tax)
            .into_iter()
            .zip(&sentences)
            .map(|(t, s)| (doc.sentence_text(s).to_string(), t.map(|t| tax.topic(t).id.clone())))
            .collect()
    }

    fn topic_of<'a>(filed: &'a [(String, Option<String>)], piece: &str) -> Option<&'a str> {
        let hits: Vec<_> = filed.iter().filter(|(s, _)| s.contains(piece)).collect();
        assert_eq!(hits.len(), 1, "{piece}: {filed:?}");
        hits[0].1.as_deref()
    }

    #[test]
    fn a_subsection_named_after_a_topic_takes_it_inside_a_section_on_another() {
        let f = filed(
            "一、依法化解社会矛盾纠纷\n(一)做好行政复议工作。办理行政复议案件12件。\n(二)推进法律顾问制度常态化。局法律顾问全程参与合同审查,全年提供法律咨询16次。\n(三)加强调解。调解纠纷30件。",
        );
        assert_eq!(topic_of(&f, "提供法律咨询16次"), Some("legal_counsel"));
        assert_eq!(topic_of(&f, "(二)推进法律顾问制度常态化"), Some("legal_counsel"));
        assert_eq!(topic_of(&f, "办理行政复议案件12件"), Some("disputes"));
        // An item without words of its own stays with its section.
        assert_eq!(topic_of(&f, "调解纠纷30件"), Some("disputes"));
    }

    #[test]
    fn a_sentence_that_clearly_names_another_topic_goes_there() {
        let f = filed(
            "一、严格重大行政决策程序\n严格履行公众参与、专家论证程序。决策前均由法律顾问出具法律意见,全年提供法律咨询119次。全年作出重大行政决策3项。",
        );
        assert_eq!(topic_of(&f, "提供法律咨询119次"), Some("legal_counsel"));
        assert_eq!(topic_of(&f, "作出重大行政决策3项"), Some("decision"));
        assert_eq!(topic_of(&f, "专家论证"), Some("decision"));
    }

    #[test]
    fn a_whole_topic_keeps_everything_under_its_heading() {
        let f = filed(
            "一、存在问题\n一是执法人员专业素质有待提高;二是执法信息化水平不高。\n二、下一步工作打算\n(一)加强执法队伍建设。",
        );
        assert_eq!(topic_of(&f, "执法人员专业素质"), Some("problems"));
        assert_eq!(topic_of(&f, "执法信息化水平"), Some("problems"));
        assert_eq!(topic_of(&f, "加强执法队伍建设"), Some("next_steps"));
    }

    #[test]
    fn a_heading_over_sections_that_names_no_topic_goes_with_the_frame() {
        let f = filed(
            "一、主要工作及成效\n(一)法律顾问\n聘请法律顾问2名。\n(二)行政执法\n开展执法检查5次。\n二、科技投入\n全市研发投入持续增长。",
        );
        assert_eq!(topic_of(&f, "一、主要工作及成效"), Some("overview"));
        assert_eq!(
            topic_of(&f, "二、科技投入"),
            None,
            "a heading over text of its own stays with it"
        );
    }

    #[test]
    fn the_frame_and_text_on_no_topic() {
        let f = filed(
            "某局2024年工作报告\n市法制局:\n2024年,我局扎实推进各项工作。\n一、科技投入\n全市研发投入持续增长。\n特此报告。",
        );
        assert_eq!(topic_of(&f, "某局2024年工作报告"), Some("overview"));
        assert_eq!(topic_of(&f, "扎实推进各项工作"), Some("overview"));
        assert_eq!(topic_of(&f, "研发投入持续增长"), None);
        assert_eq!(topic_of(&f, "特此报告"), Some("overview"));
    }
}
