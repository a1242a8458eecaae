//! The reader's own key type: what a key press is, independent of any terminal
//! library (the terminal layer converts its events into [`Key`]), written and parsed
//! as in the config file (`j`, `ctrl-d`, `shift-tab`, `pgdn`).

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    BackTab,
    Enter,
    Esc,
    Backspace,
    Delete,
    F(u8),
}

/// A key press. Shift is part of the character (`G`, `?`), so only Ctrl and Alt are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: Code) -> Self {
        Self {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ch(c: char) -> Self {
        Self::plain(Code::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Self {
            code: Code::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Parses a key as written in the config file.
    pub(crate) fn parse(s: &str) -> Result<Key, String> {
        if s.chars().count() == 1 {
            return Ok(Key::ch(s.chars().next().unwrap_or(' ')));
        }
        let lower = s.to_ascii_lowercase();
        let mut parts: Vec<&str> = lower.split('-').collect();
        // "ctrl--" would split into empty parts: the key itself is "-".
        let last = if lower.ends_with("--") {
            parts.truncate(parts.len() - 2);
            "-".to_owned()
        } else {
            parts.pop().unwrap_or_default().to_owned()
        };
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        for m in parts {
            match m {
                "ctrl" | "c" | "control" => ctrl = true,
                "alt" | "a" | "meta" | "m" => alt = true,
                "shift" | "s" => shift = true,
                _ => return Err(format!("unknown modifier {m:?} in key {s:?}")),
            }
        }
        let code = match last.as_str() {
            "up" => Code::Up,
            "down" => Code::Down,
            "left" => Code::Left,
            "right" => Code::Right,
            "pgup" | "pageup" => Code::PageUp,
            "pgdn" | "pgdown" | "pagedown" => Code::PageDown,
            "home" => Code::Home,
            "end" => Code::End,
            "tab" if shift => Code::BackTab,
            "tab" => Code::Tab,
            "backtab" => Code::BackTab,
            "enter" | "return" | "ret" => Code::Enter,
            "esc" | "escape" => Code::Esc,
            "backspace" | "bs" => Code::Backspace,
            "delete" | "del" => Code::Delete,
            "space" => Code::Char(' '),
            "minus" => Code::Char('-'),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
            {
                Code::F(f[1..].parse().unwrap_or(1))
            }
            one if one.chars().count() == 1 => {
                // Keep the case the user wrote ("ctrl-G" is rare but "G" matters).
                let orig = s.rsplit('-').next().unwrap_or(one);
                let c = orig.chars().next().unwrap_or(' ');
                Code::Char(if shift { c.to_ascii_uppercase() } else { c })
            }
            _ => return Err(format!("unknown key {s:?}")),
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            Code::Char(' ') => f.write_str("Space"),
            Code::Char(c) => write!(f, "{c}"),
            Code::Up => f.write_str("↑"),
            Code::Down => f.write_str("↓"),
            Code::Left => f.write_str("←"),
            Code::Right => f.write_str("→"),
            Code::PageUp => f.write_str("PgUp"),
            Code::PageDown => f.write_str("PgDn"),
            Code::Home => f.write_str("Home"),
            Code::End => f.write_str("End"),
            Code::Tab => f.write_str("Tab"),
            Code::BackTab => f.write_str("Shift-Tab"),
            Code::Enter => f.write_str("Enter"),
            Code::Esc => f.write_str("Esc"),
            Code::Backspace => f.write_str("Backspace"),
            Code::Delete => f.write_str("Delete"),
            Code::F(n) => write!(f, "F{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_key_notation() {
        assert_eq!(Key::parse("j"), Ok(Key::ch('j')));
        assert_eq!(Key::parse("G"), Ok(Key::ch('G')));
        assert_eq!(Key::parse("ctrl-d"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("shift-tab"), Ok(Key::plain(Code::BackTab)));
        assert_eq!(Key::parse("PgDn"), Ok(Key::plain(Code::PageDown)));
        assert_eq!(Key::parse("space"), Ok(Key::ch(' ')));
        assert_eq!(Key::parse("f1"), Ok(Key::plain(Code::F(1))));
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("nonsense").is_err());
    }
}
