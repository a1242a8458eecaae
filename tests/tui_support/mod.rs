//! Shared helpers for the reader's tests: fixtures, sessions and screens.
#![allow(dead_code)]

use std::path::PathBuf;

use parallax::compare::Comparison;
use parallax::tui::{Session, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

pub const FIXTURES: [&str; 3] = ["wire.txt", "harbour.md", "evening.txt"];

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tui")
        .join(name)
}

pub fn comparison(names: &[&str]) -> Comparison {
    let paths: Vec<PathBuf> = names.iter().map(|n| fixture(n)).collect();
    Comparison::new(parallax::cli::load_sources(&paths).expect("fixtures load"))
}

pub fn session(names: &[&str]) -> Session {
    Session::new(comparison(names), Settings::defaults(0))
}

/// Draws one frame of `session` on a `w`×`h` test terminal.
pub fn screen(session: &mut Session, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    term.draw(|f| session.draw(f)).expect("draw");
    term.backend().buffer().clone()
}

/// The screen's text, one string per row (wide characters once).
pub fn rows(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (0..a.height)
        .map(|y| {
            let mut s = String::new();
            let mut skip = 0;
            for x in 0..a.width {
                let sym = buf[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                s.push_str(sym);
            }
            s
        })
        .collect()
}

/// The text of a pane's column on screen: rows below the title, between `x0` and `x1`.
pub fn column(buf: &Buffer, x0: u16, x1: u16) -> Vec<String> {
    (2..buf.area.height - 1)
        .map(|y| (x0..x1).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}
