//! Editors' notes on passages, kept in a review file (TOML) beside the articles.
//!
//! A note is keyed by its source (path and content hash) and by the words it was
//! made on (`anchor`), so it re-attaches to the same words when the article is
//! re-saved with edits elsewhere; a note whose words are gone is kept, marked
//! detached, never dropped. Every change is saved at once (`store`: atomic and
//! durable). A file that is broken or from a newer parallax is refused, and never
//! overwritten.
//!
//! ```no_run
//! # use parallax_core::review::Review;
//! let mut review = Review::load("parallax-review.toml".as_ref())?;
//! review.open_source("a.txt", &std::fs::read("a.txt").unwrap());
//! let id = review.add_note("a.txt", 10..42, "Check this figure\nwith the agency.")?;
//! review.edit_note(id, "Checked: the agency confirms 12.")?;
//! for note in review.notes_for("a.txt") {
//!     println!("{:?} {}", note.span, note.text);
//! }
//! # Ok::<(), parallax_core::review::ReviewError>(())
//! ```

pub(crate) mod anchor;
pub(crate) mod file;

use std::ops::Range;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use anchor::Anchor;
use file::{NoteEntry, Problem, ReviewFile, SourceEntry, VERSION};

/// The default review file, in the current directory.
pub const DEFAULT_FILE: &str = "parallax-review.toml";

/// A failure with the review file; `Display` is the one line users see.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The review file could not be read or written.
    #[error("{path}: {reason}")]
    Io {
        /// The review file.
        path: String,
        /// The system's error, as a phrase.
        reason: String,
    },
    /// The review file is not valid TOML of the review format; it is left alone.
    #[error(
        "{path}: not a valid parallax review file ({reason}); fix or move it (it will not be overwritten)"
    )]
    Broken {
        /// The review file.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The review file is of a newer format version; it is left alone.
    #[error(
        "{path}: written by a newer parallax (review format {found}, this one reads {VERSION}); it will not be overwritten"
    )]
    Newer {
        /// The review file.
        path: String,
        /// The version it declares.
        found: u64,
    },
    /// A note was asked for on an article not opened against this review.
    #[error("{source_path}: not opened in this review")]
    NotOpened {
        /// The article.
        source_path: String,
    },
    /// A note's span does not lie within the article's text.
    #[error("{source_path}: bytes {start}–{end} are not a passage of the file")]
    BadSpan {
        /// The article.
        source_path: String,
        /// The span's first byte.
        start: usize,
        /// One past its last byte.
        end: usize,
    },
    /// No note has this id.
    #[error("no note {id} in this review")]
    NoNote {
        /// The id asked for.
        id: u64,
    },
    /// A note's text is empty.
    #[error("a note needs some text")]
    EmptyNote,
}

/// A note as the reader shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Its id in the review file, unique there.
    pub id: u64,
    /// The note itself (may hold several lines).
    pub text: String,
    /// The words the note was made on.
    pub quote: String,
    /// Where those words are in the file now; `None` when they are gone (detached).
    pub span: Option<Range<usize>>,
    /// Where the words were when last found.
    pub(crate) last_span: Range<usize>,
}

impl Note {
    /// Whether the quoted words are no longer in the file.
    pub fn is_detached(&self) -> bool {
        self.span.is_none()
    }
}

/// An article the caller has opened: its current bytes and its entry in the file.
#[derive(Debug)]
struct Open {
    given: String,
    bytes: Vec<u8>,
    sha256: String,
    entry: Option<usize>,
}

/// A review file in memory, with the articles opened against it.
#[derive(Debug)]
pub struct Review {
    path: PathBuf,
    file: ReviewFile,
    open: Vec<Open>,
}

impl Review {
    /// Reads the review file at `path`; a missing file is an empty review (created on
    /// the first note).
    pub fn load(path: &Path) -> Result<Review, ReviewError> {
        let file = read(path)?.unwrap_or(ReviewFile {
            version: VERSION,
            sources: Vec::new(),
        });
        Ok(Review {
            path: path.to_owned(),
            file,
            open: Vec::new(),
        })
    }

    /// Reads the review file at `path` if there is one.
    pub fn load_existing(path: &Path) -> Result<Option<Review>, ReviewError> {
        Ok(read(path)?.map(|file| Review {
            path: path.to_owned(),
            file,
            open: Vec::new(),
        }))
    }

    /// Where the review file is (or will be written).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens every source of a comparison from its file on disk (standard input
    /// cannot be read twice: its notes are not shown).
    pub fn open_sources(&mut self, sources: &[crate::source::Source]) -> Result<(), ReviewError> {
        for s in sources
            .iter()
            .filter(|s| s.doc.path != crate::document::STDIN_PATH)
        {
            let bytes = std::fs::read(&s.doc.path).map_err(|e| ReviewError::Io {
                path: crate::sanitize::one_line(&s.doc.path),
                reason: e.to_string(),
            })?;
            self.open_source(&s.doc.path, &bytes);
        }
        Ok(())
    }

    /// Registers an article by the path the user gave and its current bytes, and
    /// re-attaches its notes to their words. Opening it again refreshes the bytes.
    pub fn open_source(&mut self, given: &str, bytes: &[u8]) {
        let sha256 = hex_sha256(bytes);
        self.open.retain(|o| o.given != given);
        let entry = self.find_entry(given, &sha256);
        if let Some(e) = entry {
            reattach(&mut self.file.sources[e], bytes, &sha256);
        }
        self.open.push(Open {
            given: given.to_owned(),
            bytes: bytes.to_vec(),
            sha256,
            entry,
        });
    }

    /// The notes on an opened article, in file order; detached notes last.
    pub fn notes_for(&self, given: &str) -> Vec<Note> {
        let Some(entry) = self
            .open
            .iter()
            .find(|o| o.given == given)
            .and_then(|o| o.entry)
        else {
            return Vec::new();
        };
        let mut notes: Vec<Note> = self.file.sources[entry]
            .notes
            .iter()
            .map(|n| Note {
                id: n.id,
                text: n.text.clone(),
                quote: n.quote.clone(),
                span: (!n.detached).then_some(n.start..n.end),
                last_span: n.start..n.end,
            })
            .collect();
        notes.sort_by_key(|n| (n.is_detached(), n.last_span.start, n.id));
        notes
    }

    /// The attached notes whose words overlap bytes `span` of an opened article (what
    /// the reader edits when a passage is selected).
    pub fn notes_on(&self, given: &str, span: Range<usize>) -> Vec<Note> {
        self.notes_for(given)
            .into_iter()
            .filter(|n| {
                n.span
                    .as_ref()
                    .is_some_and(|s| s.start < span.end && span.start < s.end)
            })
            .collect()
    }

    /// Adds a note on bytes `span` of an opened article and saves; returns its id.
    pub fn add_note(
        &mut self,
        given: &str,
        span: Range<usize>,
        text: &str,
    ) -> Result<u64, ReviewError> {
        if text.trim().is_empty() {
            return Err(ReviewError::EmptyNote);
        }
        let i = self
            .open
            .iter()
            .position(|o| o.given == given)
            .ok_or_else(|| ReviewError::NotOpened {
                source_path: given.to_owned(),
            })?;
        let o = &self.open[i];
        if span.start >= span.end || span.end > o.bytes.len() {
            return Err(ReviewError::BadSpan {
                source_path: given.to_owned(),
                start: span.start,
                end: span.end,
            });
        }
        let a = anchor::capture(&o.bytes, span);
        let id = self
            .file
            .sources
            .iter()
            .flat_map(|s| &s.notes)
            .map(|n| n.id)
            .max()
            .unwrap_or(0)
            + 1;
        let mut next = self.file.clone();
        let entry = match o.entry {
            Some(e) => e,
            None => {
                next.sources.push(SourceEntry {
                    path: self.stored_path(given),
                    sha256: o.sha256.clone(),
                    notes: Vec::new(),
                });
                next.sources.len() - 1
            }
        };
        let note = NoteEntry {
            id,
            start: a.span.start,
            end: a.span.end,
            quote: a.quote,
            before: a.before,
            after: a.after,
            detached: false,
            text: text.to_owned(),
        };
        next.sources[entry].sha256.clone_from(&o.sha256);
        next.sources[entry].notes.push(note);
        self.commit(next)?;
        self.open[i].entry = Some(entry);
        Ok(id)
    }

    /// Replaces the text of note `id` and saves.
    pub fn edit_note(&mut self, id: u64, text: &str) -> Result<(), ReviewError> {
        if text.trim().is_empty() {
            return Err(ReviewError::EmptyNote);
        }
        let mut next = self.file.clone();
        let note = next
            .sources
            .iter_mut()
            .flat_map(|s| &mut s.notes)
            .find(|n| n.id == id)
            .ok_or(ReviewError::NoNote { id })?;
        note.text = text.to_owned();
        self.commit(next)
    }

    /// Removes note `id` and saves.
    pub fn delete_note(&mut self, id: u64) -> Result<(), ReviewError> {
        let mut next = self.file.clone();
        let s = next
            .sources
            .iter_mut()
            .find(|s| s.notes.iter().any(|n| n.id == id))
            .ok_or(ReviewError::NoNote { id })?;
        s.notes.retain(|n| n.id != id);
        self.commit(next)
    }

    /// Writes the review file (atomically, durably), unless the file on disk is broken
    /// or newer: that is left alone and reported.
    pub fn save(&self) -> Result<(), ReviewError> {
        write(&self.path, &self.file)
    }

    fn commit(&mut self, next: ReviewFile) -> Result<(), ReviewError> {
        write(&self.path, &next)?;
        self.file = next;
        Ok(())
    }

    /// The stored entry for an article: the same file, else the same stored path, else
    /// (a moved or renamed article) the same content not claimed by another.
    fn find_entry(&self, given: &str, sha256: &str) -> Option<usize> {
        let dir = self.dir();
        let same_file = std::fs::canonicalize(given).ok().and_then(|c| {
            self.file
                .sources
                .iter()
                .position(|e| std::fs::canonicalize(dir.join(&e.path)).is_ok_and(|x| x == c))
        });
        let stored = self.stored_path(given);
        let claimed = |i: usize| self.open.iter().any(|o| o.entry == Some(i));
        same_file
            .or_else(|| self.file.sources.iter().position(|e| e.path == stored))
            .or_else(|| {
                (0..self.file.sources.len())
                    .find(|&i| self.file.sources[i].sha256 == sha256 && !claimed(i))
            })
    }

    fn dir(&self) -> PathBuf {
        match self.path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
            _ => PathBuf::from("."),
        }
    }

    /// An article's path as stored: relative to the review file's directory when the
    /// article lies under it, so a review moves with its folder.
    fn stored_path(&self, given: &str) -> String {
        let (Ok(file), Ok(dir)) = (
            std::fs::canonicalize(given),
            std::fs::canonicalize(self.dir()),
        ) else {
            return given.to_owned();
        };
        file.strip_prefix(&dir)
            .unwrap_or(&file)
            .to_string_lossy()
            .into_owned()
    }
}

/// Re-finds every note's words in the article's current bytes. An unchanged file
/// keeps its spans as they are (exact even for non-UTF-8 files).
fn reattach(entry: &mut SourceEntry, bytes: &[u8], sha256: &str) {
    let unchanged = entry.sha256 == sha256;
    for n in &mut entry.notes {
        let old = Anchor {
            span: n.start..n.end,
            quote: n.quote.clone(),
            before: n.before.clone(),
            after: n.after.clone(),
        };
        let found = if unchanged && !n.detached && n.end <= bytes.len() {
            Some(old.span.clone())
        } else {
            anchor::locate(bytes, &old)
        };
        match found {
            Some(span) => {
                let fresh = anchor::capture(bytes, span);
                (n.start, n.end, n.quote, n.before, n.after, n.detached) = (
                    fresh.span.start,
                    fresh.span.end,
                    fresh.quote,
                    fresh.before,
                    fresh.after,
                    false,
                );
            }
            None => n.detached = true,
        }
    }
    entry.sha256 = sha256.to_owned();
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn shown(path: &Path) -> String {
    crate::sanitize::one_line(&path.display().to_string())
}

/// Reads and checks the file; `None` when there is none.
fn read(path: &Path) -> Result<Option<ReviewFile>, ReviewError> {
    if path.is_dir() {
        return Err(ReviewError::Io {
            path: shown(path),
            reason: "is a directory, not a review file".into(),
        });
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(ReviewError::Io {
                path: shown(path),
                reason: e.to_string(),
            });
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| ReviewError::Broken {
        path: shown(path),
        reason: "not UTF-8 text".into(),
    })?;
    file::parse(&text).map(Some).map_err(|p| match p {
        Problem::Broken(reason) => ReviewError::Broken {
            path: shown(path),
            reason,
        },
        Problem::Newer(found) => ReviewError::Newer {
            path: shown(path),
            found,
        },
    })
}

fn write(path: &Path, file: &ReviewFile) -> Result<(), ReviewError> {
    // Whatever is on disk must be a file we understand before we replace it.
    read(path)?;
    crate::output::replace(path, file::render(file).as_bytes()).map_err(|e| ReviewError::Io {
        path: shown(path),
        reason: e.to_string(),
    })
}
