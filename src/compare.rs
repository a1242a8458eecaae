//! One comparison: the loaded sources, their alignment and the word diffs of each group.

use crate::align::{self, Alignment};
use crate::diff::{self, GroupDiff};
use crate::source::Source;
use crate::tokens::Normalizer;

pub struct Comparison {
    pub sources: Vec<Source>,
    pub alignment: Alignment,
    pub normalizer: Normalizer,
}

impl Comparison {
    pub fn new(sources: Vec<Source>) -> Self {
        let alignment = align::align(&sources);
        let normalizer = Normalizer::new(alignment.language);
        Self {
            sources,
            alignment,
            normalizer,
        }
    }

    /// The diff of group `g` against `pivot`'s member (computed on demand).
    pub fn diff(&self, g: usize, pivot: usize) -> GroupDiff {
        diff::diff_group(
            &self.sources,
            &self.alignment.groups[g],
            pivot,
            &self.normalizer,
        )
    }

    /// Diffs of every group against `pivot`.
    pub fn diffs(&self, pivot: usize) -> Vec<GroupDiff> {
        (0..self.alignment.groups.len())
            .map(|g| self.diff(g, pivot))
            .collect()
    }
}
