#[path = "../benches/synth.rs"]
mod synth;
use duibi::compare::Comparison;
use duibi::load::SourceText;
use duibi::outline::outline;
use std::time::{Duration, Instant};
fn main() {
    let tax = duibi::topics::Taxonomy::builtin();
    let tok = duibi::diff::JiebaTokenizer::new();
    let (lp, rp) = (
        synth::sentences(include_str!("reports/demo-2023.txt")),
        synth::sentences(include_str!("reports/demo-2024.txt")),
    );
    let (l, r) = (synth::report(&lp, 20_000, 0), synth::report(&rp, 20_000, 3));
    let doc = |t: &str| outline(&SourceText::from_bytes("b.txt", t.as_bytes()).unwrap());
    let mut tot = [Duration::ZERO; 4];
    for _ in 0..300 {
        let t = Instant::now();
        let (a, b) = (doc(&l), doc(&r));
        let t1 = t.elapsed();
        let mut c = Comparison::build(a, b, &tax);
        let t2 = t.elapsed();
        c.diff_all(&tok, Duration::from_secs(60));
        let t3 = t.elapsed();
        tot[0] += t1;
        tot[1] += t2 - t1;
        tot[2] += t3 - t2;
    }
    eprintln!(
        "outline {:?} build {:?} diff {:?}",
        tot[0] / 300,
        tot[1] / 300,
        tot[2] / 300
    );
}
