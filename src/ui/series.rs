//! Paints a series of reports: the coverage matrix and the figures table (the pair side by side is
//! the pair's own [`Screen`](super::Screen)). Reads the [`Browser`]; changes nothing.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::Theme;
use super::run::Model;
use super::table::{fit, line};
use crate::compare::Comparison;
use crate::keys::Action;
use crate::series::coverage::Cell;
use crate::series::figures::Change;
use crate::text::shown;
use crate::view::Input;
use crate::view::series::{Browser, Shown};
use crate::view::width::str_width;
use crate::wording::{CHANGE_LEGEND, LEGEND, cell_text};

impl Model for Browser {
    fn update(&mut self, input: Input) {
        Browser::update(self, input);
    }

    fn quit(&self) -> bool {
        Browser::quit(self)
    }

    fn words_ready(&self) -> bool {
        self.app().words_ready()
    }

    fn comparison(&self) -> (u64, &Comparison) {
        (self.generation(), self.app().cmp())
    }

    fn checker(&self) -> (crate::topics::Taxonomy, std::sync::Arc<crate::check::Rules>) {
        (self.app().tax().clone(), self.app().rules().clone())
    }

    fn take_effects(&mut self) -> Vec<crate::view::Effect> {
        Browser::take_effects(self)
    }

    fn quit_keys(&self) -> Vec<crate::keys::Key> {
        Browser::quit_keys(self)
    }

    fn draw(&self, frame: &mut Frame, theme: &Theme) {
        let area = frame.area();
        let buf = frame.buffer_mut();
        match self.shown() {
            Shown::Pair => super::Screen { app: self.app(), theme }.render(area, buf),
            Shown::Coverage => coverage(buf, area, self, theme),
            Shown::Figures => figures(buf, area, self, theme),
            Shown::Checklist => super::checklist::checklist(buf, area, self, theme),
        }
        // The help overlay over whichever screen asked for it.
        if self.shown() != Shown::Pair && self.app().mode() == crate::keys::Mode::Help {
            super::status::draw_help(buf, self.app(), theme);
        }
    }
}

/// The legend where the full one does not fit.
const SHORT_LEGEND: &str = "n/c: n sentences, c copied from the report before · +n new · − dropped";

/// A column's title: the report's year, numbered when the units differ (`3:2024`; the status line
/// names the unit), else its number.
fn column_title(b: &Browser, i: usize) -> String {
    match b.series().reports[i].doc.year {
        Some(y) if b.series().mixed_units() => format!("{}:{y}", i + 1),
        Some(y) => y.to_string(),
        None => format!("#{}", i + 1),
    }
}

/// The columns that fit beside the labels, keeping `cursor` in view: (first, count).
fn columns(total: usize, cursor: usize, room: usize, width: usize) -> (usize, usize) {
    let fits = (room / width).max(1).min(total);
    (cursor.saturating_sub(fits - 1).min(total - fits), fits)
}

/// What a table's header says of report columns that do not fit: `‹2` (two earlier ones left
/// out), `3›` (three later ones), or nothing.
fn hidden_columns(first: usize, count: usize, total: usize) -> String {
    let later = total - first - count;
    match (first, later) {
        (0, 0) => String::new(),
        (e, 0) => format!(" ‹{e}"),
        (0, l) => format!(" {l}›"),
        (e, l) => format!(" ‹{e} {l}›"),
    }
}

const COL: usize = 8;

fn coverage(buf: &mut Buffer, area: Rect, b: &Browser, theme: &Theme) {
    let cov = &b.coverage();
    let n = b.series().reports.len();
    let label_cols = cov.topics.iter().map(|t| str_width(&t.label)).max().unwrap_or(4).max(8) + 2;
    let (first, count) = columns(
        n,
        b.cursor().1,
        (area.width as usize).saturating_sub(label_cols + 1),
        COL,
    );
    let h = b.app().hints();
    let title = format!(
        " 覆盖 coverage · {n} reports · {}: topic vs the report before · {} figures · {} pair · {} help · {} quit",
        h.key(Action::Open),
        h.key(Action::Figures),
        h.key(Action::Coverage),
        h.key(Action::Help),
        h.key(Action::Quit)
    );
    line(
        buf,
        area,
        area.y,
        Line::styled(fit(&title, area.width as usize, false), theme.header),
    );
    let topic_head = format!(" topic{}", hidden_columns(first, count, n));
    let mut head = vec![Span::raw(fit(&topic_head, label_cols, false))];
    for i in first..first + count {
        let style = if i == b.cursor().1 { theme.title } else { theme.dim };
        head.push(Span::styled(fit(&column_title(b, i), COL, true), style));
    }
    line(buf, area, area.y + 1, Line::from(head));
    // Rows: topics, then the whole reports; the cursor row kept on screen.
    let body = (area.height as usize).saturating_sub(6 + usize::from(!b.series().skipped.is_empty()));
    let top = b.cursor().0.saturating_sub(body.saturating_sub(1));
    let mut y = area.y + 2;
    let cell_span = |cells: &[Cell], i: usize, selected: bool| {
        let c = &cells[i];
        let text = cell_text(c, b.series().previous(i).map(|p| &cells[p]));
        let mut style = match text.chars().next() {
            Some('−') => theme.deleted,
            Some('+') => theme.inserted,
            Some('·') => theme.dim,
            _ if c.copied.is_some_and(|k| k == c.sentences) => theme.dim,
            _ => theme.plain,
        };
        if selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        Span::styled(fit(&text, COL, true), style)
    };
    for (r, row) in cov.topics.iter().enumerate().skip(top).take(body) {
        let mut spans = vec![Span::styled(
            fit(&format!(" {}", row.label), label_cols, false),
            if r == b.cursor().0 { theme.title } else { theme.plain },
        )];
        for i in first..first + count {
            spans.push(cell_span(&row.cells, i, (r, i) == b.cursor()));
        }
        line(buf, area, y, Line::from(spans));
        y += 1;
    }
    let mut whole = vec![Span::styled(fit(" 全文 whole", label_cols, false), theme.dim)];
    for i in first..first + count {
        whole.push(cell_span(&cov.totals, i, false));
    }
    line(buf, area, y, Line::from(whole));
    let footer = area.y + area.height.saturating_sub(3);
    // Files of a folder that could not be read: named, above the legend.
    if !b.series().skipped.is_empty() {
        let names: Vec<String> = b
            .series()
            .skipped
            .iter()
            .map(|s| {
                let name = s
                    .path
                    .file_name()
                    .map_or_else(|| s.path.display().to_string(), |n| n.to_string_lossy().into_owned());
                format!("{} ({})", shown(&name), shown(&s.reason))
            })
            .collect();
        let text = format!(" skipped {}: {}", names.len(), names.join(" · "));
        line(
            buf,
            area,
            footer.saturating_sub(1),
            Line::styled(fit(&text, area.width as usize, false), theme.deleted),
        );
    }
    let legend = if area.width as usize > str_width(LEGEND) + 1 {
        LEGEND
    } else {
        SHORT_LEGEND
    };
    line(
        buf,
        area,
        footer,
        Line::styled(fit(&format!(" {legend}"), area.width as usize, false), theme.dim),
    );
    line(
        buf,
        area,
        footer + 1,
        Line::raw(fit(&cursor_text(b), area.width as usize, false)),
    );
    let report = &b.series().reports[b.cursor().1].doc;
    let file = match &b.message() {
        Some(m) => format!(" {}", shown(m)),
        None => format!(
            " #{} {} · {}",
            b.cursor().1 + 1,
            shown(&b.names()[b.cursor().1]),
            shown(&report.file_name())
        ),
    };
    line(
        buf,
        area,
        footer + 2,
        Line::styled(fit(&file, area.width as usize, false), theme.status),
    );
}

/// What the cell under the cursor says, in words.
fn cursor_text(b: &Browser) -> String {
    let Some(row) = b.coverage().topics.get(b.cursor().0) else {
        return String::new();
    };
    let i = b.cursor().1;
    let c = &row.cells[i];
    let mut out = format!(" {} · {}: ", row.label, column_title(b, i));
    if !c.covered() {
        out += "not covered";
    } else {
        out += &format!("{} sentences ({} chars)", c.sentences, c.chars);
        if let Some(k) = c.copied {
            out += &format!(", {k} copied, {} new", c.new_sentences());
        }
    }
    if let Some(d) = c.dropped.filter(|&d| d > 0) {
        out += &format!("; {d} of the report before's gone");
    }
    if let Some(why) = b.series().alone_because(i) {
        out += &format!(" · {why}");
    }
    out
}

fn figures(buf: &mut Buffer, area: Rect, b: &Browser, theme: &Theme) {
    let n = b.series().reports.len();
    let h = b.app().hints();
    let title = format!(
        " 数字 figures · {n} reports · {}/{} move · {} opens where stated · {} or {} the coverage · {} help · {} quit",
        h.key(Action::ScrollDown),
        h.key(Action::ScrollUp),
        h.key(Action::Open),
        h.key(Action::Figures),
        h.key(Action::Coverage),
        h.key(Action::Help),
        h.key(Action::Quit)
    );
    line(
        buf,
        area,
        area.y,
        Line::styled(fit(&title, area.width as usize, false), theme.header),
    );
    let Some(f) = &b.figures() else {
        return;
    };
    let label_cols = f
        .measures
        .iter()
        .map(|m| str_width(&m.label))
        .max()
        .unwrap_or(4)
        .clamp(8, 24)
        + 2;
    let topic_label = |id: &str| -> String {
        b.coverage()
            .topics
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.label.as_str())
            .to_string()
    };
    let topic_cols = f
        .measures
        .iter()
        .map(|m| str_width(&topic_label(&m.topic)))
        .max()
        .unwrap_or(4)
        .clamp(4, 12)
        + 2;
    // Report columns as wide as their widest value (`6000余人`), within reason.
    let value_cols = f
        .measures
        .iter()
        .flat_map(|m| m.values.iter().flatten())
        .map(|v| str_width(&shown(v)))
        .chain((0..n).map(|i| str_width(&column_title(b, i))))
        .max()
        .unwrap_or(COL)
        .clamp(COL, 14)
        + 1;
    // The change column stays at the right; the reports' columns show the latest that fit.
    let change_cols = COL + 2;
    let (first, count) = columns(
        n,
        n - 1,
        (area.width as usize).saturating_sub(label_cols + topic_cols + change_cols + 1),
        value_cols,
    );
    let mut head = vec![
        Span::raw(fit(" topic", topic_cols, false)),
        Span::raw(fit(
            &format!("measure{}", hidden_columns(first, count, n)),
            label_cols,
            false,
        )),
    ];
    for i in first..first + count {
        head.push(Span::styled(fit(&column_title(b, i), value_cols, true), theme.dim));
    }
    head.push(Span::styled(fit("change", change_cols, true), theme.dim));
    line(buf, area, area.y + 1, Line::from(head));
    // Title, column heads, the table, and the change column's legend at the foot.
    let body = (area.height as usize).saturating_sub(3);
    // The cursor's measure (`figures_scroll`) kept on screen, shown reversed; enter opens it.
    let cursor = b.figures_scroll();
    let top = cursor.saturating_sub(body.saturating_sub(1));
    if area.height >= 4 {
        let legend = fit(&format!(" {CHANGE_LEGEND}"), area.width as usize, false);
        line(buf, area, area.y + area.height - 1, Line::styled(legend, theme.dim));
    }
    for (k, m) in f.measures.iter().skip(top).take(body).enumerate() {
        let mut spans = vec![
            Span::styled(
                fit(&format!(" {}", topic_label(&m.topic)), topic_cols, false),
                theme.dim,
            ),
            Span::raw(fit(&shown(&m.label), label_cols, false)),
        ];
        for i in first..first + count {
            let value = m.values[i].as_deref().map_or("·".to_string(), shown);
            // Highlighted where it differs from what the reports this one follows stated last.
            let before = m.stated_before(i, &|k| b.series().previous(k));
            let moved = m.values[i].as_deref().zip(before).is_some_and(|(v, w)| v != w);
            let style = match (&m.values[i], moved) {
                (None, _) => theme.dim,
                (Some(_), true) => theme.figure,
                _ => Style::default(),
            };
            spans.push(Span::styled(fit(&value, value_cols, true), style));
        }
        let change = m.latest_change(&|i| b.series().previous(i));
        let style = match &change {
            Some(Change::By(d)) if !d.starts_with('±') => theme.figure,
            Some(Change::By(_)) => Style::default(),
            _ => theme.dim,
        };
        let change = change.as_ref().map_or("", Change::text);
        spans.push(Span::styled(fit(change, change_cols, true), style));
        let mut row = Line::from(spans);
        if top + k == cursor {
            row = row.patch_style(Style::default().add_modifier(Modifier::REVERSED));
        }
        line(buf, area, area.y + 2 + k as u16, row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_report_columns_are_counted_in_the_header() {
        assert_eq!(hidden_columns(0, 5, 5), "");
        assert_eq!(hidden_columns(2, 3, 5), " ‹2");
        assert_eq!(hidden_columns(0, 3, 5), " 2›");
        assert_eq!(hidden_columns(1, 2, 5), " ‹1 2›");
    }

    #[test]
    fn columns_keep_the_cursor_in_view() {
        assert_eq!(columns(20, 0, 80, 8), (0, 10));
        assert_eq!(columns(20, 15, 80, 8), (6, 10));
        assert_eq!(columns(20, 19, 80, 8), (10, 10));
        assert_eq!(columns(3, 2, 80, 8), (0, 3));
        assert_eq!(columns(5, 4, 4, 8), (4, 1));
    }

    #[test]
    fn fit_cuts_and_pads_by_columns() {
        assert_eq!(fit("法律顾问", 5, false), "法律…");
        assert_eq!(fit("法律", 5, false), "法律 ");
        assert_eq!(fit("16次", 6, true), "  16次");
        // A flag is never cut in two, and shows as its letters.
        assert_eq!(str_width(&fit("🇨🇳🇨🇳🇨🇳", 5, false)), 5);
    }
}
