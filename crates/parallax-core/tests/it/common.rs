//! Helpers shared by the engine's integration tests.

use std::path::{Path, PathBuf};

use parallax_core::compare::Comparison;
use parallax_core::document::{Document, Format};
use parallax_core::source::Source;

/// The bundled samples, in the order the README runs them.
pub const SAMPLES: [&str; 4] = ["wire.txt", "ledger.md", "harbor-daily.txt", "courier.txt"];

/// The workspace's `samples/` folder.
pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

/// The samples compared, with the default parameters.
pub fn samples() -> Comparison {
    let sources = SAMPLES
        .iter()
        .map(|s| Source::new(Document::load(&samples_dir().join(s)).expect("sample loads")))
        .collect();
    Comparison::new(sources)
}

/// Builds a source from text held in memory.
pub fn source(name: &str, text: &str) -> Source {
    Source::new(Document::from_bytes(name, text.as_bytes(), Format::Text).expect("text loads"))
}

/// `parallax-testkit`'s generated articles loaded as sources named `source-1.txt`,
/// `source-2.txt`, … (the names `gen-corpus` writes).
pub fn generated(count: usize, bytes: usize, seed: u64) -> Vec<Source> {
    parallax_testkit::generate(count, bytes, seed)
        .iter()
        .enumerate()
        .map(|(i, text)| source(&format!("source-{}.txt", i + 1), text))
        .collect()
}
