//! Links → groups by correlation clustering: every pair of sentences from different
//! sources in one group must be worth it. Candidate links are tried strongest first;
//! two groups merge only when the evidence between all their cross-source members
//! adds up to more than the threshold each pair must clear. Pairs that were never
//! candidates count as no evidence at all, so a chain A–B, B–C does not pull in C
//! unless A and C also share something. Sentences of one source may share a group
//! (one long sentence elsewhere covering two), since nothing is paid for them.

use super::SentenceId;
use super::candidates::Scored;
use super::features::{FastMap, Features};
use super::params::Params;

/// Groups larger than this stop growing: nothing a reader compares is that big, and
/// it bounds the cost of a merge.
const MAX_GROUP: usize = 64;

/// `rank` orders sentences by [`Features::tiebreak`].
pub(crate) fn cluster(
    f: &Features,
    rank: &[u32],
    s: &Scored,
    evidence: &[f32],
    p: &Params,
) -> Vec<Vec<SentenceId>> {
    let n = f.sentences.len();
    let par = p.parallelism.over(n);
    // Strongest first; ties by the pair's content (never by input order), then by
    // position in `s.pairs`, which is what a stable sort would keep. Packed into one
    // integer so that sorting millions of links compares integers only (evidence
    // above the threshold is positive, so its bits sort like the number).
    let sorted_links = || {
        // Sized for every pair: only the part filled is ever touched, and growing by
        // reallocation would copy it again and again.
        let mut links: Vec<u128> = Vec::with_capacity(s.pairs.len());
        links.extend(
            s.pairs
                .iter()
                .zip(evidence)
                .enumerate()
                .filter(|&(_, (_, &e))| e > p.link)
                .map(|(i, (&(a, b, _), &e))| {
                    let (x, y) = (rank[a as usize], rank[b as usize]);
                    let (lo, hi) = (x.min(y), x.max(y));
                    (u128::from(!e.to_bits()) << 96)
                        | (u128::from(lo) << 64)
                        | (u128::from(hi) << 32)
                        | i as u128
                }),
        );
        par.sort_unstable(&mut links);
        // The two sentences of each link, in that order, looked up in one pass whose
        // reads do not wait on one another (merging would wait on each in turn).
        links
            .iter()
            .map(|&l| {
                let (a, b, _) = s.pairs[(l & 0xffff_ffff) as usize];
                (a, b)
            })
            .collect::<Vec<_>>()
    };
    // Every candidate pair of each sentence, to sum the evidence between two groups
    // from the pairs that exist rather than by looking up every pair of members.
    // The pairs come sorted by their first sentence, so a sentence's pairs with later
    // ones are already side by side (`first`), with their evidence beside them in
    // `evidence`. Only the other direction is listed (`side`, with each pair's
    // evidence: merging reads them in sentence order, and looking evidence up by pair
    // would miss the cache at every step), and both directions of any pair the order
    // step appended, unsorted. Half the memory of listing every pair both ways.
    let adjacency = || {
        let sorted = s
            .pairs
            .windows(2)
            .position(|w| w[0].0 > w[1].0)
            .map_or(s.pairs.len(), |i| i + 1);
        let mut first = vec![0u32; n + 1];
        let mut starts = vec![0u32; n + 1];
        for (i, &(a, b, _)) in s.pairs.iter().enumerate() {
            if i < sorted {
                first[a as usize + 1] += 1;
            } else {
                starts[a as usize + 1] += 1;
            }
            starts[b as usize + 1] += 1;
        }
        for g in 0..n {
            first[g + 1] += first[g];
            starts[g + 1] += starts[g];
        }
        let mut fill = starts.clone();
        let mut side = vec![(0u32, 0.0f32); starts[n] as usize];
        // Where a pair's second sentence's entry goes lies anywhere in that list: it
        // is asked for a few pairs ahead.
        const AHEAD: usize = 16;
        for (i, (&(a, b, _), &e)) in s.pairs.iter().zip(evidence).enumerate() {
            if let Some(&(_, ahead, _)) = s.pairs.get(i + AHEAD) {
                crate::perf::prefetch::prefetch(&side[fill[ahead as usize] as usize]);
            }
            let mut put = |x: u32, y: u32| {
                side[fill[x as usize] as usize] = (y, e);
                fill[x as usize] += 1;
            };
            put(b, a);
            if i >= sorted {
                put(a, b);
            }
        }
        (first, starts, side)
    };
    // Neither needs the other: on large inputs, one is made while the other is.
    let (links, (first, starts, side)) = par.join(sorted_links, adjacency);
    let source = f.source_table();
    let neighbours = |x: usize| {
        let listed = side[starts[x] as usize..starts[x + 1] as usize]
            .iter()
            .copied();
        let later = first[x] as usize..first[x + 1] as usize;
        let later = s.pairs[later.clone()]
            .iter()
            .zip(&evidence[later])
            .map(|(&(_, b, _), &e)| (b, e));
        listed.chain(later)
    };
    // u32, so that the group of every sentence stays in cache while merging.
    let mut cluster_of: Vec<u32> = (0..n as u32).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|g| vec![g]).collect();
    let mut per_source = vec![0u32; f.sources()];
    // Merges refused, by the two groups and their sizes then. Groups only grow, and
    // an emptied one is never merged into again, so a group with the size it had is
    // the same group: the many links between two groups that did not merge are
    // refused again without summing their evidence.
    let mut refused: FastMap<(usize, usize), (usize, usize)> = FastMap::default();
    for (a, b) in links {
        let (a, b) = (a as usize, b as usize);
        let (ca, cb) = (cluster_of[a] as usize, cluster_of[b] as usize);
        if ca == cb || members[ca].len() + members[cb].len() > MAX_GROUP {
            continue;
        }
        let (lo, hi) = (ca.min(cb), ca.max(cb));
        let sizes = (members[lo].len(), members[hi].len());
        // Two sentences alone (of different sources: every pair is) are worth joining
        // by their link alone, which is above the threshold: what `gain` would find.
        let alone = sizes == (1, 1);
        if !alone && refused.get(&(lo, hi)) == Some(&sizes) {
            continue;
        }
        let (small, other) = if members[ca].len() <= members[cb].len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let worth = if alone {
            debug_assert_ne!(source[a], source[b]);
            1.0
        } else {
            gain(
                &source,
                &members[small],
                &members[other],
                |x| {
                    neighbours(x)
                        .filter(|&(y, _)| cluster_of[y as usize] as usize == other)
                        .map(|(_, e)| e)
                },
                &mut per_source,
                p,
            )
        };
        if worth <= 0.0 {
            refused.insert((lo, hi), sizes);
            continue;
        }
        let (keep, gone) = if members[ca].len() >= members[cb].len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &g in &moved {
            cluster_of[g] = keep as u32;
        }
        members[keep].extend(moved);
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|m| m.into_iter().map(|g| f.ids[g]).collect())
        .collect()
}

/// What merging groups `a` and `b` is worth: evidence minus threshold, summed over
/// every pair of members from different sources. `between(x)` gives the evidence of
/// the candidate pairs joining `x` (of `a`) to members of `b`; every other pair of
/// members from different sources counts as no evidence.
fn gain<I: Iterator<Item = f32>>(
    source: &[u32],
    a: &[usize],
    b: &[usize],
    between: impl Fn(usize) -> I,
    per_source: &mut [u32],
    p: &Params,
) -> f64 {
    // In f64, where these sums are exact whatever their order: every term is an f32
    // difference with a threshold (a multiple of 2^-27 below 2) and there are at most
    // MAX_GROUP² of them, so no grouping of the terms can tip a sum close to zero.
    let mut total = 0.0f64;
    let mut candidates = 0usize;
    for &x in a {
        per_source[source[x] as usize] += 1;
        for e in between(x) {
            total += f64::from(e - (p.link - p.merge));
            candidates += 1;
        }
    }
    let mut same_source = 0usize;
    for &y in b {
        same_source += per_source[source[y] as usize] as usize;
    }
    for &x in a {
        per_source[source[x] as usize] = 0;
    }
    let cross = a.len() * b.len() - same_source;
    total + (cross - candidates) as f64 * f64::from(0.0 - (p.link - p.merge))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::SentenceFeatures;

    /// One sentence in each of `n` sources.
    fn one_each(n: usize) -> Features {
        Features {
            ids: (0..n)
                .map(|s| SentenceId {
                    source: s,
                    index: 0,
                })
                .collect(),
            sentences: vec![SentenceFeatures::default(); n],
            terms: Vec::new(),
            bigrams: Vec::new(),
            weight: Vec::new(),
            df: Vec::new(),
            offsets: (0..n).collect(),
            is_number: Vec::new(),
            soft: Default::default(),
            hashes: (0..n as u64).collect(),
            doc_hashes: (0..n as u64).collect(),
            names: Vec::new(),
            key_of: Vec::new(),
        }
    }

    fn groups(links: &[(usize, usize, f32)]) -> Vec<Vec<usize>> {
        let f = one_each(3);
        let mut s = Scored::default();
        let mut evidence = Vec::new();
        for &(a, b, e) in links {
            s.push(a, b, 0.0);
            evidence.push(e);
        }
        let mut out: Vec<Vec<usize>> =
            cluster(&f, &f.tiebreak_ranks(), &s, &evidence, &Params::default())
                .into_iter()
                .map(|g| g.into_iter().map(|id| id.source).collect())
                .collect();
        for g in &mut out {
            g.sort();
        }
        out.sort();
        out
    }

    #[test]
    fn a_chain_does_not_pull_in_a_sentence_unrelated_to_the_start() {
        // A–B strong, B–C fair, A–C nothing: C stays apart.
        assert_eq!(
            groups(&[(0, 1, 0.9), (1, 2, 0.3)]),
            vec![vec![0, 1], vec![2]]
        );
    }

    #[test]
    fn three_sentences_that_all_agree_form_one_group() {
        assert_eq!(
            groups(&[(0, 1, 0.9), (1, 2, 0.3), (0, 2, 0.3)]),
            vec![vec![0, 1, 2]]
        );
    }

    #[test]
    fn a_strong_enough_link_carries_a_missing_one() {
        // B–C is so strong that it outweighs A–C being no evidence at all.
        assert_eq!(groups(&[(0, 1, 0.9), (1, 2, 0.5)]), vec![vec![0, 1, 2]]);
    }
}
