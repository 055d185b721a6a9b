//! Several reports at once: the sample series in `examples/reports` (four years of one bureau,
//! topics appearing and disappearing, figures moving, sentences copied; and a second bureau).

use std::path::PathBuf;

use duibi::load::LoadOptions;
use duibi::series::Series;
use duibi::topics::Taxonomy;
use duibi::ui::Theme;
use duibi::ui::run::Model;
use duibi::view::Input;
use duibi::view::series::{Browser, Shown};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::util::{duibi, stdout_of};

fn reports() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/reports")
}

fn one_bureau() -> Vec<PathBuf> {
    (2022..=2025).map(|y| reports().join(format!("demo-{y}.txt"))).collect()
}

#[test]
fn compare_of_a_folder_prints_the_coverage_and_each_report_against_the_one_before() {
    let out = stdout_of(duibi().current_dir(reports()).args(["compare", "."]));
    insta::assert_snapshot!("series_compare_text", out);
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        duibi().arg("compare").args(one_bureau()).args(["--format", "json"]),
    ))
    .expect("json");
    assert_eq!(json["reports"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["reports"][0]["year"], 2022);
    let counsel = json["coverage"]["topics"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["id"] == "legal_counsel"))
        .expect("legal_counsel row");
    assert_eq!(counsel["cells"][3]["sentences"], 0, "法律顾问 is gone in 2025");
    let gone: Vec<&str> = json["pairs"][2]["topics_left_only"]
        .as_array()
        .expect("topics")
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert!(gone.contains(&"legal_counsel"), "{gone:?}");
    let md = stdout_of(duibi().arg("compare").args(one_bureau()).args(["--format", "markdown"]));
    assert!(md.contains("| topic | 2022 示例市科学技术局 |"), "{md}");
}

#[test]
fn figures_are_printed_as_measures_with_a_value_per_report() {
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        duibi().arg("figures").args(one_bureau()).args(["--format", "json"]),
    ))
    .expect("json");
    assert_eq!(json["reports"][3]["unit"], "示例市科学技术局");
    let measure = |label: &str| {
        json["measures"]
            .as_array()
            .and_then(|m| m.iter().find(|m| m["label"] == label))
            .unwrap_or_else(|| panic!("{label}"))
            .clone()
    };
    let counsel = measure("提供法律咨询");
    assert_eq!(counsel["unit"], "次");
    assert_eq!(counsel["topic"], "legal_counsel");
    assert_eq!(counsel["values"], serde_json::json!(["10次", "16次", "119次", null]));
    assert_eq!(counsel["change"], "gone", "法律顾问 is gone in 2025");
    assert_eq!(
        measure("废止")["values"],
        serde_json::json!(["5件", "3件", "2件", "1件"])
    );
    assert_eq!(measure("废止")["change"], "−1件");
    let csv = stdout_of(duibi().arg("figures").args(one_bureau()).args(["--format", "csv"]));
    assert!(csv.starts_with("label,unit,topic,2022 示例市科学技术局,"), "{csv}");
    assert!(
        csv.contains("\n提供法律咨询,次,legal_counsel,10次,16次,119次,,gone\n"),
        "{csv}"
    );
    let text = stdout_of(duibi().arg("figures").args(one_bureau()));
    insta::assert_snapshot!("series_figures_text", text);
}

#[test]
fn a_folder_without_reports_is_one_clear_error() {
    let empty = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-reports-here");
    std::fs::create_dir_all(&empty).expect("folder");
    let out = duibi()
        .arg("figures")
        .arg(&empty)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no report files in this folder"), "{err}");
}

fn browser() -> Browser {
    let tax = Taxonomy::builtin();
    let paths = duibi::series::expand(&[reports()]).expect("reports");
    let series = Series::load(&paths.0, paths.1.clone(), &LoadOptions::default(), &tax, &|_, _| {}).expect("loads");
    Browser::new(series, tax, duibi::keys::Keymap::builtin(), (None, true))
}

fn screen(b: &mut Browser, width: u16, height: u16) -> String {
    b.update(Input::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|f| b.draw(f, &Theme::monochrome())).expect("draws");
    crate::util::buffer_text(terminal.backend().buffer())
}

#[test]
fn the_coverage_screen_shows_every_report_and_follows_the_cursor() {
    let mut b = browser();
    insta::assert_snapshot!("series_coverage_100x24", screen(&mut b, 100, 24));
    // Narrow: the cursor's column stays in view.
    let narrow = screen(&mut b, 40, 24);
    assert!(narrow.contains("5:2025"), "{narrow}");
    assert!(!narrow.contains("1:2022"), "{narrow}");
    b.update(Input::Key(duibi::keys::Key::char('F')));
    insta::assert_snapshot!("series_figures_100x24", screen(&mut b, 100, 24));
    // Narrow: the latest reports and the change column stay in view.
    let narrow = screen(&mut b, 60, 24);
    let counsel = narrow
        .lines()
        .find(|l| l.contains("提供法律咨询"))
        .expect("the measure");
    assert!(counsel.trim_end().ends_with("gone"), "{narrow}");
    assert!(narrow.contains("5:2025") && !narrow.contains("1:2022"), "{narrow}");
    // The reports left out are counted where the columns start.
    let header = narrow.lines().nth(1).unwrap_or_default().to_string();
    assert!(header.contains('‹'), "{header}");
}

#[test]
fn a_figure_is_highlighted_where_it_moved_from_its_own_units_report_before() {
    let mut b = browser();
    b.update(Input::Key(duibi::keys::Key::char('F')));
    b.update(Input::Resize { width: 100, height: 24 });
    let mut terminal = Terminal::new(TestBackend::new(100, 24)).expect("test backend");
    terminal.draw(|f| b.draw(f, &Theme::monochrome())).expect("draws");
    let buf = terminal.backend().buffer();
    let style_of = |text: &str| {
        let (x, y) = (0..buf.area.height)
            .find_map(|y| {
                let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol().to_string()).collect();
                let at = row.find(text)?;
                // Columns before the match: every symbol is one column here, wide ones take two cells.
                let col = (0..buf.area.width)
                    .scan(0usize, |bytes, x| {
                        let here = *bytes;
                        *bytes += buf[(x, y)].symbol().len();
                        Some((x, here))
                    })
                    .find(|&(_, here)| here == at)?
                    .0;
                Some((col, y))
            })
            .unwrap_or_else(|| panic!("{text} on screen"));
        buf[(x, y)].modifier
    };
    let figure = Theme::monochrome().figure.add_modifier;
    // 审查合同: 28份 35份 (one bureau), 19份 (another bureau's 2024), 52份 (the first bureau's 2024).
    assert!(style_of("52份").contains(figure), "moved from its bureau's 35份");
    assert!(
        !style_of("19份").contains(figure),
        "another bureau's first report moved from nothing"
    );
}

#[test]
fn a_folder_skips_and_names_what_it_cannot_read_and_opens_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    for y in 2022..=2024 {
        std::fs::copy(
            reports().join(format!("demo-{y}.txt")),
            dir.path().join(format!("demo-{y}.txt")),
        )
        .expect("copies");
    }
    std::fs::write(dir.path().join("broken.docx"), b"PK\x03\x04 not really a zip").expect("writes");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.path().join("loop-a.txt"), dir.path().join("loop-b.txt")).expect("link");
        std::os::unix::fs::symlink(dir.path().join("loop-b.txt"), dir.path().join("loop-a.txt")).expect("link");
        std::os::unix::fs::symlink("/nowhere/at/all.txt", dir.path().join("dangling.txt")).expect("link");
    }
    let out = duibi()
        .args(["compare"])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .clone();
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    for name in ["broken.docx", "loop-a.txt", "loop-b.txt", "dangling.txt"] {
        assert!(stderr.contains(&format!("{name}: skipped")), "{name} in {stderr}");
        assert!(stdout.contains(name), "{name} listed in {stdout}");
    }
    assert!(stdout.contains("demo-2024.txt"), "the rest opens");
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        duibi().args(["compare", "--format", "json"]).arg(dir.path()),
    ))
    .expect("json");
    assert_eq!(json["skipped"].as_array().map(Vec::len), Some(4));
    // The coverage screen says so too.
    let (inputs, skipped) = duibi::series::expand(&[dir.path().to_path_buf()]).expect("a folder");
    let series = Series::load(
        &inputs,
        skipped,
        &LoadOptions::default(),
        &Taxonomy::builtin(),
        &|_, _| {},
    )
    .expect("loads");
    assert_eq!(series.skipped.len(), 4);
    let mut b = Browser::new(
        series,
        Taxonomy::builtin(),
        duibi::keys::Keymap::builtin(),
        (None, true),
    );
    let screen = screen(&mut b, 120, 30);
    assert!(
        screen.contains("skipped 4") && screen.contains("dangling.txt"),
        "{screen}"
    );
}

fn browser_with(keymap: &str) -> Browser {
    let tax = Taxonomy::builtin();
    let paths = duibi::series::expand(&[reports()]).expect("reports");
    let series = Series::load(&paths.0, paths.1.clone(), &LoadOptions::default(), &tax, &|_, _| {}).expect("loads");
    let keymap = duibi::keys::Keymap::preset(keymap).expect("shipped keymap");
    Browser::new(series, tax, keymap, (None, true))
}

/// Every series screen, in every shipped keymap and at three sizes: its hints name only keys the
/// keymap binds, and the help key opens the help over it (and closes it again).
#[test]
fn every_series_screen_hints_its_keymaps_keys_and_opens_help() {
    use duibi::keys::{Action, Hints, Mode};
    for name in ["default", "emacs", "arrows"] {
        let keymap = duibi::keys::Keymap::preset(name).expect("shipped");
        let hints = Hints::new(&keymap);
        let help = keymap.keys_for(Mode::Normal, Action::Help)[0].clone();
        for (screen_key, action) in [
            (None, Action::Coverage),
            (Some(Action::Figures), Action::Figures),
            (Some(Action::Checklist), Action::Checklist),
        ] {
            for (w, h) in [(80, 24), (120, 40), (200, 60)] {
                let mut b = browser_with(name);
                if let Some(a) = screen_key {
                    b.update(Input::Action(a, 1));
                }
                let shown = screen(&mut b, w, h);
                let title = shown.lines().next().unwrap_or_default().to_string();
                assert!(!title.contains("[quit]"), "{name} {action:?} {w}x{h}: {title}");
                if w >= 200 {
                    // Wide enough for the whole title: it names this keymap's keys.
                    assert!(
                        title.contains(&format!("{} quit", hints.key(Action::Quit))),
                        "{name} {action:?}: {title}"
                    );
                    if name != "default" {
                        assert!(!title.contains("j/k"), "{name} {action:?}: {title}");
                    }
                }
                b.update(Input::Action(Action::Help, 1));
                let with_help = screen(&mut b, w, h);
                assert!(
                    with_help.contains("按键"),
                    "{name} {action:?} {w}x{h}, {help} opens help:\n{with_help}"
                );
                b.update(Input::Action(Action::Cancel, 1));
                assert!(!screen(&mut b, w, h).contains("按键"), "{name} {action:?}: help closes");
            }
        }
    }
}

/// Enter on a figure opens the pair where it was last stated, on the line that states it.
#[test]
fn enter_on_a_figure_opens_the_line_that_states_it() {
    use duibi::keys::Action;
    let mut b = browser();
    b.update(Input::Action(Action::Figures, 1));
    let _ = screen(&mut b, 120, 30);
    let f = b.figures().cloned().expect("figures made");
    // A measure stated in a report that has one before it.
    let k = f
        .measures
        .iter()
        .position(|m| {
            let at = (0..m.values.len()).rev().find(|&i| m.values[i].is_some());
            at.is_some_and(|i| b.series().previous(i).is_some())
        })
        .expect("a figure with a report before");
    for _ in 0..k {
        b.update(Input::Action(Action::ScrollDown, 1));
    }
    let table = screen(&mut b, 120, 30);
    let m = &f.measures[k];
    let value = m.values.iter().rev().flatten().next().expect("stated").clone();
    b.update(Input::Action(Action::Open, 1));
    assert_eq!(b.shown(), Shown::Pair, "{table}");
    let pair = screen(&mut b, 120, 30);
    assert!(pair.contains(&value), "{} {value} on screen:\n{pair}", m.label);
}
