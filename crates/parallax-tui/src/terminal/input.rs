//! Terminal events → the reader's own key type.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::key::{Code, Key};

pub(crate) fn key(ev: KeyEvent) -> Option<Key> {
    let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
    let code = match ev.code {
        KeyCode::Char(c) => Code::Char(c),
        KeyCode::Up => Code::Up,
        KeyCode::Down => Code::Down,
        KeyCode::Left => Code::Left,
        KeyCode::Right => Code::Right,
        KeyCode::PageUp => Code::PageUp,
        KeyCode::PageDown => Code::PageDown,
        KeyCode::Home => Code::Home,
        KeyCode::End => Code::End,
        KeyCode::Tab if shift => Code::BackTab,
        KeyCode::Tab => Code::Tab,
        KeyCode::BackTab => Code::BackTab,
        KeyCode::Enter => Code::Enter,
        KeyCode::Esc => Code::Esc,
        KeyCode::Backspace => Code::Backspace,
        KeyCode::Delete => Code::Delete,
        KeyCode::F(n) => Code::F(n),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        alt: ev.modifiers.contains(KeyModifiers::ALT),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_is_folded_into_characters_and_tab() {
        let k = key(KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT)).unwrap();
        assert_eq!(k, Key::ch('G'));
        let k = key(KeyEvent::new(KeyCode::Tab, KeyModifiers::SHIFT)).unwrap();
        assert_eq!(k.code, Code::BackTab);
        let k = key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL)).unwrap();
        assert_eq!(k, Key::ctrl('d'));
    }
}
