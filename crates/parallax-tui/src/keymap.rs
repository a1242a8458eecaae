//! Key bindings: a key (written as in the config file: `j`, `ctrl-d`, `shift-tab`,
//! `pgdn`) maps to one [`Command`]. The defaults follow the issue; the `[keys]` table
//! of the config file replaces an action's default keys, and a key bound to two
//! actions is rejected with an error naming both.
//!
//! Terminal-free: the terminal layer converts its key events into [`Key`].

use std::collections::BTreeMap;

use crate::app::Command;
use crate::key::{Code, Key};

/// Why a set of bindings was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeymapError {
    #[error("key {key} is bound to both {first} and {second}; rebind one of them")]
    Conflict {
        key: String,
        first: String,
        second: String,
    },
}

/// The bindings in force: every key maps to at most one action.
#[derive(Debug, Clone)]
pub struct Keymap {
    by_key: BTreeMap<Key, Command>,
    /// Each action's keys in the order they were given (the first is shown in hints).
    by_action: BTreeMap<Command, Vec<Key>>,
}

/// The default keys of each action.
pub(crate) fn defaults() -> Vec<(Command, Vec<Key>)> {
    use Code as C;
    use Command as A;
    let p = Key::plain;
    let c = Key::ch;
    vec![
        (A::NextPassage, vec![c('j'), p(C::Down)]),
        (A::PrevPassage, vec![c('k'), p(C::Up)]),
        (A::HalfPageDown, vec![Key::ctrl('d')]),
        (A::HalfPageUp, vec![Key::ctrl('u')]),
        (A::PageDown, vec![p(C::PageDown), c(' '), Key::ctrl('f')]),
        (A::PageUp, vec![p(C::PageUp), Key::ctrl('b')]),
        (A::First, vec![c('g'), p(C::Home)]),
        (A::Last, vec![c('G'), p(C::End)]),
        (A::NextShared, vec![c(']')]),
        (A::PrevShared, vec![c('[')]),
        (A::NextUnique, vec![c('}')]),
        (A::PrevUnique, vec![c('{')]),
        (A::NextDisagreement, vec![c('D')]),
        (A::PrevDisagreement, vec![c('U')]),
        (A::ScrollDown, vec![Key::ctrl('e')]),
        (A::ScrollUp, vec![Key::ctrl('y')]),
        (A::FocusNext, vec![p(C::Tab), c('l'), p(C::Right)]),
        (A::FocusPrev, vec![p(C::BackTab), c('h'), p(C::Left)]),
        (A::FocusPane1, vec![c('1')]),
        (A::FocusPane2, vec![c('2')]),
        (A::FocusPane3, vec![c('3')]),
        (A::FocusPane4, vec![c('4')]),
        (A::FocusPane5, vec![c('5')]),
        (A::FocusPane6, vec![c('6')]),
        (A::FocusPane7, vec![c('7')]),
        (A::FocusPane8, vec![c('8')]),
        (A::FocusPane9, vec![c('9')]),
        (A::MakePivot, vec![c('p')]),
        (A::CycleView, vec![c('v')]),
        (A::Open, vec![p(C::Enter)]),
        (A::Search, vec![c('/')]),
        (A::NextMatch, vec![c('n')]),
        (A::PrevMatch, vec![c('N')]),
        (A::CycleTheme, vec![c('t')]),
        (A::Note, vec![c('m')]),
        (A::NoteList, vec![c('M')]),
        (A::Disagreements, vec![c('x')]),
        (A::Help, vec![c('?'), p(C::F(1))]),
        (A::Close, vec![p(C::Esc)]),
        (A::Quit, vec![c('q'), Key::ctrl('c')]),
    ]
}

impl Default for Keymap {
    fn default() -> Self {
        Self::with_overrides(&BTreeMap::new()).unwrap_or_else(|_| Keymap {
            by_key: BTreeMap::new(),
            by_action: BTreeMap::new(),
        })
    }
}

impl Keymap {
    /// The defaults with some actions' keys replaced; an empty list unbinds an action.
    pub fn with_overrides(overrides: &BTreeMap<Command, Vec<Key>>) -> Result<Keymap, KeymapError> {
        let mut by_key: BTreeMap<Key, Command> = BTreeMap::new();
        let mut by_action: BTreeMap<Command, Vec<Key>> = BTreeMap::new();
        for (action, keys) in defaults() {
            let keys = overrides.get(&action).unwrap_or(&keys);
            by_action.insert(action, keys.clone());
            for &key in keys {
                if let Some(&other) = by_key.get(&key)
                    && other != action
                {
                    return Err(KeymapError::Conflict {
                        key: key.to_string(),
                        first: other.name(),
                        second: action.name(),
                    });
                }
                by_key.insert(key, action);
            }
        }
        Ok(Keymap { by_key, by_action })
    }

    pub(crate) fn action(&self, key: Key) -> Option<Command> {
        self.by_key.get(&key).copied()
    }

    /// The keys bound to `action`, in a stable order.
    pub(crate) fn keys_of(&self, action: Command) -> Vec<Key> {
        let mut keys = self.by_action.get(&action).cloned().unwrap_or_default();
        keys.dedup();
        keys
    }

    /// The keys of `action` as shown to users ("j ↓").
    pub(crate) fn label(&self, action: Command) -> String {
        self.keys_of(action)
            .iter()
            .map(Key::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_issue() {
        let k = Keymap::default();
        assert_eq!(k.action(Key::ch(']')), Some(Command::NextShared));
        assert_eq!(k.action(Key::ch('}')), Some(Command::NextUnique));
        assert_eq!(k.action(Key::ctrl('d')), Some(Command::HalfPageDown));
        assert_eq!(
            k.action(Key::plain(Code::BackTab)),
            Some(Command::FocusPrev)
        );
        assert_eq!(k.action(Key::ch('q')), Some(Command::Quit));
        assert_eq!(k.action(Key::ch('x')), Some(Command::Disagreements));
        assert_eq!(k.action(Key::ch('m')), Some(Command::Note));
        assert_eq!(k.action(Key::ch('M')), Some(Command::NoteList));
        assert_eq!(k.action(Key::ch('z')), None);
    }

    #[test]
    fn overriding_replaces_an_actions_keys() {
        let mut o = BTreeMap::new();
        o.insert(Command::NextPassage, vec![Key::ch('J')]);
        let k = Keymap::with_overrides(&o).unwrap();
        assert_eq!(k.action(Key::ch('J')), Some(Command::NextPassage));
        assert_eq!(k.action(Key::ch('j')), None);
    }

    #[test]
    fn conflicting_bindings_are_rejected_naming_both_actions() {
        let mut o = BTreeMap::new();
        o.insert(Command::FocusNext, vec![Key::ch('j')]);
        let err = Keymap::with_overrides(&o).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("next_passage") && msg.contains("focus_next") && msg.contains("key j"),
            "{msg}"
        );
    }
}
