//! The editors' notes as the reader sees them: the review file (when there is one),
//! each passage's span in its file (what a note is keyed by) and which passages carry
//! a note (the gutter marks), kept up to date after every change.

use std::ops::Range;
use std::path::Path;

use super::Reader;
use parallax_core::review::{Note, Review};

/// A note in the list, with where it is in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedNote {
    pub source: usize,
    /// The passage its words are in; `None` when detached.
    pub passage: Option<usize>,
    pub note: Note,
}

#[derive(Debug, Default)]
pub(crate) struct Notes {
    review: Option<Review>,
    /// The path each source was opened under in the review.
    paths: Vec<String>,
    /// `spans[source][passage]`: the passage's bytes in the file.
    spans: Vec<Vec<Option<Range<usize>>>>,
    /// `marked[source][passage]`: an attached note overlaps the passage.
    marked: Vec<Vec<bool>>,
}

impl Notes {
    /// Notes from `review` (its sources already opened), or none at all.
    pub(crate) fn new(review: Option<Review>, reader: &Reader) -> Notes {
        let sources = &reader.comparison.sources;
        let spans = sources
            .iter()
            .zip(&reader.passages)
            .map(|(s, ps)| {
                ps.iter()
                    .map(|p| s.doc.file_span(p.range.clone()))
                    .collect()
            })
            .collect();
        let mut notes = Notes {
            review,
            paths: sources.iter().map(|s| s.doc.path.clone()).collect(),
            spans,
            marked: Vec::new(),
        };
        notes.refresh();
        notes
    }

    pub(crate) fn has_review(&self) -> bool {
        self.review.is_some()
    }

    pub(crate) fn path(&self) -> Option<&Path> {
        self.review.as_ref().map(Review::path)
    }

    /// Which passages of `source` carry a note.
    pub(crate) fn marks(&self, source: usize) -> &[bool] {
        self.marked.get(source).map_or(&[], Vec::as_slice)
    }

    /// The passage's bytes in its file.
    pub(crate) fn span(&self, source: usize, passage: usize) -> Option<Range<usize>> {
        self.spans.get(source)?.get(passage)?.clone()
    }

    /// The attached notes on a passage.
    pub(crate) fn on(&self, source: usize, passage: usize) -> Vec<Note> {
        match (&self.review, self.span(source, passage)) {
            (Some(r), Some(span)) => r.notes_on(&self.paths[source], span),
            _ => Vec::new(),
        }
    }

    /// Every note, source by source (attached in file order, then detached).
    pub(crate) fn list(&self) -> Vec<ListedNote> {
        let Some(r) = &self.review else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (s, path) in self.paths.iter().enumerate() {
            for note in r.notes_for(path) {
                let passage = note.span.as_ref().and_then(|n| self.passage_at(s, n));
                out.push(ListedNote {
                    source: s,
                    passage,
                    note,
                });
            }
        }
        out
    }

    /// Adds (no `id`) or replaces a note; the review file is saved either way.
    pub(crate) fn save(
        &mut self,
        source: usize,
        span: Range<usize>,
        id: Option<u64>,
        text: &str,
    ) -> Result<u64, String> {
        let r = self.review.as_mut().ok_or_else(no_review)?;
        let result = match id {
            Some(id) => r.edit_note(id, text).map(|()| id),
            None => r.add_note(&self.paths[source], span, text),
        };
        let id = result.map_err(|e| e.to_string())?;
        self.refresh();
        Ok(id)
    }

    pub(crate) fn delete(&mut self, id: u64) -> Result<(), String> {
        let r = self.review.as_mut().ok_or_else(no_review)?;
        r.delete_note(id).map_err(|e| e.to_string())?;
        self.refresh();
        Ok(())
    }

    /// The first passage of `source` whose bytes overlap `span`.
    fn passage_at(&self, source: usize, span: &Range<usize>) -> Option<usize> {
        self.spans[source].iter().position(|p| {
            p.as_ref()
                .is_some_and(|p| p.start < span.end && span.start < p.end)
        })
    }

    fn refresh(&mut self) {
        self.marked = self.spans.iter().map(|ps| vec![false; ps.len()]).collect();
        let Some(r) = &self.review else {
            return;
        };
        for (s, path) in self.paths.iter().enumerate() {
            for note in r.notes_for(path) {
                let Some(span) = note.span else { continue };
                for (p, ps) in self.spans[s].iter().enumerate() {
                    if ps
                        .as_ref()
                        .is_some_and(|ps| ps.start < span.end && span.start < ps.end)
                    {
                        self.marked[s][p] = true;
                    }
                }
            }
        }
    }
}

fn no_review() -> String {
    "no review file: notes are off".to_owned()
}
