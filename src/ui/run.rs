//! The interface's loop, apart from any real terminal: inputs come from an [`Events`] source (the
//! terminal in the binary, a script in tests), go through the [`Model`]'s update, and the screen is drawn
//! when something changed. Tests run it whole on ratatui's `TestBackend`.

use std::sync::Arc;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::Backend;

use ratatui::Frame;

use super::{Theme, draw};
use crate::check::Rules;
use crate::compare::Comparison;
use crate::keys::Key;
use crate::topics::Taxonomy;
use crate::view::{App, Effect, Input};

/// What the loop runs: one pair ([`App`]) or a series of reports
/// ([`Browser`](crate::view::series::Browser)).
pub trait Model {
    fn update(&mut self, input: Input);
    fn quit(&self) -> bool;
    /// The word marks of the pair on screen have arrived.
    fn words_ready(&self) -> bool;
    /// The pair on screen, and a number that changes whenever it is replaced (word marks made for
    /// another pair must not be installed).
    fn comparison(&self) -> (u64, &Comparison);
    /// What the last inputs asked of the terminal, taken (the clipboard).
    fn take_effects(&mut self) -> Vec<Effect> {
        Vec::new()
    }
    /// What the pair's checklist is made with: the taxonomy and the rules.
    fn checker(&self) -> (Taxonomy, Arc<Rules>);
    fn draw(&self, frame: &mut Frame, theme: &Theme);
    /// The keys that would end the session were they pressed now.
    fn quit_keys(&self) -> Vec<Key> {
        Vec::new()
    }
    /// The keys that will quit once `key` is handled, when that is known before handling it.
    fn quit_keys_after(&self, _key: &Key) -> Option<Vec<Key>> {
        None
    }
    /// [`Model::update`], handing `decided` the keys that quit once the input is carried out and
    /// before the screen is laid out for it (which may take long).
    fn update_then(&mut self, input: Input, decided: &mut dyn FnMut(&[Key])) {
        self.update(input);
        decided(&self.quit_keys());
    }
}

impl Model for App {
    fn update(&mut self, input: Input) {
        App::update(self, input);
    }

    fn quit(&self) -> bool {
        App::quit(self)
    }

    fn words_ready(&self) -> bool {
        App::words_ready(self)
    }

    fn comparison(&self) -> (u64, &Comparison) {
        (0, self.cmp())
    }

    fn checker(&self) -> (Taxonomy, Arc<Rules>) {
        (self.tax().clone(), self.rules().clone())
    }

    fn take_effects(&mut self) -> Vec<Effect> {
        App::take_effects(self)
    }

    fn draw(&self, frame: &mut Frame, theme: &Theme) {
        draw(frame, self, theme);
    }

    fn quit_keys(&self) -> Vec<Key> {
        App::quit_keys(self)
    }

    fn update_then(&mut self, input: Input, decided: &mut dyn FnMut(&[Key])) {
        App::update_then(self, input, |app| decided(&app.quit_keys()));
    }

    fn quit_keys_after(&self, key: &Key) -> Option<Vec<Key>> {
        App::quit_keys_after(self, key)
    }
}

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
    fn drawn(&mut self, _model: &dyn Model) {}

    /// Carries out what the model asked of the terminal (the binary writes the clipboard).
    fn effect(&mut self, _effect: Effect) -> Result<(), Self::Error> {
        Ok(())
    }

    /// The loop starts work (an update, a frame) that may take long on a large report: until
    /// [`Events::rested`], a press of one of `quit` may end the session without waiting for it
    /// (the binary answers such keys from another thread). Empty while an input that may change
    /// what quits (a key opening a prompt) is being handled.
    fn working(&mut self, _quit: &[Key]) {}

    /// The loop's work is done.
    fn rested(&mut self) {}
}

/// How long to wait for input once word marks are shown, and while they are still on their way
/// (so they appear as soon as they arrive).
const TICK: Duration = Duration::from_millis(40);
const TICK_WAITING: Duration = Duration::from_millis(4);

/// Whether handling `input` may change which keys quit (a key, a click or an action may open a
/// prompt or an overlay; a resize or a background result does not).
fn changes_what_quits(input: &Input) -> bool {
    !matches!(
        input,
        Input::Resize { .. }
            | Input::Scroll { .. }
            | Input::WordDiffs(_)
            | Input::Checklist(_)
            | Input::DocsMeasured(_)
            | Input::RowMeasured(_)
            | Input::MatchCounts(_)
            | Input::Said(_)
    )
}

/// Debug builds only: with `DUIBI_TEST_STALL=d:3000`, the loop stalls 3 s after handling `d`, as
/// laying out something huge on the loop would: what the pseudo-terminal tests press `q` or send a
/// signal during, now that nothing the loop does takes that long.
#[cfg(debug_assertions)]
fn stall_after(input: &Input) -> Duration {
    static STALL: std::sync::LazyLock<Option<(String, u64)>> = std::sync::LazyLock::new(|| {
        let v = std::env::var("DUIBI_TEST_STALL").ok()?;
        let (key, ms) = v.rsplit_once(':')?;
        Some((key.to_string(), ms.parse().ok()?))
    });
    match (&*STALL, input) {
        (Some((key, ms)), Input::Key(k)) if k.to_string() == *key => Duration::from_millis(*ms),
        _ => Duration::ZERO,
    }
}

/// Runs until the user quits or the source stops; the terminal's size is the first input.
pub fn run<B, E, M>(terminal: &mut Terminal<B>, app: &mut M, theme: &Theme, events: &mut E) -> Result<(), E::Error>
where
    B: Backend,
    E: Events,
    M: Model,
{
    let io = |e: B::Error| E::Error::from(std::io::Error::other(e.to_string()));
    let size = terminal.size().map_err(io)?;
    let mut quit = app.quit_keys();
    events.working(&quit);
    app.update(Input::Resize {
        width: size.width,
        height: size.height,
    });
    events.rested();
    for effect in app.take_effects() {
        events.effect(effect)?;
    }
    let mut dirty = true;
    while !app.quit() {
        if dirty {
            events.working(&quit);
            let drawn = terminal.draw(|f| app.draw(f, theme)).map(|_| ()).map_err(io);
            events.rested();
            drawn?;
            events.drawn(&*app);
            dirty = false;
        }
        let tick = if app.words_ready() { TICK } else { TICK_WAITING };
        match events.next(tick)? {
            Step::Input(input) => {
                // A key may open a prompt, where `q` is a letter: none quits until it is handled,
                // then the keys that quit after it do, while the screen is laid out for it.
                let now = match &input {
                    Input::Key(key) => app.quit_keys_after(key).unwrap_or_default(),
                    _ if changes_what_quits(&input) => Vec::new(),
                    _ => quit.clone(),
                };
                events.working(&now);
                #[cfg(debug_assertions)]
                let stall = stall_after(&input);
                app.update_then(input, &mut |keys| events.working(keys));
                #[cfg(debug_assertions)]
                std::thread::sleep(stall);
                quit = app.quit_keys();
                events.rested();
                for effect in app.take_effects() {
                    events.effect(effect)?;
                }
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
