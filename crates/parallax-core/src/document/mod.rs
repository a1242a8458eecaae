//! Loading an article: bytes → prose paragraphs with a map back to file offsets.
//!
//! Each format module (plain text, Markdown, HTML) feeds a `Builder` with the prose it
//! finds; `boilerplate` decides which short lines are not prose (bylines, caption
//! markers, metadata) and keeps what they say as metadata.

pub(crate) mod boilerplate;
pub mod decode;
#[cfg(test)]
pub(crate) mod fixture_tests;
mod html;
mod markdown;
pub(crate) mod offsets;
mod text;

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use offsets::OffsetMap;

/// The input formats parallax reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: paragraphs separated by blank lines.
    Text,
    /// Markdown (CommonMark), reduced to its prose.
    Markdown,
    /// A saved web page, reduced to its article.
    Html,
}

/// Files larger than this are refused unless `--max-bytes` says otherwise: far above
/// any article or saved page (even one with images inlined), low enough that a run
/// stays near a minute and 1.5 GB. Measured against a short article: 60 MB of prose
/// took 76 s and 1.5 GB, 100 MB took 372 s and 2.5 GB (alignment grows faster than
/// linearly with one huge source).
pub(crate) const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Most bytes of extracted text a source may have: positions in it are kept in 32
/// bits (a comparison of large sources holds tens of millions of them).
pub(crate) const MAX_TEXT: usize = u32::MAX as usize;

/// How sources are read.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Decode as this encoding instead of detecting one.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Refuse inputs larger than this many bytes.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            encoding: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// The path shown for standard input.
pub(crate) const STDIN_PATH: &str = "-";

/// One article, reduced to its prose.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it (for titles and reports).
    pub path: String,
    /// Size of the file on disk, in bytes.
    pub size: usize,
    /// The format it was read as.
    pub format: Format,
    /// The encoding the bytes were read as (e.g. "UTF-8", "windows-1252").
    pub encoding: &'static str,
    pub(crate) title: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) byline: Option<String>,
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
/// Every variant's `path` is the file as the user gave it.
pub enum LoadError {
    /// The file could not be read.
    #[error("{path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// The system's error, as a phrase.
        reason: String,
    },
    /// The path names a directory.
    #[error("{path}: is a directory, not an article")]
    Directory {
        /// The directory.
        path: String,
    },
    /// The bytes are not text (an image, an archive, …).
    #[error("{path}: looks like {what}, not text")]
    Binary {
        /// The file.
        path: String,
        /// What it looks like ("a PNG image").
        what: String,
    },
    /// The file is larger than [`LoadOptions::max_bytes`].
    #[error("{path}: is larger than the --max-bytes limit of {} ({limit} bytes); raise the limit to read it anyway", human(*limit))]
    TooLarge {
        /// The file.
        path: String,
        /// The limit it exceeds, in bytes.
        limit: u64,
    },
    /// The markup is too deeply nested (or otherwise too costly) to parse safely.
    #[error("{path}: {reason}")]
    TooComplex {
        /// The file.
        path: String,
        /// What is too complex.
        reason: String,
    },
    /// The file has no bytes.
    #[error("{path}: is empty")]
    Empty {
        /// The file.
        path: String,
    },
    /// The file has no sentence of prose.
    #[error("{path}: has no prose to compare (no sentences found)")]
    NoProse {
        /// The file.
        path: String,
    },
}

impl Document {
    /// Reads and parses the file at `path` with the default options.
    pub fn load(path: &Path) -> Result<Document, LoadError> {
        Self::load_with(path, &LoadOptions::default())
    }

    /// Reads and parses the file at `path`.
    pub(crate) fn load_with(path: &Path, opts: &LoadOptions) -> Result<Document, LoadError> {
        let shown = path.display().to_string();
        if path.is_dir() {
            return Err(LoadError::Directory { path: shown });
        }
        let io = |e: std::io::Error| LoadError::Io {
            path: shown.clone(),
            reason: io_reason(&e),
        };
        let file = std::fs::File::open(path).map_err(io)?;
        // The size on disk gives a quick answer; the bounded read below also stops
        // devices and pipes that never end (/dev/zero).
        let size = file
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map_or(0, |m| m.len());
        if size > opts.max_bytes {
            return Err(LoadError::TooLarge {
                path: shown,
                limit: opts.max_bytes,
            });
        }
        let bytes = read_bounded(file, &shown, opts.max_bytes, size)?;
        Self::from_bytes_with(&shown, &bytes, Self::sniff(path, &bytes), opts)
    }

    /// Reads and parses standard input (shown as `-`); the format comes from the content.
    pub(crate) fn read_stdin(opts: &LoadOptions) -> Result<Document, LoadError> {
        let bytes = read_bounded(std::io::stdin().lock(), STDIN_PATH, opts.max_bytes, 0)?;
        Self::from_bytes_with(STDIN_PATH, &bytes, Self::sniff(Path::new(""), &bytes), opts)
    }

    /// Guesses the format from the extension, then the content.
    pub(crate) fn sniff(path: &Path, bytes: &[u8]) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some("txt" | "text") => Format::Text,
            Some("html" | "htm" | "xhtml" | "shtml") => Format::Html,
            _ => {
                // NULs dropped so UTF-16 text sniffs like its ASCII letters.
                let head: Vec<u8> = bytes[..bytes.len().min(4096)]
                    .iter()
                    .copied()
                    .filter(|&b| b != 0)
                    .collect();
                let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
                let lead = head
                    .trim_start_matches(['\u{feff}', '\u{fffd}'])
                    .trim_start();
                if lead.starts_with("<!doctype html")
                    || lead.starts_with("<html")
                    || (lead.starts_with('<')
                        && ["<body", "<head", "<p>", "<p ", "<article", "<div"]
                            .iter()
                            .any(|t| head.contains(t)))
                {
                    Format::Html
                } else if head
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
        Self::from_bytes_with(path, bytes, format, &LoadOptions::default())
    }

    /// Parses bytes already in memory with `opts` (the size limit is the caller's job).
    pub(crate) fn from_bytes_with(
        path: &str,
        bytes: &[u8],
        format: Format,
        opts: &LoadOptions,
    ) -> Result<Document, LoadError> {
        let path = path.to_owned();
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(LoadError::Empty { path });
        }
        let declared = (format == Format::Html)
            .then(|| decode::html_declared(bytes))
            .flatten();
        let decoded = decode::decode_hinted(bytes, opts.encoding, declared).map_err(
            |decode::DecodeError::Binary(what)| LoadError::Binary {
                path: path.clone(),
                what: what.map_or_else(
                    || "a binary file".into(),
                    |k| format!("a binary file ({k})"),
                ),
            },
        )?;
        let mut b = match format {
            Format::Text => text::parse(&decoded.text),
            Format::Markdown => markdown::parse(&decoded.text),
            Format::Html => html::parse(&decoded.text).map_err(|reason| LoadError::TooComplex {
                path: path.clone(),
                reason,
            })?,
        };
        if b.paragraphs.is_empty() {
            return Err(LoadError::NoProse { path });
        }
        check_text_size(&path, b.text.len())?;
        b.meta.title = b
            .meta
            .title
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
        let warnings = decoded
            .warning
            .iter()
            .map(|w| format!("{path}: {w}"))
            .collect();
        Ok(Document {
            path,
            size: bytes.len(),
            format,
            encoding: decoded.encoding.name(),
            title: b.meta.title,
            date: b.meta.date,
            byline: b.meta.byline,
            text: b.text,
            paragraphs: b.paragraphs,
            warnings,
            map: b.map.then(&decoded.map),
        })
    }

    /// The byte span in the file of a range of `text`.
    pub fn file_span(&self, range: Range<usize>) -> Option<Range<usize>> {
        self.map.to_file(range)
    }

    /// [`Self::file_span`] for many ranges inside `within`: one search when `within`
    /// was copied from the file as it is, else each range on its own.
    pub(crate) fn file_spanner(
        &self,
        within: Range<usize>,
    ) -> impl Fn(Range<usize>) -> Option<Range<usize>> + '_ {
        let linear = self.map.linear_piece(within.clone());
        move |r: Range<usize>| match linear {
            Some((text, file))
                if !r.is_empty() && within.start <= r.start && r.end <= within.end =>
            {
                Some(file + (r.start - text)..file + (r.end - text))
            }
            _ => self.map.to_file(r),
        }
    }

    /// A short name for headers: the title, else the file name.
    pub fn label(&self) -> String {
        if self.title.is_none() && self.path == STDIN_PATH {
            return "stdin".into();
        }
        self.title.clone().unwrap_or_else(|| {
            Path::new(&self.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| self.path.clone())
        })
    }
}

/// Refuses extracted text longer than [`MAX_TEXT`].
fn check_text_size(path: &str, len: usize) -> Result<(), LoadError> {
    if len > MAX_TEXT {
        return Err(LoadError::TooComplex {
            path: path.to_owned(),
            reason: format!(
                "its text comes to {} or more, more than parallax can compare",
                human(MAX_TEXT as u64 + 1)
            ),
        });
    }
    Ok(())
}

/// "64 MiB", "1.5 KiB", "100 bytes".
fn human(n: u64) -> String {
    let units = [(1u64 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    match units.iter().find(|(u, _)| n >= *u) {
        Some((u, name)) if n.is_multiple_of(*u) => format!("{} {name}", n / u),
        Some((u, name)) => format!("{:.1} {name}", n as f64 / *u as f64),
        None => format!("{n} bytes"),
    }
}

/// Reads at most `limit` bytes; more is an error, not a silent cut.
/// Reads at most `limit` bytes (one more tells that there are more); `expected`, the
/// size on disk when known, is room made up front: a buffer grown by doubling passes
/// through every size class of the allocator on the way, each in fresh memory.
fn read_bounded(
    r: impl Read,
    shown: &str,
    limit: u64,
    expected: u64,
) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::with_capacity(expected.min(limit).saturating_add(1) as usize);
    r.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Io {
            path: shown.to_owned(),
            reason: io_reason(&e),
        })?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            path: shown.to_owned(),
            limit,
        });
    }
    Ok(bytes)
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
pub(crate) struct Meta {
    pub(crate) title: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) byline: Option<String>,
}

/// Accumulates prose paragraphs and their offsets while a format is parsed.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    pub(crate) text: String,
    pub(crate) map: OffsetMap,
    pub(crate) paragraphs: Vec<Range<usize>>,
    pub(crate) meta: Meta,
    open: Option<usize>,
}

impl Builder {
    /// Appends text copied verbatim from `source_offset` in the source.
    pub(crate) fn verbatim(&mut self, s: &str, source_offset: usize) {
        self.open_paragraph();
        self.map
            .push(self.text.len(), s.len(), source_offset, s.len());
        self.text.push_str(s);
    }

    /// Appends text that stands for nothing in the source (a space between inline runs).
    pub(crate) fn inserted(&mut self, s: &str) {
        self.open_paragraph();
        self.text.push_str(s);
    }

    /// Appends text that stands for `source` bytes it does not copy (an entity, a break).
    pub(crate) fn rewritten(&mut self, s: &str, source: Range<usize>) {
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
    pub(crate) fn end_paragraph(&mut self) {
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
    pub(crate) fn discard_paragraph(&mut self) {
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

    /// Cuts a date glued to the front of the paragraph being built ("date
    /// 2026-01-25 The minister said…") and keeps it as the date, if none is known yet.
    pub(crate) fn cut_metadata_prefix(&mut self) {
        let Some(start) = self.open else { return };
        let Some((cut, date)) = boilerplate::metadata_prefix(&self.text[start..]) else {
            return;
        };
        if self.map.remove(start..start + cut) {
            self.text.replace_range(start..start + cut, "");
            self.meta.date.get_or_insert(date);
        }
    }

    /// The text of the paragraph being built.
    pub(crate) fn current(&self) -> &str {
        self.open.map_or("", |s| &self.text[s..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_over_four_gib_is_refused_with_one_line_naming_the_file() {
        assert!(check_text_size("big.txt", MAX_TEXT).is_ok());
        let err = check_text_size("big.txt", MAX_TEXT + 1)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "big.txt: its text comes to 4 GiB or more, more than parallax can compare"
        );
    }

    #[test]
    fn spans_inside_a_range_map_as_one_by_one() {
        // Entities and markup make some stretches of the text differ from the file.
        let html = "<html><body><p>Caf&eacute; owners &amp; staff met at 9. The mayor \
                    spoke <b>twice</b> &mdash; briefly.</p><p>Plain words here, all of them \
                    copied as they are. Another line.</p></body></html>";
        let doc = Document::from_bytes("t.html", html.as_bytes(), Format::Html).unwrap();
        let n = doc.text.len();
        let mut checked = 0;
        for within in [0..n, 0..n / 2, n / 2..n, n - 20..n] {
            let spanner = doc.file_spanner(within.clone());
            for start in within.clone() {
                for end in start..=within.end {
                    if doc.text.is_char_boundary(start) && doc.text.is_char_boundary(end) {
                        assert_eq!(
                            spanner(start..end),
                            doc.file_span(start..end),
                            "{start}..{end}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 1000);
    }
}
