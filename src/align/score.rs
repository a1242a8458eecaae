//! Candidate pairs from an inverted index, their scores, and which of them become links.

use std::collections::HashMap;

use super::features::{Features, SentenceFeatures};

/// Tunable thresholds of the aligner (see QUALITY.md for how they were chosen).
#[derive(Debug, Clone)]
pub struct Params {
    /// A mutual best match at or above this score is a link.
    pub link: f32,
    /// Any pair at or above this score is a link, best match or not.
    pub strong: f32,
    /// A sentence's best match that it is mostly contained in (one long sentence
    /// covering two short ones) links at this score.
    pub part: f32,
    /// Containment needed for such a partial link.
    pub containment: f32,
    /// How much shared phrases (key bigrams) add to a score.
    pub bigram_bonus: f32,
    /// Keys in more than this share of all sentences are not used to find candidates.
    pub common_share: f32,
    /// Mean link strength needed to merge two groups.
    pub merge: f32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            link: 0.30,
            strong: 0.60,
            part: 0.35,
            containment: 0.75,
            bigram_bonus: 0.15,
            common_share: 0.12,
            merge: 0.22,
        }
    }
}

/// Scored candidate pairs (global sentence indices, lower first).
pub struct Scored {
    pub scores: HashMap<(u32, u32), f32>,
    /// Containment of the smaller sentence in the larger, per pair.
    pub containment: HashMap<(u32, u32), f32>,
    /// Candidate pairs examined through the index.
    pub comparisons: usize,
}

impl Scored {
    pub fn get(&self, a: usize, b: usize) -> f32 {
        let k = if a < b {
            (a as u32, b as u32)
        } else {
            (b as u32, a as u32)
        };
        self.scores.get(&k).copied().unwrap_or(0.0)
    }
}

/// Finds every pair of sentences from different sources that share a not-too-common
/// key, and scores it.
pub fn candidates(f: &Features, p: &Params) -> Scored {
    let n = f.sentences.len();
    let cap = ((n as f32 * p.common_share) as u32).max(8);
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); f.weight.len()];
    for (g, s) in f.sentences.iter().enumerate() {
        for &k in &s.keys {
            if f.df[k as usize] <= cap {
                postings[k as usize].push(g as u32);
            }
        }
    }
    let mut scores = HashMap::new();
    let mut containment = HashMap::new();
    let mut comparisons = 0;
    let mut touched: Vec<u32> = Vec::new();
    let mut seen = vec![false; n];
    for (a, sa) in f.sentences.iter().enumerate() {
        let src = f.source_of(a);
        for &k in &sa.keys {
            for &b in &postings[k as usize] {
                let bu = b as usize;
                if bu > a && f.source_of(bu) != src && !seen[bu] {
                    seen[bu] = true;
                    touched.push(b);
                }
            }
        }
        for &b in &touched {
            seen[b as usize] = false;
            comparisons += 1;
            let (score, cont) = pair_score(f, sa, &f.sentences[b as usize], p);
            if score > 0.0 {
                scores.insert((a as u32, b), score);
                containment.insert((a as u32, b), cont);
            }
        }
        touched.clear();
    }
    Scored {
        scores,
        containment,
        comparisons,
    }
}

/// Score of a pair and the containment of the lighter sentence in the heavier.
pub fn pair_score(
    f: &Features,
    a: &SentenceFeatures,
    b: &SentenceFeatures,
    p: &Params,
) -> (f32, f32) {
    let (mut shared, mut count, mut rare) = (0.0f32, 0usize, 0.0f32);
    let (mut i, mut j) = (0, 0);
    while i < a.keys.len() && j < b.keys.len() {
        match a.keys[i].cmp(&b.keys[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = f.weight[a.keys[i] as usize];
                shared += w;
                rare = rare.max(w);
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if shared == 0.0 || a.weight == 0.0 || b.weight == 0.0 {
        return (0.0, 0.0);
    }
    // One shared word is evidence only when it is rare and the sentences are short.
    if count < 2 && (rare < 0.8 * f.max_weight || a.keys.len().max(b.keys.len()) > 4) {
        return (0.0, 0.0);
    }
    let dice = 2.0 * shared / (a.weight + b.weight);
    let cont = shared / a.weight.min(b.weight);
    let common_bigrams = count_common(&a.bigrams, &b.bigrams);
    let phrase = if a.bigrams.is_empty() || b.bigrams.is_empty() {
        0.0
    } else {
        common_bigrams as f32 / a.bigrams.len().min(b.bigrams.len()) as f32
    };
    (dice + p.bigram_bonus * phrase, cont)
}

fn count_common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A proposed link between two sentences of different sources.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub score: f32,
}

/// Chooses links: mutual best matches per pair of sources, strong pairs, and
/// containments (a sentence that another, longer one covers).
pub fn links(f: &Features, s: &Scored, p: &Params) -> Vec<Link> {
    let sources = f.offsets.len();
    // best[g][source] = (score, partner), ties broken by the partner's content.
    let mut best: Vec<Vec<(f32, usize)>> =
        vec![vec![(0.0, usize::MAX); sources]; f.sentences.len()];
    let better = |cand: (f32, usize), cur: (f32, usize)| {
        cand.0 > cur.0
            || (cand.0 == cur.0 && cur.1 != usize::MAX && tiebreak(f, cand.1) < tiebreak(f, cur.1))
    };
    for (&(a, b), &score) in &s.scores {
        let (a, b) = (a as usize, b as usize);
        let (sa, sb) = (f.source_of(a), f.source_of(b));
        if better((score, b), best[a][sb]) {
            best[a][sb] = (score, b);
        }
        if better((score, a), best[b][sa]) {
            best[b][sa] = (score, a);
        }
    }
    let mut out = Vec::new();
    for (&(a, b), &score) in &s.scores {
        let (a, b) = (a as usize, b as usize);
        let (sa, sb) = (f.source_of(a), f.source_of(b));
        let mutual = best[a][sb].1 == b && best[b][sa].1 == a;
        let one_way = best[a][sb].1 == b || best[b][sa].1 == a;
        let cont = s
            .containment
            .get(&(a as u32, b as u32))
            .copied()
            .unwrap_or(0.0);
        let keep = (mutual && score >= p.link)
            || score >= p.strong
            || (one_way && score >= p.part && cont >= p.containment);
        if keep {
            out.push(Link { a, b, score });
        }
    }
    out
}

/// An order-independent tie-break: the sentence's key content, not its position.
pub fn tiebreak(f: &Features, g: usize) -> (u64, usize) {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    f.sentences[g].keys.hash(&mut h);
    (h.finish(), f.ids[g].index)
}
