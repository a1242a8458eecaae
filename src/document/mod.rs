//! Loading an article: bytes → prose paragraphs with a map back to file offsets.
//!
//! Each format module (plain text, Markdown) feeds a [`Builder`] with the prose it
//! finds; [`boilerplate`] decides which short lines are not prose (bylines, caption
//! markers, metadata) and keeps what they say as metadata.

pub mod boilerplate;
pub mod decode;
mod markdown;
pub mod offsets;
mod text;

use std::ops::Range;
use std::path::Path;

use offsets::OffsetMap;

/// The input formats parallax reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

/// One article, reduced to its prose.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (for titles and reports).
    pub path: String,
    /// Size of the file on disk, in bytes.
    pub size: usize,
    pub format: Format,
    pub title: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
    /// The extracted prose: paragraphs separated by blank lines.
    pub text: String,
    /// Paragraph ranges in `text`.
    pub paragraphs: Vec<Range<usize>>,
    /// Warnings worth telling the user (e.g. replaced bytes).
    pub warnings: Vec<String>,
    map: OffsetMap,
}

/// Why a file could not be loaded; `Display` is the one-line message users see.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
    #[error("{path}: is a directory, not an article")]
    Directory { path: String },
    #[error("{path}: looks like a binary file, not text")]
    Binary { path: String },
    #[error("{path}: is empty")]
    Empty { path: String },
    #[error("{path}: has no prose to compare (no sentences found)")]
    NoProse { path: String },
}

impl Document {
    /// Reads and parses the file at `path`.
    pub fn load(path: &Path) -> Result<Document, LoadError> {
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(LoadError::Directory { path: shown });
        }
        let bytes = std::fs::read(path).map_err(|e| LoadError::Io {
            path: shown.clone(),
            reason: io_reason(&e),
        })?;
        Self::from_bytes(&shown, &bytes, Self::sniff(path, &bytes))
    }

    /// Guesses the format from the extension, then the content.
    pub fn sniff(path: &Path, bytes: &[u8]) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("txt" | "text") => Format::Text,
            _ => {
                let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
                if head
                    .lines()
                    .any(|l| l.starts_with("# ") || l.starts_with("## "))
                {
                    Format::Markdown
                } else {
                    Format::Text
                }
            }
        }
    }

    /// Parses bytes already in memory; `path` is only used in messages.
    pub fn from_bytes(path: &str, bytes: &[u8], format: Format) -> Result<Document, LoadError> {
        let path = path.to_owned();
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(LoadError::Empty { path });
        }
        let decoded =
            decode::decode(bytes).map_err(|_| LoadError::Binary { path: path.clone() })?;
        let mut b = match format {
            Format::Text => text::parse(&decoded.text),
            Format::Markdown => markdown::parse(&decoded.text),
        };
        if b.paragraphs.is_empty() {
            return Err(LoadError::NoProse { path });
        }
        b.meta.title = b
            .meta
            .title
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
        Ok(Document {
            path,
            size: bytes.len(),
            format,
            title: b.meta.title,
            date: b.meta.date,
            byline: b.meta.byline,
            text: b.text,
            paragraphs: b.paragraphs,
            warnings: decoded.warning.into_iter().collect(),
            map: b.map.then(&decoded.map),
        })
    }

    /// The byte span in the file of a range of `text`.
    pub fn file_span(&self, range: Range<usize>) -> Option<Range<usize>> {
        self.map.to_file(range)
    }

    /// A short name for headers: the title, else the file name.
    pub fn label(&self) -> String {
        self.title.clone().unwrap_or_else(|| {
            Path::new(&self.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| self.path.clone())
        })
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied (cannot read it)".into(),
        _ => e.to_string(),
    }
}

/// Metadata found while parsing.
#[derive(Debug, Default, Clone)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub byline: Option<String>,
}

/// Accumulates prose paragraphs and their offsets while a format is parsed.
#[derive(Debug, Default)]
pub struct Builder {
    pub text: String,
    pub map: OffsetMap,
    pub paragraphs: Vec<Range<usize>>,
    pub meta: Meta,
    open: Option<usize>,
}

impl Builder {
    /// Appends text copied verbatim from `source_offset` in the source.
    pub fn verbatim(&mut self, s: &str, source_offset: usize) {
        self.open_paragraph();
        self.map
            .push(self.text.len(), s.len(), source_offset, s.len());
        self.text.push_str(s);
    }

    /// Appends text that stands for `source` bytes it does not copy (an entity, a break).
    pub fn rewritten(&mut self, s: &str, source: Range<usize>) {
        self.open_paragraph();
        self.map
            .push(self.text.len(), s.len(), source.start, source.len());
        self.text.push_str(s);
    }

    fn open_paragraph(&mut self) {
        if self.open.is_none() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.open = Some(self.text.len());
        }
    }

    /// Closes the current paragraph; a blank one is taken back out.
    pub fn end_paragraph(&mut self) {
        if let Some(start) = self.open.take() {
            if self.text[start..].trim().is_empty() {
                self.open = Some(start);
                self.discard_paragraph();
                return;
            }
            self.paragraphs.push(start..self.text.len());
        }
    }

    /// Throws away the paragraph being built.
    pub fn discard_paragraph(&mut self) {
        if let Some(start) = self.open.take() {
            let keep = if self.paragraphs.is_empty() {
                0
            } else {
                start - 2
            };
            self.text.truncate(keep);
            self.map.truncate(keep);
        }
    }

    /// The text of the paragraph being built.
    pub fn current(&self) -> &str {
        self.open.map_or("", |s| &self.text[s..])
    }
}
