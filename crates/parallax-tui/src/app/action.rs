//! Everything that can happen to the reader, as data: [`Action`]s go into
//! [`App::apply`](super::App::apply), the one place the reader's state changes, and
//! [`Effect`]s come out for the session to carry out (the review file is written
//! there, never in `apply`).
//!
//! Keys become actions through the keymap ([`Command`]), or as text in the search
//! prompt ([`PromptEdit`]) and the note editor ([`NoteEdit`]). Inputs that depend on
//! what is on screen — a page motion in the reading view, a click — are resolved by
//! the session against the view before they become actions ([`PageTarget`],
//! [`Click`]), so `apply` needs no layout.

use std::ops::Range;

use super::Command;
use crate::key::{Code, Key};

/// One input to the reader, resolved to what it means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A command a key is bound to.
    Command(Command),
    /// A key bound to nothing (outside a pop-up, the status line says so).
    Unbound(Key),
    /// A page motion of the reading view, resolved against the layout on screen;
    /// `None` when the view is already at the end it moves to.
    PageTo(Option<PageTarget>),
    /// A left click on what the last frame showed at that cell.
    Click(Click),
    /// The mouse wheel, in lines (negative: up).
    Wheel(isize),
    /// A key typed in the search prompt.
    Prompt(PromptEdit),
    /// A key typed in the note editor.
    Edit(NoteEdit),
    /// How an [`Effect::SaveNote`] went: `Err` holds the reason.
    NoteSaved(Result<(), String>),
    /// How an [`Effect::DeleteNote`] went.
    NoteDeleted(Result<(), String>),
    /// Where the frame just drawn settled (scroll positions, body height), so that
    /// the next motion starts from what was on screen.
    Settled(Settle),
    /// A warning from outside the reader (a bad config value), for the status line.
    Warn(String),
}

/// What [`App::apply`](super::App::apply) asks the session to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the reader.
    Quit,
    /// Write a note into the review file; the outcome comes back as
    /// [`Action::NoteSaved`].
    SaveNote(NoteChange),
    /// Remove note `id` from the review file; the outcome comes back as
    /// [`Action::NoteDeleted`].
    DeleteNote(u64),
}

/// A note to write: a new one (`id: None`) or new text for note `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteChange {
    pub source: usize,
    /// The passage's bytes in its file (what the note is keyed by).
    pub span: Range<usize>,
    pub id: Option<u64>,
    pub text: String,
}

/// Where a page motion of the reading view lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageTarget {
    /// The passage the cursor moves to, in the focused source.
    pub passage: usize,
    /// The focused pane's new first line.
    pub top: usize,
}

/// What is under a clicked cell, as the last frame showed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Click {
    /// Nothing that answers a click (the header, no frame drawn yet).
    Outside,
    /// A pane's title: focuses its source.
    Title(usize),
    /// A line of a source's pane showing a passage.
    Passage { source: usize, passage: usize },
    /// A row of the aligned view (in a source's column) or of the coverage matrix.
    Row { source: Option<usize>, row: usize },
    /// A line of a source's pane that shows no passage.
    Pane(usize),
    /// Somewhere in the body that shows nothing to select.
    Blank,
}

/// What a key does in the search prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptEdit {
    Insert(char),
    /// Backspace: the last grapheme (a letter with its accents, an emoji) goes.
    DeleteGrapheme,
    /// Ctrl-w: the last word goes.
    DeleteWord,
    /// Ctrl-u: the whole query goes.
    Clear,
    /// Enter: search for the query.
    Accept,
    /// Esc: back to the search before the prompt opened.
    Cancel,
}

impl PromptEdit {
    /// The edit a key makes in the prompt; `None` for keys the prompt ignores.
    pub fn of(key: Key) -> Option<PromptEdit> {
        Some(match key.code {
            Code::Esc => PromptEdit::Cancel,
            Code::Enter => PromptEdit::Accept,
            Code::Backspace => PromptEdit::DeleteGrapheme,
            Code::Char('u') if key.ctrl => PromptEdit::Clear,
            Code::Char('w') if key.ctrl => PromptEdit::DeleteWord,
            Code::Char(c) if !key.ctrl && !key.alt && !c.is_control() => PromptEdit::Insert(c),
            _ => return None,
        })
    }
}

/// What a key does in the note editor. Text keys never go through the keymap:
/// every printable character is text here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteEdit {
    Insert(char),
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    /// Ctrl-u: the whole text goes.
    Clear,
    /// Ctrl-s, Ctrl-Enter or Alt-Enter.
    Save,
    /// Esc: leave the note as it was.
    Cancel,
    /// The answer to "delete this empty note?": `true` for y.
    Confirm(bool),
}

impl NoteEdit {
    /// The edit a key makes; `confirming` when the editor waits for the answer to
    /// "delete this empty note?" (any key answers it). `None` for ignored keys.
    pub fn of(key: Key, confirming: bool) -> Option<NoteEdit> {
        if confirming {
            return Some(NoteEdit::Confirm(key == Key::ch('y')));
        }
        Some(match key.code {
            Code::Char('s') if key.ctrl => NoteEdit::Save,
            Code::Enter if key.ctrl || key.alt => NoteEdit::Save,
            Code::Esc => NoteEdit::Cancel,
            Code::Enter => NoteEdit::Newline,
            Code::Backspace => NoteEdit::Backspace,
            Code::Delete => NoteEdit::Delete,
            Code::Left => NoteEdit::Left,
            Code::Right => NoteEdit::Right,
            Code::Up => NoteEdit::Up,
            Code::Down => NoteEdit::Down,
            Code::Home => NoteEdit::Home,
            Code::End => NoteEdit::End,
            Code::Char('a') if key.ctrl => NoteEdit::Home,
            Code::Char('e') if key.ctrl => NoteEdit::End,
            Code::Char('u') if key.ctrl => NoteEdit::Clear,
            Code::Tab => NoteEdit::Insert(' '),
            Code::Char(c) if !key.ctrl && !key.alt && !c.is_control() => NoteEdit::Insert(c),
            _ => return None,
        })
    }
}

/// Scroll positions a frame settled on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settle {
    /// The focused pane's first line (reading) or the first row (aligned, coverage).
    pub(crate) top: usize,
    /// (source, first line) of each visible pane in the reading view.
    pub(crate) tops: Vec<(usize, isize)>,
    /// Rows under the header, status line excluded.
    pub(crate) body_rows: usize,
}
