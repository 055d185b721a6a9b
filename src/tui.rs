//! The terminal session: raw mode and the alternate screen (restored on quit, error, panic, Ctrl-C,
//! every terminating signal that can be caught, and while suspended by Ctrl-Z or SIGTSTP; see
//! [`crate::terminal`]), the terminal as the loop's source of events, and the worker thread that
//! delivers word-level diffs after the first frame.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use duibi::check::Rules;
use duibi::compare::{Comparison, DIFF_BUDGET};
use duibi::config::{Config, ViewMode};
use duibi::keys::Key;
use duibi::series::Series;
use duibi::topics::Taxonomy;
use duibi::ui::run::{Events, Model, Step};
use duibi::ui::{self, Theme};
use duibi::view::series::Browser;
use duibi::view::{App, Input};

use crate::terminal::{Signalled, edit, osc52, restore_terminal, suspend, to_key, watch_signals};

/// Writes start-up timings (ms since `start`) to the file named by `DUIBI_TIMING`, for measurement.
struct Timing {
    start: Instant,
    file: Option<std::fs::File>,
}

impl Timing {
    fn new(start: Instant) -> Self {
        let file = std::env::var_os("DUIBI_TIMING").and_then(|p| std::fs::File::create(Path::new(&p)).ok());
        Timing { start, file }
    }

    fn mark(&mut self, what: &str) {
        if let Some(f) = &mut self.file {
            let _ = writeln!(f, "{what} {:.1}", self.start.elapsed().as_secs_f64() * 1000.0);
        }
    }
}

/// Runs the interface until the user quits or a signal arrives; word-level marks are computed on
/// another thread once the first frame is up.
pub fn run(
    cmp: Comparison,
    tax: Taxonomy,
    review: crate::state::PairReview,
    rules: Rules,
    (config, watch): (&Config, crate::loading::LoadWatch),
    start: Instant,
) -> Result<()> {
    let mut timing = Timing::new(start);
    timing.mark("compared");
    watch.doing("opening the comparison");
    let refs = review
        .refs
        .unwrap_or_else(|| duibi::review::keys::reports(cmp.reports()));
    let base = review.base.unwrap_or_else(|| tax.clone());
    let kept = duibi::view::review::Kept::new(review.store, review.state, refs, base).with_others(review.others);
    let mut app = App::new(cmp, tax, config.keymap())
        .with_view(view_mode(config), config.sync_scroll)
        .with_rules(Arc::new(rules))
        .with_review(kept)
        .with_worker()
        // Said on the first screen: a review file that could not be used, refilings gone stale.
        .with_message(review.warnings.first().map(|first| match review.warnings.len() - 1 {
            0 => first.clone(),
            more => format!("{first} (+{more} more)"),
        }));
    timing.mark("sentences_paired");
    session(&mut app, (config, watch.finish()), timing)
}

/// Several reports: the coverage first, a pair side by side on demand.
pub fn run_series(
    series: Series,
    tax: Taxonomy,
    reviews: crate::state::Place,
    rules: Rules,
    (config, watch): (&Config, crate::loading::LoadWatch),
    start: Instant,
) -> Result<()> {
    let mut timing = Timing::new(start);
    let mut browser = Browser::new(series, tax, config.keymap(), (view_mode(config), config.sync_scroll))
        .with_rules(Arc::new(rules))
        .with_reviews(reviews)
        .with_worker();
    timing.mark("coverage");
    session(&mut browser, (config, watch.finish()), timing)
}

/// The configured view: side by side, inline, or chosen by width.
fn view_mode(config: &Config) -> Option<bool> {
    match config.view {
        ViewMode::Auto => None,
        ViewMode::SideBySide => Some(false),
        ViewMode::Inline => Some(true),
    }
}

/// The terminal session around any model: the screen, signals, mouse and the word-diff worker;
/// `early`, the keys pressed while the reports loaded, come first.
fn session(model: &mut impl Model, (config, early): (&Config, Vec<Key>), mut timing: Timing) -> Result<()> {
    let signalled = watch_signals(config.mouse)?;
    let theme = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Theme::monochrome()
    } else {
        Theme::named(config.theme)
    };
    let mut terminal = ratatui::init();
    timing.mark("terminal_ready");
    if config.mouse {
        let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    }
    let mouse = config.mouse;
    let mut events = TerminalEvents {
        signalled: &signalled,
        words: Words::new(),
        timing,
        mouse,
        first: true,
        early: early.into(),
        redraw: false,
        busy: crate::busy::BusyWatch::start(move || restore_terminal(mouse)),
        kept: std::collections::VecDeque::new(),
    };
    let result = ui::run::run(&mut terminal, model, &theme, &mut events);
    if config.mouse {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    }
    // Dropping the terminal shows the cursor again; the exit below would skip that.
    drop(terminal);
    ratatui::restore();
    // Ended by a signal: the terminal is restored; exit as a signalled program does, 128 + signal.
    match signalled.stop.load(Ordering::Relaxed) {
        0 => result,
        signal => std::process::exit(128 + signal),
    }
}

/// Word-level diffs, made on a worker thread and delivered to the loop.
/// Each result carries the generation of the pair it was made for: a series replaces its pair, and
/// marks made for the one before are dropped.
struct Words {
    tx: mpsc::Sender<(u64, Input)>,
    rx: mpsc::Receiver<(u64, Input)>,
    /// The generation of the pair whose marks were last asked for.
    started: Option<u64>,
}

impl Words {
    fn new() -> Self {
        let (tx, rx) = mpsc::channel();
        Words { tx, rx, started: None }
    }

    /// Diffs every row word by word, then makes the checklist, off the loop. Started after the
    /// first frame, which has the tighter budget (see docs/performance.md).
    fn start(&mut self, model: &dyn Model) {
        let (generation, cmp) = model.comparison();
        if self.started == Some(generation) {
            return;
        }
        self.started = Some(generation);
        let cmp = cmp.clone();
        let (tax, rules) = model.checker();
        let tx = self.tx.clone();
        thread::spawn(move || {
            let _ = tx.send((
                generation,
                Input::WordDiffs(cmp.word_diffs(&cmp.segmenter(), DIFF_BUDGET)),
            ));
            // Then the checklist, which takes as long on a large pair: `R` shows it at once.
            let check = duibi::view::checklist::check(&cmp, &tax, &rules).map(Box::new);
            let _ = tx.send((generation, Input::Checklist(check)));
        });
    }
}

/// The terminal as the loop's event source: keys, mouse and resizes, signals, and the word diffs
/// from the worker.
struct TerminalEvents<'a> {
    signalled: &'a Signalled,
    words: Words,
    timing: Timing,
    mouse: bool,
    first: bool,
    /// Keys pressed while the reports loaded, delivered after the first frame.
    early: std::collections::VecDeque<Key>,
    /// The screen was given to another program: draw it whole again.
    redraw: bool,
    /// Reads the keyboard while the loop works long (see [`crate::busy`]).
    busy: crate::busy::BusyWatch,
    /// Events it read meanwhile, for the loop, in order.
    kept: std::collections::VecDeque<Event>,
}

impl Events for TerminalEvents<'_> {
    type Error = anyhow::Error;

    fn next(&mut self, timeout: Duration) -> Result<Step> {
        if self.signalled.stop.load(Ordering::Relaxed) != 0 {
            return Ok(Step::Stop);
        }
        if self.signalled.suspend.swap(false, Ordering::Relaxed) {
            suspend(self.mouse)?;
            return Ok(Step::Redraw);
        }
        if std::mem::take(&mut self.redraw) {
            return Ok(Step::Redraw);
        }
        if let Ok((generation, input)) = self.words.rx.try_recv()
            && self.words.started == Some(generation)
        {
            return Ok(Step::Input(input));
        }
        if !self.first
            && let Some(key) = self.early.pop_front()
        {
            return Ok(Step::Input(Input::Key(key)));
        }
        if let Some(event) = self.kept.pop_front() {
            return self.step(event);
        }
        if !event::poll(timeout)? {
            return Ok(Step::Idle);
        }
        let event = event::read()?;
        self.step(event)
    }

    fn working(&mut self, quit: &[Key]) {
        self.busy.working(quit);
    }

    fn rested(&mut self) {
        self.kept.extend(self.busy.rested());
    }

    fn effect(&mut self, effect: duibi::view::Effect) -> Result<()> {
        match effect {
            duibi::view::Effect::Copy(text) => {
                use std::io::Write;
                let mut out = std::io::stdout().lock();
                out.write_all(osc52(&text).as_bytes())?;
                out.flush()?;
            }
            duibi::view::Effect::Edit { path, line } => {
                edit(&path, line, self.mouse)?;
                self.redraw = true;
            }
            // Run on a thread of its own and delivered as the word marks are, for the pair on
            // screen only.
            duibi::view::Effect::Background(work) => {
                let (tx, generation) = (self.words.tx.clone(), self.words.started.unwrap_or(0));
                thread::spawn(move || {
                    let _ = tx.send((generation, work.run()));
                });
            }
        }
        Ok(())
    }

    fn drawn(&mut self, model: &dyn Model) {
        if self.first {
            self.timing.mark("first_frame");
            self.first = false;
        }
        // After the first frame, and again whenever a series shows another pair.
        self.words.start(model);
        if model.words_ready() && self.timing.file.is_some() {
            self.timing.mark("word_marks");
            self.timing.file = None;
        }
    }
}

impl TerminalEvents<'_> {
    /// What one terminal event asks of the loop.
    fn step(&mut self, event: Event) -> Result<Step> {
        Ok(match event {
            // Raw mode turns the terminal's suspend key into a key press: suspend as it would.
            Event::Key(k)
                if k.kind == KeyEventKind::Press
                    && k.code == event::KeyCode::Char('z')
                    && k.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                suspend(self.mouse)?;
                Step::Redraw
            }
            Event::Key(k) if k.kind == KeyEventKind::Press => {
                to_key(k).map_or(Step::Idle, |key| Step::Input(Input::Key(key)))
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => Step::Input(Input::Scroll {
                    column: m.column,
                    lines: 3,
                }),
                MouseEventKind::ScrollUp => Step::Input(Input::Scroll {
                    column: m.column,
                    lines: -3,
                }),
                MouseEventKind::Down(MouseButton::Left) => Step::Input(Input::Click {
                    column: m.column,
                    row: m.row,
                }),
                _ => Step::Idle,
            },
            Event::Resize(width, height) => Step::Input(Input::Resize { width, height }),
            _ => Step::Idle,
        })
    }
}
