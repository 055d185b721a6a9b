//! While the loop works on something long (laying out a report of a million lines, say), the
//! keyboard is read on a thread of its own: a quit key ends duibi at once, with the terminal
//! restored, and every other event is kept for the loop, in order. Work that ends within
//! [`WATCH_AFTER`] is never watched, so the terminal is read from one thread at a time and the
//! usual keys cost nothing.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind};

use duibi::keys::Key;

/// How long the loop may work before the keyboard is watched for it.
const WATCH_AFTER: Duration = Duration::from_millis(50);

/// How long the watcher waits for an event at a time, and so at most how long the loop waits for
/// the watcher to let go of the keyboard.
const POLL: Duration = Duration::from_millis(10);

#[derive(Default)]
struct State {
    /// When the loop's current work began; `None` while it reads its own events.
    since: Option<Instant>,
    /// The keys that quit during this work.
    quit: Vec<Key>,
    /// The watcher is reading the keyboard.
    reading: bool,
    /// Events read for the loop, in order.
    kept: Vec<Event>,
}

/// The watcher thread and what it shares with the loop.
pub struct BusyWatch {
    shared: Arc<(Mutex<State>, Condvar)>,
}

impl BusyWatch {
    /// Starts the watcher; `leave` restores the terminal when a quit key is pressed during long
    /// work, and the process ends.
    pub fn start(leave: impl Fn() + Send + 'static) -> BusyWatch {
        let shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
        let watched = Arc::clone(&shared);
        thread::spawn(move || watch(&watched, &leave));
        BusyWatch { shared }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.shared.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The loop starts work (or goes on with it, with `quit` as the keys that now quit).
    pub fn working(&self, quit: &[Key]) {
        let mut s = self.state();
        s.since.get_or_insert_with(Instant::now);
        s.quit = quit.to_vec();
        self.shared.1.notify_all();
    }

    /// The loop's work is done: once the watcher has let go of the keyboard, the events it read
    /// meanwhile.
    pub fn rested(&self) -> Vec<Event> {
        let mut s = self.state();
        s.since = None;
        self.shared.1.notify_all();
        while s.reading {
            s = self.shared.1.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        std::mem::take(&mut s.kept)
    }
}

/// The watcher: waits for work that lasts, then reads the keyboard until the work ends.
fn watch(shared: &(Mutex<State>, Condvar), leave: &dyn Fn()) {
    let (lock, cv) = shared;
    let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        // The first event kept may quit: as it is read, or once what quits is known (an earlier
        // key may have opened a prompt, so only the first).
        if s.kept.first().is_some_and(|e| quits(e, &s.quit)) {
            leave();
            std::process::exit(0);
        }
        let Some(since) = s.since else {
            s = cv.wait(s).unwrap_or_else(|e| e.into_inner());
            continue;
        };
        let waited = since.elapsed();
        if waited < WATCH_AFTER {
            s = cv
                .wait_timeout(s, WATCH_AFTER - waited)
                .unwrap_or_else(|e| e.into_inner())
                .0;
            continue;
        }
        s.reading = true;
        drop(s);
        let event = match event::poll(POLL) {
            Ok(true) => event::read().ok(),
            _ => None,
        };
        s = lock.lock().unwrap_or_else(|e| e.into_inner());
        s.kept.extend(event);
        if s.since.is_none() {
            s.reading = false;
            cv.notify_all();
        }
    }
}

/// Whether `event` is the press of one of `quit`.
fn quits(event: &Event, quit: &[Key]) -> bool {
    match event {
        Event::Key(k) if k.kind == KeyEventKind::Press => {
            crate::terminal::to_key(*k).is_some_and(|key| quit.contains(&key))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;

    #[test]
    fn only_the_press_of_a_quit_key_quits() {
        let q = Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE));
        let j = Event::Key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        let quit = crate::terminal::to_key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE))
            .into_iter()
            .collect::<Vec<_>>();
        assert!(quits(&q, &quit));
        assert!(!quits(&j, &quit));
        // In a prompt nothing quits.
        assert!(!quits(&q, &[]));
        assert!(!quits(&Event::FocusGained, &quit));
    }
}
