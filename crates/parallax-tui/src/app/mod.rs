//! The reader's state and what actions do to it — no terminal types here, so the
//! whole app can be driven and checked in tests.
//!
//! [`App`] holds a few small parts: [`Nav`] (focus, pivot, cursors), [`Scroll`],
//! the open [`Overlay`], the [`Search`], and the last message.

mod action;
mod command;
mod editor;
mod nav;
mod notes;
mod reader;
mod search;

pub use action::{Action, Click, Effect, NoteChange, NoteEdit, PageTarget, PromptEdit, Settle};
pub use command::Command;
pub(crate) use editor::{Editor, NoteTarget};
pub(crate) use nav::{Dir, Motion, Nav};
pub use notes::ListedNote;
pub(crate) use notes::Notes;
pub(crate) use reader::{Passage, Reader};
pub(crate) use search::Search;

use parallax_core::compare::model::DiscrepancyKind;
use unicode_segmentation::UnicodeSegmentation;

/// The three ways to look at a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// Each source in its own order, side by side (default).
    Reading,
    /// Rows of groups, one column per source, kept level.
    Aligned,
    /// A matrix of groups × sources.
    Coverage,
}

impl ViewKind {
    pub(crate) const NAMES: [&'static str; 3] = ["reading", "aligned", "coverage"];

    pub fn parse(s: &str) -> Option<ViewKind> {
        match s.to_ascii_lowercase().as_str() {
            "reading" | "read" => Some(ViewKind::Reading),
            "aligned" | "align" => Some(ViewKind::Aligned),
            "coverage" | "overview" => Some(ViewKind::Coverage),
            _ => None,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    fn next(self) -> ViewKind {
        match self {
            ViewKind::Reading => ViewKind::Aligned,
            ViewKind::Aligned => ViewKind::Coverage,
            ViewKind::Coverage => ViewKind::Reading,
        }
    }
}

/// Where the focused pane (or the row list) is scrolled to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scroll {
    /// First line (reading) or row (aligned, coverage) on screen.
    pub(crate) top: usize,
    /// Keep the cursor on screen; off after the user scrolls by hand.
    pub(crate) follow: bool,
}

/// A box drawn over the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: usize,
    },
    /// The search prompt being typed; `previous` comes back if it is cancelled.
    Search {
        draft: String,
        previous: String,
    },
    /// The note editor.
    Note(Editor),
    /// Every note; Enter jumps to one.
    Notes(Picker<ListedNote>),
    /// Every disagreement in the comparison; Enter jumps to its group.
    Disagreements(Picker<Disagreement>),
}

/// A list to choose from, computed when it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker<T> {
    pub rows: Vec<T>,
    pub selected: usize,
}

impl<T> Picker<T> {
    fn new(rows: Vec<T>) -> Picker<T> {
        Picker { rows, selected: 0 }
    }

    /// Moves the selection (`page` rows for a page motion).
    fn motion(&mut self, motion: Motion, page: usize) {
        let last = self.rows.len().saturating_sub(1);
        let page = page.max(1);
        self.selected = match motion {
            Motion::Step(Dir::Forward) => self.selected + 1,
            Motion::Step(Dir::Back) => self.selected.saturating_sub(1),
            Motion::Page(Dir::Forward, _) => self.selected + page,
            Motion::Page(Dir::Back, _) => self.selected.saturating_sub(page),
            Motion::First => 0,
            _ => last,
        }
        .min(last);
    }

    fn current(&self) -> Option<&T> {
        self.rows.get(self.selected)
    }
}

/// One disagreement, as the panel lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub group: usize,
    pub(crate) kind: DiscrepancyKind,
    /// (source, the words as that source has them).
    pub(crate) values: Vec<(usize, String)>,
}

/// Every disagreement in the comparison, group by group. Disagreements do not depend
/// on the pivot, so they are found once without diffing any group.
pub(crate) fn disagreements(reader: &Reader) -> Vec<Disagreement> {
    reader
        .discrepancies()
        .iter()
        .flat_map(|(g, ds)| {
            ds.iter().map(move |d| Disagreement {
                group: *g,
                kind: d.kind,
                values: d
                    .values
                    .iter()
                    .map(|v| (v.source, v.text.clone()))
                    .collect(),
            })
        })
        .collect()
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message {
    pub(crate) text: String,
    pub(crate) warning: bool,
}

pub struct App {
    pub nav: Nav,
    pub view: ViewKind,
    pub(crate) scroll: Scroll,
    /// Each pane's first line as last drawn, so a newly focused pane does not jump.
    pub(crate) tops: Vec<isize>,
    pub overlay: Option<Overlay>,
    pub(crate) search: Search,
    /// Theme names, and the one in use.
    pub(crate) themes: Vec<String>,
    pub(crate) theme: usize,
    pub(crate) message: Option<Message>,
}

impl App {
    /// The reader at its start: `view` on the first passage of the `pivot` source.
    pub(crate) fn new(
        reader: &Reader,
        pivot: usize,
        view: ViewKind,
        themes: Vec<String>,
        theme: usize,
    ) -> App {
        let n = reader.source_count();
        let mut app = App {
            nav: Nav::new(n, pivot.min(n.saturating_sub(1))),
            view: ViewKind::Reading,
            scroll: Scroll {
                top: 0,
                follow: true,
            },
            tops: vec![0; n],
            overlay: None,
            search: Search::default(),
            themes,
            theme,
            message: None,
        };
        if view != ViewKind::Reading {
            app.set_view(view, reader);
        }
        app
    }

    pub(crate) fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            warning: false,
        });
    }

    pub(crate) fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            warning: true,
        });
    }

    /// The group the cursor is on, in any view.
    pub fn group(&self, reader: &Reader) -> usize {
        match self.view {
            ViewKind::Reading => self.nav.group(reader),
            ViewKind::Aligned | ViewKind::Coverage => reader
                .order(self.nav.focus)
                .rows
                .get(self.nav.row)
                .copied()
                .unwrap_or(0),
        }
    }

    /// Does what `action` asks: the one place the reader's state changes. What it
    /// needs done outside (writing the review file, quitting) comes back as effects,
    /// in order. `notes` are read here and changed only through effects.
    pub(crate) fn apply(&mut self, action: Action, reader: &Reader, notes: &Notes) -> Vec<Effect> {
        let mut effects = Vec::new();
        match action {
            Action::Command(c) => self.command(c, reader, notes, &mut effects),
            Action::Unbound(key) => {
                if self.overlay.is_none() {
                    self.say(format!("{key} is not bound; ? lists the keys"));
                }
            }
            Action::PageTo(target) => {
                self.message = None;
                if let Some(t) = target {
                    let focus = self.nav.focus;
                    self.nav.cursor[focus] = t.passage;
                    self.scroll = Scroll {
                        top: t.top,
                        follow: true,
                    };
                }
            }
            Action::Click(click) => self.click(click, reader),
            Action::Wheel(lines) => self.wheel(lines, reader, notes, &mut effects),
            Action::Prompt(edit) => self.prompt(edit, reader),
            Action::Edit(edit) => self.edit(edit, &mut effects),
            Action::NoteSaved(result) => self.note_saved(result, notes),
            Action::NoteDeleted(result) => match result {
                Ok(()) => {
                    self.overlay = None;
                    self.say("note deleted");
                }
                Err(e) => self.warn(format!("note not deleted: {e}")),
            },
            Action::Settled(settle) => {
                self.scroll.top = settle.top;
                for (s, top) in settle.tops {
                    if let Some(t) = self.tops.get_mut(s) {
                        *t = top;
                    }
                }
                self.nav.page_rows = settle.body_rows.saturating_sub(1).max(1);
            }
            Action::Warn(text) => self.warn(text),
        }
        effects
    }

    /// A bound command. Page motions in the reading view are resolved against the
    /// layout by the session (`Action::PageTo`); here they move a page of passages.
    fn command(
        &mut self,
        command: Command,
        reader: &Reader,
        notes: &Notes,
        effects: &mut Vec<Effect>,
    ) {
        if !matches!(command, Command::CycleTheme | Command::MakePivot) {
            self.message = None;
        }
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
            match command {
                Command::NextPassage | Command::ScrollDown => *scroll += 1,
                Command::PrevPassage | Command::ScrollUp => *scroll = scroll.saturating_sub(1),
                Command::PageDown | Command::HalfPageDown => *scroll += 10,
                Command::PageUp | Command::HalfPageUp => *scroll = scroll.saturating_sub(10),
                Command::First => *scroll = 0,
                // Any other key closes the help; q too (q quits from the main view only).
                _ => self.overlay = None,
            }
            return;
        }
        if matches!(
            self.overlay,
            Some(Overlay::Notes(_) | Overlay::Disagreements(_))
        ) {
            self.list_command(command, reader);
            return;
        }
        if let Some(motion) = Motion::of(command) {
            self.motion(motion, reader);
            return;
        }
        if let Some(pane) = command.pane() {
            if pane < reader.source_count() {
                self.focus(pane, reader);
            } else {
                self.warn(format!("there is no pane {}", pane + 1));
            }
            return;
        }
        match command {
            Command::FocusNext => self.focus((self.nav.focus + 1) % reader.source_count(), reader),
            Command::FocusPrev => {
                let n = reader.source_count();
                self.focus((self.nav.focus + n - 1) % n, reader);
            }
            Command::ScrollDown => self.scroll_by(1),
            Command::ScrollUp => self.scroll_by(-1),
            Command::MakePivot => {
                self.nav.pivot = self.nav.focus;
                self.say(format!(
                    "pivot: source {} — the others are compared with it",
                    self.nav.focus + 1
                ));
            }
            Command::CycleView => self.set_view(self.view.next(), reader),
            Command::Open => self.open(reader),
            Command::Search => {
                self.overlay = Some(Overlay::Search {
                    draft: String::new(),
                    previous: self.search.query.clone(),
                })
            }
            Command::NextMatch => self.next_match(reader, true),
            Command::PrevMatch => self.next_match(reader, false),
            Command::CycleTheme => {
                if self.themes.len() <= 1 {
                    self.say("only one theme available (NO_COLOR is set, or no colours)");
                } else {
                    self.theme = (self.theme + 1) % self.themes.len();
                    self.say(format!("theme: {}", self.themes[self.theme]));
                }
            }
            Command::Note => self.open_editor(reader, notes),
            Command::NoteList => self.open_note_list(notes),
            Command::Disagreements => self.open_disagreements(reader),
            Command::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Command::Close => self.search.clear(),
            Command::Quit => effects.push(Effect::Quit),
            // Motions and pane jumps were handled above.
            _ => {}
        }
    }

    /// A click: closes a pop-up, else selects what is under it.
    fn click(&mut self, click: Click, reader: &Reader) {
        match self.overlay {
            Some(Overlay::Help { .. } | Overlay::Notes(_) | Overlay::Disagreements(_)) => {
                self.overlay = None;
                return;
            }
            Some(Overlay::Note(_)) => return,
            _ => {}
        }
        match click {
            Click::Outside => return,
            Click::Title(source) => {
                self.focus(source, reader);
                return;
            }
            Click::Passage { source, passage } => self.select_passage(source, passage, reader),
            Click::Row { source, row } => {
                // Select first, so that focusing (which re-sorts the rows by the newly
                // focused source) carries the clicked group along.
                self.select_row(row, reader);
                if let Some(s) = source {
                    self.focus(s, reader);
                }
            }
            Click::Pane(source) => self.focus(source, reader),
            Click::Blank => {}
        }
        self.scroll.follow = true;
    }

    /// The wheel scrolls the help or the view by hand, and moves a list's selection
    /// a row at a time.
    fn wheel(&mut self, lines: isize, reader: &Reader, notes: &Notes, effects: &mut Vec<Effect>) {
        match &mut self.overlay {
            Some(Overlay::Help { scroll }) => *scroll = scroll.saturating_add_signed(lines),
            Some(Overlay::Notes(_) | Overlay::Disagreements(_)) => {
                let step = if lines > 0 {
                    Command::NextPassage
                } else {
                    Command::PrevPassage
                };
                self.command(step, reader, notes, effects);
            }
            Some(Overlay::Note(_)) => {}
            _ => self.scroll_by(lines),
        }
    }

    /// A key typed while the search prompt is open; matches are highlighted as the
    /// user types.
    fn prompt(&mut self, edit: PromptEdit, reader: &Reader) {
        let Some(Overlay::Search { draft, previous }) = &mut self.overlay else {
            return;
        };
        match edit {
            PromptEdit::Cancel => {
                let previous = std::mem::take(previous);
                self.overlay = None;
                self.set_search(&previous, reader);
                return;
            }
            PromptEdit::Accept => {
                let q = std::mem::take(draft);
                self.overlay = None;
                self.set_search(&q, reader);
                if !q.is_empty() {
                    self.next_match(reader, true);
                }
                return;
            }
            PromptEdit::DeleteGrapheme => {
                let keep = draft
                    .grapheme_indices(true)
                    .next_back()
                    .map_or(0, |(i, _)| i);
                draft.truncate(keep);
            }
            PromptEdit::Clear => draft.clear(),
            PromptEdit::DeleteWord => {
                let keep = draft.trim_end().rfind(' ').map_or(0, |i| i + 1);
                draft.truncate(keep);
            }
            PromptEdit::Insert(c) => draft.push(c),
        }
        let q = draft.clone();
        self.set_search(&q, reader);
    }

    fn set_search(&mut self, query: &str, reader: &Reader) {
        self.search.set(
            query,
            reader
                .comparison
                .sources
                .iter()
                .map(|s| s.doc.text.as_str()),
        );
    }

    fn motion(&mut self, motion: Motion, reader: &Reader) {
        self.scroll.follow = true;
        let moved = match self.view {
            ViewKind::Reading => self.nav.move_passage(motion, reader),
            ViewKind::Aligned | ViewKind::Coverage => self.nav.move_row(motion, reader),
        };
        if !moved {
            let what = match motion {
                Motion::Shared(_) => "no further passage shared with another source",
                Motion::Unique(_) => "no further passage only in this source",
                Motion::Disagreement(_) => "no further disagreement",
                _ => "",
            };
            if !what.is_empty() {
                self.say(what);
            }
        }
    }

    /// Scrolls by hand (wheel, Ctrl-e/y); the cursor stays where it is.
    pub(crate) fn scroll_by(&mut self, lines: isize) {
        self.scroll.top = self.scroll.top.saturating_add_signed(lines);
        self.scroll.follow = false;
    }

    /// Moves the focus to `source`, carrying the selected group along when it has it.
    pub(crate) fn focus(&mut self, source: usize, reader: &Reader) {
        if source == self.nav.focus {
            return;
        }
        let g = self.group(reader);
        self.nav.focus = source;
        match self.view {
            ViewKind::Reading => {
                if let Some(p) = reader.passage_in(g, source) {
                    self.nav.cursor[source] = p;
                }
                self.scroll = Scroll {
                    top: self.tops[source].max(0) as usize,
                    follow: true,
                };
            }
            ViewKind::Aligned | ViewKind::Coverage => {
                self.nav.row = reader.order(source).row_of[g];
                self.scroll.follow = true;
            }
        }
    }

    pub(crate) fn set_view(&mut self, view: ViewKind, reader: &Reader) {
        let g = self.group(reader);
        self.view = view;
        self.scroll = Scroll {
            top: 0,
            follow: true,
        };
        match view {
            ViewKind::Reading => self.nav.select_group_near(g, reader),
            ViewKind::Aligned | ViewKind::Coverage => {
                self.nav.row = reader.order(self.nav.focus).row_of[g]
            }
        }
    }

    /// Enter: from a row view, read the selected group (focusing a source that has it).
    fn open(&mut self, reader: &Reader) {
        if self.view == ViewKind::Reading {
            return;
        }
        self.read_group(self.group(reader), reader);
    }

    /// Shows `g` in the reading view, in the focused source when it has it.
    pub(crate) fn read_group(&mut self, g: usize, reader: &Reader) {
        if reader.passage_in(g, self.nav.focus).is_none()
            && let Some(&(s, _)) = reader.members[g].first()
        {
            self.nav.focus = s;
        }
        let top = if self.view == ViewKind::Reading {
            self.tops[self.nav.focus].max(0) as usize
        } else {
            0
        };
        self.view = ViewKind::Reading;
        self.scroll = Scroll { top, follow: true };
        self.nav.select_group_near(g, reader);
    }

    /// Selects a passage by mouse.
    pub(crate) fn select_passage(&mut self, source: usize, passage: usize, reader: &Reader) {
        if source != self.nav.focus {
            self.nav.focus = source;
            self.scroll = Scroll {
                top: self.tops[source].max(0) as usize,
                follow: true,
            };
        }
        if passage < reader.passages[source].len() {
            self.nav.cursor[source] = passage;
        }
    }

    /// Selects a row of the aligned or coverage view by mouse.
    pub(crate) fn select_row(&mut self, row: usize, reader: &Reader) {
        if row < reader.group_count() {
            self.nav.row = row;
        }
    }

    fn next_match(&mut self, reader: &Reader, forward: bool) {
        if self.search.query.is_empty() {
            self.say("no search: press / to search");
            return;
        }
        let focus = self.nav.focus;
        let matches = self.search.in_source(focus);
        if matches.is_empty() {
            let elsewhere = self.search.total();
            self.warn(if elsewhere > 0 {
                format!(
                    "{:?}: not in this source ({elsewhere} matches in others)",
                    self.search.query
                )
            } else {
                format!("{:?}: no match", self.search.query)
            });
            return;
        }
        let current = match self.view {
            ViewKind::Reading => self.nav.cursor[focus],
            _ => reader.passage_in(self.group(reader), focus).unwrap_or(0),
        };
        let passage_of = |r: &std::ops::Range<usize>| {
            let ps = &reader.passages[focus];
            ps.partition_point(|p| p.range.end <= r.start)
                .min(ps.len().saturating_sub(1))
        };
        let targets: Vec<usize> = matches.iter().map(passage_of).collect();
        let pick = if forward {
            targets
                .iter()
                .copied()
                .find(|&p| p > current)
                .or_else(|| targets.first().copied())
        } else {
            targets
                .iter()
                .rev()
                .copied()
                .find(|&p| p < current)
                .or_else(|| targets.last().copied())
        };
        if let Some(p) = pick {
            let wrapped = if forward { p <= current } else { p >= current };
            self.nav.cursor[focus] = p;
            if self.view != ViewKind::Reading {
                self.nav.row = reader.order(focus).row_of[reader.passages[focus][p].group];
            }
            self.scroll.follow = true;
            let n = targets.iter().filter(|&&t| t <= p).count();
            self.say(format!(
                "{:?}: match {n} of {}{}",
                self.search.query,
                targets.len(),
                if wrapped && targets.len() > 1 {
                    " (wrapped)"
                } else {
                    ""
                }
            ));
        }
    }

    /// A command while a list (notes, disagreements) is open: motions move the
    /// selection, Enter jumps, the list's own key, Esc or q closes it.
    fn list_command(&mut self, command: Command, reader: &Reader) {
        let page = self.nav.page_rows.saturating_sub(4);
        match (&mut self.overlay, command) {
            (_, Command::Close | Command::Quit)
            | (Some(Overlay::Notes(_)), Command::NoteList)
            | (Some(Overlay::Disagreements(_)), Command::Disagreements) => self.overlay = None,
            (Some(Overlay::Notes(p)), a) if Motion::of(a).is_some() => {
                p.motion(Motion::of(a).unwrap_or(Motion::First), page)
            }
            (Some(Overlay::Disagreements(p)), a) if Motion::of(a).is_some() => {
                p.motion(Motion::of(a).unwrap_or(Motion::First), page)
            }
            (Some(Overlay::Notes(p)), Command::Open) => {
                if let Some(n) = p.current().cloned() {
                    self.jump_to_note(&n, reader);
                }
            }
            (Some(Overlay::Disagreements(p)), Command::Open) => {
                if let Some(g) = p.current().map(|d| d.group) {
                    self.overlay = None;
                    self.read_group(g, reader);
                }
            }
            _ => {}
        }
    }

    fn open_disagreements(&mut self, reader: &Reader) {
        let rows = disagreements(reader);
        if rows.is_empty() {
            self.say("no disagreements: the sources agree on every number and quote");
            return;
        }
        // Start on the selected group's first disagreement, or the next one after it.
        let g = self.group(reader);
        let mut picker = Picker::new(rows);
        picker.selected = picker.rows.iter().position(|d| d.group == g).unwrap_or(0);
        self.overlay = Some(Overlay::Disagreements(picker));
    }

    fn open_note_list(&mut self, notes: &Notes) {
        if !notes.has_review() {
            self.warn("no review file: notes are off");
            return;
        }
        let rows = notes.list();
        if rows.is_empty() {
            self.say("no notes yet: m adds one to the selected passage");
            return;
        }
        self.overlay = Some(Overlay::Notes(Picker::new(rows)));
    }

    fn jump_to_note(&mut self, n: &ListedNote, reader: &Reader) {
        let Some(p) = n.passage else {
            self.warn("this note is detached: its words are no longer in the file");
            return;
        };
        self.overlay = None;
        let s = n.source;
        if self.view != ViewKind::Reading || s != self.nav.focus {
            self.scroll.top = self.tops[s].max(0) as usize;
        }
        self.view = ViewKind::Reading;
        self.nav.focus = s;
        self.nav.cursor[s] = p.min(reader.passages[s].len().saturating_sub(1));
        self.scroll.follow = true;
    }

    /// `m`: edits the note on the selected passage, or starts a new one.
    fn open_editor(&mut self, reader: &Reader, notes: &Notes) {
        if !notes.has_review() {
            self.warn("no review file: notes are off");
            return;
        }
        let g = self.group(reader);
        let source = self.nav.focus;
        let passage = match self.view {
            ViewKind::Reading => Some(self.nav.cursor[source]),
            _ => reader.passage_in(g, source),
        };
        let Some(passage) = passage else {
            self.warn(format!(
                "source {} lacks this passage: focus a pane that has it",
                source + 1
            ));
            return;
        };
        let Some(span) = notes.span(source, passage) else {
            self.warn("this passage cannot be traced back to the file's bytes");
            return;
        };
        let existing = notes.on(source, passage);
        if existing.len() > 1 {
            self.say(format!(
                "{} notes on this passage: editing the first (M lists them all)",
                existing.len()
            ));
        }
        let first = existing.first();
        let target = NoteTarget {
            source,
            passage,
            span,
            id: first.map(|n| n.id),
        };
        let text = first.map_or("", |n| n.text.as_str());
        self.overlay = Some(Overlay::Note(Editor::new(target, text)));
    }

    /// A key typed while the note editor is open.
    fn edit(&mut self, edit: NoteEdit, effects: &mut Vec<Effect>) {
        let Some(Overlay::Note(ed)) = &mut self.overlay else {
            return;
        };
        if ed.confirm_delete {
            ed.confirm_delete = false;
            match (edit, ed.target.id) {
                (NoteEdit::Confirm(true), Some(id)) => effects.push(Effect::DeleteNote(id)),
                (NoteEdit::Confirm(true), None) => {}
                _ => self.say("note kept: type to edit it, Esc to leave it as it was"),
            }
            return;
        }
        match edit {
            NoteEdit::Save => self.save_note(effects),
            NoteEdit::Cancel => {
                self.overlay = None;
                self.say("note not changed");
            }
            NoteEdit::Newline => ed.newline(),
            NoteEdit::Backspace => ed.backspace(),
            NoteEdit::Delete => ed.delete(),
            NoteEdit::Left => ed.left(),
            NoteEdit::Right => ed.right(),
            NoteEdit::Up => ed.up(),
            NoteEdit::Down => ed.down(),
            NoteEdit::Home => ed.home(),
            NoteEdit::End => ed.end(),
            NoteEdit::Clear => ed.clear(),
            NoteEdit::Insert(c) => ed.insert(c),
            // Only asked for while confirming, handled above.
            NoteEdit::Confirm(_) => {}
        }
    }

    /// Asks for the editor's text to be saved; the editor stays open until the
    /// outcome comes back (`Action::NoteSaved`), so a failure keeps the text.
    fn save_note(&mut self, effects: &mut Vec<Effect>) {
        let Some(Overlay::Note(ed)) = &mut self.overlay else {
            return;
        };
        if ed.text.trim().is_empty() {
            if ed.target.id.is_some() {
                ed.confirm_delete = true;
                self.warn("empty note: press y to delete it, any other key to keep editing");
            } else {
                self.overlay = None;
                self.say("empty note: nothing saved");
            }
            return;
        }
        let t = &ed.target;
        effects.push(Effect::SaveNote(NoteChange {
            source: t.source,
            span: t.span.clone(),
            id: t.id,
            text: ed.text.clone(),
        }));
    }

    fn note_saved(&mut self, result: Result<(), String>, notes: &Notes) {
        match result {
            Ok(()) => {
                if matches!(self.overlay, Some(Overlay::Note(_))) {
                    self.overlay = None;
                }
                let file = notes
                    .path()
                    .map_or(String::new(), |p| p.display().to_string());
                self.say(format!("note saved to {file}"));
            }
            Err(e) => self.warn(format!("note not saved: {e}")),
        }
    }
}

#[cfg(test)]
mod tests;
