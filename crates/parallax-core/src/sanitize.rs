//! Making untrusted text safe to show: no byte of an article may reach a terminal as a
//! control sequence.
//!
//! Every C0 control (ESC, BEL, backspace, CR, …), DEL and every C1 control (U+0080–
//! U+009F: 8-bit CSI, OSC, DCS, which some terminals obey even UTF-8 encoded) becomes
//! a visible placeholder, so ESC/CSI/OSC sequences — OSC 52 clipboard writes, OSC 8
//! links, title changes — arrive as harmless text such as `␛]52;c;…`. Bidirectional
//! embeddings, overrides, isolates and marks are shown as `<U+202E>`, not obeyed, so
//! text cannot reorder what is drawn after it. Line and paragraph separators are
//! shown too: they would break line accounting. Newlines are kept (callers that need
//! one line use [`one_line`]); a CR directly before LF is a Windows line end, not
//! overprinting, and goes.

use std::borrow::Cow;

/// True for characters that must never be written raw to a terminal.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' || is_bidi(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Bidirectional formatting characters (embeddings, overrides, isolates, marks).
pub(crate) fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// True when `s` holds an unsafe character. ASCII is checked byte by byte and only
/// other characters are decoded: reports are megabytes of mostly ASCII.
fn has_unsafe(s: &str) -> bool {
    let bytes = s.as_bytes();
    let safe_ascii = |b: u8| (0x20..0x7f).contains(&b) || b == b'\n';
    let mut i = 0;
    while i < bytes.len() {
        // Whole blocks of safe ASCII at once (no early exit inside, so it vectorises).
        while let Some(block) = bytes.get(i..i + 32)
            && block.iter().fold(true, |ok, &b| ok & safe_ascii(b))
        {
            i += 32;
        }
        let Some(&b) = bytes.get(i) else { break };
        if b.is_ascii() {
            if !safe_ascii(b) {
                return true;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("i is on a character boundary");
            if is_unsafe(c) {
                return true;
            }
            i += c.len_utf8();
        }
    }
    false
}

/// The visible stand-in for an unsafe character.
pub(crate) fn placeholder(c: char) -> Cow<'static, str> {
    match c {
        '\u{1b}' => Cow::Borrowed("␛"),
        '\t' => Cow::Borrowed(" "),
        '\r' => Cow::Borrowed("^M"),
        '\u{7f}' => Cow::Borrowed("␡"),
        '\0'..='\u{1f}' => Cow::Owned(
            char::from_u32(0x2400 + c as u32).map_or_else(|| "\u{FFFD}".to_owned(), String::from),
        ),
        _ => Cow::Owned(format!("<U+{:04X}>", c as u32)),
    }
}

/// `s` with every unsafe character replaced by its placeholder (newlines kept).
pub fn visible(s: &str) -> Cow<'_, str> {
    if !has_unsafe(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if is_unsafe(c) {
            out.push_str(&placeholder(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` on one line: line ends, tabs and runs of spaces become single spaces; a lone CR
/// (overprinting) and other control whitespace stay visible as placeholders.
pub fn one_line(s: &str) -> String {
    let s = s.replace("\r\n", "\n");
    let breaks = |c: char| c == '\n' || c == '\t' || (c.is_whitespace() && !c.is_control());
    let joined = s
        .split(breaks)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    visible(&joined).into_owned()
}

/// A file name or path for messages and titles: one line, nothing a terminal obeys.
pub fn path(p: &std::path::Path) -> String {
    one_line(&p.to_string_lossy())
}

/// JSON text with the characters serde_json leaves raw (DEL, C1 controls, bidi
/// formatting, line separators) written as `\uXXXX` escapes: the same JSON value,
/// safe to print to a terminal. Only valid on JSON, where such characters can only
/// occur inside strings.
pub(crate) fn json(s: &str) -> Cow<'_, str> {
    // `is_unsafe` is false for '\n'.
    if !has_unsafe(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if c != '\n' && is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_become_visible() {
        let s = visible("a\u{1b}]52;c;aGk=\u{7}b\u{202E}c\r\nd\re\u{8}f\u{9b}31m\u{2067}");
        assert_eq!(s, "a␛]52;c;aGk=␇b<U+202E>c\nd^Me␈f<U+009B>31m<U+2067>");
        assert!(!s.chars().any(is_unsafe));
    }

    #[test]
    fn osc8_links_and_title_changes_lose_their_escape() {
        let s =
            visible("\u{1b}]8;;http://x.test\u{1b}\\click\u{1b}]8;;\u{1b}\\ \u{1b}]0;owned\u{7}");
        assert_eq!(s, "␛]8;;http://x.test␛\\click␛]8;;␛\\ ␛]0;owned␇");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(visible("plain “text”"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_escapes_keep_the_value() {
        let raw = serde_json::to_string(&"x\u{9b}y\u{202e}z\u{1b}").unwrap();
        let safe = json(&raw);
        assert!(!safe.chars().any(is_unsafe));
        assert_eq!(
            serde_json::from_str::<String>(&safe).unwrap(),
            "x\u{9b}y\u{202e}z\u{1b}"
        );
    }

    #[test]
    fn one_line_shows_overprinting_but_not_line_ends() {
        assert_eq!(
            one_line("a\r\nb\tc  d\re\u{85}f\u{2028}g"),
            "a b c d^Me<U+0085>f g"
        );
    }

    #[test]
    fn paths_are_one_visible_line() {
        assert_eq!(
            path(std::path::Path::new("evil\u{1b}[2J\nname.txt")),
            "evil␛[2J name.txt"
        );
    }
}
