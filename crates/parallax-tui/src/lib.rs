//! parallax's reader: [`app`] (state and actions) → [`view`] (a view model for one
//! screen size) → [`terminal`] (the only module that touches the terminal), bound by
//! [`keymap`] (which maps [`key`]s to actions), set up by [`config`].

pub mod app;
pub mod config;
pub mod key;
pub mod keymap;
pub mod terminal;
pub mod view;
