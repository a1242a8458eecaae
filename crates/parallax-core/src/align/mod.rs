//! Alignment of N sources: groups of sentences that report the same thing.
//!
//! The pipeline, one module per step:
//! - `features`: content keys per sentence, weighted by rarity among the sources
//!   compared (with a floor), everyday words and the tails of long names lighter;
//! - `soft`: partial matches between keys sharing a long prefix (inflections);
//! - `candidates`: candidate pairs from an inverted index of rare keys (bounded, so
//!   the work is near-linear) and what each pair shares;
//! - `links`: what a pair shares and its lexical strength (shared weight, shared
//!   phrasing, a weak position prior);
//! - `lexicon`, `profile`: word tables shipped in `data/` and what the scorer reads
//!   of each sentence (word runs, quotes, background weights, meaning vectors);
//! - `layout`, `scorer`, `weights`: the learned pair scorer (its features, the two
//!   logistic stages, their fitted weights);
//! - `chain`: order features, from the heaviest order-keeping chain of each pair of
//!   sources;
//! - `group`, `repair`: correlation clustering, so that a group's members all agree
//!   and links do not chain unrelated sentences, then single-sentence moves.
//!
//! Nothing depends on the order in which sources are given. Sentences left alone are
//! material unique to their source. QUALITY.md has the measurements.

mod candidates;
mod chain;
mod features;
mod group;
mod layout;
mod lexicon;
mod links;
mod params;
mod profile;
mod repair;
mod scorer;
mod soft;
mod weights;

use crate::perf::Parallelism;
use crate::source::Source;
use crate::text::lang::Language;
use crate::text::tokenized::Tokenized;
use crate::text::tokens::Normalizer;

pub use features::Weighting;
pub use layout::{LEXICAL, N1, N2, ORDER};
pub use params::{OrderMode, Params};
pub use scorer::{Model, logistic};

/// One sentence, by source and position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SentenceId {
    /// The source's position among the comparison's sources.
    pub source: usize,
    /// The sentence's position in its source.
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
    pub(crate) fn sources(&self) -> Vec<usize> {
        let mut s: Vec<usize> = self.sentences.iter().map(|id| id.source).collect();
        s.dedup();
        s
    }

    /// Whether sentences of two sources or more are in it.
    pub fn is_shared(&self) -> bool {
        self.sentences.first().map(|f| f.source) != self.sentences.last().map(|l| l.source)
    }

    pub(crate) fn has(&self, source: usize) -> bool {
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
    /// Every sentence in exactly one group, groups in reading order.
    pub groups: Vec<Group>,
    /// `group_of[source][sentence]` is the group holding that sentence.
    pub group_of: Vec<Vec<usize>>,
    pub(crate) language: Language,
    /// Candidate sentence pairs scored (grows with the algorithm's complexity).
    pub comparisons: usize,
    /// Sentences read from the candidate index's lists to find those pairs (grows
    /// with the work of the search).
    pub index_reads: usize,
    /// Each group's confidence: the mean probability of its pairs of sentences from
    /// different sources (a pair never proposed counts 0); `None` for material
    /// unique to one source.
    pub confidence: Vec<Option<f32>>,
    /// The scorer's evidence for what a reader asks about a sentence: every linked
    /// pair, and each sentence's [`EVIDENCE_PER_SOURCE`] most probable candidates in
    /// each other source (linked or not, with some probability), sorted by the pair.
    pub evidence: Vec<PairEvidence>,
}

/// Why two sentences are (or are not) linked: the scorer's features and its
/// probability that they report the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct PairEvidence {
    /// The pair's first sentence (the lower global index).
    pub a: SentenceId,
    /// Its second sentence, from another source.
    pub b: SentenceId,
    /// The scorer's probability that the two report the same thing.
    pub probability: f32,
    /// Values of [`LEXICAL`] then [`ORDER`].
    pub features: [f32; N2],
}

/// Pairs below this probability are not kept as evidence.
const EVIDENCE_FLOOR: f32 = 0.05;
/// How many of a sentence's best candidates in each other source keep their
/// evidence (beside its links): enough to explain why the best were not linked,
/// without keeping the features of every pair of a large comparison.
pub const EVIDENCE_PER_SOURCE: usize = 3;

impl Alignment {
    /// How many groups are shared by two sources or more.
    pub fn shared_count(&self) -> usize {
        self.groups.iter().filter(|g| g.is_shared()).count()
    }
}

/// Aligns `sources` with the default parameters.
pub fn align(sources: &[Source]) -> Alignment {
    align_with(sources, &Params::default())
}

/// Aligns `sources` with `params`.
pub fn align_with(sources: &[Source], params: &Params) -> Alignment {
    let normalizer = Normalizer::new(language_of(sources, params.parallelism));
    let tokens = Tokenized::build(sources, &normalizer, params.parallelism);
    align_tokenized(sources, &tokens, &normalizer, params)
}

/// The language the sources are written in (one for all of them).
pub(crate) fn language_of(sources: &[Source], parallelism: Parallelism) -> Language {
    let sentences = sources.iter().map(|s| s.sentences.len()).sum();
    let counts = parallelism.over(sentences).map_reduce(
        sources,
        |s| Language::function_words(&s.doc.text),
        || [0; 5],
        |a, b| std::array::from_fn(|i| a[i] + b[i]),
    );
    Language::most_counted(counts)
}

/// Aligns `sources`, whose sentences `tokens` holds, tokenised by `normalizer`.
pub(crate) fn align_tokenized(
    sources: &[Source],
    tokens: &Tokenized,
    normalizer: &Normalizer,
    params: &Params,
) -> Alignment {
    Trial::new(sources, tokens, normalizer, params).align(&params.model, params.order)
}

/// A comparison's candidate pairs, measured: what the scorer's model decides on.
/// Public for the fitting tool (`examples/fit_scorer.rs`), which tries several
/// models on one measurement.
#[doc(hidden)]
pub struct Trial<'a> {
    sources: &'a [Source],
    feats: features::Features,
    rank: Vec<u32>,
    prep: scorer::Prepared,
    params: Params,
    language: Language,
}

impl<'a> Trial<'a> {
    /// Measures the candidate pairs of `sources`, whose sentences `tokens` holds.
    pub(crate) fn new(
        sources: &'a [Source],
        tokens: &Tokenized,
        normalizer: &Normalizer,
        params: &Params,
    ) -> Trial<'a> {
        use crate::perf::stages::mark;
        let feats = features_of(sources, tokens, normalizer, params);
        mark("features");
        // Ties are broken by content the same way in every step that needs it.
        let rank = feats.tiebreak_ranks();
        let prof = profile::Profiles::build(sources, tokens, &feats, normalizer.language());
        mark("profiles");
        let prep = scorer::prepare(&feats, &prof, &rank, params);
        mark("candidates");
        Trial {
            sources,
            feats,
            rank,
            prep,
            params: params.clone(),
            language: normalizer.language(),
        }
    }

    /// Measures `sources` with a tokenisation of their own.
    pub fn of(sources: &'a [Source], params: &Params) -> Trial<'a> {
        let normalizer = Normalizer::new(language_of(sources, params.parallelism));
        let tokens = Tokenized::build(sources, &normalizer, params.parallelism);
        Trial::new(sources, &tokens, &normalizer, params)
    }

    /// The candidate pairs, in the order of [`Trial::lexical`].
    pub fn pairs(&self) -> Vec<(SentenceId, SentenceId)> {
        self.prep
            .pairs
            .iter()
            .map(|&(a, b)| (self.feats.ids[a as usize], self.feats.ids[b as usize]))
            .collect()
    }

    /// Each pair's first-stage features.
    pub fn lexical(&self) -> &[[f32; N1]] {
        &self.prep.lexical
    }

    /// Each pair's second-stage features under first-stage weights `first`.
    pub fn second(&self, first: &[f32; N1 + 1]) -> Vec<[f32; N2]> {
        let p1 = scorer::first_stage(&self.prep, first);
        scorer::second_features(&self.feats, &self.prep, &p1)
    }

    /// Each pair's second-stage features, given first-stage probabilities `p1`.
    pub fn second_from(&self, p1: &[f32]) -> Vec<[f32; N2]> {
        scorer::second_features(&self.feats, &self.prep, p1)
    }

    /// Each pair's context features (order, third sources) under first-stage
    /// probabilities `p1`.
    pub fn context_from(&self, p1: &[f32]) -> Vec<[f32; ORDER.len()]> {
        scorer::context(&self.feats, &self.prep, p1)
    }

    /// Groups the sentences by `model`'s probabilities.
    pub fn align(&self, model: &Model, order: OrderMode) -> Alignment {
        use crate::perf::stages::mark;
        let p1 = scorer::first_stage(&self.prep, &model.first);
        let context = scorer::context(&self.feats, &self.prep, &p1);
        let mut p: Vec<f32> = match order {
            OrderMode::Free => p1,
            OrderMode::Auto | OrderMode::Keep => {
                scorer::second_stage(&self.prep, &context, &model.second)
            }
        };
        if order == OrderMode::Keep {
            // Only pairs on the order-preserving chain of their sources, or between
            // its links, may link; the one pair left between two consecutive links
            // is linked, whatever it shares: the sources are said to keep one order.
            for (p, c) in p.iter_mut().zip(&context) {
                if c[5] > 0.0 {
                    *p = p.max((model.theta + 1.0) / 2.0);
                } else if c[0] == 0.0 && c[3] == 0.0 {
                    *p = 0.0;
                }
            }
        }
        mark("scorer");
        self.group(&p, &context, model.theta, model.merge)
    }

    /// Groups the sentences by the probabilities `p` of the candidate pairs (in the
    /// order of [`Trial::pairs`]), whose context features were `context`.
    /// `theta` and `merge` are the model's thresholds ([`Model`]).
    pub fn group(
        &self,
        p: &[f32],
        context: &[[f32; ORDER.len()]],
        theta: f32,
        merge: f32,
    ) -> Alignment {
        use crate::perf::stages::mark;
        let f = &self.feats;
        let scored = scorer::as_scored(&self.prep);
        let cluster_params = Params {
            link: theta,
            merge,
            ..self.params.clone()
        };
        let clusters = group::cluster(f, &self.rank, &scored, p, &cluster_params);
        let global = |id: &SentenceId| f.offsets[id.source] + id.index;
        let clusters: Vec<Vec<usize>> = clusters
            .iter()
            .map(|c| c.iter().map(global).collect())
            .collect();
        let mut neighbours: Vec<Vec<(u32, f32)>> = vec![Vec::new(); f.sentences.len()];
        for (&(a, b), &q) in self.prep.pairs.iter().zip(p) {
            neighbours[a as usize].push((b, q));
            neighbours[b as usize].push((a, q));
        }
        let clusters = repair::repair(f, &self.rank, clusters, &neighbours, theta);
        mark("cluster");
        let clusters: Vec<Vec<SentenceId>> = clusters
            .into_iter()
            .map(|c| c.into_iter().map(|g| f.ids[g]).collect())
            .collect();
        let groups = order_groups(self.sources, clusters);
        let mut group_of: Vec<Vec<usize>> = self
            .sources
            .iter()
            .map(|s| vec![0; s.sentences.len()])
            .collect();
        for (g, group) in groups.iter().enumerate() {
            for id in &group.sentences {
                group_of[id.source][id.index] = g;
            }
        }
        let confidence = groups
            .iter()
            .map(|g| {
                g.is_shared().then(|| {
                    let mut total = 0.0f64;
                    let mut cross = 0usize;
                    for (i, x) in g.sentences.iter().enumerate() {
                        for y in &g.sentences[i + 1..] {
                            if x.source == y.source {
                                continue;
                            }
                            cross += 1;
                            let (gx, gy) = (global(x) as u32, global(y) as u32);
                            if let Some(&(_, q)) =
                                neighbours[gx as usize].iter().find(|&&(z, _)| z == gy)
                            {
                                total += f64::from(q);
                            }
                        }
                    }
                    (total / cross.max(1) as f64) as f32
                })
            })
            .collect();
        // The least probability that still ranks among each sentence's best
        // candidates in each other source.
        let sources = f.sources();
        let source = f.source_table();
        let mut best = vec![[f32::MIN; EVIDENCE_PER_SOURCE]; f.sentences.len() * sources];
        let rank_in = |slot: &mut [f32; EVIDENCE_PER_SOURCE], q: f32| {
            if q > slot[EVIDENCE_PER_SOURCE - 1] {
                slot[EVIDENCE_PER_SOURCE - 1] = q;
                slot.sort_by(|x, y| y.total_cmp(x));
            }
        };
        for (&(a, b), &q) in self.prep.pairs.iter().zip(p) {
            rank_in(
                &mut best[a as usize * sources + source[b as usize] as usize],
                q,
            );
            rank_in(
                &mut best[b as usize * sources + source[a as usize] as usize],
                q,
            );
        }
        let cluster_of = |g: u32| {
            let id = f.ids[g as usize];
            group_of[id.source][id.index]
        };
        let shown: Vec<bool> = self
            .prep
            .pairs
            .iter()
            .zip(p)
            .map(|(&(a, b), &q)| {
                let least = |x: u32, y: u32| {
                    best[x as usize * sources + source[y as usize] as usize]
                        [EVIDENCE_PER_SOURCE - 1]
                };
                cluster_of(a) == cluster_of(b) || q >= least(a, b) || q >= least(b, a)
            })
            .collect();
        let mut evidence: Vec<PairEvidence> = self
            .prep
            .pairs
            .iter()
            .zip(p)
            .enumerate()
            .filter(|&(i, (_, &q))| q >= EVIDENCE_FLOOR && shown[i])
            .map(|(i, (&(a, b), &q))| PairEvidence {
                a: f.ids[a as usize],
                b: f.ids[b as usize],
                probability: q,
                features: scorer::joined(&self.prep.lexical[i], &context[i]),
            })
            .collect();
        evidence.sort_by_key(|e| (e.a, e.b));
        Alignment {
            groups,
            group_of,
            language: self.language,
            comparisons: self.prep.comparisons,
            index_reads: self.prep.index_reads,
            confidence,
            evidence,
        }
    }
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
        params.parallelism,
    )
}

/// Puts groups in reading order: by the first source's order, with material the first
/// source lacks placed after the group that precedes it in the source that has it.
fn order_groups(sources: &[Source], clusters: Vec<Vec<SentenceId>>) -> Vec<Group> {
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
