//! How many pieces a text breaks into: its line breaks and sentence stops. A comparison holds a
//! few hundred bytes for every paragraph and sentence, a few times a report's size for a report,
//! whose sentences run 50 bytes and more; a text of little else (millions of two-letter lines, or
//! of stops) would take gigabytes. Past a limit tied to the size limit it is refused.

/// Bytes of the size limit (`--max-size`) for each piece a text may hold: the default 16 MiB
/// allows 524,288; a 16 MiB report holds some 150,000 (one every 100–125 bytes), a synthetic one
/// numbered on every line some 290,000. At the limit, a pair of two-letter lines takes some 320 MB
/// to compare, and 1.1 GB in the interface.
pub const BYTES_PER_PIECE: u64 = 32;

/// How many pieces a text read under the size limit `max_bytes` may hold.
pub fn limit(max_bytes: u64) -> usize {
    usize::try_from(max_bytes / BYTES_PER_PIECE).unwrap_or(usize::MAX)
}

/// Line breaks (`\n`, a `\r` alone, U+0085, U+2028, U+2029) and sentence stops (`。！？；!?;`) in
/// `text`: at least as many as the paragraphs and sentences it makes. Read byte by byte: every
/// report pays for it.
pub fn count(text: &str) -> usize {
    let b = text.as_bytes();
    let before = |i: usize, lead: [u8; 2]| i >= 2 && b[i - 2..i] == lead;
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        n += usize::from(match c {
            b'\n' | b'!' | b'?' | b';' => true,
            b'\r' => b.get(i + 1) != Some(&b'\n'),
            // 。
            0x82 => before(i, [0xE3, 0x80]),
            // ！ ？ ；
            0x81 | 0x9F | 0x9B => before(i, [0xEF, 0xBC]),
            // U+2028, U+2029
            0xA8 | 0xA9 => before(i, [0xE2, 0x80]),
            // U+0085
            0x85 => i >= 1 && b[i - 1] == 0xC2,
            _ => false,
        });
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_every_line_break_and_stop_and_nothing_else() {
        assert_eq!(
            count("一、总体情况\n全年办理案件16件。人员不足！\r\n是否？是；a!b?c;"),
            9
        );
        assert_eq!(count("一\r二\u{2028}三\u{2029}四\u{85}五"), 4);
        // Characters ending in a stop's last byte are not stops: 。 (E3 80 82 is 。) no, but 亂
        // (E4 BA 82), 驛 (E9 A9 9B), 〨 (E3 80 A8) and 腅 (E8 85 85) end as 。, ；, U+2028, U+0085.
        assert_eq!(count("亂驛〨腅"), 0);
        assert_eq!(count(""), 0);
        assert_eq!(limit(16 << 20), 1 << 19);
    }

    #[test]
    fn counts_as_many_as_the_chars_that_are_breaks_or_stops() {
        let text: String = (0..5000u32)
            .map(|k| char::from_u32(0x3000 + (k * 7919) % 0xD000).unwrap_or('\n'))
            .chain("。！？；!?;\n\r\u{2028}\u{2029}\u{85}".chars())
            .collect();
        let plain = text
            .char_indices()
            .filter(|&(i, c)| {
                matches!(
                    c,
                    '\n' | '!' | '?' | ';' | '。' | '！' | '？' | '；' | '\u{85}' | '\u{2028}' | '\u{2029}'
                ) || (c == '\r' && !text[i + 1..].starts_with('\n'))
            })
            .count();
        assert_eq!(count(&text), plain);
    }
}
