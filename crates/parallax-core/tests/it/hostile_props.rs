//! Property tests over hostile bytes: whatever a file holds, load → segment → align →
//! diff → report never panics, every span lies inside its file and sentences keep
//! file order, and no report carries a raw control character.

use parallax_core::compare::Comparison;
use parallax_core::document::{Document, Format};
use parallax_core::report::{self, Report};
use parallax_core::sanitize::is_unsafe;
use parallax_core::source::Source;
use proptest::prelude::*;

/// Pieces hostile files are made of: prose, markup, entities, escapes, broken bytes.
const PIECES: &[&[u8]] = &[
    b"The barge struck the bridge. ",
    b"Officials said 12 people were hurt. ",
    b"Mr. Varga said \xe2\x80\x9cno\xe2\x80\x9d. ",
    b"<p>",
    b"</p>",
    b"<h1>",
    b"</h1>",
    b"<article>",
    b"</article>",
    b"<div class=\"ad-slot\">",
    b"</div>",
    b"<script>var a = '<p>x</p>';</script>",
    b"<!-- note -->",
    b"<table>cell",
    b"<br>",
    b"&amp;",
    b"&nbsp;",
    b"&#x1b;",
    b"&#150;",
    b"&notit;",
    b"&",
    b"<",
    b"\x1b[2J",
    b"\x1b]52;c;aGk=\x07",
    b"\x1b]8;;http://x.test\x1b\\",
    b"\xc2\x9b31m",
    b"\r",
    b"\r\n",
    b"\n\n",
    b"\x08\x08",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xe9",
    b"\xe2\x80\xae",
    b"\xe2\x81\xa6",
    b"\xe2\x80\x8b",
    b"# ",
    b"* ",
    b"`code`",
    b"[link](http://x.test)",
    b"By Ana Ruiz | Updated 10:32\n\n",
    b"image\n\n",
    b"...",
    b"U.S. ",
];

fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..600),
        prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat()),
    ]
}

fn format() -> impl Strategy<Value = Format> {
    prop::sample::select(vec![Format::Text, Format::Markdown, Format::Html])
}

const CLEAN: &[u8] = b"Harbor Bridge closed\n\nA barge struck the bridge on Tuesday. Officials said 12 people were hurt.\n";

fn assert_clean(what: &str, s: &str) {
    let bad: Vec<char> = s.chars().filter(|&c| c != '\n' && is_unsafe(c)).collect();
    assert!(bad.is_empty(), "{what} carries raw controls {bad:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_with_spans_inside_the_file(bytes in hostile_bytes(), format in format()) {
        let Ok(doc) = Document::from_bytes("fuzz", &bytes, format) else { return Ok(()) };
        for w in &doc.warnings {
            prop_assert!(w.starts_with("fuzz: "));
        }
        let source = Source::new(doc);
        let mut last = 0;
        for s in &source.sentences {
            prop_assert!(s.span.start <= s.span.end && s.span.end <= bytes.len(), "{:?} outside {}", s.span, bytes.len());
            prop_assert!(s.span.start >= last, "sentences out of file order");
            last = s.span.start;
        }
    }

    #[test]
    fn the_whole_pipeline_survives_and_reports_stay_inert(a in hostile_bytes(), b in hostile_bytes(), fa in format(), fb in format()) {
        let load = |bytes: &[u8], f: Format| -> (Source, usize) {
            match Document::from_bytes("fuzz", bytes, f).map(Source::new) {
                Ok(s) if !s.sentences.is_empty() => (s, bytes.len()),
                _ => (Source::new(Document::from_bytes("clean", CLEAN, Format::Text).unwrap()), CLEAN.len()),
            }
        };
        let (sa, la) = load(&a, fa);
        let (sb, lb) = load(&b, fb);
        let sizes = [la, lb];
        let comparison = Comparison::new(vec![sa, sb]);
        let r = Report::build(&comparison, 0);
        for g in &r.groups {
            for m in &g.members {
                prop_assert!(m.start <= m.end && m.end <= sizes[m.source]);
                for f in &m.fragments {
                    prop_assert!(f.start <= f.end && f.end <= sizes[m.source]);
                }
            }
        }
        assert_clean("JSON", &report::json::render(&r));
        assert_clean("Markdown", &report::markdown::render(&r));
        assert_clean("HTML", &report::html::render(&r, &report::html::Palette::default()));
    }
}
