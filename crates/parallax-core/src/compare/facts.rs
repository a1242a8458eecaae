//! Quotations and figures matched across sources, whether or not their sentences
//! were linked: a fact-checker's "who said what" and "which numbers differ" hold even
//! where the alignment is wrong.
//!
//! Two quotations match when they share their wording by the engine's normalised
//! keys (so tense and spelling variants match): a run of six words, common words
//! included, or most of the shorter one's content words. Two figures match when they
//! count the same thing: the same kind and unit and the same event ("killed" for
//! killed, dead, died; "injured" for injured, wounded, hurt), or with no event word,
//! the same counted word. Each row records whether the wording or the value differs.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use crate::compare::figures::{self, Figure, FigureKind};
use crate::compare::quotes::{self, Quote};
use crate::source::Source;
use crate::text::tokenized::Tokenized;
use crate::text::tokens::{Kind, fold};

/// A run of this many shared words makes two quotations one.
const SHARED_RUN: usize = 6;
/// Quotations sharing a key held by more than this many are not paired through it.
const POSTING_CAP: usize = 256;

/// One quotation or figure as printed by one or more sources: its members, in
/// source order then text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its quotations or figures: indices into [`Facts::quotes`] or [`Facts::figures`].
    pub members: Vec<usize>,
    /// Quotations: the words differ (beyond case and punctuation). Figures: two
    /// sources give values with none in common.
    pub differs: bool,
}

/// Every quotation and figure of a comparison, and how they match across sources.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Every quotation of every source, by source then place in the text.
    pub quotes: Vec<Quote>,
    /// Every quotation in one row: those matched across sources together, the rest
    /// alone (carried by one source only).
    pub quote_rows: Vec<Row>,
    /// Every figure of every source, by source then place in the text.
    pub figures: Vec<Figure>,
    /// Every figure in one row, as for quotations.
    pub figure_rows: Vec<Row>,
}

impl Facts {
    /// The quotations and figures of `sources`, read from their tokens, and matched.
    pub(crate) fn find(sources: &[Source], tokens: &Tokenized) -> Facts {
        let quotes: Vec<Quote> = sources
            .iter()
            .enumerate()
            .flat_map(|(i, s)| quotes::find(i, s))
            .collect();
        let figures: Vec<Figure> = sources
            .iter()
            .enumerate()
            .flat_map(|(i, s)| figures::find(i, s, tokens))
            .collect();
        let quote_rows = match_quotes(sources, tokens, &quotes);
        let figure_rows = match_figures(&figures);
        Facts {
            quotes,
            quote_rows,
            figures,
            figure_rows,
        }
    }
}

/// A quotation's word keys in order, and its words folded (for "differs").
fn quote_words(
    sources: &[Source],
    tokens: &Tokenized,
    q: &Quote,
) -> (Vec<u32>, Vec<u32>, Vec<String>) {
    let s = &sources[q.source];
    let whole = q.range();
    // The sentences the quotation overlaps (sentences are in text order).
    let first = s.sentences.partition_point(|x| x.range.end <= whole.start);
    let mut keys = Vec::new();
    let mut content = Vec::new();
    let mut folded = Vec::new();
    for i in first..s.sentences.len() {
        if s.sentences[i].range.start >= whole.end {
            break;
        }
        for t in tokens.sentence(q.source, i) {
            let inside = q
                .parts
                .iter()
                .any(|p| p.start <= t.range.start && t.range.end <= p.end);
            if !inside || t.kind == Kind::Punct {
                continue;
            }
            keys.push(t.key);
            if !t.stop {
                content.push(t.key);
            }
            folded.push(fold(&s.doc.text[t.range.clone()]));
        }
    }
    (keys, content, folded)
}

/// Length of the longest run the two key lists share.
fn longest_run(a: &[u32], b: &[u32]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

fn same_wording(
    a: &(Vec<u32>, Vec<u32>, Vec<String>),
    b: &(Vec<u32>, Vec<u32>, Vec<String>),
) -> bool {
    let (ka, ca, _) = a;
    let (kb, cb, _) = b;
    if ka.is_empty() || kb.is_empty() {
        return false;
    }
    let run = longest_run(ka, kb);
    if run >= SHARED_RUN || (run == ka.len().min(kb.len()) && run >= 3) {
        return true;
    }
    let sa: BTreeSet<u32> = ca.iter().copied().collect();
    let sb: BTreeSet<u32> = cb.iter().copied().collect();
    let shared = sa.intersection(&sb).count();
    let smaller = sa.len().min(sb.len());
    // Most of the shorter one's content words, or a short quotation given alike
    // ("“a disgrace”").
    (shared >= 3 && shared * 5 >= smaller * 3) || (smaller >= 1 && shared == smaller && ka == kb)
}

fn match_quotes(sources: &[Source], tokens: &Tokenized, quotes: &[Quote]) -> Vec<Row> {
    let words: Vec<_> = quotes
        .iter()
        .map(|q| quote_words(sources, tokens, q))
        .collect();
    // Candidates share a content key that few quotations hold.
    let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (i, w) in words.iter().enumerate() {
        for k in w.1.iter().collect::<BTreeSet<_>>() {
            postings.entry(*k).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut tried = BTreeSet::new();
    for list in postings.values().filter(|l| l.len() <= POSTING_CAP) {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if quotes[i].source == quotes[j].source || !tried.insert((i, j)) {
                    continue;
                }
                if same_wording(&words[i], &words[j]) {
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut rows: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..quotes.len() {
        let r = root(&mut parent, i);
        rows.entry(r).or_default().push(i);
    }
    rows.into_values()
        .map(|members| {
            let differs = members.iter().any(|&m| words[m].2 != words[members[0]].2);
            Row { members, differs }
        })
        .collect()
}

/// What a figure counts: its kind, unit, event and (with no event) counted word.
type Thing<'a> = (
    FigureKind,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'a str>,
);

/// What a figure counts, for matching: `None` when it says too little to match.
fn thing(f: &Figure) -> Option<Thing<'_>> {
    match (f.kind, f.event) {
        (FigureKind::Time, _) | (FigureKind::Date, None) => None,
        (FigureKind::Date | FigureKind::Count, Some(e)) => Some((f.kind, None, Some(e), None)),
        (FigureKind::Count, None) => f
            .counted_key
            .as_deref()
            .map(|c| (f.kind, None, None, Some(c))),
        (_, e) => Some((
            f.kind,
            f.unit,
            e,
            f.counted_key.as_deref().filter(|_| e.is_none()),
        )),
    }
}

fn match_figures(figures: &[Figure]) -> Vec<Row> {
    let mut by_thing: BTreeMap<_, Vec<usize>> = BTreeMap::new();
    let mut alone = Vec::new();
    for (i, f) in figures.iter().enumerate() {
        match thing(f) {
            Some(t) => by_thing.entry(t).or_default().push(i),
            None => alone.push(i),
        }
    }
    let mut rows: Vec<Row> = Vec::new();
    for members in by_thing.into_values() {
        let sources: BTreeSet<usize> = members.iter().map(|&m| figures[m].source).collect();
        if sources.len() < 2 {
            // One source's figures for one thing: each its own row.
            rows.extend(members.into_iter().map(|m| Row {
                members: vec![m],
                differs: false,
            }));
            continue;
        }
        // Values differ when two sources give values with none in common.
        let values = |s: usize| -> BTreeSet<&str> {
            members
                .iter()
                .filter(|&&m| figures[m].source == s)
                .map(|&m| figures[m].value.as_str())
                .collect()
        };
        let differs = sources.iter().any(|&a| {
            sources
                .iter()
                .any(|&b| a < b && values(a).is_disjoint(&values(b)))
        });
        rows.push(Row { members, differs });
    }
    rows.extend(alone.into_iter().map(|m| Row {
        members: vec![m],
        differs: false,
    }));
    // In the order of their first member (source, then place in the text).
    rows.sort_by_key(|r| {
        (
            figures[r.members[0]].source,
            figures[r.members[0]].range.start,
        )
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use crate::perf::Parallelism;
    use crate::text::tokens::Normalizer;

    /// Rows with members from two sources or more.
    fn matched(rows: &[Row]) -> impl Iterator<Item = &Row> {
        rows.iter().filter(|r| r.members.len() > 1)
    }

    fn facts(texts: &[&str]) -> (Vec<Source>, Facts) {
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Source::new(
                    Document::from_bytes(&format!("s{i}.txt"), t.as_bytes(), Format::Text).unwrap(),
                )
            })
            .collect();
        let norm = Normalizer::new(crate::text::lang::Language::English);
        let tokens = Tokenized::build(&sources, &norm, Parallelism::default());
        let f = Facts::find(&sources, &tokens);
        (sources, f)
    }

    #[test]
    fn quotes_match_across_tense_and_are_marked_when_worded_differently() {
        let (s, f) = facts(&[
            "The minister said: “We went as far as we could and it went as well as we had hoped.”",
            "“We are going as far as we can and it is going as well as we had hoped,” the minister told the radio.",
            "“Nothing was decided,” an aide said.",
        ]);
        assert_eq!(f.quotes.len(), 3);
        let matched: Vec<&Row> = matched(&f.quote_rows).collect();
        assert_eq!(matched.len(), 1);
        assert!(matched[0].differs);
        let sources: Vec<usize> = matched[0]
            .members
            .iter()
            .map(|&m| f.quotes[m].source)
            .collect();
        assert_eq!(sources, vec![0, 1]);
        let speaker = |m: usize| {
            f.quotes[m]
                .speaker
                .clone()
                .map(|r| s[f.quotes[m].source].doc.text[r].to_owned())
        };
        assert_eq!(
            speaker(matched[0].members[0]).as_deref(),
            Some("The minister")
        );
        assert_eq!(
            speaker(matched[0].members[1]).as_deref(),
            Some("the minister")
        );
        // The aide's quotation is carried by one source only.
        assert_eq!(f.quote_rows.len(), 2);
    }

    #[test]
    fn quotes_worded_alike_do_not_differ() {
        let (_, f) = facts(&[
            "“The sea wall was never built for this,” the engineer said.",
            "The engineer said \"the sea wall was never built for this.\"",
        ]);
        let matched: Vec<&Row> = matched(&f.quote_rows).collect();
        assert_eq!(matched.len(), 1);
        assert!(!matched[0].differs);
    }

    #[test]
    fn figures_counting_the_same_thing_match() {
        let (s, f) = facts(&[
            "The collapse killed one person and injured 23 others on Tuesday.",
            "One man was dead and twenty-one people were wounded, the hospital said.",
            "Rescuers said one person died. A 40-metre section fell.",
        ]);
        let rows: Vec<(Vec<String>, bool)> = matched(&f.figure_rows)
            .map(|r| {
                (
                    r.members
                        .iter()
                        .map(|&m| {
                            s[f.figures[m].source].doc.text[f.figures[m].range.clone()].to_owned()
                        })
                        .collect(),
                    r.differs,
                )
            })
            .collect();
        assert_eq!(
            rows,
            vec![
                (vec!["one".into(), "One".into(), "one".into()], false),
                (vec!["23".into(), "twenty-one".into()], true),
            ]
        );
    }
}
