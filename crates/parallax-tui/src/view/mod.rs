//! The view model: everything the screen will show, computed for one terminal size
//! from the app state, as plain data (text spans tagged with theme roles). Pure and
//! terminal-free, so it is unit-tested without a terminal; `tui` only draws it.
//!
//! Only what is visible is computed: wrapped layouts are cached per width, diffs per
//! group, and each frame styles just the lines on screen.

pub(crate) mod aligned;
pub(crate) mod chrome;
pub(crate) mod coverage;
pub(crate) mod layout;
pub(crate) mod panel;
pub(crate) mod reading;
pub(crate) mod styled;
pub mod wrap;

pub use layout::{DocLayout, Layouts};
pub use panel::PanelView;

pub(crate) use crate::app::Settle;
use crate::app::{App, Click, Notes, Overlay, Reader, ViewKind};
use crate::keymap::Keymap;
use parallax_core::theme::Role;

/// Smallest screen the reader draws on; below it a notice says so.
pub(crate) const MIN_WIDTH: u16 = 40;
pub(crate) const MIN_HEIGHT: u16 = 10;
/// Below this many columns a pane is not worth showing: show fewer panes.
pub(crate) const MIN_PANE: u16 = 30;
/// Columns before the text in a pane: the selection bar and a mark.
pub(crate) const GUTTER: u16 = 2;

/// A piece of text and how it looks: `role` gives the colour and weight, `back` the
/// background (cursor, linked or unique passage) it sits on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub role: Role,
    pub(crate) back: Option<Role>,
}

impl Span {
    pub(crate) fn new(text: impl Into<String>, role: Role) -> Span {
        Span {
            text: text.into(),
            role,
            back: None,
        }
    }

    pub(crate) fn on(mut self, back: Option<Role>) -> Span {
        self.back = back;
        self
    }
}

pub type Line = Vec<Span>;

/// What a click on a row selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Passage(usize),
    Row(usize),
}

/// One column of the reading or aligned view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneView {
    pub source: usize,
    /// Left edge and width on screen, separator excluded.
    pub x: u16,
    pub width: u16,
    pub(crate) title: Line,
    pub focused: bool,
    /// Rows under the title, already cut to the pane's height.
    pub lines: Vec<Line>,
    pub targets: Vec<Option<Target>>,
}

/// The reading and aligned views: panes side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanesView {
    pub panes: Vec<PaneView>,
    pub hidden_before: usize,
    pub hidden_after: usize,
}

/// The coverage matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageView {
    pub head: Line,
    pub lines: Vec<Line>,
    pub targets: Vec<Option<Target>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Panes(PanesView),
    Coverage(CoverageView),
}

/// A box over the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpView {
    pub title: String,
    pub lines: Vec<Line>,
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The terminal is smaller than [`MIN_WIDTH`]×[`MIN_HEIGHT`].
    TooSmall(Vec<String>),
    Full {
        header: Line,
        body: Body,
        status: Line,
        hints: Line,
        help: Option<HelpView>,
        /// The note editor or a list (notes, disagreements).
        panel: Option<Box<PanelView>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewModel {
    pub(crate) width: u16,
    pub(crate) height: u16,
    pub screen: Screen,
    /// Scroll positions the view settled on, given back to the app after a frame.
    pub(crate) settle: Settle,
}

impl ViewModel {
    /// What a click on the cell at `col`, `row` is on. Row 0 is the header, row 1
    /// the pane titles (a click there focuses the pane) or the matrix head.
    pub fn hit<'a>(&'a self, col: u16, row: u16) -> Click {
        let Screen::Full { body, .. } = &self.screen else {
            return Click::Outside;
        };
        let pane_at = |p: &'a PanesView| {
            p.panes
                .iter()
                .find(|pane| pane.x <= col && col < pane.x + pane.width)
        };
        if row == 1
            && let Body::Panes(p) = body
            && let Some(pane) = pane_at(p)
        {
            return Click::Title(pane.source);
        }
        let Some(line) = usize::from(row).checked_sub(2) else {
            return Click::Outside;
        };
        match body {
            Body::Panes(p) => {
                let Some(pane) = pane_at(p) else {
                    return Click::Blank;
                };
                let source = pane.source;
                match pane.targets.get(line).copied().flatten() {
                    Some(Target::Passage(passage)) => Click::Passage { source, passage },
                    Some(Target::Row(row)) => Click::Row {
                        source: Some(source),
                        row,
                    },
                    None => Click::Pane(source),
                }
            }
            Body::Coverage(c) => match c.targets.get(line).copied().flatten() {
                Some(Target::Row(row)) => Click::Row { source: None, row },
                _ => Click::Blank,
            },
        }
    }
}

/// Everything a frame is computed from.
pub(crate) struct Inputs<'a> {
    pub(crate) app: &'a App,
    pub(crate) reader: &'a Reader,
    pub(crate) notes: &'a Notes,
    pub(crate) layouts: &'a Layouts,
    pub(crate) keymap: &'a Keymap,
}

/// The view model for a `width`×`height` terminal.
pub(crate) fn build(inp: &Inputs, width: u16, height: u16) -> ViewModel {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        let lines = vec![
            "parallax".to_owned(),
            "terminal too small".to_owned(),
            format!("{width}×{height}, need {MIN_WIDTH}×{MIN_HEIGHT}"),
            "q quits".to_owned(),
        ];
        return ViewModel {
            width,
            height,
            screen: Screen::TooSmall(lines),
            settle: Settle::default(),
        };
    }
    let body_rows = height - 2;
    let (body, mut settle) = match inp.app.view {
        ViewKind::Reading => {
            let (v, s) = reading::build(inp, width, body_rows);
            (Body::Panes(v), s)
        }
        ViewKind::Aligned => {
            let (v, s) = aligned::build(inp, width, body_rows);
            (Body::Panes(v), s)
        }
        ViewKind::Coverage => {
            let (v, s) = coverage::build(inp, width, body_rows);
            (Body::Coverage(v), s)
        }
    };
    settle.body_rows = usize::from(body_rows);
    let hidden = match &body {
        Body::Panes(p) => (p.hidden_before, p.hidden_after),
        Body::Coverage(_) => (0, 0),
    };
    let header = chrome::header(inp, hidden, width);
    let (status, hints) = chrome::status(inp, width);
    let help = match &inp.app.overlay {
        Some(Overlay::Help { scroll }) => Some(chrome::help(inp.keymap, *scroll)),
        _ => None,
    };
    let panel = match &inp.app.overlay {
        Some(Overlay::Note(ed)) => Some(Box::new(panel::editor(inp, ed, width, body_rows))),
        Some(Overlay::Notes(p)) => Some(Box::new(panel::notes(inp, p, width, body_rows))),
        Some(Overlay::Disagreements(p)) => {
            Some(Box::new(panel::disagreements(p, width, body_rows)))
        }
        _ => None,
    };
    ViewModel {
        width,
        height,
        screen: Screen::Full {
            header,
            body,
            status,
            hints,
            help,
            panel,
        },
        settle,
    }
}

/// Which sources get a pane: all when they fit at [`MIN_PANE`] columns, else the
/// focused one and its neighbours. Returns (first, count) and each pane's x and width.
pub(crate) fn pane_window(sources: usize, focus: usize, width: u16) -> (usize, Vec<(u16, u16)>) {
    let fit = usize::from((width + 1) / (MIN_PANE + 1)).max(1);
    let count = fit.min(sources).max(1);
    let first = focus.saturating_sub((count - 1) / 2).min(sources - count);
    let seps = count as u16 - 1;
    let inner = width - seps;
    let base = inner / count as u16;
    let extra = inner % count as u16;
    let mut x = 0;
    let geometry = (0..count as u16)
        .map(|i| {
            let w = base + u16::from(i < extra);
            let g = (x, w);
            x += w + 1;
            g
        })
        .collect();
    (first, geometry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_fill_the_width_and_narrow_screens_show_neighbours_of_the_focus() {
        let (first, g) = pane_window(3, 0, 200);
        assert_eq!(first, 0);
        assert_eq!(g.len(), 3);
        let last = g.last().unwrap();
        assert_eq!(last.0 + last.1, 200);
        let (first, g) = pane_window(6, 4, 80);
        assert_eq!(g.len(), 2);
        assert_eq!(first, 4);
        let (first, g) = pane_window(6, 5, 100);
        assert_eq!((first, g.len()), (3, 3));
    }
}
