//! The numbers a browser shows before the items of ordered lists.

/// An ordered list's numbering style: its `type` attribute, else the `list-style-type` of its
/// `style` attribute.
pub(super) fn list_style(e: &scraper::node::Element) -> String {
    if let Some(t) = e.attr("type") {
        return t.trim().to_string();
    }
    e.attr("style")
        .and_then(|s| {
            s.split(';').find_map(|decl| {
                let (property, value) = decl.split_once(':')?;
                (property.trim().eq_ignore_ascii_case("list-style-type")
                    || property.trim().eq_ignore_ascii_case("list-style"))
                .then(|| value.split_whitespace().next().unwrap_or("").to_ascii_lowercase())
            })
        })
        .unwrap_or_default()
}

/// An ordered list's style when the page sets none: decimal, as a browser shows every level; but
/// a list inside another is written `(1)`, and one deeper `①`, so that the levels a page shows by
/// indentation stay levels in the text (numbering is structure, never counted as a change).
pub(super) fn default_style(depth: usize) -> String {
    match depth {
        0 => String::new(),
        1 => "(decimal)".to_string(),
        _ => "circled".to_string(),
    }
}

/// The number a browser shows before the `n`-th item of an ordered list in `style`.
pub(super) fn list_marker(n: u32, style: &str) -> String {
    match style {
        "(decimal)" => return format!("({n})"),
        "circled" => return crate::numbering::circled(n).map_or_else(|| format!("({n})"), String::from),
        _ => {}
    }
    use crate::numbering::{chinese_counting, letters, roman};
    let written = match style {
        "a" | "lower-alpha" | "lower-latin" => letters(n, false),
        "A" | "upper-alpha" | "upper-latin" => letters(n, true),
        "i" | "lower-roman" => roman(n).map(|r| r.to_lowercase()),
        "I" | "upper-roman" => roman(n),
        "cjk-ideographic" | "simp-chinese-informal" | "trad-chinese-informal" | "cjk-decimal" if n < 10_000 => {
            return format!("{}、", chinese_counting(n));
        }
        _ => None,
    };
    format!("{}.", written.unwrap_or_else(|| n.to_string()))
}
