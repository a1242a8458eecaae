//! One comparison: the loaded sources, their alignment and the word diffs of each group.

pub(crate) mod diff;
pub(crate) mod discrepancy;
pub mod facts;
pub mod figures;
pub mod model;
pub mod quotes;

use crate::align::{self, Alignment};
use crate::compare::facts::Facts;
use crate::compare::model::Discrepancy;
use crate::compare::model::GroupDiff;
use crate::perf::Parallelism;
use crate::source::Source;
use crate::text::tokenized::Tokenized;
use crate::text::tokens::Normalizer;

/// Sources compared: what the reader shows and every report is built from.
pub struct Comparison {
    /// The sources, in the order given.
    pub sources: Vec<Source>,
    /// Their sentences grouped across sources.
    pub alignment: Alignment,
    /// From how many sentences the diffs and the report are made in parallel.
    pub(crate) parallelism: Parallelism,
    pub(crate) normalizer: Normalizer,
    /// Every sentence's tokens: made for aligning, read again by the word diffs.
    pub(crate) tokens: Tokenized,
    /// Quotations and figures across sources, found on first use.
    facts: std::sync::OnceLock<Facts>,
}

impl Comparison {
    /// Aligns `sources` with the default parameters.
    pub fn new(sources: Vec<Source>) -> Self {
        Self::with_order(sources, align::OrderMode::default())
    }

    /// Aligns `sources` assuming `order` about the order they tell things in.
    pub fn with_order(sources: Vec<Source>, order: align::OrderMode) -> Self {
        let params = align::Params {
            order,
            ..align::Params::default()
        };
        Self::with_params(sources, &params)
    }

    /// Aligns `sources` with `params` (its order and its parallelism, which every
    /// later stage of the comparison follows too).
    pub fn with_params(sources: Vec<Source>, params: &align::Params) -> Self {
        let parallelism = params.parallelism;
        let normalizer = Normalizer::new(align::language_of(&sources, parallelism));
        let tokens = Tokenized::build(&sources, &normalizer, parallelism);
        crate::perf::stages::mark("tokens");
        let alignment = align::align_tokenized(&sources, &tokens, &normalizer, params);
        Self {
            sources,
            alignment,
            parallelism,
            normalizer,
            tokens,
            facts: std::sync::OnceLock::new(),
        }
    }

    /// Every quotation and figure of every source, matched across sources whether or
    /// not their sentences are in one group (found on first use).
    pub fn facts(&self) -> &Facts {
        self.facts
            .get_or_init(|| Facts::find(&self.sources, &self.tokens))
    }

    /// The diff of group `g` against `pivot`'s member (computed on demand).
    pub fn diff(&self, g: usize, pivot: usize) -> GroupDiff {
        diff::diff_group_cached(
            &self.sources,
            &self.alignment.groups[g],
            pivot,
            &self.normalizer,
            Some(&self.tokens),
            &mut diff::KeyCache::default(),
        )
    }

    /// Diffs of every group against `pivot`, in group order. Groups are independent,
    /// so they are diffed in parallel (collecting keeps the order, so the result is
    /// the same as one by one).
    pub fn diffs(&self, pivot: usize) -> Vec<GroupDiff> {
        self.map_diffs(pivot, |_, d| d)
    }

    /// `f(group, diff)` for every group's diff against `pivot`, in group order; each
    /// diff is dropped as soon as `f` has turned it into what the caller keeps.
    pub(crate) fn map_diffs<T: Send>(
        &self,
        pivot: usize,
        f: impl Fn(usize, GroupDiff) -> T + Sync,
    ) -> Vec<T> {
        let groups = 0..self.alignment.groups.len();
        let one = |cache: &mut diff::KeyCache, g: usize| {
            f(
                g,
                diff::diff_group_cached(
                    &self.sources,
                    &self.alignment.groups[g],
                    pivot,
                    &self.normalizer,
                    Some(&self.tokens),
                    cache,
                ),
            )
        };
        let sentences = self.sources.iter().map(|s| s.sentences.len()).sum();
        self.parallelism
            .over(sentences)
            .map_init(groups, diff::KeyCache::default, one)
    }

    /// The disagreements of every shared group, as `(group, disagreements)` for the
    /// groups that have some, in group order: the same as the diffs give, without
    /// the diffs (in parallel on large inputs, the result is the same).
    pub fn discrepancies(&self) -> Vec<(usize, Vec<Discrepancy>)> {
        let shared: Vec<usize> = (0..self.alignment.groups.len())
            .filter(|&g| self.alignment.groups[g].is_shared())
            .collect();
        let one = |cache: &mut diff::KeyCache, g: &usize| {
            let d = diff::discrepancies_cached(
                &self.sources,
                &self.alignment.groups[*g],
                &self.normalizer,
                Some(&self.tokens),
                cache,
            );
            (*g, d)
        };
        let sentences = self.sources.iter().map(|s| s.sentences.len()).sum();
        let all: Vec<(usize, Vec<Discrepancy>)> =
            self.parallelism
                .over(sentences)
                .map_init(&shared, diff::KeyCache::default, one);
        all.into_iter().filter(|(_, d)| !d.is_empty()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comparison(sources: usize, bytes: usize) -> Comparison {
        Comparison::new(crate::corpus::sources(sources, bytes, 7))
    }

    #[test]
    fn disagreements_without_diffs_are_those_of_the_diffs_for_every_pivot() {
        // Large enough to take the parallel path as well as the sequential one.
        for c in [comparison(3, 8_000), comparison(3, 120_000)] {
            let found = c.discrepancies();
            assert!(!found.is_empty(), "the corpus has disagreements");
            for pivot in 0..c.sources.len() {
                let from_diffs: Vec<(usize, Vec<Discrepancy>)> = c
                    .diffs(pivot)
                    .into_iter()
                    .enumerate()
                    .filter(|(g, d)| {
                        c.alignment.groups[*g].is_shared() && !d.discrepancies.is_empty()
                    })
                    .map(|(g, d)| (g, d.discrepancies))
                    .collect();
                assert_eq!(found, from_diffs, "pivot {pivot}");
            }
        }
    }
}
