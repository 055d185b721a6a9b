//! Paints an [`App`] into a ratatui frame: header, topic sidebar, panes, status line, and the search
//! prompt and help overlay. Reads the state and records the pane geometry; changes nothing else.

pub mod checklist;
pub mod run;
mod series;
pub(crate) mod status;
mod table;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line as TLine;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::keys::Mode;
use crate::view::App;
use crate::view::geometry::Area;
use crate::view::lines::Look;
use crate::view::width::str_width;
pub use theme::Theme;

pub use crate::view::geometry::{MIN_HEIGHT, MIN_WIDTH};

fn rect(a: Area) -> Rect {
    Rect {
        x: a.x,
        y: a.y,
        width: a.width,
        height: a.height,
    }
}

/// The whole interface as one widget: the state as [`App::update`] left it (geometry and layouts
/// included), painted with a theme. Drawing only reads the state.
pub struct Screen<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        draw_screen(buf, area, self.app, self.theme);
    }
}

/// Draws the whole interface into a frame (see [`Screen`]).
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    frame.render_widget(Screen { app, theme }, frame.area());
}

fn draw_screen(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let g = app.geometry().clone();
    if g.too_small {
        let msg = format!(
            "终端太小 terminal too small: {}×{}, need at least {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        );
        Paragraph::new(msg)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let panes: Vec<Rect> = (0..g.panes.len()).map(|i| rect(g.pane(i))).collect();
    if let Some(x) = g.separator {
        let bar: Vec<TLine> = (0..g.content.height)
            .map(|_| TLine::styled("│", theme.border))
            .collect();
        Paragraph::new(bar).render(
            Rect {
                x,
                y: g.content.y,
                width: 1,
                height: g.content.height,
            },
            buf,
        );
    }
    let sidebar = g.sidebar.map(rect);
    draw_header(buf, app, theme, rect(g.header), sidebar, &panes);
    if let Some(s) = sidebar {
        draw_sidebar(buf, app, theme, s);
    }
    if app.overview().is_some() {
        draw_overview(buf, app, theme, rect(g.content));
    } else {
        draw_panes(buf, app, theme, &panes);
    }
    status::draw_status(buf, app, theme, rect(g.status));
    if app.mode() == Mode::Help {
        status::draw_help(buf, app, theme);
    }
}

/// Cuts `s` to at most `width` columns, with an ellipsis when cut.
fn fit(s: &str, width: usize) -> String {
    let shown = crate::view::width::display_text(s);
    let s: &str = &shown;
    if str_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    // Whole clusters only: a flag or a joined emoji is never cut in two.
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(s, true) {
        let w = str_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

fn draw_header(buf: &mut Buffer, app: &App, theme: &Theme, area: Rect, sidebar: Option<Rect>, panes: &[Rect]) {
    let [l, r] = [0, 1].map(|pane| app.cmp().doc(app.pane_side(pane)));
    // Unit and year, then the file's name (never its directories): what names a report.
    let side = |arrow: &str, s: &crate::outline::Document| format!("{arrow} {}", s.label_and_file());
    if let Some(s) = sidebar {
        let cell = Rect {
            x: s.x,
            y: area.y,
            width: s.width,
            height: 1,
        };
        // A comparison across issuing units says so wherever the reader is.
        let reviewed = app.review().map_or(0, |k| k.reviewed());
        let (text, style) = if app.units_differ() {
            (" ≠ 不同单位 units differ".to_string(), theme.deleted)
        } else if reviewed > 0 {
            // How far the reading has got: in words where they fit.
            let long = format!(" 主题 ✓ {reviewed}/{} reviewed", app.rows());
            let text = if str_width(&long) < s.width as usize {
                long
            } else {
                format!(" 主题 ✓{reviewed}/{}", app.rows())
            };
            (text, theme.dim)
        } else {
            (" 对比 duibi · 主题".to_string(), theme.dim)
        };
        // A column left blank before the panes' headers, which start with their arrow.
        let room = (s.width as usize).saturating_sub(1);
        Paragraph::new(TLine::styled(fit(&text, room), style)).render(cell, buf);
    }
    // The longest form that fits: label and file name, else the label alone.
    let choose = |full: String, short: String, width: u16| {
        if str_width(&full) <= width as usize {
            full
        } else {
            short
        }
    };
    let texts = if panes.len() == 1 {
        vec![choose(
            format!("{}  ⇄  {}", side("◀", l), side("▶", r)),
            format!("◀ {}  ⇄  ▶ {}", l.label(), r.label()),
            panes[0].width,
        )]
    } else {
        vec![
            choose(side("◀", l), format!("◀ {}", l.label()), panes[0].width),
            choose(side("▶", r), format!("▶ {}", r.label()), panes[1].width),
        ]
    };
    for (pane, text) in panes.iter().zip(texts) {
        let cell = Rect {
            x: pane.x,
            y: area.y,
            width: pane.width,
            height: 1,
        };
        Paragraph::new(TLine::styled(fit(&text, pane.width as usize), theme.title)).render(cell, buf);
    }
}

/// `s` followed by spaces up to `cols` display columns. (`format!`'s `{:<w$}` counts characters,
/// not columns, so it would over-pad CJK text.)
fn pad_to(s: &str, cols: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(str_width(s))));
    out
}

/// A row's changed sentences for the sidebar: `=` for none, `±3`, `±99+`.
fn change_count(n: usize) -> String {
    match n {
        0 => "   =".to_string(),
        1..=99 => format!("{:>4}", format!("±{n}")),
        _ => " ±99+".to_string(),
    }
}

fn draw_sidebar(buf: &mut Buffer, app: &App, theme: &Theme, area: Rect) {
    let block = Block::new().borders(Borders::RIGHT).border_style(theme.border);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = inner.width as usize;
    let rows = &app.cmp().alignment.rows;
    let height = inner.height as usize;
    let first = app.sidebar_first();
    let lines: Vec<TLine> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, r)| {
            // Only in the report of the left pane, or of the right one.
            let [only_left, only_right] = [1, 0].map(|pane| r.passages[app.pane_side(pane)].is_empty());
            let changes = app.cmp().diffs.get(i).map_or(0, |d| d.stats.changes);
            let tail = if only_left {
                " ◀".to_string()
            } else if only_right {
                " ▶".to_string()
            } else {
                change_count(changes)
            };
            // The analyst's marks: reviewed, and notes.
            let (reviewed, notes) = app.review().map_or((false, 0), |k| k.marks(i));
            let tail = if notes > 0 { format!(" ✎{tail}") } else { tail };
            let label = format!("{:>2}{}{}", i + 1, if reviewed { '✓' } else { ' ' }, r.label);
            let room = width.saturating_sub(str_width(&tail));
            let label = fit(&label, room);
            let text = pad_to(&label, room) + &tail;
            let style = if i == app.row() { theme.selected } else { Style::new() };
            TLine::styled(text, style)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// Writes segments straight into the buffer, clipped to the area: the hot path of every frame, so
/// it skips building widget lines.
/// Paints segments from column `x`; a line wider than the area ends in `…` at its edge, so that
/// nothing is cut off unseen (the panes' lines are wrapped to fit and never are).
fn paint_line(buf: &mut ratatui::buffer::Buffer, area: Rect, y: u16, mut x: u16, segs: &[(&str, Style)]) {
    let right = area.x + area.width;
    let shown: Vec<(std::borrow::Cow<str>, Style)> = segs
        .iter()
        .map(|(t, s)| (crate::view::width::display_text(t), *s))
        .collect();
    let total: usize = shown.iter().map(|(t, _)| str_width(t)).sum();
    let cut = total > usize::from(right.saturating_sub(x));
    // Room for the ellipsis in the last column when the line does not fit.
    let edge = if cut { right.saturating_sub(1) } else { right };
    for (text, style) in &shown {
        let room = usize::from(edge.saturating_sub(x));
        let (next, _) = buf.set_stringn(x, y, text.as_ref(), room, *style);
        x = next;
        if str_width(text) > room {
            buf.set_stringn(x, y, "…", 1, *style);
            return;
        }
    }
}

fn draw_panes(buf: &mut Buffer, app: &App, theme: &Theme, panes: &[Rect]) {
    let height = app.geometry().height;
    let scroll = app.scroll();
    let sync = app.prefs().sync;
    if app.in_document() {
        let linked = app.linked();
        let docs = app.doc_layouts();
        for (i, area) in panes.iter().enumerate() {
            let doc = &docs[i.min(1)];
            let (sections, preamble) = &linked[i.min(1)];
            let top = scroll[i];
            for (row, l) in doc.lines.range(top..top + height).enumerate() {
                let k = top + row;
                let is_linked = doc.is_linked(k, sections, *preamble);
                let mut segs = vec![(if is_linked { "▌ " } else { "  " }, theme.linked)];
                segs.extend(l.segs.iter().map(|s| {
                    let mut style = theme.of(s);
                    // Linked text is coloured, but a change keeps the colour of its kind.
                    if is_linked && s.look == Look::Plain {
                        style = style.patch(theme.linked);
                    }
                    // The match highlight last, so that it stays legible on linked text.
                    if s.matched.is_some() {
                        style = style.patch(theme.matched);
                    }
                    (s.text.as_str(), style)
                }));
                paint_line(buf, *area, area.y + row as u16, area.x, &segs);
            }
        }
        return;
    }
    let current_match = app.current_match().filter(|m| m.0 == app.row()).map(|m| m.1);
    let layout = app.row_layout();
    // The change `}`/`{` went to: its lines, in both copies of a move, under a cursor bar.
    let current_change = app.current_change().and_then(|i| layout.changes.get(i));
    for (i, area) in panes.iter().enumerate() {
        let Some(pane) = layout.panes.get(i).or(layout.panes.first()) else {
            continue;
        };
        let top = if sync { scroll[0] } else { scroll[i] };
        for (row, line) in pane.range(top..top + height).enumerate() {
            let k = top + row;
            let on_change = current_change.is_some_and(|c| c.marks.iter().any(|(p, r)| p == i && r.contains(&k)));
            let segs: Vec<(&str, Style)> = line
                .segs
                .iter()
                .map(|s| {
                    let mut style = theme.of(s);
                    if on_change {
                        style = style.patch(theme.current_change);
                    }
                    if s.matched.is_some() && s.matched == current_match {
                        style = style.patch(theme.current_match);
                    }
                    (s.text.as_str(), style)
                })
                .collect();
            let y = area.y + row as u16;
            if on_change {
                // The bar spans the pane, so that a short line shows it too.
                buf.set_style(Rect { y, height: 1, ..*area }, theme.current_change);
            }
            paint_line(buf, *area, y, area.x, &segs);
        }
    }
}

/// The overview over the panes' area, the cursor's line highlighted and kept in view.
fn draw_overview(buf: &mut Buffer, app: &App, theme: &Theme, area: Rect) {
    Clear.render(area, buf);
    let cursor = app.overview_cursor();
    let height = area.height as usize;
    let layout = app.overview_layout();
    let top = app.overview_top();
    for (row, (i, line)) in layout.lines.iter().enumerate().skip(top).take(height).enumerate() {
        let y = area.y + row as u16;
        let selected = i == cursor;
        let mut segs: Vec<(&str, Style)> = vec![(if selected { "▸" } else { " " }, theme.title)];
        segs.extend(line.segs.iter().map(|s| {
            let style = theme.of(s);
            (
                s.text.as_str(),
                if selected { style.patch(theme.selected) } else { style },
            )
        }));
        paint_line(buf, area, y, area.x, &segs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `app` painted, in color, into a buffer of the size its geometry was laid out for.
    fn painted(app: &App) -> Buffer {
        let area = Rect::new(0, 0, app.geometry().width, app.geometry().total_height);
        let mut buf = Buffer::empty(area);
        Screen {
            app,
            theme: &Theme::color(),
        }
        .render(area, &mut buf);
        buf
    }

    #[test]
    fn a_line_wider_than_its_area_ends_in_an_ellipsis() {
        let area = Rect::new(0, 0, 10, 1);
        // The cells' text, blanks (and the cells wide characters cover) left out.
        let paint = |segs: &[(&str, Style)]| {
            let mut buf = Buffer::empty(area);
            paint_line(&mut buf, area, 0, 0, segs);
            (0..10)
                .map(|x| buf[(x, 0)].symbol().to_string())
                .collect::<String>()
                .replace(' ', "")
        };
        let plain = Style::default();
        assert_eq!(
            paint(&[("法律", plain), ("顾问", plain)]),
            "法律顾问",
            "fits: no ellipsis"
        );
        assert_eq!(paint(&[("法律顾问", plain), ("制度建设", plain)]), "法律顾问…");
        assert_eq!(paint(&[("abcdefghijk", plain)]), "abcdefghi…");
        assert_eq!(
            paint(&[("abcdefghij", plain)]),
            "abcdefghij",
            "exactly as wide: no ellipsis"
        );
    }

    #[test]
    fn fit_cuts_by_columns_with_an_ellipsis() {
        assert_eq!(fit("法律顾问", 8), "法律顾问");
        assert_eq!(fit("法律顾问", 7), "法律顾…");
        assert_eq!(fit("abc", 2), "a…");
    }

    #[test]
    fn pad_to_counts_columns_not_characters() {
        assert_eq!(pad_to("法律", 6), "法律  ");
        assert_eq!(pad_to("法律顾问", 4), "法律顾问");
    }

    #[test]
    fn change_counts_stay_four_columns() {
        assert_eq!(change_count(0), "   =");
        assert_eq!(change_count(7), "  ±7");
        assert_eq!(change_count(150), " ±99+");
    }

    #[test]
    fn the_sidebar_shows_reviewed_rows_notes_and_how_far_the_reading_has_got() {
        use crate::keys::{Action, Key};
        use crate::view::Input;
        let mut app = crate::view::review::tests::reviewed_app(None);
        app.update(Input::Action(Action::ToggleReviewed, 1));
        app.update(Input::Action(Action::NextRow, 1));
        app.update(Input::Action(Action::Note, 1));
        "再核对".chars().for_each(|c| app.update(Input::Key(Key::char(c))));
        app.update(Input::Action(Action::SearchConfirm, 1));
        let buf = painted(&app);
        let line = |y: u16| -> String { (0..24).map(|x| buf[(x, y)].symbol()).collect() };
        assert!(line(0).contains("✓ 1/") && line(0).contains("reviewed"), "{}", line(0));
        assert!(line(1).starts_with(" 1✓"), "{}", line(1));
        assert!(line(2).contains('✎') && !line(2).contains('✓'), "{}", line(2));
        // A narrow sidebar keeps the count, not the word.
        app.update(Input::Resize { width: 80, height: 24 });
        let buf = painted(&app);
        let bar = app.geometry().sidebar.expect("a sidebar");
        let head: String = (0..bar.width).map(|x| buf[(x, 0)].symbol()).collect();
        assert!(head.contains("✓1/") && !head.contains('…'), "{head}");
    }

    #[test]
    fn the_sidebar_header_leaves_a_blank_before_the_panes_headers() {
        let mut app = crate::view::testing::app(
            "甲市科学技术局2023年法治政府建设情况报告\n一、法律顾问\n聘请顾问2名。",
            "乙市司法局2024年法治政府建设情况报告\n一、法律顾问\n聘请顾问3名。",
            100,
            20,
        );
        app.update(crate::view::Input::Resize { width: 100, height: 20 });
        assert!(app.units_differ());
        let buf = painted(&app);
        let bar = app.geometry().sidebar.expect("a sidebar");
        let header: String = (0..100).map(|x| buf[(x, 0)].symbol()).collect();
        assert!(header.contains("units"), "{header}");
        assert_eq!(buf[(bar.x + bar.width - 1, 0)].symbol(), " ", "{header}");
    }

    #[test]
    fn a_report_that_does_not_name_its_unit_is_headed_by_its_file_name_once() {
        // One named and one not, side by side and inline.
        for width in [120, 80] {
            let app = crate::view::testing::app(
                "甲市科学技术局2023年法治政府建设情况报告\n一、法律顾问\n聘请顾问2名。",
                "一、法律顾问\n聘请顾问3名。",
                width,
                20,
            );
            let buf = painted(&app);
            // Blanks left out: a wide character's second cell reads as one.
            let header: String = (0..width).map(|x| buf[(x, 0)].symbol()).filter(|c| *c != " ").collect();
            assert!(header.contains("甲市科学技术局2023·t.txt"), "{header}");
            assert_eq!(header.matches("t.txt").count(), 2, "once a report: {header}");
        }
    }

    #[test]
    fn a_screen_too_small_says_so_instead_of_drawing() {
        let mut app = crate::view::testing::app(crate::view::testing::OLD, crate::view::testing::NEW, 40, 10);
        app.update(crate::view::Input::Resize { width: 40, height: 10 });
        let buf = painted(&app);
        let first: String = (0..40).map(|x| buf[(x, 0)].symbol()).collect();
        assert!(first.contains("terminal too small: 40×10"), "{first}");
    }

    #[test]
    fn changes_keep_their_colour_in_the_linked_passage_of_the_document_view() {
        use crate::keys::Action;
        use crate::view::Input;
        let mut app = crate::view::testing::app(crate::view::testing::OLD, crate::view::testing::NEW, 120, 20);
        let counsel = (0..app.rows())
            .find(|&r| app.cmp().alignment.rows[r].label.contains("法律顾问"))
            .expect("a counsel row");
        app.update(Input::Action(Action::NextRow, counsel));
        app.update(Input::Action(Action::ToggleDocument, 1));
        let buf = painted(&app);
        let pane = app.geometry().pane(0);
        let cell = (pane.y..pane.y + pane.height)
            .flat_map(|y| (pane.x..pane.x + pane.width).map(move |x| (x, y)))
            .find(|&(x, y)| buf[(x, y)].symbol() == "1" && buf[(x + 1, y)].symbol() == "6")
            .expect("16次 on screen");
        assert_eq!(
            buf[cell].fg,
            ratatui::style::Color::Red,
            "deleted, not the linked colour"
        );
        let line: String = (pane.x..pane.x + 2).map(|x| buf[(x, cell.1)].symbol()).collect();
        assert!(
            line.starts_with('▌'),
            "the line is in the current row's passage: {line:?}"
        );
    }
}
