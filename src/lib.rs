//! parallax: compare how several sources cover the same event.
//!
//! The pipeline runs one way: [`document`] (bytes → prose with offsets) →
//! [`segment`] (sentences) → [`align`] (groups across sources) → [`diff`] (word diff
//! and [`discrepancy`] inside groups) → [`report`] (JSON, Markdown) or the TUI.

pub mod align;
pub mod cli;
pub mod compare;
#[doc(hidden)]
pub mod corpus;
pub mod diff;
pub mod discrepancy;
pub mod document;
pub mod lang;
pub mod output;
pub mod report;
pub mod review;
pub mod sanitize;
pub mod segment;
pub mod source;
pub mod tokens;
