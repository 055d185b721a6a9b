//! `duibi check` through the binary: exit codes a script can rely on, the JSON contract, Markdown,
//! and rules from a file.

use serde_json::Value;

use crate::util::{duibi, fixture};

fn dev(name: &str) -> String {
    fixture("check/dev").join(name).to_string_lossy().into_owned()
}

#[test]
fn check_exits_one_when_a_report_does_not_pass_zero_when_all_do_two_on_trouble() {
    duibi()
        .args(["check", &dev("anhe-2023.txt"), &dev("anhe-2024.txt")])
        .assert()
        .code(0);
    let out = duibi()
        .args(["check", &fixture("check/dev").to_string_lossy()])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("2 of 6 reports pass."), "{text}");
    assert!(text.contains("late by 42 days"), "{text}");
    // Nothing wider than 80 columns.
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    duibi().args(["check", "no-such-report.txt"]).assert().code(2);
}

#[test]
fn check_json_keeps_its_contract() {
    let out = duibi()
        .args([
            "check",
            "--format",
            "json",
            &dev("anhe-2023.txt"),
            &dev("anhe-2024.txt"),
            &dev("lanxi-2024.txt"),
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).expect("JSON");
    let reports = v["reports"].as_array().expect("reports");
    assert_eq!(reports.len(), 3);
    for r in reports {
        for key in [
            "file",
            "unit",
            "year",
            "dated",
            "contents",
            "deadline",
            "figures",
            "figures_per_1000",
            "copied_share",
            "repeated_problems",
            "plans",
        ] {
            assert!(r.get(key).is_some(), "{key} in {r}");
        }
        let ids: Vec<&str> = r["contents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert_eq!(
            ids,
            ["measures", "first_responsible", "shortcomings", "causes", "next_year"]
        );
        for c in r["contents"].as_array().unwrap() {
            assert!(
                ["section", "passage", "missing"].contains(&c["found"].as_str().unwrap()),
                "{c}"
            );
            assert!(c["where"].as_array().unwrap().iter().all(Value::is_string), "{c}");
        }
        assert!(["on_time", "late", "early", "undated"].contains(&r["deadline"]["status"].as_str().unwrap()));
    }
    let anhe = reports
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("anhe-2024.txt"))
        .unwrap();
    assert_eq!(anhe["dated"], "2025-02-20");
    assert_eq!(anhe["deadline"]["due"], "2025-03-31");
    assert!(anhe["copied_share"].as_f64().is_some_and(|s| s > 0.0 && s < 1.0));
    let again = anhe["repeated_problems"].as_array().unwrap();
    assert_eq!(again.len(), 2);
    assert!(
        again
            .iter()
            .all(|p| p["text"].is_string() && p["last_year"].is_string())
    );
    let plans = anhe["plans"].as_array().unwrap();
    assert_eq!(
        plans.iter().map(|p| p["done"].as_bool().unwrap()).collect::<Vec<_>>(),
        [true, false, false, false]
    );
    assert!(plans[0]["where"][0].as_str().unwrap().contains("建成科技执法信息平台"));
    let lanxi = reports
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with("lanxi-2024.txt"))
        .unwrap();
    assert_eq!(lanxi["deadline"]["status"], "early");
    assert_eq!(lanxi["copied_share"], Value::Null);
}

#[test]
fn a_provinces_rules_file_changes_the_deadline() {
    let rules = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("province-rules.toml");
    let builtin = duibi::check::rules::BUILTIN_RULES.replace("due = \"03-31\"", "due = \"03-01\"");
    std::fs::write(&rules, builtin).expect("writes");
    let out = duibi()
        .args(["check", "--rules", &rules.to_string_lossy(), &dev("qinghe-2024.txt")])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("due 2025-03-01: late by 26 days"), "{text}");
    // A broken rules file: one line naming it, exit 2.
    std::fs::write(&rules, "[deadline]\ndue = \"nope\"\n").expect("writes");
    let err = duibi()
        .args(["check", "--rules", &rules.to_string_lossy(), &dev("qinghe-2024.txt")])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(err).expect("utf-8");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("province-rules.toml"), "{err}");
}

#[test]
fn check_markdown_has_a_row_per_report() {
    let out = duibi()
        .args(["check", "--format", "markdown", &fixture("check/dev").to_string_lossy()])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(out).expect("utf-8");
    let rows = md
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| report"))
        .count();
    assert_eq!(rows, 6, "{md}");
    assert!(md.contains("stated again"), "{md}");
}
