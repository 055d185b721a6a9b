//! Figures that changed between two paired sentences: the figures of each (see
//! [`crate::figures`]) matched by what they count, then in order within their unit; each pair whose
//! values differ is a change (`提供法律咨询` `16次` → `119次`, `+103次`), and the word diff's pieces
//! that change a figure are flagged, so that it stands out.

use std::ops::Range;

use super::FigureChange;
use super::piece::Piece;
use crate::figures::{self, Figure};

/// Pairs the figures of two sentences: the same label and unit first, then the rest of a unit in
/// order. Returns each right figure's left partner.
fn pair(left: &[Figure], ll: &[String], right: &[Figure], rl: &[String]) -> Vec<Option<usize>> {
    let mut used = vec![false; left.len()];
    let mut partner = vec![None; right.len()];
    for (j, f) in right.iter().enumerate() {
        if let Some(i) = (0..left.len()).find(|&i| !used[i] && ll[i] == rl[j] && left[i].base_unit() == f.base_unit()) {
            used[i] = true;
            partner[j] = Some(i);
        }
    }
    for (j, f) in right.iter().enumerate() {
        if partner[j].is_some() {
            continue;
        }
        // In order: after the partner of the figure before it.
        let after = partner[..j].iter().flatten().max().map_or(0, |&i| i + 1);
        if let Some(i) = (after..left.len()).find(|&i| !used[i] && left[i].base_unit() == f.base_unit()) {
            used[i] = true;
            partner[j] = Some(i);
        }
    }
    partner
}

/// Whether `range` lies within one of `figures` (an empty range does).
fn within(range: &Range<usize>, figures: &[Range<usize>]) -> bool {
    range.is_empty() || figures.iter().any(|f| f.start <= range.start && range.end <= f.end)
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
    let mut k = 0;
    while k < pieces.len() {
        let p = pieces[k].clone();
        if !p.changed || p.numbering {
            k += 1;
            continue;
        }
        if within(&p.old, &changed_l) && within(&p.new, &changed_r) && !(p.old.is_empty() && p.new.is_empty()) {
            pieces[k].figure = true;
        } else if let (Some(l), Some(r)) = (
            changed_l.iter().find(|f| f.start == p.old.start && f.end < p.old.end),
            changed_r.iter().find(|f| f.start == p.new.start && f.end <= p.new.end),
        ) {
            // `[-16次,有效防范了法律风险-]{+119次+}`: the figure, then the rest.
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
    out
}

#[cfg(test)]
mod tests {
    use crate::diff::words::diff;
    use crate::diff::{CharTokenizer, JiebaTokenizer, Tokenizer};

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
}
