//! Everything a key can ask the reader to do. The keymap TOML names these in
//! snake_case (`next_passage = ["j", "down"]`).

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    NextPassage,
    PrevPassage,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    First,
    Last,
    NextShared,
    PrevShared,
    NextUnique,
    PrevUnique,
    NextDisagreement,
    PrevDisagreement,
    ScrollDown,
    ScrollUp,
    FocusNext,
    FocusPrev,
    #[serde(rename = "focus_pane_1")]
    FocusPane1,
    #[serde(rename = "focus_pane_2")]
    FocusPane2,
    #[serde(rename = "focus_pane_3")]
    FocusPane3,
    #[serde(rename = "focus_pane_4")]
    FocusPane4,
    #[serde(rename = "focus_pane_5")]
    FocusPane5,
    #[serde(rename = "focus_pane_6")]
    FocusPane6,
    #[serde(rename = "focus_pane_7")]
    FocusPane7,
    #[serde(rename = "focus_pane_8")]
    FocusPane8,
    #[serde(rename = "focus_pane_9")]
    FocusPane9,
    MakePivot,
    CycleView,
    Open,
    Search,
    NextMatch,
    PrevMatch,
    CycleTheme,
    Note,
    NoteList,
    Disagreements,
    Help,
    Close,
    Quit,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub(crate) const ALL: [Action; 40] = [
        Action::NextPassage,
        Action::PrevPassage,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::First,
        Action::Last,
        Action::NextShared,
        Action::PrevShared,
        Action::NextUnique,
        Action::PrevUnique,
        Action::NextDisagreement,
        Action::PrevDisagreement,
        Action::ScrollDown,
        Action::ScrollUp,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusPane1,
        Action::FocusPane2,
        Action::FocusPane3,
        Action::FocusPane4,
        Action::FocusPane5,
        Action::FocusPane6,
        Action::FocusPane7,
        Action::FocusPane8,
        Action::FocusPane9,
        Action::MakePivot,
        Action::CycleView,
        Action::Open,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::CycleTheme,
        Action::Note,
        Action::NoteList,
        Action::Disagreements,
        Action::Help,
        Action::Close,
        Action::Quit,
    ];

    /// One line for the help overlay.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Action::NextPassage => "next passage",
            Action::PrevPassage => "previous passage",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::PageDown => "a page down",
            Action::PageUp => "a page up",
            Action::First => "first passage",
            Action::Last => "last passage",
            Action::NextShared => "next passage shared with another source",
            Action::PrevShared => "previous passage shared with another source",
            Action::NextUnique => "next passage only in the focused source",
            Action::PrevUnique => "previous passage only in the focused source",
            Action::NextDisagreement => "next disagreement (numbers, quotes)",
            Action::PrevDisagreement => "previous disagreement",
            Action::ScrollDown => "scroll down a line",
            Action::ScrollUp => "scroll up a line",
            Action::FocusNext => "focus the next pane",
            Action::FocusPrev => "focus the previous pane",
            Action::FocusPane1 => "focus pane 1",
            Action::FocusPane2 => "focus pane 2",
            Action::FocusPane3 => "focus pane 3",
            Action::FocusPane4 => "focus pane 4",
            Action::FocusPane5 => "focus pane 5",
            Action::FocusPane6 => "focus pane 6",
            Action::FocusPane7 => "focus pane 7",
            Action::FocusPane8 => "focus pane 8",
            Action::FocusPane9 => "focus pane 9",
            Action::MakePivot => "compare the others with the focused source",
            Action::CycleView => "cycle views: reading, aligned, coverage",
            Action::Open => "open the selected group in the reading view",
            Action::Search => "search the focused source",
            Action::NextMatch => "next search match",
            Action::PrevMatch => "previous search match",
            Action::CycleTheme => "cycle themes",
            Action::Note => "add or edit a note on the selected passage",
            Action::NoteList => "list all notes (Enter jumps to one)",
            Action::Disagreements => "list every disagreement (Enter jumps to it)",
            Action::Help => "show or hide this help",
            Action::Close => "close the overlay, clear the search",
            Action::Quit => "quit",
        }
    }

    /// The pane a `focus_pane_N` action jumps to (0-based).
    pub(crate) fn pane(self) -> Option<usize> {
        let n = match self {
            Action::FocusPane1 => 0,
            Action::FocusPane2 => 1,
            Action::FocusPane3 => 2,
            Action::FocusPane4 => 3,
            Action::FocusPane5 => 4,
            Action::FocusPane6 => 5,
            Action::FocusPane7 => 6,
            Action::FocusPane8 => 7,
            Action::FocusPane9 => 8,
            _ => return None,
        };
        Some(n)
    }

    /// The snake_case name used in the config file.
    pub(crate) fn name(self) -> String {
        let debug = format!("{self:?}");
        let mut out = String::new();
        for (i, c) in debug.chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            } else if c.is_ascii_digit() {
                out.push('_');
                out.push(c);
            } else {
                out.push(c);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde() {
        for a in Action::ALL {
            let back: Action = toml::Value::String(a.name()).try_into().unwrap();
            assert_eq!(back, a, "{}", a.name());
        }
        assert_eq!(Action::FocusPane3.name(), "focus_pane_3");
    }
}
