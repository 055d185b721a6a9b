//! While the reports load, before the screen is taken: `q`, Esc or Ctrl-C stop duibi at once, a
//! terminating signal stops it with the terminal as it was, and any other key waits for the
//! interface. (Errors with the files are still said before the screen changes.)

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::terminal;

use duibi::keys::Key;

/// How often the watcher looks at the keyboard and the signals.
const TICK: Duration = Duration::from_millis(20);

/// Watches the keyboard and the signals during a load; restores the terminal when dropped.
pub struct LoadWatch {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<Vec<Key>>>,
    signals: Vec<signal_hook::SigId>,
}

impl LoadWatch {
    /// Starts watching; with a terminal that cannot be put in raw mode, watches nothing.
    pub fn start() -> LoadWatch {
        let done = Arc::new(AtomicBool::new(false));
        let signalled = Arc::new(AtomicUsize::new(0));
        let signals: Vec<_> = crate::tui::TERMINATING
            .iter()
            .filter_map(|&s| signal_hook::flag::register_usize(s, Arc::clone(&signalled), s as usize).ok())
            .collect();
        if terminal::enable_raw_mode().is_err() {
            return LoadWatch {
                done,
                thread: None,
                signals,
            };
        }
        let stop = Arc::clone(&done);
        let thread = thread::spawn(move || {
            let mut early = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                let signal = signalled.load(Ordering::Relaxed);
                if signal != 0 {
                    leave(128 + signal as i32);
                }
                if !event::poll(TICK).unwrap_or(false) {
                    continue;
                }
                let Ok(Event::Key(k)) = event::read() else { continue };
                if k.kind != KeyEventKind::Press {
                    continue;
                }
                let ctrl_c = k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                if ctrl_c || matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) {
                    leave(if ctrl_c { 130 } else { 0 });
                }
                early.extend(crate::tui::to_key(k));
            }
            early
        });
        LoadWatch {
            done,
            thread: Some(thread),
            signals,
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
fn leave(code: i32) -> ! {
    let _ = terminal::disable_raw_mode();
    eprintln!("duibi: stopped while loading the reports");
    std::process::exit(code)
}
