//! Every key of a reading session on a 5 MB pair, timed through `App::update` and one frame drawn
//! at 160×45: the first screen, rows, changes, the document view, a search (in the rows and in the
//! document view) and the view toggles while it is active. Target (docs/performance.md): every key ≤ 50 ms at the 99th percentile, the
//! first screen ≤ 300 ms. Prints a line per key and the summary.
//!
//!     cargo bench --bench keys [-- BYTES]

#[path = "synth.rs"]
mod synth;

use std::time::{Duration, Instant};

use duibi::compare::Comparison;
use duibi::keys::{Key, KeyCode, Keymap};
use duibi::load::SourceText;
use duibi::outline::outline;
use duibi::topics::Taxonomy;
use duibi::ui::{self, Theme};
use duibi::view::{App, Input};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const DEMO: &str = include_str!("../examples/reports/demo-2024.txt");

/// The session: keys as typed (`\n` Enter, `\x1b` Esc).
const SESSION: &[&str] = &[
    "j",
    "j",
    "J",
    "J",
    "J",
    "}",
    "}",
    "}",
    "{",
    "G",
    "gg",
    "J",
    "d",
    "j",
    "d",
    "o",
    "j",
    "\n",
    "i",
    "i",
    "c",
    "c",
    "a",
    "a",
    "/",
    "法律",
    "\n",
    "n",
    "n",
    "N",
    "i",
    "i",
    "c",
    "c",
    "d",
    "n",
    "n",
    "N",
    "d",
    "J",
    "n",
    "K",
    "R",
    "R",
    "s",
    "s",
    "b",
    "b",
    "}",
    "v",
    "A",
    "核对",
    "\n",
    "r",
    "legal_counsel",
    "\n",
    "u",
];

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let key = match c {
            '\n' => Key::plain(KeyCode::Enter),
            '\x1b' => Key::plain(KeyCode::Esc),
            c => Key::char(c),
        };
        app.update(Input::Key(key));
    }
}

fn main() {
    let bytes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5_000_000);
    let left = synth::report(&synth::sentences(DEMO), bytes, 0);
    let right = synth::edited(&left, 50);
    let tax = Taxonomy::builtin();
    let theme = Theme::color();
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("backend");
    let start = Instant::now();
    let doc = |t: &str| outline(&SourceText::from_bytes("bench.txt", t.as_bytes()).expect("decodes"));
    let cmp = Comparison::build(doc(&left), doc(&right), &tax);
    let built = start.elapsed();
    let app = App::new(cmp, tax, Keymap::builtin());
    // The review kept for the session, its long work off the loop as in a terminal.
    let kept = duibi::view::review::Kept::in_memory(app.cmp(), Taxonomy::builtin());
    let mut app = app.with_review(kept).with_worker();
    app.update(Input::Resize { width: 160, height: 45 });
    terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draws");
    let first = start.elapsed();
    // The word marks, as the worker delivers them.
    let diffs = app
        .cmp()
        .word_diffs(&duibi::diff::JiebaTokenizer::new(), Duration::from_secs(60));
    let t = Instant::now();
    app.update(Input::WordDiffs(diffs));
    terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draws");
    let marks = t.elapsed();
    // The checklist, as the same worker delivers it next.
    let check = duibi::view::checklist::check(app.cmp(), app.tax(), app.rules()).map(Box::new);
    app.update(Input::Checklist(check));
    println!(
        "{:.1} MB pair: compared in {:.0} ms, first screen at {:.0} ms (target ≤ 300), word marks installed in {:.1} ms",
        (left.len() + right.len()) as f64 / 1e6,
        built.as_secs_f64() * 1e3,
        first.as_secs_f64() * 1e3,
        marks.as_secs_f64() * 1e3
    );
    let mut times: Vec<(Duration, &str)> = Vec::new();
    for keys in SESSION {
        let t = Instant::now();
        press(&mut app, keys);
        terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draws");
        let took = t.elapsed();
        println!(
            "  {:<6} {:>8.2} ms",
            keys.escape_debug().to_string(),
            took.as_secs_f64() * 1e3
        );
        times.push((took, keys));
        // Work sent off the loop (comparing again after a refiling): done untimed, as the worker
        // does it; what it gives back is installed and drawn as a key of its own.
        for effect in app.take_effects() {
            if let duibi::view::Effect::Background(work) = effect {
                let back = work.run();
                let t = Instant::now();
                app.update(back);
                terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draws");
                let took = t.elapsed();
                println!("  {:<6} {:>8.2} ms", "(back)", took.as_secs_f64() * 1e3);
                times.push((took, "(back)"));
            }
        }
    }
    let mut sorted: Vec<Duration> = times.iter().map(|t| t.0).collect();
    sorted.sort();
    let p99 = sorted[(sorted.len() * 99).div_ceil(100).saturating_sub(1)];
    let worst = times.iter().max().expect("keys");
    println!(
        "{} keys: median {:.2} ms, p99 {:.2} ms, worst {:.2} ms ({:?}); target p99 ≤ 50 ms",
        times.len(),
        sorted[sorted.len() / 2].as_secs_f64() * 1e3,
        p99.as_secs_f64() * 1e3,
        worst.0.as_secs_f64() * 1e3,
        worst.1
    );
}
