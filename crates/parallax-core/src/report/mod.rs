//! Reports: one serialisable [`Report`] built from a comparison; every output format
//! (JSON, Markdown, HTML) reads it and nothing else.

pub mod html;
pub mod json;
pub mod markdown;
mod notes;

pub use notes::NoteReport;

use std::borrow::Cow;

use serde::Serialize;

use crate::compare::Comparison;
use crate::compare::model::DiscrepancyKind;
use crate::compare::model::FragmentKind;

/// The JSON report, version 1 (the contract in DESIGN.md; fields may be added).
/// Passages' texts are borrowed from the comparison: a report of large sources would
/// otherwise copy them all once more.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub version: u32,
    /// The source every member is diffed against.
    pub pivot: usize,
    pub language: String,
    pub sources: Vec<SourceInfo>,
    pub groups: Vec<GroupReport<'a>>,
    /// Editors' notes from the review file (added field; absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteReport>,
    /// The comparison's: from how many sentences the JSON is written in parallel.
    #[serde(skip)]
    pub(crate) parallelism: crate::perf::Parallelism,
}

#[derive(Debug, Serialize)]
pub struct SourceInfo {
    pub index: usize,
    pub path: String,
    pub title: String,
    pub bytes: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    pub sentences: usize,
}

#[derive(Debug, Serialize)]
pub struct GroupReport<'a> {
    pub id: usize,
    pub sources: Vec<usize>,
    /// Whether several sources carry the group.
    pub kind: GroupKind,
    /// How sure the scorer is of the group's links (0–1, two decimals): the mean
    /// probability of its pairs of sentences from different sources. Shared groups
    /// only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    pub members: Vec<MemberReport<'a>>,
    pub discrepancies: Vec<DiscrepancyReport>,
}

/// A group's kind, written `"shared"` or `"unique"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupKind {
    /// Sentences of two sources or more.
    Shared,
    /// Material of one source alone.
    Unique,
}

impl GroupKind {
    /// The kind as the JSON report writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::Shared => "shared",
            GroupKind::Unique => "unique",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct MemberReport<'a> {
    pub source: usize,
    /// Byte offsets in the file on disk, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
    /// The member's text cut into runs same as / different from the pivot; their
    /// texts concatenated give `text`.
    pub fragments: Vec<FragmentReport<'a>>,
}

#[derive(Debug, Serialize)]
pub struct FragmentReport<'a> {
    pub kind: FragmentKind,
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
}

#[derive(Debug, Serialize)]
pub struct DiscrepancyReport {
    pub kind: DiscrepancyKind,
    pub values: Vec<ValueReport>,
}

#[derive(Debug, Serialize)]
pub struct ValueReport {
    pub source: usize,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl<'a> Report<'a> {
    pub fn build(c: &'a Comparison, pivot: usize) -> Report<'a> {
        let sources = c
            .sources
            .iter()
            .enumerate()
            .map(|(index, s)| SourceInfo {
                index,
                path: s.doc.path.clone(),
                title: s.doc.label(),
                bytes: s.doc.size,
                date: s.doc.date.clone(),
                byline: s.doc.byline.clone(),
                sentences: s.sentences.len(),
            })
            .collect();
        let span = |source: usize, r: std::ops::Range<usize>| {
            c.sources[source].doc.file_span(r).unwrap_or(0..0)
        };
        // Each group's report is made where its diff is, in parallel on large inputs.
        let groups = c.map_diffs(pivot, |id, d| {
            let group = &c.alignment.groups[id];
            let members = d
                .members
                .iter()
                .map(|m| {
                    let doc = &c.sources[m.source].doc;
                    let (text, in_member) = (&doc.text, doc.file_spanner(m.range.clone()));
                    let s = span(m.source, m.range.clone());
                    MemberReport {
                        source: m.source,
                        start: s.start,
                        end: s.end,
                        text: Cow::Borrowed(&text[m.range.clone()]),
                        fragments: m
                            .fragments
                            .iter()
                            .map(|f| {
                                let fs = in_member(f.range.clone()).unwrap_or(0..0);
                                FragmentReport {
                                    kind: f.kind,
                                    start: fs.start,
                                    end: fs.end,
                                    text: Cow::Borrowed(&text[f.range.clone()]),
                                }
                            })
                            .collect(),
                    }
                })
                .collect();
            let discrepancies = d
                .discrepancies
                .iter()
                .map(|x| DiscrepancyReport {
                    kind: x.kind,
                    values: x
                        .values
                        .iter()
                        .map(|v| {
                            let s = span(v.source, v.range.clone());
                            ValueReport {
                                source: v.source,
                                text: v.text.clone(),
                                start: s.start,
                                end: s.end,
                            }
                        })
                        .collect(),
                })
                .collect();
            GroupReport {
                id,
                sources: group.sources(),
                kind: if group.is_shared() {
                    GroupKind::Shared
                } else {
                    GroupKind::Unique
                },
                confidence: c
                    .alignment
                    .confidence
                    .get(id)
                    .copied()
                    .flatten()
                    .map(|p| (f64::from(p) * 100.0).round() / 100.0),
                members,
                discrepancies,
            }
        });
        Report {
            version: 1,
            pivot,
            language: format!("{:?}", c.alignment.language).to_lowercase(),
            sources,
            groups,
            notes: Vec::new(),
            parallelism: c.parallelism,
        }
    }
}
