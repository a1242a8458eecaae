//! The learned pair scorer: every candidate pair gets a feature vector (overlap
//! under two rarity views, standing among the sentences' other candidates, shared
//! word runs and quotations, numbers, meaning similarity and its margin), and a
//! logistic model fitted on annotated data (`examples/fit_scorer.rs`) turns it into
//! a probability. A second stage adds order: how well the pair fits the best
//! order-preserving chain of its two sources, and how much those two sources keep
//! one order at all, so order counts between retellings and not between outlets
//! that merely happen to agree on a few sentences.

use super::candidates::{self, Scored};
use super::chain;
use super::features::{FastMap, Features};
use super::layout::{N1, N2, ORDER};
use super::profile::{Profiles, common, longest_run};
use super::weights;

/// Logistic weights of both stages (features standardised into them; the bias is
/// last) and the probability a pair must clear on average within a group.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// First stage: one weight per [`super::LEXICAL`] feature, then the bias.
    pub first: [f32; N1 + 1],
    /// Second stage: the [`super::LEXICAL`] features, then [`super::ORDER`]'s, then the bias.
    pub second: [f32; N2 + 1],
    /// Probability each pair of sentences in one group must clear on average.
    pub theta: f32,
    /// How much lower the average a group joining another group must clear.
    pub merge: f32,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            first: weights::FIRST,
            second: weights::SECOND,
            theta: weights::THETA,
            merge: weights::MERGE,
        }
    }
}

/// The logistic model `w` (weights, then the bias) applied to features `x`.
pub fn logistic(w: &[f32], x: &[f32]) -> f32 {
    let z: f32 = w[..x.len()].iter().zip(x).map(|(a, b)| a * b).sum::<f32>() + w[x.len()];
    1.0 / (1.0 + (-z).exp())
}

/// Neighbours by meaning each sentence proposes in each other source.
const MEANING_PARTNERS: usize = 2;
/// How many nearest neighbours the margin compares a pair's cosine with.
const MARGIN_K: usize = 4;
/// Above this many sentence pairs across sources, meaning neighbours are searched
/// only among the lexical candidates (the exhaustive search grows with the square).
const EXHAUSTIVE: usize = 1_000_000;
/// On inputs above [`EXHAUSTIVE`], the share of the stronger side's best partner a
/// pair must reach to be measured.
const LARGE_KEEP: f32 = 0.25;

/// Candidate pairs and their first-stage features.
pub(crate) struct Prepared {
    /// Global sentence indices, lower first.
    pub(crate) pairs: Vec<(u32, u32)>,
    pub(crate) lexical: Vec<[f32; N1]>,
    /// Pairs examined through the index (for the complexity tests).
    pub(crate) comparisons: usize,
    pub(crate) index_reads: usize,
}

/// Finds candidate pairs (the lexical index, plus nearest neighbours by meaning)
/// and measures them.
pub(crate) fn prepare(
    f: &Features,
    prof: &Profiles,
    rank: &[u32],
    params: &super::Params,
) -> Prepared {
    let mut scored = candidates::find(f, rank, params);
    let n = f.sentences.len();
    let sources = f.sources();
    let source = f.source_table();
    let src = |g: usize| source[g] as usize;
    let strength: FastMap<(u32, u32), f32> =
        scored.pairs.iter().map(|&(a, b, v)| ((a, b), v)).collect();
    let mut best = vec![0.0f32; n * sources];
    for &(a, b, v) in &scored.pairs {
        let (a, b) = (a as usize, b as usize);
        best[a * sources + src(b)] = best[a * sources + src(b)].max(v);
        best[b * sources + src(a)] = best[b * sources + src(a)].max(v);
    }
    // Meaning: each sentence's nearest neighbours in each other source.
    let size = |s: usize| f.offsets.get(s + 1).copied().unwrap_or(n) - f.offsets[s];
    let total: usize = (0..sources)
        .flat_map(|i| (i + 1..sources).map(move |j| (i, j)))
        .map(|(i, j)| size(i) * size(j))
        .sum();
    let exhaustive = total <= EXHAUSTIVE;
    if !exhaustive {
        // Large inputs: a pair far weaker than both sentences' best partners in each
        // other's source is never linked, and measuring millions of them was most of
        // a large comparison's time and memory.
        scored.pairs.retain(|&(a, b, v)| {
            let (a, b) = (a as usize, b as usize);
            let top = best[a * sources + src(b)].max(best[b * sources + src(a)]);
            v >= LARGE_KEEP * top
        });
    }
    let mut knn = vec![0.0f32; n * sources];
    let mut top_cos = vec![f32::MIN; n * sources];
    let mut extra: Vec<(u32, u32)> = Vec::new();
    if exhaustive {
        let mut near: Vec<(f32, u32)> = Vec::new();
        for a in 0..n {
            for s in 0..sources {
                if s == src(a) {
                    continue;
                }
                let range = f.offsets[s]..f.offsets.get(s + 1).copied().unwrap_or(n);
                near.clear();
                near.extend(range.map(|b| (prof.cosine(a, b), b as u32)));
                near.sort_by(|x, y| {
                    y.0.total_cmp(&x.0)
                        .then(rank[x.1 as usize].cmp(&rank[y.1 as usize]))
                });
                let k = near.len().min(MARGIN_K);
                if k > 0 {
                    knn[a * sources + s] = near[..k].iter().map(|x| x.0).sum::<f32>() / k as f32;
                    top_cos[a * sources + s] = near[0].0;
                }
                for &(c, b) in near.iter().take(MEANING_PARTNERS) {
                    if c <= 0.0 {
                        continue;
                    }
                    let pair = ((a as u32).min(b), (a as u32).max(b));
                    if !strength.contains_key(&pair) {
                        extra.push(pair);
                    }
                }
            }
        }
    }
    // The sentences next to a pair that is each side's best lexical match, in both
    // sources: retellings and wire rewrites keep runs of sentences together, and the
    // neighbour of a clear link is often its partner's neighbour's counterpart
    // though they share no rare word.
    for &(a, b, v) in &scored.pairs {
        let (a, b) = (a as usize, b as usize);
        if v <= 0.0 || v < best[a * sources + src(b)] || v < best[b * sources + src(a)] {
            continue;
        }
        for d in [-1isize, 1] {
            let (x, y) = (a as isize + d, b as isize + d);
            if x < 0 || y < 0 || x as usize >= n || y as usize >= n {
                continue;
            }
            let (x, y) = (x as usize, y as usize);
            if src(x) == src(a) && src(y) == src(b) {
                let pair = ((x as u32).min(y as u32), (x as u32).max(y as u32));
                if !strength.contains_key(&pair) {
                    extra.push(pair);
                }
            }
        }
    }
    extra.sort_unstable();
    extra.dedup();
    for &(a, b) in &extra {
        let p = candidates::measure(f, f.sentence(a as usize), f.sentence(b as usize));
        scored.push(a as usize, b as usize, super::links::base(&p, params));
    }
    // Sorted by first sentence, as the clustering reads them.
    scored.pairs.sort_unstable_by_key(|&(a, b, _)| (a, b));
    if !exhaustive {
        // The margin among the candidates each sentence has.
        let mut lists: Vec<Vec<f32>> = vec![Vec::new(); n * sources];
        for &(a, b, _) in &scored.pairs {
            let (a, b) = (a as usize, b as usize);
            let c = prof.cosine(a, b);
            lists[a * sources + src(b)].push(c);
            lists[b * sources + src(a)].push(c);
        }
        for (i, l) in lists.iter_mut().enumerate() {
            l.sort_by(|x, y| y.total_cmp(x));
            let k = l.len().min(MARGIN_K);
            if k > 0 {
                knn[i] = l[..k].iter().sum::<f32>() / k as f32;
                top_cos[i] = l[0];
            }
        }
    }
    let strength_of = |a: usize, b: usize| -> f32 {
        let key = ((a as u32).min(b as u32), (a as u32).max(b as u32));
        strength.get(&key).copied().unwrap_or(0.0)
    };
    let same_source_neighbour = |a: usize, b: usize, d: isize| -> f32 {
        let (x, y) = (a as isize + d, b as isize + d);
        if x < 0 || y < 0 || x as usize >= n || y as usize >= n {
            return 0.0;
        }
        let (x, y) = (x as usize, y as usize);
        if src(x) != src(a) || src(y) != src(b) {
            return 0.0;
        }
        strength_of(x, y)
    };
    // Each pair is measured on its own: in parallel on large inputs (same result).
    let measure = |&(a, b, v): &(u32, u32, f32)| -> [f32; N1] {
        let (a, b) = (a as usize, b as usize);
        let (sa, sb) = (src(a), src(b));
        let p = candidates::measure(f, f.sentence(a), f.sentence(b));
        let (ba, bb) = (best[a * sources + sb], best[b * sources + sa]);
        let rel_a = if ba > 0.0 { v / ba } else { 0.0 };
        let rel_b = if bb > 0.0 { v / bb } else { 0.0 };
        let mutual = f32::from(v > 0.0 && v >= ba && v >= bb);
        let (qa, qb) = (prof.quoted(a), prof.quoted(b));
        let (seq_a, seq_b) = (prof.seq(a), prof.seq(b));
        let run = if p.exact + p.partial >= 2 || !qa.is_empty() {
            longest_run(seq_a, seq_b)
        } else {
            usize::from(p.exact + p.partial)
        };
        let shortest = seq_a.len().min(seq_b.len()).max(1);
        let quote_share = if qa.is_empty() || qb.is_empty() {
            0.0
        } else {
            common(qa, qb) as f32 / qa.len().min(qb.len()) as f32
        };
        let bg_shared = shared_background(f, prof, a, b);
        let (ta, tb) = (prof.background_total[a], prof.background_total[b]);
        let cos = prof.cosine(a, b);
        let margin = cos - (knn[a * sources + sb] + knn[b * sources + sa]) / 2.0;
        let meaning_best =
            f32::from(cos >= top_cos[a * sources + sb] && cos >= top_cos[b * sources + sa]);
        let known = |g: usize| prof.known[g] as f32 / prof.words[g].max(1) as f32;
        let (na, nb) = (prof.numbers[a], prof.numbers[b]);
        let len_ratio = ((seq_a.len().max(1) as f32) / (seq_b.len().max(1) as f32))
            .ln()
            .abs();
        let neighbours = same_source_neighbour(a, b, -1).max(same_source_neighbour(a, b, 1));
        let soft = prof.soft(a, b);
        let soft_f = if soft.a_in_b + soft.b_in_a > 0.0 {
            2.0 * soft.a_in_b * soft.b_in_a / (soft.a_in_b + soft.b_in_a)
        } else {
            0.0
        };
        [
            p.dice,
            p.cover,
            f32::from(p.exact).ln_1p(),
            f32::from(p.partial).ln_1p(),
            p.rare,
            f32::from(p.exact + p.partial < 2),
            f32::from(p.numbers.min(3)) / 3.0,
            f32::from(na > 0 && nb > 0 && p.numbers == 0),
            p.offset,
            rel_a.min(rel_b),
            rel_a.max(rel_b),
            mutual,
            (run as f32 / 10.0).min(1.0),
            f32::from(run >= 6),
            (run as f32 / shortest as f32).min(1.0),
            quote_share,
            f32::from(!qa.is_empty() && !qb.is_empty()),
            if ta + tb > 0.0 {
                2.0 * bg_shared / (ta + tb)
            } else {
                0.0
            },
            if ta.min(tb) > 0.0 {
                (bg_shared / ta.min(tb)).min(1.0)
            } else {
                0.0
            },
            cos,
            margin,
            meaning_best,
            known(a).min(known(b)),
            len_ratio.min(3.0),
            neighbours,
            v,
            v * (0.2 + 0.8 * rel_a.min(rel_b)),
            soft_f,
            soft.a_in_b.min(soft.b_in_a),
            soft.aligned_a.min(soft.aligned_b),
            soft.aligned_a.max(soft.aligned_b),
        ]
    };
    let lexical: Vec<[f32; N1]> = params.parallelism.over(n).map(&scored.pairs, measure);
    let pairs = scored.pairs.iter().map(|&(a, b, _)| (a, b)).collect();
    Prepared {
        pairs,
        lexical,
        comparisons: scored.comparisons,
        index_reads: scored.index_reads,
    }
}

/// Background weight of the keys two sentences share exactly.
fn shared_background(f: &Features, prof: &Profiles, a: usize, b: usize) -> f32 {
    let (ta, tb) = (f.sentence(a).terms, f.sentence(b).terms);
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < ta.len() && j < tb.len() {
        match ta[i].key.cmp(&tb[j].key) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += prof.background[ta[i].key as usize];
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// First-stage probabilities.
pub(crate) fn first_stage(prep: &Prepared, w: &[f32; N1 + 1]) -> Vec<f32> {
    prep.lexical.iter().map(|x| logistic(w, x)).collect()
}

/// Features the second stage adds to the first stage's ([`super::layout::ORDER`]).
pub(crate) type Context = [f32; ORDER.len()];

/// What the second stage adds to each pair: order, from the chains the first
/// stage's probabilities make, and the support of third sources.
pub(crate) fn context(f: &Features, prep: &Prepared, p1: &[f32]) -> Vec<Context> {
    let order = chain::features(f, &prep.pairs, p1);
    let third = third_sources(f, prep, p1);
    order
        .into_iter()
        .zip(third)
        .map(|(o, t)| {
            let mut out = [0.0f32; ORDER.len()];
            out[..o.len()].copy_from_slice(&o);
            out[o.len()..].copy_from_slice(&t);
            out
        })
        .collect()
}

/// A pair's whole second-stage feature vector.
pub(crate) fn joined(lexical: &[f32; N1], context: &Context) -> [f32; N2] {
    let mut out = [0.0f32; N2];
    out[..N1].copy_from_slice(lexical);
    out[N1..].copy_from_slice(context);
    out
}

/// The second stage's features (for fitting; the aligner never holds them all).
pub(crate) fn second_features(f: &Features, prep: &Prepared, p1: &[f32]) -> Vec<[f32; N2]> {
    prep.lexical
        .iter()
        .zip(context(f, prep, p1))
        .map(|(x, c)| joined(x, &c))
        .collect()
}

/// First-stage probability a third sentence must have with both sides of a pair to
/// count as that source's support for it.
const SUPPORT: f32 = 0.3;

/// What the other sources say about each pair: the strongest sentence elsewhere
/// that both sides match (the smaller of its two first-stage probabilities), and
/// the share of the other sources that hold such a sentence at [`SUPPORT`] or more.
/// With many outlets, a pair both sides of which match the same third report is
/// likelier to tell the same thing; with two sources both are 0.
fn third_sources(f: &Features, prep: &Prepared, p1: &[f32]) -> Vec<[f32; 2]> {
    let n = f.sentences.len();
    let sources = f.sources();
    let source = f.source_table();
    let mut near: Vec<Vec<(u32, f32)>> = vec![Vec::new(); n];
    for (&(a, b), &p) in prep.pairs.iter().zip(p1) {
        if p >= 0.05 {
            near[a as usize].push((b, p));
            near[b as usize].push((a, p));
        }
    }
    for l in &mut near {
        l.sort_unstable_by_key(|x| x.0);
    }
    let mut seen: Vec<u32> = Vec::new();
    prep.pairs
        .iter()
        .map(|&(a, b)| {
            if sources < 3 {
                return [0.0, 0.0];
            }
            let (la, lb) = (&near[a as usize], &near[b as usize]);
            let (mut i, mut j, mut best) = (0, 0, 0.0f32);
            seen.clear();
            while i < la.len() && j < lb.len() {
                match la[i].0.cmp(&lb[j].0) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        let q = la[i].1.min(lb[j].1);
                        best = best.max(q);
                        if q >= SUPPORT {
                            seen.push(source[la[i].0 as usize]);
                        }
                        i += 1;
                        j += 1;
                    }
                }
            }
            seen.sort_unstable();
            seen.dedup();
            [best, seen.len() as f32 / (sources - 2) as f32]
        })
        .collect()
}

/// Second-stage probabilities, from each pair's first-stage features and context.
pub(crate) fn second_stage(prep: &Prepared, context: &[Context], w: &[f32; N2 + 1]) -> Vec<f32> {
    prep.lexical
        .iter()
        .zip(context)
        .map(|(x, c)| {
            let z: f32 = w[..N1].iter().zip(x).map(|(a, b)| a * b).sum::<f32>()
                + w[N1..N2].iter().zip(c).map(|(a, b)| a * b).sum::<f32>()
                + w[N2];
            1.0 / (1.0 + (-z).exp())
        })
        .collect()
}

/// The candidate pairs as the clustering reads them, with their probabilities.
pub(crate) fn as_scored(prep: &Prepared) -> Scored {
    Scored {
        pairs: prep.pairs.iter().map(|&(a, b)| (a, b, 0.0)).collect(),
        comparisons: prep.comparisons,
        index_reads: prep.index_reads,
    }
}
