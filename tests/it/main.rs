//! Integration tests: one binary with a module per area (see docs/testing.md).

mod app_flow;
mod bounded;
mod changes_gold;
mod check_cli;
mod check_gold;
mod cli;
mod config;
mod corpus;
mod counts;
mod coverage;
mod docs;
mod event_loop;
mod exercise;
mod figures_gold;
mod formats;
mod gold;
mod make;
mod office;
mod pipeline;
mod properties;
mod regressions;
mod render;
mod segmenter;
mod series;
mod tui_pty;
mod util;
