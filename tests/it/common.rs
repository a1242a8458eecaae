//! Helpers shared by the command line's integration tests.

use std::path::{Path, PathBuf};

use parallax_core::document::Document;
use parallax_core::source::Source;

/// The bundled samples, in the order the README runs them.
pub const SAMPLES: [&str; 4] = ["wire.txt", "ledger.md", "harbor-daily.txt", "courier.txt"];

pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

pub fn load(paths: &[PathBuf]) -> Vec<Source> {
    paths
        .iter()
        .map(|p| Source::new(Document::load(p).expect("sample loads")))
        .collect()
}
