//! The analyst's review through the command line: refilings that `compare`, `figures` and `check`
//! honour, found in the data directory or named with `--state`; a damaged review file; the export.

use std::path::{Path, PathBuf};

use duibi::review::keys;

use crate::util::{duibi, stdout_of};

const SENTENCE: &str = "制定领导干部年度学法计划,全年组织集中学法8次,邀请专家举办法治专题讲座2期。";

fn demo(year: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("examples/reports/demo-{year}.txt"))
}

/// A demo report's id as the review knows it.
fn id_of(year: u32) -> String {
    let text = std::fs::read(demo(year)).expect("reads");
    let src = duibi::load::SourceText::from_bytes("x.txt", &text).expect("decodes");
    keys::report(&duibi::outline::outline(&src)).id
}

/// A review with one sentence of the newer report refiled under a topic of the analyst's, a note
/// on that row, and the row marked reviewed (with content that no longer matches, so not counted).
fn review_text() -> String {
    format!(
        r#"format = "duibi review 1"

[[report]]
id = "{old}"
path = "/elsewhere/demo-2023.txt"

[[report]]
id = "{id}"
path = "/elsewhere/demo-2024.txt"

[[topic]]
id = "own-1"
label = "干部学法"

[[refile]]
id = "refile-1"
report = "{id}"
path = "/elsewhere/demo-2024.txt"
sentences = ["{sentence}"]
excerpt = "制定领导干部年度学法计划…"
from = "学法普法"
to = "own-1"

[[note]]
id = "note-1"
about = "row"
row = "own-1"
excerpt = "干部学法"
text = "学法次数与台账核对 | 见附表"

[[reviewed]]
row = "legal_education"
content = "0"
"#,
        id = id_of(2024),
        old = id_of(2023),
        sentence = keys::hex(keys::sentence(SENTENCE))
    )
}

fn rows_of(json: &str) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_str(json).expect("json");
    v["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            let text: String = ["left", "right"]
                .iter()
                .flat_map(|s| r[s].as_array().cloned().unwrap_or_default())
                .map(|p| p["text"].as_str().unwrap_or_default().to_string())
                .collect();
            (r["label"].as_str().unwrap_or_default().to_string(), text)
        })
        .collect()
}

fn compare_json(cmd: &mut assert_cmd::Command) -> Vec<(String, String)> {
    rows_of(&stdout_of(
        cmd.args(["compare", "--format", "json"])
            .arg(demo(2023))
            .arg(demo(2024)),
    ))
}

#[test]
fn a_refiling_in_the_data_directory_changes_what_compare_prints() {
    let home = tempfile::tempdir().expect("temp dir");
    let before = compare_json(duibi().env("XDG_DATA_HOME", home.path()));
    assert!(!before.iter().any(|(l, _)| l == "干部学法"));
    let dir = home.path().join("duibi/reviews");
    std::fs::create_dir_all(&dir).expect("makes");
    // Keyed by content: found under any name in the directory that holds reviews.
    std::fs::write(dir.join("mine.toml"), review_text()).expect("writes");
    let after = compare_json(duibi().env("XDG_DATA_HOME", home.path()));
    let own = after.iter().find(|(l, _)| l == "干部学法").expect("the analyst's row");
    assert!(
        own.1.contains("全年组织集中学法8次") && own.1.contains("全年组织集中学法6次"),
        "{own:?}"
    );
    let study = after.iter().find(|(l, _)| l == "学法普法").expect("row");
    assert!(!study.1.contains("集中学法"), "{study:?}");
}

#[test]
fn figures_files_a_refiled_figure_under_its_new_topic() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("review.toml");
    std::fs::write(&state, review_text()).expect("writes");
    let figures = |state: Option<&Path>| {
        let mut cmd = duibi();
        if let Some(s) = state {
            cmd.arg("--state").arg(s);
        }
        // The refiled report alone: its figures filed as its own sentences are.
        stdout_of(cmd.args(["figures", "--format", "csv"]).arg(demo(2024)))
    };
    let line = |out: &str| {
        out.lines()
            .find(|l| l.contains("集中学法"))
            .map(str::to_string)
            .expect("the figure")
    };
    assert!(line(&figures(None)).contains(",legal_education,"));
    assert!(
        line(&figures(Some(&state))).contains(",own-1,"),
        "{}",
        figures(Some(&state))
    );
}

#[test]
fn a_damaged_review_file_is_said_in_one_line_and_left_as_it_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("bad.toml");
    let text = "format = \"duibi review 1\"\n[[note]\nid = 1\n";
    std::fs::write(&state, text).expect("writes");
    let out = duibi()
        .arg("--state")
        .arg(&state)
        .args(["compare", "--format", "json"])
        .arg(demo(2023))
        .arg(demo(2024))
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    let lines: Vec<&str> = stderr.lines().filter(|l| l.contains("bad.toml")).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("damaged review file (line 2"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&state).expect("reads"), text);
}

#[test]
fn a_refiling_whose_text_is_gone_is_said() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("review.toml");
    // The same report at the refiling's place, edited so the sentence is gone.
    let edited = dir.path().join("demo-2024.txt");
    let text = std::fs::read_to_string(demo(2024)).expect("reads");
    std::fs::write(&edited, text.replace("集中学法8次", "集中学法9次")).expect("writes");
    let place = std::fs::canonicalize(&edited).expect("path");
    let review = review_text().replace("/elsewhere/demo-2024.txt", &place.display().to_string());
    std::fs::write(&state, review).expect("writes");
    let out = duibi()
        .arg("--state")
        .arg(&state)
        .arg("compare")
        .arg(demo(2023))
        .arg(&edited)
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert!(
        stderr.contains("a refiling no longer applies") && stderr.contains("制定领导干部年度学法计划"),
        "{stderr}"
    );
}

fn export(format: &str) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = dir.path().join("review.toml");
    std::fs::write(&state, review_text()).expect("writes");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    stdout_of(duibi().current_dir(&root).arg("--state").arg(&state).args([
        "review",
        "--format",
        format,
        "examples/reports/demo-2023.txt",
        "examples/reports/demo-2024.txt",
    ]))
}

#[test]
fn the_review_exports_as_markdown() {
    let md = export("markdown");
    assert!(
        md.contains("## Refiled by the analyst") && md.contains("**干部学法**"),
        "{md}"
    );
    assert!(
        md.contains("> ✎ 学法次数与台账核对 \\| 见附表"),
        "the note under its row: {md}"
    );
    insta::assert_snapshot!("review_markdown", md);
}

#[test]
fn the_review_exports_as_json() {
    let json = export("json");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let own = v["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["label"] == "干部学法")
        .expect("the analyst's row");
    assert_eq!(own["notes"][0]["text"], "学法次数与台账核对 | 见附表");
    assert_eq!(v["refiled"][0]["to"], "干部学法");
    assert!(v["checklist"]["contents"].is_array());
    insta::assert_snapshot!("review_json", json);
}

#[test]
fn the_review_exports_as_one_html_file_that_fetches_nothing() {
    let html = export("html");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@media print"));
    for outside in ["http://", "https://", "<script", "<link", "src="] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert!(
        html.contains("<table>") && html.contains("<blockquote>"),
        "tables and notes rendered"
    );
    insta::assert_snapshot!("review_html", html);
}

#[test]
fn reviews_beside_the_reports_are_read_from_the_newer_reports_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, new) = (dir.path().join("2023.txt"), dir.path().join("2024.txt"));
    std::fs::copy(demo(2023), &old).expect("copies");
    std::fs::copy(demo(2024), &new).expect("copies");
    std::fs::write(dir.path().join("shared-review.toml"), review_text()).expect("writes");
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(home.path().join("duibi")).expect("makes");
    std::fs::write(home.path().join("duibi/config.toml"), "reviews = \"beside\"\n").expect("writes");
    let rows = |config_home: &Path| {
        rows_of(&stdout_of(
            duibi()
                .env("XDG_CONFIG_HOME", config_home)
                .args(["compare", "--format", "json"])
                .arg(&old)
                .arg(&new),
        ))
    };
    assert!(rows(home.path()).iter().any(|(l, _)| l == "干部学法"));
    assert!(
        !rows(dir.path()).iter().any(|(l, _)| l == "干部学法"),
        "the data directory has none"
    );
    let config = stdout_of(duibi().env("XDG_CONFIG_HOME", home.path()).arg("config"));
    assert!(config.contains("reviews      beside"), "{config}");
}

#[test]
fn a_refiling_follows_its_report_into_another_pair() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = home.path().join("duibi/reviews");
    std::fs::create_dir_all(&dir).expect("makes");
    // Made while reading 2023 against 2024; 2024 is now read against 2022.
    std::fs::write(dir.join("2023-2024.toml"), review_text()).expect("writes");
    let json = stdout_of(
        duibi()
            .env("XDG_DATA_HOME", home.path())
            .args(["compare", "--format", "json"])
            .arg(demo(2022))
            .arg(demo(2024)),
    );
    let rows = rows_of(&json);
    let own = rows.iter().find(|(l, _)| l == "干部学法").expect("the analyst's row");
    assert!(own.1.contains("全年组织集中学法8次"), "{own:?}");
    // The review of this pair is its own: the other pair's notes stay there.
    let md = stdout_of(
        duibi()
            .env("XDG_DATA_HOME", home.path())
            .arg("review")
            .arg(demo(2022))
            .arg(demo(2024)),
    );
    assert!(!md.contains("学法次数与台账核对"), "{md}");
    assert!(md.contains("→ **干部学法** (in the review of another pair)"), "{md}");
}
