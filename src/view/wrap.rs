//! Wrapping styled text to a display width: CJK characters take two columns, no character or
//! grapheme cluster (a flag, an emoji joined by ZWJ, a letter with its accents) is ever split, widths
//! are counted per cluster exactly as ratatui paints them, and a line never starts with closing
//! punctuation when it can be avoided.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::lines::{Line, Seg};
use super::width::{display_text, is_unsteady};
use crate::units::figure_len;

/// Each character's share of the display width (the reference the streaming measure is checked against): a cluster's width on its first character, 0 on
/// the rest; and whether a character continues a cluster (no line may break before it).
#[cfg(test)]
fn cluster_widths(text: &str) -> (Vec<usize>, Vec<bool>) {
    let mut widths = Vec::with_capacity(text.len());
    let mut inside = Vec::with_capacity(text.len());
    // Report text is almost all CJK, ASCII and punctuation, where every character is a cluster of
    // its own: no need for the cluster rules, which cost more than the rest of the wrapping.
    if text.chars().all(is_lone) {
        let mut buf = [0; 4];
        for c in text.chars() {
            widths.push(UnicodeWidthStr::width(&*c.encode_utf8(&mut buf)));
            inside.push(false);
        }
        return (widths, inside);
    }
    by_clusters(text, widths, inside)
}

fn by_clusters(text: &str, mut widths: Vec<usize>, mut inside: Vec<bool>) -> (Vec<usize>, Vec<bool>) {
    for g in text.graphemes(true) {
        for (k, _) in g.chars().enumerate() {
            widths.push(if k == 0 { UnicodeWidthStr::width(g) } else { 0 });
            inside.push(k > 0);
        }
    }
    (widths, inside)
}

/// A character that is a grapheme cluster of its own whatever stands next to it (among those that
/// reports are made of): it neither extends nor joins, nor is it joined by, its neighbours. Left
/// out: carriage returns (CR LF is one cluster), combining marks (U+0300…, kana voicing U+3099,
/// U+309A, ideographic tone marks U+302A…U+302F, half-width voicing U+FF9E, U+FF9F), joiners,
/// variation selectors, Hangul jamo, regional indicators: everything the cluster rules can join.
fn is_lone(c: char) -> bool {
    // The two ranges report text is mostly made of, before the rest.
    is_common(c)
        || matches!(c,
        ' '..='~' | '\n' | '\t'
        | '\u{a0}'..='\u{2ff}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{2100}'..='\u{2bff}'
        | '\u{3000}'..='\u{3029}'
        | '\u{3030}'..='\u{3098}'
        | '\u{309b}'..='\u{30ff}'
        | '\u{3200}'..='\u{9fff}'
        | '\u{ff01}'..='\u{ff9d}'
        | '\u{ffa0}'..='\u{ffef}')
}

/// Printable ASCII and the unified ideographs: what report text is mostly made of.
fn is_common(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{4e00}'..='\u{9fff}')
}

/// The display width of a character that is a cluster of its own ([`is_lone`]), as
/// `UnicodeWidthStr` gives it for the character alone; the common ranges without a table lookup.
fn lone_width(c: char) -> usize {
    match c {
        ' '..='~' => 1,
        '\u{4e00}'..='\u{9fff}' => 2,
        _ => UnicodeWidthStr::width(&*c.encode_utf8(&mut [0; 4])),
    }
}

/// For each character of `text`, whether a line may not break before it: inside a figure and its
/// unit (`1` / `1件` never part), and before closing punctuation (kinsoku).
fn glued(text: &str) -> Vec<bool> {
    let mut out = Vec::with_capacity(text.len());
    let mut figure_end = 0;
    let mut previous_digit = false;
    for (i, c) in text.char_indices() {
        let starts_figure = c.is_ascii_digit() && !previous_digit && i >= figure_end;
        if starts_figure {
            figure_end = i + figure_len(&text[i..]);
        }
        out.push(crate::chars::is_no_line_start(c) || (i < figure_end && !starts_figure));
        previous_digit = c.is_ascii_digit();
    }
    out
}

/// Where each line of `text` wrapped to `width` columns starts, in characters (the first is 0): the
/// wrapping itself, apart from building the lines, so that a layout can count a text's lines without
/// making them. A run that may not be broken (a figure with its unit, a character and the closing
/// punctuation after it) moves down whole, unless it would not fit on a line of its own; a wide
/// character never straddles; `\n` ends a line (and is on none).
pub fn line_starts(text: &str, width: usize) -> Vec<usize> {
    if let Some(starts) = lone_starts(text, width) {
        return starts;
    }
    let (widths, inside) = by_clusters(text, Vec::new(), Vec::new());
    let glue = glued(text);
    let cells = text
        .chars()
        .enumerate()
        .map(|(k, c)| (c, widths[k], inside[k], glue[k] || inside[k]));
    breaks(cells, width)
}

/// [`line_starts`] of `text` as painted ([`display_text`]). Report text, every character a cluster
/// of its own, is painted as it stands (the characters painting changes are none of those) and is
/// measured in one pass, without a copy.
pub fn painted_starts(text: &str, width: usize) -> Vec<usize> {
    lone_starts(text, width).unwrap_or_else(|| line_starts(&display_text(text), width))
}

/// The line starts of `text` when every character of it is a cluster of its own ([`is_lone`]),
/// streamed through with no table per character (a report of one sentence is measured without
/// holding three copies of its length); `None` at the first character that is not.
fn lone_starts(text: &str, width: usize) -> Option<Vec<usize>> {
    let mut lone = true;
    let mut figure_end = 0;
    let mut previous_digit = false;
    let cells = text.char_indices().map_while(|(i, c)| {
        if !is_lone(c) {
            lone = false;
            return None;
        }
        let digit = c.is_ascii_digit();
        let starts_figure = digit && !previous_digit && i >= figure_end;
        if starts_figure {
            figure_end = i + figure_len(&text[i..]);
        }
        let glue = (i < figure_end && !starts_figure) || crate::chars::is_no_line_start(c);
        previous_digit = digit;
        Some((c, lone_width(c), false, glue))
    });
    let starts = breaks(cells, width);
    lone.then_some(starts)
}

/// The line starts of characters given as (character, width, inside a cluster, glued to the one
/// before). A character that does not fit moves to the next line with the glued run it ends, from
/// the run's head (the last character on the line glued to nothing before it), unless that head
/// opens the line; the run's width is known from the width used before its head.
fn breaks(cells: impl Iterator<Item = (char, usize, bool, bool)>, width: usize) -> Vec<usize> {
    let width = width.max(2);
    let mut starts = vec![0];
    let mut used = 0;
    // Index (in characters) of the first character of the current line.
    let mut line_start = 0;
    // The last character not glued to the one before it, and the width used before it on its line.
    let (mut head, mut before_head) = (0, 0);
    for (at, (c, w, inside, glue)) in cells.enumerate() {
        if c == '\n' {
            line_start = at + 1;
            starts.push(line_start);
            used = 0;
            continue;
        }
        if used + w > width && used > 0 && !inside {
            if glue && head > line_start {
                line_start = head;
                used -= before_head;
            } else {
                line_start = at;
                used = 0;
            }
            starts.push(line_start);
        }
        if !glue {
            (head, before_head) = (at, used);
        }
        used += w;
    }
    starts
}

/// How many lines `segs` take wrapped to `width` (what [`wrap`] makes, without making it).
pub fn line_count(text: &str, width: usize) -> usize {
    painted_starts(text, width).len()
}

/// Segments cut into lines where `starts` says (characters of their joined text; the first 0), up
/// to character `end` when given.
pub fn wrap_at(segs: &[Seg], starts: &[usize], end: Option<usize>) -> Vec<Line> {
    let mut lines = vec![Line::default(); starts.len().max(1)];
    let (mut line, mut k) = (0, 0);
    for seg in segs {
        for c in seg.text.chars() {
            if end.is_some_and(|e| k >= e) {
                return lines;
            }
            while starts.get(line + 1).is_some_and(|&s| s <= k) {
                line += 1;
            }
            k += 1;
            if c != '\n' {
                push_char(&mut lines[line], c, seg);
            }
        }
    }
    lines
}

/// Wraps segments into lines of at most `width` columns, as [`line_starts`] breaks their text.
pub fn wrap(segs: &[Seg], width: usize) -> Vec<Line> {
    let segs = painted(segs);
    let text: String = segs.iter().map(|s| s.text.as_str()).collect();
    wrap_at(&segs, &line_starts(&text, width), None)
}

/// Segments as they are painted ([`display_text`]): copied only when something is left out of
/// them (rare), since this runs for every line laid out.
fn painted(segs: &[Seg]) -> std::borrow::Cow<'_, [Seg]> {
    if segs.iter().any(|s| s.text.contains(is_unsteady)) {
        segs.iter()
            .map(|s| s.styled_like(display_text(&s.text).into_owned()))
            .collect()
    } else {
        std::borrow::Cow::Borrowed(segs)
    }
}

/// Appends a character, into the last segment when it looks the same.
fn push_char(line: &mut Line, c: char, seg: &Seg) {
    match line.segs.last_mut() {
        Some(last) if last.same_look(seg) => last.text.push(c),
        // Not `..seg.clone()`: that copies the segment's text, maybe a whole report, per line.
        _ => line.segs.push(seg.styled_like(c.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::lines::Look;
    use crate::view::width::str_width;

    /// Wraps segments into lines of at most `width` columns (a wide character never straddles). A run
    /// that may not be broken (a figure with its unit, a character and the closing punctuation after it)
    /// moves down whole, unless it would not fit on a line of its own.
    fn wrap_by_lines(segs: &[Seg], width: usize) -> Vec<Line> {
        let width = width.max(2);
        let shown = painted(segs);
        let segs = &shown[..];
        let text: String = segs.iter().map(|s| s.text.as_str()).collect();
        let (widths, inside) = cluster_widths(&text);
        let glue: Vec<bool> = glued(&text).into_iter().zip(&inside).map(|(g, &i)| g || i).collect();
        let mut lines = vec![Line::default()];
        let mut used = 0;
        // Index (in characters of `text`) of the first character of the current line.
        let mut line_start = 0;
        let mut k = 0;
        for seg in segs {
            for c in seg.text.chars() {
                let at = k;
                k += 1;
                if c == '\n' {
                    lines.push(Line::default());
                    used = 0;
                    line_start = k;
                    continue;
                }
                let w = widths[at];
                if used + w > width && used > 0 && !inside[at] {
                    // Back to where the run this character belongs to starts, if that is on this line.
                    let run_start = (line_start + 1..=at).rev().find(|&j| !glue[j]).unwrap_or(at);
                    let carry = if glue[at] && run_start > line_start {
                        at - run_start
                    } else {
                        0
                    };
                    let mut carried = Vec::new();
                    for _ in 0..carry {
                        match lines.last_mut().and_then(Line::pop_char) {
                            Some(x) => carried.push(x),
                            None => break,
                        }
                    }
                    lines.push(Line::default());
                    used = 0;
                    line_start = at - carried.len();
                    let line = lines.last_mut().expect("just pushed");
                    for (k, (ch, template)) in carried.into_iter().rev().enumerate() {
                        used += widths[line_start + k];
                        push_char(line, ch, &template);
                    }
                }
                push_char(lines.last_mut().expect("never empty"), c, seg);
                used += w;
            }
        }
        lines
    }

    #[test]
    fn breaking_at_line_starts_wraps_as_building_lines_did() {
        let texts = [
            "全年提供法律咨询16次，有效防范了法律风险。“法律顾问”制度（2023年）落实到位！",
            "abc def 1,234.5万元。。。。。。。。。\n\n第二段：e\u{301}🇨🇳👨\u{200d}👩 中文",
            "2024年12月31日前完成100%的任务；其余部分在2025年完成。",
            "",
            "\n",
            "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
        ];
        for text in texts {
            for width in [2, 3, 5, 8, 13, 21, 40] {
                // In three looks, split anywhere: a figure or a run may straddle two segments.
                let chars: Vec<char> = text.chars().collect();
                let third = chars.len() / 3;
                let part = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
                let segs = vec![
                    Seg::new(part(0..third), Look::Plain),
                    Seg::new(part(third..2 * third), Look::Inserted),
                    Seg::new(part(2 * third..chars.len()), Look::Deleted),
                ];
                assert_eq!(
                    texts_of(&wrap(&segs, width)),
                    texts_of(&wrap_by_lines(&segs, width)),
                    "{text:?} at {width}"
                );
                assert_eq!(wrap(&segs, width).len(), line_count(text, width), "{text:?} at {width}");
            }
        }
    }

    proptest::proptest! {
        /// Any text of report pieces (figures, units, closing punctuation, line breaks, clusters)
        /// breaks where building the lines one character at a time does, at any width.
        #[test]
        fn line_starts_break_where_building_lines_does(
            pieces in proptest::collection::vec(0usize..PIECES.len(), 0..60),
            width in 2usize..30,
        ) {
            let text: String = pieces.iter().map(|&k| PIECES[k]).collect();
            let segs = plain(&text);
            proptest::prop_assert_eq!(texts_of(&wrap(&segs, width)), texts_of(&wrap_by_lines(&segs, width)));
            proptest::prop_assert_eq!(painted_starts(&text, width), line_starts(&display_text(&text), width));
        }
    }

    const PIECES: &[&str] = &[
        "法",
        "律",
        "顾问",
        "，",
        "。",
        "、",
        "”",
        "）",
        "》",
        "16",
        "次",
        "1,234.5",
        "万元",
        "%",
        "2024",
        "年",
        "\n",
        " ",
        "a",
        "bc",
        "e\u{301}",
        "🇨🇳",
        "👨\u{200d}👩",
        "❤\u{fe0f}",
        "\u{3000}",
    ];

    fn texts_of(lines: &[Line]) -> Vec<Vec<(String, Look)>> {
        lines
            .iter()
            .map(|l| l.segs.iter().map(|s| (s.text.clone(), s.look)).collect())
            .collect()
    }

    fn plain(text: &str) -> Vec<Seg> {
        vec![Seg::new(text, Look::Plain)]
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn a_report_on_one_line_wraps_in_one_pass() {
        // Each new line's first segment copies the look, not the segment's (megabytes of) text.
        let lines = wrap(&plain(&"法律顾问".repeat(500_000)), 80);
        assert_eq!(lines.len(), 50_000);
        assert!(lines.iter().all(|l| l.width() == 80));
    }

    #[test]
    fn wide_characters_never_straddle_the_edge() {
        assert_eq!(texts(&wrap(&plain("你好啊"), 5)), ["你好", "啊"]);
        assert_eq!(texts(&wrap(&plain("a你好"), 4)), ["a你", "好"]);
        for line in wrap(&plain("法律顾问提供法律咨询十六次"), 7) {
            assert!(line.width() <= 7);
        }
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        assert_eq!(
            texts(&wrap(&plain("完成工作。下一句"), 8)),
            ["完成工", "作。下一", "句"]
        );
        assert_eq!(
            texts(&wrap(&plain("完成工作，下一句"), 9)),
            ["完成工", "作，下一", "句"]
        );
        for line in wrap(&plain("甲乙丙丁。戊己庚辛，壬癸"), 8) {
            assert!(line.width() <= 8);
        }
    }

    #[test]
    fn styles_survive_wrapping() {
        let segs = vec![Seg::new("法律咨询", Look::Plain), Seg::new("16次", Look::Deleted)];
        let lines = wrap(&segs, 6);
        assert_eq!(texts(&lines), ["法律咨", "询16次"]);
        assert_eq!(lines[1].segs[1].look, Look::Deleted);
        assert_eq!(lines[1].segs[1].text, "16次");
    }

    #[test]
    fn a_figure_never_wraps_apart_from_its_unit() {
        // `11件` would break after `1` at width 10; the whole figure moves down.
        assert_eq!(
            texts(&wrap(&plain("共制定文件11件,均已备案"), 12)),
            ["共制定文件", "11件,均已备", "案"]
        );
        assert_eq!(texts(&wrap(&plain("经费达到1.5万元"), 10)), ["经费达到", "1.5万元"]);
        for width in 7..40 {
            let lines = texts(&wrap(
                &plain("全年开展执法检查118次，抽查企业2024家，占比12.5%。"),
                width,
            ));
            for figure in ["118次", "2024家", "12.5%"] {
                assert!(
                    lines.iter().any(|l| l.contains(figure)),
                    "{width}: {figure} split in {lines:?}"
                );
            }
        }
    }

    #[test]
    fn a_figure_wider_than_the_line_still_breaks() {
        let lines = wrap(&plain("编号1234567890123"), 6);
        assert!(lines.iter().all(|l| l.width() <= 6));
        assert_eq!(texts(&lines).concat(), "编号1234567890123");
    }

    #[test]
    fn a_figure_moved_down_keeps_its_look() {
        let segs = vec![Seg::new("今年制定文件", Look::Plain), Seg::new("16次", Look::Inserted)];
        let lines = wrap(&segs, 13);
        assert_eq!(texts(&lines), ["今年制定文件", "16次"]);
        assert_eq!(lines[1].segs[0].look, Look::Inserted);
    }

    #[test]
    fn characters_taken_as_lone_clusters_measure_as_the_cluster_rules_do() {
        let lone: Vec<char> = ('\0'..=char::MAX).filter(|&c| is_lone(c)).collect();
        let slow = |t: &str| by_clusters(t, Vec::new(), Vec::new());
        // Every lone character beside its neighbours in code point order, and beside characters
        // drawn far apart (a fixed pseudo-random walk).
        for chunk in lone.chunks(64) {
            let t: String = chunk.iter().collect();
            assert_eq!(cluster_widths(&t), slow(&t), "{t:?}");
            let r: String = chunk.iter().rev().collect();
            assert_eq!(cluster_widths(&r), slow(&r), "{r:?}");
        }
        let mut x: usize = 12345;
        for _ in 0..2000 {
            let t: String = (0..32)
                .map(|_| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    lone[(x >> 33) % lone.len()]
                })
                .collect();
            assert_eq!(cluster_widths(&t), slow(&t), "{t:?}");
        }
        // The widths taken without a table are the table's.
        for &c in &lone {
            assert_eq!(
                lone_width(c),
                UnicodeWidthStr::width(&*c.encode_utf8(&mut [0; 4])),
                "{c:?}"
            );
        }
        // Text with a joining character goes by the rules.
        let joined = "e\u{301}中";
        assert_eq!(cluster_widths(joined), (vec![1, 0, 2], vec![false, true, false]));
    }

    #[test]
    fn clusters_are_never_split_and_count_as_ratatui_paints_them() {
        let family = "👨\u{200d}👩\u{200d}👧";
        assert_eq!(str_width(family), 2, "one joined emoji, two columns");
        assert_eq!(display_text(family), "👨👩👧", "painted apart: terminals agree on that");
        assert_eq!(display_text("国旗🇨🇳"), "国旗CN");
        assert_eq!(str_width("🇨🇳"), 2);
        assert_eq!(str_width("e\u{301}"), 1, "a letter and its accent");
        let text = format!("中国🇨🇳{family}法治e\u{301}政府{family}🇨🇳建设");
        for width in 2..16 {
            let lines = wrap(&plain(&text), width);
            assert_eq!(texts(&lines).concat(), display_text(&text));
            for line in &lines {
                assert!(line.width() <= width, "{width}: {:?}", line.text());
                let t = line.text();
                // No line starts inside a cluster.
                assert!(!t.starts_with(['\u{200d}', '\u{301}', '🇳']), "{width}: {t:?}");
            }
        }
    }
}
