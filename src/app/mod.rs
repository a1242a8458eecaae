//! The reader's state and what actions do to it — no terminal types here, so the
//! whole app can be driven and checked in tests.
//!
//! [`App`] holds a few small parts: [`Nav`] (focus, pivot, cursors), [`Scroll`],
//! the open [`Overlay`], the [`Search`], and the last message.

mod action;
mod nav;
mod reader;
mod search;

pub use action::Action;
pub use nav::{Dir, Motion, Nav};
pub use reader::{Order, Passage, Reader};
pub use search::{Search, find_all};

use crate::keymap::{Code, Key};

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
    pub const NAMES: [&'static str; 3] = ["reading", "aligned", "coverage"];

    pub fn parse(s: &str) -> Option<ViewKind> {
        match s.to_ascii_lowercase().as_str() {
            "reading" | "read" => Some(ViewKind::Reading),
            "aligned" | "align" => Some(ViewKind::Aligned),
            "coverage" | "overview" => Some(ViewKind::Coverage),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
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
pub struct Scroll {
    /// First line (reading) or row (aligned, coverage) on screen.
    pub top: usize,
    /// Keep the cursor on screen; off after the user scrolls by hand.
    pub follow: bool,
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
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub warning: bool,
}

pub struct App {
    pub nav: Nav,
    pub view: ViewKind,
    pub scroll: Scroll,
    /// Each pane's first line as last drawn, so a newly focused pane does not jump.
    pub tops: Vec<isize>,
    pub overlay: Option<Overlay>,
    pub search: Search,
    /// Theme names, and the one in use.
    pub themes: Vec<String>,
    pub theme: usize,
    pub message: Option<Message>,
    pub quit: bool,
}

impl App {
    pub fn new(
        reader: &Reader,
        pivot: usize,
        view: ViewKind,
        themes: Vec<String>,
        theme: usize,
    ) -> App {
        let n = reader.source_count();
        App {
            nav: Nav::new(n, pivot.min(n.saturating_sub(1))),
            view,
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
            quit: false,
        }
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            warning: false,
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
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

    /// Does what `action` asks. Page motions in the reading view need the layout and
    /// are resolved by the caller (see `view::reading::page_target`).
    pub fn apply(&mut self, action: Action, reader: &Reader) {
        if !matches!(action, Action::CycleTheme | Action::MakePivot) {
            self.message = None;
        }
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
            match action {
                Action::NextPassage | Action::ScrollDown => *scroll += 1,
                Action::PrevPassage | Action::ScrollUp => *scroll = scroll.saturating_sub(1),
                Action::PageDown | Action::HalfPageDown => *scroll += 10,
                Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(10),
                Action::First => *scroll = 0,
                Action::Quit => self.quit = true,
                _ => self.overlay = None,
            }
            return;
        }
        if let Some(motion) = Motion::of(action) {
            self.motion(motion, reader);
            return;
        }
        if let Some(pane) = action.pane() {
            if pane < reader.source_count() {
                self.focus(pane, reader);
            } else {
                self.warn(format!("there is no pane {}", pane + 1));
            }
            return;
        }
        match action {
            Action::FocusNext => self.focus((self.nav.focus + 1) % reader.source_count(), reader),
            Action::FocusPrev => {
                let n = reader.source_count();
                self.focus((self.nav.focus + n - 1) % n, reader);
            }
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::MakePivot => {
                self.nav.pivot = self.nav.focus;
                self.say(format!(
                    "pivot: source {} — the others are compared with it",
                    self.nav.focus + 1
                ));
            }
            Action::CycleView => self.set_view(self.view.next(), reader),
            Action::Open => self.open(reader),
            Action::Search => {
                self.overlay = Some(Overlay::Search {
                    draft: String::new(),
                    previous: self.search.query.clone(),
                })
            }
            Action::NextMatch => self.next_match(reader, true),
            Action::PrevMatch => self.next_match(reader, false),
            Action::CycleTheme => {
                if self.themes.len() <= 1 {
                    self.say("only one theme available (NO_COLOR is set, or no colours)");
                } else {
                    self.theme = (self.theme + 1) % self.themes.len();
                    self.say(format!("theme: {}", self.themes[self.theme]));
                }
            }
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Close => self.search.clear(),
            Action::Quit => self.quit = true,
            // Motions and pane jumps were handled above.
            _ => {}
        }
    }

    /// A key typed while the search prompt is open.
    pub fn prompt_key(&mut self, key: Key, reader: &Reader) {
        let Some(Overlay::Search { draft, previous }) = &mut self.overlay else {
            return;
        };
        match key.code {
            Code::Esc => {
                let previous = std::mem::take(previous);
                self.overlay = None;
                self.set_search(&previous, reader);
                return;
            }
            Code::Enter => {
                let q = std::mem::take(draft);
                self.overlay = None;
                self.set_search(&q, reader);
                if !q.is_empty() {
                    self.next_match(reader, true);
                }
                return;
            }
            Code::Backspace => {
                draft.pop();
            }
            Code::Char('u') if key.ctrl => draft.clear(),
            Code::Char('w') if key.ctrl => {
                let keep = draft.trim_end().rfind(' ').map_or(0, |i| i + 1);
                draft.truncate(keep);
            }
            Code::Char(c) if !key.ctrl && !key.alt && !c.is_control() => draft.push(c),
            _ => {}
        }
        // Highlight as the user types.
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
    pub fn scroll_by(&mut self, lines: isize) {
        self.scroll.top = self.scroll.top.saturating_add_signed(lines);
        self.scroll.follow = false;
    }

    /// Moves the focus to `source`, carrying the selected group along when it has it.
    pub fn focus(&mut self, source: usize, reader: &Reader) {
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

    pub fn set_view(&mut self, view: ViewKind, reader: &Reader) {
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
        let g = self.group(reader);
        if reader.passage_in(g, self.nav.focus).is_none()
            && let Some(&(s, _)) = reader.members[g].first()
        {
            self.nav.focus = s;
        }
        self.view = ViewKind::Reading;
        self.scroll = Scroll {
            top: 0,
            follow: true,
        };
        self.nav.select_group_near(g, reader);
    }

    /// Selects a passage by mouse.
    pub fn select_passage(&mut self, source: usize, passage: usize, reader: &Reader) {
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
    pub fn select_row(&mut self, row: usize, reader: &Reader) {
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
}
