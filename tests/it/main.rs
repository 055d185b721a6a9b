//! Integration tests: one binary with a module per area (see docs/testing.md).

mod cli;
mod corpus;
mod pipeline;
mod util;
