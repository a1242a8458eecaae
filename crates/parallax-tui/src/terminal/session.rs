//! One reading session: the app state, the indexed comparison, the review's notes,
//! the caches, the key bindings and themes, and the last view model. Input comes in
//! as [`Key`]s, clicks and wheel turns; the session turns each into an [`Action`]
//! (through the keymap, and the view where the answer depends on what is on screen),
//! hands it to [`App::apply`] and carries out the [`Effect`]s that come back — the
//! only place the review file is written. Frames go out through [`Session::draw`];
//! the event loop in `terminal::run` and the tests over `TestBackend` drive the same
//! code.

use ratatui::Frame;

use super::render;
use crate::app::{
    Action, App, Click, Effect, Motion, NoteEdit, Notes, Overlay, PageTarget, PromptEdit, Reader,
    ViewKind,
};
use crate::key::Key;
use crate::keymap::Keymap;
use crate::view::{self, Inputs, Layouts, Screen, ViewModel};
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
    /// The review file's notes (none when the reader runs without one); changed only
    /// by carrying out the app's effects.
    pub(crate) notes: Notes,
    pub(crate) keymap: Keymap,
    pub(crate) catalog: Catalog,
    /// The terminal size the next key's page motions refer to.
    size: (u16, u16),
    last: Option<ViewModel>,
    quit: bool,
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
        let app = App::new(
            &reader,
            settings.pivot,
            settings.view,
            names,
            settings.theme,
        );
        let notes = Notes::new(settings.review, &reader);
        Session {
            app,
            reader,
            layouts: Layouts::default(),
            notes,
            keymap: settings.keymap,
            catalog: settings.catalog,
            size: (80, 24),
            last: None,
            quit: false,
        }
    }

    pub(crate) fn theme(&self) -> &Theme {
        &self.catalog.themes[self.app.theme.min(self.catalog.themes.len() - 1)]
    }

    /// Whether an action asked to quit.
    pub fn quit(&self) -> bool {
        self.quit
    }

    /// Applies `action`, then carries out its effects (and the effects of the
    /// outcomes they report back).
    pub fn dispatch(&mut self, action: Action) {
        let mut pending = vec![action];
        while let Some(action) = pending.pop() {
            for effect in self.app.apply(action, &self.reader, &self.notes) {
                match effect {
                    Effect::Quit => self.quit = true,
                    Effect::SaveNote(n) => {
                        let done = self.notes.save(n.source, n.span, n.id, &n.text);
                        pending.push(Action::NoteSaved(done.map(|_| ())));
                    }
                    Effect::DeleteNote(id) => {
                        pending.push(Action::NoteDeleted(self.notes.delete(id)));
                    }
                }
            }
        }
    }

    /// Handles one key press.
    pub fn key(&mut self, key: Key) {
        if let Some(action) = self.action_of(key) {
            self.dispatch(action);
        }
    }

    /// What a key means now: text in the search prompt and the note editor, else
    /// the command bound to it, with page motions of the reading view resolved
    /// against the layout last drawn. `None` for a key the open prompt ignores.
    pub(crate) fn action_of(&self, key: Key) -> Option<Action> {
        match &self.app.overlay {
            Some(Overlay::Search { .. }) => return PromptEdit::of(key).map(Action::Prompt),
            Some(Overlay::Note(ed)) => {
                return NoteEdit::of(key, ed.confirm_delete).map(Action::Edit);
            }
            _ => {}
        }
        let Some(command) = self.keymap.action(key) else {
            return Some(Action::Unbound(key));
        };
        if self.app.view == ViewKind::Reading
            && self.app.overlay.is_none()
            && let Some(Motion::Page(dir, whole)) = Motion::of(command)
        {
            let target =
                view::reading::page_target(&self.inputs(), self.size.0, self.size.1, dir, whole);
            return Some(Action::PageTo(
                target.map(|(passage, top)| PageTarget { passage, top }),
            ));
        }
        Some(Action::Command(command))
    }

    /// Types a string of single-character keys ("]]j}"), as a user would.
    pub fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            self.key(Key::ch(c));
        }
    }

    /// A left click at a screen cell: selects the passage or row under it, as the
    /// last frame showed it.
    pub fn click(&mut self, col: u16, row: u16) {
        let click = self
            .last
            .as_ref()
            .map_or(Click::Outside, |vm| vm.hit(col, row));
        self.dispatch(Action::Click(click));
    }

    /// The mouse wheel: scrolls by `lines` (negative: up).
    pub fn wheel(&mut self, lines: isize) {
        self.dispatch(Action::Wheel(lines));
    }

    fn inputs(&self) -> Inputs<'_> {
        Inputs {
            app: &self.app,
            reader: &self.reader,
            notes: &self.notes,
            layouts: &self.layouts,
            keymap: &self.keymap,
        }
    }

    /// The view model for a `width`×`height` screen; the scroll positions it settled
    /// on go back to the app, so the next frame starts from them.
    pub fn view_model(&mut self, width: u16, height: u16) -> ViewModel {
        self.size = (width, height);
        let vm = view::build(&self.inputs(), width, height);
        if let Screen::Full { .. } = vm.screen {
            self.dispatch(Action::Settled(vm.settle.clone()));
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
