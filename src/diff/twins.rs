//! Identical sentences of two sides, paired: those in place first, along a patience diff of the
//! two sequences of sentences, then the rest by order of occurrence.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap as HashMap;
use similar::DiffOp;
use similar::algorithms::{Capture, Compact, DiffHook, NoFinishHook, Replace, myers};

use crate::shared::fit_u32;

/// Time for the diffs between anchors; past it they are coarser and the rest pair in order of
/// occurrence (only shuffled repetitive text comes near it).
const TWIN_DIFF_BUDGET: Duration = Duration::from_millis(100);

/// Identical sentences of the two sides, paired: in place along the equal runs of a diff of the two
/// sequences of sentences (so that one sentence added or dropped does not shift every later copy
/// of a repeated one), then the k-th remaining occurrence on the left with the k-th on the right.
/// The diff is `similar`'s patience diff, written again for its room (see [`patience`]).
pub(super) fn twins(left: &[&str], right: &[&str]) -> Vec<(usize, usize)> {
    pair_along(left, right, |l, r, count| {
        patience(l, r, count, Instant::now() + TWIN_DIFF_BUDGET)
    })
}

/// [`twins`], the sentences in place found by `diff` (of the two sequences of sentence numbers
/// found on both sides, with how often each number is found on each side).
fn pair_along(
    left: &[&str],
    right: &[&str],
    diff: impl FnOnce(&[u32], &[u32], &[[u8; 2]]) -> Vec<DiffOp>,
) -> Vec<(usize, usize)> {
    let (l_ids, r_ids, distinct) = number(left, right);
    // Occurrences of each sentence on each side, counted up to 2.
    let mut count = vec![[0u8; 2]; distinct];
    for (side, ids) in [&l_ids, &r_ids].into_iter().enumerate() {
        for &id in ids {
            let c = &mut count[id as usize][side];
            *c = (*c + 1).min(2);
        }
    }
    // Only sentences found on both sides can be equal: the diff runs over those alone, so its
    // cost follows the twins that changed order, not the sentences that changed.
    let on_both = |id: u32| count[id as usize].iter().all(|&c| c > 0);
    let l_seq: Vec<u32> = (0..l_ids.len()).filter(|&i| on_both(l_ids[i])).map(fit_u32).collect();
    let r_seq: Vec<u32> = (0..r_ids.len()).filter(|&j| on_both(r_ids[j])).map(fit_u32).collect();
    let l_keys: Vec<u32> = l_seq.iter().map(|&i| l_ids[i as usize]).collect();
    let r_keys: Vec<u32> = r_seq.iter().map(|&j| r_ids[j as usize]).collect();
    let ops = diff(&l_keys, &r_keys, &count);
    drop((count, l_keys, r_keys));

    let (mut free_l, mut free_r) = (vec![true; left.len()], vec![true; right.len()]);
    let mut out = Vec::new();
    for op in ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                let (i, j) = (l_seq[old_index + k] as usize, r_seq[new_index + k] as usize);
                free_l[i] = false;
                free_r[j] = false;
                out.push((i, j));
            }
        }
    }
    let mut by_id: HashMap<u32, VecDeque<usize>> = HashMap::default();
    for j in (0..right.len()).filter(|&j| free_r[j]) {
        by_id.entry(r_ids[j]).or_default().push_back(j);
    }
    for i in (0..left.len()).filter(|&i| free_l[i]) {
        if let Some(j) = by_id.get_mut(&l_ids[i]).and_then(VecDeque::pop_front) {
            out.push((i, j));
        }
    }
    out
}

/// The ops of `similar`'s patience diff of two sequences of sentence numbers (compacted, as
/// `similar::capture_diff_slices_deadline` gives them), `count` telling how often each number is
/// found on each side. The same algorithm in less room: the anchors, the numbers found once on a
/// side, are listed as 32-bit positions, where `similar` made a table of every key and a list of
/// 16-byte items for each side (half a megabyte of a 2 MB comparison's resident peak).
fn patience(l: &[u32], r: &[u32], count: &[[u8; 2]], deadline: Instant) -> Vec<DiffOp> {
    let mut d = Compact::new(Replace::new(Capture::new()), l, r);
    if l.is_empty() || r.is_empty() {
        let Ok(()) = match (l.len(), r.len()) {
            (0, 0) => Ok(()),
            (0, n) => d.insert(0, 0, n),
            (n, _) => d.delete(0, n, 0),
        };
        let Ok(()) = d.finish();
        return d.into_inner().into_inner().into_ops();
    }
    // Where the numbers found once on each side are, and the numbers.
    let once = |keys: &[u32], side: usize| -> Vec<u32> {
        (0..keys.len())
            .filter(|&p| count[keys[p] as usize][side] == 1)
            .map(fit_u32)
            .collect()
    };
    let (l_once, r_once) = (once(l, 0), once(r, 1));
    let (l_anchor, r_anchor): (Vec<u32>, Vec<u32>) = (
        l_once.iter().map(|&p| l[p as usize]).collect(),
        r_once.iter().map(|&p| r[p as usize]).collect(),
    );
    // From one anchor of the diff of those to the next: the numbers equal from the first, then a
    // Myers diff of the rest.
    let mut anchored = Anchors {
        l: l_once.as_slice(),
        r: r_once.as_slice(),
        at: Vec::new(),
    };
    let deadline = Some(deadline);
    let Ok(()) = myers::diff_deadline(
        &mut Replace::new(&mut anchored),
        &l_anchor[..],
        0..l_anchor.len(),
        &r_anchor[..],
        0..r_anchor.len(),
        deadline,
    );
    drop((l_anchor, r_anchor));
    let (mut from_l, mut from_r) = (0, 0);
    for (p, q) in anchored.at {
        let (p, q) = (p as usize, q as usize);
        let run = (from_l..p).zip(from_r..q).take_while(|&(i, j)| l[i] == r[j]).count();
        if run > 0 {
            let Ok(()) = d.equal(from_l, from_r, run);
        }
        let Ok(()) = myers::diff_deadline(
            &mut NoFinishHook::new(&mut d),
            l,
            from_l + run..p,
            r,
            from_r + run..q,
            deadline,
        );
        (from_l, from_r) = (p, q);
    }
    let Ok(()) = myers::diff_deadline(&mut d, l, from_l..l.len(), r, from_r..r.len(), deadline);
    d.into_inner().into_inner().into_ops()
}

/// Each sentence's number, the same for the same text on either side, and how many texts.
fn number(left: &[&str], right: &[&str]) -> (Vec<u32>, Vec<u32>, usize) {
    let mut ids: HashMap<&str, u32> = HashMap::default();
    let (mut l_ids, mut r_ids) = (Vec::with_capacity(left.len()), Vec::with_capacity(right.len()));
    for (units, out) in [(left, &mut l_ids), (right, &mut r_ids)] {
        for u in units {
            let next = fit_u32(ids.len());
            out.push(*ids.entry(*u).or_insert(next));
        }
    }
    (l_ids, r_ids, ids.len())
}

/// Collects the anchors a diff of the numbers found once on each side finds equal, as positions
/// in the whole sequences.
struct Anchors<'a> {
    l: &'a [u32],
    r: &'a [u32],
    at: Vec<(u32, u32)>,
}

impl DiffHook for Anchors<'_> {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        let (l, r) = (&self.l[old..old + len], &self.r[new..new + len]);
        self.at.extend(l.iter().copied().zip(r.iter().copied()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use similar::{Algorithm, capture_diff_slices_deadline};

    /// The pairing as it was made with `similar`'s patience diff.
    fn with_similar(left: &[&str], right: &[&str]) -> Vec<(usize, usize)> {
        pair_along(left, right, |l, r, _| {
            capture_diff_slices_deadline(Algorithm::Patience, l, r, Some(Instant::now() + TWIN_DIFF_BUDGET))
        })
    }

    /// A report's sentences as numbers, most distinct, a few repeated (stock phrases), and an
    /// edit of it: sentences dropped, added, repeated and moved.
    fn edited() -> impl proptest::strategy::Strategy<Value = (Vec<u32>, Vec<u32>)> {
        use proptest::prelude::*;
        (
            10usize..80,
            proptest::collection::vec((0u8..8, 0usize..1000, 0usize..1000), 0..12),
        )
            .prop_map(|(n, edits)| {
                let left: Vec<u32> = (0..n as u32)
                    .map(|k| if k % 7 == 3 { 1000 + k % 3 } else { k })
                    .collect();
                let mut right = left.clone();
                for (kind, a, b) in edits {
                    let (a, b) = (a % right.len().max(1), b % right.len().max(1));
                    match kind {
                        0 | 1 if !right.is_empty() => drop(right.remove(a)),
                        2 | 3 => right.insert(a, 2000 + b as u32),
                        4 if !right.is_empty() => right.insert(b, right[a]),
                        _ if !right.is_empty() => {
                            let s = right.remove(a);
                            right.insert(b.min(right.len()), s);
                        }
                        _ => {}
                    }
                }
                (left, right)
            })
    }

    fn texts(ids: &[u32]) -> Vec<String> {
        ids.iter().map(|k| format!("第{k}句")).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn twins_pair_as_similars_patience_did_on_an_edited_report((left, right) in edited()) {
            let (l, r) = (texts(&left), texts(&right));
            let l: Vec<&str> = l.iter().map(String::as_str).collect();
            let r: Vec<&str> = r.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(twins(&l, &r), with_similar(&l, &r));
        }

        #[test]
        fn twins_pair_as_similars_patience_did_on_repetitive_text(
            left in proptest::collection::vec(0u32..12, 0..40),
            right in proptest::collection::vec(0u32..12, 0..40),
        ) {
            let (l, r) = (texts(&left), texts(&right));
            let l: Vec<&str> = l.iter().map(String::as_str).collect();
            let r: Vec<&str> = r.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(twins(&l, &r), with_similar(&l, &r));
        }
    }
}
