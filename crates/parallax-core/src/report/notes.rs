//! The editors' notes in a report: each note with its source, its current span (or
//! the last known one, when detached) and the group whose passage it is on.

use serde::Serialize;

use super::{MemberReport, Report};
use crate::review::Review;

/// An editor's note, as the report lists it.
#[derive(Debug, Clone, Serialize)]
pub struct NoteReport {
    /// Its id in the review file.
    pub id: u64,
    /// The source it is on.
    pub source: usize,
    /// Byte span in the file on disk (the last known one when `detached`).
    pub start: usize,
    /// One past the span's last byte.
    pub end: usize,
    /// The words the note was made on.
    pub quote: String,
    /// The note itself.
    pub text: String,
    /// True when the quoted words are no longer in the file.
    pub detached: bool,
    /// The group whose passage the note is on (none when detached).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
}

impl Report<'_> {
    /// Adds the notes `review` holds on this report's sources (opened in the review).
    pub fn add_notes(&mut self, review: &Review) {
        for s in &self.sources {
            for n in review.notes_for(&s.path) {
                let span = n.span.clone().unwrap_or(n.last_span.clone());
                let group = n.span.as_ref().and_then(|sp| {
                    self.groups.iter().find(|g| {
                        g.members
                            .iter()
                            .any(|m| m.source == s.index && m.start < sp.end && sp.start < m.end)
                    })
                });
                self.notes.push(NoteReport {
                    id: n.id,
                    detached: n.is_detached(),
                    source: s.index,
                    start: span.start,
                    end: span.end,
                    quote: n.quote,
                    text: n.text,
                    group: group.map(|g| g.id),
                });
            }
        }
    }

    /// The notes on member `m` of group `group`.
    pub fn notes_on<'a>(
        &'a self,
        group: usize,
        m: &'a MemberReport<'_>,
    ) -> impl Iterator<Item = &'a NoteReport> {
        self.notes.iter().filter(move |n| {
            n.group == Some(group) && n.source == m.source && n.start < m.end && m.start < n.end
        })
    }
}
