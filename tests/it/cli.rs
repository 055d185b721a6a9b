//! The binary as a user runs it: exit codes, one-line errors, formats.

use predicates::prelude::*;

use crate::util::{duibi, fixture, stdout_of};

fn styles(side: &str) -> std::path::PathBuf {
    fixture(&format!("reports/styles/{side}"))
}

#[test]
fn outline_text_lists_every_heading_with_its_level() {
    let out = stdout_of(duibi().arg("outline").arg(styles("left.txt")));
    insta::assert_snapshot!("outline_styles_left", out.replace(env!("CARGO_MANIFEST_DIR"), "<repo>"));
}

#[test]
fn outline_is_the_same_for_every_encoding() {
    let json = |f: &str| {
        let out = stdout_of(duibi().args(["outline", "--format", "json"]).arg(styles(f)));
        let mut v: serde_json::Value = serde_json::from_str(&out).expect("json");
        v["file"] = serde_json::Value::Null;
        v["encoding"] = serde_json::Value::Null;
        v
    };
    let utf8 = json("left.txt");
    assert_eq!(utf8, json("left.gbk.txt"));
    assert_eq!(utf8, json("left.utf16.txt"));
}

#[test]
fn outline_json_follows_the_contract() {
    let out = stdout_of(duibi().args(["outline", "--format", "json"]).arg(styles("left.txt")));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["year"], 2021);
    assert_eq!(v["unit"], "示例县科学技术局");
    let first = &v["sections"][0];
    for key in ["id", "level", "number", "heading", "topics", "text", "children"] {
        assert!(first.get(key).is_some(), "section has {key}");
    }
    assert_eq!(first["number"], "一、");
    assert_eq!(first["heading"], "总体情况");
    assert_eq!(first["topics"][0], "overview");
    assert_eq!(
        first["children"][1]["text"],
        "(二)规范性文件管理。严格执行规范性文件合法性审查制度,全年制定规范性文件3件,均已报送备案。"
    );
}

#[test]
fn compare_text_snapshot() {
    let out = stdout_of(duibi().arg("compare").arg(styles("left.txt")).arg(styles("right.txt")));
    insta::assert_snapshot!("compare_styles", out.replace(env!("CARGO_MANIFEST_DIR"), "<repo>"));
}

#[test]
fn compare_json_follows_the_contract() {
    let out = stdout_of(
        duibi()
            .args(["compare", "--format", "json"])
            .arg(styles("left.txt"))
            .arg(styles("right.txt")),
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    for side in ["left", "right"] {
        for key in ["file", "title", "unit", "year"] {
            assert!(v[side].get(key).is_some(), "{side}.{key}");
        }
    }
    let rows = v["rows"].as_array().expect("rows");
    let counsel = rows
        .iter()
        .find(|r| r["topic"] == "legal_counsel")
        .expect("legal_counsel row");
    for key in ["label", "similarity", "left", "right", "diff"] {
        assert!(counsel.get(key).is_some(), "row.{key}");
    }
    let counsel_text = |p: &serde_json::Value| p["text"].as_str().unwrap().starts_with("聘请律师担任法律顾问");
    let passage = counsel["left"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| counsel_text(p))
        .expect("counsel passage");
    assert_eq!(passage["path"][0], "三、法律顾问和复议应诉");
    assert_eq!(passage["kind"], "sentences");
    // The counsel sentence moved into another section: its edits are the move's own steps.
    let ops: Vec<&str> = counsel["diff"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| std::iter::once(o).chain(o["ops"].as_array().into_iter().flatten()))
        .map(|o| o["op"].as_str().unwrap())
        .collect();
    assert!(
        ops.contains(&"delete") && ops.contains(&"insert") && ops.contains(&"equal"),
        "{ops:?}"
    );
    assert!(
        counsel["figures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["before"] == "16次" && f["after"] == "119次")
    );
    assert!(
        v["summary"]["topics_left_only"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "disputes")
    );
}

#[test]
fn markdown_marks_changes() {
    let out = stdout_of(duibi().args(["compare", "--demo", "--format", "markdown"]));
    assert!(out.starts_with("# 示例市科学技术局 2023 ↔ 示例市科学技术局 2024"));
    assert!(out.contains("~~16次"), "deleted figure struck through");
    assert!(out.contains("**119次**"), "inserted figure in bold");
}

#[test]
fn demo_runs_without_files() {
    let out = stdout_of(duibi().arg("--demo"));
    assert!(out.contains("法律顾问 (legal_counsel)"));
    assert!(out.contains("提供法律咨询[-16次-]{+119次+}[-,有效防范了法律风险-]"));
}

#[test]
fn a_newer_report_on_the_left_is_warned_of_in_one_line() {
    let demo = |y: &str| format!("{}/examples/reports/demo-{y}.txt", env!("CARGO_MANIFEST_DIR"));
    let out = duibi()
        .args(["compare", &demo("2024"), &demo("2023")])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("demo-2024.txt (2024) is newer than") && err.contains("(2023)"),
        "{err}"
    );
    let out = duibi()
        .args(["compare", &demo("2023"), &demo("2024")])
        .output()
        .expect("runs");
    assert!(
        out.stderr.is_empty(),
        "in order: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn color_always_colours_a_pipe_and_never_colours_nothing() {
    let always = stdout_of(duibi().args(["--demo", "--color", "always"]));
    assert!(always.contains("\u{1b}["), "always: escape sequences for less -R");
    let never = stdout_of(duibi().env("CLICOLOR_FORCE", "1").args(["--demo", "--color", "never"]));
    assert!(!never.contains('\u{1b}'));
}

#[test]
fn text_is_plain_when_not_a_terminal_even_without_no_color() {
    let out = stdout_of(duibi().env_remove("NO_COLOR").arg("--demo"));
    assert!(!out.contains('\u{1b}'));
}

fn fails_with(args: &[&str], message: &str) {
    duibi()
        .args(args)
        .assert()
        .failure()
        .code(2)
        .stderr(predicate::str::starts_with("duibi: ").and(predicate::str::contains(message)))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn bad_inputs_get_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    std::fs::write(path("empty.txt"), " \n\u{3000}\n").unwrap();
    std::fs::write(path("binary.bin"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let dirname = dir.path().to_string_lossy().into_owned();
    fails_with(&["outline", &path("missing.txt")], "missing.txt: no such file");
    fails_with(&["outline", &dirname], "is a directory");
    fails_with(&["outline", &path("empty.txt")], "empty.txt: contains no text");
    fails_with(&["outline", &path("binary.bin")], "binary.bin: looks like binary data");
    let left = styles("left.txt").to_string_lossy().into_owned();
    fails_with(&["compare", &left, &path("missing.txt")], "missing.txt: no such file");
    fails_with(&["--max-size", "100", "outline", &left], "over the 100-byte limit");
    // Text offsets are 32-bit: a ceiling past 1 GiB is refused as a usage error.
    duibi()
        .args(["--max-size", "5000000000", "outline", &left])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1073741824"));
    fails_with(&["compare", &left], "give a second report");
}

/// A text of little but line breaks and stops would cost the comparison gigabytes: past one per 32
/// bytes of the size limit it is refused, in every command, before it is outlined.
#[test]
fn a_text_of_millions_of_tiny_lines_is_refused_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    // 600,000 lines of four bytes: 2.4 MB, over the 524,288 pieces of the default 16 MiB.
    std::fs::write(path("lines.txt"), "甲\n".repeat(600_000)).unwrap();
    let message = "lines.txt: 600000 lines and sentence stops, more than the 524288";
    fails_with(&["outline", &path("lines.txt")], message);
    fails_with(&["compare", &path("lines.txt"), &path("lines.txt")], message);
    // The same shape under a smaller limit: just under it reads, just over is refused.
    std::fs::write(path("under.txt"), "甲。".repeat(500)).unwrap();
    std::fs::write(path("over.txt"), "甲。".repeat(501)).unwrap();
    duibi()
        .args(["--max-size", "16000", "outline", &path("under.txt")])
        .assert()
        .success();
    fails_with(
        &["--max-size", "16000", "outline", &path("over.txt")],
        "over.txt: 501 lines and sentence stops, more than the 500",
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("secret.txt");
    std::fs::write(&p, "一、总体情况").unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        // Running as root, where permissions do not apply: the message itself is checked by
        // load::tests::an_unreadable_file_is_reported_by_name_whoever_runs_the_tests.
        return;
    }
    fails_with(&["outline", &p.to_string_lossy()], "permission denied");
}

#[test]
fn bad_taxonomy_is_reported_with_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("tax.toml");
    std::fs::write(&p, "[[topic]]\nid = 1\n").unwrap();
    let left = styles("left.txt").to_string_lossy().into_owned();
    fails_with(
        &["--taxonomy", &p.to_string_lossy(), "outline", &left],
        "tax.toml: taxonomy is not valid",
    );
}

#[test]
fn hostile_control_characters_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("evil.txt");
    std::fs::write(&p, "一、总体\u{1b}]0;pwned\u{7}情况\n正文\u{1b}[2J。").unwrap();
    let out = stdout_of(duibi().arg("outline").arg(&p));
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'));
    assert!(out.contains("总体]0;pwned情况"));
}

#[cfg(unix)]
#[test]
fn streams_and_devices_are_read_within_the_limit_and_never_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        // Nothing writes to it: an error at once, not a wait forever.
        duibi()
            .arg("outline")
            .arg(&fifo)
            .timeout(std::time::Duration::from_secs(30))
            .assert()
            .failure()
            .code(2)
            .stderr(predicate::str::contains("pipe: "));
    }
    // A device that never ends is read up to the limit, not until memory runs out.
    fails_with(
        &["--max-size", "1000", "outline", "/dev/zero"],
        "/dev/zero: more than the 1000-byte limit arrived",
    );
}

#[test]
fn mostly_valid_utf8_is_read_as_utf8_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read(styles("left.txt")).unwrap();
    let mut damaged = text.clone();
    let utf8 = String::from_utf8(text).unwrap();
    let middle = utf8.char_indices().nth(utf8.chars().count() / 2).unwrap().0;
    damaged.insert(middle, 0xFF); // one stray byte between two characters
    damaged.extend_from_slice(&"报".as_bytes()[..2]); // and a last character cut in half
    let p = dir.path().join("damaged.txt");
    std::fs::write(&p, damaged).unwrap();
    let out = duibi().args(["outline", "--format", "json"]).arg(&p).assert().success();
    let out = out.get_output();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["encoding"], "UTF-8");
    assert_eq!(v["unit"], "示例县科学技术局");
    assert_eq!(v["year"], 2021);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("damaged.txt: 2 invalid byte sequence(s) in the UTF-8 text") && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn control_sequences_in_file_names_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("报告\u{1b}[2J\u{7}.txt");
    std::fs::copy(styles("left.txt"), &p).unwrap();
    for args in [&["outline"][..], &["compare", "--format", "markdown"]] {
        let mut cmd = duibi();
        cmd.args(args).arg(&p);
        if args[0] == "compare" {
            cmd.arg(styles("right.txt"));
        }
        let out = stdout_of(&mut cmd);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out}");
        if args[0] == "outline" {
            assert!(out.contains("报告\\u{1b}[2J\\u{7}.txt"), "{out}");
        }
    }
    let missing = dir.path().join("无\u{1b}]0;x\u{7}.txt");
    duibi()
        .arg("outline")
        .arg(&missing)
        .assert()
        .failure()
        .stderr(predicate::str::contains("无\\u{1b}]0;x\\u{7}.txt: no such file"))
        .stderr(predicate::function(|s: &str| !s.contains('\u{1b}')));
}

#[test]
fn exit_code_says_whether_the_reports_differ_numbering_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).expect("writes");
        p
    };
    let a = write(
        "a.txt",
        "一、加强组织领导\n全年召开专题会议3次,研究部署法治建设工作。\n二、规范行政执法\n全年开展执法检查12次。\n",
    );
    let renumbered = write(
        "b.txt",
        "（一）加强组织领导\n全年召开专题会议3次,研究部署法治建设工作。\n（二）规范行政执法\n全年开展执法检查12次。\n",
    );
    let edited = write(
        "c.txt",
        "一、加强组织领导\n全年召开专题会议5次,研究部署法治建设工作。\n二、规范行政执法\n全年开展执法检查12次。\n",
    );
    let code = |l: &std::path::Path, r: &std::path::Path, extra: &[&str]| {
        duibi()
            .arg("compare")
            .args(extra)
            .arg(l)
            .arg(r)
            .output()
            .expect("runs")
            .status
            .code()
    };
    let exit = ["--exit-code"];
    assert_eq!(code(&a, &a, &exit), Some(0), "identical");
    assert_eq!(code(&a, &renumbered, &exit), Some(0), "only the numbering differs");
    assert_eq!(code(&a, &edited, &exit), Some(1), "a figure changed");
    assert_eq!(code(&a, &edited, &[]), Some(0), "without --exit-code");
    let missing = dir.path().join("missing.txt");
    assert_eq!(code(&a, &missing, &exit), Some(2), "an error has its own code");
    // JSON tells renumbering apart from content.
    let out = stdout_of(duibi().args(["compare", "--format", "json"]).arg(&a).arg(&renumbered));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["summary"]["changes"], 0);
    assert_eq!(v["summary"]["renumbered"], 2);
    let ops: Vec<&serde_json::Value> = v["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|r| r["diff"].as_array().expect("diff"))
        .filter(|o| o["op"] == "renumber")
        .collect();
    assert_eq!(ops.len(), 2, "{out}");
    assert_eq!(ops[0]["from"], "一、");
    assert_eq!(ops[0]["text"], "（一）");
}

#[test]
fn every_format_opens_with_the_overview_figures_and_citations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let left = dir.path().join("2023.txt");
    let right = dir.path().join("2024.txt");
    std::fs::write(
        &left,
        "一、法律顾问\n聘请法律顾问,全年提供法律咨询16次,审查合同35份。\n二、学法普法\n组织学习《中华人民共和国行政处罚法》,开展专题讲座3次。\n",
    )
    .expect("writes");
    std::fs::write(
        &right,
        "一、法律顾问\n聘请法律顾问,全年提供法律咨询119次,审查合同35份。\n二、学法普法\n组织学习《中华人民共和国行政复议法》,开展专题讲座3次。\n",
    )
    .expect("writes");
    let run = |format: &str| stdout_of(duibi().args(["compare", "--format", format]).arg(&left).arg(&right));
    let text = run("text");
    assert!(text.contains("Figures that changed"), "{text}");
    let figure_line = text
        .lines()
        .find(|l| l.contains("16次 → 119次") && !l.contains("#"))
        .unwrap_or_else(|| panic!("a figure line in {text}"));
    assert!(
        figure_line.contains("提供法律咨询") && figure_line.contains("+103次"),
        "{figure_line}"
    );
    assert!(text.contains("◀ 《中华人民共和国行政处罚法》"), "{text}");
    assert!(text.contains("▶ 《中华人民共和国行政复议法》"), "{text}");
    let md = run("markdown");
    assert!(md.contains("| 提供法律咨询 | 16次 | 119次 | +103次 |"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("json");
    let ov = &json["overview"];
    let figures = ov["figures"].as_array().expect("figures");
    assert!(
        figures.iter().any(|f| f["label"] == "提供法律咨询"
            && f["before"] == "16次"
            && f["after"] == "119次"
            && f["change"] == "+103次"),
        "{ov}"
    );
    assert_eq!(ov["citations"]["left_only"][0], "《中华人民共和国行政处罚法》");
    assert!(
        ov["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .any(|r| r["changes"].as_u64() > Some(0))
    );
}

#[test]
fn every_message_is_one_line_with_nothing_of_the_file_raw_and_json_keeps_the_real_path() {
    let dir = tempfile::tempdir().unwrap();
    // A .docx whose XML breaks on a control byte and a line break.
    let bad = dir.path().join("坏.docx");
    std::fs::write(
        &bad,
        crate::make::docx_with_body("<w:p><w:r><w:t>甲\u{1b}[2J\n\u{7}乙</w:t></w:r></w:p>"),
    )
    .unwrap();
    // A path through a file: the OS's error, said once.
    let through = dir.path().join("坏.docx").join("x.txt");
    for path in [&bad, &through] {
        let out = duibi()
            .arg("outline")
            .arg(path)
            .assert()
            .failure()
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8(out).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
        assert!(err.matches("os error").count() <= 1, "{err}");
    }
    // Invisible format characters never reach the output; JSON names the file as it is.
    let marked = dir.path().join("报告\u{200e}\u{1b}.txt");
    std::fs::write(&marked, "一、法律\u{200f}顾问\n聘请\u{200e}法律顾问\u{61c}2名。").unwrap();
    let out = stdout_of(duibi().arg("outline").arg(&marked));
    assert!(!out.contains(['\u{200e}', '\u{200f}', '\u{61c}', '\u{1b}']), "{out:?}");
    assert!(out.contains("法律顾问"), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(duibi().args(["outline", "--format", "json"]).arg(&marked))).unwrap();
    assert_eq!(json["file"].as_str(), Some(marked.to_str().unwrap()));
}

#[test]
fn what_follows_the_signature_is_compared_too() {
    let dir = tempfile::tempdir().unwrap();
    let body = "某局2024年法治政府建设情况报告\n一、法律顾问\n聘请法律顾问2名。\n特此报告。\n\n某局\n2025年1月10日\n";
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, format!("{body}附件:1.法律顾问合同清单\n")).unwrap();
    std::fs::write(&b, format!("{body}附件:1.法律顾问合同清单(修订)\n")).unwrap();
    let out = duibi()
        .args(["compare", "--exit-code"])
        .arg(&a)
        .arg(&b)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("修订"), "{out}");
    let outline = stdout_of(duibi().args(["outline", "--format", "json"]).arg(&a));
    assert!(outline.contains("法律顾问合同清单"), "{outline}");
}

/// The Markdown of every fixture pair, read by a CommonMark renderer (with GitHub's
/// strikethrough): every change is an element, no `**` or `~~` is left as text.
#[test]
fn markdown_changes_render_as_emphasis_in_commonmark() {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let root = env!("CARGO_MANIFEST_DIR");
    // Changes that begin or end with punctuation beside a letter, as rewordings often do.
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(
            &p,
            format!("某局2023年法治政府建设情况报告\n一、法律顾问\n{body}\n二、学法普法\n组织“学法日”活动6次。\n"),
        )
        .expect("writes");
        p.display().to_string()
    };
    let old = write("old.txt", "全年提供法律咨询16次。聘请“常年法律顾问”一名。");
    let new = write(
        "new.txt",
        "全年提供法律咨询16次，解答群众问题30个。聘请法律顾问（律师）一名。",
    );
    let demo = |p: &str| format!("{root}/{p}");
    let pairs = [
        (old, new),
        (
            demo("examples/reports/demo-2023.txt"),
            demo("examples/reports/demo-2024.txt"),
        ),
        (
            demo("examples/reports/demo-2022.txt"),
            demo("examples/reports/demo-2023.txt"),
        ),
        (
            demo("tests/fixtures/reports/styles/left.txt"),
            demo("tests/fixtures/reports/styles/right.txt"),
        ),
    ];
    for (l, r) in &pairs {
        let md = stdout_of(duibi().args(["compare", "--format", "markdown", l, r]));
        // Text as the reader sees it, run by run (the parser hands unmatched marks over one by one).
        let (mut marked, mut literal, mut run) = (0, Vec::new(), String::new());
        for event in Parser::new_ext(&md, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES) {
            match event {
                Event::Text(t) => {
                    run.push_str(&t);
                    continue;
                }
                Event::Start(Tag::Strong | Tag::Strikethrough | Tag::Emphasis) => marked += 1,
                Event::InlineHtml(h) if ["<strong>", "<del>", "<em>"].contains(&h.as_ref()) => marked += 1,
                _ => {}
            }
            if run.contains("**") || run.contains("~~") || run.contains('*') {
                literal.push(std::mem::take(&mut run));
            }
            run.clear();
        }
        assert!(marked >= 2, "{l} vs {r}: {marked} changes marked");
        assert!(literal.is_empty(), "{l} vs {r}: literal marks in {literal:?}");
    }
}

/// The binary is linked at a fixed address on x86-64 Linux (build.rs): the loader then has no
/// table pointers to write at start (docs/performance.md). ELF's type field: 2 is a fixed-address
/// executable, 3 a position-independent one.
#[cfg(all(target_os = "linux", target_arch = "x86_64", target_env = "gnu"))]
#[test]
fn the_binary_needs_no_relocating_at_start() {
    let bytes = std::fs::read(env!("CARGO_BIN_EXE_duibi")).expect("the binary reads");
    assert_eq!(&bytes[..4], b"\x7fELF");
    assert_eq!(
        u16::from_le_bytes([bytes[16], bytes[17]]),
        2,
        "e_type: not a fixed-address executable"
    );
}

/// The binary loads no system maths library: its one use, the segmenter's logarithm, is computed
/// in Rust (`libm`), and a library loaded for one function kept half a megabyte of its code
/// resident (docs/performance.md). A library the binary needs is named in its dynamic strings.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_loads_no_system_maths_library() {
    let bytes = std::fs::read(env!("CARGO_BIN_EXE_duibi")).expect("the binary reads");
    let needs = |name: &[u8]| bytes.windows(name.len()).any(|w| w == name);
    assert!(needs(b"libc.so.6"), "the search finds what the binary needs");
    assert!(!needs(b"libm.so.6"), "the binary needs libm");
}
