//! [`SharedText`]: a stretch of a text many holders share, cheap to clone, read as a `str`. A
//! report's passages are stretches of its text; holding them this way keeps one copy of the text
//! however many rows show it.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// Bytes `range` of a shared text (always on character boundaries).
#[derive(Clone, Default)]
pub struct SharedText {
    text: Arc<str>,
    range: Range<usize>,
}

impl SharedText {
    /// Bytes `range` of `text`; `None` when the range is out of bounds or not on character
    /// boundaries.
    pub fn slice(text: &Arc<str>, range: Range<usize>) -> Option<SharedText> {
        text.get(range.clone())?;
        Some(SharedText {
            text: text.clone(),
            range,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text[self.range.clone()]
    }
}

impl Deref for SharedText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for SharedText {
    fn from(s: String) -> Self {
        let range = 0..s.len();
        SharedText {
            text: Arc::from(s),
            range,
        }
    }
}

impl From<&str> for SharedText {
    fn from(s: &str) -> Self {
        SharedText {
            text: Arc::from(s),
            range: 0..s.len(),
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
        let text: Arc<str> = Arc::from("法律顾问16次");
        let s = SharedText::slice(&text, 6..12).expect("on boundaries");
        assert_eq!(s, "顾问");
        assert_eq!(s.len(), 6);
        assert_eq!(format!("{s:?}"), "\"顾问\"");
        assert!(SharedText::slice(&text, 1..3).is_none());
        assert!(SharedText::slice(&text, 0..99).is_none());
        assert_eq!(SharedText::from("甲"), SharedText::from("甲".to_string()));
    }
}
