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
    /// Every quotation, matched across sources whatever the groups (added field).
    pub quotes: Vec<QuoteRowReport>,
    /// Every figure, matched across sources by what it counts (added field).
    pub figures: Vec<FigureRowReport>,
    /// Editors' notes from the review file (added field; absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<NoteReport>,
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
    /// "shared" or "unique".
    pub kind: &'static str,
    /// How sure the scorer is of the group's links (0–1, two decimals): the mean
    /// probability of its pairs of sentences from different sources. Shared groups
    /// only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    pub members: Vec<MemberReport<'a>>,
    pub discrepancies: Vec<DiscrepancyReport>,
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

/// One quotation as printed by one or more sources.
#[derive(Debug, Serialize)]
pub struct QuoteRowReport {
    pub id: usize,
    /// The sources that print it, in order.
    pub sources: Vec<usize>,
    /// The sources word it differently (beyond case and punctuation).
    pub differs: bool,
    pub members: Vec<QuoteReport>,
}

#[derive(Debug, Serialize)]
pub struct QuoteReport {
    pub source: usize,
    /// Byte offsets in the file of the quoted words (first part to last), end exclusive.
    pub start: usize,
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

#[derive(Debug, Serialize)]
pub struct SpanReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One figure (one thing counted or measured) as given by one or more sources.
#[derive(Debug, Serialize)]
pub struct FigureRowReport {
    pub id: usize,
    /// "count", "measure", "duration", "date" or "time".
    pub kind: crate::compare::figures::FigureKind,
    /// One spelling for each unit ("m", "°c", "usd", "%", "year").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// The event the figures count ("killed", "injured", "evacuated", …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<&'static str>,
    pub sources: Vec<usize>,
    /// Two sources give values with none in common.
    pub differs: bool,
    pub members: Vec<FigureReport>,
}

#[derive(Debug, Serialize)]
pub struct FigureReport {
    pub source: usize,
    /// Byte offsets in the file of the number and its unit, end exclusive.
    pub start: usize,
    pub end: usize,
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
                    "shared"
                } else {
                    "unique"
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
        }
    }
}
