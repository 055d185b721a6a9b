//! Stage 3, outline: logical lines to a [`Document`] — a tree of numbered sections and enumerated
//! items, plus the letter frame around it (title, addressee, unit, year, signature, date).
//!
//! Levels follow the documents: a numbering style ranks by its first appearance, and a heading nests
//! under the nearest open heading of a higher rank. Must not classify or compare.

mod body;
mod build;
mod meta;
mod phrases;
mod place;
mod sentences;

use crate::load::{Format, SourceText};
use crate::normalize::logical_lines;
use crate::numbering::Style;
use crate::shared::SharedText;

pub use body::Body;
pub use build::split_heading;
pub use place::{Origin, PackedPlace, Place};
pub use sentences::Sentence;

/// Index of a section in [`Document::sections`].
pub type SectionId = usize;

/// A numbered heading, or an enumerated item (`一是…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    Heading,
    Item,
}

/// A paragraph of body text, as displayed: once the outline is built, a stretch of the report's
/// laid-out body (see [`Body`]), which passages share too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: SharedText,
    /// The line of the decoded text (from 1) it starts on; 0 when not known.
    pub line: u32,
}

/// One node of the outline.
#[derive(Debug, Clone)]
pub struct Section {
    /// The enclosing section's id, or [`NO_PARENT`] (see [`Section::parent`]): 32-bit, as a report
    /// numbered on every line holds a section a line.
    parent: u32,
    /// Depth in the tree, 1 for top-level headings (see [`Section::level`]).
    level: u16,
    pub kind: SectionKind,
    pub style: Style,
    /// The marker as written, blanks removed: `一、` `(一)` `1.` `一是`.
    pub number: SharedText,
    /// Heading text without the marker, stray blanks and final stop: `全面建立权责事项清单制度`.
    pub heading: SharedText,
    /// The heading as displayed: marker and first sentence, original characters.
    pub heading_line: SharedText,
    /// The first body paragraph continued the heading's line in the file.
    pub inline_body: bool,
    /// The line of the decoded text (from 1) its heading is on; 0 when not known.
    pub line: u32,
    /// Its body paragraphs in [`Document`]'s list of them (see [`Document::paragraphs`]).
    body: Run,
    /// Its subsections in [`Document`]'s list of them (see [`Document::children`]).
    children: Run,
}

/// A section's stretch of one of the document's lists, in 8 bytes: every section's paragraphs and
/// subsections are held in two lists for the whole report, where a list for each section cost 48
/// bytes and an allocation of the heap (a report numbered on every line holds a section a line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Run {
    start: u32,
    len: u32,
}

impl Run {
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }

    /// The run of `items` appended to `list`.
    fn append<T>(list: &mut Vec<T>, items: Vec<T>) -> Run {
        let run = Run {
            start: crate::shared::fit_u32(list.len()),
            len: crate::shared::fit_u32(items.len()),
        };
        list.extend(items);
        run
    }
}

/// A top-level section's parent, where a parent is held in 32 bits.
pub(crate) const NO_PARENT: u32 = u32::MAX;

impl Section {
    /// The enclosing section; none for a top-level one.
    pub fn parent(&self) -> Option<SectionId> {
        (self.parent != NO_PARENT).then_some(self.parent as SectionId)
    }

    /// Depth in the tree, 1 for top-level headings.
    pub fn level(&self) -> usize {
        usize::from(self.level)
    }
}

/// A report as a tree of sections with its letter frame.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// File name as given by the user, as it may be printed (control characters escaped).
    pub file: String,
    /// The path as given, unescaped (for JSON, which escapes what it must itself).
    pub path: String,
    /// What the file was: text, an HTML page, a .docx, a PDF.
    pub format: Format,
    pub encoding: &'static str,
    pub title: Option<String>,
    /// The line naming the recipient, e.g. `市法制局:`.
    pub addressee: Option<String>,
    /// The reporting unit, e.g. `郑州市科学技术局`.
    pub unit: Option<String>,
    /// The year reported on (not the signing year).
    pub year: Option<u32>,
    pub signature: Option<String>,
    pub date: Option<String>,
    /// Paragraphs before the first heading.
    pub preamble: Vec<Paragraph>,
    /// Concluding paragraphs after the last section (`特此报告。`).
    pub closing: Vec<Paragraph>,
    /// What follows the signature and date (an attachment list, a note), and attachment notes
    /// (`附件:…`) before them: part of the report, kept.
    pub trailer: Vec<Paragraph>,
    pub sections: Vec<Section>,
    pub roots: Vec<SectionId>,
    /// Every section's body paragraphs, section by section.
    paragraphs: Vec<Paragraph>,
    /// Every section's subsections, section by section.
    child_ids: Vec<SectionId>,
    /// The sections laid out in one shared text, which their paragraphs are stretches of.
    laid_out: Body,
    /// The analyst's refilings: a sentence's [`sentence_digest`](crate::text::sentence_digest) to the id of the topic
    /// it goes under, which filing honours before its own rules (see `crate::review`).
    pub refiled: std::sync::Arc<std::collections::HashMap<u64, String>>,
}

impl Document {
    /// The report's text: preamble and sections, paragraphs on lines of their own.
    pub fn all_text(&self) -> String {
        let mut parts: Vec<String> = self.preamble.iter().map(|p| p.text.to_string()).collect();
        parts.extend(self.roots.iter().map(|&r| self.full_text(r)));
        parts.join("\n")
    }

    /// About the length of [`all_text`](Self::all_text), in bytes, without making it.
    pub fn all_len(&self) -> usize {
        let parts = self.preamble.len() + self.roots.len();
        self.preamble.iter().map(|p| p.text.len()).sum::<usize>()
            + self.roots.iter().map(|&r| self.full_len(r)).sum::<usize>()
            + parts.saturating_sub(1)
    }

    /// [`all_text`](Self::all_text) handed to `f` piece by piece, without putting it together: for
    /// what reads a whole report once (its fingerprint, its digest), a copy of it less.
    pub fn each_text(&self, f: &mut dyn FnMut(&str)) {
        let mut first = true;
        for p in &self.preamble {
            if !std::mem::take(&mut first) {
                f("\n");
            }
            f(&p.text);
        }
        for &r in &self.roots {
            if !std::mem::take(&mut first) {
                f("\n");
            }
            let mut written = false;
            self.each_full_text(r, &mut written, f);
        }
    }

    /// A section's [`full_text`](Self::full_text) handed to `f` piece by piece; `written`: whether
    /// any of the root's text came before.
    fn each_full_text(&self, id: SectionId, written: &mut bool, f: &mut dyn FnMut(&str)) {
        let mut emit = |piece: &str, written: &mut bool| {
            if !piece.is_empty() {
                *written = true;
                f(piece);
            }
        };
        if *written {
            emit("\n", written);
        }
        self.each_own_text(id, &mut |piece| emit(piece, written));
        for &c in self.children(id) {
            self.each_full_text(c, written, f);
        }
    }

    /// Gives back what the lists grew beyond their length while the tree was built.
    fn shrink_to_fit(&mut self) {
        self.sections.shrink_to_fit();
        self.preamble.shrink_to_fit();
    }

    /// Sets each section's body paragraphs and subsections (`bodies[id]`, `children[id]`, as the
    /// tree was built), held in one list each.
    pub(super) fn hold_lists(&mut self, bodies: Vec<Vec<Paragraph>>, children: Vec<Vec<SectionId>>) {
        self.paragraphs = Vec::with_capacity(bodies.iter().map(Vec::len).sum());
        self.child_ids = Vec::with_capacity(children.iter().map(Vec::len).sum());
        for ((s, body), kids) in self.sections.iter_mut().zip(bodies).zip(children) {
            s.body = Run::append(&mut self.paragraphs, body);
            s.children = Run::append(&mut self.child_ids, kids);
        }
    }

    pub fn section(&self, id: SectionId) -> &Section {
        &self.sections[id]
    }

    /// Section `id`'s body paragraphs; none for a section past the last.
    pub fn paragraphs(&self, id: SectionId) -> &[Paragraph] {
        self.sections
            .get(id)
            .and_then(|s| self.paragraphs.get(s.body.range()))
            .unwrap_or_default()
    }

    /// Section `id`'s body paragraphs, to change; none for a section past the last.
    pub(crate) fn paragraphs_mut(&mut self, id: SectionId) -> &mut [Paragraph] {
        match self.sections.get(id) {
            Some(s) => self.paragraphs.get_mut(s.body.range()).unwrap_or_default(),
            None => &mut [],
        }
    }

    /// Section `id`'s subsections, in order; none for a section past the last.
    pub fn children(&self, id: SectionId) -> &[SectionId] {
        self.sections
            .get(id)
            .and_then(|s| self.child_ids.get(s.children.range()))
            .unwrap_or_default()
    }

    /// Section `id`'s own text, heading line included, subsections excluded.
    pub fn own_text(&self, id: SectionId) -> String {
        let mut out = String::with_capacity(self.own_len(id));
        self.push_own_text(id, &mut out);
        out
    }

    pub(crate) fn push_own_text(&self, id: SectionId, out: &mut String) {
        self.each_own_text(id, &mut |piece| out.push_str(piece));
    }

    /// Section `id`'s [`own_text`](Self::own_text) handed to `f` piece by piece: its heading line,
    /// then each paragraph on a line of its own (the first one continuing the heading's line when
    /// the file had it there).
    fn each_own_text(&self, id: SectionId, f: &mut dyn FnMut(&str)) {
        let Some(s) = self.sections.get(id) else { return };
        f(&s.heading_line);
        for (i, p) in self.paragraphs(id).iter().enumerate() {
            if !(i == 0 && s.inline_body) {
                f("\n");
            }
            f(&p.text);
        }
    }

    /// The length of [`own_text`](Self::own_text), in bytes.
    pub fn own_len(&self, id: SectionId) -> usize {
        let Some(s) = self.sections.get(id) else { return 0 };
        let body = self.paragraphs(id);
        let breaks = body.len() - usize::from(s.inline_body && !body.is_empty());
        s.heading_line.len() + breaks + body.iter().map(|p| p.text.len()).sum::<usize>()
    }

    /// The section and all its descendants as displayed, one paragraph per line.
    pub fn full_text(&self, id: SectionId) -> String {
        // Sized first: passages keep these, and a grown string keeps up to twice its length.
        let mut out = String::with_capacity(self.full_len(id));
        self.push_full_text(id, &mut out);
        out
    }

    /// The length of [`full_text`](Self::full_text), in bytes.
    pub(crate) fn full_len(&self, id: SectionId) -> usize {
        self.own_len(id) + self.children(id).iter().map(|&c| 1 + self.full_len(c)).sum::<usize>()
    }

    fn push_full_text(&self, id: SectionId, out: &mut String) {
        if !out.is_empty() {
            out.push('\n');
        }
        self.push_own_text(id, out);
        for &c in self.children(id) {
            self.push_full_text(c, out);
        }
    }

    /// Sections in document order (pre-order).
    pub fn walk(&self) -> Vec<SectionId> {
        fn visit(doc: &Document, id: SectionId, out: &mut Vec<SectionId>) {
            out.push(id);
            for &c in doc.children(id) {
                visit(doc, c, out);
            }
        }
        let mut out = Vec::with_capacity(self.sections.len());
        for &r in &self.roots {
            visit(self, r, &mut out);
        }
        out
    }

    /// Short name for headers: unit and year when known, else the file name.
    pub fn label(&self) -> String {
        // The file's name, not its directories, when the report does not name its unit.
        match (&self.unit, self.year) {
            (Some(u), Some(y)) => format!("{u} {y}"),
            (Some(u), None) => u.clone(),
            (None, Some(y)) => format!("{} {y}", self.file_name()),
            (None, None) => self.file_name(),
        }
    }

    /// [`label`](Self::label) and the file's name, `示例局 2024 · a.txt`; the label alone when it
    /// is the file's name already (a report that does not name its unit).
    pub fn label_and_file(&self) -> String {
        match self.unit {
            Some(_) => format!("{} · {}", self.label(), self.file_name()),
            None => self.label(),
        }
    }

    /// The file's name without its directories.
    pub fn file_name(&self) -> String {
        std::path::Path::new(&self.file)
            .file_name()
            .map_or_else(|| self.file.clone(), |n| n.to_string_lossy().into_owned())
    }
}

impl Document {
    /// The kind of file, for people: `UTF-8`, `HTML, gb18030`, `Word .docx`, `PDF`.
    pub fn source_kind(&self) -> String {
        match self.format {
            Format::Text => self.encoding.to_string(),
            Format::Html => format!("HTML, {}", self.encoding),
            Format::Docx => "Word .docx".to_string(),
            Format::Odt => "OpenDocument .odt".to_string(),
            Format::Doc => "Word 97–2003 .doc".to_string(),
            Format::Pdf => "PDF".to_string(),
        }
    }
}

/// Builds the outline of a decoded report.
pub fn outline(src: &SourceText) -> Document {
    from_lines(src, logical_lines(&src.text))
}

/// As [`outline`], the decoded text let go of once it is split into lines, and the lines once the
/// sections are built: a large report is not held three or four times over while its body is laid
/// out.
pub fn outline_owned(mut src: SourceText) -> Document {
    let lines = logical_lines(&src.text);
    src.text = String::new();
    from_lines(&src, lines)
}

fn from_lines(src: &SourceText, lines: Vec<crate::normalize::Line>) -> Document {
    let frame = meta::split_frame(&lines);
    let mut doc = build::build_tree(&lines[frame.body.clone()]);
    doc.file = src.display_name();
    doc.path = src.path.to_string_lossy().into_owned();
    doc.encoding = src.encoding;
    doc.format = src.format;
    meta::fill(&mut doc, &lines, &frame);
    drop(lines);
    doc.shrink_to_fit();
    doc.share_body();
    doc
}

#[cfg(test)]
mod tests;
