//! Local repair of the clustering: strongest-first merging can give a sentence to a
//! weaker link before a stronger one is seen (its partner having joined another
//! group meanwhile). Each sentence in turn moves to the group (or to a group of its
//! own) where the correlation-clustering objective — probability minus θ, summed
//! over its pairs with members of other sources, pairs never proposed counting as
//! probability 0 — is highest, until no move gains.

use super::features::Features;

/// Passes over every sentence; moves settle in one or two.
const PASSES: usize = 4;
/// Groups larger than this take no more sentences (as in [`super::group`]).
const MAX_GROUP: usize = 64;

/// `groups` of global sentence indices; `neighbours[x]` lists x's candidate pairs
/// with their probabilities. Returns the repaired groups (empty ones dropped).
pub(crate) fn repair(
    f: &Features,
    rank: &[u32],
    mut groups: Vec<Vec<usize>>,
    neighbours: &[Vec<(u32, f32)>],
    theta: f32,
) -> Vec<Vec<usize>> {
    let n = f.sentences.len();
    let source = f.source_table();
    let mut group_of = vec![0usize; n];
    for (g, members) in groups.iter().enumerate() {
        for &x in members {
            group_of[x] = g;
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by_key(|&x| rank[x]);
    // The value of `x` in group `g` (x itself excluded).
    let value = |x: usize, g: usize, groups: &[Vec<usize>], group_of: &[usize]| -> f64 {
        let cross = groups[g]
            .iter()
            .filter(|&&y| y != x && source[y] != source[x])
            .count();
        let mut total = -(cross as f64) * f64::from(theta);
        for &(y, p) in &neighbours[x] {
            let y = y as usize;
            if y != x && group_of[y] == g && source[y] != source[x] {
                total += f64::from(p);
            }
        }
        total
    };
    for _ in 0..PASSES {
        let mut moved = false;
        for &x in &order {
            let here = group_of[x];
            let stay = value(x, here, &groups, &group_of);
            let mut options: Vec<usize> = neighbours[x]
                .iter()
                .filter(|&&(_, p)| p > theta)
                .map(|&(y, _)| group_of[y as usize])
                .filter(|&g| g != here && groups[g].len() < MAX_GROUP)
                .collect();
            options.sort_unstable();
            options.dedup();
            // Among groups worth the same, the one whose first sentence by content
            // comes first (never by numbering, which follows the input order).
            let first = |g: usize, groups: &[Vec<usize>]| groups[g].iter().map(|&y| rank[y]).min();
            let mut best = (stay, here);
            let mut best_first = None;
            for g in options {
                let v = value(x, g, &groups, &group_of);
                let tie = (v - best.0).abs() <= 1e-9 && best.1 != here;
                if v > best.0 + 1e-9 || (tie && first(g, &groups) < best_first) {
                    best = (v, g);
                    best_first = first(g, &groups);
                }
            }
            // Alone is worth 0: leave a group that is worth less than that.
            if best.1 == here && stay < -1e-9 && groups[here].len() > 1 {
                groups.push(Vec::new());
                best = (0.0, groups.len() - 1);
            }
            if best.1 != here {
                groups[here].retain(|&y| y != x);
                groups[best.1].push(x);
                group_of[x] = best.1;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    groups.retain(|g| !g.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::SentenceId;
    use crate::align::features::SentenceFeatures;

    /// Features of sentences with no words, one per entry of `sources`, which is
    /// sorted by source.
    fn features_of_sources(sources: &[usize]) -> Features {
        let mut sorted: Vec<usize> = sources.to_vec();
        sorted.sort();
        let n = sorted.len();
        let count = sorted.last().map_or(0, |&s| s + 1);
        let ids: Vec<SentenceId> = (0..n)
            .map(|g| SentenceId {
                source: sorted[g],
                index: sorted[..g].iter().filter(|&&s| s == sorted[g]).count(),
            })
            .collect();
        Features {
            ids,
            sentences: vec![SentenceFeatures::default(); n],
            terms: Vec::new(),
            bigrams: Vec::new(),
            weight: Vec::new(),
            df: Vec::new(),
            offsets: (0..count)
                .map(|s| sorted.partition_point(|&x| x < s))
                .collect(),
            is_number: Vec::new(),
            soft: Default::default(),
            hashes: (0..n as u64).collect(),
            doc_hashes: (0..count as u64).collect(),
            names: Vec::new(),
            key_of: Vec::new(),
        }
    }

    #[test]
    fn a_strong_pair_wins_back_a_sentence_taken_by_a_weaker_link() {
        // Sentences 0 and 1 of source 0, 2 of source 1, 3 of source 2. 3 went to
        // {0, 2} on 2–3 0.8 and 0–3 0.3, but 1–3 is 0.95.
        let f = features_of_sources(&[0, 0, 1, 2]);
        let mut neighbours = vec![Vec::new(); 4];
        for &(a, b, p) in &[(0u32, 2u32, 0.9f32), (2, 3, 0.8), (0, 3, 0.3), (1, 3, 0.95)] {
            neighbours[a as usize].push((b, p));
            neighbours[b as usize].push((a, p));
        }
        let groups = vec![vec![0, 2, 3], vec![1]];
        let mut out = repair(&f, &[0, 1, 2, 3], groups, &neighbours, 0.5);
        for g in &mut out {
            g.sort();
        }
        out.sort();
        assert_eq!(out, vec![vec![0, 2], vec![1, 3]]);
    }
}
