//! Word .docx files: the body's paragraphs in order, one per line, with Word's automatic numbering
//! written out as the numbers a reader sees (`一、`, `（一）`, `1.`), so the outline finds the headings;
//! tables become one line per row with ` | ` between cells. Deleted tracked changes are left out.

use std::collections::HashMap;
use std::rc::Rc;

use roxmltree::{Document, Node};

use super::budget::Budget;
use super::lists::{Counters, Level, Levels, MAX_LEVEL};
use super::xml::Package;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Markup compatibility: `mc:AlternateContent` gives a modern `mc:Choice` and a legacy `mc:Fallback`.
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The text of a .docx file, or why it cannot be read.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let mut package = Package::open(bytes, ".docx")?;
    let body = package
        .part("word/document.xml")?
        .ok_or("is a ZIP archive but not a Word document (no word/document.xml)")?;
    // Numbering and styles only add numbers: a broken one costs the numbers, not the text.
    let numbering_xml = package.part("word/numbering.xml")?;
    let styles_xml = package.part("word/styles.xml")?;
    let numbering_doc = numbering_xml.as_deref().and_then(|t| Document::parse(t).ok());
    let styles_doc = styles_xml.as_deref().and_then(|t| Document::parse(t).ok());
    let numbering = Numbering::read(numbering_doc.as_ref(), styles_doc.as_ref());
    let doc = Document::parse(&body).map_err(|e| format!("has a broken word/document.xml ({e})"))?;
    let body = doc
        .root_element()
        .children()
        .find(|n| is_w(n, "body"))
        .ok_or("has no document body")?;
    let mut out = Writer {
        numbering,
        counters: Counters::default(),
        lines: Vec::new(),
        budget: Budget::for_file(bytes.len(), "text"),
    };
    out.blocks(body)?;
    Ok(out.lines.join("\n"))
}

fn is_w(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| is_w(c, name))
}

/// The `w:val` attribute of the child `name`.
fn val<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    child(node, name).and_then(|c| c.attribute((W, "val")))
}

/// A paragraph's list (numId) and level in it.
type ListLevel = (String, u32);

/// Word's numbering definitions, and the numbering that paragraph styles carry.
#[derive(Debug, Default)]
struct Numbering {
    /// numId → its abstract definition's levels, with any start overrides applied.
    lists: HashMap<String, Levels>,
    /// styleId → the list level given by the style or the style it is based on.
    styles: HashMap<String, ListLevel>,
}

impl Numbering {
    fn read(numbering: Option<&Document>, styles: Option<&Document>) -> Self {
        let mut out = Numbering::default();
        if let Some(doc) = numbering {
            let root = doc.root_element();
            let mut abstracts: HashMap<&str, Levels> = HashMap::new();
            for a in root.children().filter(|n| is_w(n, "abstractNum")) {
                let levels = a
                    .children()
                    .filter(|n| is_w(n, "lvl"))
                    .filter_map(|l| {
                        let ilvl = l
                            .attribute((W, "ilvl"))?
                            .parse()
                            .ok()
                            .filter(|&i: &u32| i <= MAX_LEVEL)?;
                        Some((ilvl, Rc::new(level(l))))
                    })
                    .collect();
                if let Some(id) = a.attribute((W, "abstractNumId")) {
                    abstracts.insert(id, levels);
                }
            }
            for num in root.children().filter(|n| is_w(n, "num")) {
                let (Some(id), Some(abs)) = (num.attribute((W, "numId")), val(num, "abstractNumId")) else {
                    continue;
                };
                let mut levels = abstracts.get(abs).cloned().unwrap_or_default();
                for o in num.children().filter(|n| is_w(n, "lvlOverride")) {
                    let Some(ilvl) = o
                        .attribute((W, "ilvl"))
                        .and_then(|v| v.parse().ok())
                        .filter(|&i| i <= MAX_LEVEL)
                    else {
                        continue;
                    };
                    if let Some(l) = child(o, "lvl") {
                        levels.insert(ilvl, Rc::new(level(l)));
                    }
                    if let Some(start) = val(o, "startOverride").and_then(|v| v.parse().ok()) {
                        Rc::make_mut(levels.entry(ilvl).or_insert_with(|| Rc::new(Level::decimal(ilvl)))).start = start;
                    }
                }
                out.lists.insert(id.to_string(), levels);
            }
        }
        if let Some(doc) = styles {
            // styleId → (its own numbering, the style it is based on)
            let mut own: HashMap<&str, (Option<ListLevel>, Option<&str>)> = HashMap::new();
            for s in doc.root_element().children().filter(|n| is_w(n, "style")) {
                let Some(id) = s.attribute((W, "styleId")) else {
                    continue;
                };
                let num = child(s, "pPr").and_then(|p| child(p, "numPr")).and_then(num_pr);
                own.insert(id, (num, val(s, "basedOn")));
            }
            for &id in own.keys() {
                // Follow basedOn, a few steps at most (Word allows no cycles, but files are files).
                let mut at = Some(id);
                for _ in 0..8 {
                    let Some((num, based)) = at.and_then(|a| own.get(a)) else {
                        break;
                    };
                    if let Some(n) = num {
                        out.styles.insert(id.to_string(), n.clone());
                        break;
                    }
                    at = *based;
                }
            }
        }
        out
    }
}

fn level(l: Node) -> Level {
    Level {
        format: val(l, "numFmt").unwrap_or("decimal").to_string(),
        text: val(l, "lvlText").unwrap_or("").to_string(),
        start: val(l, "start").and_then(|v| v.parse().ok()).unwrap_or(1),
    }
}

/// (numId, level) of a `w:numPr`.
fn num_pr(n: Node) -> Option<ListLevel> {
    let id = val(n, "numId")?.to_string();
    let ilvl = val(n, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
    Some((id, ilvl))
}

struct Writer {
    numbering: Numbering,
    counters: Counters,
    lines: Vec<String>,
    /// What the lines may add up to: numbers are written before every paragraph of a list.
    budget: Budget,
}

/// Gone from the document or repeated elsewhere: deleted and moved-away text, a drawing's legacy
/// fallback (its modern version gives the text).
fn dropped(n: &Node) -> bool {
    is_w(n, "del")
        || is_w(n, "moveFrom")
        || (n.is_element() && n.tag_name().name() == "Fallback" && n.tag_name().namespace() == Some(MC))
}

/// The elements named `name` under `parent`, through whatever wraps them (content controls,
/// custom XML), not inside one named `stop`: a table's rows, a row's cells. Walked with a stack.
fn wrapped<'a, 'i>(parent: Node<'a, 'i>, name: &str, stop: &str) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    let mut stack: Vec<Node> = parent.children().rev().collect();
    while let Some(n) = stack.pop() {
        if !n.is_element() || dropped(&n) || is_w(&n, stop) {
            continue;
        }
        if is_w(&n, name) {
            out.push(n);
        } else {
            stack.extend(n.children().rev());
        }
    }
    out
}

/// All the text a table cell holds, paragraphs (those of a table inside it too) a space apart.
fn cell_text(tc: Node) -> String {
    let mut paragraphs = Vec::new();
    let mut stack: Vec<Node> = tc.children().rev().collect();
    while let Some(n) = stack.pop() {
        if !n.is_element() || dropped(&n) {
            continue;
        }
        if is_w(&n, "p") {
            paragraphs.push(runs_text(n));
        } else {
            stack.extend(n.children().rev());
        }
    }
    paragraphs.join(" ").trim().to_string()
}

impl Writer {
    /// Paragraphs and tables in document order, through whatever wraps them (content controls,
    /// custom XML, inserted text). Walked with a stack of its own, not by recursion: a hostile file
    /// may nest wrappers tens of thousands deep.
    fn blocks(&mut self, parent: Node) -> Result<(), String> {
        let mut open = vec![parent.children()];
        while let Some(siblings) = open.last_mut() {
            let Some(n) = siblings.next() else {
                open.pop();
                continue;
            };
            if !n.is_element() || dropped(&n) || is_w(&n, "sectPr") {
                continue;
            }
            if is_w(&n, "p") {
                let text = self.paragraph(n);
                self.push(text)?;
            } else if is_w(&n, "tbl") {
                self.table(n)?;
            } else {
                open.push(n.children());
            }
        }
        Ok(())
    }

    fn push(&mut self, line: String) -> Result<(), String> {
        self.budget.spend(line.len() + 1)?;
        self.lines.push(line);
        Ok(())
    }

    /// A table, one line a row, ` | ` between cells: its rows and cells through whatever wraps them,
    /// each cell all the text it holds (a table inside it too), a space between paragraphs.
    fn table(&mut self, tbl: Node) -> Result<(), String> {
        for row in wrapped(tbl, "tr", "tbl") {
            let cells: Vec<String> = wrapped(row, "tc", "tr").into_iter().map(cell_text).collect();
            self.push(cells.join(" | "))?;
        }
        Ok(())
    }

    fn paragraph(&mut self, p: Node) -> String {
        let ppr = child(p, "pPr");
        let numbered = ppr.and_then(|ppr| child(ppr, "numPr")).and_then(num_pr).or_else(|| {
            let style = ppr.and_then(|ppr| val(ppr, "pStyle"))?;
            self.numbering.styles.get(style).cloned()
        });
        let number = numbered
            .and_then(|(id, ilvl)| {
                // numId 0 and dangling ids: no numbering
                let levels = self.numbering.lists.get(&id)?;
                Some(self.counters.next(&id, levels, ilvl))
            })
            .unwrap_or_default();
        number + &runs_text(p)
    }
}

/// The visible text of a paragraph's runs: text, tabs as spaces, breaks as line breaks; no deleted text.
/// Walked in document order with a stack, skipping dropped subtrees whole: linear however deep the
/// runs are nested.
fn runs_text(p: Node) -> String {
    let mut out = String::new();
    let mut stack = vec![p];
    while let Some(n) = stack.pop() {
        if dropped(&n) {
            continue;
        }
        stack.extend(n.children().rev());
        if !n.is_element() || n.tag_name().namespace() != Some(W) {
            continue;
        }
        match n.tag_name().name() {
            "t" => out.push_str(n.text().unwrap_or("")),
            "tab" if n.parent().is_some_and(|r| is_w(&r, "r")) => out.push(' '),
            "br" | "cr" => out.push('\n'),
            "noBreakHyphen" => out.push('-'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbering::chinese_counting;

    #[test]
    fn chinese_numbers_read_as_written() {
        let got: Vec<String> = [1, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 1001]
            .iter()
            .map(|&n| chinese_counting(n))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "九",
                "十",
                "十一",
                "十九",
                "二十",
                "二十一",
                "九十九",
                "一百",
                "一百零五",
                "一百一十",
                "一千零一"
            ]
        );
    }

    /// A package holding only `document.xml` with this body.
    fn package(body: &str) -> Vec<u8> {
        use std::io::Write;
        let xml = format!(r#"<w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>{body}</w:body></w:document>"#);
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn moved_away_and_fallback_text_is_not_read_twice() {
        let body = r#"<w:p><w:r><w:t>甲</w:t></w:r>
            <w:moveFrom w:id="1"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>
            <w:moveTo w:id="2"><w:r><w:t>乙</w:t></w:r></w:moveTo>
            <w:ins w:id="3"><w:r><w:t>丙</w:t></w:r></w:ins></w:p>
            <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></mc:Choice>
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>框内文字</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
        assert_eq!(extract(&package(body)).unwrap(), "甲乙丙\n框内文字");
    }
}
