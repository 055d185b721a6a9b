//! The text of a PDF's pages in reading order, from the glyphs `pdf-extract` places on them.
//!
//! pdf-extract's own plain-text output starts a new line only when the pen moves both down and
//! left of where the last glyph ended, so a paragraph's short last line (`复。`) runs into the next
//! indented line (`四、存在问题`), and glyphs a typesetter draws out of order (LibreOffice draws
//! curly quotes in a pass of their own) stay out of order. Here every glyph is placed by its
//! baseline: glyphs on one baseline make one line, read left to right, and lines keep the order
//! in which the page first draws them. A line filled to the text's right edge runs on into the
//! next when that one starts at the left edge: the typesetter broke it, so the paragraph is one
//! line again, even where the break fell after a full stop.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use crate::numbering::{Style, parse_marker};

/// One glyph as drawn: where it starts and ends on its baseline, and its text.
#[derive(Debug, Clone)]
struct Glyph {
    x: f64,
    end: f64,
    /// The first glyph of a text-showing operator: only there may a gap mean a space.
    starts_run: bool,
    text: String,
}

/// The glyphs drawn on one baseline.
#[derive(Debug)]
struct Line {
    y: f64,
    size: f64,
    /// Where the line's leftmost glyph starts and its rightmost ends.
    start: f64,
    end: f64,
    glyphs: Vec<Glyph>,
}

/// How many of the latest lines a glyph may join: enough for a pass drawn over a line again (the
/// quotes of a paragraph's last lines), few enough to stay linear on hostile pages.
const REJOIN_LINES: usize = 16;

/// Collects the glyphs of every page as lines; [`Pages::text`] writes them out.
#[derive(Debug, Default)]
pub(super) struct Pages {
    pages: Vec<Vec<Line>>,
    starts_run: bool,
}

/// A line of a page's text as it is read: the typeset lines it joins; whether the last of them
/// was filled to the text's right edge, so that the paragraph may go on on the next page; whether
/// the first starts at the text's left edge, so that it may go on from the page before.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PageLine {
    pub text: String,
    pub full: bool,
    pub flush: bool,
    /// Set apart from the line above (or the first of its page), as a page number in the footer
    /// is; a line of digits right under a line of text ends its paragraph instead.
    pub apart: bool,
}

impl Pages {
    /// Each page's lines, in drawing order, glyphs on a line left to right.
    pub fn lines(self) -> Vec<Vec<PageLine>> {
        self.pages.into_iter().map(page_lines).collect()
    }

    /// Each page's text, a line break after every line.
    #[cfg(test)]
    pub fn text(self) -> Vec<String> {
        self.lines()
            .into_iter()
            .map(|p| p.into_iter().map(|l| l.text + "\n").collect())
            .collect()
    }
}

fn page_lines(mut lines: Vec<Line>) -> Vec<PageLine> {
    // The text block's edges: where most lines start and the widest line ends.
    let left = lines.iter().map(|l| l.start).fold(f64::INFINITY, f64::min);
    let right = lines.iter().map(|l| l.end).fold(f64::NEG_INFINITY, f64::max);
    // Only prose has an edge that lines are broken at: a measure of fifteen characters at least,
    // reached by three lines at least. A page of short lines (a table, names) keeps every break.
    let size = lines.iter().map(|l| l.size).fold(0.0, f64::max);
    let at_edge = lines.iter().filter(|l| l.end >= right - 1.5 * l.size).count();
    let prose = right - left >= 15.0 * size && at_edge >= 3;
    let mut out: Vec<PageLine> = Vec::new();
    let mut previous: Option<&Line> = None;
    for line in &mut lines {
        line.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    for line in &lines {
        let text = line_text(line);
        let full = prose && line.end >= right - 1.5 * line.size;
        match (previous, out.last_mut()) {
            (Some(prev), Some(last)) if prose && wraps_into(prev, line, left, right) && !starts_heading(&text) => {
                run_on(&mut last.text, &text);
                last.text.push_str(&text);
                last.full = full;
            }
            _ => out.push(PageLine {
                text,
                full,
                flush: line.start - left < 0.5 * line.size,
                apart: previous.is_none_or(|prev| prev.y - line.y > 2.0 * prev.size.max(line.size)),
            }),
        }
        previous = Some(line);
    }
    out
}

/// Does `line` go on with the paragraph of `prev`? It does when `prev` is filled to the right
/// edge of the text and `line` starts at its left edge, just below: a typesetter broke the line,
/// not the writer. A paragraph's indented first line, a short last line, a centred title and a
/// gap between paragraphs all keep their break.
fn wraps_into(prev: &Line, line: &Line, left: f64, right: f64) -> bool {
    let size = prev.size.max(line.size);
    let below = prev.y - line.y;
    prev.end >= right - 1.5 * size && line.start - left < 0.5 * size && below > 0.5 * size && below < 2.5 * size
}

/// Joins the lines of a page's text that a typesetter broke, when only the text is known (PDFs
/// read through a predefined CMap carry no glyph widths here): a line about as wide as the page's
/// widest (a twentieth and a Chinese character short at most: narrow Latin letters and digits fit
/// more in a line than their columns say) was filled to the edge, so the next line goes on with
/// it, unless that one starts a heading.
pub(super) fn join_full_lines(page: &str) -> Vec<PageLine> {
    use unicode_width::UnicodeWidthStr;
    let widest = page.lines().map(|l| l.trim_end().width()).max().unwrap_or(0);
    let filled = |line: &str| line.trim_end().width() + 2 + widest / 20 >= widest;
    // As for glyphs: prose is thirty columns wide at least, and three lines reach its edge.
    let prose = widest >= 30 && page.lines().filter(|l| filled(l)).count() >= 3;
    let mut out: Vec<PageLine> = Vec::new();
    for line in page.lines() {
        let full = prose && filled(line);
        match out.last_mut() {
            Some(last) if last.full && !starts_heading(line) => {
                run_on(&mut last.text, line);
                last.text.push_str(line);
                last.full = full;
            }
            // Where a line is is not known here: any may go on from the page before, any may be
            // a page number.
            _ => out.push(PageLine {
                text: line.to_string(),
                full,
                flush: true,
                apart: true,
            }),
        }
    }
    out
}

/// Prepares `out` for the line `next` that goes on with it: a number or a Latin word cut by the
/// line's end joins up; two Latin words keep their space.
pub(super) fn run_on(out: &mut String, next: &str) {
    if out.ends_with(|c: char| c.is_ascii_alphabetic()) && next.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        out.push(' ');
    }
}

/// A heading's number at the start of a line keeps it on a line of its own, even after a full
/// line; an enumerated item (`二是`) runs on inside its paragraph, as it is written.
pub(super) fn starts_heading(text: &str) -> bool {
    parse_marker(text).is_some_and(|m| m.style != Style::Enumeration)
}

/// A line's glyphs, left to right; a gap where a text run starts is a space.
fn line_text(line: &Line) -> String {
    let mut out = String::new();
    let mut end: Option<f64> = None;
    for g in &line.glyphs {
        if g.starts_run && end.is_some_and(|e| g.x > e + line.size * 0.1) {
            out.push(' ');
        }
        out.push_str(&g.text);
        end = Some(end.map_or(g.end, |e| e.max(g.end)));
    }
    out
}

impl OutputDev for Pages {
    fn begin_page(&mut self, _: u32, _: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.pages.push(Vec::new());
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let starts_run = std::mem::take(&mut self.starts_run);
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        // The size the glyph is drawn at: the font size scaled by the text rendering matrix.
        let size = font_size * (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let (x, y) = (trm.m31, trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite()) || text.is_empty() {
            return Ok(());
        }
        let glyph = Glyph {
            x,
            end: x + width * size,
            starts_run,
            text: text.to_string(),
        };
        // A baseline within half a glyph of the current line's is that line (a superscript too).
        // An earlier line takes a glyph only inside its own span, so a second pass over a line
        // (its quotes) rejoins it while a second column beside it does not.
        let last = page.len().saturating_sub(1);
        let recent = page.len().saturating_sub(REJOIN_LINES);
        let found = page[recent..].iter_mut().enumerate().rev().find_map(|(i, l)| {
            let near = l.size.max(size);
            let inside = x >= l.start - near && x <= l.end + near;
            ((l.y - y).abs() <= near * 0.5 && (recent + i == last || inside)).then_some(l)
        });
        match found {
            Some(line) => {
                line.start = line.start.min(glyph.x);
                line.end = line.end.max(glyph.end);
                line.glyphs.push(glyph);
            }
            None => page.push(Line {
                y,
                size,
                start: glyph.x,
                end: glyph.end,
                glyphs: vec![glyph],
            }),
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.starts_run = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(pages: &mut Pages, x: f64, y: f64, text: &str, starts_run: bool) {
        if starts_run {
            pages.begin_word().unwrap();
        }
        let trm = Transform::row_major(1.0, 0.0, 0.0, 1.0, x, y);
        pages.output_character(&trm, 1.0, 0.0, 10.0, text).unwrap();
    }

    /// Pages with one page begun, for glyphs to be drawn on.
    fn one_page() -> Pages {
        let mut p = Pages::default();
        let media = MediaBox {
            llx: 0.0,
            lly: 0.0,
            urx: 600.0,
            ury: 800.0,
        };
        p.begin_page(1, &media, None).unwrap();
        p
    }

    /// One page with each line drawn as one run, ten units a character, from (x, y).
    fn page(lines: &[(f64, f64, &str)]) -> String {
        let mut p = one_page();
        for &(x, y, text) in lines {
            for (i, c) in text.chars().enumerate() {
                draw(&mut p, x + i as f64 * 10.0, y, &c.to_string(), i == 0);
            }
        }
        p.text().concat()
    }

    #[test]
    fn lines_broken_at_the_edge_run_on_and_paragraphs_headings_keep_their_breaks() {
        let full = "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛。";
        let text = page(&[
            (70.0, 700.0, "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚"),
            (50.0, 682.0, full), // broken after a full stop at the edge: still one paragraph
            (50.0, 664.0, full),
            (50.0, 646.0, "答复。"),
            (70.0, 628.0, "四、存在问题"), // indented, and starts left of where `答复。` ended
            (50.0, 610.0, full),
            (50.0, 592.0, "二、下一步"), // a heading after a full line
        ]);
        let want = format!("甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚{full}{full}答复。\n四、存在问题\n{full}\n二、下一步\n");
        assert_eq!(text, want);
    }

    #[test]
    fn a_page_of_short_lines_keeps_every_break() {
        let text = page(&[
            (40.0, 800.0, "事项 | 2023年 | 2024年"),
            (40.0, 788.0, "规范性文件 | 4件 | 6件"),
        ]);
        assert_eq!(text, "事项 | 2023年 | 2024年\n规范性文件 | 4件 | 6件\n");
    }

    #[test]
    fn glyphs_drawn_out_of_order_on_a_line_read_left_to_right() {
        let mut p = one_page();
        // `把“放管服”改革`, the quotes drawn afterwards in a second pass.
        for (i, c) in ["把", "", "放", "管", "服", "", "改", "革"].iter().enumerate() {
            if !c.is_empty() {
                draw(&mut p, 50.0 + i as f64 * 10.0, 700.0, c, i == 0);
            }
        }
        draw(&mut p, 70.0, 682.0, "下", true);
        draw(&mut p, 60.0, 700.0, "“", true);
        draw(&mut p, 100.0, 700.0, "”", true);
        assert_eq!(p.text(), ["把“放管服”改革\n下\n"]);
    }

    #[test]
    fn full_lines_run_on_unless_a_heading_follows() {
        let full = "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己";
        let page = format!("{full}。\n{full}\n戊己。\n一、标题\n{full}\n二、标题\n");
        let want = format!("{full}。{full}戊己。\n一、标题\n{full}\n二、标题\n");
        let joined = |page: &str| -> String { join_full_lines(page).into_iter().map(|l| l.text + "\n").collect() };
        assert_eq!(joined(&page), want);
        // Short lines only: nothing joins.
        assert_eq!(joined("姓名\n单位\n"), "姓名\n单位\n");
    }

    #[test]
    fn a_gap_at_a_run_start_is_a_space() {
        let mut p = one_page();
        draw(&mut p, 50.0, 700.0, "A", true);
        draw(&mut p, 65.0, 700.0, "B", true);
        draw(&mut p, 75.0, 700.0, "C", false);
        assert_eq!(p.text(), ["A BC\n"]);
    }

    #[test]
    fn a_second_column_beside_earlier_lines_is_not_woven_into_them() {
        let text = page(&[
            (50.0, 700.0, "甲"),
            (50.0, 680.0, "乙"),
            (300.0, 700.0, "丙"),
            (300.0, 680.0, "丁"),
        ]);
        assert_eq!(text, "甲\n乙\n丙\n丁\n");
    }
}
