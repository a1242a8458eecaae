//! Links → groups: strongest link first, refusing merges that would chain unrelated
//! sentences (a weak mean link between the two groups, or far-apart sentences of one
//! source in one group).

use super::SentenceId;
use super::features::Features;
use super::score::{Link, Params, Scored, tiebreak};

pub fn cluster(f: &Features, s: &Scored, mut links: Vec<Link>, p: &Params) -> Vec<Vec<SentenceId>> {
    links.sort_by(|x, y| {
        y.score
            .partial_cmp(&x.score)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| pair_key(f, x).cmp(&pair_key(f, y)))
    });
    let n = f.sentences.len();
    let mut cluster_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|g| vec![g]).collect();
    for link in links {
        let (ca, cb) = (cluster_of[link.a], cluster_of[link.b]);
        if ca == cb || !can_merge(f, s, &members[ca], &members[cb], p) {
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

fn pair_key(f: &Features, l: &Link) -> ((u64, usize), (u64, usize)) {
    let (x, y) = (tiebreak(f, l.a), tiebreak(f, l.b));
    if x <= y { (x, y) } else { (y, x) }
}

fn can_merge(f: &Features, s: &Scored, a: &[usize], b: &[usize], p: &Params) -> bool {
    // Sentences of one source in one group must sit close together (a long sentence
    // elsewhere covering two neighbours), never across the article.
    for &x in a {
        for &y in b {
            let (ix, iy) = (f.ids[x], f.ids[y]);
            if ix.source == iy.source && ix.index.abs_diff(iy.index) > 2 {
                return false;
            }
        }
    }
    if a.len() + b.len() <= 2 {
        return true;
    }
    let (mut total, mut pairs) = (0.0, 0);
    for &x in a {
        for &y in b {
            if f.ids[x].source != f.ids[y].source {
                total += s.get(x, y);
                pairs += 1;
            }
        }
    }
    pairs == 0 || total / pairs as f32 >= p.merge
}
