//! Paints a series' checklist: a column per report, a line per item (the required contents, the
//! deadline, figures, what was copied, problems stated again, last year's plans, the verdict).
//! Reads the [`Browser`]; changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::Theme;
use super::table::{fit, line};
use crate::check::{Found, ReportCheck, Status};
use crate::keys::Action;
use crate::text::shown;
use crate::view::checklist::ITEMS;
use crate::view::series::Browser;
use crate::view::width::str_width;

/// Width of a report's column.
const COL: usize = 9;

/// An item's label, and its cell for a report with its colour's meaning (Some(true) good,
/// Some(false) bad, None neutral).
fn item(r: &ReportCheck, k: usize) -> (String, String, Option<bool>) {
    if let Some(c) = r.contents.get(k).filter(|_| k < 5) {
        let (text, good) = match c.found {
            Found::Section => ("section", Some(true)),
            Found::Passage => ("passage", Some(true)),
            Found::Missing => ("missing", Some(false)),
        };
        return (c.name.clone(), text.into(), good);
    }
    let history = r.last_year.is_some();
    match k {
        5 => {
            let (text, good) = match r.deadline.status {
                Status::OnTime => ("on time".to_string(), Some(true)),
                Status::Late => (format!("+{}d", r.deadline.days_late.unwrap_or(0)), Some(false)),
                Status::Early => ("early".into(), Some(false)),
                Status::Undated => ("undated".into(), Some(false)),
            };
            ("期限 deadline".into(), text, good)
        }
        6 => ("数字 figures /1000".into(), format!("{:.1}", r.figures_per_1000), None),
        7 => (
            "照抄 copied".into(),
            r.copied_share.map_or("—".into(), |s| format!("{:.0}%", s * 100.0)),
            None,
        ),
        8 => (
            "问题重现 again".into(),
            if history {
                r.repeated_problems.len().to_string()
            } else {
                "—".into()
            },
            (history && !r.repeated_problems.is_empty()).then_some(false),
        ),
        9 => (
            "去年计划 plans done".into(),
            if history {
                format!("{}/{}", r.plans.iter().filter(|p| p.done).count(), r.plans.len())
            } else {
                "—".into()
            },
            None,
        ),
        _ => (
            "结论 passes".into(),
            if r.passes { "yes" } else { "no" }.into(),
            Some(r.passes),
        ),
    }
}

/// The checklist table, the cursor's cell reversed, its report named at the foot.
pub(super) fn checklist(buf: &mut Buffer, area: Rect, b: &Browser, theme: &Theme) {
    let Some(list) = &b.checklist() else { return };
    let n = list.reports.len();
    let width = area.width as usize;
    let h = b.app().hints();
    let title = format!(
        " 清单 checklist · {n} reports · {}: the report's checklist in its pair · {} coverage · {} quit",
        h.key(Action::Open),
        h.key(Action::Checklist),
        h.key(Action::Quit)
    );
    line(buf, area, area.y, Line::styled(fit(&title, width, false), theme.header));
    let labels = (0..ITEMS)
        .filter_map(|k| list.reports.first().map(|r| str_width(&item(r, k).0)))
        .max()
        .unwrap_or(8)
        + 2;
    let (row, col) = b.checklist_cursor();
    let fits = (width.saturating_sub(labels + 1) / COL).clamp(1, n.max(1));
    let first = col.saturating_sub(fits - 1).min(n.saturating_sub(fits));
    let mut head = vec![Span::raw(fit(" item", labels, false))];
    for i in first..(first + fits).min(n) {
        let r = &list.reports[i];
        let title = r
            .year
            .map_or_else(|| format!("#{}", i + 1), |y| format!("{}:{y}", i + 1));
        let style = if i == col { theme.title } else { theme.dim };
        head.push(Span::styled(fit(&title, COL, true), style));
    }
    line(buf, area, area.y + 1, Line::from(head));
    for k in 0..ITEMS {
        let label = list.reports.first().map(|r| item(r, k).0).unwrap_or_default();
        let mut spans = vec![Span::styled(
            fit(&format!(" {label}"), labels, false),
            if k == row { theme.title } else { theme.plain },
        )];
        for i in first..(first + fits).min(n) {
            let (_, text, good) = item(&list.reports[i], k);
            let mut style: Style = match good {
                Some(true) => theme.inserted,
                Some(false) => theme.deleted,
                None => theme.plain,
            };
            if (k, i) == (row, col) {
                style = style.add_modifier(Modifier::REVERSED);
            }
            spans.push(Span::styled(fit(&text, COL, true), style));
        }
        line(buf, area, area.y + 2 + k as u16, Line::from(spans));
    }
    let footer = area.y + area.height.saturating_sub(2);
    if let Some(r) = list.reports.get(col) {
        let why = if r.failures.is_empty() {
            "passes".to_string()
        } else {
            r.failures.join("; ")
        };
        line(
            buf,
            area,
            footer,
            Line::raw(fit(&format!(" {}", shown(&why)), width, false)),
        );
    }
    let status = match &b.message() {
        Some(m) => format!(" {}", shown(m)),
        None => list
            .reports
            .get(col)
            .map_or(String::new(), |r| format!(" #{} {}", col + 1, shown(&r.file))),
    };
    line(
        buf,
        area,
        footer + 1,
        Line::styled(fit(&status, width, false), theme.status),
    );
}
