//! The JSON report: [`Report`] as pretty JSON.

use super::Report;

pub fn render(report: &Report) -> String {
    // Escaped so that printing the report to a terminal is safe (the value is unchanged).
    let mut s = crate::sanitize::json(
        &serde_json::to_string_pretty(report).expect("a report always serialises"),
    )
    .into_owned();
    s.push('\n');
    s
}
