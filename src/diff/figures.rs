//! Figures that changed between two paired sentences: the figures of each (see
//! [`crate::figures`]) matched by what they count, then in order within their unit; each pair whose
//! values differ is a change (`提供法律咨询` `16次` → `119次`, `+103次`), and the word diff's pieces
//! that change a figure are flagged, so that it stands out.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::ops::Range;

use super::FigureChange;
use super::piece::Piece;
use crate::figures::{self, Figure};

/// Pairs the figures of two sentences: the same label and unit first, then the rest of a unit in
/// order. Returns each right figure's left partner.
///
/// Each right figure takes the first free left one of its label and unit, then of its unit after
/// the partner of the figures before it; free figures are kept per unit in sets, so a sentence of
/// many figures pairs in n log n, not n².
fn pair(left: &[Figure], ll: &[String], right: &[Figure], rl: &[String]) -> Vec<Option<usize>> {
    let mut by_label: HashMap<(&str, &str), VecDeque<usize>> = HashMap::new();
    let mut free: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (i, f) in left.iter().enumerate() {
        by_label.entry((&ll[i], f.base_unit())).or_default().push_back(i);
        free.entry(f.base_unit()).or_default().insert(i);
    }
    let mut partner = vec![None; right.len()];
    for (j, f) in right.iter().enumerate() {
        // Taken in order, from the label's queue: the first free one of the label and unit.
        if let Some(i) = by_label
            .get_mut(&(rl[j].as_str(), f.base_unit()))
            .and_then(VecDeque::pop_front)
        {
            free.get_mut(f.base_unit()).map(|set| set.remove(&i));
            partner[j] = Some(i);
        }
    }
    // In order: after the partner of the figures before it.
    let mut after = 0;
    for (j, f) in right.iter().enumerate() {
        if partner[j].is_none()
            && let Some(set) = free.get_mut(f.base_unit())
            && let Some(&i) = set.range(after..).next()
        {
            set.remove(&i);
            partner[j] = Some(i);
        }
        if let Some(i) = partner[j] {
            after = after.max(i + 1);
        }
    }
    partner
}

/// Sorted ranges that do not overlap (a sentence's figures), searched by where they start.
struct Ranges(Vec<Range<usize>>);

impl Ranges {
    fn new(mut ranges: Vec<Range<usize>>) -> Ranges {
        ranges.sort_by_key(|r| r.start);
        Ranges(ranges)
    }

    /// The last range starting at or before `at`.
    fn at_or_before(&self, at: usize) -> Option<&Range<usize>> {
        let k = self.0.partition_point(|r| r.start <= at);
        k.checked_sub(1).map(|k| &self.0[k])
    }

    /// Whether `range` lies within one of the ranges (an empty range does).
    fn within(&self, range: &Range<usize>) -> bool {
        range.is_empty() || self.at_or_before(range.start).is_some_and(|f| range.end <= f.end)
    }

    /// The range that starts exactly at `at`.
    fn starting(&self, at: usize) -> Option<&Range<usize>> {
        self.at_or_before(at).filter(|f| f.start == at)
    }
}

/// Lists the figures that changed between `old` and `new` (their words `old_tokens`, `new_tokens`),
/// and flags the pieces of their word diff that change one; a change that starts with a figure and
/// goes on is split, so that the figure alone stands out.
pub fn mark_figures(
    pieces: &mut Vec<Piece>,
    old: &str,
    new: &str,
    old_tokens: &[Range<usize>],
    new_tokens: &[Range<usize>],
) -> Vec<FigureChange> {
    let (left, right) = (figures::find(old, 0), figures::find(new, 0));
    if left.is_empty() || right.is_empty() {
        return Vec::new();
    }
    let (ll, rl) = (
        figures::labels(old, &left, old_tokens),
        figures::labels(new, &right, new_tokens),
    );
    let mut out = Vec::new();
    let (mut changed_l, mut changed_r) = (Vec::new(), Vec::new());
    for (j, i) in pair(&left, &ll, &right, &rl).into_iter().enumerate() {
        let Some(i) = i else { continue };
        let (before, after) = (left[i].text(old), right[j].text(new));
        if before == after {
            continue;
        }
        changed_l.push(left[i].range.clone());
        changed_r.push(right[j].range.clone());
        out.push(FigureChange {
            context: rl[j].clone(),
            before: before.to_string(),
            after: after.to_string(),
            change: Some(figures::change(&left[i], &right[j])),
        });
    }
    *pieces = mark_pieces(std::mem::take(pieces), changed_l, changed_r);
    out
}

/// Flags the pieces that change one of the changed figures (`changed_l` on the left, `changed_r` on
/// the right); a piece that starts with one and goes on is split after it.
fn mark_pieces(pieces: Vec<Piece>, changed_l: Vec<Range<usize>>, changed_r: Vec<Range<usize>>) -> Vec<Piece> {
    let (changed_l, changed_r) = (Ranges::new(changed_l), Ranges::new(changed_r));
    let mut marked = Vec::with_capacity(pieces.len());
    for piece in pieces {
        // A piece split after its figure leaves the rest, which is looked at in turn.
        let mut next = Some(piece);
        while let Some(p) = next.take() {
            if !p.changed || p.numbering {
                marked.push(p);
            } else if changed_l.within(&p.old) && changed_r.within(&p.new) && !(p.old.is_empty() && p.new.is_empty()) {
                marked.push(Piece { figure: true, ..p });
            } else if let (Some(l), Some(r)) = (
                changed_l.starting(p.old.start).filter(|f| f.end < p.old.end),
                changed_r.starting(p.new.start).filter(|f| f.end <= p.new.end),
            ) {
                // `[-16次,有效防范了法律风险-]{+119次+}`: the figure, then the rest.
                marked.push(Piece {
                    old: p.old.start..l.end,
                    new: p.new.start..r.end,
                    figure: true,
                    ..p.clone()
                });
                next = Some(Piece {
                    old: l.end..p.old.end,
                    new: r.end..p.new.end,
                    figure: false,
                    ..p
                });
            } else {
                marked.push(p);
            }
        }
    }
    marked
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use proptest::prelude::*;

    use super::{Piece, mark_pieces, pair};
    use crate::diff::words::diff;
    use crate::diff::{CharTokenizer, JiebaTokenizer, Tokenizer};
    use crate::figures::{self, Figure};

    fn changes(old: &str, new: &str, tokenizer: &dyn Tokenizer) -> Vec<(String, String, String, String)> {
        diff(old, new, tokenizer, None, false)
            .figures
            .into_iter()
            .map(|f| (f.context, f.before, f.after, f.change.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn figures_are_matched_by_what_they_count_and_read_as_numbers() {
        let j = JiebaTokenizer::new();
        assert_eq!(
            changes(
                "全年审查合同35份,提供法律咨询16次。",
                "全年审查合同52份,提供法律咨询119次。",
                &j
            ),
            [
                ("审查合同".into(), "35份".into(), "52份".into(), "+17份".into()),
                ("提供法律咨询".into(), "16次".into(), "119次".into(), "+103次".into())
            ]
        );
        assert_eq!(
            changes("开展主题活动40多场次。", "开展主题活动50多场次。", &j),
            [(
                "开展主题活动".into(),
                "40多场次".into(),
                "50多场次".into(),
                "≈+10场次".into()
            )]
        );
        assert_eq!(
            changes("细化二十二项重点工作任务。", "细化二十四项重点工作任务。", &j),
            [(
                "重点工作任务".into(),
                "二十二项".into(),
                "二十四项".into(),
                "+2项".into()
            )]
        );
        // Another unit is another measure.
        assert!(changes("培训16次,效果好。", "培训16人。", &CharTokenizer).is_empty());
        // Years are not figures.
        assert!(changes("2023年,我局开展工作。", "2024年,我局开展工作。", &j).is_empty());
    }

    #[test]
    fn a_changed_figure_stands_out_alone() {
        let old = "提供法律咨询16次,有效防范了法律风险。";
        let new = "提供法律咨询119次。";
        let wd = diff(old, new, &CharTokenizer, None, false);
        let flagged: Vec<(&str, &str)> = wd
            .pieces
            .iter()
            .filter(|p| p.figure)
            .map(|p| (&old[p.old.clone()], &new[p.new.clone()]))
            .collect();
        assert_eq!(flagged, [("16次", "119次")]);
    }

    /// The pairing as first written, one scan of the left figures per right one: the reference.
    fn pair_plain(left: &[Figure], ll: &[String], right: &[Figure], rl: &[String]) -> Vec<Option<usize>> {
        let mut used = vec![false; left.len()];
        let mut partner = vec![None; right.len()];
        for (j, f) in right.iter().enumerate() {
            if let Some(i) =
                (0..left.len()).find(|&i| !used[i] && ll[i] == rl[j] && left[i].base_unit() == f.base_unit())
            {
                used[i] = true;
                partner[j] = Some(i);
            }
        }
        for (j, f) in right.iter().enumerate() {
            if partner[j].is_some() {
                continue;
            }
            let after = partner[..j].iter().flatten().max().map_or(0, |&i| i + 1);
            if let Some(i) = (after..left.len()).find(|&i| !used[i] && left[i].base_unit() == f.base_unit()) {
                used[i] = true;
                partner[j] = Some(i);
            }
        }
        partner
    }

    /// The marking as first written, each piece against every changed figure: the reference.
    fn mark_pieces_plain(mut pieces: Vec<Piece>, changed_l: &[Range<usize>], changed_r: &[Range<usize>]) -> Vec<Piece> {
        let within = |range: &Range<usize>, figures: &[Range<usize>]| {
            range.is_empty() || figures.iter().any(|f| f.start <= range.start && range.end <= f.end)
        };
        let mut k = 0;
        while k < pieces.len() {
            let p = pieces[k].clone();
            if !p.changed || p.numbering {
                k += 1;
                continue;
            }
            if within(&p.old, changed_l) && within(&p.new, changed_r) && !(p.old.is_empty() && p.new.is_empty()) {
                pieces[k].figure = true;
            } else if let (Some(l), Some(r)) = (
                changed_l.iter().find(|f| f.start == p.old.start && f.end < p.old.end),
                changed_r.iter().find(|f| f.start == p.new.start && f.end <= p.new.end),
            ) {
                pieces[k] = Piece {
                    old: p.old.start..l.end,
                    new: p.new.start..r.end,
                    figure: true,
                    ..p.clone()
                };
                pieces.insert(
                    k + 1,
                    Piece {
                        old: l.end..p.old.end,
                        new: r.end..p.new.end,
                        figure: false,
                        ..p
                    },
                );
            }
            k += 1;
        }
        pieces
    }

    /// A sentence of clauses drawn from a few labels, figures and units, so that labels and units
    /// repeat and some figures change.
    fn sentence() -> impl Strategy<Value = String> {
        let clause = (0..4usize, 0..6u32, 0..3usize, any::<bool>()).prop_map(|(label, n, unit, comma)| {
            let label = ["开展培训", "提供法律咨询", "办理案件", ""][label];
            let unit = ["次", "件", "%"][unit];
            format!("{label}{}{unit}{}", n * 7 + 1, if comma { "," } else { "" })
        });
        prop::collection::vec(clause, 0..24).prop_map(|c| c.concat() + "。")
    }

    #[test]
    fn a_sentence_of_forty_thousand_figures_is_compared_in_n_log_n() {
        // Each right figure once scanned the left ones for its partner and each piece every changed
        // figure: a 2 MB sentence of figures took 6 s.
        let clause = |k: usize| format!("开展培训{}次,办理案件{}件,", k % 97, (k / 10) % 89);
        let old: String = (0..20_000).map(clause).collect();
        let new: String = (0..20_000)
            .map(|k| clause(if k % 10 == 0 { k + 1 } else { k }))
            .collect();
        let wd = diff(&old, &new, &CharTokenizer, None, false);
        assert_eq!(wd.figures.len(), 2_000);
        assert_eq!(wd.pieces.iter().filter(|p| p.figure).count(), 2_000);
    }

    #[test]
    fn a_change_of_two_figures_in_a_row_flags_each() {
        let (old, new) = ("8次15件", "9次16件");
        let changed_l = vec![0..4, 4..9];
        let changed_r = vec![0..4, 4..9];
        let whole = Piece {
            old: 0..old.len(),
            new: 0..new.len(),
            changed: true,
            numbering: false,
            figure: false,
        };
        let marked = mark_pieces(vec![whole.clone()], changed_l.clone(), changed_r.clone());
        assert_eq!(marked, mark_pieces_plain(vec![whole], &changed_l, &changed_r));
        let flagged: Vec<_> = marked.iter().map(|p| (&old[p.old.clone()], p.figure)).collect();
        assert_eq!(flagged, [("8次", true), ("15件", true)]);
    }

    proptest! {
        #[test]
        fn pairing_and_marking_figures_match_their_plain_versions(
            old in sentence(),
            new in sentence(),
            cuts in prop::collection::vec((0..12usize, 0..12usize, any::<bool>()), 1..40),
        ) {
            let tokenizer = CharTokenizer;
            let (left, right) = (figures::find(&old, 0), figures::find(&new, 0));
            let (ot, nt) = (tokenizer.tokens(&old), tokenizer.tokens(&new));
            let (ll, rl) = (figures::labels(&old, &left, &ot), figures::labels(&new, &right, &nt));
            let partner = pair(&left, &ll, &right, &rl);
            prop_assert_eq!(&partner, &pair_plain(&left, &ll, &right, &rl));

            let changed: Vec<(usize, usize)> = partner
                .iter()
                .enumerate()
                .filter_map(|(j, i)| i.map(|i| (i, j)))
                .filter(|&(i, j)| left[i].text(&old) != right[j].text(&new))
                .collect();
            let changed_l: Vec<_> = changed.iter().map(|&(i, _)| left[i].range.clone()).collect();
            let changed_r: Vec<_> = changed.iter().map(|&(_, j)| right[j].range.clone()).collect();
            // Pieces cut anywhere: changes that hold a figure, start with one and go on, or part of one.
            let (mut o, mut n) = (0, 0);
            let mut unmarked: Vec<Piece> = Vec::new();
            for (i, &(dl, dn, changed)) in cuts.iter().enumerate() {
                let (oe, ne) = if i + 1 == cuts.len() { (old.len(), new.len()) } else { ((o + dl).min(old.len()), (n + dn).min(new.len())) };
                unmarked.push(Piece { old: o..oe, new: n..ne, changed, numbering: false, figure: false });
                (o, n) = (oe, ne);
            }
            prop_assert_eq!(
                mark_pieces(unmarked.clone(), changed_l.clone(), changed_r.clone()),
                mark_pieces_plain(unmarked, &changed_l, &changed_r)
            );
        }
    }
}
