//! parallax: compare how several sources cover the same event. The engine is
//! `parallax-core`, the reader `parallax-tui`; this crate is the command line.

pub mod cli;

// The single crate's module paths, while the move settles.
pub use parallax_core::{
    align, compare, diff, discrepancy, document, lang, output, report, review, sanitize, segment,
    source, stages, synonyms, theme, tokenized, tokens,
};
pub use parallax_tui::terminal as tui;
pub use parallax_tui::{app, config, keymap, view};

/// The generated corpora of `parallax-testkit`, loaded as sources.
#[doc(hidden)]
pub mod corpus {
    pub use parallax_testkit::*;

    /// [`generate`]'s articles loaded as sources named `source-1.txt`, `source-2.txt`, …
    /// (the names `gen-corpus` writes).
    pub fn sources(count: usize, bytes: usize, seed: u64) -> Vec<crate::source::Source> {
        use crate::document::{Document, Format};
        generate(count, bytes, seed)
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let name = format!("source-{}.txt", i + 1);
                let doc = Document::from_bytes(&name, text.as_bytes(), Format::Text);
                crate::source::Source::new(doc.expect("generated text loads"))
            })
            .collect()
    }
}
