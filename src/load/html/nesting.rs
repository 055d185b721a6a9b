//! How deep a page nests its elements, and how many it has, counted before parsing.

/// Deepest nesting of elements a page may have. Real pages stay under a hundred; the HTML parser's
/// work grows with the square of the depth (each start tag looks through the open elements).
pub(super) const MAX_NESTING: usize = 2_000;

/// Most elements a page may have. The parser holds some 470 bytes an element (a million `<p>a</p>`
/// took 470 MB and 5 s before their text was refused); a saved report runs to a few thousand, a
/// long one exported from Word to some hundred thousand.
pub(super) const MAX_ELEMENTS: usize = 1 << 19;

/// What the tags of a page say, before it is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Markup {
    /// How deep its elements nest.
    pub depth: usize,
    /// Start tags, of every element.
    pub elements: usize,
}

/// Elements that never hold others, or that the parser closes by itself when the next one starts:
/// not counted as nesting.
const UNNESTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "optgroup", "rp", "rt", "colgroup",
    "caption", "head", "body", "html",
];

/// How deep a page's elements nest and how many there are, counted from its tags before parsing
/// (script and style contents skipped).
pub(super) fn markup(html: &str) -> Markup {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at, mut elements) = (0usize, 0usize, 0usize, 0usize);
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
        elements += usize::from(!closing);
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
    Markup {
        depth: deepest,
        elements,
    }
}

#[cfg(test)]
fn nesting(html: &str) -> usize {
    markup(html).depth
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

    #[test]
    fn every_start_tag_counts_as_an_element() {
        let page = "<html><body><div><p>一<p>二<br><img src=x/></div><script>a<b</script></body></html>";
        assert_eq!(markup(page).elements, 8);
        assert_eq!(markup(&"<p>a</p>".repeat(1000)).elements, 1000);
        assert_eq!(markup("a < b, <> </p>").elements, 0);
    }
}
