//! The analyst's review as a colleague reads it: the reports, what was refiled, the notes, the
//! checklist, then the comparison row by row with each row's notes under its heading. Markdown,
//! JSON, and HTML (the Markdown rendered, in one file that needs no network and prints well).

use std::fmt::Write;

use super::markdown::escape;
use crate::check::{Checklist, ReportCheck, Rules};
use crate::compare::Comparison;
use crate::review::{About, State, keys};
use crate::topics::Taxonomy;

/// What an export is made of.
pub struct Export<'a> {
    pub cmp: &'a Comparison,
    pub tax: &'a Taxonomy,
    pub state: &'a State,
    /// Other reviews whose refilings of these reports apply too.
    pub others: &'a [State],
    /// The newer report's checklist (`None` when it could not be made).
    pub check: Option<&'a ReportCheck>,
    pub rules: &'a Rules,
}

impl Export<'_> {
    /// Each row's key and whether it is marked reviewed with the content it shows now.
    fn rows(&self) -> Vec<(String, bool)> {
        self.cmp
            .alignment
            .rows
            .iter()
            .map(|r| {
                let key = keys::row(r, self.tax);
                let reviewed = self.state.is_reviewed(&key, &keys::row_content(r));
                (key, reviewed)
            })
            .collect()
    }
}

/// Every `#` heading one level down, to sit inside the export.
fn demoted(markdown: &str) -> String {
    markdown
        .lines()
        .map(|l| {
            if l.starts_with('#') {
                format!("#{l}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect()
}

/// The review as Markdown.
pub fn markdown(e: &Export<'_>) -> String {
    let mut out = String::new();
    let (l, r) = (&e.cmp.docs.left, &e.cmp.docs.right);
    let rows = e.rows();
    let reviewed = rows.iter().filter(|(_, on)| *on).count();
    let _ = writeln!(out, "# 审阅 Review: {} ↔ {}\n", escape(&l.label()), escape(&r.label()));
    let count = crate::wording::counted;
    let _ = writeln!(
        out,
        "{reviewed} of {} reviewed · {} · {}.\n",
        count(rows.len(), "row", "rows"),
        count(e.state.notes.len(), "note", "notes"),
        count(e.state.refilings.len(), "refiling", "refilings")
    );
    let _ = writeln!(out, "| | file | title | year |\n|---|---|---|---|");
    for (side, d) in [("left", l), ("right", r)] {
        let year = d.year.map_or("—".to_string(), |y| y.to_string());
        let title = d.title.as_deref().unwrap_or("—");
        let _ = writeln!(out, "| {side} | {} | {} | {year} |", escape(&d.file), escape(title));
    }
    let ids = keys::reports(e.cmp.reports()).map(|r| r.id);
    let elsewhere: Vec<_> = e
        .others
        .iter()
        .flat_map(|s| &s.refilings)
        .filter(|f| ids.contains(&f.report))
        .collect();
    if !e.state.refilings.is_empty() || !elsewhere.is_empty() {
        let _ = writeln!(out, "\n## Refiled by the analyst\n");
        let tagged = e
            .state
            .refilings
            .iter()
            .map(|f| (f, ""))
            .chain(elsewhere.iter().map(|f| (*f, " (in the review of another pair)")));
        for (f, whence) in tagged {
            let _ = writeln!(
                out,
                "- “{}”: {} → **{}**{whence}",
                escape(&f.excerpt),
                escape(&f.from),
                escape(e.tax.label_of(&f.to))
            );
        }
    }
    if !e.state.notes.is_empty() {
        let _ = writeln!(out, "\n## Notes\n");
        for n in &e.state.notes {
            let row = rows.iter().position(|(k, _)| *k == n.row);
            let label = row.map_or("(row no longer shown)".to_string(), |i| {
                format!("{}. {}", i + 1, e.cmp.alignment.rows[i].label)
            });
            let on = about(n).map_or(String::new(), |a| format!(", on {a}"));
            let _ = writeln!(out, "- {}{on}: {}", escape(&label), escape(&n.text));
        }
    }
    if let Some(check) = e.check {
        let list = Checklist {
            reports: vec![check.clone()],
            median_figures_per_1000: check.figures_per_1000,
            due_source: e.rules.due_source.clone(),
        };
        let _ = write!(out, "\n{}", demoted(&super::check::markdown(&list, e.rules)));
    }
    let mut body = String::new();
    super::markdown::compare_with(&mut body, &e.cmp.digest(), e.tax, &mut |i, w| {
        if rows.get(i).is_some_and(|(_, on)| *on) {
            let _ = writeln!(w, "✓ reviewed\n");
        }
        let key = rows.get(i).map(|(k, _)| k.as_str()).unwrap_or_default();
        let notes: Vec<_> = e.state.notes_on(key).collect();
        for n in &notes {
            let on = about(n).map_or(String::new(), |a| format!("on {a}: "));
            let _ = writeln!(w, "> ✎ {on}{}", escape(&n.text));
            let _ = writeln!(w, ">");
        }
        if !notes.is_empty() {
            let _ = writeln!(w);
        }
    });
    let _ = write!(out, "\n{}", demoted(&body));
    out
}

/// What a note is on, when not a whole row: the change or the figure.
fn about(n: &crate::review::Note) -> Option<String> {
    match n.about {
        About::Row => None,
        About::Change => Some(format!("the change “{}”", escape(&n.excerpt))),
        About::Figure => Some(format!("the figure {}", escape(&n.excerpt))),
    }
}

/// The review as JSON: the reports, rows with their reviewed marks and notes, refilings, the
/// checklist, and the comparison as `duibi compare --format json` gives it.
pub fn json(e: &Export<'_>) -> String {
    let rows = e.rows();
    let comparison: serde_json::Value =
        serde_json::from_str(&super::json::compare(e.cmp, e.tax)).unwrap_or(serde_json::Value::Null);
    let row_json: Vec<_> = rows
        .iter()
        .zip(&e.cmp.alignment.rows)
        .map(|((key, reviewed), r)| {
            serde_json::json!({
                "key": key,
                "label": r.label,
                "reviewed": reviewed,
                "notes": e.state.notes_on(key).collect::<Vec<_>>(),
            })
        })
        .collect();
    let refiled: Vec<_> = e
        .state
        .refilings
        .iter()
        .map(|f| serde_json::json!({"excerpt": f.excerpt, "from": f.from, "to": e.tax.label_of(&f.to), "sentences": f.sentences.len()}))
        .collect();
    let reports: Vec<_> = keys::reports(e.cmp.reports())
        .iter()
        .zip(e.cmp.docs.both())
        .map(|(r, d)| serde_json::json!({"id": r.id, "path": d.path, "title": r.title}))
        .collect();
    let value = serde_json::json!({
        "reports": reports,
        "rows": row_json,
        "refiled": refiled,
        "checklist": e.check,
        "comparison": comparison,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
}

/// The styles of the HTML export: readable on screen, and on paper without colours lost.
const STYLE: &str = "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.6;color:#222}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.2em .5em;vertical-align:top}\
del{background:#fdd;color:#900}strong{background:#dfd;color:#060}em{background:#eef}\
blockquote{border-left:4px solid #e90;background:#fff8e5;margin:.5em 0;padding:.2em 1em}\
h2{border-bottom:1px solid #ccc;margin-top:2em}\
@media print{body{max-width:none;margin:0}h2,h3{break-after:avoid}table,blockquote{break-inside:avoid}\
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// The review as one HTML file: the Markdown rendered, styles inside, nothing fetched.
pub fn html(e: &Export<'_>) -> String {
    use pulldown_cmark::{Options, Parser, html::push_html};
    let md = markdown(e);
    let mut body = String::new();
    push_html(
        &mut body,
        Parser::new_ext(&md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH),
    );
    let title = format!(
        "审阅 Review: {} ↔ {}",
        e.cmp.docs.left.label(),
        e.cmp.docs.right.label()
    );
    let mut escaped = String::new();
    html_escape(&mut escaped, &title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n<title>{escaped}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

/// `text` with the characters HTML reads as markup escaped.
fn html_escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}
