//! The terminal session: raw mode and the alternate screen (restored on quit, error, panic, Ctrl-C,
//! every terminating signal that can be caught, and while suspended by Ctrl-Z or SIGTSTP), the event loop, and the worker thread that loads the segmenter and delivers
//! word-level diffs after the first frame.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
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
use duibi::keys::{Key, KeyCode};
use duibi::series::Series;
use duibi::topics::Taxonomy;
use duibi::ui::run::{Events, Model, Step};
use duibi::ui::{self, Theme};
use duibi::view::series::Browser;
use duibi::view::{App, Input};

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

pub(crate) fn to_key(k: event::KeyEvent) -> Option<Key> {
    let code = match k.code {
        event::KeyCode::Char(c) => KeyCode::Char(c),
        event::KeyCode::Up => KeyCode::Up,
        event::KeyCode::Down => KeyCode::Down,
        event::KeyCode::Left => KeyCode::Left,
        event::KeyCode::Right => KeyCode::Right,
        event::KeyCode::PageUp => KeyCode::PageUp,
        event::KeyCode::PageDown => KeyCode::PageDown,
        event::KeyCode::Home => KeyCode::Home,
        event::KeyCode::End => KeyCode::End,
        event::KeyCode::Enter => KeyCode::Enter,
        event::KeyCode::Esc => KeyCode::Esc,
        event::KeyCode::Tab => KeyCode::Tab,
        event::KeyCode::BackTab => KeyCode::BackTab,
        event::KeyCode::Backspace => KeyCode::Backspace,
        event::KeyCode::Delete => KeyCode::Delete,
        event::KeyCode::Insert => KeyCode::Insert,
        event::KeyCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
        alt: k.modifiers.contains(KeyModifiers::ALT),
    })
}

/// How long after a terminating signal the loop has to wind down before the signal thread restores
/// the terminal itself and ends the process (the loop may be busy laying out a huge report).
const SIGNAL_GRACE: Duration = Duration::from_millis(100);

/// How long the signal thread waits for the terminal to take its restoring sequences: a terminal
/// that is gone (a dropped SSH session) may never take them.
const RESTORE_WAIT: Duration = Duration::from_millis(200);

/// Signals that end a program by default and can be caught: each restores the terminal first.
pub(crate) const TERMINATING: &[i32] = &[
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGALRM,
    signal_hook::consts::SIGVTALRM,
    signal_hook::consts::SIGPROF,
    signal_hook::consts::SIGXCPU,
    signal_hook::consts::SIGXFSZ,
];

/// What the signal thread tells the loop.
struct Signalled {
    /// A terminating signal (0 until one arrives): restore the terminal and end.
    stop: AtomicI32,
    /// SIGTSTP (`kill -TSTP`, or the terminal's suspend key when raw mode did not catch it):
    /// restore the terminal and stop until continued.
    suspend: AtomicBool,
}

/// Records terminating signals and SIGTSTP for the loop.
/// The loop may not see the flag in time: it may be laying out a huge report, or, when the terminal
/// is gone (SIGHUP after a dropped SSH session), crossterm's `poll` may spin on the dead tty without
/// ever returning (crossterm issue #793). So after a grace period the watcher restores the terminal
/// itself (mouse reporting, the alternate screen, raw mode, the cursor) and ends the process.
fn watch_signals(mouse: bool) -> Result<Arc<Signalled>> {
    let state = Arc::new(Signalled {
        stop: AtomicI32::new(0),
        suspend: AtomicBool::new(false),
    });
    let mut signals =
        signal_hook::iterator::Signals::new(TERMINATING.iter().copied().chain([signal_hook::consts::SIGTSTP]))?;
    let shared = Arc::clone(&state);
    thread::spawn(move || {
        for signal in signals.forever() {
            if signal == signal_hook::consts::SIGTSTP {
                shared.suspend.store(true, Ordering::Relaxed);
                continue;
            }
            shared.stop.store(signal, Ordering::Relaxed);
            thread::sleep(SIGNAL_GRACE);
            // Restored on a thread of its own: writing to a terminal that is gone may block.
            let (done, restored) = mpsc::channel();
            thread::spawn(move || {
                restore_terminal(mouse);
                let _ = done.send(());
            });
            let _ = restored.recv_timeout(RESTORE_WAIT);
            std::process::exit(128 + signal);
        }
    });
    Ok(state)
}

/// Everything the session changed on the terminal, undone.
fn restore_terminal(mouse: bool) {
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
}

/// Ctrl-Z or SIGTSTP: the terminal restored, the process stopped as a shell expects; on `fg`, raw
/// mode and the alternate screen again (the loop then clears and redraws the screen).
fn suspend(mouse: bool) -> Result<()> {
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    // Continued.
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    }
    Ok(())
}

/// The user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) on `path` at `line`, with the terminal
/// given back to it meanwhile. Run through the shell, as git runs it, so that `EDITOR="code -w"`
/// works.
fn edit(path: &Path, line: usize, mouse: bool) -> Result<()> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(&editor)
        .arg(format!("+{line}"))
        .arg(path)
        .status();
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    }
    // An editor that fails says so itself, on the screen it had; the comparison goes on.
    drop(status);
    Ok(())
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
    let kept = duibi::view::review::Kept::new(review.store, review.state, refs, review.base).with_others(review.others);
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

/// The escape sequence that asks the terminal to put `text` on the system clipboard (OSC 52, the
/// way vim, tmux and helix copy over SSH). Terminals that do not allow it ignore it.
fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clipboard_sequence_carries_the_text_in_base64() {
        assert_eq!(osc52("法治"), "\u{1b}]52;c;5rOV5rK7\u{7}");
        assert_eq!(osc52(""), "\u{1b}]52;c;\u{7}");
    }
}
