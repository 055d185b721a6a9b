//! How much a document may unfold into. A file's own text is never larger than a few times its
//! bytes, but the formats repeat things: a list's number text is written before every paragraph of
//! the list, a .doc's pieces may point at one stretch of text again and again, compressed parts
//! and PDF streams unpack. Each reader spends from one budget proportional to the file as it
//! writes text out, and stops with one line when it runs out, long before memory does.

/// Text a document may unfold into, per byte of the file.
const PER_BYTE: usize = 64;
/// …but never less than this: a small file may hold a long, repetitive report.
const FLOOR: usize = 16 << 20;
/// …nor more: past this, memory for the later stages runs short before the text does.
const CEILING: usize = 256 << 20;

/// What a document may still unfold into, in bytes.
#[derive(Debug, Clone)]
pub(super) struct Budget {
    limit: usize,
    left: usize,
    /// What is being unfolded, for the message: "text", "unpacked streams".
    what: &'static str,
}

impl Budget {
    /// The budget of a file of `len` bytes for `what`.
    pub fn for_file(len: usize, what: &'static str) -> Self {
        let limit = len.saturating_mul(PER_BYTE).clamp(FLOOR, CEILING);
        Budget {
            limit,
            left: limit,
            what,
        }
    }

    /// Spends `bytes`, or says why the document is not read.
    pub fn spend(&mut self, bytes: usize) -> Result<(), String> {
        match self.left.checked_sub(bytes) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => {
                self.left = 0;
                Err(self.exceeded())
            }
        }
    }

    /// How much may still be spent.
    pub fn left(&self) -> usize {
        self.left
    }

    /// The message for a document that ran past its budget.
    pub fn exceeded(&self) -> String {
        format!(
            "unfolds into more than {} MiB of {} (its numbering, repeated parts or compressed data written out; {PER_BYTE} times the file at most): not read",
            self.limit >> 20,
            self.what
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_grows_with_the_file_between_a_floor_and_a_ceiling() {
        assert_eq!(Budget::for_file(1_000, "text").left(), FLOOR);
        assert_eq!(Budget::for_file(1 << 20, "text").left(), 64 << 20);
        assert_eq!(Budget::for_file(usize::MAX, "text").left(), CEILING);
    }

    #[test]
    fn spending_past_the_budget_is_an_error_that_stays() {
        let mut budget = Budget::for_file(0, "text");
        assert!(budget.spend(FLOOR - 1).is_ok());
        assert!(budget.spend(1).is_ok());
        let err = budget.spend(1).unwrap_err();
        assert!(err.contains("16 MiB of text"), "{err}");
        assert!(budget.spend(1).is_err());
    }
}
