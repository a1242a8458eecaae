//! What a comparison finds inside a group, as data: the members with their word
//! fragments against the pivot ([`GroupDiff`]) and the disagreements among them. Made
//! by [`diff`](super::diff) and [`discrepancy`](super::discrepancy), read by the
//! reports and the reader.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FragmentKind {
    /// Words the pivot has too.
    Same,
    /// Words that stand where the pivot has other words.
    Changed,
    /// Words no counterpart has (in the pivot: no other member has them).
    OnlyHere,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// Range in the source's extracted text.
    pub range: Range<usize>,
    pub kind: FragmentKind,
}

/// A run of adjacent sentences of one source inside a group.
#[derive(Debug, Clone)]
pub struct Member {
    pub source: usize,
    /// Sentence positions in the source.
    pub(crate) sentences: Vec<usize>,
    /// Range in the source's extracted text, first sentence start to last end.
    pub range: Range<usize>,
    pub fragments: Vec<Fragment>,
}

/// A group's members with their differences from the pivot.
#[derive(Debug, Clone)]
pub struct GroupDiff {
    /// The source whose member the others are compared with.
    pub pivot: usize,
    pub members: Vec<Member>,
    pub discrepancies: Vec<Discrepancy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    Number,
    Quote,
}

/// What one source says in a disagreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub source: usize,
    /// The words as the source has them.
    pub text: String,
    /// Range in the source's extracted text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    /// What the numbers count ("injur", "°c"); empty for quotes.
    pub(crate) about: String,
    pub values: Vec<Value>,
}
