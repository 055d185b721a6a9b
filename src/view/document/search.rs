//! A search's matches in a report laid out whole: the screen line each starts on, found on the
//! report's text line by line and placed through the measure, so that the document view can go
//! from match to match without building the lines in between.

use super::DocLayout;
use crate::outline::{Document, Place};
use crate::view::lines::Finder;
use crate::view::measure::lines_at;
use crate::view::wrap::painted_starts;

impl DocLayout {
    /// The screen line each match of `query` starts on, in order (two on a line, twice), for the
    /// report `doc` measured at `width`: found as the lines built show them.
    pub fn match_lines(&self, doc: &Document, width: usize, query: &str) -> Vec<usize> {
        let Some(plan) = &self.plan else { return Vec::new() };
        let finder = Finder::new(query);
        let mut out = Vec::new();
        let mut text: Option<(Place, String)> = None;
        // A source line's first piece stands for all its slices.
        for piece in plan.iter().filter(|p| p.part.start == 0) {
            if text.as_ref().is_none_or(|(p, _)| *p != piece.place) {
                text = Some((piece.place, doc.place_text(piece.place)));
            }
            let Some((_, text)) = &text else { continue };
            let line = &text[piece.range.clone()];
            let found = finder.find(line);
            if found.is_empty() {
                continue;
            }
            let measured;
            let starts = match &piece.starts {
                Some(starts) => starts.as_slice(),
                None => {
                    measured = painted_starts(line, width);
                    &measured
                }
            };
            out.extend(
                lines_at(line, starts, found.iter().map(|r| r.start))
                    .into_iter()
                    .map(|k| piece.start + k),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::sides::Side;
    use crate::view::document::tests::comparison;
    use crate::view::layout::Options;
    use crate::view::marks::marks_by_place;
    use crate::view::testing::opts;

    #[test]
    fn each_match_is_placed_on_the_line_that_shows_it() {
        let long = "法律顾问参与审查。".repeat(40);
        let left = format!("某局2023年报告\n一、法律顾问\n全年提供法律咨询16次。{long}\n二、存在问题\n法律意识不强。");
        let right = "某局2024年报告\n一、法律顾问\n全年提供法律咨询119次。\n二、存在问题\n法律意识仍不强。";
        let c = comparison(&left, right);
        for side in [Side::Left, Side::Right] {
            let marks = marks_by_place(&c.alignment.rows, &c.diffs, side, c.doc(side));
            for width in [7, 20, 60] {
                let searched = Options {
                    query: Some("法律".into()),
                    ..opts()
                };
                let full = super::super::document(c.doc(side), side, &marks, width, &searched);
                let lines = full.match_lines(c.doc(side), width, "法律");
                // Every match once, in order.
                let doc = c.doc(side);
                let text: usize = doc
                    .places()
                    .into_iter()
                    .map(|p| doc.place_text(p).matches("法律").count())
                    .sum();
                assert_eq!(lines.len(), text, "{side:?} {width}");
                assert!(lines.is_sorted(), "{side:?} {width}: {lines:?}");
                // On a line that shows a match, and the first line of a match starts on one.
                let shows = |k: usize| full.lines[k].segs.iter().any(|s| s.matched.is_some());
                assert!(lines.iter().all(|&k| shows(k)), "{side:?} {width}: {lines:?}");
                for k in (0..full.lines.len()).filter(|&k| shows(k) && (k == 0 || !shows(k - 1))) {
                    assert!(lines.contains(&k), "{side:?} {width}: line {k} starts a match");
                }
            }
        }
    }
}
