//! What the reader reads: the comparison, indexed for navigation, with the word diffs
//! and per-focus orders computed on first use and cached (big inputs stay responsive
//! because only what is looked at is ever diffed).

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use parallax_core::compare::Comparison;
use parallax_core::compare::model::GroupDiff;

/// A run of consecutive sentences of one source that belong to one group: the unit
/// the cursor selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub(crate) group: usize,
    /// Sentence positions in the source.
    pub(crate) sentences: Range<usize>,
    /// Range in the source's extracted text.
    pub range: Range<usize>,
}

/// Groups laid out in one source's order (for the aligned and coverage views), and
/// which groups that source's order contradicts elsewhere.
#[derive(Debug, Clone)]
pub struct Order {
    /// Group indices, row by row.
    pub rows: Vec<usize>,
    /// `row_of[group]`.
    pub(crate) row_of: Vec<usize>,
    /// `moved[group]`: sources in which the group appears out of this order.
    pub(crate) moved: Vec<Vec<usize>>,
}

pub struct Reader {
    pub comparison: Comparison,
    /// `passages[source]`, in reading order.
    pub passages: Vec<Vec<Passage>>,
    /// `members[group]`: (source, passage) pairs, by source then position.
    pub(crate) members: Vec<Vec<(usize, usize)>>,
    diffs: RefCell<HashMap<(usize, usize), Rc<GroupDiff>>>,
    orders: RefCell<HashMap<usize, Rc<Order>>>,
    discrepancies: std::cell::OnceCell<Rc<Discrepancies>>,
}

/// `(group, its disagreements)` for the shared groups that have some.
pub(crate) type Discrepancies = Vec<(usize, Vec<parallax_core::compare::model::Discrepancy>)>;

impl Reader {
    pub(crate) fn new(comparison: Comparison) -> Self {
        let a = &comparison.alignment;
        let mut passages: Vec<Vec<Passage>> = Vec::with_capacity(comparison.sources.len());
        let mut members: Vec<Vec<(usize, usize)>> = vec![Vec::new(); a.groups.len()];
        for (s, src) in comparison.sources.iter().enumerate() {
            let mut list: Vec<Passage> = Vec::new();
            for (i, sentence) in src.sentences.iter().enumerate() {
                let g = a.group_of[s][i];
                match list.last_mut() {
                    Some(p) if p.group == g && p.sentences.end == i => {
                        p.sentences.end = i + 1;
                        p.range.end = sentence.range.end;
                    }
                    _ => {
                        members[g].push((s, list.len()));
                        list.push(Passage {
                            group: g,
                            sentences: i..i + 1,
                            range: sentence.range.clone(),
                        });
                    }
                }
            }
            passages.push(list);
        }
        Self {
            comparison,
            passages,
            members,
            diffs: RefCell::new(HashMap::new()),
            orders: RefCell::new(HashMap::new()),
            discrepancies: std::cell::OnceCell::new(),
        }
    }

    pub(crate) fn source_count(&self) -> usize {
        self.comparison.sources.len()
    }

    pub(crate) fn group_count(&self) -> usize {
        self.comparison.alignment.groups.len()
    }

    pub fn is_shared(&self, group: usize) -> bool {
        self.comparison.alignment.groups[group].is_shared()
    }

    /// The sources carrying `group`, ascending.
    pub fn sources_of(&self, group: usize) -> Vec<usize> {
        let mut s: Vec<usize> = self.members[group].iter().map(|&(s, _)| s).collect();
        s.dedup();
        s
    }

    /// The first passage of `group` in `source`.
    pub fn passage_in(&self, group: usize, source: usize) -> Option<usize> {
        self.members[group]
            .iter()
            .find(|&&(s, _)| s == source)
            .map(|&(_, p)| p)
    }

    /// The last passage of `group` in `source`.
    pub(crate) fn last_passage_in(&self, group: usize, source: usize) -> Option<usize> {
        self.members[group]
            .iter()
            .rev()
            .find(|&&(s, _)| s == source)
            .map(|&(_, p)| p)
    }

    /// The word diff of `group` against `pivot` (cached).
    pub(crate) fn diff(&self, group: usize, pivot: usize) -> Rc<GroupDiff> {
        if let Some(d) = self.diffs.borrow().get(&(group, pivot)) {
            return Rc::clone(d);
        }
        let d = Rc::new(self.comparison.diff(group, pivot));
        self.diffs
            .borrow_mut()
            .insert((group, pivot), Rc::clone(&d));
        d
    }

    /// Every shared group's disagreements (found on first use, then cached).
    pub(crate) fn discrepancies(&self) -> Rc<Discrepancies> {
        Rc::clone(
            self.discrepancies
                .get_or_init(|| Rc::new(self.comparison.discrepancies())),
        )
    }

    /// Does `group` hold a disagreement (numbers or quotes)? Independent of the pivot.
    pub fn has_disagreement(&self, group: usize, pivot: usize) -> bool {
        self.is_shared(group) && !self.diff(group, pivot).discrepancies.is_empty()
    }

    /// Groups in `focus`'s order (cached).
    pub fn order(&self, focus: usize) -> Rc<Order> {
        if let Some(o) = self.orders.borrow().get(&focus) {
            return Rc::clone(o);
        }
        let o = Rc::new(self.build_order(focus));
        self.orders.borrow_mut().insert(focus, Rc::clone(&o));
        o
    }

    /// Rows follow `focus`'s passages; a group `focus` lacks goes after the nearest
    /// group before it (in the first source that has it) that `focus` carries.
    fn build_order(&self, focus: usize) -> Order {
        let groups = self.group_count();
        // Position of each group in focus, by its first passage there.
        let mut pos: Vec<Option<usize>> = vec![None; groups];
        for (i, p) in self.passages[focus].iter().enumerate() {
            pos[p.group].get_or_insert(i);
        }
        let mut keys: Vec<(isize, usize, usize, usize)> = Vec::with_capacity(groups);
        for (g, members) in self.members.iter().enumerate() {
            let key = match pos[g] {
                Some(p) => (p as isize, 0, 0, 0),
                None => {
                    let (s, first) = members[0];
                    let anchor = self.passages[s][..first]
                        .iter()
                        .rev()
                        .find_map(|p| pos[p.group]);
                    (anchor.map_or(-1, |a| a as isize), 1, s, first)
                }
            };
            keys.push(key);
        }
        let mut rows: Vec<usize> = (0..groups).collect();
        rows.sort_by_key(|&g| (keys[g], g));
        let mut row_of = vec![0; groups];
        for (r, &g) in rows.iter().enumerate() {
            row_of[g] = r;
        }
        let mut moved: Vec<Vec<usize>> = vec![Vec::new(); groups];
        for s in (0..self.source_count()).filter(|&s| s != focus) {
            // Shared groups in s's order, as focus positions; those off the longest
            // increasing run are the ones s tells out of order.
            let mut seq: Vec<(usize, usize)> = Vec::new();
            let mut seen = vec![false; groups];
            for p in &self.passages[s] {
                if let Some(fp) = pos[p.group]
                    && !seen[p.group]
                {
                    seen[p.group] = true;
                    seq.push((fp, p.group));
                }
            }
            let keep = longest_increasing(&seq.iter().map(|&(fp, _)| fp).collect::<Vec<_>>());
            for (i, &(_, g)) in seq.iter().enumerate() {
                if !keep[i] {
                    moved[g].push(s);
                }
            }
        }
        Order {
            rows,
            row_of,
            moved,
        }
    }
}

/// Marks the elements of one longest strictly increasing subsequence (O(n log n)).
fn longest_increasing(xs: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into xs of the tail of each length
    let mut prev: Vec<Option<usize>> = vec![None; xs.len()];
    for (i, &x) in xs.iter().enumerate() {
        let l = tails.partition_point(|&t| xs[t] < x);
        prev[i] = if l > 0 { Some(tails[l - 1]) } else { None };
        if l == tails.len() {
            tails.push(i);
        } else {
            tails[l] = i;
        }
    }
    let mut keep = vec![false; xs.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = prev[i];
    }
    keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_run_leaves_out_the_moved() {
        assert_eq!(
            longest_increasing(&[0, 1, 5, 2, 3, 4]),
            vec![true, true, false, true, true, true]
        );
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
        assert_eq!(
            longest_increasing(&[3, 0, 1, 2]),
            vec![false, true, true, true]
        );
    }
}
