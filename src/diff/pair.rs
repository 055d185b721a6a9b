//! Sentence pairing: similar sentences pair one-to-one, best first; pairs that keep their relative
//! order are in place, the rest are moves (when similar enough) or are left unpaired.

use rustc_hash::FxHashMap as HashMap;

use super::twins::twins;
use crate::shared::fit_u32;
use crate::sides::{Side, Sides};
use crate::text::{Prints, dice_of, holds};

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
    /// Indices into each side's units, 32-bit (see [`Pair::left`]): a row holds one a pair of
    /// sentences until it is diffed, 16 bytes where 64-bit indices made it 24.
    pub units: Sides<u32>,
    pub similarity: f32,
    pub moved: bool,
}

impl Pair {
    pub fn new(left: usize, right: usize, similarity: f32) -> Self {
        Pair {
            units: Sides::new(fit_u32(left), fit_u32(right)),
            similarity,
            moved: false,
        }
    }

    /// The left unit.
    pub fn left(&self) -> usize {
        self.units.left as usize
    }

    /// The right unit.
    pub fn right(&self) -> usize {
        self.units.right as usize
    }
}

/// Accepted pairs, sorted by left index.
#[derive(Debug, Clone, Default)]
pub struct Pairing {
    pub pairs: Vec<Pair>,
}

/// Pairs the sentences of two sides, as [`pair_similar`] does, and tells which pairs are moves: the
/// longest run of pairs in the same order on both sides is in place; the others are moves when
/// similar enough ([`MOVE_MIN`]), else they are left unpaired. (Sentences of one row only; a whole
/// comparison places its sentences by their sections, see `matching`.)
pub fn pair_units<'t>(left: &[&str], right: &[&str], text: impl Fn(Side, usize) -> &'t str) -> Pairing {
    let pairs = pair_similar(left, right, text);
    let in_order = longest_increasing(&pairs.iter().map(|p| p.units.right).collect::<Vec<_>>());
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

/// Pairs the sentences of two sides one to one, sorted by left index, none marked moved. Sentences
/// with an identical twin on the other side pair with it first: along a diff of the two sequences
/// of sentences, then the k-th remaining occurrence on the left with the k-th on the right.
/// Identical sentences always pair, whatever the size of the report. The rest pair by similarity
/// of the fingerprints of their texts (`text(side, unit)`, made only for them), best first, at least
/// [`PAIR_MIN`].
pub fn pair_similar<'t>(left: &[&str], right: &[&str], text: impl Fn(Side, usize) -> &'t str) -> Vec<Pair> {
    if left.is_empty() || right.is_empty() {
        return Vec::new();
    }
    let (mut used_l, mut used_r) = (vec![false; left.len()], vec![false; right.len()]);
    let twins = twins(left, right);
    let mut pairs = Vec::with_capacity(twins.len());
    for (i, j) in twins {
        used_l[i] = true;
        used_r[j] = true;
        pairs.push(Pair::new(i, j, 1.0));
    }

    let rest_l: Vec<usize> = (0..left.len()).filter(|&i| !used_l[i]).collect();
    let rest_r: Vec<usize> = (0..right.len()).filter(|&j| !used_r[j]).collect();
    let prints = |side: Side, rest: &[usize]| {
        let texts: Vec<&str> = rest.iter().map(|&k| text(side, k)).collect();
        let mut prints = Prints::with_capacity(texts.len(), texts.iter().map(|t| t.len()).sum());
        texts.into_iter().for_each(|t| prints.push(t));
        prints
    };
    let (lf, rf) = (prints(Side::Left, &rest_l), prints(Side::Right, &rest_r));
    let postings = Postings::new(&rf);
    let mut counts = vec![0u32; rest_r.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut best: Vec<u32> = Vec::with_capacity(CANDIDATES + 1);
    let mut candidates: Vec<(usize, usize, f32)> = Vec::new();
    // The left sentence's bigrams too common to walk the postings of.
    let mut common: Vec<u32> = Vec::new();
    for (ki, &i) in rest_l.iter().enumerate() {
        for &g in lf.of(ki) {
            let Some(list) = postings.of(g) else {
                continue;
            };
            if list.len() > MAX_POSTING {
                common.push(g);
                continue;
            }
            for &k in list {
                if counts[k as usize] == 0 {
                    touched.push(k);
                }
                counts[k as usize] += 1;
            }
        }
        most_shared(&touched, &counts, &mut best);
        for &k in &best {
            // The bigrams shared: those the postings counted, and the common ones looked up (as
            // many as merging the two lists would find, without the merge).
            let other = rf.of(k as usize);
            let shared = counts[k as usize] as usize + common.iter().filter(|&&g| holds(other, g)).count();
            let s = dice_of(lf.of(ki).len(), other.len(), shared);
            if s >= PAIR_MIN {
                candidates.push((i, rest_r[k as usize], s));
            }
        }
        for &k in &touched {
            counts[k as usize] = 0;
        }
        touched.clear();
        common.clear();
    }
    // Best first; among equals, the pair closest to the diagonal.
    let (n, m) = (left.len() as f32, right.len() as f32);
    let offset = |i: usize, j: usize| (i as f32 / n - j as f32 / m).abs();
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(offset(a.0, a.1).total_cmp(&offset(b.0, b.1))));
    for (i, j, s) in candidates {
        if !used_l[i] && !used_r[j] {
            used_l[i] = true;
            used_r[j] = true;
            pairs.push(Pair::new(i, j, s));
        }
    }
    pairs.sort_by_key(|p| p.units.left);
    pairs
}

/// Which sentences hold each bigram, in order: one list, a stretch of it per bigram. (A list of
/// its own per bigram cost a block each, grown and freed one by one: a twentieth of a comparison.)
struct Postings {
    /// Each bigram's number, in order of first sight.
    number: HashMap<u32, u32>,
    /// Where each numbered bigram's stretch of `list` starts, and where the last one ends.
    starts: Vec<u32>,
    list: Vec<u32>,
}

impl Postings {
    fn new(prints: &Prints) -> Self {
        // Room made at once for a report's worth of bigrams (a table grown by doubling moves
        // every entry each time); a large report's table grows past it.
        let all = prints.all();
        let room = all.len().min(1 << 16);
        let mut number: HashMap<u32, u32> = HashMap::with_capacity_and_hasher(room, Default::default());
        let mut counts: Vec<u32> = Vec::with_capacity(room);
        // Each occurrence's bigram number, so that filling the list needs no second lookup.
        let mut numbers: Vec<u32> = Vec::with_capacity(all.len());
        for &g in all {
            let next = crate::shared::fit_u32(counts.len());
            let n = *number.entry(g).or_insert(next);
            if n == next {
                counts.push(0);
            }
            counts[n as usize] += 1;
            numbers.push(n);
        }
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0u32;
        starts.push(0);
        for c in &mut counts {
            // `counts` becomes each stretch's next free place.
            let n = *c;
            *c = at;
            at += n;
            starts.push(at);
        }
        let mut list = vec![0u32; numbers.len()];
        let mut numbers = numbers.into_iter();
        for k in 0..prints.len() {
            for n in numbers.by_ref().take(prints.of(k).len()) {
                let free = &mut counts[n as usize];
                list[*free as usize] = crate::shared::fit_u32(k);
                *free += 1;
            }
        }
        Postings { number, starts, list }
    }

    /// The sentences holding bigram `g`, in order.
    fn of(&self, g: u32) -> Option<&[u32]> {
        let n = *self.number.get(&g)? as usize;
        Some(&self.list[self.starts[n] as usize..self.starts[n + 1] as usize])
    }
}

/// The [`CANDIDATES`] sentences of `touched` that share the most bigrams (`counts`), the earlier
/// first among equals, into `best`: the first of `touched` sorted stably by count, most first,
/// found in one pass instead of sorting them all (hundreds for each sentence of two unrelated
/// reports).
fn most_shared(touched: &[u32], counts: &[u32], best: &mut Vec<u32>) {
    best.clear();
    let count = |k: u32| counts[k as usize];
    for &k in touched {
        let c = count(k);
        if best.len() == CANDIDATES && best.last().is_some_and(|&b| count(b) >= c) {
            continue;
        }
        let at = best.partition_point(|&b| count(b) >= c);
        best.insert(at, k);
        best.truncate(CANDIDATES);
    }
}

/// Marks the members of one longest strictly increasing subsequence (O(n log n)).
pub fn longest_increasing<T: Ord + Copy>(values: &[T]) -> Vec<bool> {
    // Positions in 32 bits (inputs stop at 1 GiB), none as `u32::MAX`: half the room of 64-bit
    // ones and an optional's tag.
    const NONE: u32 = u32::MAX;
    let mut tails: Vec<u32> = Vec::new();
    let mut prev: Vec<u32> = vec![NONE; values.len()];
    for (k, &v) in values.iter().enumerate() {
        let pos = tails.partition_point(|&t| values[t as usize] < v);
        prev[k] = pos.checked_sub(1).map_or(NONE, |p| tails[p]);
        if pos == tails.len() {
            tails.push(fit_u32(k));
        } else {
            tails[pos] = fit_u32(k);
        }
    }
    let mut member = vec![false; values.len()];
    let mut cur = tails.last().copied().unwrap_or(NONE);
    while cur != NONE {
        member[cur as usize] = true;
        cur = prev[cur as usize];
    }
    member
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Fingerprint;

    #[test]
    fn a_pairs_similarity_is_the_dice_of_its_fingerprints() {
        // Sentences sharing common bigrams (in more than MAX_POSTING sentences) and rare ones.
        let line = |k: usize, v: usize| format!("依法行政工作第{k}项落实{}措施{v}次", ["法律", "制度", "培训"][k % 3]);
        let left: Vec<String> = (0..200).map(|k| line(k, k)).collect();
        let right: Vec<String> = (0..200).map(|k| line((k * 7) % 200, k + 1)).collect();
        let (l, r): (Vec<&str>, Vec<&str>) = (
            left.iter().map(String::as_str).collect(),
            right.iter().map(String::as_str).collect(),
        );
        let text = |side: Side, k: usize| if side == Side::Left { l[k] } else { r[k] };
        let pairs = pair_similar(&l, &r, text);
        assert!(pairs.len() > 100, "{} pairs", pairs.len());
        for p in pairs.iter().filter(|p| p.similarity < 1.0) {
            let print = |side: Side, k: usize| Fingerprint::new(text(side, k));
            let whole = print(Side::Left, p.left()).dice(&print(Side::Right, p.right()));
            assert_eq!(p.similarity, whole, "{} and {}", l[p.left()], r[p.right()]);
        }
    }

    #[test]
    fn a_pair_of_sentences_stays_narrow() {
        // A row holds one a pair of its sentences until it is diffed: 24 bytes with 64-bit indices.
        assert!(
            std::mem::size_of::<Pair>() <= 16,
            "{} bytes",
            std::mem::size_of::<Pair>()
        );
    }

    #[test]
    fn longest_increasing_subsequence() {
        assert_eq!(longest_increasing(&[0, 3, 1, 2]), [true, false, true, true]);
        assert_eq!(longest_increasing::<usize>(&[]), Vec::<bool>::new());
        assert_eq!(longest_increasing(&[2, 1, 0]).iter().filter(|&&m| m).count(), 1);
    }

    proptest::proptest! {
        #[test]
        fn the_postings_list_every_sentence_holding_a_bigram_in_order(
            texts in proptest::collection::vec("[依法行政法律制度培训a-c1-3]{0,12}", 0..40),
        ) {
            let mut all = Prints::default();
            texts.iter().for_each(|t| all.push(t));
            let postings = Postings::new(&all);
            let prints: Vec<Fingerprint> = texts.iter().map(|t| Fingerprint::new(t)).collect();
            let every: std::collections::BTreeSet<u32> = prints.iter().flat_map(|f| f.grams().to_vec()).collect();
            for g in every {
                let holding: Vec<u32> = (0..prints.len() as u32).filter(|&k| prints[k as usize].holds(g)).collect();
                proptest::prop_assert_eq!(postings.of(g), Some(&holding[..]));
            }
            proptest::prop_assert_eq!(postings.of(7), None);
        }

        #[test]
        fn the_most_shared_are_the_first_of_a_stable_sort(
            counts in proptest::collection::vec(0u32..6, 1..60),
            picks in proptest::collection::vec(0usize..60, 0..60),
        ) {
            let mut touched: Vec<u32> = picks.into_iter().map(|k| (k % counts.len()) as u32).collect();
            touched.dedup();
            let mut best = Vec::new();
            most_shared(&touched, &counts, &mut best);
            let mut sorted = touched.clone();
            sorted.sort_by_key(|&k| std::cmp::Reverse(counts[k as usize]));
            sorted.truncate(CANDIDATES);
            proptest::prop_assert_eq!(best, sorted);
        }
    }
}
