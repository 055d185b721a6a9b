//! What the painter and the terminal side read of a [`Browser`]: its fields are private, every
//! change goes through [`Browser::update`].

use super::{Browser, Shown};
use crate::check::Checklist;
use crate::series::Series;
use crate::series::coverage::Coverage;
use crate::series::figures::Figures;
use crate::view::App;

impl Browser {
    pub fn series(&self) -> &Series {
        &self.series
    }

    pub fn coverage(&self) -> &Coverage {
        &self.coverage
    }

    /// The figures table, once asked for.
    pub fn figures(&self) -> Option<&Figures> {
        self.figures.as_ref()
    }

    /// The checklist, once asked for.
    pub fn checklist(&self) -> Option<&Checklist> {
        self.checklist.as_ref()
    }

    /// The checklist cell under the cursor: (item, report).
    pub fn checklist_cursor(&self) -> (usize, usize) {
        self.checklist_cursor
    }

    /// The reports' names, as the screens show them.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    pub fn shown(&self) -> Shown {
        self.shown
    }

    /// The coverage cell under the cursor: (topic row, report).
    pub fn cursor(&self) -> (usize, usize) {
        self.cursor
    }

    /// The figures table's cursor: the measure it is on.
    pub fn figures_scroll(&self) -> usize {
        self.figures_scroll
    }

    /// The reports of the pair (older, newer).
    pub fn pair(&self) -> (usize, usize) {
        self.pair
    }

    /// The report marked to compare another with.
    pub fn base(&self) -> Option<usize> {
        self.base
    }

    /// The pair side by side.
    pub fn app(&self) -> &App {
        &self.app
    }

    /// Changes whenever the pair is replaced: word marks made for an older pair are not installed.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn quit(&self) -> bool {
        self.quit
    }

    /// What the pair's last inputs asked of the terminal, taken by the loop.
    pub fn take_effects(&mut self) -> Vec<crate::view::Effect> {
        self.app.take_effects()
    }

    /// The status bar's line on the coverage and figures screens.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}
