//! Order as evidence for the second stage of the scorer. For each pair of sources,
//! the heaviest chain of candidate pairs that keeps both sources' order (weighted by
//! the first stage's probabilities), and how much of the two sources' confident links
//! lies on it: near all for retellings of one text, a few for news outlets that tell
//! a story in their own order. A pair's order features say whether it lies on the
//! chain, whether it fits between the chain's links, and how much that is worth for
//! its two sources.

use super::features::{FastMap, Features};
use super::layout::CHAIN;

/// First-stage probability a pair needs to take part in a chain.
const IN_CHAIN: f32 = 0.2;
/// First-stage probability of a link counted as confident.
const CONFIDENT: f32 = 0.5;

/// The order features of each pair (`ORDER`'s names), aligned with `pairs`.
pub(crate) fn features(f: &Features, pairs: &[(u32, u32)], p1: &[f32]) -> Vec<[f32; CHAIN]> {
    let source = f.source_table();
    let mut by_sources: FastMap<(u32, u32), Vec<usize>> = FastMap::default();
    for (i, &(a, b)) in pairs.iter().enumerate() {
        by_sources
            .entry((source[a as usize], source[b as usize]))
            .or_default()
            .push(i);
    }
    let mut out = vec![[0.0f32; CHAIN]; pairs.len()];
    let mut keys: Vec<(u32, u32)> = by_sources.keys().copied().collect();
    keys.sort_unstable();
    for key in keys {
        let list = &by_sources[&key];
        // The chain is made from the source whose text sorts first, so that it does
        // not depend on the order the sources were given in.
        let flip = f.doc_hashes[key.0 as usize] > f.doc_hashes[key.1 as usize];
        let local = |i: usize| {
            let (a, b) = pairs[i];
            let (x, y) = (
                a as usize - f.offsets[key.0 as usize],
                b as usize - f.offsets[key.1 as usize],
            );
            if flip { (y, x) } else { (x, y) }
        };
        let on = heaviest_chain(list, local, p1);
        let mut anchors: Vec<(usize, usize)> = list
            .iter()
            .zip(&on)
            .filter(|&(_, &o)| o)
            .map(|(&i, _)| local(i))
            .collect();
        anchors.sort_unstable();
        let (mut confident, mut kept) = (0.0f32, 0.0f32);
        for (&i, &o) in list.iter().zip(&on) {
            if p1[i] >= CONFIDENT {
                confident += p1[i];
                if o {
                    kept += p1[i];
                }
            }
        }
        let share = if confident > 0.0 {
            kept / confident
        } else {
            0.0
        };
        for (&i, &o) in list.iter().zip(&on) {
            let (x, y) = local(i);
            let fits = o || fits_between(&anchors, x, y);
            out[i][0] = f32::from(o);
            out[i][1] = share;
            out[i][2] = f32::from(o) * share;
            out[i][3] = f32::from(fits) * share;
            out[i][5] = f32::from(!o && sole_gap(&anchors, x, y));
        }
    }
    // Support from neighbours: the first-stage probability of the pair one sentence
    // before or after in both sources.
    let index: FastMap<(u32, u32), usize> =
        pairs.iter().enumerate().map(|(i, &p)| (p, i)).collect();
    for (i, &(a, b)) in pairs.iter().enumerate() {
        let mut best = 0.0f32;
        for d in [-1i64, 1] {
            let (x, y) = (i64::from(a) + d, i64::from(b) + d);
            if x < 0 || y < 0 || x as usize >= source.len() || y as usize >= source.len() {
                continue;
            }
            let (x, y) = (x as u32, y as u32);
            if source[x as usize] != source[a as usize] || source[y as usize] != source[b as usize]
            {
                continue;
            }
            if let Some(&j) = index.get(&(x.min(y), x.max(y))) {
                best = best.max(p1[j]);
            }
        }
        out[i][4] = best;
    }
    out
}

/// Which pairs of `list` lie on the heaviest chain increasing in both positions
/// (weighted LIS over a Fenwick tree of prefix maxima).
fn heaviest_chain(
    list: &[usize],
    local: impl Fn(usize) -> (usize, usize),
    p1: &[f32],
) -> Vec<bool> {
    let mut items: Vec<(usize, usize, usize)> = list
        .iter()
        .enumerate()
        .filter(|&(_, &i)| p1[i] >= IN_CHAIN)
        .map(|(k, &i)| {
            let (x, y) = local(i);
            (x, y, k)
        })
        .collect();
    let mut on = vec![false; list.len()];
    if items.is_empty() {
        return on;
    }
    // By first position, and within it by second position descending, so that two
    // pairs of one sentence never both join (strictly increasing in both).
    items.sort_unstable_by(|p, q| p.0.cmp(&q.0).then(q.1.cmp(&p.1)));
    let width = items.iter().map(|t| t.1).max().unwrap_or(0) + 2;
    // tree[j]: the best chain ending at a second position below j, as (weight, item).
    let mut tree: Vec<(f32, usize)> = vec![(0.0, usize::MAX); width + 1];
    let mut back = vec![usize::MAX; items.len()];
    let mut total = vec![0.0f32; items.len()];
    for (n, &(_, y, k)) in items.iter().enumerate() {
        // Best over second positions < y.
        let mut j = y;
        let mut best = (0.0f32, usize::MAX);
        while j > 0 {
            if tree[j].0 > best.0 {
                best = tree[j];
            }
            j &= j - 1;
        }
        total[n] = best.0 + p1[list[k]];
        back[n] = best.1;
        let mut j = y + 1;
        while j <= width {
            if total[n] > tree[j].0 {
                tree[j] = (total[n], n);
            }
            j += j & j.wrapping_neg();
        }
    }
    // The heaviest end; among equals the first in position order.
    let mut at = (0..items.len()).max_by(|&p, &q| total[p].total_cmp(&total[q]).then(q.cmp(&p)));
    while let Some(n) = at.filter(|&n| n != usize::MAX) {
        on[items[n].2] = true;
        at = Some(back[n]);
    }
    on
}

/// Whether (x, y) is the one sentence pair between two consecutive links of the
/// chain: one sentence left out between them in each source.
fn sole_gap(anchors: &[(usize, usize)], x: usize, y: usize) -> bool {
    let at = anchors.partition_point(|a| a.0 < x);
    match (at.checked_sub(1).map(|i| anchors[i]), anchors.get(at)) {
        (Some(b), Some(a)) => b.0 + 1 == x && x + 1 == a.0 && b.1 + 1 == y && y + 1 == a.1,
        _ => false,
    }
}

/// Whether (x, y) lies between the chain's links around it: after the last link
/// before x and before the first link after it, in the second source too.
fn fits_between(anchors: &[(usize, usize)], x: usize, y: usize) -> bool {
    let at = anchors.partition_point(|a| a.0 < x);
    let before = at.checked_sub(1).map(|i| anchors[i]);
    let after = anchors[at..].iter().find(|a| a.0 > x).copied();
    before.is_none_or(|b| b.1 < y) && after.is_none_or(|a| a.1 > y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heaviest_chain_keeps_order_and_skips_a_crossing_pair() {
        // (0,0) (1,1) (2,2) in order; (3,0) crosses back.
        let pos = [(0, 0), (1, 1), (2, 2), (3, 0)];
        let p1 = [0.9, 0.8, 0.9, 0.6];
        let on = heaviest_chain(&[0, 1, 2, 3], |i| pos[i], &p1);
        assert_eq!(on, [true, true, true, false]);
    }

    #[test]
    fn the_sole_pair_between_two_links_is_a_gap() {
        let anchors = [(0, 0), (2, 2), (5, 6)];
        assert!(sole_gap(&anchors, 1, 1));
        assert!(!sole_gap(&anchors, 3, 3));
        assert!(!sole_gap(&anchors, 1, 0));
    }

    #[test]
    fn a_pair_fits_between_links_that_surround_it() {
        let anchors = [(0, 0), (4, 5)];
        assert!(fits_between(&anchors, 2, 3));
        assert!(!fits_between(&anchors, 2, 7));
        assert!(fits_between(&anchors, 6, 9));
    }
}
