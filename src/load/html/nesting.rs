//! How deep a page nests its elements, counted before parsing.

/// Deepest nesting of elements a page may have. Real pages stay under a hundred; the HTML parser's
/// work grows with the square of the depth (each start tag looks through the open elements).
pub(super) const MAX_NESTING: usize = 2_000;

/// Elements that never hold others, or that the parser closes by itself when the next one starts:
/// not counted as nesting.
const UNNESTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "optgroup", "rp", "rt", "colgroup",
    "caption", "head", "body", "html",
];

/// How deep a page's elements nest, counted from its tags before parsing (script and style
/// contents skipped).
pub(super) fn nesting(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(open) = bytes[at..].iter().position(|&b| b == b'<').map(|i| at + i) {
        let closing = bytes.get(open + 1) == Some(&b'/');
        let start = open + 1 + usize::from(closing);
        let len = bytes[start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |i| start + i + 1);
        at = end.max(open + 1);
        if len == 0 {
            continue;
        }
        let name = html[start..start + len].to_ascii_lowercase();
        if UNNESTED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if bytes[..end].ends_with(b"/>") {
            continue;
        } else if name == "script" || name == "style" {
            // Their contents are not markup: go on at the end tag.
            let ends_here = |i: usize| {
                bytes[i..].starts_with(b"</")
                    && bytes[i + 2..]
                        .get(..len)
                        .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            };
            at = (at..bytes.len())
                .find(|&i| bytes[i] == b'<' && ends_here(i))
                .unwrap_or(bytes.len());
        } else {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_counts_elements_that_hold_others() {
        assert_eq!(
            nesting("<html><body><div><div><span>文</span></div><p>一<p>二<br><img src=x></div>"),
            3
        );
        assert_eq!(
            nesting("<div><script>if (a<b && c<div) {}</script><style>p<q</style></div>"),
            1
        );
        assert_eq!(nesting("<div/><div></div><DIV><Div></div></DIV>"), 2);
        assert_eq!(nesting(&"<div>".repeat(3000)), 3000);
    }
}
