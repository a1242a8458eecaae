//! Alignment of N sources: groups of sentences that report the same thing.
//!
//! Order-free: candidate pairs come from an inverted index of content keys, are
//! scored by the rare words, phrases, numbers and names they share, kept when they are
//! mutual best matches for their pair of sources (or clearly strong), and then merged
//! into groups strongest link first, refusing merges that would chain unrelated
//! sentences together. Sentences left alone are material unique to their source.

mod features;
mod group;
mod score;

use crate::lang::Language;
use crate::source::Source;
use crate::tokens::Normalizer;

pub use score::Params;

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
    let language = Language::detect(sources.iter().map(|s| s.doc.text.as_str()));
    let normalizer = Normalizer::new(language);
    let feats = features::Features::build(sources, &normalizer);
    let scored = score::candidates(&feats, params);
    let links = score::links(&feats, &scored, params);
    let clusters = group::cluster(&feats, &scored, links, params);
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
        language,
        comparisons: scored.comparisons,
    }
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
