//! What the review's entries are keyed by: content, not positions, so that they survive a restart,
//! a renamed copy, and edits elsewhere in the report.

use super::ReportRef;
use crate::align::Row;
use crate::outline::Document;
use crate::sides::Sides;
use crate::text::Digest;
use crate::topics::Taxonomy;

/// A digest as the review file writes it: 16 hex digits.
pub fn hex(digest: u64) -> String {
    format!("{digest:016x}")
}

/// Adds a piece of text to `d`, ended so that moving text between pieces changes the digest.
fn add(d: &mut Digest, text: &str) {
    d.bytes(text);
    d.bytes("\u{1f}");
}

/// A report as the review knows it: the digest of every character it holds (frame, sections,
/// closing and attachments), where it was read from, and its title.
pub fn report(doc: &Document) -> ReportRef {
    let mut d = Digest::default();
    for s in [&doc.title, &doc.addressee, &doc.signature, &doc.date] {
        add(&mut d, s.as_deref().unwrap_or(""));
    }
    // The text piece by piece, as one: each piece's bytes, the end mark after all of them.
    doc.each_text(&mut |piece| d.bytes(piece));
    add(&mut d, "");
    for p in doc.closing.iter().chain(&doc.trailer) {
        add(&mut d, &p.text);
    }
    let path = std::fs::canonicalize(&doc.path).map_or_else(|_| doc.path.clone(), |p| p.display().to_string());
    ReportRef {
        id: hex(d.finish()),
        path,
        title: doc.title.clone().unwrap_or_default(),
    }
}

/// The two reports of a pair as the review knows them; large ones digested side by side.
pub fn reports(docs: Sides<&Document>) -> [ReportRef; 2] {
    let large = docs.left.all_len() + docs.right.all_len() > 1 << 20;
    let Sides { left, right } = Sides::from_fn_apart(large, |side| report(docs[side]));
    [left, right]
}

/// A sentence's key: the digest of its trimmed text (what filing looks refilings up by).
pub fn sentence(text: &str) -> u64 {
    crate::text::sentence_digest(text)
}

/// A row's key: its topic's id, or for a row paired by content, its label's digest.
pub fn row(row: &Row, tax: &Taxonomy) -> String {
    match row.topic {
        Some(t) => tax.topic(t).id.clone(),
        None => format!("content-{}", hex(crate::text::digest(&row.label))),
    }
}

/// The digest of what a row shows on both sides: a reviewed mark holds for this content only.
pub fn row_content(row: &Row) -> String {
    let mut d = Digest::default();
    for (k, side) in row.passages.both().into_iter().enumerate() {
        if k == 1 {
            add(&mut d, "\u{1e}");
        }
        for p in side {
            add(&mut d, &p.text);
        }
    }
    hex(d.finish())
}

/// A change's key: the digest of its sentence in each report (`None` where it has none).
pub fn change(left: Option<&str>, right: Option<&str>) -> String {
    let mut d = Digest::default();
    add(&mut d, left.map_or("\u{0}", str::trim));
    add(&mut d, right.map_or("\u{0}", str::trim));
    hex(d.finish())
}

/// A figure's key: the figure as a note names it (what it counts, its values).
pub fn figure(what: &str) -> String {
    hex(crate::text::digest(what))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceText;
    use crate::outline::outline;

    fn doc(name: &str, text: &str) -> Document {
        outline(&SourceText::from_bytes(name, text.as_bytes()).expect("decodes"))
    }

    #[test]
    fn a_report_is_known_by_its_content_not_its_name() {
        let text = "某局2024年法治政府建设情况报告\n一、法律顾问\n聘请法律顾问2名。\n附件:名单";
        let (a, b) = (report(&doc("a.txt", text)), report(&doc("b.txt", text)));
        assert_eq!(a.id, b.id, "a renamed copy");
        assert_ne!(a.path, b.path);
        let edited = report(&doc("a.txt", &text.replace("名单", "名册")));
        assert_ne!(a.id, edited.id, "the attachment line counts too");
    }

    #[test]
    fn change_keys_tell_sides_apart() {
        assert_ne!(change(Some("甲。"), None), change(None, Some("甲。")));
        assert_eq!(change(Some(" 甲。"), Some("乙。")), change(Some("甲。"), Some("乙。 ")));
        assert_eq!(hex(1), "0000000000000001");
    }
}
