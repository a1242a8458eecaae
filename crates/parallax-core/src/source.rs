//! A loaded, segmented source: the unit every later stage works on.

use crate::document::Document;
use crate::segment::{self, Sentence};

#[derive(Debug, Clone)]
pub struct Source {
    pub doc: Document,
    pub sentences: Vec<Sentence>,
}

impl Source {
    pub fn new(doc: Document) -> Self {
        let sentences = segment::sentences(&doc);
        Self { doc, sentences }
    }

    /// The extracted text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.doc.text[self.sentences[i].range.clone()]
    }
}
