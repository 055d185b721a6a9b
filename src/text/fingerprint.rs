//! Fingerprints: the sets of character bigrams every similarity in duibi is scored on, one text's
//! ([`Fingerprint`]) or many texts' end to end ([`Prints`]).

use super::{is_blank, is_punct};

/// A set of hashed character bigrams of a text's content characters (punctuation and blanks
/// skipped, widths folded): the basis of every similarity score in duibi.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fingerprint {
    grams: Vec<u32>,
}

impl Fingerprint {
    pub fn new(text: &str) -> Self {
        Fingerprint::of_pieces(text.len(), |f| f(text))
    }

    /// The fingerprint of the text `each` hands over piece by piece (about `len` bytes in all), as
    /// [`new`](Self::new) of the pieces put together makes it.
    pub fn of_pieces(len: usize, each: impl FnOnce(&mut dyn FnMut(&str))) -> Self {
        // A report repeats most of its bigrams: the list is sorted and deduplicated whenever it
        // fills, and grows only when that leaves it over half full, so a large report's list stays
        // near the size of its distinct bigrams instead of one entry a character. It starts small
        // for the same reason: a report of megabytes may have a few thousand distinct bigrams.
        let mut grams: Vec<u32> = Vec::with_capacity((len / 3).clamp(16, START));
        let mut prev: Option<char> = None;
        each(&mut |piece: &str| {
            each_gram(piece, &mut prev, |g| {
                if grams.len() == grams.capacity() {
                    sort_grams(&mut grams);
                    grams.dedup();
                    if grams.len() * 2 > grams.capacity() {
                        grams.reserve(grams.capacity());
                    }
                }
                grams.push(g);
            });
        });
        sort_grams(&mut grams);
        grams.dedup();
        grams.shrink_to_fit();
        Self { grams }
    }

    pub fn len(&self) -> usize {
        self.grams.len()
    }

    pub fn is_empty(&self) -> bool {
        self.grams.is_empty()
    }

    pub fn grams(&self) -> &[u32] {
        &self.grams
    }

    /// Number of bigrams the two fingerprints share.
    pub fn shared(&self, other: &Fingerprint) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        let (a, b) = (&self.grams, &other.grams);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    /// Whether bigram `gram` is one of this text's.
    pub fn holds(&self, gram: u32) -> bool {
        holds(&self.grams, gram)
    }

    /// Dice coefficient: 1.0 for the same bigrams, 0.0 for none shared.
    pub fn dice(&self, other: &Fingerprint) -> f32 {
        dice_of(self.len(), other.len(), self.shared(other))
    }
}

/// The bigrams of `piece`, in order, to `f`; `prev` is the content character before it (`None`
/// at a text's start) and is left at its last one, so that a text handed over in pieces has the
/// bigrams of the whole.
fn each_gram(piece: &str, prev: &mut Option<char>, mut f: impl FnMut(u32)) {
    for c in piece.chars() {
        // Ideographs, most of the text, are neither folded, blank nor punctuation.
        let c = if crate::chars::is_plain_ideograph(c) {
            c
        } else {
            let c = crate::chars::fold_char(c);
            if is_blank(c) || is_punct(c) {
                continue;
            }
            c
        };
        if let Some(p) = *prev {
            f(hash_pair(p, c));
        }
        *prev = Some(c);
    }
}

/// The fingerprints of many texts (a report's sentences) end to end in one list: text `k`'s
/// sorted distinct bigrams are [`of(k)`](Self::of), as [`Fingerprint::new`] makes them. A
/// fingerprint each cost a block, grown, shrunk and given back, for a few dozen bigrams.
#[derive(Debug, Clone, Default)]
pub struct Prints {
    grams: Vec<u32>,
    /// Where each text's bigrams end in `grams`.
    ends: Vec<u32>,
}

/// The most bigrams a text's list starts with room for (64 KB): it grows as its distinct bigrams do.
const START: usize = 1 << 14;

/// Texts longer than this (bytes) are fingerprinted on their own first, which keeps the list of a
/// long text near the size of its distinct bigrams.
const LONG: usize = 4096;

impl Prints {
    /// Room for `texts` fingerprints of about `bytes` bytes of text in all.
    pub fn with_capacity(texts: usize, bytes: usize) -> Self {
        Prints {
            grams: Vec::with_capacity(bytes / 3),
            ends: Vec::with_capacity(texts),
        }
    }

    /// Adds the fingerprint of `text`, the next one.
    pub fn push(&mut self, text: &str) {
        if text.len() > LONG {
            self.grams.extend_from_slice(Fingerprint::new(text).grams());
        } else {
            let start = self.grams.len();
            each_gram(text, &mut None, |g| self.grams.push(g));
            let tail = &mut self.grams[start..];
            sort_grams(tail);
            let mut kept = 0;
            for k in 0..tail.len() {
                if k == 0 || tail[k] != tail[kept - 1] {
                    tail[kept] = tail[k];
                    kept += 1;
                }
            }
            self.grams.truncate(start + kept);
        }
        self.ends.push(crate::shared::fit_u32(self.grams.len()));
    }

    /// How many texts are fingerprinted.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Every text's bigrams, end to end in text order.
    pub fn all(&self) -> &[u32] {
        &self.grams
    }

    /// Text `k`'s sorted distinct bigrams.
    pub fn of(&self, k: usize) -> &[u32] {
        let start = k.checked_sub(1).map_or(0, |p| self.ends[p] as usize);
        &self.grams[start..self.ends[k] as usize]
    }
}

/// Whether the sorted bigrams `grams` hold `gram`.
pub fn holds(grams: &[u32], gram: u32) -> bool {
    grams.binary_search(&gram).is_ok()
}

/// The Dice coefficient of two sets of bigrams of `a` and `b` members sharing `shared`: 1.0 for
/// the same bigrams, 0.0 for none shared.
pub fn dice_of(a: usize, b: usize, shared: usize) -> f32 {
    let total = a + b;
    if total == 0 {
        return 0.0;
    }
    2.0 * shared as f32 / total as f32
}

/// Sorts bigrams: a radix sort for a passage's or a report's many (it reads each a few times
/// where comparing sorts read each about log n times), the standard sort for a sentence's few.
pub(super) fn sort_grams(grams: &mut [u32]) {
    if grams.len() >= RADIX_FROM {
        radsort::sort(grams);
    } else {
        grams.sort_unstable();
    }
}

/// Bigrams from which a radix sort is the faster (`benches/pipeline`).
pub(super) const RADIX_FROM: usize = 256;

pub(super) fn hash_pair(a: char, b: char) -> u32 {
    // The pair is exact in 42 bits; one multiply spreads it over the high half, which is kept.
    // Collisions only blur similarity slightly.
    ((u64::from(a) << 21 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}
