//! The JSON report: [`Report`] as pretty JSON.

use super::Report;

pub fn render(report: &Report) -> String {
    // Escaped so that printing the report to a terminal is safe (the value is unchanged).
    let raw = serde_json::to_string_pretty(report).expect("a report always serialises");
    // Almost always nothing to escape: keep the string rather than copy it.
    let escaped = match crate::sanitize::json(&raw) {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(escaped) => Some(escaped),
    };
    let mut s = escaped.unwrap_or(raw);
    s.push('\n');
    s
}
