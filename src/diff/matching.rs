//! Matching the sentences of two reports, once, over the whole reports: which sentence of one is
//! which of the other (identical ones first, then the most similar), and which of those pairs moved.
//!
//! A pair is in place when its sentences stand in corresponding sections, the sections themselves
//! are in place (under corresponding parents, in the same order among their siblings), and the
//! pair keeps its order among its section's pairs. Anything else moved: to another section, another
//! row, or another place in its section. The order of top-level sections is not content (rows are
//! by topic), as their numbers are not. A title, opening, closing, signature or date pairs only
//! with its counterpart.

pub use crate::align::SentencePair;

use super::pair::{MOVE_MIN, longest_increasing, pair_similar};
use crate::normalize::{Folded, fold};
use crate::numbering::parse_marker;
use crate::outline::{Document, Place, SectionId, Sentence};
use crate::shared::fit_u32;
use crate::sides::{Side, Sides};
use crate::text::Fingerprint;
use crate::topics::TopicId;

/// Every sentence of a report as the diff reads it: the bytes of the numbering marker that opens
/// it (`二、` `(一)` `一是`), if it opens its paragraph or heading line, and its folded text where
/// folding changed it (most Chinese sentences fold to themselves and are read from their report).
/// Two bytes a sentence, and an entry for each sentence folding changed: a few hundred of ten
/// thousand (one entry a sentence, an optional box and the marker, took 16 bytes a sentence).
#[derive(Debug, Clone, Default)]
pub struct Prepared {
    markers: Vec<u16>,
    /// The sentences folding changed, in order, with their folded texts (taken by the rows' units).
    folded: Vec<(u32, Option<Box<Folded>>)>,
}

impl Prepared {
    /// How many sentences.
    pub fn len(&self) -> usize {
        self.markers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.markers.is_empty()
    }

    /// The bytes of sentence `k`'s opening numbering marker; 0 when none opens it.
    pub fn marker(&self, k: usize) -> u16 {
        self.markers.get(k).copied().unwrap_or(0)
    }

    fn entry(&self, k: usize) -> Option<usize> {
        self.folded.binary_search_by_key(&fit_u32(k), |e| e.0).ok()
    }

    /// Sentence `k`, `s` of `doc` (the report this was prepared from), folded: `fold(text).text`.
    pub fn folded_text<'a>(&'a self, k: usize, doc: &'a Document, s: &Sentence) -> &'a str {
        match self.entry(k).and_then(|i| self.folded[i].1.as_deref()) {
            Some(f) => f.text.as_str(),
            None => doc.sentence_text(s),
        }
    }

    /// Sentence `k`'s folded text when folding changed it, taken: after this, [`folded_text`]
    /// reads `k` as the report has it.
    ///
    /// [`folded_text`]: Self::folded_text
    pub fn take_folded(&mut self, k: usize) -> Option<Box<Folded>> {
        let i = self.entry(k)?;
        self.folded[i].1.take()
    }
}

/// Every sentence of `doc` prepared for matching and the word diff.
pub fn prepare(doc: &Document, sentences: &[Sentence]) -> Prepared {
    let mut folded_ones = Vec::new();
    let markers = sentences
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let text = doc.sentence_text(s);
            let folded = Some(fold(text)).filter(|f| f.text != text).map(Box::new);
            let opens = s.start == s.at;
            let read = folded.as_ref().map_or(text, |f| &f.text);
            // A heading's marker is the one the outline found (`5.` of `5. 2025年工作安排`, which
            // alone could read as a number); elsewhere, one that opens the paragraph.
            let heading_number = s
                .section()
                .filter(|_| s.in_heading())
                .map(|id| doc.sections[id].number.as_str());
            let marker = match heading_number {
                _ if !opens => 0,
                Some(number) if !number.is_empty() => marker_len(read, number),
                _ => parse_marker(read).map_or(0, |m| m.len),
            };
            if folded.is_some() {
                folded_ones.push((fit_u32(k), folded));
            }
            u16::try_from(marker).unwrap_or(0)
        })
        .collect();
    folded_ones.shrink_to_fit();
    Prepared {
        markers,
        folded: folded_ones,
    }
}

/// Bytes of `text` its numbering marker `number` (blanks removed, as the outline keeps it) takes,
/// with the blanks in and after it; 0 when the text does not open with it.
fn marker_len(text: &str, number: &str) -> usize {
    let mut want = number
        .chars()
        .map(crate::normalize::fold_char)
        .filter(|c| !crate::text::is_blank(*c))
        .peekable();
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if want.peek().is_none() {
            if crate::text::is_blank(c) {
                end = i + c.len_utf8();
                continue;
            }
            return end;
        }
        if crate::text::is_blank(c) {
            continue;
        }
        if crate::normalize::fold_char(c) != want.next().unwrap_or_default() {
            return 0;
        }
        end = i + c.len_utf8();
    }
    if want.peek().is_none() { end } else { 0 }
}

/// One report as matching reads it.
pub struct Report<'a> {
    pub doc: &'a Document,
    pub sentences: &'a [Sentence],
    pub prepared: &'a Prepared,
    /// The topic each sentence is filed under, before matching.
    pub filing: &'a [Option<TopicId>],
}

impl Report<'_> {
    /// The sentence's folded text without its numbering marker: what is compared.
    fn key(&self, k: usize) -> &str {
        let text = self.prepared.folded_text(k, self.doc, &self.sentences[k]);
        text.get(usize::from(self.prepared.marker(k))..).unwrap_or(text)
    }
}

/// What a sentence may pair with: only its counterpart in the frame, the opening and the closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Title,
    Addressee,
    Opening,
    Body,
    Closing,
    Signature,
    Date,
    Trailer,
}

fn class(s: &Sentence) -> Class {
    match s.place() {
        Place::Title => Class::Title,
        Place::Addressee => Class::Addressee,
        Place::Preamble(_) => Class::Opening,
        Place::Section(_) => Class::Body,
        Place::Closing(_) => Class::Closing,
        Place::Trailer(_) => Class::Trailer,
        Place::Signature => Class::Signature,
        Place::Date => Class::Date,
    }
}

const CLASSES: [Class; 8] = [
    Class::Title,
    Class::Addressee,
    Class::Opening,
    Class::Body,
    Class::Closing,
    Class::Signature,
    Class::Date,
    Class::Trailer,
];

/// Matches the sentences of two reports; pairs sorted by left sentence.
pub fn match_sentences(left: &Report<'_>, right: &Report<'_>) -> Vec<SentencePair> {
    // (left sentence, right sentence, similarity): 12 bytes a pair.
    let mut raw: Vec<(u32, u32, f32)> = Vec::new();
    for c in CLASSES {
        let of = |r: &Report<'_>| -> Vec<usize> {
            (0..r.sentences.len())
                .filter(|&k| class(&r.sentences[k]) == c)
                .collect()
        };
        let (li, ri) = (of(left), of(right));
        let lt: Vec<&str> = li.iter().map(|&k| left.key(k)).collect();
        let rt: Vec<&str> = ri.iter().map(|&k| right.key(k)).collect();
        if matches!(c, Class::Title | Class::Addressee | Class::Signature | Class::Date) {
            // A part of the frame is its counterpart's, however much it changed (a date is
            // another date).
            raw.extend(li.iter().zip(&ri).enumerate().map(|(k, (&l, &r))| {
                let similarity = if lt[k] == rt[k] {
                    1.0
                } else {
                    Fingerprint::new(lt[k]).dice(&Fingerprint::new(rt[k]))
                };
                (fit_u32(l), fit_u32(r), similarity)
            }));
            continue;
        }
        let text = |side: Side, k: usize| match side {
            Side::Left => lt[k],
            Side::Right => rt[k],
        };
        raw.extend(
            pair_similar(&lt, &rt, text)
                .into_iter()
                .map(|p| (fit_u32(li[p.left()]), fit_u32(ri[p.right()]), p.similarity)),
        );
    }
    raw.sort_by_key(|p| p.0);
    let places = Placement::new(left, right, &raw);
    let in_context: Vec<bool> = raw
        .iter()
        .map(|&(l, r, _)| {
            match (
                left.sentences[l as usize].section(),
                right.sentences[r as usize].section(),
            ) {
                (Some(s), Some(t)) => places.partner[s] == Some(t) && !places.displaced[s],
                _ => true,
            }
        })
        .collect();
    // In-context pairs grouped by the left section (or the class outside the body), to find the
    // ones out of order: one list sorted by group (in order within each), not a list a group.
    let group = |n: u32| {
        let ls = &left.sentences[raw[n as usize].0 as usize];
        (class(ls), ls.section())
    };
    let mut members: Vec<u32> = (0..fit_u32(raw.len())).filter(|&n| in_context[n as usize]).collect();
    members.sort_by_key(|&n| group(n));
    let mut reordered = vec![false; raw.len()];
    let mut rights: Vec<usize> = Vec::new();
    for members in members.chunk_by(|&a, &b| group(a) == group(b)) {
        rights.clear();
        rights.extend(members.iter().map(|&n| raw[n as usize].1 as usize));
        for (&n, keep) in members.iter().zip(longest_increasing(&rights)) {
            reordered[n as usize] = !keep;
        }
    }
    raw.iter()
        .enumerate()
        .filter_map(|(n, &(l, r, similarity))| {
            let moved = !in_context[n] || reordered[n];
            // A weak pair that moved is noise, unless it moved within its section's topic: then it
            // is the same statement rewritten (its figures compared).
            let same_topic = in_context[n] || left.filing[l as usize] == right.filing[r as usize];
            let keep = !moved || similarity >= MOVE_MIN || (same_topic && !reordered[n]);
            keep.then_some(SentencePair {
                sentences: Sides::new(l, r),
                similarity,
                moved,
            })
        })
        .collect()
}

/// Which section of the right report each left section became, and which left sections changed
/// place (moved under another parent, or among their siblings; their text moved with them).
struct Placement {
    partner: Vec<Option<SectionId>>,
    displaced: Vec<bool>,
}

impl Placement {
    fn new(left: &Report<'_>, right: &Report<'_>, pairs: &[(u32, u32, f32)]) -> Placement {
        let (ld, rd) = (left.doc, right.doc);
        let n = ld.sections.len();
        // Votes: each pair of sentences for the section pair that holds them; each section, once
        // placed, for its parent's counterpart. The pairs' votes in one list by left section
        // (`starts[s]..starts[s + 1]`), a section's vote for its parent's in `up`: a table a
        // section took 32 bytes and a block of the heap for each section voted for.
        let both = |&(l, r, _): &(u32, u32, f32)| {
            let (s, t) = (
                left.sentences[l as usize].section()?,
                right.sentences[r as usize].section()?,
            );
            Some((s, fit_u32(t)))
        };
        let mut starts = vec![0u32; n + 1];
        for (s, _) in pairs.iter().filter_map(both) {
            starts[s + 1] += 1;
        }
        for s in 0..n {
            starts[s + 1] += starts[s];
        }
        let mut filled = starts.clone();
        let mut voted = vec![0u32; starts[n] as usize];
        for (s, t) in pairs.iter().filter_map(both) {
            voted[filled[s] as usize] = t;
            filled[s] += 1;
        }
        drop(filled);
        const NONE: u32 = u32::MAX;
        let mut up = vec![NONE; n];
        let walk = ld.walk();
        let mut partner: Vec<Option<SectionId>> = vec![None; n];
        let mut tally: Vec<u32> = Vec::new();
        for &s in walk.iter().rev() {
            tally.clear();
            tally.extend_from_slice(&voted[starts[s] as usize..starts[s + 1] as usize]);
            tally.extend(ld.children(s).iter().map(|&c| up[c]).filter(|&q| q != NONE));
            tally.sort_unstable();
            // The most votes; of as many, the first section.
            let mut best: Option<(usize, u32)> = None;
            for run in tally.chunk_by(|a, b| a == b) {
                if best.is_none_or(|(most, _)| run.len() > most) {
                    best = Some((run.len(), run[0]));
                }
            }
            partner[s] = best.map(|(_, t)| t as SectionId);
            if let (Some(t), Some(_)) = (partner[s], ld.sections[s].parent())
                && let Some(q) = rd.sections[t].parent()
            {
                up[s] = fit_u32(q);
            }
        }
        // A section is out of its parent when its counterpart's parent is not its parent's
        // counterpart (top-level sections correspond to top-level ones).
        let out_of_parent: Vec<bool> = (0..ld.sections.len())
            .map(|s| match partner[s] {
                None => false,
                Some(t) => ld.sections[s].parent().map(|p| partner[p]) != rd.sections[t].parent().map(Some),
            })
            .collect();
        // Among the subsections of one section that stayed under it, those out of order.
        let mut right_order = vec![0; rd.sections.len()];
        for (i, t) in rd.walk().into_iter().enumerate() {
            right_order[t] = i;
        }
        let mut out_of_order = vec![false; ld.sections.len()];
        for parent in 0..ld.sections.len() {
            let kept: Vec<SectionId> = ld
                .children(parent)
                .iter()
                .copied()
                .filter(|&c| partner[c].is_some() && !out_of_parent[c])
                .collect();
            let n = kept.len();
            // Two subsections merged into one keep their order: ties rise with the left order.
            let keys: Vec<usize> = kept
                .iter()
                .enumerate()
                .map(|(k, &c)| partner[c].map_or(0, |t| right_order[t]) * (n + 1) + k)
                .collect();
            for (&c, keep) in kept.iter().zip(longest_increasing(&keys)) {
                out_of_order[c] = !keep;
            }
        }
        let mut displaced = vec![false; ld.sections.len()];
        for &s in &walk {
            let parent_displaced = ld.sections[s].parent().is_some_and(|p| displaced[p]);
            displaced[s] = parent_displaced || out_of_parent[s] || out_of_order[s];
        }
        Placement { partner, displaced }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceText;
    use crate::outline::outline;

    fn matched(left: &str, right: &str) -> Vec<(String, String, bool)> {
        let doc = |t: &str| outline(&SourceText::from_bytes("t.txt", t.as_bytes()).expect("decodes"));
        let (ld, rd) = (doc(left), doc(right));
        let (ls, rs) = (ld.sentences(), rd.sentences());
        let (lp, rp) = (prepare(&ld, &ls), prepare(&rd, &rs));
        let (lf, rf) = (vec![None; ls.len()], vec![None; rs.len()]);
        let l = Report {
            doc: &ld,
            sentences: &ls,
            prepared: &lp,
            filing: &lf,
        };
        let r = Report {
            doc: &rd,
            sentences: &rs,
            prepared: &rp,
            filing: &rf,
        };
        match_sentences(&l, &r)
            .into_iter()
            .map(|p| {
                (
                    ld.sentence_text(&ls[p.sentences.left as usize]).to_string(),
                    rd.sentence_text(&rs[p.sentences.right as usize]).to_string(),
                    p.moved,
                )
            })
            .collect()
    }

    fn moved_of(m: &[(String, String, bool)], piece: &str) -> bool {
        m.iter().find(|(_, r, _)| r.contains(piece)).expect(piece).2
    }

    #[test]
    fn a_subsection_moved_to_another_section_is_moved_with_all_its_text() {
        let left = "一、工作\n(一)组织领导\n1.落实责任。召开会议4次。\n(二)普法宣传\n1.落实普法责任制。明确任务18项。\n2.实施法律顾问制度。审查合同26份。";
        let right = "一、工作\n(一)组织领导\n1.落实责任。召开会议5次。\n2.实施法律顾问制度。审查合同31份。\n(二)普法宣传\n1.落实普法责任制。明确任务18项。";
        let m = matched(left, right);
        assert!(moved_of(&m, "实施法律顾问制度"));
        assert!(moved_of(&m, "审查合同31份"));
        assert!(!moved_of(&m, "召开会议5次"));
        assert!(!moved_of(&m, "落实普法责任制"));
        assert!(!moved_of(&m, "明确任务18项"));
    }

    #[test]
    fn paragraphs_that_changed_order_in_their_section_move_and_top_level_order_does_not() {
        let left =
            "一、甲\n推行证明事项告知承诺制。公布行政许可事项14项。\n二、乙\n开展专项检查。\n三、丙\n组织集中学法。";
        let right =
            "一、甲\n公布行政许可事项14项。推行证明事项告知承诺制。\n二、丙\n组织集中学法。\n三、乙\n开展专项检查。";
        let m = matched(left, right);
        let moved: Vec<&str> = m.iter().filter(|p| p.2).map(|p| p.1.as_str()).collect();
        assert_eq!(moved.len(), 1, "one of the two sentences that traded places: {moved:?}");
        assert!(moved[0].contains("告知承诺制") || moved[0].contains("许可事项"));
    }

    #[test]
    fn the_frame_pairs_only_with_its_counterpart() {
        let left = "市依法治市办:\n现将我局2018年法治政府建设工作情况报告如下:\n一、学法\n组织学法4次。";
        let right = "示例区科学技术局2019年度法治政府建设情况报告\n\n市依法治市办:\n现将我局2019年法治政府建设工作情况报告如下:\n一、学法\n组织学法6次。";
        let m = matched(left, right);
        assert!(!m.iter().any(|(_, r, _)| r.starts_with("示例区科学技术局")), "{m:?}");
        assert!(
            m.iter()
                .any(|(l, r, moved)| l.contains("2018年") && r.contains("2019年") && !moved)
        );
    }
}
