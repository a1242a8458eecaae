//! From what pairs share to signed link evidence: how strongly each candidate pair
//! says "same thing", relative to the other candidates of both sentences, and, for
//! pairs of sources that tell things in the same order, whether the pair lies on
//! the best order-preserving alignment of the two.

use super::Params;
use super::features::Features;
use super::order;
use super::score::{Pair, Scored};

/// Lexical strength of a pair: shared weight, shared phrasing, and a weak
/// preference for sentences at similar places in their sources.
pub fn base(p: &Pair, params: &Params) -> f32 {
    let mut lexical = p.dice + params.phrase * p.phrase * p.dice.min(0.5);
    // One word in common is as likely a coincidence as a link.
    if p.exact + p.partial < 2 {
        lexical *= params.single;
    }
    lexical * (1.0 + params.position * (1.0 - 2.0 * p.offset))
}

/// Evidence for every candidate pair, aligned with `s.pairs`: above `params.link`
/// says "link", below says "keep apart" (see [`super::group`]).
pub fn evidence(f: &Features, s: &mut Scored, params: &Params) -> Vec<f32> {
    let source = f.source_table();
    // The order step's lists of pairs need no evidence: on large inputs they are
    // made while the evidence is.
    let weighed = || weighed(f, s, &source, params);
    let lists = || order::by_sources(f, s, &source, params);
    let (mut out, lists) = if super::parallel(f.sentences.len()) {
        rayon::join(weighed, lists)
    } else {
        (weighed(), lists())
    };
    order::apply(f, s, lists, &mut out, params);
    out
}

/// Each pair's strength weighed by how it compares with the best candidate of either
/// sentence in the other sentence's source (`params.rel` of it): as strong for a best
/// match, weaker for a runner-up. A sentence that is clearly better matched elsewhere
/// is weaker evidence here. Read from the pairs' strengths directly and made in one
/// list: on large inputs every list of pairs is tens of megabytes of fresh memory.
fn weighed(f: &Features, s: &Scored, source: &[u32], params: &Params) -> Vec<f32> {
    use crate::prefetch::prefetch;
    // Pairs come sorted by their first sentence; the second lies anywhere, so its
    // entry is asked for a few pairs ahead (both passes waited on memory at each pair).
    const AHEAD: usize = 16;
    let sources = f.sources();
    let source_of = |g: usize| source[g] as usize;
    let mut best = vec![0.0f32; f.sentences.len() * sources];
    let ahead = |i: usize, best: &[f32]| {
        if let Some(&(_, b, _)) = s.pairs.get(i + AHEAD) {
            prefetch(&best[b as usize * sources]);
        }
    };
    for (i, &(a, b, v)) in s.pairs.iter().enumerate() {
        ahead(i, &best);
        let (a, b) = (a as usize, b as usize);
        let (sa, sb) = (source_of(a), source_of(b));
        best[a * sources + sb] = best[a * sources + sb].max(v);
        best[b * sources + sa] = best[b * sources + sa].max(v);
    }
    let weigh = |(i, &(a, b, v)): (usize, &(u32, u32, f32))| {
        ahead(i, &best);
        let (a, b) = (a as usize, b as usize);
        let top = best[a * sources + source_of(b)].max(best[b * sources + source_of(a)]);
        let relative = if top > 0.0 { v / top } else { 0.0 };
        v * (1.0 - params.rel + params.rel * relative)
    };
    s.pairs.iter().enumerate().map(weigh).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distant_positions_weaken_and_phrases_strengthen() {
        let params = Params {
            position: 0.2,
            phrase: 0.2,
            ..Params::default()
        };
        let near = Pair {
            dice: 0.4,
            offset: 0.0,
            ..Pair::default()
        };
        let far = Pair {
            offset: 0.9,
            ..near
        };
        let phrased = Pair {
            phrase: 1.0,
            ..near
        };
        assert!(base(&near, &params) > base(&far, &params));
        assert!(base(&phrased, &params) > base(&near, &params));
    }
}
