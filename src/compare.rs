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
        Self::with_order(sources, align::Order::default())
    }

    /// Aligns `sources` assuming `order` about the order they tell things in.
    pub fn with_order(sources: Vec<Source>, order: align::Order) -> Self {
        let params = align::Params {
            order,
            ..align::Params::default()
        };
        let alignment = align::align_with(&sources, &params);
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

    /// Diffs of every group against `pivot`, in group order. Groups are independent,
    /// so they are diffed in parallel (collecting keeps the order, so the result is
    /// the same as one by one).
    pub fn diffs(&self, pivot: usize) -> Vec<GroupDiff> {
        use rayon::prelude::*;
        let groups = 0..self.alignment.groups.len();
        let one = |cache: &mut diff::KeyCache, g: usize| {
            diff::diff_group_cached(
                &self.sources,
                &self.alignment.groups[g],
                pivot,
                &self.normalizer,
                cache,
            )
        };
        let sentences = self.sources.iter().map(|s| s.sentences.len()).sum();
        if align::parallel(sentences) {
            groups
                .into_par_iter()
                .map_init(diff::KeyCache::default, one)
                .collect()
        } else {
            let mut cache = diff::KeyCache::default();
            groups.map(|g| one(&mut cache, g)).collect()
        }
    }
}
