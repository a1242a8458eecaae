//! Alignment of N sources: groups of sentences that report the same thing.
//!
//! The pipeline, one module per step:
//! - `features`: content keys per sentence, weighted by rarity among the sources
//!   compared (with a floor), everyday words and the tails of long names lighter;
//! - `soft`: partial matches between keys sharing a long prefix (inflections);
//! - `score`: candidate pairs from an inverted index of rare keys (bounded, so the
//!   work is near-linear) and what each pair shares;
//! - `links`: evidence per pair: shared weight, a weak position prior, and how the
//!   pair compares with the other candidates of both sentences;
//! - `order`: for sources that tell things in the same order, a bonus for pairs on
//!   the best order-preserving chain;
//! - `group`: correlation clustering, so that a group's members all agree and
//!   links do not chain unrelated sentences.
//!
//! Nothing depends on the order in which sources are given. Sentences left alone are
//! material unique to their source. QUALITY.md has the measurements.

mod features;
mod group;
mod links;
mod order;
mod params;
mod score;
mod soft;

use crate::lang::Language;
use crate::source::Source;
use crate::tokenized::Tokenized;
use crate::tokens::Normalizer;

pub use features::Weighting;
pub use params::{Order, Params};
pub use score::Pair;

/// Whether work over `sentences` sentences is worth spreading over threads. Below
/// this, handing work to the thread pool (and waiting for it to be scheduled on a
/// busy machine) costs more than it saves; above, both paths give the same result.
pub fn parallel(sentences: usize) -> bool {
    sentences >= 2_000
}

/// One sentence, by source and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentenceId {
    pub source: usize,
    pub index: usize,
}

/// Sentences from one or more sources that report the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Members sorted by source, then position.
    pub sentences: Vec<SentenceId>,
}

impl Group {
    /// The sources that carry this group, ascending.
    pub fn sources(&self) -> Vec<usize> {
        let mut s: Vec<usize> = self.sentences.iter().map(|id| id.source).collect();
        s.dedup();
        s
    }

    pub fn is_shared(&self) -> bool {
        self.sentences.first().map(|f| f.source) != self.sentences.last().map(|l| l.source)
    }

    pub fn has(&self, source: usize) -> bool {
        self.sentences.iter().any(|id| id.source == source)
    }

    /// Positions of this group's sentences in `source`.
    pub fn in_source(&self, source: usize) -> impl Iterator<Item = usize> + '_ {
        self.sentences
            .iter()
            .filter(move |id| id.source == source)
            .map(|id| id.index)
    }
}

/// The result of aligning sources.
#[derive(Debug, Clone)]
pub struct Alignment {
    pub groups: Vec<Group>,
    /// `group_of[source][sentence]` is the group holding that sentence.
    pub group_of: Vec<Vec<usize>>,
    pub language: Language,
    /// Candidate sentence pairs scored (grows with the algorithm's complexity).
    pub comparisons: usize,
    /// Sentences read from the candidate index's lists to find those pairs (grows
    /// with the work of the search).
    pub index_reads: usize,
}

impl Alignment {
    pub fn shared_count(&self) -> usize {
        self.groups.iter().filter(|g| g.is_shared()).count()
    }
}

/// Aligns `sources` with the default parameters.
pub fn align(sources: &[Source]) -> Alignment {
    align_with(sources, &Params::default())
}

pub fn align_with(sources: &[Source], params: &Params) -> Alignment {
    let normalizer = Normalizer::new(language_of(sources));
    let tokens = Tokenized::build(sources, &normalizer);
    align_tokenized(sources, &tokens, &normalizer, params)
}

/// The language the sources are written in (one for all of them).
pub fn language_of(sources: &[Source]) -> Language {
    let sentences = sources.iter().map(|s| s.sentences.len()).sum();
    if !parallel(sentences) {
        return Language::detect(sources.iter().map(|s| s.doc.text.as_str()));
    }
    use rayon::prelude::*;
    let counts = sources
        .par_iter()
        .map(|s| Language::function_words(&s.doc.text))
        .reduce(|| [0; 5], |a, b| std::array::from_fn(|i| a[i] + b[i]));
    Language::most_counted(counts)
}

/// Aligns `sources`, whose sentences `tokens` holds, tokenised by `normalizer`.
pub fn align_tokenized(
    sources: &[Source],
    tokens: &Tokenized,
    normalizer: &Normalizer,
    params: &Params,
) -> Alignment {
    use crate::stages::mark;
    let feats = features_of(sources, tokens, normalizer, params);
    mark("features");
    // Ties are broken by content the same way in both steps that need it.
    let rank = feats.tiebreak_ranks();
    let mut scored = score::candidates(&feats, &rank, params);
    mark("candidates");
    let evidence = links::evidence(&feats, &mut scored, params);
    mark("evidence");
    let clusters = group::cluster(&feats, &rank, &scored, &evidence, params);
    mark("cluster");
    let groups = order(sources, clusters);
    let mut group_of: Vec<Vec<usize>> =
        sources.iter().map(|s| vec![0; s.sentences.len()]).collect();
    for (g, group) in groups.iter().enumerate() {
        for id in &group.sentences {
            group_of[id.source][id.index] = g;
        }
    }
    Alignment {
        groups,
        group_of,
        language: normalizer.language(),
        comparisons: scored.comparisons,
        index_reads: scored.index_reads,
    }
}

/// Every candidate pair with what it shares and its strength, for diagnostics
/// (`examples/eval_align.rs`).
pub fn candidate_pairs(
    sources: &[Source],
    params: &Params,
) -> Vec<(SentenceId, SentenceId, Pair, f32)> {
    let normalizer = Normalizer::new(language_of(sources));
    let tokens = Tokenized::build(sources, &normalizer);
    let feats = features_of(sources, &tokens, &normalizer, params);
    let mut scored = score::candidates(&feats, &feats.tiebreak_ranks(), params);
    let evidence = links::evidence(&feats, &mut scored, params);
    // Pairs keep only their strength; what they share is measured again here.
    scored
        .pairs
        .iter()
        .zip(evidence)
        .map(|(&(a, b, _), e)| {
            let (a, b) = (a as usize, b as usize);
            let pair = score::measure(&feats, feats.sentence(a), feats.sentence(b));
            (feats.ids[a], feats.ids[b], pair, e)
        })
        .collect()
}

/// Every sentence's content keys with their weights, for diagnostics.
pub fn sentence_keys(sources: &[Source], params: &Params) -> Vec<(SentenceId, Vec<(String, f32)>)> {
    let normalizer = Normalizer::new(language_of(sources));
    let tokens = Tokenized::build(sources, &normalizer);
    let feats = features_of(sources, &tokens, &normalizer, params);
    feats
        .ids
        .iter()
        .enumerate()
        .map(|(g, &id)| {
            (
                id,
                feats
                    .sentence(g)
                    .terms
                    .iter()
                    .map(|t| {
                        (
                            feats.names[t.key as usize].clone(),
                            feats.weight[t.key as usize],
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

fn features_of(
    sources: &[Source],
    tokens: &Tokenized,
    normalizer: &Normalizer,
    params: &Params,
) -> features::Features {
    features::Features::build(
        sources,
        tokens,
        normalizer,
        &params.weighting,
        params.phrase > 0.0,
    )
}

/// Puts groups in reading order: by the first source's order, with material the first
/// source lacks placed after the group that precedes it in the source that has it.
fn order(sources: &[Source], clusters: Vec<Vec<SentenceId>>) -> Vec<Group> {
    let mut groups: Vec<Group> = clusters
        .into_iter()
        .map(|mut s| {
            s.sort();
            Group { sentences: s }
        })
        .collect();
    // Sort key: position in the earliest source that carries the group, expressed
    // as a fraction of that source, so that sources interleave sensibly.
    let key = |g: &Group| {
        let first = g.sentences[0];
        let n = sources[first.source].sentences.len().max(1) as f64;
        (first.index as f64 / n, first.source, first.index)
    };
    groups.sort_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    groups
}
