//! Text output, with ANSI colour or with `[-deleted-]` `{+inserted+}` `{>moved<}` markers.

use std::fmt::Write;

use anstyle::{AnsiColor, Style};

use super::stats_line;
use crate::align::Passage;
use crate::compare::Comparison;
use crate::diff::{Op, OpKind};
use crate::digest::Digest;
use crate::outline::Document;
use crate::text::{is_sentence_end, split_sentences};
use crate::topics::{DocTopics, Taxonomy};

const DELETED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)))
    .strikethrough();
const INSERTED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)))
    .bold();
const MOVED: Style = Style::new()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)))
    .italic();
const HEADER: Style = Style::new().bold().underline();
const DIM: Style = Style::new().dimmed();

/// Writes `text` in `style` when colour is on.
fn paint(out: &mut impl Write, color: bool, style: Style, text: &str) {
    if color {
        let _ = write!(out, "{}{}{}", style.render(), text, style.render_reset());
    } else {
        let _ = out.write_str(text);
    }
}

fn or_dash(s: Option<&str>) -> &str {
    s.unwrap_or("—")
}

/// `duibi outline` as text: the letter frame, then the tree with topics.
pub fn outline(doc: &Document, topics: &DocTopics, tax: &Taxonomy, color: bool) -> String {
    let mut out = String::new();
    let year = doc.year.map(|y| y.to_string());
    paint(
        &mut out,
        color,
        HEADER,
        &format!("{} ({})", doc.file, doc.source_kind()),
    );
    let _ = out.write_char('\n');
    let _ = writeln!(
        out,
        "unit: {}   year: {}",
        or_dash(doc.unit.as_deref()),
        or_dash(year.as_deref())
    );
    let _ = writeln!(out, "title: {}", or_dash(doc.title.as_deref()));
    let _ = writeln!(out, "addressee: {}", or_dash(doc.addressee.as_deref()));
    let _ = writeln!(
        out,
        "signature: {}   date: {}",
        or_dash(doc.signature.as_deref()),
        or_dash(doc.date.as_deref())
    );
    for t in &doc.trailer {
        let _ = writeln!(out, "after: {}", t.text);
    }
    let _ = out.write_char('\n');
    for id in doc.walk() {
        let s = doc.section(id);
        let labels: Vec<&str> = topics.sections[id]
            .ranked(tax)
            .iter()
            .map(|&t| tax.topic(t).id.as_str())
            .collect();
        let _ = write!(
            out,
            "{}L{} {}{}  ",
            "  ".repeat(s.level() - 1),
            s.level(),
            s.number,
            s.heading
        );
        paint(&mut out, color, DIM, &format!("[{}]", labels.join(", ")));
        let _ = out.write_char('\n');
    }
    out
}

fn passage_line(out: &mut impl Write, color: bool, arrow: &str, p: &Passage) {
    let place = match p.section() {
        Some(_) => p.place(),
        None => format!("({})", p.place()),
    };
    let _ = write!(out, "  {arrow} ");
    // The kind's name in lower case; the place as the report writes it.
    let kind = format!("{:?}", p.kind).to_lowercase();
    paint(out, color, DIM, &format!("{place}  [{kind}]"));
    let _ = out.write_char('\n');
}

/// Two passages listed alike (the title and addressee are both `(标题) [frame]`).
fn same_place(a: &Passage, b: &Passage) -> bool {
    a.kind == b.kind && a.section() == b.section() && a.place() == b.place()
}

/// Does a sentence end here, possibly behind a closing quote (`…完成。”`)?
fn ends_sentence(piece: &str) -> bool {
    let mut rev = piece.chars().rev();
    match rev.next() {
        Some(c) if is_sentence_end(c) => true,
        Some('”' | '’' | '）' | ')' | '"') => rev.next().is_some_and(is_sentence_end),
        _ => false,
    }
}

/// The look and plain-text markers of a step.
fn look(op: OpKind) -> (Style, &'static str, &'static str) {
    match op {
        OpKind::Equal => (Style::new(), "", ""),
        OpKind::Delete => (DELETED, "[-", "-]"),
        OpKind::Insert => (INSERTED, "{+", "+}"),
        OpKind::Move => (MOVED, "{>", "<}"),
        // Numbering is structure: the new marker, unmarked (dim in colour).
        OpKind::Renumber => (DIM, "", ""),
    }
}

/// A moved sentence on one line: `{>…<}` around its text, its own edits marked inside, then where
/// it came from.
fn move_line(out: &mut impl Write, op: &Op, color: bool) {
    let _ = out.write_str("    ");
    let (style, open, close) = look(OpKind::Move);
    if !color {
        let _ = out.write_str(open);
    }
    if op.ops.is_empty() {
        paint(out, color, style, op.text.trim_end_matches('\n'));
    }
    for inner in &op.ops {
        let text = inner.text.trim_end_matches('\n');
        match inner.op {
            OpKind::Equal => paint(out, color, style, text),
            kind => {
                let (s, o, c) = look(kind);
                if color {
                    paint(out, true, s, text);
                } else {
                    let _ = write!(out, "{o}{text}{c}");
                }
            }
        }
    }
    if !color {
        let _ = out.write_str(close);
    }
    if let Some(from) = &op.from {
        paint(out, color, DIM, &format!("  ← {from}"));
    }
    let _ = out.write_char('\n');
}

/// Writes the unified ops, one sentence per line. A deletion directly replaced by an insertion stays
/// on the insertion's line.
fn ops_text(out: &mut impl Write, ops: &[Op], color: bool) {
    let mut at_line_start = true;
    for (k, op) in ops.iter().enumerate() {
        if op.op == OpKind::Move {
            if !at_line_start {
                let _ = out.write_char('\n');
            }
            move_line(out, op, color);
            at_line_start = true;
            continue;
        }
        let replaced = op.op == OpKind::Delete && ops.get(k + 1).is_some_and(|n| n.op == OpKind::Insert);
        let lines: Vec<&str> = op.text.split_inclusive('\n').collect();
        for (li, line) in lines.iter().enumerate() {
            let pieces = split_sentences(line);
            for (pi, r) in pieces.iter().enumerate() {
                let piece = line[r.clone()].trim_end_matches('\n');
                if piece.is_empty() {
                    continue;
                }
                if at_line_start {
                    let _ = out.write_str("    ");
                    at_line_start = false;
                }
                let (style, open, close) = look(op.op);
                if color {
                    paint(out, true, style, piece);
                } else {
                    let _ = write!(out, "{open}{piece}{close}");
                }
                let last_piece = li + 1 == lines.len() && pi + 1 == pieces.len();
                if ends_sentence(piece) && !(replaced && last_piece) {
                    let _ = out.write_char('\n');
                    at_line_start = true;
                }
            }
            if line.ends_with('\n') && !at_line_start {
                let _ = out.write_char('\n');
                at_line_start = true;
            }
        }
    }
    if !at_line_start {
        let _ = out.write_char('\n');
    }
}

/// `duibi compare` as text: a header, then each row's places, figures and unified word diff.
/// The same, as one string.
pub fn compare(c: &Comparison, tax: &Taxonomy, color: bool) -> String {
    let mut out = String::new();
    compare_to(&mut out, &c.digest(), tax, color);
    out
}

/// `duibi compare` as text into `out`, row by row (a large comparison need not be held as one string).
pub fn compare_to(out: &mut impl Write, c: &Digest, tax: &Taxonomy, color: bool) {
    let summary = c.summary(tax);
    for (arrow, side) in [("◀ left ", &c.covers.left), ("▶ right", &c.covers.right)] {
        paint(out, color, HEADER, &format!("{arrow}: {}", side.label));
        let _ = writeln!(out, "  ({}, {})", side.file, side.source_kind);
    }
    let _ = writeln!(
        out,
        "{} rows · similarity {:.2} · {}",
        summary.rows,
        super::shown_similarity(summary.similarity, summary.stats.changes > 0, 2),
        stats_line(&summary.stats)
    );
    if let Some(note) = summary.budget_note() {
        paint(out, color, DELETED, &format!("note: {note}"));
        let _ = out.write_char('\n');
    }
    for (label, ids) in [
        ("only left", &summary.topics_left_only),
        ("only right", &summary.topics_right_only),
    ] {
        if !ids.is_empty() {
            let _ = writeln!(out, "{label}: {}", super::topic_names(tax, ids));
        }
    }
    super::overview::text(out, &c.overview(tax));
    let total = c.alignment.rows.len();
    for (i, row) in c.alignment.rows.iter().enumerate() {
        let _ = out.write_char('\n');
        let id = row
            .topic
            .map_or("content match".to_string(), |t| tax.topic(t).id.clone());
        let stats = c
            .diffs
            .get(i)
            .map(|d| format!(" · {}", stats_line(&d.stats)))
            .unwrap_or_default();
        paint(
            out,
            color,
            HEADER,
            &format!(
                "━━ {}/{} {} ({id}) · similarity {:.2}{stats}",
                i + 1,
                total,
                row.label,
                super::shown_similarity(row.similarity, c.diffs.get(i).is_some_and(|d| d.stats.changes > 0), 2)
            ),
        );
        let _ = out.write_char('\n');
        for (passages, arrow, name) in [(&row.passages.left, "◀", "left"), (&row.passages.right, "▶", "right")] {
            for (k, p) in passages.iter().enumerate() {
                if k == 0 || !same_place(&passages[k - 1], p) {
                    passage_line(out, color, arrow, p);
                }
            }
            if passages.is_empty() {
                let _ = writeln!(out, "  {arrow} (not in {name} report)");
            }
        }
        if let Some(d) = c.diffs.get(i) {
            for f in &d.figures {
                let _ = writeln!(out, "  # {} {} → {}", f.context, f.before, f.after);
            }
            ops_text(out, &d.ops(row), color);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::SourceText;
    use crate::outline::outline;

    #[test]
    fn a_passages_place_reads_as_the_report_writes_it() {
        let doc = |t: &str| outline(&SourceText::from_bytes("t.txt", t.as_bytes()).expect("decodes"));
        let left = "一、推进APP政务服务\n全年上线OA系统。";
        let right = "一、推进APP政务服务\n全年上线OA系统两个。";
        let tax = Taxonomy::builtin();
        let c = Comparison::build(doc(left), doc(right), &tax);
        let out = compare(&c, &tax, false);
        assert!(out.contains("推进APP政务服务  [section]"), "{out}");
        assert!(!out.contains("app"), "{out}");
    }
}
