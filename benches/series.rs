//! Several reports at once. Target (docs/performance.md): 20 reports of ~20 KB loaded (from files,
//! in parallel), aligned and shown as the coverage screen in under 1 s on 2 cores.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use duibi::load::LoadOptions;
use duibi::series::Series;
use duibi::topics::Taxonomy;
use duibi::ui::Theme;
use duibi::ui::run::Model;
use duibi::view::Input;
use duibi::view::series::Browser;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "synth.rs"]
mod synth;

const DEMO: &str = include_str!("../examples/reports/demo-2024.txt");

fn benches(c: &mut Criterion) {
    // Twenty editions of one report: each the one before with figures and sentences changed.
    let dir = tempfile::tempdir().expect("scratch folder");
    let mut text = synth::report(&synth::sentences(DEMO), 20_000, 0);
    let mut paths = Vec::new();
    for year in 2006..2026 {
        let path = dir.path().join(format!("report-{year}.txt"));
        std::fs::write(&path, text.replace("2024年", &format!("{year}年"))).expect("writes");
        paths.push(path);
        text = synth::edited(&text, 7);
    }
    let inputs: Vec<duibi::series::Input> = paths
        .iter()
        .map(|p| duibi::series::Input {
            path: p.clone(),
            in_folder: false,
        })
        .collect();
    let tax = Taxonomy::builtin();
    let mut g = c.benchmark_group("series");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("20 reports of 20 KB: load, align, coverage screen", |b| {
        b.iter(|| {
            let series = Series::load(&inputs, Vec::new(), &LoadOptions::default(), &tax, &|_, _| {}).expect("loads");
            let mut browser = Browser::new(series, tax.clone(), duibi::keys::Keymap::builtin(), (None, true));
            browser.update(Input::Resize { width: 160, height: 45 });
            let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("backend");
            terminal.draw(|f| browser.draw(f, &Theme::monochrome())).expect("draws");
            browser
        })
    });
    g.finish();
}

criterion_group!(series, benches);
criterion_main!(series);
