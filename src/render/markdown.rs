//! Markdown output: a summary table, then a section per row with `~~deleted~~`, `**inserted**` and
//! `*moved*` text (as `<del>`, `<strong>`, `<em>` where CommonMark would not read the marks).

use std::fmt::Write;

use super::stats_line;
use crate::compare::Comparison;
use crate::diff::{Op, OpKind};
use crate::digest::Digest;
use crate::topics::Taxonomy;

/// Escapes characters Markdown would read as markup.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_{}[]<>()#+-!|~".contains(c) {
            let _ = out.write_char('\\');
        }
        if c == '\n' {
            let _ = out.write_str("  \n");
        } else {
            let _ = out.write_char(c);
        }
    }
    out
}

/// The HTML element that says what `mark` says.
fn tag(mark: &str) -> &'static str {
    match mark {
        "~~" => "del",
        "**" => "strong",
        _ => "em",
    }
}

/// Whether a CommonMark renderer reads `mark` around `text` as emphasis wherever it stands: a
/// delimiter run opens only if the character after it is not punctuation (or a blank or
/// punctuation stands before it, which is unknown here), and closes likewise; Chinese text puts
/// letters right beside them, so only text that starts and ends with a letter or digit is safe.
fn hugs(text: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    word(text.chars().next()) && word(text.chars().next_back())
}

/// Writes `text` marked with `mark`, line by line; `after`: the closing mark written last, right
/// before, which a mark of the same character would run into (`*a**b*` is not two elements).
/// Returns the mark this ends with.
fn wrap(out: &mut impl Write, mark: &'static str, text: &str, after: Option<&'static str>) -> Option<&'static str> {
    let mut after = after;
    // Emphasis markers must hug text: keep leading/trailing blanks and line breaks outside.
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            let _ = out.write_str("  \n");
            after = None;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            let _ = out.write_str(line);
            after = after.filter(|_| line.is_empty());
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            after = None;
        }
        let runs_into = after.is_some_and(|a| a.chars().next_back() == mark.chars().next());
        if hugs(trimmed) && !runs_into {
            let _ = write!(out, "{mark}{}{mark}", escape(trimmed));
            after = Some(mark);
        } else {
            // `**“法治”**` beside a letter stays literal asterisks: an inline element does not.
            let tag = tag(mark);
            let _ = write!(out, "<{tag}>{}</{tag}>", escape(trimmed));
            after = None;
        }
        if line.ends_with(char::is_whitespace) {
            after = None;
        }
    }
    after
}

/// The unified steps: ~~deleted~~, **inserted**, *moved* (with its own edits inside and where it came
/// from after it); a new numbering marker as plain text.
fn ops_markdown(out: &mut impl Write, ops: &[Op]) {
    let mut after = None;
    for op in ops {
        match op.op {
            OpKind::Equal | OpKind::Renumber => {
                let _ = out.write_str(&escape(&op.text));
                after = after.filter(|_| op.text.is_empty());
            }
            OpKind::Delete => after = wrap(out, "~~", &op.text, after),
            OpKind::Insert => after = wrap(out, "**", &op.text, after),
            OpKind::Move => {
                let trim = |s: &str| s.trim_end_matches('\n').to_string();
                if op.ops.is_empty() {
                    after = wrap(out, "*", &trim(&op.text), after);
                }
                for inner in &op.ops {
                    let mark = match inner.op {
                        OpKind::Delete => "~~",
                        OpKind::Insert => "**",
                        _ => "*",
                    };
                    after = wrap(out, mark, &trim(&inner.text), after);
                }
                if let Some(from) = &op.from {
                    let _ = write!(out, " (← {})", escape(from));
                    after = None;
                }
                if op.text.ends_with('\n') {
                    let _ = out.write_str("  \n");
                    after = None;
                }
            }
        }
    }
}

/// `duibi compare --format markdown`.
/// The same, as one string.
pub fn compare(c: &Comparison, tax: &Taxonomy) -> String {
    let mut out = String::new();
    compare_to(&mut out, &c.digest(), tax);
    out
}

/// `duibi compare --format markdown` into `out`, row by row.
pub fn compare_to(out: &mut impl Write, c: &Digest, tax: &Taxonomy) {
    compare_with(out, c, tax, &mut |_, _| {});
}

/// The same, with `beside(row, out)` writing what goes under each row's heading (a review's notes).
pub fn compare_with(out: &mut impl Write, c: &Digest, tax: &Taxonomy, beside: &mut dyn FnMut(usize, &mut dyn Write)) {
    let s = c.summary(tax);
    let _ = writeln!(
        out,
        "# {} ↔ {}\n",
        escape(&c.covers.left.label),
        escape(&c.covers.right.label)
    );
    let _ = writeln!(out, "| | left | right |\n|---|---|---|");
    let _ = writeln!(
        out,
        "| file | {} | {} |",
        escape(&c.covers.left.file),
        escape(&c.covers.right.file)
    );
    let year = |y: Option<u32>| y.map_or("—".to_string(), |y| y.to_string());
    let _ = writeln!(
        out,
        "| year | {} | {} |",
        year(c.covers.left.year),
        year(c.covers.right.year)
    );
    let _ = writeln!(
        out,
        "\n{} rows, similarity {:.2}, {}.\n",
        s.rows,
        super::shown_similarity(s.similarity, s.stats.changes > 0, 2),
        escape(&stats_line(&s.stats))
    );
    if let Some(note) = s.budget_note() {
        let _ = writeln!(out, "> Note: {}.\n", escape(&note));
    }
    if !s.topics_left_only.is_empty() {
        let _ = writeln!(
            out,
            "Only in the left report: {}.\n",
            escape(&super::topic_names(tax, &s.topics_left_only))
        );
    }
    if !s.topics_right_only.is_empty() {
        let _ = writeln!(
            out,
            "Only in the right report: {}.\n",
            escape(&super::topic_names(tax, &s.topics_right_only))
        );
    }
    super::overview::markdown(out, &c.overview(tax), escape);
    for (i, row) in c.alignment.rows.iter().enumerate() {
        let id = row
            .topic
            .map_or("content match".to_string(), |t| tax.topic(t).id.clone());
        let _ = writeln!(
            out,
            "## {} (`{id}`) — similarity {:.2}\n",
            escape(&row.label),
            super::shown_similarity(row.similarity, c.diffs.get(i).is_some_and(|d| d.stats.changes > 0), 2)
        );
        for (side, passages) in [("Left", &row.passages.left), ("Right", &row.passages.right)] {
            let places: Vec<String> = passages
                .iter()
                .map(|p| {
                    if p.path.is_empty() {
                        "opening or closing text".into()
                    } else {
                        escape(&p.path.join(" › "))
                    }
                })
                .collect();
            let places = if places.is_empty() {
                "—".to_string()
            } else {
                places.join("; ")
            };
            let _ = writeln!(out, "- **{side}:** {places}");
        }
        let _ = out.write_char('\n');
        let mut under = String::new();
        beside(i, &mut under);
        let _ = out.write_str(&under);
        let Some(d) = c.diffs.get(i) else { continue };
        let _ = writeln!(out, "Changes: {}\n", escape(&stats_line(&d.stats)));
        for f in &d.figures {
            let _ = writeln!(
                out,
                "- {} {} → {}",
                escape(&f.context),
                escape(&f.before),
                escape(&f.after)
            );
        }
        if !d.figures.is_empty() {
            let _ = out.write_char('\n');
        }
        ops_markdown(out, &d.ops(row));
        let _ = out.write_str("\n\n");
    }
}
