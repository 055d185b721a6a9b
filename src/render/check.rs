//! The checklist as text (80 columns, colour optional), Markdown and JSON (the contract in
//! docs/checklist.md).

use std::fmt::Write;

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthStr;

use crate::check::{Checklist, Found, ReportCheck, Rules, Status};
use crate::wording::{clip, deadline_text, found_mark, report_name};

const GOOD: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Green)));
const PARTLY: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const BAD: Style = Style::new().fg_color(Some(anstyle::Color::Ansi(AnsiColor::Red)));
const HEADER: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// Text fitting in 80 columns.
const WIDTH: usize = 80;

fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}

/// `text` in lines of at most `width` columns, broken anywhere (Chinese has no spaces to break at).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            lines.push(String::new());
            used = 0;
        }
        if let Some(last) = lines.last_mut() {
            last.push(c);
        }
        used += w;
    }
    lines
}

fn found_style(found: Found) -> Style {
    match found {
        Found::Section => GOOD,
        Found::Passage => PARTLY,
        Found::Missing => BAD,
    }
}

/// One report's checklist, as text.
fn report_text(out: &mut String, r: &ReportCheck, list: &Checklist, color: bool) {
    let verdict = if r.passes {
        paint(color, GOOD, "passes")
    } else {
        paint(color, BAD, "does not pass")
    };
    let _ = writeln!(
        out,
        "{}  {verdict}",
        paint(color, HEADER, &clip(&report_name(r), WIDTH - 16))
    );
    let name_width = r.contents.iter().map(|c| c.name.width()).max().unwrap_or(0).min(32);
    for c in &r.contents {
        let (mark, word) = found_mark(c.found);
        let name = clip(&c.name, name_width);
        let pad = " ".repeat(name_width.saturating_sub(name.width()));
        let place =
            c.at.first()
                .map_or(String::new(), |l| clip(&l.text, WIDTH.saturating_sub(name_width + 17)));
        let _ = writeln!(
            out,
            "  {} {name}{pad}  {:<7}  {}",
            paint(color, found_style(c.found), mark),
            paint(color, found_style(c.found), word),
            paint(color, DIM, &place)
        );
    }
    let deadline_style = if r.deadline.status == Status::OnTime { GOOD } else { BAD };
    let _ = writeln!(
        out,
        "  deadline   {}",
        paint(color, deadline_style, &clip(&deadline_text(r), WIDTH - 13))
    );
    let figures = format!(
        "{} ({:.1} per 1000 characters; middle of the {} given: {:.1})",
        r.figures,
        r.figures_per_1000,
        list.reports.len(),
        list.median_figures_per_1000
    );
    let _ = writeln!(out, "  figures    {}", clip(&figures, WIDTH - 13));
    match (&r.last_year, r.copied_share) {
        (Some(last), Some(share)) => {
            let last = last.rsplit('/').next().unwrap_or(last);
            let line = format!("{last}: {:.0}% of the sentences copied", share * 100.0);
            let _ = writeln!(out, "  last year  {}", clip(&line, WIDTH - 13));
        }
        _ => {
            let _ = writeln!(out, "  last year  — (no earlier report of this unit given)");
        }
    }
    if r.last_year.is_some() {
        let _ = writeln!(out, "  problems stated again: {}", r.repeated_problems.len());
        for p in &r.repeated_problems {
            let how = if p.same { "word for word" } else { "reworded" };
            let _ = writeln!(out, "    {} {}", paint(color, BAD, "↺"), clip(&p.text, WIDTH - 22));
            let _ = writeln!(
                out,
                "      {}",
                paint(color, DIM, &clip(&format!("{how}: {}", p.last_year), WIDTH - 6))
            );
        }
        let done = r.plans.iter().filter(|p| p.done).count();
        let _ = writeln!(out, "  last year's plans said done: {done} of {}", r.plans.len());
        for p in &r.plans {
            let (mark, style) = if p.done { ("✓", GOOD) } else { ("✗", BAD) };
            let _ = writeln!(out, "    {} {}", paint(color, style, mark), clip(&p.text, WIDTH - 6));
            if let Some(at) = p.at.first() {
                let _ = writeln!(
                    out,
                    "      {}",
                    paint(color, DIM, &clip(&format!("→ {}", at.text), WIDTH - 6))
                );
            }
        }
    }
    for f in &r.failures {
        let _ = writeln!(out, "  {} {}", paint(color, BAD, "✗"), clip(f, WIDTH - 4));
    }
}

/// The checklist as text: a block per report, then how many pass.
pub fn text(list: &Checklist, rules: &Rules, color: bool) -> String {
    let mut out = String::new();
    for (i, r) in list.reports.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        report_text(&mut out, r, list, color);
    }
    let passing = list.reports.iter().filter(|r| r.passes).count();
    let _ = writeln!(out, "\n{passing} of {} reports pass.", list.reports.len());
    let due = format!(
        "Due {:02}-{:02} of the year after the one reported on: {}",
        rules.due.month, rules.due.day, rules.due_source
    );
    for line in wrap(&due, WIDTH) {
        let _ = writeln!(out, "{}", paint(color, DIM, &line));
    }
    out
}

fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The checklist as Markdown: a table of every report's findings, then each report's history.
pub fn markdown(list: &Checklist, rules: &Rules) -> String {
    let mut out = String::from("# Checklist\n\n");
    let ids: Vec<&str> = rules.contents.iter().map(|c| c.name.as_str()).collect();
    let _ = writeln!(
        out,
        "| report | {} | deadline | figures /1000 | copied | again | plans done | passes |",
        ids.join(" | ")
    );
    let _ = writeln!(out, "|---|{}---|---|---|---|---|---|---|", "---|".repeat(ids.len()));
    for r in &list.reports {
        let cells: Vec<String> = r.contents.iter().map(|c| found_mark(c.found).1.to_string()).collect();
        let copied = r.copied_share.map_or("—".into(), |s| format!("{:.0}%", s * 100.0));
        let again = if r.last_year.is_some() {
            r.repeated_problems.len().to_string()
        } else {
            "—".into()
        };
        let plans = if r.last_year.is_some() {
            format!("{}/{}", r.plans.iter().filter(|p| p.done).count(), r.plans.len())
        } else {
            "—".into()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.1} | {copied} | {again} | {plans} | {} |",
            md(&report_name(r)),
            cells.join(" | "),
            md(&deadline_text(r)),
            r.figures_per_1000,
            if r.passes { "yes" } else { "no" }
        );
    }
    for r in &list.reports {
        let _ = writeln!(out, "\n## {}\n", md(&report_name(r)));
        for c in &r.contents {
            let at: Vec<String> = c.at.iter().map(|l| format!("“{}”", md(l.text.trim()))).collect();
            let _ = writeln!(out, "- {}: {} {}", c.name, found_mark(c.found).1, at.join("; "));
        }
        for p in &r.repeated_problems {
            let _ = writeln!(
                out,
                "- stated again: “{}” (last year: “{}”)",
                md(&p.text),
                md(&p.last_year)
            );
        }
        for p in &r.plans {
            let at = p.at.first().map_or(String::new(), |l| format!(" — “{}”", md(&l.text)));
            let _ = writeln!(
                out,
                "- last year's plan, {}: “{}”{at}",
                if p.done { "done" } else { "not said done" },
                md(&p.text)
            );
        }
        for f in &r.failures {
            let _ = writeln!(out, "- **does not pass**: {f}");
        }
    }
    out
}

/// The checklist as JSON: `{"reports":[…]}` as docs/checklist.md states it.
pub fn json(list: &Checklist) -> String {
    serde_json::to_string_pretty(&serde_json::json!({ "reports": list.reports })).unwrap_or_default() + "\n"
}
