//! Order as evidence, only where two sources show it.
//!
//! For each pair of sources, the best order-preserving alignment is found among the
//! candidate pairs: a chain of "beads" (one sentence against one, or two
//! neighbouring sentences against one) increasing in both sources, maximising the
//! shared weight minus a small cost per bead. If the pairs that are clearly linked
//! on lexical grounds mostly lie on that chain, the two sources tell things in the
//! same order (retellings, or one outlet rewriting another), and the pairs on the
//! chain gain a bonus: a pair that shares little but sits where the story says it
//! should can now be linked. Pairs off the chain keep their lexical evidence (an
//! outlet may still move one paragraph), and sources that reorder are left alone. The chain is found in
//! O(c log c) for c candidate pairs (a Fenwick tree over positions), never over the
//! full grid of sentence pairs.
//!
//! When the user says that every source keeps one order ([`Order::Keep`]), the gate
//! is skipped and each pair of sources is then aligned as a sequence: the best
//! order-preserving chain over the final evidence is linked and every pair off it
//! is cut. Between retellings, a pair that shares little but sits where the story
//! says it should is then linked, and a lookalike elsewhere is not.

use super::Params;
use super::features::{Features, OwnedSentence, Sentence, Term};
use super::params::Order;
use super::score::{Scored, measure};

/// One step of an order-preserving alignment: rows `r1..=r2` of one source against
/// columns `c1..=c2` of the other.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bead {
    r1: u32,
    r2: u32,
    c1: u32,
    c2: u32,
    value: f32,
}

/// What one pair of sources changes: bonuses for candidate pairs on its chain, and
/// the cells of two-to-one beads that were not candidates, measured.
struct Plan {
    bonus: Vec<usize>,
    extra: Vec<(usize, usize, f32)>,
}

/// Candidate pairs (indices into `s.pairs`) by pair of sources, oriented by the
/// sources' content hashes so that the chain does not depend on which source was
/// named first; in the order the pairs of sources are visited. Empty when order is
/// not looked at. `source` is [`Features::source_table`].
pub fn by_sources(
    f: &Features,
    s: &Scored,
    source: &[u32],
    p: &Params,
) -> Vec<((usize, usize), Vec<u32>)> {
    if p.order == Order::Free || (p.order == Order::Auto && p.order_share > 1.0) {
        return Vec::new();
    }
    let sources = f.sources();
    let key = |&(a, b, _): &(u32, u32, f32)| {
        let (rows, cols) = orient(f, source[a as usize] as usize, source[b as usize] as usize);
        rows * sources + cols
    };
    // Counted first, so that each list is made at its size in one go.
    let mut counts = vec![0usize; sources * sources];
    for pair in &s.pairs {
        counts[key(pair)] += 1;
    }
    let mut lists: Vec<Vec<u32>> = counts.iter().map(|&c| Vec::with_capacity(c)).collect();
    for (i, pair) in s.pairs.iter().enumerate() {
        // Indices of pairs fit in 32 bits, as the pairs' sentences do: half the memory.
        lists[key(pair)].push(i as u32);
    }
    let mut by_pair: Vec<((usize, usize), Vec<u32>)> = lists
        .into_iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .map(|(k, l)| ((k / sources, k % sources), l))
        .collect();
    by_pair.sort_by_key(|&((x, y), _)| (f.doc_hashes[x], f.doc_hashes[y], x.min(y)));
    by_pair
}

/// Rewrites `evidence` (aligned with `s.pairs`, which may grow) for every pair of
/// sources that follows one order; `by_pair` is what [`by_sources`] made of `s`.
pub fn apply(
    f: &Features,
    s: &mut Scored,
    by_pair: Vec<((usize, usize), Vec<u32>)>,
    evidence: &mut Vec<f32>,
    p: &Params,
) {
    use rayon::prelude::*;
    if by_pair.is_empty() {
        return;
    }
    // Each pair of sources reads only its own candidate pairs, so the plans are made
    // in parallel and applied in the order above, as if one after the other.
    let plans: Vec<Option<Plan>> = {
        let (pairs, evidence) = (&*s, &*evidence);
        let one = |((rows, cols), members): &((usize, usize), Vec<u32>)| {
            plan(f, pairs, evidence, members, *rows, *cols, p)
        };
        if super::parallel(f.sentences.len()) {
            by_pair.par_iter().map(one).collect()
        } else {
            by_pair.iter().map(one).collect()
        }
    };
    for ((key, mut members), plan) in by_pair.into_iter().zip(plans) {
        let Some(plan) = plan else { continue };
        for i in plan.bonus {
            evidence[i] += p.order_bonus;
        }
        for (a, b, strength) in plan.extra {
            s.push(a.min(b), a.max(b), strength);
            evidence.push(strength + p.order_bonus);
            members.push((s.pairs.len() - 1) as u32);
        }
        if p.order == Order::Keep {
            keep(f, s, evidence, &members, key.0, key.1, p);
        }
    }
}

/// Links the best order-preserving alignment of sources `rows` and `cols` over the
/// final evidence of their candidate pairs `members`, and cuts every pair off it.
/// Beads are one sentence against one, or two neighbours against one when both are
/// candidates; each is worth the evidence it covers.
fn keep(
    f: &Features,
    s: &Scored,
    evidence: &mut [f32],
    members: &[u32],
    rows: usize,
    cols: usize,
    p: &Params,
) {
    let mut cells: Vec<(u32, u32, usize)> = members
        .iter()
        .map(|&i| {
            let i = i as usize;
            let (r, c) = cell(f, s, i, rows);
            (r as u32, c as u32, i)
        })
        .collect();
    cells.sort_unstable();
    let at = |r: u32, c: u32| {
        cells
            .binary_search_by(|x| (x.0, x.1).cmp(&(r, c)))
            .ok()
            .map(|k| cells[k].2)
    };
    let mut beads = Vec::new();
    for &(r, c, i) in &cells {
        if evidence[i] > 0.0 {
            beads.push(Bead {
                r1: r,
                r2: r,
                c1: c,
                c2: c,
                value: evidence[i],
            });
        }
        for (r2, c2) in [(r + 1, c), (r, c + 1)] {
            if let Some(j) = at(r2, c2) {
                let value = evidence[i] + evidence[j];
                if value > 0.0 {
                    beads.push(Bead {
                        r1: r,
                        r2,
                        c1: c,
                        c2,
                        value,
                    });
                }
            }
        }
    }
    let chain = best_chain(beads, source_len(f, cols));
    let mut on: Vec<(u32, u32)> = chain
        .iter()
        .flat_map(|b| (b.r1..=b.r2).flat_map(move |r| (b.c1..=b.c2).map(move |c| (r, c))))
        .collect();
    on.sort_unstable();
    for &(r, c, i) in &cells {
        evidence[i] = if on.binary_search(&(r, c)).is_ok() {
            evidence[i].max(p.link + p.keep_margin)
        } else {
            0.0
        };
    }
}

/// Positions of candidate pair `i` as (row in `rows`, column in the other source).
fn cell(f: &Features, s: &Scored, i: usize, rows: usize) -> (usize, usize) {
    let (a, b, _) = s.pairs[i];
    let (a, b) = (a as usize, b as usize);
    if f.source_of(a) == rows {
        (f.ids[a].index, f.ids[b].index)
    } else {
        (f.ids[b].index, f.ids[a].index)
    }
}

/// Number of sentences in `source`.
fn source_len(f: &Features, source: usize) -> usize {
    f.offsets
        .get(source + 1)
        .copied()
        .unwrap_or(f.sentences.len())
        - f.offsets[source]
}

/// The changes for sources `rows` and `cols` (candidate pairs `members`), or none
/// when they do not tell things in the same order.
fn plan(
    f: &Features,
    s: &Scored,
    evidence: &[f32],
    members: &[u32],
    rows: usize,
    cols: usize,
    p: &Params,
) -> Option<Plan> {
    debug_assert!(rows < f.sources() && cols < f.sources());
    if p.order == Order::Auto && !may_keep_order(f, s, evidence, members, rows, p) {
        return None;
    }
    let chain = chain(f, s, members, rows, cols, p);
    let mut on: Vec<(usize, usize)> = chain
        .iter()
        .flat_map(|b| {
            (b.r1..=b.r2).flat_map(move |r| (b.c1..=b.c2).map(move |c| (r as usize, c as usize)))
        })
        .collect();
    on.sort_unstable();
    on.dedup();
    let on_at = |c: &(usize, usize)| on.binary_search(c).ok();
    let cell = |i: usize| cell(f, s, i, rows);
    let (mut strong, mut strong_on) = (0.0f32, 0.0f32);
    for i in members.iter().map(|&i| i as usize) {
        if evidence[i] >= p.link {
            strong += evidence[i];
            if on_at(&cell(i)).is_some() {
                strong_on += evidence[i];
            }
        }
    }
    if p.order == Order::Auto && strong > 0.0 && strong_on < p.order_share * strong {
        return None;
    }
    let mut covered = vec![false; on.len()];
    let mut bonus = Vec::new();
    for i in members.iter().map(|&i| i as usize) {
        if let Some(k) = on_at(&cell(i)) {
            bonus.push(i);
            covered[k] = true;
        }
    }
    // Cells of two-to-one beads that were not candidates themselves, in order.
    let extra = on
        .iter()
        .zip(&covered)
        .filter(|&(_, &c)| !c)
        .map(|(&(r, c), _)| {
            let (a, b) = (f.offsets[rows] + r, f.offsets[cols] + c);
            let pair = measure(f, f.sentence(a), f.sentence(b));
            (a, b, super::links::base(&pair, p))
        })
        .collect();
    Some(Plan { bonus, extra })
}

/// Whether the gate of [`plan`] could pass, decided without building the chain: no
/// chain can hold more of the clear links than the heaviest run of them that never
/// goes back in either source (a chain's cells, two-to-one beads included, form
/// such a run). When even that run holds less than `order_share` of their weight,
/// the chain and its two-to-one beads, the costly part, are never built; sources
/// that reorder their stories are told apart in O(s log s) for s clear links.
fn may_keep_order(
    f: &Features,
    s: &Scored,
    evidence: &[f32],
    members: &[u32],
    rows: usize,
    p: &Params,
) -> bool {
    let mut strong: Vec<(u32, u32, f32)> = members
        .iter()
        .map(|&i| i as usize)
        .filter(|&i| evidence[i] >= p.link)
        .map(|i| {
            let (r, c) = cell(f, s, i, rows);
            (r as u32, c as u32, evidence[i])
        })
        .collect();
    let total: f32 = strong.iter().map(|x| x.2).sum();
    if total <= 0.0 {
        return true;
    }
    let best = heaviest_run(&mut strong);
    // A little slack for rounding: the exact gate below decides the close calls.
    best >= p.order_share * total * (1.0 - 1e-4)
}

/// The greatest total weight of cells `(row, column, weight)` (weights positive)
/// taken in an order that never goes back in rows or columns: what any chain of
/// beads over them can hold at most.
fn heaviest_run(cells: &mut [(u32, u32, f32)]) -> f32 {
    cells.sort_unstable_by_key(|x| (x.0, x.1));
    let cols = cells.iter().map(|x| x.1 as usize + 1).max().unwrap_or(0);
    // Visiting cells by row, then column, every cell already seen at or left of this
    // column may precede it.
    let mut tree = Fenwick::new(cols);
    let mut best = 0.0f32;
    for &(_, c, v) in cells.iter() {
        let run = tree.best_before(c as usize + 1).0 + v;
        tree.raise(c as usize, run, 0);
        best = best.max(run);
    }
    best
}

fn orient(f: &Features, x: usize, y: usize) -> (usize, usize) {
    if (f.doc_hashes[x], x) <= (f.doc_hashes[y], y) {
        (x, y)
    } else {
        (y, x)
    }
}

/// The best order-preserving chain of beads over the candidate pairs `members`
/// between sources `rows` and `cols`.
fn chain(
    f: &Features,
    s: &Scored,
    members: &[u32],
    rows: usize,
    cols: usize,
    p: &Params,
) -> Vec<Bead> {
    let mut cells: Vec<(u32, u32, f32)> = members
        .iter()
        .map(|&i| {
            let (a, b, strength) = s.pairs[i as usize];
            let (a, b) = (a as usize, b as usize);
            let (r, c) = if f.source_of(a) == rows {
                (a, b)
            } else {
                (b, a)
            };
            (f.ids[r].index as u32, f.ids[c].index as u32, strength)
        })
        .collect();
    cells.sort_by_key(|x| (x.0, x.1));
    let mut beads: Vec<Bead> = Vec::new();
    let (row_len, col_len) = (source_len(f, rows), source_len(f, cols));
    let mut doubles: Vec<(u32, u32, bool)> = Vec::new();
    for &(r, c, v) in &cells {
        if v - p.order_single > 0.0 {
            beads.push(Bead {
                r1: r,
                r2: r,
                c1: c,
                c2: c,
                value: v - p.order_single,
            });
        }
    }
    // Two neighbouring sentences of one source against one of the other: only worth
    // measuring when both share something with it (else joining them only dilutes).
    // Cells are sorted, so a cell is looked up within its row only.
    let mut row_start = vec![0usize; row_len + 1];
    for &(r, _, _) in &cells {
        row_start[r as usize + 1] += 1;
    }
    for r in 0..row_len {
        row_start[r + 1] += row_start[r];
    }
    let find = |r: u32, c: u32| {
        let row = row_start.get(r as usize..r as usize + 2)?;
        let k = cells[row[0]..row[1]]
            .binary_search_by_key(&c, |x| x.1)
            .ok()?;
        Some(row[0] + k)
    };
    for &(r, c, _) in &cells {
        if (r as usize) + 1 < row_len && find(r + 1, c).is_some() {
            doubles.push((r, c, true));
        }
        if (c as usize) + 1 < col_len && find(r, c + 1).is_some() {
            doubles.push((r, c, false));
        }
    }
    doubles.sort_unstable();
    doubles.dedup();
    // Joined neighbours, built once each; then every double is measured, in
    // parallel on large inputs (one pair of sources may be all the work there is).
    let mut join_rows: Vec<u32> = doubles.iter().filter(|d| d.2).map(|d| d.0).collect();
    let mut join_cols: Vec<u32> = doubles.iter().filter(|d| !d.2).map(|d| d.1).collect();
    join_rows.dedup();
    join_cols.sort_unstable();
    join_cols.dedup();
    let parallel = super::parallel(f.sentences.len());
    let joined = |source: usize, starts: &[u32]| -> Vec<OwnedSentence> {
        let one = |&x: &u32| join(f, source, &[x as usize, x as usize + 1]);
        if parallel {
            use rayon::prelude::*;
            starts.par_iter().map(one).collect()
        } else {
            starts.iter().map(one).collect()
        }
    };
    let (joined_rows, joined_cols) = (joined(rows, &join_rows), joined(cols, &join_cols));
    let bead = |&(r, c, two_rows): &(u32, u32, bool)| {
        let pair = if two_rows {
            let k = join_rows.binary_search(&r).expect("joined above");
            measure(
                f,
                joined_rows[k].view(),
                f.sentence(f.offsets[cols] + c as usize),
            )
        } else {
            let k = join_cols.binary_search(&c).expect("joined above");
            measure(
                f,
                f.sentence(f.offsets[rows] + r as usize),
                joined_cols[k].view(),
            )
        };
        let v = super::links::base(&pair, p) - p.order_double;
        // Only worth it when the pair of sentences beats each alone.
        let alone = |rr: u32, cc: u32| find(rr, cc).map_or(0.0, |k| cells[k].2 - p.order_single);
        let (r2, c2) = if two_rows { (r + 1, c) } else { (r, c + 1) };
        let best_alone = alone(r, c).max(alone(r2, c2));
        (v > 0.0 && v > best_alone).then_some(Bead {
            r1: r,
            r2,
            c1: c,
            c2,
            value: v,
        })
    };
    let doubled: Vec<Option<Bead>> = if parallel {
        use rayon::prelude::*;
        doubles.par_iter().map(bead).collect()
    } else {
        doubles.iter().map(bead).collect()
    };
    beads.extend(doubled.into_iter().flatten());
    best_chain(beads, col_len)
}

/// The features of consecutive sentences `idx` of `source`, read as one.
fn join(f: &Features, source: usize, idx: &[usize]) -> OwnedSentence {
    let parts: Vec<Sentence<'_>> = idx
        .iter()
        .map(|&i| f.sentence(f.offsets[source] + i))
        .collect();
    // A key in both keeps its heavier weight.
    let mut terms: Vec<Term> = parts.iter().flat_map(|s| s.terms.iter().copied()).collect();
    terms.sort_by(|x, y| x.key.cmp(&y.key).then(y.weight.total_cmp(&x.weight)));
    terms.dedup_by_key(|t| t.key);
    let mut bigrams: Vec<u64> = parts
        .iter()
        .flat_map(|s| s.bigrams.iter().copied())
        .collect();
    bigrams.sort_unstable();
    bigrams.dedup();
    let weight = terms.iter().map(|t| t.weight).sum();
    let position = parts.iter().map(|s| s.position).sum::<f32>() / parts.len() as f32;
    OwnedSentence {
        soft: f.soft_mask(&terms),
        classes: f.soft_classes(&terms),
        terms,
        bigrams,
        weight,
        position,
    }
}

/// Maximum-value chain of beads, each strictly after the previous one in both
/// sources. Beads are visited by first row; a Fenwick tree over last columns holds
/// the best chain ending before each column among beads that end above the row.
fn best_chain(mut beads: Vec<Bead>, cols: usize) -> Vec<Bead> {
    if beads.is_empty() {
        return Vec::new();
    }
    beads.sort_by_key(|x| (x.r1, x.c1, x.r2, x.c2));
    let mut by_end: Vec<usize> = (0..beads.len()).collect();
    by_end.sort_by_key(|&k| (beads[k].r2, k));
    let mut tree = Fenwick::new(cols);
    let mut total = vec![0.0f32; beads.len()];
    let mut prev = vec![usize::MAX; beads.len()];
    let mut next_end = 0;
    let mut k = 0;
    while k < beads.len() {
        let row = beads[k].r1;
        while next_end < by_end.len() && beads[by_end[next_end]].r2 < row {
            let e = by_end[next_end];
            tree.raise(beads[e].c2 as usize, total[e], e);
            next_end += 1;
        }
        while k < beads.len() && beads[k].r1 == row {
            let (before, from) = tree.best_before(beads[k].c1 as usize);
            total[k] = beads[k].value + before;
            prev[k] = from;
            k += 1;
        }
    }
    let mut end = 0;
    for i in 1..beads.len() {
        if total[i] > total[end] {
            end = i;
        }
    }
    let mut out = Vec::new();
    let mut at = end;
    while at != usize::MAX {
        out.push(beads[at]);
        at = prev[at];
    }
    out.reverse();
    out
}

/// Prefix maxima of chain totals by column, with the bead that reaches them.
struct Fenwick {
    tree: Vec<(f32, usize)>,
}

impl Fenwick {
    fn new(n: usize) -> Self {
        Self {
            tree: vec![(0.0, usize::MAX); n + 1],
        }
    }

    fn raise(&mut self, col: usize, value: f32, bead: usize) {
        let mut i = col + 1;
        while i < self.tree.len() {
            if value > self.tree[i].0 {
                self.tree[i] = (value, bead);
            }
            i += i & i.wrapping_neg();
        }
    }

    /// Best total among columns strictly before `col`.
    fn best_before(&self, col: usize) -> (f32, usize) {
        let mut best = (0.0, usize::MAX);
        let mut i = col;
        while i > 0 {
            if self.tree[i].0 > best.0 {
                best = self.tree[i];
            }
            i -= i & i.wrapping_neg();
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(r: u32, c: u32, value: f32) -> Bead {
        Bead {
            r1: r,
            r2: r,
            c1: c,
            c2: c,
            value,
        }
    }

    #[test]
    fn the_chain_keeps_order_and_the_heaviest_path() {
        // (0,0) (1,1) (2,2) in order, and a heavier crossing bead (2,0) that would
        // break the order of the other two.
        let chain = best_chain(
            vec![
                bead(0, 0, 1.0),
                bead(1, 1, 1.0),
                bead(2, 2, 1.0),
                bead(2, 0, 1.5),
            ],
            3,
        );
        let cells: Vec<(u32, u32)> = chain.iter().map(|b| (b.r1, b.c1)).collect();
        assert_eq!(cells, vec![(0, 0), (1, 1), (2, 2)]);
    }

    #[test]
    fn a_crossing_bead_wins_when_it_outweighs_the_rest() {
        let chain = best_chain(vec![bead(0, 1, 1.0), bead(1, 0, 3.0)], 2);
        assert_eq!(chain, vec![bead(1, 0, 3.0)]);
    }

    /// The heaviest never-going-back run, the slow way.
    fn brute_run(cells: &[(u32, u32, f32)]) -> f32 {
        let mut sorted = cells.to_vec();
        sorted.sort_by_key(|x| (x.0, x.1));
        let mut best = vec![0.0f32; sorted.len()];
        for i in 0..sorted.len() {
            best[i] = sorted[i].2
                + (0..i)
                    .filter(|&j| sorted[j].0 <= sorted[i].0 && sorted[j].1 <= sorted[i].1)
                    .map(|j| best[j])
                    .fold(0.0, f32::max);
        }
        best.into_iter().fold(0.0, f32::max)
    }

    proptest::proptest! {
        #[test]
        fn the_gate_bound_is_the_heaviest_run_and_no_chain_beats_it(
            raw in proptest::collection::btree_map((0u32..12, 0u32..12), 1u32..100, 0..40)
        ) {
            let cells: Vec<(u32, u32, f32)> =
                raw.iter().map(|(&(r, c), &w)| (r, c, w as f32 / 10.0)).collect();
            let bound = heaviest_run(&mut cells.clone());
            proptest::prop_assert!((bound - brute_run(&cells)).abs() < 1e-3);
            // Beads of one cell, and of two neighbouring cells, as the chain makes them.
            let weight = |r: u32, c: u32| raw.get(&(r, c)).map(|&w| w as f32 / 10.0);
            let mut beads: Vec<Bead> = cells.iter().map(|&(r, c, w)| bead(r, c, w)).collect();
            for &(r, c, w) in &cells {
                for (r2, c2) in [(r + 1, c), (r, c + 1)] {
                    if let Some(w2) = weight(r2, c2) {
                        beads.push(Bead { r1: r, r2, c1: c, c2, value: w + w2 });
                    }
                }
            }
            let chain: f32 = best_chain(beads, 13).iter().map(|b| b.value).sum();
            proptest::prop_assert!(chain <= bound + 1e-3);
        }
    }

    #[test]
    fn a_story_told_backwards_has_no_long_run() {
        let mut backwards: Vec<(u32, u32, f32)> = (0..10).map(|i| (i, 9 - i, 1.0)).collect();
        assert_eq!(heaviest_run(&mut backwards), 1.0);
        let mut forwards: Vec<(u32, u32, f32)> = (0..10).map(|i| (i, i, 1.0)).collect();
        assert_eq!(heaviest_run(&mut forwards), 10.0);
    }

    #[test]
    fn beads_never_share_a_sentence() {
        let two = Bead {
            r1: 0,
            r2: 1,
            c1: 0,
            c2: 0,
            value: 2.0,
        };
        let chain = best_chain(vec![two, bead(1, 1, 1.0), bead(2, 1, 1.0)], 2);
        assert_eq!(chain, vec![two, bead(2, 1, 1.0)]);
    }
}
