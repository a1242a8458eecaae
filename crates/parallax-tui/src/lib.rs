//! parallax's reader: [`app`] (state and actions) → [`view`] (a view model for one
//! screen size) → [`terminal`] (the only module that touches the terminal), bound by
//! [`keymap`], set up by [`config`].

pub mod app;
pub mod config;
pub mod keymap;
pub mod terminal;
pub mod view;

// The single crate's module paths, while the move settles.
pub(crate) use parallax_core::{compare, diff, discrepancy, review, sanitize, theme};
#[cfg(test)]
pub(crate) use parallax_core::{document, source};
