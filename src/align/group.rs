//! Links → groups by correlation clustering: every pair of sentences from different
//! sources in one group must be worth it. Candidate links are tried strongest first;
//! two groups merge only when the evidence between all their cross-source members
//! adds up to more than the threshold each pair must clear. Pairs that were never
//! candidates count as no evidence at all, so a chain A–B, B–C does not pull in C
//! unless A and C also share something. Sentences of one source may share a group
//! (one long sentence elsewhere covering two), since nothing is paid for them.

use super::SentenceId;
use super::features::Features;
use super::params::Params;
use super::score::Scored;

/// Groups larger than this stop growing: nothing a reader compares is that big, and
/// it bounds the cost of a merge.
const MAX_GROUP: usize = 64;

pub fn cluster(f: &Features, s: &Scored, evidence: &[f32], p: &Params) -> Vec<Vec<SentenceId>> {
    let mut links: Vec<(f32, usize, usize)> = s
        .pairs
        .iter()
        .zip(evidence)
        .filter(|&(_, &e)| e > p.link)
        .map(|(&(a, b, _), &e)| (e, a as usize, b as usize))
        .collect();
    links.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then_with(|| pair_key(f, x.1, x.2).cmp(&pair_key(f, y.1, y.2)))
    });
    let n = f.sentences.len();
    let mut cluster_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|g| vec![g]).collect();
    let get = |x: usize, y: usize| s.position(x, y).map_or(0.0, |i| evidence[i]);
    for (_, a, b) in links {
        let (ca, cb) = (cluster_of[a], cluster_of[b]);
        if ca == cb
            || members[ca].len() + members[cb].len() > MAX_GROUP
            || gain(f, &get, &members[ca], &members[cb], p) <= 0.0
        {
            continue;
        }
        let (keep, gone) = if members[ca].len() >= members[cb].len() {
            (ca, cb)
        } else {
            (cb, ca)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &g in &moved {
            cluster_of[g] = keep;
        }
        members[keep].extend(moved);
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|m| m.into_iter().map(|g| f.ids[g]).collect())
        .collect()
}

type Key = ((u64, usize, u64), (u64, usize, u64));

fn pair_key(f: &Features, a: usize, b: usize) -> Key {
    let (x, y) = (f.tiebreak(a), f.tiebreak(b));
    if x <= y { (x, y) } else { (y, x) }
}

/// What merging groups `a` and `b` is worth: evidence minus threshold, summed over
/// every pair of members from different sources.
fn gain(
    f: &Features,
    get: &impl Fn(usize, usize) -> f32,
    a: &[usize],
    b: &[usize],
    p: &Params,
) -> f64 {
    // In f64, so that the order of the members (which follows the order of merges)
    // cannot tip a sum that is close to zero.
    let mut total = 0.0f64;
    for &x in a {
        for &y in b {
            if f.ids[x].source != f.ids[y].source {
                total += f64::from(get(x, y) - p.link);
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::SentenceFeatures;
    use crate::align::score::Pair;

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
            weight: Vec::new(),
            df: Vec::new(),
            offsets: (0..n).collect(),
            is_number: Vec::new(),
            soft: Vec::new(),
            hashes: (0..n as u64).collect(),
            doc_hashes: (0..n as u64).collect(),
            names: Vec::new(),
        }
    }

    fn groups(links: &[(usize, usize, f32)]) -> Vec<Vec<usize>> {
        let f = one_each(3);
        let mut s = Scored::default();
        let mut evidence = Vec::new();
        for &(a, b, e) in links {
            s.push(a, b, Pair::default());
            evidence.push(e);
        }
        let mut out: Vec<Vec<usize>> = cluster(&f, &s, &evidence, &Params::default())
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
