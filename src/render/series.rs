//! Several reports as text, Markdown, JSON and CSV: the coverage matrix, each neighbouring pair's
//! summary, and the figures table.

use std::fmt::Write;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::overview::pad;
use super::{stats_line, topic_names};
use crate::compare::Summary;
use crate::series::coverage::{Cell, Coverage};
use crate::series::figures::{Change, Figures, Measure};
use crate::series::{Series, Survey};
use crate::stock::{Phrase, StockPhrases};
use crate::text::shown;
use crate::topics::Taxonomy;
use crate::wording::{CHANGE_LEGEND, LEGEND, cell_text};

/// Copied share of a report's sentences: `copied 30 of 45 (67%)`.
fn copied_text(total: &Cell) -> String {
    match total.copied {
        None => format!("{} sentences", total.sentences),
        Some(c) => format!(
            "{} sentences, {c} copied from the report before ({}%)",
            total.sentences,
            (c * 100).checked_div(total.sentences).unwrap_or(0)
        ),
    }
}

/// `2023 → 2024: similarity 0.83 · 12 changes · … · new: 政务公开`.
fn pair_line(tax: &Taxonomy, names: &[String], (i, j, s): &(usize, usize, Summary)) -> String {
    let mut line = format!(
        "{} → {}: similarity {:.2} · {}",
        names[*i],
        names[*j],
        super::shown_similarity(s.similarity, s.stats.changes > 0, 2),
        stats_line(&s.stats)
    );
    if !s.topics_left_only.is_empty() {
        let _ = write!(line, " · dropped: {}", topic_names(tax, &s.topics_left_only));
    }
    if !s.topics_right_only.is_empty() {
        let _ = write!(line, " · new: {}", topic_names(tax, &s.topics_right_only));
    }
    if let Some(note) = s.budget_note() {
        let _ = write!(line, " · {note}");
    }
    line
}

/// The coverage matrix and the neighbouring pairs, as plain text.
pub fn text(series: &Series, survey: &Survey, tax: &Taxonomy) -> String {
    let (cov, pairs) = (&survey.coverage, &survey.pairs);
    let names: Vec<String> = series.names().iter().map(|n| shown(n)).collect();
    let mut out = String::from("Reports\n");
    for (i, r) in series.reports.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {:>2}  {}  ({})  {}",
            i + 1,
            names[i],
            shown(&r.doc.file_name()),
            copied_text(&cov.totals[i])
        );
    }
    if !series.skipped.is_empty() {
        out.push_str("\nSkipped (could not be read)\n");
        for s in &series.skipped {
            let _ = writeln!(out, "  {}: {}", shown(&s.path.display().to_string()), shown(&s.reason));
        }
    }
    let label_cols = cov.topics.iter().map(|t| t.label.width()).max().unwrap_or(0).max(6);
    let col = 7;
    let _ = write!(out, "\nCoverage\n  {}", pad("", label_cols));
    for i in 0..names.len() {
        let _ = write!(out, "{:>col$}", format!("#{}", i + 1));
    }
    out.push('\n');
    for row in &cov.topics {
        let _ = write!(out, "  {}", pad(&row.label, label_cols));
        for (i, c) in row.cells.iter().enumerate() {
            let text = cell_text(c, series.previous(i).map(|b| &row.cells[b]));
            let _ = write!(out, "{}{text}", " ".repeat(col.saturating_sub(text.width())));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "  {LEGEND}");
    out.push_str("\nEach report against the one before of its unit\n");
    for p in pairs {
        let _ = writeln!(out, "  {}", pair_line(tax, &names, p));
    }
    for (i, name) in names.iter().enumerate() {
        if let Some(why) = series.alone_because(i) {
            let _ = writeln!(out, "  {name}: {why}");
        }
    }
    if let Some(head) = stock_heading(&survey.stock) {
        let _ = writeln!(out, "\n{head}\n  {}", stock_list(&survey.stock));
    }
    out
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('*', "\\*").replace('_', "\\_")
}

/// The same as a Markdown document.
pub fn markdown(series: &Series, survey: &Survey, tax: &Taxonomy) -> String {
    let (cov, pairs) = (&survey.coverage, &survey.pairs);
    let names: Vec<String> = series.names().iter().map(|n| md_escape(&shown(n))).collect();
    let mut out = String::from("# Reports\n\n");
    for (i, r) in series.reports.iter().enumerate() {
        let _ = writeln!(
            out,
            "{}. **{}** (`{}`): {}",
            i + 1,
            names[i],
            shown(&r.doc.file_name()).replace('`', "'"),
            copied_text(&cov.totals[i])
        );
    }
    out.push_str("\n# Coverage\n\n| topic |");
    for n in &names {
        let _ = write!(out, " {n} |");
    }
    out.push_str("\n|---|");
    out.push_str(&"---:|".repeat(names.len()));
    out.push('\n');
    for row in &cov.topics {
        let _ = write!(out, "| {} |", md_escape(&row.label));
        for (i, c) in row.cells.iter().enumerate() {
            let _ = write!(out, " {} |", cell_text(c, series.previous(i).map(|b| &row.cells[b])));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\n{}", md_escape(LEGEND));
    out.push_str("\n# Each report against the one before of its unit\n\n");
    for p in pairs {
        let _ = writeln!(out, "- {}", md_escape(&pair_line(tax, &names, p)));
    }
    for (i, name) in names.iter().enumerate() {
        if let Some(why) = series.alone_because(i) {
            let _ = writeln!(out, "- {}: {}", md_escape(name), md_escape(&why));
        }
    }
    if let Some(head) = stock_heading(&survey.stock) {
        let _ = writeln!(out, "\n# {head}\n\n{}", md_escape(&stock_list(&survey.stock)));
    }
    out
}

/// Phrases listed under the matrix; the rest are still dimmed in the interface.
const STOCK_LISTED: usize = 20;

/// `Stock phrases (used by at least 3 of 4 issuing units)`, when some were learned.
fn stock_heading(stock: &StockPhrases) -> Option<String> {
    (!stock.phrases.is_empty()).then(|| {
        format!(
            "Stock phrases (used by at least {} of {} issuing units)",
            stock.threshold, stock.learned_from
        )
    })
}

/// `坚持统筹推进 (4) · 高度重视 (3) · …`.
fn stock_list(stock: &StockPhrases) -> String {
    let mut items: Vec<String> = stock
        .phrases
        .iter()
        .take(STOCK_LISTED)
        .map(|p| format!("{} ({})", shown(&p.text), p.reports))
        .collect();
    if stock.phrases.len() > STOCK_LISTED {
        items.push(format!("… {} more", stock.phrases.len() - STOCK_LISTED));
    }
    items.join(" · ")
}

#[derive(Serialize)]
struct ReportJson<'a> {
    file: &'a str,
    unit: Option<&'a str>,
    year: Option<u32>,
}

fn reports_json(series: &Series) -> Vec<ReportJson<'_>> {
    series
        .reports
        .iter()
        .map(|r| ReportJson {
            file: &r.doc.path,
            unit: r.doc.unit.as_deref(),
            year: r.doc.year,
        })
        .collect()
}

/// The coverage and pairs as JSON: `{"reports":[…],"coverage":{"topics":[…],"totals":[…]},"pairs":[…]}`.
pub fn json(series: &Series, survey: &Survey) -> String {
    #[derive(Serialize)]
    struct Pair<'a> {
        left: usize,
        right: usize,
        #[serde(flatten)]
        summary: &'a Summary,
    }
    #[derive(Serialize)]
    struct SkippedJson {
        file: String,
        reason: String,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        reports: Vec<ReportJson<'a>>,
        skipped: Vec<SkippedJson>,
        coverage: &'a Coverage,
        pairs: Vec<Pair<'a>>,
        stock_phrases: &'a [Phrase],
    }
    let out = Out {
        reports: reports_json(series),
        skipped: series
            .skipped
            .iter()
            .map(|s| SkippedJson {
                file: s.path.to_string_lossy().into_owned(),
                reason: s.reason.clone(),
            })
            .collect(),
        coverage: &survey.coverage,
        stock_phrases: &survey.stock.phrases,
        pairs: survey
            .pairs
            .iter()
            .map(|(left, right, summary)| Pair {
                left: *left,
                right: *right,
                summary,
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

/// The figures as a table: one measure a line, one column a report.
pub fn figures_text(series: &Series, f: &Figures, tax: &Taxonomy) -> String {
    let names = series.names();
    let label_cols = f.measures.iter().map(|m| m.label.width()).max().unwrap_or(0).max(4);
    let topic_cols = f
        .measures
        .iter()
        .map(|m| tax.label_of(&m.topic).width())
        .max()
        .unwrap_or(0)
        .max(4);
    let col = f
        .measures
        .iter()
        .flat_map(|m| m.values.iter().flatten().map(|v| v.width()))
        .max()
        .unwrap_or(0)
        .max(6)
        + 2;
    let mut out = String::new();
    for (i, n) in names.iter().enumerate() {
        let _ = writeln!(out, "#{:<2} {}", i + 1, shown(n));
    }
    let _ = write!(out, "\n{}  {}", pad("topic", topic_cols), pad("measure", label_cols));
    for i in 0..names.len() {
        let _ = write!(out, "{:>col$}", format!("#{}", i + 1));
    }
    let _ = write!(out, "{:>col$}", "change");
    out.push('\n');
    for m in &f.measures {
        let _ = write!(
            out,
            "{}  {}",
            pad(tax.label_of(&m.topic), topic_cols),
            pad(&shown(&m.label), label_cols)
        );
        for v in &m.values {
            let v = v.as_deref().map_or("·".to_string(), shown);
            let _ = write!(out, "{}{v}", " ".repeat(col.saturating_sub(v.width())));
        }
        let change = m.latest_change(&|i| series.previous(i));
        let change = change.as_ref().map_or("", Change::text);
        let _ = write!(out, "{}{change}", " ".repeat(col.saturating_sub(change.width())));
        out.push('\n');
    }
    let _ = writeln!(out, "\n{CHANGE_LEGEND}");
    out
}

/// `{"reports":[{"file","unit","year"}],"measures":[{"label","unit","topic","values":[…]}]}`.
pub fn figures_json(series: &Series, f: &Figures) -> String {
    #[derive(Serialize)]
    struct MeasureJson<'a> {
        #[serde(flatten)]
        measure: &'a Measure,
        /// `+8次`, `≠`, `gone`, or null (see [`Measure::latest_change`]).
        change: Option<&'a str>,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        reports: Vec<ReportJson<'a>>,
        measures: Vec<MeasureJson<'a>>,
    }
    let changes: Vec<Option<Change>> = f
        .measures
        .iter()
        .map(|m| m.latest_change(&|i| series.previous(i)))
        .collect();
    let out = Out {
        reports: reports_json(series),
        measures: f
            .measures
            .iter()
            .zip(&changes)
            .map(|(measure, change)| MeasureJson {
                measure,
                change: change.as_ref().map(Change::text),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One line a measure: `label,unit,topic,` then a value per report (empty where absent), then the
/// latest change.
pub fn figures_csv(series: &Series, f: &Figures) -> String {
    let mut out = String::from("label,unit,topic");
    for n in series.names() {
        let _ = write!(out, ",{}", csv_field(&shown(&n)));
    }
    out.push_str(",change\n");
    for m in &f.measures {
        let _ = write!(
            out,
            "{},{},{}",
            csv_field(&shown(&m.label)),
            csv_field(&m.unit),
            m.topic
        );
        for v in &m.values {
            let _ = write!(out, ",{}", csv_field(&v.as_deref().map(shown).unwrap_or_default()));
        }
        let change = m.latest_change(&|i| series.previous(i));
        let _ = writeln!(out, ",{}", csv_field(change.as_ref().map_or("", Change::text)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_say_covered_new_dropped_and_copied() {
        let covered = |n, copied| Cell {
            sentences: n,
            chars: n * 20,
            copied,
            dropped: Some(0),
        };
        let none = Cell::default();
        assert_eq!(cell_text(&covered(12, None), None), "12");
        assert_eq!(cell_text(&covered(12, Some(8)), Some(&covered(10, None))), "12/8");
        assert_eq!(cell_text(&covered(3, Some(0)), Some(&none)), "+3");
        assert_eq!(cell_text(&none, Some(&covered(3, None))), "−");
        assert_eq!(cell_text(&none, Some(&none)), "·");
    }

    #[test]
    fn csv_fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("16次"), "16次");
    }
}
