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
        passages: crate::sides::Sides::new(passages(left), passages(right)),
    }
}

/// The row's word diff, character by character (no dictionary needed).
pub fn diff(row: &Row) -> RowDiff {
    diff_row(row, Some(&CharTokenizer), None)
}

/// Layout options with word marks shown and nothing else switched on.
pub fn opts() -> crate::view::layout::Options {
    crate::view::layout::Options {
        marks: true,
        filter: crate::view::layout::Filter::All,
        swapped: false,
        numbering: false,
        query: None,
        stock: None,
    }
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
pub fn texts<'a>(pane: impl IntoIterator<Item = &'a Line>) -> Vec<String> {
    pane.into_iter().map(Line::text).collect()
}

/// An interface over two reports given as text, diffed character by character, laid out for a
/// `width` × `height` terminal.
pub fn app(left: &str, right: &str, width: u16, height: u16) -> crate::view::App {
    use crate::compare::Comparison;
    use crate::keys::Keymap;
    use crate::load::SourceText;
    use crate::outline::outline;
    use crate::topics::Taxonomy;
    use crate::view::{App, Input};
    let doc = |t: &str| outline(&SourceText::from_bytes("t.txt", t.as_bytes()).expect("decodes"));
    let cmp = Comparison::build(doc(left), doc(right), &Taxonomy::builtin());
    let diffs = cmp.word_diffs(&CharTokenizer, std::time::Duration::from_secs(5));
    let mut app = App::new(cmp, Taxonomy::builtin(), Keymap::builtin());
    app.update(Input::WordDiffs(diffs));
    app.update(Input::Resize { width, height });
    app
}

/// Two small reports: changes in two topics, the word 法律 in several rows.
pub const OLD: &str = "某局2023年法治政府建设情况报告\n一、法律顾问\n全年提供法律咨询16次。\n二、学法普法\n组织学法6次。\n开展法律宣传。\n三、存在问题\n问题仍然存在。";
pub const NEW: &str = "某局2024年法治政府建设情况报告\n一、法律顾问\n全年提供法律咨询119次。\n二、学法普法\n组织学法8次。\n开展法律宣传。\n三、存在问题\n问题仍然存在。";
