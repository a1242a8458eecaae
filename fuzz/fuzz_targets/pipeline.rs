//! Two fuzzed sources through load → segment → align → diff → report: no panic, every
//! reported span inside its file, and no raw control character in either report.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::compare::Comparison;
use parallax_core::document::{Document, Format};
use parallax_core::report::{self, Report};
use parallax_core::sanitize::is_unsafe;
use parallax_core::source::Source;

const FALLBACK: &[u8] =
    b"A barge struck the Harbor Bridge on Tuesday. Officials said 12 people were hurt.";

fn load(bytes: &[u8], selector: u8) -> (Source, usize) {
    let format = [Format::Text, Format::Markdown, Format::Html][usize::from(selector % 3)];
    match Document::from_bytes("fuzz", bytes, format).map(Source::new) {
        Ok(s) if !s.sentences.is_empty() => (s, bytes.len()),
        _ => (
            Source::new(Document::from_bytes("fallback", FALLBACK, Format::Text).unwrap()),
            FALLBACK.len(),
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let cut = 1 + usize::from(data[0]) * (data.len() - 1) / 255;
    let (a, b) = data[1..].split_at(cut.min(data.len() - 1) - 1);
    let (sa, la) = load(a, data[0]);
    let (sb, lb) = load(b, data[0] >> 2);
    let sizes = [la, lb];
    let comparison = Comparison::new(vec![sa, sb]);
    let r = Report::build(&comparison, usize::from(data[0] & 1));
    for g in &r.groups {
        for m in &g.members {
            assert!(m.start <= m.end && m.end <= sizes[m.source]);
            for f in &m.fragments {
                assert!(f.start <= f.end && f.end <= sizes[m.source]);
            }
        }
    }
    let json = report::json::render(&r);
    assert!(
        !json.chars().any(|c| c != '\n' && is_unsafe(c)),
        "raw control in JSON"
    );
    let md = report::markdown::render(&r);
    assert!(
        !md.chars().any(|c| c != '\n' && is_unsafe(c)),
        "raw control in Markdown"
    );
});
