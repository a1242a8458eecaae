//! What a comparison finds inside a group, as data: the members with their word
//! fragments against the pivot ([`GroupDiff`]) and the disagreements among them. Made
//! by the crate-private `diff` and `discrepancy` modules, read by the
//! reports and the reader.

use std::ops::Range;

/// How a fragment's words compare with the group's base (the pivot's member).
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

/// A run of a member's text of one [`FragmentKind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// Range in the source's extracted text.
    pub range: Range<usize>,
    /// How its words compare with the base.
    pub kind: FragmentKind,
}

/// A run of adjacent sentences of one source inside a group.
#[derive(Debug, Clone)]
pub struct Member {
    /// The source it is from.
    pub source: usize,
    /// Sentence positions in the source.
    pub(crate) sentences: Vec<usize>,
    /// Range in the source's extracted text, first sentence start to last end.
    pub range: Range<usize>,
    /// Its text cut into fragments, in order, covering all of it.
    pub fragments: Vec<Fragment>,
}

/// A group's members with their differences from the pivot.
#[derive(Debug, Clone)]
pub struct GroupDiff {
    /// The source whose member the others are compared with.
    pub pivot: usize,
    /// The members, by source, then position.
    pub members: Vec<Member>,
    /// Where the members disagree (none in a group of one source).
    pub discrepancies: Vec<Discrepancy>,
}

/// What sources disagree about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    /// Different numbers for the same thing ("12 injured" / "eleven injured").
    Number,
    /// The same quotation, worded differently.
    Quote,
}

/// What one source says in a disagreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    /// The source that says it.
    pub source: usize,
    /// The words as the source has them.
    pub text: String,
    /// Range in the source's extracted text.
    pub range: Range<usize>,
}

/// A disagreement between the members of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discrepancy {
    /// Numbers or a quotation.
    pub kind: DiscrepancyKind,
    /// What the numbers count ("injur", "°c"); empty for quotes.
    pub(crate) about: String,
    /// What each source involved says, one value per source, by source.
    pub values: Vec<Value>,
}
