//! parallax: compare how several sources cover the same event.
//!
//! The pipeline runs one way: [`document`] (bytes → prose with offsets) →
//! [`segment`] (sentences) → [`align`] (groups across sources) → [`diff`] (word diff
//! and [`discrepancy`] inside groups) → [`report`] (JSON, Markdown) or the reader:
//! [`app`] (state and actions) → [`view`] (a view model for one screen size) → [`tui`]
//! (the only module that touches the terminal), styled by [`theme`], bound by
//! [`keymap`], set up by [`config`].

pub mod align;
pub mod app;
pub mod cli;
pub mod compare;
pub mod config;
#[doc(hidden)]
pub mod corpus;
pub mod diff;
pub mod discrepancy;
pub mod document;
pub mod keymap;
pub mod lang;
pub mod output;
mod prefetch;
pub mod report;
pub mod review;
pub mod sanitize;
pub mod segment;
pub mod source;
#[doc(hidden)]
pub mod stages;
mod swar;
pub mod synonyms;
pub mod theme;
pub mod tokenized;
pub mod tokens;
pub mod tui;
pub mod view;
