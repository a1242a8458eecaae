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

/// The JSON report, version 1: the contract described field by field in
/// `docs/JSON.md` and checked by `docs/report.schema.json` (fields may be added).
/// Passages' texts are borrowed from the comparison: a report of large sources would
/// otherwise copy them all once more.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// The format's version: 1.
    pub version: u32,
    /// The source every member is diffed against.
    pub pivot: usize,
    /// The language detected, lowercase English name ("english", "portuguese", …).
    pub language: String,
    /// The sources, in the order given.
    pub sources: Vec<SourceInfo>,
    /// The passages, in reading order.
    pub groups: Vec<GroupReport<'a>>,
    /// Every quotation, matched across sources whatever the groups (added field).
    pub quotes: Vec<QuoteRowReport>,
    /// Every figure, matched across sources by what it counts (added field).
    pub figures: Vec<FigureRowReport>,
    /// Editors' notes from the review file (added field; absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteReport>,
    /// The comparison's: from how many sentences the JSON is written in parallel.
    #[serde(skip)]
    pub(crate) parallelism: crate::perf::Parallelism,
}

/// One source, as the report describes it.
#[derive(Debug, Serialize)]
pub struct SourceInfo {
    /// Its position in the report's sources.
    pub index: usize,
    /// The path as given (`-` for standard input).
    pub path: String,
    /// The article's title, else its file name.
    pub title: String,
    /// Its size on disk in bytes.
    pub bytes: usize,
    /// The article's date as it gives it, when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The author line as the article gives it, when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// How many sentences it has.
    pub sentences: usize,
}

/// One passage: sentences several sources share, or material of one source.
#[derive(Debug, Serialize)]
pub struct GroupReport<'a> {
    /// Its position in the report's groups.
    pub id: usize,
    /// The sources with a member in it, ascending.
    pub sources: Vec<usize>,
    /// Whether several sources carry the group.
    pub kind: GroupKind,
    /// How sure the scorer is of the group's links (0–1, two decimals): the mean
    /// probability of its pairs of sentences from different sources. Shared groups
    /// only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// Its members, by source, then position.
    pub members: Vec<MemberReport<'a>>,
    /// Where its sources disagree (always empty in a unique group).
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

/// A run of consecutive sentences of one source, in one paragraph.
#[derive(Debug, Serialize)]
pub struct MemberReport<'a> {
    /// The source it is from.
    pub source: usize,
    /// Byte offsets in the file on disk, end exclusive.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its text as parallax read it (decoded, markup removed).
    pub text: Cow<'a, str>,
    /// The member's text cut into runs same as / different from the pivot; their
    /// texts concatenated give `text`.
    pub fragments: Vec<FragmentReport<'a>>,
}

/// A run of a member's text, compared with the group's base.
#[derive(Debug, Serialize)]
pub struct FragmentReport<'a> {
    /// How its words compare with the base.
    pub kind: FragmentKind,
    /// Its first byte in the file.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its text.
    pub text: Cow<'a, str>,
}

/// A disagreement between the sources of a group.
#[derive(Debug, Serialize)]
pub struct DiscrepancyReport {
    /// Numbers or a quotation.
    pub kind: DiscrepancyKind,
    /// What each source involved says, by source.
    pub values: Vec<ValueReport>,
}

/// What one source says in a disagreement.
#[derive(Debug, Serialize)]
pub struct ValueReport {
    /// The source.
    pub source: usize,
    /// The words as it has them.
    pub text: String,
    /// Their first byte in the file.
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
}

/// One quotation as printed by one or more sources.
#[derive(Debug, Serialize)]
pub struct QuoteRowReport {
    /// Its position in the report's quotes.
    pub id: usize,
    /// The sources that print it, in order.
    pub sources: Vec<usize>,
    /// The sources word it differently (beyond case and punctuation).
    pub differs: bool,
    /// Each source's quotation, by source, then position.
    pub members: Vec<QuoteReport>,
}

/// One source's quotation in a quote row.
#[derive(Debug, Serialize)]
pub struct QuoteReport {
    /// The source it is from.
    pub source: usize,
    /// Byte offsets in the file of the quoted words (first part to last), end exclusive.
    pub start: usize,
    /// One past the last byte of its last part.
    pub end: usize,
    /// The quoted words; the parts of a quotation split by its attribution joined by " … ".
    pub text: String,
    /// Who the sentence says spoke, as written ("a senior official").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The parts of a split quotation (absent when it is one part).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<SpanReport>,
}

/// One part of a quotation split by its attribution.
#[derive(Debug, Serialize)]
pub struct SpanReport {
    /// Its first byte in the file.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its words as parallax read them.
    pub text: String,
}

/// One figure (one thing counted or measured) as given by one or more sources.
#[derive(Debug, Serialize)]
pub struct FigureRowReport {
    /// Its position in the report's figures.
    pub id: usize,
    /// "count", "measure", "duration", "date" or "time".
    pub kind: crate::compare::figures::FigureKind,
    /// One spelling for each unit ("m", "°c", "usd", "%", "year").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// The event the figures count ("killed", "injured", "evacuated", …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<&'static str>,
    /// The sources that give it, in order.
    pub sources: Vec<usize>,
    /// Two sources give values with none in common.
    pub differs: bool,
    /// Each source's figure, by source, then position.
    pub members: Vec<FigureReport>,
}

/// One source's figure in a figure row.
#[derive(Debug, Serialize)]
pub struct FigureReport {
    /// The source it is from.
    pub source: usize,
    /// Byte offsets in the file of the number and its unit, end exclusive.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The number and its unit as written ("4.5 million dollars").
    pub text: String,
    /// Normalised: "12", "4500000", "-8", "2031-02-01", "02-01", "06:40".
    pub value: String,
    /// The word counted, as written ("people").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<String>,
    /// The event word, as written ("wounded").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_word: Option<String>,
}

/// The quotations and figures of `c` as report rows.
fn facts(c: &Comparison) -> (Vec<QuoteRowReport>, Vec<FigureRowReport>) {
    let facts = c.facts();
    let span = |source: usize, r: std::ops::Range<usize>| {
        c.sources[source].doc.file_span(r).unwrap_or(0..0)
    };
    let text = |source: usize, r: std::ops::Range<usize>| c.sources[source].doc.text[r].to_owned();
    let sources_of = |members: &mut dyn Iterator<Item = usize>| {
        let mut s: Vec<usize> = members.collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    let quotes = facts
        .quote_rows
        .iter()
        .enumerate()
        .map(|(id, row)| QuoteRowReport {
            id,
            sources: sources_of(&mut row.members.iter().map(|&m| facts.quotes[m].source)),
            differs: row.differs,
            members: row
                .members
                .iter()
                .map(|&m| {
                    let q = &facts.quotes[m];
                    let s = span(q.source, q.range());
                    QuoteReport {
                        source: q.source,
                        start: s.start,
                        end: s.end,
                        text: q.text(&c.sources[q.source]),
                        speaker: q.speaker.clone().map(|r| text(q.source, r)),
                        parts: if q.parts.len() > 1 {
                            q.parts
                                .iter()
                                .map(|p| {
                                    let s = span(q.source, p.clone());
                                    SpanReport {
                                        start: s.start,
                                        end: s.end,
                                        text: text(q.source, p.clone()),
                                    }
                                })
                                .collect()
                        } else {
                            Vec::new()
                        },
                    }
                })
                .collect(),
        })
        .collect();
    let figures = facts
        .figure_rows
        .iter()
        .enumerate()
        .map(|(id, row)| {
            let first = &facts.figures[row.members[0]];
            FigureRowReport {
                id,
                kind: first.kind,
                unit: first.unit,
                event: first.event,
                sources: sources_of(&mut row.members.iter().map(|&m| facts.figures[m].source)),
                differs: row.differs,
                members: row
                    .members
                    .iter()
                    .map(|&m| {
                        let f = &facts.figures[m];
                        let s = span(f.source, f.range.clone());
                        FigureReport {
                            source: f.source,
                            start: s.start,
                            end: s.end,
                            text: text(f.source, f.range.clone()),
                            value: f.value.clone(),
                            counted: f.counted.clone().map(|r| text(f.source, r)),
                            event_word: f.event_word.clone().map(|r| text(f.source, r)),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    (quotes, figures)
}

impl<'a> Report<'a> {
    /// The report of comparison `c` with every member diffed against source `pivot`
    /// (without notes: the caller adds the review's).
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
        let (quotes, figures) = facts(c);
        Report {
            version: 1,
            pivot,
            language: format!("{:?}", c.alignment.language).to_lowercase(),
            sources,
            groups,
            quotes,
            figures,
            notes: Vec::new(),
            parallelism: c.parallelism,
        }
    }
}
