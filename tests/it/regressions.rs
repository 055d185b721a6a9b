//! Every input that ever crashed or stalled duibi, kept in `tests/regressions/` and run through the
//! whole pipeline. An `*.inputs.zip` holds several inputs (for those that are large but compress
//! well); any other file is one input. New ones come from the fuzz harness (`examples/fuzz.rs`).

use std::path::Path;

use crate::exercise::{archive_entries, exercise};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/regressions")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().expect("a file").to_string_lossy().to_string();
        let bytes = std::fs::read(&path).expect("readable");
        if name.ends_with(".inputs.zip") {
            for (inner_name, inner) in archive_entries(&bytes).expect("a readable archive") {
                out.push((format!("{name}/{inner_name}"), inner));
            }
        } else {
            out.push((name, bytes));
        }
    }
    out
}

#[test]
fn every_input_that_once_crashed_now_runs_through() {
    let inputs = inputs();
    assert!(inputs.len() >= 5, "the regression inputs are there: {}", inputs.len());
    for (name, bytes) in inputs {
        let start = std::time::Instant::now();
        exercise(&name, &bytes);
        eprintln!("{name}: {:?}", start.elapsed());
    }
}
