//! A loaded, segmented source: the unit every later stage works on.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::document::{self, Document, LoadOptions};
use crate::segment::{self, Sentence};

/// One input of a comparison: a document and its sentences.
#[derive(Debug, Clone)]
pub struct Source {
    /// The document, reduced to its prose.
    pub doc: Document,
    /// Its sentences, in order, as ranges of `doc.text`.
    pub sentences: Vec<Sentence>,
}

impl Source {
    /// Splits `doc` into sentences.
    pub fn new(doc: Document) -> Self {
        let sentences = segment::sentences(&doc);
        Self { doc, sentences }
    }

    /// The extracted text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.doc.text[self.sentences[i].range.clone()]
    }
}

/// Why the sources of a comparison could not be loaded: one line for the user.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SourcesError(pub String);

/// Loads and segments every source of a comparison; `-` is stdin, which may appear
/// once. A comparison needs two sources, each with a sentence.
pub fn load_all(files: &[PathBuf], opts: &LoadOptions) -> Result<Vec<Source>, SourcesError> {
    if files.len() < 2 {
        let got = files
            .first()
            .map_or(String::new(), |f| format!(": {}", crate::sanitize::path(f)));
        return Err(SourcesError(format!(
            "need at least two sources to compare (got {}{got})",
            files.len()
        )));
    }
    let stdin_uses = files.iter().filter(|f| is_stdin(f)).count();
    if stdin_uses > 1 {
        return Err(SourcesError(format!(
            "'-' (stdin) is given {stdin_uses} times; stdin can be read only once"
        )));
    }
    if stdin_uses == 1 && std::io::stdin().is_terminal() {
        return Err(SourcesError(
            "'-' reads an article from stdin, but stdin is a terminal; pipe one in (e.g. curl -s URL | parallax - b.txt)".into(),
        ));
    }
    let load = |f: &PathBuf| {
        let doc = if is_stdin(f) {
            Document::read_stdin(opts)
        } else {
            Document::load_with(f, opts)
        };
        doc.map(Source::new)
            .map_err(|e| SourcesError(crate::sanitize::one_line(&e.to_string())))
            .and_then(|s| {
                if s.sentences.is_empty() {
                    Err(SourcesError(format!(
                        "{}: has no sentences to compare",
                        crate::sanitize::one_line(&s.doc.path)
                    )))
                } else {
                    Ok(s)
                }
            })
    };
    // Large files are decoded and segmented in parallel; the first error in the
    // order given is reported either way.
    let bytes: u64 = files
        .iter()
        .filter(|f| !is_stdin(f))
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let loaded: Vec<Result<Source, SourcesError>> =
        crate::perf::par::Par::when(bytes >= PARALLEL_LOAD_BYTES).map(files, load);
    loaded.into_iter().collect()
}

/// Total input size from which loading is spread over threads (below, starting the
/// pool costs more than it saves).
const PARALLEL_LOAD_BYTES: u64 = 1 << 20;

/// Whether `f` names standard input (`-`).
pub fn is_stdin(f: &Path) -> bool {
    f.as_os_str() == document::STDIN_PATH
}
