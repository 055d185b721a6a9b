//! The interface's loop, apart from any real terminal: inputs come from an [`Events`] source (the
//! terminal in the binary, a script in tests), go through [`App::update`], and the screen is drawn
//! when something changed. Tests run it whole on ratatui's `TestBackend`.

use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;

use super::{Theme, draw};
use crate::view::{App, Input};

/// What an event source hands the loop.
#[derive(Debug)]
pub enum Step {
    Input(Input),
    /// The screen was disturbed (after a suspend): clear it and draw everything again.
    Redraw,
    /// Nothing happened within the wait.
    Idle,
    /// End the loop (a signal, the input closed).
    Stop,
}

/// Where the loop's inputs come from.
pub trait Events {
    type Error: From<std::io::Error>;

    /// The next step, waiting at most `timeout` for one.
    fn next(&mut self, timeout: Duration) -> Result<Step, Self::Error>;

    /// Called after each frame is drawn (the binary starts its word-diff worker after the first).
    fn drawn(&mut self, _app: &App) {}
}

/// How long to wait for input once word marks are shown, and while they are still on their way
/// (so they appear as soon as they arrive).
const TICK: Duration = Duration::from_millis(40);
const TICK_WAITING: Duration = Duration::from_millis(4);

/// Runs until the user quits or the source stops; the terminal's size is the first input.
pub fn run<B, E>(terminal: &mut Terminal<B>, app: &mut App, theme: &Theme, events: &mut E) -> Result<(), E::Error>
where
    B: Backend,
    E: Events,
{
    let io = |e: B::Error| E::Error::from(std::io::Error::other(e.to_string()));
    let size = terminal.size().map_err(io)?;
    app.update(Input::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|f| draw(f, app, theme)).map_err(io)?;
            events.drawn(app);
            dirty = false;
        }
        let tick = if app.words_ready { TICK } else { TICK_WAITING };
        match events.next(tick)? {
            Step::Input(input) => {
                app.update(input);
                dirty = true;
            }
            Step::Redraw => {
                terminal.clear().map_err(io)?;
                dirty = true;
            }
            Step::Idle => {}
            Step::Stop => break,
        }
    }
    Ok(())
}
