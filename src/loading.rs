//! While the reports load, before the screen is taken: `q`, Esc or Ctrl-C stop duibi at once, a
//! terminating signal stops it with the terminal as it was, and any other key waits for the
//! interface. A load that takes more than a moment says what it is doing on one line of the
//! terminal, erased when it ends. (Errors with the files are still said before the screen changes.)

use std::io::Write as _;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal;

use duibi::keys::Key;

/// How often the watcher looks at the keyboard and the signals.
const TICK: Duration = Duration::from_millis(20);

/// How long a load goes on before it is said on the terminal: shorter ones pass unseen.
const SAY_AFTER: Duration = Duration::from_millis(300);

/// Watches the keyboard and the signals during a load; restores the terminal when dropped.
pub struct LoadWatch {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<Vec<Key>>>,
    signals: Vec<signal_hook::SigId>,
    /// What the load is doing now (`reading a.txt, b.txt (16.0 MB)`); empty, nothing is said.
    doing: Arc<Mutex<String>>,
    /// A line was written, to be erased.
    said: Arc<AtomicBool>,
}

/// The load's line: what it is doing, for how long, and how to stop it, cut to `width` columns.
pub fn status_line(doing: &str, elapsed: Duration, width: u16) -> String {
    let line = format!("duibi: {doing}… {} s · q stops", elapsed.as_secs());
    let mut out = String::new();
    let mut used = 0;
    for c in line.chars() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        // The last column is left free: a line that fills it would wrap on some terminals.
        if used >= usize::from(width) {
            break;
        }
        out.push(c);
    }
    out
}

/// Writes the load's line over the last one; `true` when written.
fn say(doing: &str, elapsed: Duration) -> bool {
    // Not into a file that standard error was sent to.
    if doing.is_empty() || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return false;
    }
    let width = terminal::size().map_or(80, |(w, _)| w);
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\r{}\x1b[K", status_line(doing, elapsed, width));
    let _ = err.flush();
    true
}

/// Erases the load's line.
fn unsay() {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "\r\x1b[K");
    let _ = err.flush();
}

/// How long the watcher waits for a key once the load has run `elapsed`: a quarter of that, from
/// 1 ms up to [`TICK`]. Finishing waits for the watcher's current wait, so a load of a few
/// milliseconds (a real report) is not held up by a whole tick; a long one still answers keys
/// within a tick.
fn tick_after(elapsed: Duration) -> Duration {
    (elapsed / 4).clamp(Duration::from_millis(1), TICK)
}

impl LoadWatch {
    /// Starts watching; with a terminal that cannot be put in raw mode, watches nothing.
    pub fn start() -> LoadWatch {
        let done = Arc::new(AtomicBool::new(false));
        let doing = Arc::new(Mutex::new(String::new()));
        let said = Arc::new(AtomicBool::new(false));
        let signalled = Arc::new(AtomicUsize::new(0));
        let signals: Vec<_> = crate::terminal::TERMINATING
            .iter()
            .filter_map(|&s| signal_hook::flag::register_usize(s, Arc::clone(&signalled), s as usize).ok())
            .collect();
        if terminal::enable_raw_mode().is_err() {
            return LoadWatch {
                done,
                thread: None,
                signals,
                doing,
                said,
            };
        }
        let stop = Arc::clone(&done);
        let (now_doing, now_said) = (Arc::clone(&doing), Arc::clone(&said));
        let begun = Instant::now();
        let thread = thread::spawn(move || {
            let mut early = Vec::new();
            // What the line last said, to write it again only when it changes.
            let mut last: Option<(String, u64)> = None;
            while !stop.load(Ordering::Relaxed) {
                let signal = signalled.load(Ordering::Relaxed);
                if signal != 0 {
                    leave(128 + signal as i32, now_said.load(Ordering::Relaxed));
                }
                let elapsed = begun.elapsed();
                // What the load is doing is read only once there is a line to say it on: the
                // first waits are a millisecond each.
                if elapsed >= SAY_AFTER {
                    let current = now_doing.lock().map(|d| d.clone()).unwrap_or_default();
                    if last.as_ref() != Some(&(current.clone(), elapsed.as_secs())) {
                        if say(&current, elapsed) {
                            now_said.store(true, Ordering::Relaxed);
                        }
                        last = Some((current, elapsed.as_secs()));
                    }
                }
                if !event::poll(tick_after(elapsed)).unwrap_or(false) {
                    continue;
                }
                let Ok(Event::Key(k)) = event::read() else { continue };
                if k.kind != KeyEventKind::Press {
                    continue;
                }
                let ctrl_c = k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                if ctrl_c || matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) {
                    leave(if ctrl_c { 130 } else { 0 }, now_said.load(Ordering::Relaxed));
                }
                early.extend(crate::terminal::to_key(k));
            }
            early
        });
        LoadWatch {
            done,
            thread: Some(thread),
            signals,
            doing,
            said,
        }
    }

    /// Says what the load is doing now, should it take more than a moment.
    pub fn doing(&self, what: impl Into<String>) {
        if let Ok(mut d) = self.doing.lock() {
            *d = what.into();
        }
    }

    /// Stops watching: the keys pressed meanwhile, for the interface.
    pub fn finish(mut self) -> Vec<Key> {
        self.stop()
    }

    fn stop(&mut self) -> Vec<Key> {
        self.done.store(true, Ordering::Relaxed);
        let early = self
            .thread
            .take()
            .map(|t| t.join().unwrap_or_default())
            .unwrap_or_default();
        if self.said.swap(false, Ordering::Relaxed) {
            unsay();
        }
        let _ = terminal::disable_raw_mode();
        for id in self.signals.drain(..) {
            signal_hook::low_level::unregister(id);
        }
        early
    }
}

impl Drop for LoadWatch {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Ends duibi during a load: the terminal as it was, and a line saying so.
fn leave(code: i32, said: bool) -> ! {
    if said {
        unsay();
    }
    let _ = terminal::disable_raw_mode();
    eprintln!("duibi: stopped while loading the reports");
    std::process::exit(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_watcher_waits_a_short_tick_while_the_load_is_young() {
        assert_eq!(tick_after(Duration::ZERO), Duration::from_millis(1));
        assert_eq!(tick_after(Duration::from_millis(20)), Duration::from_millis(5));
        assert_eq!(tick_after(Duration::from_secs(3)), TICK);
    }

    #[test]
    fn the_load_line_says_what_for_how_long_and_how_to_stop_within_the_width() {
        let line = status_line("reading a.txt, b.txt (16.0 MB)", Duration::from_millis(2_400), 80);
        assert_eq!(line, "duibi: reading a.txt, b.txt (16.0 MB)… 2 s · q stops");
        // Wide characters count twice, and the last column stays free.
        let line = status_line("reading 报告.txt", Duration::ZERO, 20);
        assert_eq!(line, "duibi: reading 报告");
        assert!(unicode_width::UnicodeWidthStr::width(line.as_str()) < 20);
    }
}
