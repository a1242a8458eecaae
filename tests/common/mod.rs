//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod tmux;

use std::path::{Path, PathBuf};

use parallax::compare::Comparison;
use parallax::document::Document;
use parallax::source::Source;

/// The bundled samples, in the order the README runs them.
pub const SAMPLES: [&str; 4] = ["wire.txt", "ledger.md", "harbor-daily.txt", "courier.txt"];

pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

pub fn sample_paths() -> Vec<PathBuf> {
    SAMPLES.iter().map(|s| samples_dir().join(s)).collect()
}

pub fn load(paths: &[PathBuf]) -> Vec<Source> {
    paths
        .iter()
        .map(|p| Source::new(Document::load(p).expect("sample loads")))
        .collect()
}

pub fn samples() -> Comparison {
    Comparison::new(load(&sample_paths()))
}

/// Builds a source from text held in memory.
pub fn source(name: &str, text: &str) -> Source {
    Source::new(
        Document::from_bytes(name, text.as_bytes(), parallax::document::Format::Text)
            .expect("text loads"),
    )
}
