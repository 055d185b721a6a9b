//! [`SharedText`]: a stretch of a text many holders share, cheap to clone, read as a `str`. A
//! report's passages are stretches of its text; holding them this way keeps one copy of the text
//! however many rows show it.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// Bytes `start..end` of a shared text (always on character boundaries). Offsets are 32-bit and
/// the text is held through a thin pointer (an `Arc<String>`, not an `Arc<str>`): a report holds
/// many of these (three a section, one a paragraph and a passage), 16 bytes each instead of 24;
/// and a `String` becomes a shared text without being copied.
#[derive(Clone, Default)]
pub struct SharedText {
    text: Arc<String>,
    start: u32,
    end: u32,
}

/// `n` in 32 bits, as the offsets and counts a report holds many of are kept; saturating, which no
/// input reaches under the size limit (1 GiB).
pub fn fit_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl SharedText {
    /// Bytes `range` of `text`; `None` when the range is out of bounds or not on character
    /// boundaries.
    pub fn slice(text: &Arc<String>, range: Range<usize>) -> Option<SharedText> {
        text.get(range.clone())?;
        Some(SharedText {
            text: text.clone(),
            start: u32::try_from(range.start).ok()?,
            end: u32::try_from(range.end).ok()?,
        })
    }

    /// Bytes `range` of this stretch, sharing its text; `None` when the range is out of bounds or
    /// not on character boundaries.
    pub fn sub(&self, range: Range<usize>) -> Option<SharedText> {
        let start = self.start as usize;
        if range.end > self.len() {
            return None;
        }
        SharedText::slice(&self.text, start + range.start..start + range.end)
    }

    /// Whether this is the stretch of `text` that starts at byte `at` (the same shared text, not
    /// an equal copy).
    pub fn is_stretch_of(&self, text: &Arc<String>, at: usize) -> bool {
        Arc::ptr_eq(&self.text, text) && self.start as usize == at
    }

    /// The whole text this is a stretch of, and where the stretch is in it.
    pub fn source(&self) -> (&Arc<String>, Range<usize>) {
        (&self.text, self.start as usize..self.end as usize)
    }

    pub fn as_str(&self) -> &str {
        &self.text[self.start as usize..self.end as usize]
    }
}

impl Deref for SharedText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for SharedText {
    fn from(s: &str) -> Self {
        SharedText::from(s.to_string())
    }
}

impl From<String> for SharedText {
    fn from(mut text: String) -> Self {
        // Held as long as the stretch: the room its growing left is given back.
        text.shrink_to_fit();
        let text = Arc::new(text);
        // Past 4 GB (never, under the size limit) the text is cut at a character boundary.
        let mut end = text.len().min(u32::MAX as usize);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        SharedText {
            text,
            start: 0,
            end: end as u32,
        }
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedText {}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl serde::Serialize for SharedText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_reads_as_its_stretch_and_refuses_a_split_character() {
        let text = Arc::new(String::from("法律顾问16次"));
        let s = SharedText::slice(&text, 6..12).expect("on boundaries");
        assert_eq!(s, "顾问");
        assert_eq!(s.len(), 6);
        assert_eq!(
            std::mem::size_of::<SharedText>(),
            16,
            "a thin pointer and two 32-bit offsets"
        );
        assert_eq!(format!("{s:?}"), "\"顾问\"");
        assert!(SharedText::slice(&text, 1..3).is_none());
        assert!(SharedText::slice(&text, 0..99).is_none());
        let inner = s.sub(3..6).expect("inside the stretch");
        assert_eq!(inner, "问");
        assert!(inner.is_stretch_of(&text, 9), "the same text, not a copy");
        assert!(s.sub(3..9).is_none(), "past the stretch's end");
        assert_eq!(SharedText::from("甲"), SharedText::from("甲".to_string()));
    }
}
