//! parallax's engine: compare how several sources cover the same event.
//!
//! The pipeline runs one way: [`document`] (bytes → prose with offsets) →
//! [`segment`] (sentences) → [`align`] (groups across sources) → [`compare`] (word
//! diffs and disagreements inside groups) → [`report`] (JSON, Markdown, HTML).

#![warn(missing_docs)]

pub mod align;
pub mod compare;
pub mod document;
pub mod output;
pub mod perf;
pub mod report;
pub mod review;
pub mod sanitize;
pub mod segment;
pub mod source;
pub mod text;
pub mod theme;

/// The generated corpora of `parallax-testkit`, loaded as sources.
#[cfg(test)]
pub(crate) mod corpus {
    pub(crate) use parallax_testkit::*;

    /// [`generate`]'s articles loaded as sources named `source-1.txt`, `source-2.txt`, …
    /// (the names `gen-corpus` writes).
    pub(crate) fn sources(count: usize, bytes: usize, seed: u64) -> Vec<crate::source::Source> {
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
