//! One reading session: the app state, the indexed comparison, the caches, the key
//! bindings and themes, and the last view model (for mouse hit-testing). Input comes
//! in as [`Key`]s and clicks, frames go out through [`Session::draw`] — the event
//! loop in `tui::run` and the tests over `TestBackend` drive the same code.

use ratatui::Frame;

use super::render;
use crate::app::{App, Motion, Notes, Overlay, Reader, ViewKind};
use crate::key::Key;
use crate::keymap::Keymap;
use crate::view::{self, Body, Inputs, Layouts, Screen, Target, ViewModel};
use parallax_core::compare::Comparison;
use parallax_core::review::Review;
use parallax_core::theme::{Catalog, Depth, Theme};

/// How a session starts.
pub struct Settings {
    pub(crate) pivot: usize,
    pub(crate) view: ViewKind,
    pub keymap: Keymap,
    pub catalog: Catalog,
    pub theme: usize,
    /// The review file holding the notes (its sources opened); `None`: notes are off.
    pub review: Option<Review>,
}

impl Settings {
    /// Default keys, built-in themes in true colour, `dark`, the reading view.
    pub fn defaults(pivot: usize) -> Settings {
        let catalog = Catalog::load(None, Depth::TrueColor);
        let theme = catalog.index_of("dark").unwrap_or(0);
        Settings {
            pivot,
            view: ViewKind::Reading,
            keymap: Keymap::default(),
            catalog,
            theme,
            review: None,
        }
    }
}

pub struct Session {
    pub app: App,
    pub reader: Reader,
    pub layouts: Layouts,
    pub(crate) keymap: Keymap,
    pub(crate) catalog: Catalog,
    /// The terminal size the next key's page motions refer to.
    size: (u16, u16),
    last: Option<ViewModel>,
}

impl Session {
    pub fn new(comparison: Comparison, settings: Settings) -> Session {
        let reader = Reader::new(comparison);
        let names = settings
            .catalog
            .names()
            .into_iter()
            .map(str::to_owned)
            .collect();
        let mut app = App::new(
            &reader,
            settings.pivot,
            ViewKind::Reading,
            names,
            settings.theme,
        );
        if settings.view != ViewKind::Reading {
            app.set_view(settings.view, &reader);
        }
        app.notes = Notes::new(settings.review, &reader);
        Session {
            app,
            reader,
            layouts: Layouts::default(),
            keymap: settings.keymap,
            catalog: settings.catalog,
            size: (80, 24),
            last: None,
        }
    }

    pub(crate) fn theme(&self) -> &Theme {
        &self.catalog.themes[self.app.theme.min(self.catalog.themes.len() - 1)]
    }

    pub(crate) fn quit(&self) -> bool {
        self.app.quit
    }

    /// Handles one key press.
    pub fn key(&mut self, key: Key) {
        match self.app.overlay {
            Some(Overlay::Search { .. }) => return self.app.prompt_key(key, &self.reader),
            Some(Overlay::Note(_)) => return self.app.editor_key(key),
            _ => {}
        }
        let Some(action) = self.keymap.action(key) else {
            if self.app.overlay.is_none() {
                self.app
                    .say(format!("{key} is not bound; ? lists the keys"));
            }
            return;
        };
        if self.app.view == ViewKind::Reading
            && self.app.overlay.is_none()
            && let Some(Motion::Page(dir, whole)) = Motion::of(action)
        {
            self.app.message = None;
            let inputs = Inputs {
                app: &self.app,
                reader: &self.reader,
                layouts: &self.layouts,
                keymap: &self.keymap,
            };
            if let Some((passage, top)) =
                view::reading::page_target(&inputs, self.size.0, self.size.1, dir, whole)
            {
                let focus = self.app.nav.focus;
                self.app.nav.cursor[focus] = passage;
                self.app.scroll.top = top;
                self.app.scroll.follow = true;
            }
            return;
        }
        self.app.apply(action, &self.reader);
    }

    /// Types a string of single-character keys ("]]j}"), as a user would.
    pub fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.key(Key::ch(c));
        }
    }

    /// A left click at a screen cell: selects the passage or row under it.
    pub fn click(&mut self, col: u16, row: u16) {
        if matches!(
            self.app.overlay,
            Some(Overlay::Help { .. } | Overlay::Notes(_) | Overlay::Disagreements(_))
        ) {
            self.app.overlay = None;
            return;
        }
        if matches!(self.app.overlay, Some(Overlay::Note(_))) {
            return;
        }
        let Some(ViewModel {
            screen: Screen::Full { body, .. },
            ..
        }) = &self.last
        else {
            return;
        };
        // Row 0 is the header, row 1 the pane titles (a click there focuses the pane)
        // or the matrix head.
        if row == 1
            && let Body::Panes(p) = body
            && let Some(pane) = p
                .panes
                .iter()
                .find(|pane| pane.x <= col && col < pane.x + pane.width)
        {
            let source = pane.source;
            self.app.focus(source, &self.reader);
            return;
        }
        let Some(line) = usize::from(row).checked_sub(2) else {
            return;
        };
        let hit = match body {
            Body::Panes(p) => p
                .panes
                .iter()
                .find(|pane| pane.x <= col && col < pane.x + pane.width)
                .map(|pane| (Some(pane.source), pane.targets.get(line).copied().flatten())),
            Body::Coverage(c) => Some((None, c.targets.get(line).copied().flatten())),
        };
        match hit {
            Some((Some(source), Some(Target::Passage(p)))) => {
                self.app.select_passage(source, p, &self.reader)
            }
            Some((source, Some(Target::Row(r)))) => {
                // Select first, so that focusing (which re-sorts the rows by the newly
                // focused source) carries the clicked group along.
                self.app.select_row(r, &self.reader);
                if let Some(s) = source {
                    self.app.focus(s, &self.reader);
                }
            }
            Some((Some(source), None)) => self.app.focus(source, &self.reader),
            _ => {}
        }
        self.app.scroll.follow = true;
    }

    /// The mouse wheel: scrolls by `lines` (negative: up).
    pub(crate) fn wheel(&mut self, lines: isize) {
        if let Some(Overlay::Help { scroll }) = &mut self.app.overlay {
            *scroll = scroll.saturating_add_signed(lines);
            return;
        }
        if matches!(
            self.app.overlay,
            Some(Overlay::Notes(_) | Overlay::Disagreements(_))
        ) {
            // The wheel moves a list's selection a row at a time.
            let action = if lines > 0 {
                crate::app::Action::NextPassage
            } else {
                crate::app::Action::PrevPassage
            };
            self.app.apply(action, &self.reader);
            return;
        }
        if matches!(self.app.overlay, Some(Overlay::Note(_))) {
            return;
        }
        self.app.scroll_by(lines);
    }

    /// The view model for a `width`×`height` screen; scroll positions it settled on
    /// are written back so the next frame starts from them.
    pub fn view_model(&mut self, width: u16, height: u16) -> ViewModel {
        self.size = (width, height);
        let inputs = Inputs {
            app: &self.app,
            reader: &self.reader,
            layouts: &self.layouts,
            keymap: &self.keymap,
        };
        let vm = view::build(&inputs, width, height);
        if let Screen::Full { .. } = vm.screen {
            self.app.scroll.top = vm.settle.top;
            for &(s, top) in &vm.settle.tops {
                self.app.tops[s] = top;
            }
            self.app.nav.page_rows = vm.settle.body_rows.saturating_sub(1).max(1);
        }
        vm
    }

    /// Builds the view model for the frame's size and draws it.
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        let vm = self.view_model(area.width, area.height);
        render::draw(frame, &vm, self.theme());
        self.last = Some(vm);
    }
}
