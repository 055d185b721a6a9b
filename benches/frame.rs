//! Cost of building and drawing one frame of the interface at 200×60. Target (docs/performance.md):
//! under 2 ms for the largest corpus pair, so every key press redraws within one frame.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use duibi::compare::Comparison;
use duibi::diff::JiebaTokenizer;
use duibi::keys::Keymap;
use duibi::load::SourceText;
use duibi::outline::outline;
use duibi::topics::Taxonomy;
use duibi::ui::{self, Theme};
use duibi::view::{Action, App, Input};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(left: &str, right: &str) -> App {
    let tax = Taxonomy::builtin();
    let doc = |t: &str| outline(&SourceText::from_bytes("bench.txt", t.as_bytes()).expect("decodes"));
    let cmp = Comparison::build(doc(left), doc(right), &tax);
    let diffs = cmp.word_diffs(&JiebaTokenizer::new(), Duration::from_secs(10));
    let mut app = App::new(cmp, tax, Keymap::builtin());
    app.update(Input::WordDiffs(diffs));
    app
}

fn inputs() -> (String, String, &'static str) {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    // The two largest reports of the corpus, when it is there.
    match (
        std::fs::read_to_string(corpus.join("luohe-kjj-2020.txt")),
        std::fs::read_to_string(corpus.join("zhengzhou-kjj-2017.txt")),
    ) {
        (Ok(l), Ok(r)) => (l, r, "corpus luohe vs zhengzhou"),
        _ => (
            include_str!("../examples/reports/demo-2023.txt").to_string(),
            include_str!("../examples/reports/demo-2024.txt").to_string(),
            "demo pair",
        ),
    }
}

fn benches(c: &mut Criterion) {
    let (l, r, name) = inputs();
    let mut app = app(&l, &r);
    let theme = Theme::color();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    app.update(Input::Resize { width: 200, height: 60 });
    let mut g = c.benchmark_group(format!("frame 200x60 ({name})"));
    g.bench_function("redraw", |b| {
        b.iter(|| {
            app.update(Input::Action(Action::ScrollDown, 1));
            terminal.draw(|f| ui::draw(f, black_box(&app), &theme)).expect("draws");
        })
    });
    g.bench_function("next row (layout rebuilt)", |b| {
        b.iter(|| {
            if app.row() + 1 == app.rows() {
                app.update(Input::Action(Action::PrevRow, app.rows()));
            }
            app.update(Input::Action(Action::NextRow, 1));
            terminal.draw(|f| ui::draw(f, black_box(&app), &theme)).expect("draws");
        })
    });
    app.update(Input::Action(Action::ToggleDocument, 1));
    g.bench_function("document view, scroll", |b| {
        b.iter(|| {
            app.update(Input::Action(Action::ScrollDown, 1));
            terminal.draw(|f| ui::draw(f, black_box(&app), &theme)).expect("draws");
        })
    });
    g.finish();
}

criterion_group!(frame, benches);
criterion_main!(frame);
