//! OpenDocument text (.odt, as LibreOffice and WPS save it): paragraphs and headings in order, one
//! per line, with the numbers a reader sees (a heading's cached number, or a list item's number from
//! its list style: `1.`, `一、`, `①`); tables as one line per row with ` | ` between cells. Tracked
//! changes, comments and notes are left out. Walked with a stack, not by recursion.

use std::collections::HashMap;
use std::io::Cursor;

use roxmltree::{Document, Node};

use super::budget::Budget;
use super::xml::Package;

const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const TABLE: &str = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

/// An OpenDocument text package: its `mimetype` entry first and uncompressed, as the standard asks;
/// or, re-zipped by another tool (the entry compressed, or elsewhere), a package with a
/// `content.xml` and no Word document.
pub fn is_odt(bytes: &[u8]) -> bool {
    if bytes
        .get(30..)
        .is_some_and(|rest| rest.starts_with(b"mimetypeapplication/vnd.oasis.opendocument.text"))
    {
        return true;
    }
    let Ok(zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    names.iter().any(|n| n == "content.xml") && !names.iter().any(|n| n == "word/document.xml")
}

fn is(node: &Node, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(ns) && node.tag_name().name() == name
}

/// How one level of a list style numbers its items.
#[derive(Clone, Default)]
struct LevelStyle {
    format: String,
    prefix: String,
    suffix: String,
    start: u32,
}

/// List styles by name: level (1-based) → its numbering.
fn list_styles(docs: &[&Document]) -> HashMap<String, HashMap<u32, LevelStyle>> {
    let mut out: HashMap<String, HashMap<u32, LevelStyle>> = HashMap::new();
    for doc in docs {
        for style in doc.descendants().filter(|n| is(n, TEXT, "list-style")) {
            let Some(name) = style.attribute((STYLE, "name")) else {
                continue;
            };
            let levels = out.entry(name.to_string()).or_default();
            for level in style.children().filter(|n| is(n, TEXT, "list-level-style-number")) {
                let Some(l) = level.attribute((TEXT, "level")).and_then(|v| v.parse().ok()) else {
                    continue;
                };
                levels.insert(
                    l,
                    LevelStyle {
                        format: level.attribute((STYLE, "num-format")).unwrap_or("").to_string(),
                        prefix: level.attribute((STYLE, "num-prefix")).unwrap_or("").to_string(),
                        suffix: level.attribute((STYLE, "num-suffix")).unwrap_or("").to_string(),
                        start: level
                            .attribute((TEXT, "start-value"))
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1),
                    },
                );
            }
        }
    }
    out
}

/// A number as a list level shows it.
fn number(n: u32, style: &LevelStyle) -> String {
    use crate::numbering::{chinese_counting, circled, letters, roman};
    let digits = match style.format.as_str() {
        "" => return String::new(),
        "a" => letters(n, false),
        "A" => letters(n, true),
        "i" => roman(n).map(|r| r.to_lowercase()),
        "I" => roman(n),
        f if f.starts_with('一') && n < 10_000 => Some(chinese_counting(n)),
        f if f.starts_with('①') => circled(n).map(String::from),
        _ => None,
    }
    .unwrap_or_else(|| n.to_string());
    format!("{}{digits}{}", style.prefix, style.suffix)
}

/// The text of an .odt file, or why it cannot be read.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let mut package = Package::open(bytes, ".odt")?;
    let content = package
        .part("content.xml")?
        .ok_or("is an OpenDocument file without content.xml")?;
    let styles_xml = package.part("styles.xml")?;
    let doc = Document::parse(&content).map_err(|e| format!("has a broken content.xml ({e})"))?;
    let styles_doc = styles_xml.as_deref().and_then(|t| Document::parse(t).ok());
    let mut sources = vec![&doc];
    sources.extend(styles_doc.as_ref());
    let lists = list_styles(&sources);
    let body = doc
        .descendants()
        .find(|n| is(n, OFFICE, "text"))
        .ok_or("has no text body")?;
    Reader {
        lists: &lists,
        lines: Vec::new(),
        budget: Budget::for_file(bytes.len(), "text"),
    }
    .read(body)
}

struct Reader<'s> {
    lists: &'s HashMap<String, HashMap<u32, LevelStyle>>,
    lines: Vec<String>,
    /// What the lines may add up to: a list's prefix and suffix are written before every item.
    budget: Budget,
}

/// One open list: its style and the last number of each level.
struct OpenList<'a> {
    style: Option<&'a str>,
    counters: Vec<u32>,
}

impl Reader<'_> {
    fn read(mut self, body: Node) -> Result<String, String> {
        enum Step<'a, 'i> {
            Enter(Node<'a, 'i>),
            LeaveList,
        }
        let mut steps = vec![Step::Enter(body)];
        let mut lists: Vec<OpenList> = Vec::new();
        // The last outermost number of each list style: a list that continues the numbering
        // (`text:continue-numbering`, `text:continue-list`) goes on from it.
        let mut last_outermost: HashMap<&str, u32> = HashMap::new();
        // The number of the list item whose first paragraph comes next.
        let mut pending_number: Option<String> = None;
        while let Some(step) = steps.pop() {
            let n = match step {
                Step::Enter(n) => n,
                Step::LeaveList => {
                    lists.pop();
                    continue;
                }
            };
            if is(&n, TEXT, "p") || is(&n, TEXT, "h") {
                let mut line = pending_number.take().unwrap_or_default();
                line.push_str(&inline_text(n));
                self.push(line)?;
            } else if is(&n, TABLE, "table-row") {
                let cells: Vec<String> = n
                    .children()
                    .filter(|c| is(c, TABLE, "table-cell"))
                    .map(cell_text)
                    .collect();
                self.push(cells.join(" | "))?;
            } else if is(&n, TEXT, "list") {
                // A nested list continues its parent's style unless it names its own.
                let style = n
                    .attribute((TEXT, "style-name"))
                    .or_else(|| lists.last().and_then(|l| l.style));
                let continues = n.attribute((TEXT, "continue-numbering")) == Some("true")
                    || n.attribute((TEXT, "continue-list")).is_some();
                let counters = match style.and_then(|s| last_outermost.get(s)) {
                    Some(&last) if continues && lists.is_empty() => vec![last],
                    _ => Vec::new(),
                };
                lists.push(OpenList { style, counters });
                steps.push(Step::LeaveList);
                steps.extend(n.children().rev().map(Step::Enter));
            } else if is(&n, TEXT, "list-item") {
                let level = lists.len() as u32;
                let style = lists
                    .last()
                    .and_then(|l| l.style)
                    .and_then(|s| self.lists.get(s))
                    .and_then(|levels| levels.get(&level))
                    .cloned();
                if let (Some(style), Some(list)) = (style, lists.last_mut()) {
                    let start = n.attribute((TEXT, "start-value")).and_then(|v| v.parse().ok());
                    let last = list.counters.last().copied();
                    let value = start.unwrap_or_else(|| last.map_or(style.start, |c| c.saturating_add(1)));
                    list.counters.push(value);
                    if level == 1
                        && let Some(name) = list.style
                    {
                        last_outermost.insert(name, value);
                    }
                    let number = number(value, &style);
                    // Charged when made: an item may have no paragraph to carry it.
                    self.budget.spend(number.len())?;
                    pending_number = Some(number);
                }
                steps.extend(n.children().rev().map(Step::Enter));
            } else if is(&n, TEXT, "tracked-changes") || is(&n, OFFICE, "annotation") {
                // Gone from the document, or not part of it.
            } else {
                steps.extend(n.children().rev().map(Step::Enter));
            }
        }
        Ok(self.lines.join("\n"))
    }

    fn push(&mut self, line: String) -> Result<(), String> {
        self.budget.spend(line.len() + 1)?;
        self.lines.push(line);
        Ok(())
    }
}

/// All the text a table cell holds: its paragraphs and headings, those of lists, sections and tables
/// inside it too, a space apart. Walked with a stack.
fn cell_text(cell: Node) -> String {
    let mut paragraphs = Vec::new();
    let mut stack: Vec<Node> = cell.children().rev().collect();
    while let Some(n) = stack.pop() {
        if is(&n, TEXT, "tracked-changes") || is(&n, OFFICE, "annotation") {
            continue;
        }
        if is(&n, TEXT, "p") || is(&n, TEXT, "h") {
            paragraphs.push(inline_text(n));
        } else {
            stack.extend(n.children().rev());
        }
    }
    paragraphs.join(" ").trim().to_string()
}

/// The text of a paragraph or heading: spans, spaces (`text:s`), tabs and line breaks, the cached
/// number of a numbered heading; no comments, notes or deleted text.
fn inline_text(p: Node) -> String {
    let mut out = String::new();
    let mut stack = vec![p];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            out.push_str(n.text().unwrap_or(""));
            continue;
        }
        if is(&n, OFFICE, "annotation") || is(&n, TEXT, "note") || is(&n, TEXT, "tracked-changes") {
            continue;
        }
        if is(&n, TEXT, "s") {
            let count = n
                .attribute((TEXT, "c"))
                .and_then(|c| c.parse::<usize>().ok())
                .unwrap_or(1);
            out.push_str(&" ".repeat(count.min(100)));
        } else if is(&n, TEXT, "tab") {
            out.push(' ');
        } else if is(&n, TEXT, "line-break") {
            out.push('\n');
        } else if n != p && (is(&n, TEXT, "p") || is(&n, TEXT, "h")) {
            // A paragraph inside a frame or note: its own words, after a break.
            out.push(' ');
            stack.extend(n.children().rev());
        } else {
            stack.extend(n.children().rev());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_levels_number_as_libreoffice_shows_them() {
        let style = |format: &str, suffix: &str| LevelStyle {
            format: format.into(),
            prefix: String::new(),
            suffix: suffix.into(),
            start: 1,
        };
        assert_eq!(number(3, &style("一, 二, 三, ...", "、")), "三、");
        assert_eq!(number(12, &style("1", ".")), "12.");
        assert_eq!(number(2, &style("①, ②, ③, ...", "")), "②");
        assert_eq!(number(4, &style("i", ")")), "iv)");
        assert_eq!(number(4_000_000_000, &style("A", ".")), "4000000000.");
        assert_eq!(number(2, &style("", "")), "");
    }
}
