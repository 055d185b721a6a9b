#[path = "../benches/synth.rs"]
mod synth;
use duibi::compare::Comparison;
use duibi::load::SourceText;
use duibi::outline::outline;
use std::time::Duration;
fn main() {
    let tax = duibi::topics::Taxonomy::builtin();
    let tok = duibi::diff::JiebaTokenizer::new();
    let (lp, rp) = (
        synth::sentences(include_str!("reports/demo-2023.txt")),
        synth::sentences(include_str!("reports/demo-2024.txt")),
    );
    let (l, r) = (synth::report(&lp, 20_000, 0), synth::report(&rp, 20_000, 3));
    let doc = |t: &str| outline(&SourceText::from_bytes("b.txt", t.as_bytes()).unwrap());
    let n: usize = std::env::args().nth(1).map_or(30, |a| a.parse().unwrap());
    for _ in 0..n {
        let mut c = Comparison::build(doc(&l), doc(&r), &tax);
        c.diff_all(&tok, Duration::from_secs(60));
        std::hint::black_box(&c);
    }
}
