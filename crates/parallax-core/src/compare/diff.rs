//! Word diff inside a group: each member against the pivot member, over normalised
//! keys, reported as fragments of the original text that rebuild it exactly.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::align::Group;
use crate::compare::discrepancy;
use crate::compare::model::{Discrepancy, Fragment, FragmentKind, GroupDiff, Member};
use crate::source::Source;
use crate::text::tokenized::Tokenized;
use crate::text::tokens::{KeyIds, Kind, Normalizer, Token};

/// Splits a group into members: runs of consecutive sentences per source.
pub(crate) fn members(sources: &[Source], group: &Group) -> Vec<Member> {
    let mut out: Vec<Member> = Vec::new();
    for id in &group.sentences {
        let r = sources[id.source].sentences[id.index].range.clone();
        match out.last_mut() {
            // Only neighbours in one paragraph merge, so a member's text is one run of the file.
            Some(m)
                if m.source == id.source
                    && m.sentences.last().is_some_and(|&l| {
                        l + 1 == id.index
                            && sources[id.source].sentences[l].paragraph
                                == sources[id.source].sentences[id.index].paragraph
                    }) =>
            {
                m.sentences.push(id.index);
                m.range.end = r.end;
            }
            _ => out.push(Member {
                source: id.source,
                sentences: vec![id.index],
                range: r,
                fragments: Vec::new(),
            }),
        }
    }
    out
}

/// Diffs every member of `group` against the member of `pivot` (or, when the pivot
/// source lacks the group, the first source that has it).
#[cfg(test)]
pub(crate) fn diff_group(
    sources: &[Source],
    group: &Group,
    pivot: usize,
    norm: &Normalizer,
) -> GroupDiff {
    diff_group_cached(sources, group, pivot, norm, None, &mut KeyCache::default())
}

/// Word → key (as a number), remembered across groups: stemming is most of a
/// diff's cost and a story repeats its words.
pub(crate) type KeyCache = KeyIds;

/// [`diff_group`] reading the comparison's tokens (`shared`) where it can, with a key
/// cache shared by the caller's successive groups for the rest.
pub(crate) fn diff_group_cached(
    sources: &[Source],
    group: &Group,
    pivot: usize,
    norm: &Normalizer,
    shared: Option<&Tokenized>,
    cache: &mut KeyCache,
) -> GroupDiff {
    let mut members = members(sources, group);
    let pivot = if group.has(pivot) {
        pivot
    } else {
        members[0].source
    };
    if !group.is_shared() {
        // One source: nothing to compare with, so every word is the same as itself
        // and no two sources can disagree; no need to tokenise.
        for m in &mut members {
            m.fragments = whole(m.range.clone());
        }
        return GroupDiff {
            pivot,
            members,
            discrepancies: Vec::new(),
        };
    }
    let (tokens, ids) = member_tokens(sources, &members, norm, shared, cache);
    let words = |m: usize| -> Vec<usize> {
        (0..tokens[m].len())
            .filter(|&i| tokens[m][i].kind != Kind::Punct)
            .collect()
    };
    let pivot_members: Vec<usize> = (0..members.len())
        .filter(|&m| members[m].source == pivot)
        .collect();
    let pivot_seq: Vec<(usize, usize)> = pivot_members
        .iter()
        .flat_map(|&m| words(m).into_iter().map(move |i| (m, i)))
        .collect();
    let pivot_keys: Vec<u32> = pivot_seq.iter().map(|&(m, i)| tokens[m][i].key).collect();

    let mut kinds: Vec<Vec<FragmentKind>> = tokens
        .iter()
        .map(|t| vec![FragmentKind::Same; t.len()])
        .collect();
    // For each pivot word: did some member change it, did every member lack it?
    let mut changed = vec![false; pivot_seq.len()];
    let mut present = vec![false; pivot_seq.len()];
    let others: Vec<usize> = {
        let mut s: Vec<usize> = members
            .iter()
            .map(|m| m.source)
            .filter(|&s| s != pivot)
            .collect();
        s.dedup();
        s
    };
    for &src in &others {
        let seq: Vec<(usize, usize)> = (0..members.len())
            .filter(|&m| members[m].source == src)
            .flat_map(|m| words(m).into_iter().map(move |i| (m, i)))
            .collect();
        let keys: Vec<u32> = seq.iter().map(|&(m, i)| tokens[m][i].key).collect();
        if keys == pivot_keys {
            // Told in the same words (most copies are): every pivot word is in place,
            // which is all a diff would find.
            present.iter_mut().for_each(|p| *p = true);
            continue;
        }
        for op in capture_diff_slices(Algorithm::Patience, &pivot_keys, &keys) {
            match op {
                DiffOp::Equal {
                    old_index,
                    new_index,
                    len,
                } => {
                    present[old_index..old_index + len]
                        .iter_mut()
                        .for_each(|p| *p = true);
                    let _ = new_index;
                }
                DiffOp::Delete { .. } => {}
                DiffOp::Insert {
                    new_index, new_len, ..
                } => {
                    for &(m, i) in &seq[new_index..new_index + new_len] {
                        kinds[m][i] = FragmentKind::OnlyHere;
                    }
                }
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    changed[old_index..old_index + old_len]
                        .iter_mut()
                        .for_each(|c| *c = true);
                    for &(m, i) in &seq[new_index..new_index + new_len] {
                        kinds[m][i] = FragmentKind::Changed;
                    }
                }
            }
        }
    }
    if !others.is_empty() {
        // A pivot word is the same when some other source has it in place; else it was
        // reworded somewhere (changed) or nobody else has it (only here).
        for (k, &(m, i)) in pivot_seq.iter().enumerate() {
            kinds[m][i] = if present[k] {
                FragmentKind::Same
            } else if changed[k] {
                FragmentKind::Changed
            } else {
                FragmentKind::OnlyHere
            };
        }
    }
    // Outside the pivot, a word the pivot lacks is "only here" only if no other
    // source has it either; otherwise it is a change shared with another source.
    let undecided =
        |m: usize| members[m].source != pivot && kinds[m].contains(&FragmentKind::OnlyHere);
    if (0..members.len()).any(undecided) {
        // Which sources have each key (a bit per source), built once per group.
        let mut by_key: rustc_hash::FxHashMap<u32, SourceSet> = Default::default();
        for (o, member) in members.iter().enumerate() {
            for t in &tokens[o] {
                by_key.entry(t.key).or_default().add(member.source);
            }
        }
        for (m, member) in members.iter().enumerate() {
            if member.source == pivot {
                continue;
            }
            for (i, t) in tokens[m].iter().enumerate() {
                if kinds[m][i] == FragmentKind::OnlyHere
                    && by_key[&t.key].has_other_than(member.source)
                {
                    kinds[m][i] = FragmentKind::Changed;
                }
            }
        }
    }
    for (m, member) in members.iter_mut().enumerate() {
        member.fragments = fragments(member.range.clone(), &tokens[m], &kinds[m]);
    }
    let discrepancies = discrepancy::find(sources, &members, &tokens, ids);
    GroupDiff {
        pivot,
        members,
        discrepancies,
    }
}

/// A set of sources: bits for the first 64, a list beyond.
#[derive(Default)]
struct SourceSet {
    bits: u64,
    more: Vec<usize>,
}

impl SourceSet {
    fn add(&mut self, source: usize) {
        if source < 64 {
            self.bits |= 1 << source;
        } else if !self.more.contains(&source) {
            self.more.push(source);
        }
    }

    fn has_other_than(&self, source: usize) -> bool {
        let own = if source < 64 { 1u64 << source } else { 0 };
        self.bits & !own != 0 || self.more.iter().any(|&s| s != source)
    }
}

/// Each member's tokens, with ranges in the source's text, and the numbering of their
/// keys: the comparison's tokens (`shared`) when every member's sentences put together
/// are what tokenising the member's text gives (nearly always), else the members'
/// texts tokenised with `cache`. Either way the keys of one group come from one
/// numbering, which is all the diff compares.
fn member_tokens<'a>(
    sources: &[Source],
    members: &[Member],
    norm: &Normalizer,
    shared: Option<&'a Tokenized>,
    cache: &'a mut KeyCache,
) -> (Vec<Vec<Token<u32>>>, &'a KeyIds) {
    if let Some(t) = shared {
        let spans: Option<Vec<Vec<Token<u32>>>> = members
            .iter()
            .map(|m| {
                let (first, last) = (m.sentences[0], m.sentences[m.sentences.len() - 1]);
                t.span(sources, m.source, first, last)
            })
            .collect();
        if let Some(spans) = spans {
            return (spans, t.keys());
        }
    }
    let own = members
        .iter()
        .map(|m| {
            let text = &sources[m.source].doc.text[m.range.clone()];
            norm.id_tokens(text, cache)
                .into_iter()
                .map(|mut t| {
                    t.range = t.range.start + m.range.start..t.range.end + m.range.start;
                    t
                })
                .collect()
        })
        .collect();
    (own, cache)
}

/// The disagreements of `group` without its word diff: they depend only on the
/// members' words, not on the pivot, and cost a fraction of the diff.
pub(crate) fn discrepancies_cached(
    sources: &[Source],
    group: &Group,
    norm: &Normalizer,
    shared: Option<&Tokenized>,
    cache: &mut KeyCache,
) -> Vec<Discrepancy> {
    let members = members(sources, group);
    let (tokens, ids) = member_tokens(sources, &members, norm, shared, cache);
    discrepancy::find(sources, &members, &tokens, ids)
}

/// The fragments of a member with no counterpart: all of it the same.
fn whole(range: Range<usize>) -> Vec<Fragment> {
    if range.is_empty() {
        Vec::new()
    } else {
        vec![Fragment {
            range,
            kind: FragmentKind::Same,
        }]
    }
}

/// Runs of equal kind covering `range` exactly; gaps between tokens of one kind take
/// that kind, other gaps are `Same`.
fn fragments<K>(range: Range<usize>, tokens: &[Token<K>], kinds: &[FragmentKind]) -> Vec<Fragment> {
    let mut out: Vec<Fragment> = Vec::new();
    let push = |r: Range<usize>, kind: FragmentKind, out: &mut Vec<Fragment>| {
        if r.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.kind == kind && last.range.end == r.start => last.range.end = r.end,
            _ => out.push(Fragment { range: r, kind }),
        }
    };
    let mut pos = range.start;
    for (i, t) in tokens.iter().enumerate() {
        let prev = out.last().map(|f| f.kind);
        let gap_kind = if prev == Some(kinds[i]) && t.kind != Kind::Punct {
            kinds[i]
        } else {
            FragmentKind::Same
        };
        push(pos..t.range.start, gap_kind, &mut out);
        let kind = if t.kind == Kind::Punct {
            FragmentKind::Same
        } else {
            kinds[i]
        };
        push(t.range.clone(), kind, &mut out);
        pos = t.range.end;
    }
    push(pos..range.end, FragmentKind::Same, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_source_groups_are_what_the_full_diff_gives() {
        let sources: Vec<Source> = crate::corpus::sources(3, 20_000, 3);
        let alignment = crate::align::align(&sources);
        let norm = Normalizer::new(alignment.language);
        let mut checked = 0;
        for group in alignment.groups.iter().filter(|g| !g.is_shared()) {
            let short = diff_group(&sources, group, 0, &norm);
            // The full computation, as for a shared group.
            let members = members(&sources, group);
            let mut cache = KeyCache::default();
            let (tokens, ids) = member_tokens(&sources, &members, &norm, None, &mut cache);
            for (m, t) in short.members.iter().zip(&tokens) {
                let kinds = vec![FragmentKind::Same; t.len()];
                assert_eq!(m.fragments, fragments(m.range.clone(), t, &kinds));
            }
            assert_eq!(
                short.discrepancies,
                discrepancy::find(&sources, &members, &tokens, ids)
            );
            checked += 1;
        }
        assert!(checked > 0, "the corpus has material of one source");
    }

    #[test]
    fn source_sets_answer_for_any_number_of_sources() {
        let mut set = SourceSet::default();
        set.add(3);
        assert!(!set.has_other_than(3));
        assert!(set.has_other_than(70));
        set.add(70);
        set.add(70);
        assert!(set.has_other_than(3));
        let mut far = SourceSet::default();
        far.add(70);
        assert!(!far.has_other_than(70));
        assert!(far.has_other_than(2));
    }
}
