//! Making untrusted text safe to show: no byte of an article may reach a terminal as a
//! control sequence. Control characters become visible placeholders; bidirectional
//! overrides and isolates are shown, not obeyed.

use std::borrow::Cow;

/// True for characters that must never be written raw to a terminal.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n'
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The visible stand-in for an unsafe character.
pub fn placeholder(c: char) -> Cow<'static, str> {
    match c {
        '\u{1b}' => Cow::Borrowed("␛"),
        '\t' => Cow::Borrowed(" "),
        '\r' => Cow::Borrowed("^M"),
        '\u{7f}' => Cow::Borrowed("␡"),
        '\0'..='\u{1f}' => Cow::Owned(
            char::from_u32(0x2400 + c as u32).map_or_else(|| "�".to_owned(), String::from),
        ),
        '\u{80}'..='\u{9f}' => Cow::Owned(format!("<U+{:04X}>", c as u32)),
        _ => Cow::Owned(format!("<U+{:04X}>", c as u32)),
    }
}

/// `s` with every unsafe character replaced by its placeholder (newlines kept).
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&placeholder(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` on one line: newlines and runs of whitespace become single spaces, then made visible.
pub fn one_line(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    visible(&joined).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_become_visible() {
        let s = visible("a\u{1b}]52;c;aGk=\u{7}b\u{202E}c\r\n");
        assert_eq!(s, "a␛]52;c;aGk=␇b<U+202E>c^M\n");
        assert!(!s.chars().any(is_unsafe));
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(visible("plain “text”"), Cow::Borrowed(_)));
    }
}
