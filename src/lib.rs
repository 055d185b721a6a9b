//! duibi (对比) compares two Chinese government work reports: it lines up the passages that talk about
//! the same topic, even when headings, numbering and order differ, and diffs them word by word.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! load ─▶ normalize ─▶ outline ─▶ topics ─▶ align ─▶ diff ─▶ overview ─▶ report (CLI text/JSON/Markdown)
//! bytes   lines        Document   scores    rows     RowDiff  Overview
//! ```
//!
//! Start with [`compare::Comparison::build`] for the whole pipeline, or [`outline::outline`] for the
//! structure of one report. Below [`view`] (the view model) and [`ui`] (painting into a ratatui
//! buffer) nothing knows about terminals; [`config`] reads the user's settings and keymaps.

#![forbid(unsafe_code)]

pub mod align;
pub(crate) mod chars;
pub mod check;
pub mod compare;
pub mod config;
pub(crate) mod diagnostic;
pub mod diff;
pub mod digest;
pub(crate) mod error;
pub(crate) mod figures;
pub(crate) mod halves;
pub mod keys;
pub(crate) mod lexicon;
pub mod load;
pub mod normalize;
pub(crate) mod numbering;
pub mod outline;
pub mod overview;
pub(crate) mod phrases;
pub mod render;
pub mod review;
pub mod series;
pub(crate) mod shared;
pub mod sides;
pub(crate) mod stock;
pub mod text;
pub mod topics;
pub mod ui;
pub(crate) mod units;
pub mod view;
pub(crate) mod wording;

pub use error::{Error, Result};
