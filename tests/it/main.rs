//! The binary's integration tests, in one test binary (one link of the whole program
//! instead of one per file): the command line, hostile inputs through it, the reader
//! in a real terminal and the HTML report in a browser.

mod cli;
mod common;
mod hostile;
mod hostile_tui;
mod html_browser;
mod isolation;
mod review_cli;
mod review_kill;
mod tmux;
mod tui_cli;
mod tui_tmux;
