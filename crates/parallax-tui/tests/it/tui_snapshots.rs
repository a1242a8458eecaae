//! Whole screens on ratatui's `TestBackend`, snapshotted with their styles (the
//! `Buffer` Debug output lists every style change), for each view at several sizes,
//! each theme, and scripted key sequences.

use crate::support::*;
use parallax_core::theme::{Catalog, Depth};
use parallax_tui::key::{Code, Key};
use parallax_tui::terminal::{Session, Settings};

fn snap(name: &str, session: &mut Session, w: u16, h: u16) {
    let buf = screen(session, w, h);
    insta::assert_snapshot!(name, format!("{buf:?}"));
}

fn themed(theme: &str, depth: Depth) -> Session {
    let mut settings = Settings::defaults(0);
    settings.catalog = Catalog::load(None, depth);
    settings.theme = settings.catalog.index_of(theme).expect("theme exists");
    Session::new(comparison(&FIXTURES), settings)
}

#[test]
fn each_view_at_each_size() {
    for (view, keys) in [("reading", ""), ("aligned", "v"), ("coverage", "vv")] {
        for (w, h) in [(200, 50), (80, 24), (20, 6)] {
            let mut s = session(&FIXTURES);
            s.keys(keys);
            snap(&format!("{view}_{w}x{h}"), &mut s, w, h);
        }
    }
}

#[test]
fn each_theme() {
    for theme in ["dark", "light", "high-contrast", "colorblind", "mono"] {
        let mut s = themed(theme, Depth::TrueColor);
        s.keys("]]");
        snap(&format!("theme_{theme}"), &mut s, 80, 24);
    }
}

#[test]
fn colour_fallbacks_and_no_color() {
    for (name, depth) in [("256", Depth::Ansi256), ("16", Depth::Ansi16)] {
        let mut s = themed("dark", depth);
        s.keys("]]");
        snap(&format!("dark_{name}_colours"), &mut s, 80, 24);
    }
    let mut s = themed("mono", Depth::None);
    s.keys("]]");
    snap("no_color", &mut s, 80, 24);
}

#[test]
fn scripted_shared_line_and_unique_motion() {
    let mut s = session(&FIXTURES);
    s.keys("]]j}");
    snap("keys_shared_shared_down_unique", &mut s, 120, 30);
}

#[test]
fn scripted_focus_pivot_and_disagreement() {
    let mut s = session(&FIXTURES);
    s.keys("lpD");
    snap("keys_focus_pivot_disagreement", &mut s, 120, 30);
}

#[test]
fn scripted_search() {
    let mut s = session(&FIXTURES);
    s.keys("/fog");
    snap("search_prompt", &mut s, 120, 30);
    s.key(Key::plain(Code::Enter));
    s.keys("n");
    snap("search_next", &mut s, 120, 30);
}

#[test]
fn help_overlay() {
    let mut s = session(&FIXTURES);
    s.keys("?");
    snap("help", &mut s, 100, 40);
}

#[test]
fn four_sources_on_a_narrow_screen() {
    let mut s = session(&["wire.txt", "harbour.md", "evening.txt", "radio.txt"]);
    s.keys("4");
    snap("four_sources_80x24_focus_4", &mut s, 80, 24);
}
