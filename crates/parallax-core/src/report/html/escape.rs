//! Text from articles and notes made safe for HTML: control characters shown as
//! visible placeholders (as in the terminal), then the five HTML specials escaped, so
//! an article can never inject markup, script or a request into the page.

use std::fmt::Write;

use crate::sanitize;

/// `s` as HTML text or a double- or single-quoted attribute value; newlines kept.
pub(crate) fn text(s: &str) -> String {
    let s = sanitize::visible(s);
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Invisible but harmless in HTML; kept visible so they cannot hide words.
            '\u{2028}' | '\u{2029}' => write!(out, "&lt;U+{:04X}&gt;", c as u32).unwrap(),
            _ => out.push(c),
        }
    }
    out
}

/// `s` on one line (whitespace runs become one space), escaped.
pub(crate) fn line(s: &str) -> String {
    text(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_inert() {
        let hostile = "<script>alert('x')</script> & <img src=\"http://example.invalid/p.png\" onerror=x> \u{1b}[31mred\u{7} \u{202E}evil\r\n\u{2028}end";
        insta::assert_snapshot!(text(hostile));
    }

    #[test]
    fn nothing_unsafe_survives() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        let out = text(&all);
        assert!(!out.contains(['<', '>', '"', '\'']));
        assert!(!out.chars().any(|c| c != '\n' && sanitize::is_unsafe(c)));
        assert!(out.split('&').skip(1).all(|t| {
            ["amp;", "lt;", "gt;", "quot;", "#39;"]
                .iter()
                .any(|e| t.starts_with(e))
        }));
    }

    #[test]
    fn line_joins_whitespace() {
        assert_eq!(line("  a\n\n b\t<c>  "), "a b &lt;c&gt;");
    }
}
