//! crossread: compare several articles about the same event.
//!
//! Data flows one way: files → [`load`] → [`clean`] → [`segment`] →
//! [`corpus`] (the model) → cross-reference → views.

pub mod clean;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod lists;
pub mod load;
pub mod memory;
pub mod model;
pub mod segment;
mod sets;
pub mod stories;
pub mod synth;
pub mod text;
pub mod tui;
pub mod xref;

#[cfg(test)]
mod testing;
