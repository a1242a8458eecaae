//! The review file on disk (TOML, versioned): what is stored and how it is checked
//! when read. Anything unexpected makes the file "broken", so it is never rewritten
//! by a parallax that would silently drop what it does not understand.

use serde::{Deserialize, Serialize};

/// The review file format this build reads and writes.
pub(crate) const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReviewFile {
    pub(crate) version: u32,
    #[serde(default, rename = "source", skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<SourceEntry>,
}

/// One reviewed article: where it is and what it contained when last saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceEntry {
    /// Relative to the review file's directory when the article lies under it.
    pub(crate) path: String,
    /// SHA-256 of the article's bytes, hex.
    pub(crate) sha256: String,
    #[serde(default, rename = "note", skip_serializing_if = "Vec::is_empty")]
    pub(crate) notes: Vec<NoteEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoteEntry {
    pub(crate) id: u64,
    /// Byte span in the article where the quoted words were last found.
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) quote: String,
    #[serde(default)]
    pub(crate) before: String,
    #[serde(default)]
    pub(crate) after: String,
    /// Set when the quoted words could not be found in the article any more.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) detached: bool,
    pub(crate) text: String,
}

/// Why a review file cannot be used.
#[derive(Debug)]
pub(crate) enum Problem {
    Broken(String),
    Newer(u64),
}

const HEADER: &str = "# parallax review: notes on passages of the sources below.\n\
# Notes re-attach to their quoted words when an article is edited; `detached` notes lost theirs.\n";

/// Parses and checks a review file's text.
pub(crate) fn parse(text: &str) -> Result<ReviewFile, Problem> {
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| Problem::Broken(first_line(e.message())))?;
    match table.get("version") {
        Some(toml::Value::Integer(v)) if *v > i64::from(VERSION) => {
            return Err(Problem::Newer(*v as u64));
        }
        Some(toml::Value::Integer(v)) if *v == i64::from(VERSION) => {}
        Some(_) => return Err(Problem::Broken(format!("`version` must be {VERSION}"))),
        None => return Err(Problem::Broken("no `version` line".into())),
    }
    let file: ReviewFile = table
        .try_into()
        .map_err(|e: toml::de::Error| Problem::Broken(first_line(e.message())))?;
    check(&file).map_err(Problem::Broken)?;
    Ok(file)
}

fn check(file: &ReviewFile) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    for s in &file.sources {
        for n in &s.notes {
            if !ids.insert(n.id) {
                return Err(format!("note id {} is used twice", n.id));
            }
            if n.start > n.end || n.quote.is_empty() {
                return Err(format!("note {} has an empty or reversed span", n.id));
            }
        }
    }
    Ok(())
}

/// The file's text: a short header comment, then the TOML.
pub(crate) fn render(file: &ReviewFile) -> String {
    let body = toml::to_string(file).expect("a review always serialises");
    format!("{HEADER}\n{body}")
}

fn first_line(s: &str) -> String {
    crate::sanitize::one_line(s.lines().next().unwrap_or("not valid TOML"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_and_broken_files_are_told_apart() {
        assert!(matches!(parse("version = 7\n"), Err(Problem::Newer(7))));
        assert!(matches!(
            parse("version = 1\n[[source]]\npath = 3\n"),
            Err(Problem::Broken(_))
        ));
        assert!(matches!(parse("verson = 1\n"), Err(Problem::Broken(_))));
        assert!(matches!(
            parse("version = 1\nextra = true\n"),
            Err(Problem::Broken(_))
        ));
        assert_eq!(
            parse("version = 1\n").unwrap(),
            ReviewFile {
                version: 1,
                sources: vec![]
            }
        );
    }

    #[test]
    fn multi_line_notes_round_trip() {
        let file = ReviewFile {
            version: VERSION,
            sources: vec![SourceEntry {
                path: "a \"quoted\" name.txt".into(),
                sha256: "00".into(),
                notes: vec![NoteEntry {
                    id: 3,
                    start: 1,
                    end: 9,
                    quote: "it's \"so\"".into(),
                    before: "\\".into(),
                    after: "\u{7}".into(),
                    detached: true,
                    text: "line one\nline two '''\n".into(),
                }],
            }],
        };
        assert_eq!(parse(&render(&file)).unwrap(), file);
    }
}
