//! What a key can be bound to. The config file's `[keys]` table names these
//! actions in snake_case (`next_passage = ["j", "down"]`); a key press bound to one
//! reaches the app as `Action::Command`.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
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

impl Command {
    /// Every action, in the order the help overlay lists them.
    pub(crate) const ALL: [Command; 40] = [
        Command::NextPassage,
        Command::PrevPassage,
        Command::HalfPageDown,
        Command::HalfPageUp,
        Command::PageDown,
        Command::PageUp,
        Command::First,
        Command::Last,
        Command::NextShared,
        Command::PrevShared,
        Command::NextUnique,
        Command::PrevUnique,
        Command::NextDisagreement,
        Command::PrevDisagreement,
        Command::ScrollDown,
        Command::ScrollUp,
        Command::FocusNext,
        Command::FocusPrev,
        Command::FocusPane1,
        Command::FocusPane2,
        Command::FocusPane3,
        Command::FocusPane4,
        Command::FocusPane5,
        Command::FocusPane6,
        Command::FocusPane7,
        Command::FocusPane8,
        Command::FocusPane9,
        Command::MakePivot,
        Command::CycleView,
        Command::Open,
        Command::Search,
        Command::NextMatch,
        Command::PrevMatch,
        Command::CycleTheme,
        Command::Note,
        Command::NoteList,
        Command::Disagreements,
        Command::Help,
        Command::Close,
        Command::Quit,
    ];

    /// One line for the help overlay.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Command::NextPassage => "next passage",
            Command::PrevPassage => "previous passage",
            Command::HalfPageDown => "half a page down",
            Command::HalfPageUp => "half a page up",
            Command::PageDown => "a page down",
            Command::PageUp => "a page up",
            Command::First => "first passage",
            Command::Last => "last passage",
            Command::NextShared => "next passage shared with another source",
            Command::PrevShared => "previous passage shared with another source",
            Command::NextUnique => "next passage only in the focused source",
            Command::PrevUnique => "previous passage only in the focused source",
            Command::NextDisagreement => "next disagreement (numbers, quotes)",
            Command::PrevDisagreement => "previous disagreement",
            Command::ScrollDown => "scroll down a line",
            Command::ScrollUp => "scroll up a line",
            Command::FocusNext => "focus the next pane",
            Command::FocusPrev => "focus the previous pane",
            Command::FocusPane1 => "focus pane 1",
            Command::FocusPane2 => "focus pane 2",
            Command::FocusPane3 => "focus pane 3",
            Command::FocusPane4 => "focus pane 4",
            Command::FocusPane5 => "focus pane 5",
            Command::FocusPane6 => "focus pane 6",
            Command::FocusPane7 => "focus pane 7",
            Command::FocusPane8 => "focus pane 8",
            Command::FocusPane9 => "focus pane 9",
            Command::MakePivot => "compare the others with the focused source",
            Command::CycleView => "cycle views: reading, aligned, coverage",
            Command::Open => "open the selected group in the reading view",
            Command::Search => "search the focused source",
            Command::NextMatch => "next search match",
            Command::PrevMatch => "previous search match",
            Command::CycleTheme => "cycle themes",
            Command::Note => "add or edit a note on the selected passage",
            Command::NoteList => "list all notes (Enter jumps to one)",
            Command::Disagreements => "list every disagreement (Enter jumps to it)",
            Command::Help => "show or hide this help",
            Command::Close => "close the pop-up, clear the search",
            Command::Quit => "quit (in a pop-up: close it)",
        }
    }

    /// The pane a `focus_pane_N` action jumps to (0-based).
    pub(crate) fn pane(self) -> Option<usize> {
        let n = match self {
            Command::FocusPane1 => 0,
            Command::FocusPane2 => 1,
            Command::FocusPane3 => 2,
            Command::FocusPane4 => 3,
            Command::FocusPane5 => 4,
            Command::FocusPane6 => 5,
            Command::FocusPane7 => 6,
            Command::FocusPane8 => 7,
            Command::FocusPane9 => 8,
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
        for a in Command::ALL {
            let back: Command = toml::Value::String(a.name()).try_into().unwrap();
            assert_eq!(back, a, "{}", a.name());
        }
        assert_eq!(Command::FocusPane3.name(), "focus_pane_3");
    }
}
