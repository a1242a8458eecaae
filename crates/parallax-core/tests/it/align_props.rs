//! Properties of the aligner on generated articles: every sentence lands in exactly
//! one group, and the order in which sources are given changes nothing but the
//! numbering of the sources, whatever the aligner may assume about order.

use std::collections::BTreeSet;

use parallax_core::align::{self, Alignment, OrderMode, Params};
use parallax_core::document::{Document, Format};
use parallax_core::source::Source;
use proptest::prelude::*;

/// Invented words: the generated articles report nothing real.
const WORDS: &[&str] = &[
    "harbor",
    "council",
    "storm",
    "ferry",
    "bridge",
    "mayor",
    "quay",
    "lantern",
    "orchard",
    "tunnel",
    "beacon",
    "granary",
    "valley",
    "market",
    "signal",
    "archive",
    "canal",
    "meadow",
    "foundry",
    "pier",
    "Velmora",
    "Ostrik",
    "Tarnwell",
    "Quillon",
    "residents",
    "engineers",
    "volunteers",
    "repaired",
    "closed",
    "opened",
    "flooded",
    "warned",
    "twelve",
    "eleven",
    "340",
    "2031",
    "report",
    "wall",
    "shelter",
    "pumps",
];
const FILLER: &[&str] = &["the", "of", "and", "in", "was", "to", "a", "on"];

/// A fact: a run of word indices; a source tells some facts, in its own order,
/// sometimes with a word dropped.
#[derive(Debug, Clone)]
struct Plan {
    facts: Vec<Vec<usize>>,
    /// Per source: (fact index, drop one word) in telling order.
    sources: Vec<Vec<(usize, bool)>>,
}

fn mode() -> impl Strategy<Value = OrderMode> {
    prop_oneof![
        Just(OrderMode::Auto),
        Just(OrderMode::Keep),
        Just(OrderMode::Free)
    ]
}

fn align_in(sources: &[Source], order: OrderMode) -> Alignment {
    align::align_with(
        sources,
        &Params {
            order,
            ..Params::default()
        },
    )
}

fn plan() -> impl Strategy<Value = Plan> {
    prop::collection::vec(prop::collection::vec(0..WORDS.len(), 3..9), 2..10).prop_flat_map(
        |facts| {
            let n = facts.len();
            let telling = prop::collection::vec((0..n, any::<bool>()), 1..(n + 3));
            prop::collection::vec(telling, 2..5).prop_map(move |sources| Plan {
                facts: facts.clone(),
                sources,
            })
        },
    )
}

fn sentence(words: &[usize], drop: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    for (k, &w) in words.iter().enumerate() {
        if drop && k == 1 && words.len() > 3 {
            continue;
        }
        out.push(WORDS[w].to_owned());
        out.push(FILLER[(w + k) % FILLER.len()].to_owned());
    }
    out.pop();
    let mut s = out.join(" ");
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s + "."
}

fn article(plan: &Plan, s: usize) -> String {
    plan.sources[s]
        .iter()
        .map(|&(f, drop)| sentence(&plan.facts[f], drop))
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n"
}

fn load(plan: &Plan, order: &[usize]) -> Vec<Source> {
    order
        .iter()
        .map(|&s| {
            let text = article(plan, s);
            Source::new(
                Document::from_bytes(&format!("source-{s}.txt"), text.as_bytes(), Format::Text)
                    .unwrap(),
            )
        })
        .collect()
}

/// The groups as sets of (original source, sentence index).
fn partition(al: &Alignment, order: &[usize]) -> BTreeSet<BTreeSet<(usize, usize)>> {
    al.groups
        .iter()
        .map(|g| {
            g.sentences
                .iter()
                .map(|id| (order[id.source], id.index))
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_sentence_is_in_exactly_one_group(plan in plan(), mode in mode()) {
        let order: Vec<usize> = (0..plan.sources.len()).collect();
        let sources = load(&plan, &order);
        let al = align_in(&sources, mode);
        let mut seen = BTreeSet::new();
        for (g, group) in al.groups.iter().enumerate() {
            prop_assert!(!group.sentences.is_empty());
            for id in &group.sentences {
                prop_assert!(seen.insert((id.source, id.index)), "{id:?} is in two groups");
                prop_assert_eq!(al.group_of[id.source][id.index], g);
            }
        }
        let total: usize = sources.iter().map(|s| s.sentences.len()).sum();
        prop_assert_eq!(seen.len(), total);
        // A confidence in 0..=1 for each shared group, none for unique material.
        prop_assert_eq!(al.confidence.len(), al.groups.len());
        for (group, c) in al.groups.iter().zip(&al.confidence) {
            prop_assert_eq!(c.is_some(), group.is_shared());
            prop_assert!(c.is_none_or(|c| (0.0..=1.0).contains(&c)));
        }
        // Evidence: pairs of sentences from different sources, each once, in order.
        for w in al.evidence.windows(2) {
            prop_assert!((w[0].a, w[0].b) < (w[1].a, w[1].b));
        }
        for e in &al.evidence {
            prop_assert!(e.a.source != e.b.source && (0.0..=1.0).contains(&e.probability));
        }
        // Unlinked pairs keep evidence only among one side's best few in the other's
        // source: more probable unlinked candidates there are fewer than the bound.
        let linked = |e: &parallax_core::align::PairEvidence| {
            al.group_of[e.a.source][e.a.index] == al.group_of[e.b.source][e.b.index]
        };
        for e in al.evidence.iter().filter(|e| !linked(e)) {
            let better = |x: parallax_core::align::SentenceId, other: usize| {
                al.evidence
                    .iter()
                    .filter(|o| (o.a == x && o.b.source == other) || (o.b == x && o.a.source == other))
                    .filter(|o| o.probability > e.probability)
                    .count()
            };
            let k = parallax_core::align::EVIDENCE_PER_SOURCE;
            prop_assert!(better(e.a, e.b.source) < k || better(e.b, e.a.source) < k);
        }
    }

    #[test]
    fn permuting_the_sources_permutes_nothing_else(
        (plan, order) in plan().prop_flat_map(|p| {
            let n = p.sources.len();
            (Just(p), Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
        }),
        mode in mode(),
    ) {
        let identity: Vec<usize> = (0..plan.sources.len()).collect();
        let before = partition(&align_in(&load(&plan, &identity), mode), &identity);
        let after = partition(&align_in(&load(&plan, &order), mode), &order);
        prop_assert_eq!(before, after);
    }
}

#[test]
fn retold_facts_are_linked_and_lone_facts_are_not() {
    // Three facts told by both sources in different orders, one told by one source only.
    let plan = Plan {
        facts: vec![
            vec![20, 1, 4, 30, 34],
            vec![21, 2, 3, 31, 35],
            vec![22, 5, 6, 32, 36],
            vec![23, 7, 8, 9, 10],
        ],
        sources: vec![
            vec![(0, false), (1, false), (2, false), (3, false)],
            vec![(2, true), (0, false), (1, true)],
        ],
    };
    let sources = load(&plan, &[0, 1]);
    let al = align::align(&sources);
    for (a, b) in [(0, 1), (1, 2), (2, 0)] {
        assert_eq!(
            al.group_of[0][a], al.group_of[1][b],
            "fact told as sentence {a} and {b} must be linked"
        );
    }
    assert!(
        !al.groups[al.group_of[0][3]].is_shared(),
        "a fact one source tells is unique"
    );
}

/// Two retellings in one order. Sentence 1 of each shares only a word common to
/// the whole story with its counterpart; sentence 3 of the second retelling repeats
/// the rare words of the first fact, out of place.
fn retellings() -> Vec<Source> {
    let texts = [
        "The miller Ostrik found a lantern by the canal at dawn. \
         The miller walked home slowly. \
         Engineers from Velmora repaired the granary pumps. \
         The council thanked the miller.",
        "At dawn Ostrik, a miller, saw a lantern beside the canal. \
         Then the miller went back to his house. \
         Velmora engineers fixed the pumps of the granary. \
         Later a lantern hung by the canal again, lit by Ostrik. \
         The miller was thanked by the council.",
    ];
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Source::new(
                Document::from_bytes(&format!("tale-{i}.txt"), t.as_bytes(), Format::Text).unwrap(),
            )
        })
        .collect()
}

#[test]
fn keeping_order_links_the_story_step_and_cuts_the_lookalike() {
    let sources = retellings();
    let keep = align_in(&sources, OrderMode::Keep);
    let linked = |al: &Alignment, a: usize, b: usize| al.group_of[0][a] == al.group_of[1][b];
    assert!(linked(&keep, 0, 0) && linked(&keep, 2, 2) && linked(&keep, 3, 4));
    assert!(
        linked(&keep, 1, 1),
        "the step between two linked steps is linked when order is kept"
    );
    assert!(
        !keep.groups[keep.group_of[1][3]].is_shared(),
        "an out-of-place lookalike is not linked when order is kept"
    );
    let free = align_in(&sources, OrderMode::Free);
    assert!(linked(&free, 0, 0) && linked(&free, 2, 2));
}
