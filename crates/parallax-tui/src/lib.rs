//! parallax's reader: [`app`] (state and actions) → [`view`] (a view model for one
//! screen size) → [`terminal`] (the only module that touches the terminal), bound by
//! [`keymap`], set up by [`config`].

pub mod app;
pub mod config;
pub mod keymap;
pub mod terminal;
pub mod view;
