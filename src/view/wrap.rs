//! Wrapping styled text to a display width: CJK characters take two columns, no character is ever
//! split, and a line never starts with closing punctuation when it can be avoided.

use unicode_width::UnicodeWidthChar;

use super::lines::{Line, Seg};

/// Display width of a character; control characters (never present after loading) count as zero.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Punctuation that should not begin a line (kinsoku): the character before it moves down with it.
fn no_line_start(c: char) -> bool {
    "，。、；：！？）》」』”’,.;:!?)".contains(c)
}

/// Wraps segments into lines of at most `width` columns (a wide character never straddles).
pub fn wrap(segs: &[Seg], width: usize) -> Vec<Line> {
    let width = width.max(2);
    let mut lines = vec![Line::default()];
    let mut used = 0;
    for seg in segs {
        for c in seg.text.chars() {
            if c == '\n' {
                lines.push(Line::default());
                used = 0;
                continue;
            }
            let w = char_width(c);
            if used + w > width && used > 0 {
                let mut carried = None;
                if no_line_start(c) {
                    carried = lines.last_mut().and_then(Line::pop_char);
                }
                lines.push(Line::default());
                used = 0;
                if let Some((ch, seg)) = carried {
                    used += char_width(ch);
                    lines.last_mut().expect("just pushed").segs.push(Seg {
                        text: ch.to_string(),
                        ..seg
                    });
                }
            }
            let line = lines.last_mut().expect("never empty");
            match line.segs.last_mut() {
                Some(last) if last.same_look(seg) => last.text.push(c),
                _ => line.segs.push(Seg {
                    text: c.to_string(),
                    ..seg.clone()
                }),
            }
            used += w;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::lines::Look;

    fn plain(text: &str) -> Vec<Seg> {
        vec![Seg::new(text, Look::Plain)]
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
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
}
