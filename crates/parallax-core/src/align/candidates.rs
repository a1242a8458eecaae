//! Candidate pairs from an inverted index of rare keys, and what each pair shares.

use std::ops::Range;

use super::Params;
use super::features::{Features, SentenceView};
use super::links::Pair;
use crate::perf::par::Par;

/// Most sentences an indexed key may be found in.
const MAX_POSTINGS: u32 = 64;

/// Most partners a sentence proposes for measuring, whatever the number of sources.
const MAX_PARTNERS: usize = 40;

/// Scored candidate pairs: global sentence indices, lower first, and the pair's
/// lexical strength ([`super::links::base`]). Only the strength is kept, not the
/// whole [`Pair`]: there are millions of pairs on large inputs.
#[derive(Default)]
pub(crate) struct Scored {
    pub(crate) pairs: Vec<(u32, u32, f32)>,
    /// Candidate pairs examined through the index.
    pub(crate) comparisons: usize,
    /// Sentences read from the index's lists while searching for partners.
    pub(crate) index_reads: usize,
}

impl Scored {
    /// Adds a pair found another way (lower global index first).
    pub(crate) fn push(&mut self, a: usize, b: usize, strength: f32) {
        self.pairs.push((a as u32, b as u32, strength));
    }
}

/// Finds the pairs of sentences from different sources worth measuring. Keys found
/// in at most `common_share` of all sentences (and never in more than
/// [`MAX_POSTINGS`]) are indexed; each sentence gathers, through the index, the
/// weight it shares with every other sentence (through a key's partial matches too,
/// as far as [`Postings::followed`] allows), and keeps its heaviest partners:
/// `params.partners` per other source, at most [`MAX_PARTNERS`]. A pair is measured
/// when either of its sentences kept the other. Both bounds make the work grow with
/// the number of sentences, not its square, and neither depends on the order of the
/// sources. `rank` orders sentences by [`Features::tiebreak`].
pub(crate) fn find(f: &Features, rank: &[u32], params: &Params) -> Scored {
    let n = f.sentences.len();
    let cap = ((n as f32 * params.common_share) as u32).clamp(8, MAX_POSTINGS);
    let max = params
        .partners
        .saturating_mul(f.sources().saturating_sub(1).max(1))
        .min(MAX_PARTNERS);
    let postings = Postings::new(f, cap);
    // Each sentence's partners depend only on the index, so blocks of sentences are
    // searched in parallel; the pairs are sorted afterwards, so the result does not
    // depend on how the work was split.
    let all: Vec<u32> = (0..n as u32).collect();
    // Pairs that share nothing after all are marked, then dropped.
    const NOTHING: (u32, u32, f32) = (u32::MAX, u32::MAX, 0.0);
    let measured = |(a, b): (u32, u32)| {
        let pair = measure(f, f.sentence(a as usize), f.sentence(b as usize));
        if pair.matched > 0.0 {
            (a, b, super::links::base(&pair, params))
        } else {
            NOTHING
        }
    };
    let par = params.parallelism.over(n);
    // Kept block by block: flattening would copy them all once more, and hold both.
    let (proposed, reads): (Vec<Proposed>, Vec<usize>) = par.map_init(
        par.blocks(n, BLOCK),
        || vec![0.0f32; n],
        |shared, block| partners(f, &postings, rank, &all[block], max, shared),
    );
    let index_reads = reads.iter().sum();
    let wanted = sorted_unique(proposed, n, par);
    let ranges = par.blocks(n, BLOCK);
    let counts: Vec<usize> = ranges.iter().map(|r| wanted.count(r.clone())).collect();
    let comparisons = counts.iter().sum();
    // Each block of sentences measured into its own part of one list made at its
    // final size, through a small list per thread of the block's pairs: fresh memory
    // is dear (the kernel clears every page first), and lists of every pair held side
    // by side were much of the peak.
    let mut pairs = vec![NOTHING; comparisons];
    let mut parts = Vec::with_capacity(ranges.len());
    let mut rest = &mut pairs[..];
    for &count in &counts {
        let (part, tail) = rest.split_at_mut(count);
        parts.push(part);
        rest = tail;
    }
    let measure_block = |block: &mut Vec<(u32, u32)>, (range, part): (Range<usize>, &mut [_])| {
        wanted.pairs(range, block);
        measure_all(f, block, part, measured);
    };
    let jobs: Vec<(Range<usize>, &mut [_])> = ranges.into_iter().zip(parts).collect();
    par.for_each_init(jobs, Vec::new, measure_block);
    drop(wanted);
    pairs.retain(|&p| p.0 != NOTHING.0);
    Scored {
        pairs,
        comparisons,
        index_reads,
    }
}

/// The index: for each key found in at most `cap` sentences, those sentences in
/// order, all lists in one array (a list per key would be a read more per key, from
/// anywhere in memory, and an allocation each); and for each key, the partial
/// matches the search follows.
struct Postings {
    /// Key `k`'s sentences are `sentences[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    sentences: Vec<u32>,
    /// Key `k`'s partial matches followed are `soft[soft_starts[k]..soft_starts[k + 1]]`.
    soft_starts: Vec<u32>,
    soft: Vec<(u32, f32)>,
}

impl Postings {
    fn new(f: &Features, cap: u32) -> Self {
        let keys = f.weight.len();
        let mut starts = vec![0u32; keys + 1];
        for (k, &df) in f.df.iter().enumerate() {
            starts[k + 1] = starts[k] + if df <= cap { df } else { 0 };
        }
        let mut fill = starts.clone();
        let mut sentences = vec![0u32; starts[keys] as usize];
        for g in 0..f.sentences.len() {
            for k in f.sentence(g).terms.iter().map(|t| t.key as usize) {
                if f.df[k] <= cap {
                    sentences[fill[k] as usize] = g as u32;
                    fill[k] += 1;
                }
            }
        }
        let (soft_starts, soft) = Self::followed(f, &starts, cap);
        Postings {
            starts,
            sentences,
            soft_starts,
            soft,
        }
    }

    /// The partial matches of each key that the search follows. A key's partial
    /// matches together are treated like one more key: followed only as far as they
    /// are found in at most `cap` sentences, the most similar first. Otherwise a key
    /// with many near-spellings (invented names made of the same syllables, in a large
    /// vocabulary) would have the search read up to 64 lists of 64 sentences for it,
    /// and the work per sentence would grow with the vocabulary.
    fn followed(f: &Features, starts: &[u32], cap: u32) -> (Vec<u32>, Vec<(u32, f32)>) {
        let keys = f.weight.len();
        let df = |o: u32| starts[o as usize + 1] - starts[o as usize];
        let mut soft_starts = Vec::with_capacity(keys + 1);
        let mut soft = Vec::new();
        let mut by_similarity: Vec<(u32, f32)> = Vec::new();
        soft_starts.push(0);
        for k in 0..keys as u32 {
            by_similarity.clear();
            by_similarity.extend(f.soft.of(k).iter().filter(|&&(o, _)| df(o) > 0));
            by_similarity.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            let mut total = 0;
            let from = soft.len();
            for &(o, sim) in &by_similarity {
                total += df(o);
                if total > cap {
                    break;
                }
                soft.push((o, sim));
            }
            // Read in key order, as before the budget: sums add up in the same order.
            soft[from..].sort_by_key(|&(o, _)| o);
            soft_starts.push(soft.len() as u32);
        }
        (soft_starts, soft)
    }

    /// Asks for the start of key `k`'s list ahead of reading it.
    fn prefetch(&self, k: u32) {
        if let Some(first) = self.sentences.get(self.starts[k as usize] as usize) {
            crate::perf::prefetch::prefetch(first);
        }
    }

    fn of(&self, k: u32) -> &[u32] {
        &self.sentences[self.starts[k as usize] as usize..self.starts[k as usize + 1] as usize]
    }

    /// The partial matches of key `k` that the search follows, by key id.
    fn soft_of(&self, k: u32) -> &[(u32, f32)] {
        &self.soft[self.soft_starts[k as usize] as usize..self.soft_starts[k as usize + 1] as usize]
    }
}

/// `measured` of every pair of `pairs`, into `out` (of the same length). The pairs'
/// second sentences lie anywhere in memory: the record of each is asked for a few
/// pairs ahead, and its terms once that record has come (measuring was waiting on
/// memory most of its time).
fn measure_all<T>(
    f: &Features,
    pairs: &[(u32, u32)],
    out: &mut [T],
    measured: impl Fn((u32, u32)) -> T,
) {
    use crate::perf::prefetch::prefetch;
    const AHEAD: usize = 8;
    for (i, (&pair, slot)) in pairs.iter().zip(out).enumerate() {
        if let Some(&(_, far)) = pairs.get(i + 2 * AHEAD) {
            prefetch(&f.sentences[far as usize]);
        }
        if let Some(&(_, near)) = pairs.get(i + AHEAD)
            && let Some(t) = f.first_term(near as usize)
        {
            prefetch(t);
        }
        *slot = measured(pair);
    }
}

/// Sentences worked on as one on the thread pool (see [`Par::blocks`]).
const BLOCK: usize = 1024;

/// Candidate pairs by their lower sentence, each once: sentence `lo`'s higher
/// partners are `higher[starts[lo]..][..len[lo]]`, ascending. Half the memory of a
/// list of pairs, which is made a block at a time when needed.
struct Buckets {
    starts: Vec<usize>,
    len: Vec<u32>,
    higher: Vec<u32>,
}

impl Buckets {
    /// How many pairs have their lower sentence in `range`.
    fn count(&self, range: Range<usize>) -> usize {
        self.len[range].iter().map(|&l| l as usize).sum()
    }

    /// The pairs whose lower sentence is in `range`, in order, into `out`.
    fn pairs(&self, range: Range<usize>, out: &mut Vec<(u32, u32)>) {
        out.clear();
        for lo in range {
            let bucket = &self.higher[self.starts[lo]..][..self.len[lo] as usize];
            out.extend(bucket.iter().map(|&hi| (lo as u32, hi)));
        }
    }
}

/// The pairs of all `blocks` (lower index first, each below `n`) sorted, each once.
/// Sorting millions of pairs was a tenth of the aligner's work: they are bucketed
/// by their lower index instead, in one pass, and only each bucket (a sentence's
/// few dozen partners) is sorted, in place.
fn sorted_unique(blocks: Vec<Proposed>, n: usize, par: Par) -> Buckets {
    let mut starts = vec![0usize; n + 1];
    for block in &blocks {
        block.each(|lo, _| starts[lo as usize + 1] += 1);
    }
    for g in 0..n {
        starts[g + 1] += starts[g];
    }
    let mut fill = starts.clone();
    let mut higher = vec![0u32; starts[n]];
    for block in &blocks {
        block.each(|lo, hi| {
            higher[fill[lo as usize]] = hi;
            fill[lo as usize] += 1;
        });
    }
    drop(blocks);
    let mut len = vec![0u32; n];
    // The buckets of sentences `range`, whose part of `higher` is `part`: each
    // sorted, its distinct partners moved to its front and counted.
    let dedup = |range: Range<usize>, part: &mut [u32], len: &mut [u32]| {
        let base = starts[range.start];
        for (lo, count) in range.zip(len) {
            let bucket = &mut part[starts[lo] - base..starts[lo + 1] - base];
            bucket.sort_unstable();
            let mut kept = 0;
            for i in 0..bucket.len() {
                if kept == 0 || bucket[i] != bucket[kept - 1] {
                    bucket[kept] = bucket[i];
                    kept += 1;
                }
            }
            *count = kept as u32;
        }
    };
    let mut jobs = Vec::new();
    let (mut rest, mut rest_len) = (&mut higher[..], &mut len[..]);
    for range in par.blocks(n, BLOCK) {
        let (part, tail) = rest.split_at_mut(starts[range.end] - starts[range.start]);
        let (counts, tail_len) = rest_len.split_at_mut(range.len());
        jobs.push((range, part, counts));
        (rest, rest_len) = (tail, tail_len);
    }
    par.for_each_init(
        jobs,
        || (),
        |_, (range, part, counts)| dedup(range, part, counts),
    );
    Buckets {
        starts,
        len,
        higher,
    }
}

/// The partners that consecutive sentences propose, from `first` on: for each, how
/// many, then which (half the memory of a list of pairs, of which there are
/// millions on large inputs).
struct Proposed {
    first: u32,
    list: Vec<u32>,
}

impl Proposed {
    /// Calls `pair` with each proposed pair, lower index first.
    fn each(&self, mut pair: impl FnMut(u32, u32)) {
        let (mut a, mut i) = (self.first, 0);
        while let Some(&k) = self.list.get(i) {
            for &b in &self.list[i + 1..i + 1 + k as usize] {
                pair(a.min(b), a.max(b));
            }
            i += 1 + k as usize;
            a += 1;
        }
    }
}

/// The partners that the sentences of `block` (consecutive) propose: for each, its
/// `max` heaviest partners through the index; and how many sentences it read from
/// the index's lists. `rank` orders
/// sentences by [`Features::tiebreak`]; `shared` is scratch, one zero per sentence,
/// and is left as it was found.
fn partners(
    f: &Features,
    postings: &Postings,
    rank: &[u32],
    block: &[u32],
    max: usize,
    shared: &mut [f32],
) -> (Proposed, usize) {
    let max = max.max(1);
    let mut touched: Vec<u32> = Vec::new();
    let (mut ranked, mut kept): (Vec<u128>, Vec<u32>) = (Vec::new(), Vec::new());
    let mut proposed = Proposed {
        first: block.first().copied().unwrap_or(0),
        list: Vec::with_capacity(block.len() * (max + 1)),
    };
    let mut reads = 0;
    for (i, &a) in block.iter().enumerate() {
        // The next sentence's lists are asked for while this one's are read.
        if let Some(&next) = block.get(i + 1) {
            for t in f.sentence(next as usize).terms {
                postings.prefetch(t.key);
            }
        }
        let a = a as usize;
        let sa = f.sentence(a);
        // A source's sentences are numbered one after the other: this range is a's own.
        let src = f.source_of(a);
        let own =
            f.offsets[src] as u32..f.offsets.get(src + 1).map_or(f.sentences.len(), |&e| e) as u32;
        let mut visit = |k: u32, w: f32, touched: &mut Vec<u32>| {
            let list = postings.of(k);
            reads += list.len();
            for &b in list {
                let bu = b as usize;
                if !own.contains(&b) {
                    if shared[bu] == 0.0 {
                        touched.push(b);
                    }
                    shared[bu] += w;
                }
            }
        };
        for k in sa.terms.iter().map(|t| t.key) {
            visit(k, f.weight[k as usize], &mut touched);
            for &(o, sim) in postings.soft_of(k) {
                visit(o, sim * f.weight[k as usize], &mut touched);
            }
        }
        if touched.len() > max {
            // Heaviest first; ties by content, never by position in the input (then
            // by order of discovery, as a stable sort would keep them). Only which
            // partners are kept matters, so a selection is enough.
            // One integer per partner, so that selecting compares integers only: the
            // weight (positive, so its bits order like it; inverted for heaviest
            // first), the tie-break's rank, the order of discovery.
            ranked.clear();
            ranked.extend(touched.iter().enumerate().map(|(i, &b)| {
                (u128::from(!shared[b as usize].to_bits()) << 64)
                    | (u128::from(rank[b as usize]) << 32)
                    | i as u128
            }));
            ranked.select_nth_unstable(max - 1);
            let partner = |x: &u128| touched[(x & 0xffff_ffff) as usize];
            for x in &ranked[max..] {
                shared[partner(x) as usize] = 0.0;
            }
            kept.clear();
            kept.extend(ranked[..max].iter().map(partner));
            std::mem::swap(&mut touched, &mut kept);
        }
        debug_assert_eq!(a, proposed.first as usize + i, "consecutive sentences");
        proposed.list.push(touched.len() as u32);
        for &b in &touched {
            shared[b as usize] = 0.0;
            proposed.list.push(b);
        }
        touched.clear();
    }
    (proposed, reads)
}

/// A partial match: similarity, the two keys (lower first), their places in `a` and `b`.
type Partial = (f32, u32, u32, usize, usize);

thread_local! {
    static PARTIAL: std::cell::RefCell<Vec<Partial>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What sentences `a` and `b` share: exact key matches first, then partial matches
/// between keys left over on both sides, each key used once. A matched key counts
/// with the lighter of its two weights.
pub(crate) fn measure(f: &Features, a: SentenceView<'_>, b: SentenceView<'_>) -> Pair {
    let mut p = Pair {
        offset: (a.position - b.position).abs(),
        ..Pair::default()
    };
    if a.weight == 0.0 || b.weight == 0.0 {
        return p;
    }
    let (ta, tb) = (a.terms, b.terms);
    let mut used_a = Marks::new(ta.len());
    let mut used_b = Marks::new(tb.len());
    let (mut i, mut j) = (0, 0);
    while i < ta.len() && j < tb.len() {
        match ta[i].key.cmp(&tb[j].key) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = ta[i].weight.min(tb[j].weight);
                p.matched += w;
                p.rare = p.rare.max(w);
                p.exact += 1;
                p.numbers += u16::from(f.is_number[ta[i].key as usize]);
                used_a.set(i);
                used_b.set(j);
                i += 1;
                j += 1;
            }
        }
    }
    // Partial matches, most similar first; ties in key order, so that measuring
    // (a, b) and (b, a) gives the same result. The list lives in a buffer per thread:
    // measuring is the hot loop, and most pairs have a few partial matches.
    // A partial match is mutual: both sentences must have a key that has some, and
    // two such keys share their first characters, hence their prefix class.
    if !(a.may_match_partially() && b.may_match_partially()) || a.classes & b.classes == 0 {
        return finish(p, a, b);
    }
    PARTIAL.with_borrow_mut(|partial| {
        partial.clear();
        // The terms of `a` still free that may match partially, in order: among the
        // first 64, the bits of its mask (`SentenceView::soft`) not yet used; then every
        // free one (beyond 64 terms, any may).
        let mut low = a.soft & !used_a.words()[0];
        let first = std::iter::from_fn(|| {
            let i = low.trailing_zeros() as usize;
            low &= low.wrapping_sub(1);
            (i < 64).then_some(i)
        });
        let rest = (64..ta.len()).filter(|&i| !used_a.get(i));
        for i in first.chain(rest) {
            let k = ta[i].key;
            let soft = f.soft.of(k);
            let (Some(&(first, _)), Some(&(last, _))) = (soft.first(), soft.last()) else {
                continue;
            };
            // Both lists are sorted by key: merge them over the part of `b` that lies
            // between the first and last partial match of this key (usually none).
            let mut j = tb.partition_point(|t| t.key < first);
            let mut x = 0;
            while j < tb.len() && x < soft.len() && tb[j].key <= last {
                let (o, sim) = soft[x];
                match tb[j].key.cmp(&o) {
                    std::cmp::Ordering::Less => j += 1,
                    std::cmp::Ordering::Greater => x += 1,
                    std::cmp::Ordering::Equal => {
                        if !used_b.get(j) {
                            partial.push((sim, k.min(o), k.max(o), i, j));
                        }
                        j += 1;
                        x += 1;
                    }
                }
            }
        }
        partial.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for &(sim, _, _, i, j) in partial.iter() {
            if used_a.get(i) || used_b.get(j) {
                continue;
            }
            used_a.set(i);
            used_b.set(j);
            let w = sim * ta[i].weight.min(tb[j].weight);
            p.matched += w;
            p.rare = p.rare.max(w);
            p.partial += 1;
        }
    });
    finish(p, a, b)
}

/// The shares of both sentences that `p.matched` makes, and shared phrasing.
fn finish(mut p: Pair, a: SentenceView<'_>, b: SentenceView<'_>) -> Pair {
    p.dice = 2.0 * p.matched / (a.weight + b.weight);
    p.cover = (p.matched / a.weight.min(b.weight)).min(1.0);
    if !a.bigrams.is_empty() && !b.bigrams.is_empty() {
        p.phrase = super::profile::common(a.bigrams, b.bigrams) as f32
            / a.bigrams.len().min(b.bigrams.len()) as f32;
    }
    p
}

/// Which keys of a sentence are matched: bits, on the stack for sentences of up to
/// 256 keys (measuring is the hot loop; it should not allocate).
enum Marks {
    Small([u64; 4]),
    Large(Vec<u64>),
}

impl Marks {
    fn new(n: usize) -> Self {
        if n <= 256 {
            Marks::Small([0; 4])
        } else {
            Marks::Large(vec![0; n.div_ceil(64)])
        }
    }

    fn words(&self) -> &[u64] {
        match self {
            Marks::Small(w) => w,
            Marks::Large(w) => w,
        }
    }

    fn get(&self, i: usize) -> bool {
        self.words()[i / 64] & (1 << (i % 64)) != 0
    }

    fn set(&mut self, i: usize) {
        let w = match self {
            Marks::Small(w) => &mut w[..],
            Marks::Large(w) => &mut w[..],
        };
        w[i / 64] |= 1 << (i % 64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features of a generated corpus of `count` sources of `bytes` each.
    fn corpus_features(count: usize, bytes: usize, seed: u64) -> Features {
        use crate::text::tokenized::Tokenized;
        use crate::text::tokens::Normalizer;
        let sources = crate::corpus::sources(count, bytes, seed);
        let p = crate::perf::Parallelism::default();
        let norm = Normalizer::new(super::super::language_of(&sources, p));
        let tokens = Tokenized::build(&sources, &norm, p);
        super::super::features_of(&sources, &tokens, &norm, &Params::default())
    }

    #[test]
    fn the_index_lists_in_order_every_sentence_of_each_key_found_in_few() {
        let f = corpus_features(3, 20_000, 3);
        for cap in [1, 3, 8, 64] {
            let index = Postings::new(&f, cap);
            let mut naive = vec![Vec::new(); f.weight.len()];
            for g in 0..f.sentences.len() {
                for t in f.sentence(g).terms {
                    if f.df[t.key as usize] <= cap {
                        naive[t.key as usize].push(g as u32);
                    }
                }
            }
            assert!(naive.iter().any(|l| l.len() == cap as usize), "cap {cap}");
            for (k, list) in naive.iter().enumerate() {
                assert_eq!(index.of(k as u32), &list[..], "key {k}, cap {cap}");
            }
        }
    }

    #[test]
    fn partial_matches_are_followed_most_similar_first_up_to_the_cap() {
        // Eight sources: a vocabulary of invented names with many near-spellings.
        let f = corpus_features(8, 40_000, 2);
        let cap = 16;
        let index = Postings::new(&f, cap);
        let (mut cut, mut whole) = (0, 0);
        for k in 0..f.weight.len() as u32 {
            let followed = index.soft_of(k);
            let len = |o: u32| index.of(o).len();
            assert!(followed.iter().map(|&(o, _)| len(o)).sum::<usize>() <= cap as usize);
            assert!(followed.windows(2).all(|w| w[0].0 < w[1].0), "key order");
            assert!(
                followed
                    .iter()
                    .all(|x| f.soft.of(k).contains(x) && len(x.0) > 0)
            );
            // What is left out is no more similar than what is followed.
            let least = followed.iter().map(|x| x.1).fold(f32::INFINITY, f32::min);
            let left: Vec<_> = f
                .soft
                .of(k)
                .iter()
                .filter(|x| len(x.0) > 0 && !followed.contains(x))
                .collect();
            assert!(left.iter().all(|x| x.1 <= least), "key {k}");
            if left.is_empty() {
                whole += usize::from(!followed.is_empty());
            } else {
                cut += 1;
            }
        }
        assert!(cut > 0 && whole > 0, "cut {cut}, whole {whole}");
    }

    fn features(keys: &[&[u32]], weight: &[f32], soft: Vec<Vec<(u32, f32)>>) -> Features {
        use super::super::features::{OwnedSentenceFeatures, Term};
        let sentences: Vec<OwnedSentenceFeatures> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| OwnedSentenceFeatures {
                terms: k
                    .iter()
                    .map(|&key| Term {
                        key,
                        weight: weight[key as usize],
                    })
                    .collect(),
                bigrams: k
                    .windows(2)
                    .map(|p| (u64::from(p[0]) << 32) | u64::from(p[1]))
                    .collect(),
                weight: k.iter().map(|&x| weight[x as usize]).sum(),
                position: i as f32 / keys.len() as f32,
            })
            .collect();
        let n = sentences.len();
        let mut f = Features {
            ids: (0..n)
                .map(|i| super::super::SentenceId {
                    source: i % 2,
                    index: i / 2,
                })
                .collect(),
            sentences: Vec::new(),
            terms: Vec::new(),
            bigrams: Vec::new(),
            weight: weight.to_vec(),
            df: vec![1; weight.len()],
            offsets: vec![0, n / 2],
            is_number: vec![false; weight.len()],
            soft: soft.into(),
            hashes: (0..n as u64).collect(),
            doc_hashes: vec![0, 1],
            names: (0..weight.len()).map(|k| k.to_string()).collect(),
            key_of: Vec::new(),
        };
        f.store(&sentences);
        f
    }

    proptest::proptest! {
        #[test]
        fn bucketed_pairs_are_sorted_and_unique(
            raw in proptest::collection::vec((0u32..3000, 0u32..3000), 0..4000),
            parallel: bool,
        ) {
            // Over more than one block of 1024 sentences, each pair twice or more
            // often (as both sentences may propose it).
            let mut pairs: Vec<(u32, u32)> = raw.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect();
            pairs.extend(pairs.clone().into_iter().step_by(3));
            pairs.extend(raw.iter().map(|&(a, b)| (a.min(b) % 40, a.max(b) % 40 + 40)));
            let mut expected = pairs.clone();
            expected.extend([(5, 9), (1, 5), (3, 7)]);
            expected.sort_unstable();
            expected.dedup();
            // One sentence proposing its partners per block, or several in a row.
            let mut blocks: Vec<Proposed> = pairs
                .iter()
                .map(|&(lo, hi)| Proposed { first: lo, list: vec![1, hi] })
                .collect();
            blocks.push(Proposed { first: 5, list: vec![2, 9, 1, 0, 1, 3] });
            let mut got = Vec::new();
            let parallelism = if parallel {
                crate::perf::Parallelism::ALWAYS
            } else {
                crate::perf::Parallelism::SERIAL
            };
            sorted_unique(blocks, 3000, parallelism.over(3000)).pairs(0..3000, &mut got);
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn identical_sentences_share_everything() {
        let f = features(
            &[&[0, 1, 2], &[0, 1, 2]],
            &[1.0, 0.5, 1.0],
            vec![Vec::new(); 3],
        );
        let p = measure(&f, f.sentence(0), f.sentence(1));
        assert!((p.dice - 1.0).abs() < 1e-6 && (p.cover - 1.0).abs() < 1e-6 && p.phrase == 1.0);
        assert_eq!(p.exact, 3);
    }

    #[test]
    fn a_short_sentence_inside_a_long_one_is_covered() {
        let f = features(
            &[&[0, 1], &[0, 1, 2, 3, 4, 5]],
            &[1.0; 6],
            vec![Vec::new(); 6],
        );
        let p = measure(&f, f.sentence(0), f.sentence(1));
        assert_eq!(p.cover, 1.0);
        assert!(p.dice < 0.6);
    }

    #[test]
    fn partial_matches_count_by_similarity_once() {
        // Key 1 and key 2 are inflections of each other (similarity 0.8).
        let soft = vec![vec![], vec![(2, 0.8)], vec![(1, 0.8)]];
        let f = features(&[&[0, 1], &[0, 2]], &[1.0, 1.0, 1.0], soft);
        let p = measure(&f, f.sentence(0), f.sentence(1));
        assert_eq!((p.exact, p.partial), (1, 1));
        assert!((p.matched - 1.8).abs() < 1e-6);
    }
}
