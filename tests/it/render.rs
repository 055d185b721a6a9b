//! Screens drawn into ratatui's TestBackend: text snapshots at several sizes, and style checks.

use duibi::keys::{Key, Keymap};
use duibi::ui::{self, Theme};
use duibi::view::{App, Input};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::util::demo_app;

fn draw(app: &mut App, width: u16, height: u16, theme: &Theme) -> Buffer {
    app.update(Input::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|f| ui::draw(f, app, theme)).expect("draws");
    terminal.backend().buffer().clone()
}

/// The cells of row `y` as (x, symbol), skipping the cell a wide character covers.
fn cells(buf: &Buffer, y: u16) -> Vec<(u16, &str)> {
    let mut out = Vec::new();
    let mut x = 0;
    while x < buf.area.width {
        let s = buf[(x, y)].symbol();
        out.push((x, s));
        x += unicode_width::UnicodeWidthStr::width(s).max(1) as u16;
    }
    out
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let line: String = cells(buf, y).into_iter().map(|(_, s)| s).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Types `keys`; `\n` is Enter.
fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.update(Input::Key(match c {
            '\n' => Key::plain(duibi::keys::KeyCode::Enter),
            c => Key::char(c),
        }));
    }
}

/// Positions (x, y) where `needle` starts on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut xs = Vec::new();
        for (x, s) in cells(buf, y) {
            for _ in s.chars() {
                xs.push(x);
            }
            line.push_str(s);
        }
        if let Some(byte) = line.find(needle) {
            let idx = line[..byte].chars().count();
            return Some((xs[idx], y));
        }
    }
    None
}

#[test]
fn side_by_side_160x45() {
    let mut app = demo_app();
    keys(&mut app, "tl"); // 组织领导
    insta::assert_snapshot!(
        "demo_leadership_160x45",
        text(&draw(&mut app, 160, 45, &Theme::color()))
    );
}

#[test]
fn inline_80x24_and_narrow_sidebar() {
    let mut app = demo_app();
    keys(&mut app, "t8");
    let buf = draw(&mut app, 80, 24, &Theme::color());
    assert!(app.is_inline(), "below 100 columns the view is inline");
    insta::assert_snapshot!("demo_counsel_80x24", text(&buf));
}

#[test]
fn large_terminal_300x80() {
    let mut app = demo_app();
    keys(&mut app, "t5");
    let buf = draw(&mut app, 300, 80, &Theme::color());
    assert!(!app.is_inline());
    let screen = text(&buf);
    assert!(screen.contains("◀ 三、推进严格规范公正文明执法"));
    assert!(screen.contains("▶ 二、推进严格规范公正文明执法"));
}

#[test]
fn too_small_says_so() {
    let mut app = demo_app();
    let screen = text(&draw(&mut app, 40, 10, &Theme::color()));
    assert!(screen.contains("terminal too small: 40×10"), "{screen}");
}

#[test]
fn changes_are_styled_and_figures_stand_out() {
    let mut app = demo_app();
    keys(&mut app, "tl");
    let buf = draw(&mut app, 160, 45, &Theme::color());
    let (x, y) = find(&buf, "5次").expect("new figure on screen");
    assert!(x > 80, "right pane");
    let cell = &buf[(x, y)];
    assert_eq!(cell.fg, Color::Green);
    assert!(
        cell.modifier.contains(Modifier::BOLD | Modifier::REVERSED),
        "{:?}",
        cell.modifier
    );
    let (x, y) = find(&buf, "3次").expect("old figure on screen");
    assert!(x < 80, "left pane");
    assert_eq!(buf[(x, y)].fg, Color::Red);
    assert!(buf[(x, y)].modifier.contains(Modifier::CROSSED_OUT));
    let (x, y) = find(&buf, "局党组书记").expect("unchanged text");
    assert_eq!(buf[(x, y)].fg, Color::Reset);
}

#[test]
fn monochrome_theme_uses_modifiers_only() {
    let mut app = demo_app();
    keys(&mut app, "tl");
    let buf = draw(&mut app, 160, 45, &Theme::monochrome());
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            assert_eq!(buf[(x, y)].fg, Color::Reset, "no colour at {x},{y}");
        }
    }
    let (x, y) = find(&buf, "5次").expect("figure");
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED | Modifier::BOLD));
    let (x, y) = find(&buf, "3次").expect("figure");
    assert!(buf[(x, y)].modifier.contains(Modifier::CROSSED_OUT));
}

#[test]
fn panes_stay_aligned_when_wrapping() {
    let mut app = demo_app();
    keys(&mut app, "tl");
    let buf = draw(&mut app, 100, 30, &Theme::color());
    // Both sides' second heading start on the same screen line.
    let (_, ly) = find(&buf, "(一)落实").expect("left heading");
    let (_, ry) = find(&buf, "1.压实").expect("right heading");
    assert_eq!(ly, ry);
}

#[test]
fn help_lists_the_live_bindings() {
    let mut app = demo_app();
    keys(&mut app, "?");
    let screen = text(&draw(&mut app, 120, 50, &Theme::color()));
    assert!(screen.contains("keys · 按键"));
    assert!(screen.contains("g g"), "sequence shown");
    assert!(screen.contains("next change (into the next row at the end)"));
}

#[test]
fn sidebar_shows_every_rows_changes_or_side_within_its_border() {
    let mut app = demo_app();
    let buf = draw(&mut app, 160, 45, &Theme::color());
    let border = find(&buf, "│").expect("sidebar border").0;
    for (i, row) in app.cmp().alignment.rows.iter().enumerate() {
        let y = 1 + i as u16;
        let line: String = cells(&buf, y)
            .into_iter()
            .take_while(|(x, _)| *x < border)
            .map(|(_, s)| s)
            .collect();
        let line = line.trim_end();
        let tail = if row.passages.right.is_empty() {
            "◀".to_string()
        } else if row.passages.left.is_empty() {
            "▶".to_string()
        } else {
            match app.cmp().diffs[i].stats.changes {
                0 => "=".to_string(),
                n => format!("±{n}"),
            }
        };
        assert!(line.ends_with(&tail), "sidebar line {line:?} should end with {tail:?}");
        assert!(
            line.contains(&row.label),
            "sidebar line {line:?} should name {:?}",
            row.label
        );
    }
}

#[test]
fn a_row_with_one_changed_figure_never_looks_unchanged() {
    let mut left = "一、法律顾问\n聘请常年法律顾问,全年提供法律咨询16次,审查合同52份。\n".to_string();
    for k in 0..40 {
        left += &format!("第{k}项工作围绕依法行政的要求稳步推进,相关制度持续完善,各方面成效明显。\n");
    }
    let right = left.replace("16次", "17次");
    let left = left.as_str();
    let mut app = crate::util::app_of(left, &right);
    let screen = text(&draw(&mut app, 160, 30, &Theme::color()));
    let first = screen.lines().nth(1).expect("first row");
    assert!(first.contains("±1"), "{first}");
    assert!(!screen.contains("100%"), "{screen}");
    let out = duibi::render::text::compare(app.cmp(), app.tax(), false);
    assert!(out.contains("similarity 0.99"), "{out}");
    assert!(!out.contains("similarity 1.00"), "{out}");
    assert!(out.contains("1 change"), "{out}");
}

#[test]
fn help_and_hints_follow_the_keymap_in_effect() {
    let mut app = crate::util::demo_app_with(duibi::keys::Keymap::preset("emacs").expect("shipped"));
    let status = text(&draw(&mut app, 160, 45, &Theme::color()));
    let status = status.lines().nth(44).expect("status line");
    assert!(
        status.contains("A-n change") && status.contains("C-s search"),
        "{status}"
    );
    app.update(Input::Key(Key::ctrl('h')));
    // Tall enough for the whole overlay.
    let screen = text(&draw(&mut app, 160, 80, &Theme::color()));
    assert!(screen.contains("C-x C-c"), "{screen}");
    assert!(screen.contains("repeat a motion N times (5 down)"), "{screen}");
    assert!(!screen.contains("g g"), "no vim binding in the emacs help:\n{screen}");
}

#[test]
fn a_report_without_the_topic_says_so() {
    let mut app = demo_app();
    let row = app
        .cmp()
        .alignment
        .rows
        .iter()
        .position(|r| r.passages.left.is_empty())
        .expect("the demo has a topic only the newer report covers");
    assert!(row < 9, "reachable with t and a digit");
    keys(&mut app, &format!("t{}", row + 1));
    let buf = draw(&mut app, 160, 45, &Theme::color());
    let (x, y) = find(&buf, "◀ （无）本报告未涉及").expect("note in the left pane");
    assert_eq!(y, 1, "the note opens the pane");
    assert!(
        buf[(x, y)].style().add_modifier.contains(Modifier::DIM),
        "the note is quiet"
    );
    // The right pane's first passage header sits on the same line: the panes stay level.
    let line: String = cells(&buf, y).into_iter().map(|(_, s)| s).collect();
    assert!(line.contains("▶ "), "{line}");
}

#[test]
fn light_theme_avoids_colours_that_fade_on_white() {
    let faint = |c: Color| matches!(c, Color::Yellow | Color::Cyan | Color::LightYellow | Color::LightCyan);
    let mut app = demo_app();
    let mut dark_uses_them = false;
    // Figures and a search match; the whole-document view's links; reordered (moved) plans.
    keys(&mut app, "t8/法律");
    app.update(Input::Key(Key::plain(duibi::keys::KeyCode::Enter)));
    for view in ["", "d", "dt0"] {
        keys(&mut app, view);
        dark_uses_them |= draw(&mut app, 160, 45, &Theme::color())
            .content()
            .iter()
            .any(|c| faint(c.fg));
        let buf = draw(&mut app, 160, 45, &Theme::light());
        for cell in buf.content() {
            assert!(
                !faint(cell.fg),
                "{:?} text in the light theme: {:?}",
                cell.fg,
                cell.symbol()
            );
        }
    }
    assert!(
        dark_uses_them,
        "these screens use yellow or cyan in the dark theme, so they would catch it"
    );
}

/// Line `y` as runs of one style, each tagged with its colours and modifiers: `‹fg=Red CROSSED_OUT›35份`.
/// Plain runs are untagged, so the snapshot reads as the screen with its highlights marked.
fn styled_line(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut current = None;
    for (x, symbol) in cells(buf, y) {
        let cell = &buf[(x, y)];
        let style = (cell.fg, cell.bg, cell.modifier);
        if current != Some(style) {
            current = Some(style);
            let mut tags = Vec::new();
            if cell.fg != Color::Reset {
                tags.push(format!("fg={:?}", cell.fg));
            }
            if cell.bg != Color::Reset {
                tags.push(format!("bg={:?}", cell.bg));
            }
            if !cell.modifier.is_empty() {
                tags.push(format!("{:?}", cell.modifier));
            }
            if !(tags.is_empty() && out.is_empty()) {
                out.push_str(&format!("‹{}›", tags.join(" ")));
            }
        }
        out.push_str(symbol);
    }
    out.trim_end().to_string()
}

#[test]
fn styles_of_a_changed_row() {
    let mut app = demo_app();
    keys(&mut app, "t8"); // 法律顾问: the figures 35份 → 52份 and 16次 → 119次
    let buf = draw(&mut app, 120, 14, &Theme::color());
    let lines: Vec<String> = (1..8).map(|y| styled_line(&buf, y)).collect();
    insta::assert_snapshot!("demo_counsel_styles_120x14", lines.join("\n"));
}

#[test]
fn a_comparison_without_rows_shows_a_message_and_survives_every_key() {
    let demo = demo_app();
    let mut cmp = demo.cmp().clone();
    cmp.alignment = Default::default();
    cmp.paired.clear();
    cmp.diffs = Default::default();
    let mut app = duibi::view::App::new(cmp, duibi::topics::Taxonomy::builtin(), Keymap::builtin());
    let screen = text(&draw(&mut app, 120, 30, &Theme::color()));
    assert!(screen.contains("nothing to compare"), "{screen}");
    for k in [
        "j", "J", "K", "}", "{", "G", "c", "s", "#", "d", "j", "d", "i", "t1", "tl", "/x\n", "n", "N",
    ] {
        keys(&mut app, k);
        for (w, h) in [(120, 30), (70, 20)] {
            draw(&mut app, w, h, &Theme::color());
        }
    }
}

#[test]
fn the_overview_lists_every_row_and_enter_opens_a_figure_in_its_row() {
    let mut app = demo_app();
    keys(&mut app, "o");
    let screen = text(&draw(&mut app, 160, 45, &Theme::color()));
    for row in &app.cmp().alignment.rows {
        assert!(screen.contains(&row.label), "{} in {screen}", row.label);
    }
    let line = screen
        .lines()
        .find(|l| l.contains("提供法律咨询"))
        .expect("figure line");
    assert!(
        line.contains("16次") && line.contains("119次") && line.contains("+103次"),
        "{line}"
    );
    // To the figure line, then open it.
    let target = app
        .overview_layout()
        .lines
        .iter()
        .position(|l| l.text().contains("提供法律咨询"))
        .expect("figure line");
    while app.overview_cursor() < target {
        keys(&mut app, "j");
    }
    keys(&mut app, "\n");
    assert!(app.overview().is_none());
    assert_eq!(app.cmp().alignment.rows[app.row()].label, "法律顾问");
    let screen = draw(&mut app, 160, 45, &Theme::color());
    let (x, y) = find(&screen, "119次").expect("the figure is on screen");
    assert!(
        screen[(x, y)].modifier.contains(Modifier::REVERSED),
        "changed figure stands out"
    );
}

#[test]
fn shrinking_below_the_inline_width_leaves_no_stray_separator() {
    let mut app = demo_app();
    draw(&mut app, 160, 45, &Theme::color());
    let screen = text(&draw(&mut app, 90, 30, &Theme::color()));
    let column = |line: &str| line.find('│').map(|i| duibi::view::width::str_width(&line[..i]));
    let sidebar_border = screen.lines().nth(1).and_then(column).expect("sidebar border");
    for line in screen.lines().skip(1).take(28) {
        let bars = line.matches('│').count();
        assert!(bars <= 1, "only the sidebar border in inline view: {line:?}");
        if bars == 1 {
            assert_eq!(column(line), Some(sidebar_border), "{line:?}");
        }
    }
}

#[test]
fn n_steps_through_every_match_counting_them_and_marking_the_current_one() {
    let mut app = demo_app();
    draw(&mut app, 160, 45, &Theme::color());
    keys(&mut app, "/法律顾问\n");
    let status = |app: &mut App| {
        let screen = text(&draw(app, 160, 45, &Theme::color()));
        screen.lines().nth(44).expect("status").to_string()
    };
    let first = status(&mut app);
    let total: usize = first
        .split("match ")
        .nth(1)
        .and_then(|s| s.split('/').nth(1))
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("match k/N in {first}"));
    assert!(total >= 3, "{first}");
    assert!(first.contains(&format!("match 1/{total}")), "{first}");
    let mut seen = vec![(app.row(), app.current_match())];
    for k in 2..=total {
        keys(&mut app, "n");
        let s = status(&mut app);
        assert!(s.contains(&format!("match {k}/{total}")), "after {} n: {s}", k - 1);
        assert!(!seen.contains(&(app.row(), app.current_match())), "n moved on: {s}");
        seen.push((app.row(), app.current_match()));
    }
    // The current match looks unlike the others.
    let buf = draw(&mut app, 160, 45, &Theme::color());
    let theme = Theme::color();
    let styles: Vec<ratatui::style::Style> = (0..buf.area.height)
        .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
        .map(|(x, y)| buf[(x, y)].style())
        .collect();
    assert!(
        styles.iter().any(|s| s.bg == theme.current_match.bg),
        "current match shown"
    );
    keys(&mut app, "N");
    assert!(status(&mut app).contains(&format!("match {}/{total}", total - 1)));
}

#[test]
fn help_shows_whole_descriptions_on_a_wide_terminal() {
    let mut app = demo_app();
    keys(&mut app, "?");
    let screen = text(&draw(&mut app, 160, 60, &Theme::color()));
    for &a in duibi::keys::Action::ALL {
        if !app.keymap().keys_for(duibi::keys::Mode::Normal, a).is_empty() {
            assert!(screen.contains(a.description()), "{:?}: {screen}", a.description());
        }
    }
}

#[test]
fn changes_only_folds_whole_unchanged_passages_and_keeps_the_changed_ones_headers() {
    let left = "一、法律顾问工作\n聘请常年法律顾问,全年提供法律咨询16次,审查合同35份。\n二、法律顾问制度建设\n完善法律顾问制度,法律顾问列席重要会议,参与重大决策合法性审查。\n";
    let right = left.replace("16次", "19次");
    let mut app = crate::util::app_of(left, &right);
    let row = app
        .cmp()
        .alignment
        .rows
        .iter()
        .position(|r| r.passages.left.len() == 2 && r.label == "法律顾问")
        .expect("one row with both sections");
    app.update(Input::Resize { width: 160, height: 30 });
    app.update(Input::Action(duibi::keys::Action::ToggleChangesOnly, 1));
    for _ in 0..row {
        keys(&mut app, "J");
    }
    let screen = text(&draw(&mut app, 160, 30, &Theme::color()));
    assert!(screen.contains("19次"), "{screen}");
    assert!(
        screen.contains("一、法律顾问工作"),
        "the changed passage's header: {screen}"
    );
    assert!(!screen.contains("列席重要会议"), "unchanged passage folded: {screen}");
    assert!(
        !screen.contains("制度建设"),
        "unchanged passage folded with its header: {screen}"
    );
}

#[test]
fn leaving_the_document_view_for_inline_never_shows_a_blank_pane() {
    let mut app = demo_app();
    draw(&mut app, 160, 45, &Theme::color());
    keys(&mut app, "dG");
    draw(&mut app, 160, 45, &Theme::color());
    keys(&mut app, "i");
    let screen = text(&draw(&mut app, 160, 45, &Theme::color()));
    let body: Vec<&str> = screen.lines().skip(1).take(43).collect();
    assert!(
        body.iter().filter(|l| l.contains("。")).count() >= 2,
        "the inline row shows its text: {screen}"
    );
}

/// What a terminal shows after `bytes`, row by row (the emulator of the pseudo-terminal test).
fn emulated(bytes: &[u8], width: u16, height: u16) -> Vec<String> {
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero");
    let mut parser = vt100::Parser::new(size(height), size(width), 0);
    parser.process(bytes);
    // A blank written and a cell never written look the same.
    parser
        .screen()
        .rows(0, width)
        .map(|r| r.trim_end().to_string())
        .collect()
}

/// Bytes written to a terminal, kept for reading back.
#[derive(Clone, Default)]
struct Tape(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Tape {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn clusters_leave_no_stale_cells_when_the_screen_changes() {
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{TerminalOptions, Viewport};
    let family = "👨\u{200d}👩\u{200d}👧";
    let line = |k: usize| format!("第{k}句含旗帜🇨🇳与家庭{family}和重音e\u{301}、爱心❤\u{fe0f}的内容。");
    let left: String = (1..40).map(line).collect::<Vec<_>>().join("\n");
    let right = left.replace("旗帜", "国旗");
    let (left, right) = (format!("一、法律顾问\n{left}"), format!("一、法律顾问\n{right}"));
    let theme = Theme::color();
    for (w, h) in [(100u16, 20u16), (160, 30)] {
        let mut app = crate::util::app_of(&left, &right);
        app.update(Input::Resize { width: w, height: h });
        let fixed = || TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        };
        // One terminal kept across frames, as in use: only what changed is written.
        let tape = Tape::default();
        let mut kept = Terminal::with_options(CrosstermBackend::new(tape.clone()), fixed()).expect("backend");
        for step in 0..6 {
            kept.draw(|f| ui::draw(f, &app, &theme)).expect("draws");
            let fresh_tape = Tape::default();
            let mut fresh =
                Terminal::with_options(CrosstermBackend::new(fresh_tape.clone()), fixed()).expect("backend");
            fresh.draw(|f| ui::draw(f, &app, &theme)).expect("draws");
            let shown = emulated(&tape.0.borrow(), w, h);
            assert_eq!(shown, emulated(&fresh_tape.0.borrow(), w, h), "{w}x{h}, step {step}");
            assert!(
                shown.iter().any(|l| l.contains("旗帜CN与家庭👨👩👧")),
                "the text is there, steadily"
            );
            app.update(Input::Action(duibi::keys::Action::ScrollDown, 3));
        }
    }
}

#[test]
fn the_checklist_screen_at_80_columns_opens_what_it_lists() {
    let mut app = demo_app();
    keys(&mut app, "R");
    let buf = draw(&mut app, 80, 30, &Theme::color());
    let screen = text(&buf);
    insta::assert_snapshot!("demo_checklist_80x30", screen);
    assert!(screen.contains("清单 checklist"), "{screen}");
    assert!(
        screen.lines().last().is_some_and(|l| l.contains("checklist")),
        "{screen}"
    );
    // Found contents are green, missing ones red.
    let (x, y) = find(&buf, "section").expect("a content found as a section");
    assert_eq!(buf[(x, y)].fg, Theme::color().inserted.fg.unwrap_or(Color::Reset));
    // Enter on the first content opens its row; R again closes the screen.
    keys(&mut app, "\n");
    assert!(app.overview().is_none(), "enter opened the place");
    keys(&mut app, "RR");
    assert!(app.overview().is_none(), "R closes the checklist");
    // The overview and the checklist take turns.
    keys(&mut app, "oR");
    assert_eq!(app.overview(), Some(duibi::view::OverviewKind::Checklist));
    keys(&mut app, "o");
    assert_eq!(app.overview(), Some(duibi::view::OverviewKind::Changes));
    assert!(app.overview().is_some());
}

/// The help at 80 columns: a description that does not fit ends in an ellipsis; none is cut
/// unseen at the popup's edge.
#[test]
fn help_descriptions_are_cut_with_an_ellipsis_at_80_columns() {
    let mut app = demo_app();
    app.update(Input::Action(duibi::keys::Action::Help, 1));
    let screen = text(&draw(&mut app, 80, 40, &Theme::monochrome()));
    let mut cut = 0;
    for line in screen.lines() {
        // A row of the popup: the text between its borders.
        let (Some(l), Some(r)) = (line.find('│'), line.rfind('│')) else {
            continue;
        };
        if r <= l {
            continue;
        }
        let inside = &line[l + '│'.len_utf8()..r];
        let whole = duibi::keys::Action::ALL
            .iter()
            .any(|a| inside.ends_with(a.description()));
        if !inside.ends_with(' ') && !whole {
            assert!(inside.ends_with('…'), "cut unseen: {line:?}");
            cut += 1;
        }
    }
    assert!(cut > 0, "some description is longer than 80 columns allow:\n{screen}");
}
