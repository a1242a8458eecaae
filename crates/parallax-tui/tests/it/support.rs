//! Shared helpers for the reader's tests: fixtures, sessions and screens.

use std::path::{Path, PathBuf};

use parallax_core::compare::Comparison;
use parallax_core::document::{Document, Format};
use parallax_core::review::Review;
use parallax_core::source::Source;
use parallax_tui::terminal::{Session, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

pub const FIXTURES: [&str; 3] = ["wire.txt", "harbour.md", "evening.txt"];

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/tui")
        .join(name)
}

/// The fixtures `names`, each under its bare file name, so that what the engine makes of
/// them (ties are broken by content and path) does not depend on where the clone is.
pub fn comparison(names: &[&str]) -> Comparison {
    Comparison::new(names.iter().map(|n| named(n)).collect())
}

/// The fixture `name`, loaded from the fixtures folder but named `name`.
pub fn named(name: &str) -> Source {
    let bytes = std::fs::read(fixture(name)).expect("fixture reads");
    let format = if name.ends_with(".md") {
        Format::Markdown
    } else {
        Format::Text
    };
    Source::new(Document::from_bytes(name, &bytes, format).expect("fixture loads"))
}

/// Loads and segments the files at `paths` as the command line does.
pub fn load(paths: &[PathBuf]) -> Vec<Source> {
    parallax_core::source::load_all(paths, &Default::default()).expect("sources load")
}

/// The review file at `path` with `sources` opened in it (empty when missing).
pub fn open_review(path: &Path, sources: &[Source]) -> Review {
    let mut review = Review::load(path).expect("review loads");
    for s in sources {
        // Fixtures are named by their bare file name (see `named`): read them from
        // the fixtures folder.
        let file = Path::new(&s.doc.path);
        let file = if file.is_absolute() {
            file.to_path_buf()
        } else {
            fixture(&s.doc.path)
        };
        let bytes = std::fs::read(&file).expect("source reads");
        review.open_source(&s.doc.path, &bytes);
    }
    review
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
