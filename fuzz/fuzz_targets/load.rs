//! Any bytes, any format: loading never panics and every paragraph maps to a span
//! inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_core::document::{Document, Format};
use parallax_core::source::Source;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 4 {
        0 => Format::Text,
        1 => Format::Markdown,
        2 => Format::Html,
        _ => Document::sniff(std::path::Path::new("fuzz"), bytes),
    };
    let Ok(doc) = Document::from_bytes("fuzz", bytes, format) else {
        return;
    };
    for p in &doc.paragraphs {
        if let Some(span) = doc.file_span(p.clone()) {
            assert!(
                span.start <= span.end && span.end <= bytes.len(),
                "{span:?} outside {} bytes",
                bytes.len()
            );
        }
    }
    let source = Source::new(doc);
    let mut last = 0;
    for s in &source.sentences {
        assert!(s.span.start <= s.span.end && s.span.end <= bytes.len());
        assert!(s.span.start >= last, "sentences out of order");
        last = s.span.start;
    }
});
