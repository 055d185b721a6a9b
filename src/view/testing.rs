//! Hand-built rows and diffs for the view's unit tests.

use crate::align::{Passage, PassageKind, Row};
use crate::diff::{CharTokenizer, RowDiff, diff_row};
use crate::view::lines::{Line, Look};

/// A row of one paragraph passage per text on each side.
pub fn row(left: &[&str], right: &[&str]) -> Row {
    let passages = |texts: &[&str]| {
        texts
            .iter()
            .map(|t| Passage::for_test(PassageKind::Paragraph, t))
            .collect()
    };
    Row {
        topic: None,
        label: "测试".into(),
        similarity: 0.0,
        left: passages(left),
        right: passages(right),
    }
}

/// The row's word diff, character by character (no dictionary needed).
pub fn diff(row: &Row) -> RowDiff {
    diff_row(row, Some(&CharTokenizer), None)
}

/// The text of the segments of `look` on a line, joined.
pub fn text_of(line: &Line, look: Look) -> String {
    line.segs
        .iter()
        .filter(|s| s.look == look)
        .map(|s| s.text.as_str())
        .collect()
}

/// Every line's text of a pane.
pub fn texts(pane: &[Line]) -> Vec<String> {
    pane.iter().map(Line::text).collect()
}
