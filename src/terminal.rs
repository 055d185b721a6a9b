//! What duibi does to the terminal itself, apart from drawing: keys read from it, the signals
//! that end or suspend it (each restoring the terminal first), the editor given the screen, and
//! the clipboard sequence.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, KeyModifiers};

use duibi::keys::{Key, KeyCode};

pub fn to_key(k: event::KeyEvent) -> Option<Key> {
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
pub const TERMINATING: &[i32] = &[
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
pub struct Signalled {
    /// A terminating signal (0 until one arrives): restore the terminal and end.
    pub stop: AtomicI32,
    /// SIGTSTP (`kill -TSTP`, or the terminal's suspend key when raw mode did not catch it):
    /// restore the terminal and stop until continued.
    pub suspend: AtomicBool,
}

/// Records terminating signals and SIGTSTP for the loop.
/// The loop may not see the flag in time: it may be laying out a huge report, or, when the terminal
/// is gone (SIGHUP after a dropped SSH session), crossterm's `poll` may spin on the dead tty without
/// ever returning (crossterm issue #793). So after a grace period the watcher restores the terminal
/// itself (mouse reporting, the alternate screen, raw mode, the cursor) and ends the process.
pub fn watch_signals(mouse: bool) -> Result<Arc<Signalled>> {
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
pub fn restore_terminal(mouse: bool) {
    if mouse {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = crossterm::execute!(std::io::stdout(), crossterm::cursor::Show);
}

/// Ctrl-Z or SIGTSTP: the terminal restored, the process stopped as a shell expects; on `fg`, raw
/// mode and the alternate screen again (the loop then clears and redraws the screen).
pub fn suspend(mouse: bool) -> Result<()> {
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
pub fn edit(path: &Path, line: usize, mouse: bool) -> Result<()> {
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

/// The escape sequence that asks the terminal to put `text` on the system clipboard (OSC 52, the
/// way vim, tmux and helix copy over SSH). Terminals that do not allow it ignore it.
pub fn osc52(text: &str) -> String {
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
