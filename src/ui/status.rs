//! The status line and the help overlay: where the user is, what was typed, and what the keys do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::{Theme, fit, pad_to, rect};
use crate::keys::Mode;
use crate::view::layout::Filter;
use crate::view::width::str_width;
use crate::view::{Action, App};

pub(super) fn draw_status(buf: &mut Buffer, app: &App, theme: &Theme, area: Rect) {
    if app.mode() == Mode::Search {
        // What is typed always shows; the label and the hint give way to it.
        let width = area.width as usize;
        let typed = format!("{}▏", app.input());
        let hint = format!("  {}", app.prompt_hint());
        let room = width.saturating_sub(str_width(&typed));
        let label = fit(
            &app.prompt_label(),
            room.saturating_sub(str_width(&hint).min(room / 2)).max(1),
        );
        let hint = fit(&hint, room.saturating_sub(str_width(&label)));
        let text = format!("{label}{typed}{hint}");
        Paragraph::new(TLine::styled(text, theme.status)).render(area, buf);
        return;
    }
    let rows = app.rows();
    let label = app
        .cmp()
        .alignment
        .rows
        .get(app.row())
        .map_or(String::new(), |r| r.label.clone());
    let view = match app.overview() {
        Some(crate::view::OverviewKind::Checklist) => "checklist",
        Some(crate::view::OverviewKind::Changes) => "overview",
        None if app.in_document() => "document",
        None if app.is_inline() => "inline",
        None => "side by side",
    };
    let (change_pos, change_total) = app.change_position();
    let mut left = if app.overview().is_some() {
        format!(" {} rows · {view}", rows)
    } else {
        format!(
            " {}/{} {label} · change {}/{} · {view}",
            app.row() + 1,
            rows,
            change_pos,
            change_total
        )
    };
    if !app.prefs().sync && !app.is_inline() {
        left += if app.focus() == 0 {
            " · apart ◀"
        } else {
            " · apart ▶"
        };
    }
    match app.prefs().filter {
        Filter::All => {}
        Filter::Changes => left += " · changes only",
        Filter::New => left += " · new only",
    }
    if app.prefs().dim_stock {
        left += " · stock dimmed";
    }
    if !app.words_ready() {
        left += " · 分词中…";
    }
    if let Some(q) = app.query() {
        left += &format!(" · /{q}");
        if let Some((at, total)) = app.match_position() {
            left += &format!(" match {at}/{total}");
        } else if app.counting_matches() {
            left += " counting matches…";
        }
    }
    let pending = app.pending_keys();
    if !pending.is_empty() {
        left += &format!(" · {pending}");
    }
    let width = area.width as usize;
    let right = match app.message() {
        Some(m) => m.to_string(),
        None => {
            // As many whole hints as fit.
            let room = width.saturating_sub(str_width(&left) + 2);
            let mut hints = String::new();
            for (a, what) in [
                (Action::Overview, "overview"),
                (Action::NextRow, "topic"),
                (Action::NextChange, "change"),
                (Action::Search, "search"),
                (Action::Help, "help"),
                (Action::Quit, "quit"),
            ] {
                let Some(k) = app.hint_key(a) else { continue };
                let item = format!("{}{k} {what}", if hints.is_empty() { "" } else { "  " });
                if str_width(&hints) + str_width(&item) > room {
                    break;
                }
                hints += &item;
            }
            hints
        }
    };
    let right = fit(&right, width.saturating_sub(str_width(&left) + 2));
    let gap = width.saturating_sub(str_width(&left) + str_width(&right) + 1);
    let text = format!("{left}{}{right} ", " ".repeat(gap));
    Paragraph::new(TLine::styled(fit(&text, width), theme.status)).render(area, buf);
}

pub(crate) fn draw_help(buf: &mut Buffer, app: &App, theme: &Theme) {
    let popup = rect(app.geometry().help());
    Clear.render(popup, buf);
    let block = Block::bordered()
        .title(" keys · 按键 (esc closes) ")
        .border_style(theme.border);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let mut lines: Vec<TLine> = Vec::new();
    let modes = Mode::ALL.map(|m| (m, app.keymap().by_action(m)));
    let key_width = modes
        .iter()
        .flat_map(|(_, rows)| rows)
        .map(|(_, keys)| str_width(&keys.join(", ")))
        .max()
        .unwrap_or(10)
        .min(24);
    // What is left of a line for a description: cut with an ellipsis, never silently.
    let described = (inner.width as usize).saturating_sub(key_width + 4);
    for (mode, rows) in modes {
        lines.push(TLine::styled(format!("{} mode", mode.name()), theme.header));
        for (action, keys) in rows {
            let keys = fit(&keys.join(", "), key_width);
            lines.push(TLine::from(vec![
                Span::styled(format!("  {}  ", pad_to(&keys, key_width)), theme.title),
                Span::raw(fit(action.description(), described)),
            ]));
        }
        if mode == Mode::Normal {
            let example = app
                .hint_key(Action::ScrollDown)
                .map(|k| {
                    if k.chars().count() == 1 {
                        format!(" (5{k})")
                    } else {
                        format!(" (5 {k})")
                    }
                })
                .unwrap_or_default();
            for (keys, what) in [
                ("N<motion>", format!("repeat a motion N times{example}")),
                ("mouse wheel", "scroll the pane under the pointer".to_string()),
            ] {
                lines.push(TLine::from(vec![
                    Span::styled(format!("  {keys:<key_width$}  "), theme.title),
                    Span::raw(fit(&what, described)),
                ]));
            }
        }
    }
    debug_assert_eq!(lines.len(), app.help_lines(), "App::help_lines counts these lines");
    let max = lines.len().saturating_sub(inner.height as usize);
    let top = app.help_scroll().min(max);
    Paragraph::new(lines).scroll((top as u16, 0)).render(inner, buf);
}
