//! Builds the section tree from the body lines of a report.

use super::{Document, Paragraph, Section, SectionId, SectionKind};
use crate::lexicon::LABEL_WORDS;
use crate::normalize::Line;
use crate::numbering::{Marker, Style, chinese_value, parse_marker};
use crate::shared::SharedText;
use crate::text::{Nesting, is_blank, is_chinese_numeral, is_clause_end, is_heading_stop, is_sentence_end, trim_blank};

/// Where a heading line splits into heading and body.
pub struct HeadingSplit {
    /// End of the heading part (its final stop included).
    pub heading_end: usize,
    /// Start of the body part, if any text follows on the same line.
    pub body_start: Option<usize>,
}

/// Splits text after a marker at its first character matching `stop` outside quotes and brackets.
pub fn split_heading(rest: &str, stop: impl Fn(char) -> bool) -> HeadingSplit {
    let mut nesting = Nesting::default();
    for (i, c) in rest.char_indices() {
        nesting.update(c);
        if nesting.outside() && stop(c) {
            let end = i + c.len_utf8();
            let after = &rest[end..];
            let trimmed = after.trim_start_matches(is_blank);
            let body_start = (!trim_blank(after).is_empty()).then(|| rest.len() - trimmed.len());
            return HeadingSplit {
                heading_end: end,
                body_start,
            };
        }
    }
    HeadingSplit {
        heading_end: rest.len(),
        body_start: None,
    }
}

/// Heading text for display in paths and labels: blanks inside CJK removed, final punctuation dropped.
fn clean_heading(s: &str) -> String {
    let chars: Vec<char> = trim_blank(s).chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_blank(c) {
            let ascii_before = i > 0 && chars[i - 1].is_ascii_alphanumeric();
            let ascii_after = chars.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric());
            if ascii_before && ascii_after && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    while out.ends_with(crate::chars::is_clause_end) {
        out.pop();
    }
    out
}

/// Longest item heading kept whole; an item's first clause can run to a hundred characters of
/// document titles, which no outline or path can show.
const MAX_ITEM_HEADING_CHARS: usize = 40;

fn shorten(heading: String) -> String {
    if heading.chars().count() <= MAX_ITEM_HEADING_CHARS {
        return heading;
    }
    heading.chars().take(MAX_ITEM_HEADING_CHARS - 1).chain(['…']).collect()
}

/// An inline enumeration marker (`二是`) found inside a paragraph.
#[derive(Clone, Copy)]
struct InlineItem {
    start: usize,
    text_start: usize,
    value: u32,
}

/// Every `N是` marker of `text` that could open an inline item: after a boundary (start of text
/// or punctuation), outside quotes and book titles. One pass.
fn markers(text: &str) -> Vec<InlineItem> {
    let mut found: Vec<InlineItem> = Vec::new();
    let mut nesting = Nesting::default();
    let mut at_boundary = true;
    let mut numeral_end = 0;
    for (i, c) in text.char_indices() {
        nesting.update(c);
        // A run of numerals is measured once, from its first character.
        if at_boundary && nesting.outside() && is_chinese_numeral(c) && i >= numeral_end {
            numeral_end = text[i..]
                .char_indices()
                .find(|&(_, d)| !is_chinese_numeral(d))
                .map_or(text.len(), |(j, _)| i + j);
            if text[numeral_end..].starts_with('是')
                && let Some(value) = chinese_value(&text[i..numeral_end])
            {
                let marker_end = numeral_end + '是'.len_utf8();
                let text_start =
                    marker_end + (text[marker_end..].len() - text[marker_end..].trim_start_matches(is_blank).len());
                found.push(InlineItem {
                    start: i,
                    text_start,
                    value,
                });
            }
        }
        at_boundary = is_clause_end(c) || matches!(c, '；' | ';') || (is_blank(c) && at_boundary);
    }
    found
}

/// Whether a marker of `value` goes on from the one before (`previous`), or opens a list that
/// should start at `first_value`. A repeated number (`五是 … 五是`) is a typo in the source, not
/// the end of the list.
fn fits(previous: Option<u32>, value: u32, first_value: u32) -> bool {
    match previous {
        Some(p) => value == p + 1 || value == p,
        None => value == first_value || value + 1 == first_value,
    }
}

struct Builder {
    doc: Document,
    /// Open headings: (their style, id).
    stack: Vec<(Style, SectionId)>,
    /// Heading styles from the outermost in: in order of first appearance, except that chapters,
    /// sections and articles (章 节 条) always nest in that order.
    ranks: Vec<Style>,
    /// The last article's number: articles (第N条) are numbered through the whole document.
    last_article: Option<u32>,
    /// The item that plain paragraphs currently continue.
    current_item: Option<SectionId>,
    /// The line of the text (from 1) being read: where what is made of it starts.
    line: u32,
    /// The text of the line being read, which its paragraphs and heading lines are stretches of.
    text: SharedText,
    /// Each section's body paragraphs and subsections so far, by id: the document holds them in
    /// one list each once the tree is built.
    bodies: Vec<Vec<Paragraph>>,
    children: Vec<Vec<SectionId>>,
}

impl Builder {
    /// `part` of the line being read as a stretch of its shared text; a copy if it is not part of
    /// it (only its address is compared, to find where it starts).
    fn stretch(&self, part: &str) -> SharedText {
        let start = (part.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        match start.checked_add(part.len()) {
            Some(end) if end <= self.text.len() => self.text.sub(start..end).unwrap_or_else(|| part.into()),
            _ => part.into(),
        }
    }

    /// `cleaned`, made from `source` (a piece of the line being read), as a stretch of the line
    /// when it reads as the start of `source`, blanks trimmed (as nearly every number and heading
    /// does); else the string itself.
    fn stretch_cleaned(&self, cleaned: &str, source: &str) -> SharedText {
        match trim_blank(source).get(..cleaned.len()) {
            Some(start) if start == cleaned => self.stretch(start),
            _ => cleaned.into(),
        }
    }

    fn children_of(&self, parent: Option<SectionId>) -> &[SectionId] {
        match parent {
            Some(p) => &self.children[p],
            None => &self.doc.roots,
        }
    }

    fn last_child_value(&self, parent: Option<SectionId>, kind: SectionKind, style: Style) -> Option<u32> {
        self.children_of(parent).iter().rev().find_map(|&c| {
            let s = &self.doc.sections[c];
            (s.kind == kind && s.style == style).then(|| value_of(s))
        })
    }

    fn add_section(&mut self, parent: Option<SectionId>, mut section: Section) -> SectionId {
        let id = self.doc.sections.len();
        section.parent = parent.map_or(super::NO_PARENT, crate::shared::fit_u32);
        section.level = parent.map_or(1, |p| self.doc.sections[p].level.saturating_add(1));
        self.doc.sections.push(section);
        self.bodies.push(Vec::new());
        self.children.push(Vec::new());
        match parent {
            Some(p) => self.children[p].push(id),
            None => self.doc.roots.push(id),
        }
        id
    }

    /// Where a style not seen yet goes among the ranks: at the end, or before a legal style it
    /// encloses (a 节 seen after 条 still goes above it).
    fn new_rank(&self, style: Style) -> usize {
        let legal = |s: Style| {
            [Style::Chapter, Style::Section, Style::Article]
                .iter()
                .position(|&l| l == s)
        };
        match legal(style) {
            Some(depth) => self
                .ranks
                .iter()
                .position(|&r| legal(r).is_some_and(|d| d > depth))
                .unwrap_or(self.ranks.len()),
            None => self.ranks.len(),
        }
    }

    fn rank_of(&self, style: Style) -> usize {
        self.ranks.iter().position(|&s| s == style).unwrap_or(usize::MAX)
    }

    /// Accepts a numbered heading when its number continues its siblings (articles: the previous
    /// article); otherwise the line is text.
    fn try_heading(&mut self, line: &str, marker: &Marker) -> bool {
        let known = self.ranks.contains(&marker.style);
        let rank = if known {
            self.rank_of(marker.style)
        } else {
            self.new_rank(marker.style)
        };
        // Open headings of a higher rank stay open; with a new style inserted above some, those
        // ranks shift by one, which keeps their order.
        let keep = self
            .stack
            .iter()
            .take_while(|(style, _)| self.rank_of(*style) < rank)
            .count();
        let parent = keep.checked_sub(1).map(|i| self.stack[i].1);
        let previous = if marker.style == Style::Article {
            self.last_article
        } else {
            self.last_child_value(parent, SectionKind::Heading, marker.style)
        };
        let plausible = match previous {
            None => marker.value <= 2,
            Some(prev) => marker.value > prev && marker.value <= prev + 3,
        };
        if !plausible {
            return false;
        }
        if !known {
            self.ranks.insert(rank, marker.style);
        }
        if marker.style == Style::Article {
            self.last_article = Some(marker.value);
        }
        self.stack.truncate(keep);
        let rest = &line[marker.len..];
        let split = split_heading(rest, is_heading_stop);
        let section = Section {
            parent: super::NO_PARENT,
            level: 0,
            kind: SectionKind::Heading,
            style: marker.style,
            number: self.stretch_cleaned(&marker.label, &line[..marker.len]),
            heading: self.stretch_cleaned(&clean_heading(&rest[..split.heading_end]), &rest[..split.heading_end]),
            heading_line: self.stretch(trim_blank(&line[..marker.len + split.heading_end])),
            inline_body: split.body_start.is_some(),
            line: self.line,
            body: Default::default(),
            children: Default::default(),
        };
        let id = self.add_section(parent, section);
        self.stack.push((marker.style, id));
        self.current_item = None;
        if let Some(body) = split.body_start {
            self.paragraph(&rest[body..]);
        }
        true
    }

    /// A label over the numbered part that follows: a heading of the outermost rank, closing every
    /// open one; what follows numbers itself afresh under it.
    fn add_label(&mut self, text: &str) {
        if !self.ranks.contains(&Style::Label) {
            self.ranks.insert(0, Style::Label);
        }
        self.stack.clear();
        let section = Section {
            parent: super::NO_PARENT,
            level: 0,
            kind: SectionKind::Heading,
            style: Style::Label,
            number: Default::default(),
            heading: self.stretch_cleaned(&clean_heading(text), text),
            heading_line: self.stretch(trim_blank(text)),
            inline_body: false,
            line: self.line,
            body: Default::default(),
            children: Default::default(),
        };
        let id = self.add_section(None, section);
        self.stack.push((Style::Label, id));
        self.current_item = None;
    }

    /// The innermost open heading: where items and paragraphs go.
    fn open_heading(&self) -> Option<SectionId> {
        self.stack.last().map(|&(_, id)| id)
    }

    /// Accepts a line-initial `一是` when it starts or continues an enumeration.
    fn try_item(&mut self, line: &str, marker: &Marker) -> bool {
        let parent = self.open_heading();
        let plausible = marker.value == 1
            || self
                .last_child_value(parent, SectionKind::Item, Style::Enumeration)
                .is_some_and(|prev| marker.value == prev + 1 || marker.value == prev);
        if !plausible {
            return false;
        }
        let marker_start = line.len() - line.trim_start_matches(is_blank).len();
        let text = &line[marker_start..];
        let first = InlineItem {
            start: 0,
            text_start: marker.len - marker_start,
            value: marker.value,
        };
        self.add_items(parent, text, &markers(text), first);
        true
    }

    /// Adds an item from `text` (its marker first, `marker_len` bytes with the blanks after it) and,
    /// recursively, the items that follow it inline.
    /// Adds the inline items of a paragraph, from `first` on: each its heading (the first sentence)
    /// and its own body, up to the next marker in sequence after its heading. `all` is every
    /// marker of `text`, found once: a long enumeration costs one pass, not one per item.
    fn add_items(&mut self, parent: Option<SectionId>, text: &str, all: &[InlineItem], first: InlineItem) {
        let mut item = first;
        loop {
            let marker_len = item.text_start - item.start;
            let rest = &text[item.text_start..];
            let clause = split_heading(rest, is_clause_end);
            let sentence = split_heading(rest, is_sentence_end);
            let section = Section {
                parent: super::NO_PARENT,
                level: 0,
                kind: SectionKind::Item,
                style: Style::Enumeration,
                number: self.stretch(trim_blank(&text[item.start..item.start + marker_len])),
                heading: self.stretch_cleaned(
                    &shorten(clean_heading(&rest[..clause.heading_end])),
                    &rest[..clause.heading_end],
                ),
                heading_line: self.stretch(trim_blank(&text[item.start..item.text_start + sentence.heading_end])),
                inline_body: false,
                line: self.line,
                body: Default::default(),
                children: Default::default(),
            };
            let id = self.add_section(parent, section);
            self.current_item = Some(id);
            let Some(body_start) = sentence.body_start else {
                return;
            };
            let body_at = item.text_start + body_start;
            let from = all.partition_point(|m| m.start < body_at);
            let next = all[from..].iter().find(|m| fits(Some(item.value), m.value, 0)).copied();
            let own = trim_blank(&text[body_at..next.map_or(text.len(), |n| n.start)]);
            if !own.is_empty() {
                self.doc.sections[id].inline_body = true;
                let text = self.stretch(own);
                self.bodies[id].push(Paragraph { text, line: self.line });
            }
            match next {
                Some(n) => item = n,
                None => return,
            }
        }
    }

    /// Adds body text to the open item or heading (or the preamble), splitting inline enumerations.
    fn paragraph(&mut self, text: &str) {
        let heading = self.open_heading();
        let all = markers(text);
        let mut items = all
            .iter()
            .filter(|m| fits(None, m.value, 1))
            .take(1)
            .copied()
            .collect::<Vec<_>>();
        // A list is two markers in sequence at least.
        if let Some(&first) = items.first()
            && let Some(&second) = all
                .iter()
                .find(|m| m.start > first.start && fits(Some(first.value), m.value, 0))
        {
            items.push(second);
        }
        if items.len() >= 2 {
            let lead = trim_blank(&text[..items[0].start]);
            if !lead.is_empty() {
                self.push_paragraph(self.current_item.or(heading), lead);
            }
            self.add_items(heading, text, &all, items[0]);
            return;
        }
        self.push_paragraph(self.current_item.or(heading), text);
    }

    fn push_paragraph(&mut self, target: Option<SectionId>, text: &str) {
        let p = Paragraph {
            text: self.stretch(trim_blank(text)),
            line: self.line,
        };
        match target {
            Some(id) => self.bodies[id].push(p),
            None => self.doc.preamble.push(p),
        }
    }
}

/// Longest label line, in characters.
const LABEL_MAX_CHARS: usize = 16;

/// Is `text` a label: short, without punctuation or figures, naming a part of a report?
fn is_label(text: &str) -> bool {
    let n = text.chars().count();
    (2..=LABEL_MAX_CHARS).contains(&n)
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || "，。；：:;,.!?！？、“”\"（）()".contains(c))
        && LABEL_WORDS.iter().any(|w| text.contains(w))
}

fn value_of(s: &Section) -> u32 {
    parse_marker(&format!("{}x", s.number)).map_or(0, |m| m.value)
}

/// Builds the tree from the body lines (between the letter's opening frame and its closing).
pub fn build_tree(lines: &[Line]) -> Document {
    let mut b = Builder {
        doc: Document::default(),
        stack: Vec::new(),
        ranks: Vec::new(),
        last_article: None,
        current_item: None,
        line: 0,
        text: SharedText::default(),
        bodies: Vec::new(),
        children: Vec::new(),
    };
    for (i, line) in lines.iter().enumerate() {
        b.line = line.number;
        b.text = line.text.clone();
        let text = line.text.as_str();
        // A label counts only over numbered lines: `存在的主要不足` then `1.…`.
        if is_label(text) && lines.get(i + 1).is_some_and(|n| parse_marker(&n.text).is_some()) {
            b.add_label(text);
            continue;
        }
        let accepted = match parse_marker(text) {
            Some(m) if m.style == Style::Enumeration => b.try_item(text, &m),
            Some(m) => b.try_heading(text, &m),
            None => false,
        };
        if !accepted {
            b.paragraph(text);
        }
    }
    b.doc.hold_lists(b.bodies, b.children);
    b.doc
}
