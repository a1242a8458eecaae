//! Navigation: the focused source, the pivot, a cursor per source (a passage) and
//! the selected row of the row views; motions move them.

use super::{Command, Reader};

/// Which way a motion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    Forward,
    Back,
}

/// A cursor motion, independent of the view it moves in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Motion {
    Step(Dir),
    /// A whole (`true`) or half page; resolved with the layout in the reading view.
    Page(Dir, bool),
    First,
    Last,
    Shared(Dir),
    Unique(Dir),
    Disagreement(Dir),
}

impl Motion {
    pub(crate) fn of(action: Command) -> Option<Motion> {
        use Dir::{Back, Forward};
        Some(match action {
            Command::NextPassage => Motion::Step(Forward),
            Command::PrevPassage => Motion::Step(Back),
            Command::PageDown => Motion::Page(Forward, true),
            Command::PageUp => Motion::Page(Back, true),
            Command::HalfPageDown => Motion::Page(Forward, false),
            Command::HalfPageUp => Motion::Page(Back, false),
            Command::First => Motion::First,
            Command::Last => Motion::Last,
            Command::NextShared => Motion::Shared(Forward),
            Command::PrevShared => Motion::Shared(Back),
            Command::NextUnique => Motion::Unique(Forward),
            Command::PrevUnique => Motion::Unique(Back),
            Command::NextDisagreement => Motion::Disagreement(Forward),
            Command::PrevDisagreement => Motion::Disagreement(Back),
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nav {
    pub focus: usize,
    /// The source whose wording the others are compared with.
    pub pivot: usize,
    /// `cursor[source]`: the selected passage in each source (kept when focus moves).
    pub cursor: Vec<usize>,
    /// The selected row of the aligned and coverage views.
    pub(crate) row: usize,
    /// Rows a page motion moves in the row views (the body height last drawn).
    pub(crate) page_rows: usize,
}

impl Nav {
    pub(crate) fn new(sources: usize, pivot: usize) -> Nav {
        Nav {
            focus: pivot,
            pivot,
            cursor: vec![0; sources],
            row: 0,
            page_rows: 10,
        }
    }

    /// The group of the cursor passage in the focused source.
    pub(crate) fn group(&self, reader: &Reader) -> usize {
        reader.passages[self.focus]
            .get(self.cursor[self.focus])
            .map_or(0, |p| p.group)
    }

    /// Moves the reading cursor; false if it could not move.
    pub(crate) fn move_passage(&mut self, motion: Motion, reader: &Reader) -> bool {
        let f = self.focus;
        let passages = &reader.passages[f];
        let at = self.cursor[f];
        let last = passages.len().saturating_sub(1);
        let find = |dir: Dir, want: &dyn Fn(usize) -> bool| -> Option<usize> {
            match dir {
                Dir::Forward => (at + 1..passages.len()).find(|&p| want(passages[p].group)),
                Dir::Back => (0..at).rev().find(|&p| want(passages[p].group)),
            }
        };
        let to = match motion {
            Motion::Step(Dir::Forward) => Some((at + 1).min(last)),
            Motion::Step(Dir::Back) => Some(at.saturating_sub(1)),
            // Without a layout, a page is a page of passages.
            Motion::Page(Dir::Forward, whole) => Some((at + self.page_passages(whole)).min(last)),
            Motion::Page(Dir::Back, whole) => Some(at.saturating_sub(self.page_passages(whole))),
            Motion::First => Some(0),
            Motion::Last => Some(last),
            Motion::Shared(d) => find(d, &|g| reader.is_shared(g)),
            Motion::Unique(d) => find(d, &|g| !reader.is_shared(g)),
            Motion::Disagreement(d) => find(d, &|g| reader.has_disagreement(g, self.pivot)),
        };
        match to {
            Some(p) if p != at => {
                self.cursor[f] = p;
                true
            }
            _ => false,
        }
    }

    fn page_passages(&self, whole: bool) -> usize {
        let rows = if whole {
            self.page_rows
        } else {
            self.page_rows / 2
        };
        (rows / 3).max(1)
    }

    /// Moves the row cursor of the row views; false if it could not move.
    pub(crate) fn move_row(&mut self, motion: Motion, reader: &Reader) -> bool {
        let order = reader.order(self.focus);
        let rows = &order.rows;
        let at = self.row;
        let last = rows.len().saturating_sub(1);
        let page = |whole: bool| {
            if whole {
                self.page_rows.max(1)
            } else {
                (self.page_rows / 2).max(1)
            }
        };
        let find = |dir: Dir, want: &dyn Fn(usize) -> bool| -> Option<usize> {
            match dir {
                Dir::Forward => (at + 1..rows.len()).find(|&r| want(rows[r])),
                Dir::Back => (0..at).rev().find(|&r| want(rows[r])),
            }
        };
        let focus = self.focus;
        let to = match motion {
            Motion::Step(Dir::Forward) => Some((at + 1).min(last)),
            Motion::Step(Dir::Back) => Some(at.saturating_sub(1)),
            Motion::Page(Dir::Forward, whole) => Some((at + page(whole)).min(last)),
            Motion::Page(Dir::Back, whole) => Some(at.saturating_sub(page(whole))),
            Motion::First => Some(0),
            Motion::Last => Some(last),
            Motion::Shared(d) => find(d, &|g| reader.is_shared(g)),
            Motion::Unique(d) => find(d, &|g| reader.sources_of(g) == [focus]),
            Motion::Disagreement(d) => find(d, &|g| reader.has_disagreement(g, self.pivot)),
        };
        match to {
            Some(r) if r != at => {
                self.row = r;
                true
            }
            _ => false,
        }
    }

    /// Puts the reading cursor on `group` in the focused source, or, when the focused
    /// source lacks it, on the nearest passage that follows it in the row order.
    pub(crate) fn select_group_near(&mut self, group: usize, reader: &Reader) {
        let f = self.focus;
        if let Some(p) = reader.passage_in(group, f) {
            self.cursor[f] = p;
            return;
        }
        let order = reader.order(f);
        let next = order.rows[order.row_of[group]..]
            .iter()
            .find_map(|&g| reader.passage_in(g, f));
        let prev = || {
            order.rows[..order.row_of[group]]
                .iter()
                .rev()
                .find_map(|&g| reader.passage_in(g, f))
        };
        if let Some(p) = next.or_else(prev) {
            self.cursor[f] = p;
        }
    }
}
