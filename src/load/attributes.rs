//! A cap on the attributes of one element, applied to markup before it is parsed. The HTML and XML
//! parsers check each new attribute against those before it on the element, so an element with a
//! hundred thousand attributes takes minutes; no real document has more than a few dozen (a Word
//! part's root declares some forty namespaces). Attributes past the cap are cut from the markup;
//! the text is untouched.

use std::borrow::Cow;

/// Most attributes kept on one element.
pub(super) const MAX_ATTRIBUTES: usize = 256;

/// Elements whose content is not markup in HTML: skipped to their end tag.
const RAW_TEXT: &[&[u8]] = &[b"script", b"style", b"title", b"textarea", b"xmp"];

/// `markup` with every element's attributes past the `max`-th removed; borrowed when none had
/// that many. One pass, linear in the markup.
pub(super) fn capped(markup: &str, max: usize) -> Cow<'_, str> {
    let b = markup.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(open) = memchr(b'<', b, at) {
        at = open + 1;
        match b.get(at) {
            Some(b'!') if b[at..].starts_with(b"!--") => at = find(b, at + 3, b"-->").map_or(b.len(), |i| i + 3),
            Some(b'!') if b[at..].starts_with(b"![CDATA[") => at = find(b, at, b"]]>").map_or(b.len(), |i| i + 3),
            Some(b'!' | b'?' | b'/') => at = memchr(b'>', b, at).map_or(b.len(), |i| i + 1),
            Some(c) if c.is_ascii_alphabetic() || *c >= 0x80 || *c == b'_' => {
                let name_end = at
                    + b[at..]
                        .iter()
                        .take_while(|&&c| !is_space(c) && c != b'>' && c != b'/')
                        .count();
                let name = &b[at..name_end];
                at = attributes(b, name_end, max, &mut cuts);
                if let Some(raw) = RAW_TEXT.iter().find(|r| r.eq_ignore_ascii_case(name)) {
                    // Content up to `</name`, not markup.
                    at = (at..b.len())
                        .find(|&i| {
                            b[i] == b'<'
                                && b.get(i + 1) == Some(&b'/')
                                && b.get(i + 2..i + 2 + raw.len())
                                    .is_some_and(|n| n.eq_ignore_ascii_case(raw))
                        })
                        .unwrap_or(b.len());
                }
            }
            _ => {}
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(markup);
    }
    let mut out = String::with_capacity(markup.len());
    let mut copied = 0;
    for (from, to) in cuts {
        out.push_str(&markup[copied..from]);
        copied = to;
    }
    out.push_str(&markup[copied..]);
    Cow::Owned(out)
}

/// Reads the attributes of a start tag from `at` (just past its name) to its `>`; the span of
/// those past the `max`-th goes to `cuts`. Returns where the tag ends.
fn attributes(b: &[u8], mut at: usize, max: usize, cuts: &mut Vec<(usize, usize)>) -> usize {
    let mut count = 0;
    let mut cut_from = None;
    loop {
        while at < b.len() && (is_space(b[at]) || b[at] == b'/') {
            at += 1;
        }
        if at >= b.len() || b[at] == b'>' {
            break;
        }
        let start = at;
        // The name: at least one character, so that a stray `=` or quote still moves on.
        at += 1;
        while at < b.len() && !is_space(b[at]) && !matches!(b[at], b'=' | b'>' | b'/') {
            at += 1;
        }
        let mut after = at;
        while after < b.len() && is_space(b[after]) {
            after += 1;
        }
        if b.get(after) == Some(&b'=') {
            at = after + 1;
            while at < b.len() && is_space(b[at]) {
                at += 1;
            }
            match b.get(at) {
                Some(&q @ (b'"' | b'\'')) => at = memchr(q, b, at + 1).map_or(b.len(), |i| i + 1),
                _ => {
                    while at < b.len() && !is_space(b[at]) && b[at] != b'>' {
                        at += 1;
                    }
                }
            }
        }
        count += 1;
        if count == max + 1 {
            cut_from = Some(start);
        }
    }
    if let Some(from) = cut_from {
        // Up to the tag's end, keeping a self-closing slash.
        let to = if at > from && b.get(at) == Some(&b'>') && b[at - 1] == b'/' {
            at - 1
        } else {
            at
        };
        cuts.push((from, to.max(from)));
    }
    (at + 1).min(b.len())
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn memchr(needle: u8, b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?.iter().position(|&c| c == needle).map(|i| from + i)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_past_the_cap_are_cut_and_the_text_kept() {
        assert_eq!(capped(r#"<p a="1" b='>' c=3 d>文</p>"#, 2), r#"<p a="1" b='>' >文</p>"#);
        assert_eq!(
            capped(r#"<w:p x="1" y="2"/><w:t>文</w:t>"#, 1),
            r#"<w:p x="1" /><w:t>文</w:t>"#
        );
        let few = r#"<p a="1" b="2">文</p><!-- <p c d e f> --><script>if (a<b c d e) {}</script>"#;
        assert!(matches!(capped(few, 2), Cow::Borrowed(_)));
    }

    #[test]
    fn a_hundred_thousand_attributes_cost_one_pass() {
        let attrs: String = (0..100_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let page = format!("<html><body><p{attrs}>一、总体情况</p></body></html>");
        let out = capped(&page, MAX_ATTRIBUTES);
        assert_eq!(out.matches('=').count(), MAX_ATTRIBUTES);
        assert!(out.contains(" a255=\"255\" >一、总体情况</p>"), "{out}");
    }
}
