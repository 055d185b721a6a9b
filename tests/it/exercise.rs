//! Every stage on one input, as a user's run would take it: load from bytes, outline, compare with
//! itself and with a small report, word diff, and every output format. Shared by the regression test
//! and the fuzz harness (`examples/fuzz.rs`), which include this file.

use duibi::compare::Comparison;
use duibi::diff::CharTokenizer;
use duibi::load::SourceText;
use duibi::outline::outline;
use duibi::overview::Overview;
use duibi::topics::{Taxonomy, classify};

/// The files inside a zip archive, by name; an error if it is not a readable archive.
pub fn archive_entries(zip_bytes: &[u8]) -> zip::result::ZipResult<Vec<(String, Vec<u8>)>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes))?;
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i)?;
            let name = file.name()?.to_string();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut file, &mut bytes)?;
            Ok((name, bytes))
        })
        .collect()
}

/// A small report to compare every input with.
const OTHER: &str =
    "某局2024年法治政府建设情况报告\n一、法律顾问\n全年提供法律咨询16次。\n二、存在问题\n问题仍然存在。";

/// Runs the pipeline on `bytes` named `name`; a refusal is an answer, only a panic is a failure.
pub fn exercise(name: &str, bytes: &[u8]) {
    let Ok(src) = SourceText::from_bytes(name, bytes) else {
        return;
    };
    let tax = Taxonomy::builtin();
    let doc = outline(&src);
    let topics = classify(&doc, &doc.sentences(), &tax);
    let _ = duibi::render::text::outline(&doc, &topics, &tax, false);
    let _ = duibi::render::json::outline(&doc, &topics, &tax);
    let other = outline(&SourceText::from_bytes("other.txt", OTHER.as_bytes()).expect("a report"));
    for (left, right) in [(doc.clone(), doc.clone()), (other, doc)] {
        let mut c = Comparison::build(left, right, &tax);
        c.diffs = std::sync::Arc::new(c.word_diffs(&CharTokenizer, std::time::Duration::from_secs(5)));
        let _ = Overview::new(&c, &tax);
        let _ = duibi::render::text::compare(&c, &tax, true);
        let _ = duibi::render::json::compare(&c, &tax);
        let _ = duibi::render::markdown::compare(&c, &tax);
    }
}
