//! Sentence pairing: similar sentences pair one-to-one, best first; pairs that keep their relative
//! order are in place, the rest are moves (when similar enough) or are left unpaired.

use super::Unit;
use crate::text::Fingerprint;

/// Least similarity for two sentences to be compared word by word. Below it, a word diff of the
/// two is mostly noise, so they show as deleted and inserted.
pub const PAIR_MIN: f32 = 0.35;
/// Least similarity for an out-of-order pair to count as the same sentence moved.
pub const MOVE_MIN: f32 = 0.6;
/// Character bigrams shared by more sentences than this are too common to suggest a pair; skipping
/// them keeps candidate search near-linear on large reports.
const MAX_POSTING: usize = 64;
/// Candidates per sentence scored exactly.
const CANDIDATES: usize = 8;

#[derive(Debug, Clone)]
pub struct Pair {
    pub left: usize,
    pub right: usize,
    pub similarity: f32,
    pub moved: bool,
}

/// Accepted pairs, sorted by left index.
#[derive(Debug, Clone, Default)]
pub struct Pairing {
    pub pairs: Vec<Pair>,
}

fn similarity((a, af): (&Unit, &Fingerprint), (b, bf): (&Unit, &Fingerprint)) -> f32 {
    if a.folded.text == b.folded.text {
        return 1.0;
    }
    af.dice(bf)
}

/// Pairs the sentences of two sides, each given with its fingerprints.
pub fn pair_units((left, lf): (&[Unit], &[Fingerprint]), (right, rf): (&[Unit], &[Fingerprint])) -> Pairing {
    if left.is_empty() || right.is_empty() {
        return Pairing::default();
    }
    let mut postings: std::collections::HashMap<u32, Vec<u32>> = std::collections::HashMap::new();
    for (j, f) in rf.iter().enumerate() {
        for &g in f.grams() {
            postings.entry(g).or_default().push(j as u32);
        }
    }
    let mut counts = vec![0u32; right.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut candidates: Vec<(usize, usize, f32)> = Vec::new();
    for (i, u) in left.iter().enumerate() {
        for g in lf[i].grams() {
            let Some(list) = postings.get(g) else {
                continue;
            };
            if list.len() > MAX_POSTING {
                continue;
            }
            for &j in list {
                if counts[j as usize] == 0 {
                    touched.push(j);
                }
                counts[j as usize] += 1;
            }
        }
        // Exact twins without bigrams (one-character sentences) still pair.
        if lf[i].is_empty() {
            for (j, r) in right.iter().enumerate() {
                if r.folded.text == u.folded.text && counts[j] == 0 {
                    touched.push(j as u32);
                    counts[j] = 1;
                }
            }
        }
        touched.sort_by_key(|&j| std::cmp::Reverse(counts[j as usize]));
        for &j in touched.iter().take(CANDIDATES) {
            let s = similarity((u, &lf[i]), (&right[j as usize], &rf[j as usize]));
            if s >= PAIR_MIN {
                candidates.push((i, j as usize, s));
            }
        }
        for &j in &touched {
            counts[j as usize] = 0;
        }
        touched.clear();
    }
    // Best first; among equals, the pair closest to the diagonal.
    let (n, m) = (left.len() as f32, right.len() as f32);
    let offset = |i: usize, j: usize| (i as f32 / n - j as f32 / m).abs();
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(offset(a.0, a.1).total_cmp(&offset(b.0, b.1))));
    let (mut used_l, mut used_r) = (vec![false; left.len()], vec![false; right.len()]);
    let mut pairs = Vec::new();
    for (i, j, s) in candidates {
        if !used_l[i] && !used_r[j] {
            used_l[i] = true;
            used_r[j] = true;
            pairs.push(Pair {
                left: i,
                right: j,
                similarity: s,
                moved: false,
            });
        }
    }
    pairs.sort_by_key(|p| p.left);
    let in_order = longest_increasing(&pairs.iter().map(|p| p.right).collect::<Vec<_>>());
    let mut keep = Vec::with_capacity(pairs.len());
    for (k, mut p) in pairs.into_iter().enumerate() {
        if in_order[k] {
            keep.push(p);
        } else if p.similarity >= MOVE_MIN {
            p.moved = true;
            keep.push(p);
        }
    }
    Pairing { pairs: keep }
}

/// Marks the members of one longest strictly increasing subsequence (O(n log n)).
fn longest_increasing(values: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; values.len()];
    for (k, &v) in values.iter().enumerate() {
        let pos = tails.partition_point(|&t| values[t] < v);
        prev[k] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut member = vec![false; values.len()];
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        member[k] = true;
        cur = prev[k];
    }
    member
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_subsequence() {
        assert_eq!(longest_increasing(&[0, 3, 1, 2]), [true, false, true, true]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
        assert_eq!(longest_increasing(&[2, 1, 0]).iter().filter(|&&m| m).count(), 1);
    }
}
