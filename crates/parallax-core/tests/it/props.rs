//! Invariants over generated articles: spans, fragments and groups.

use crate::common;

use parallax_core::compare::Comparison;
use parallax_core::document::{Document, Format};
use parallax_core::source::Source;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "storm",
    "bridge",
    "Tyrhiv",
    "Kyiv",
    "Kiev",
    "mayor",
    "said",
    "the",
    "a",
    "12",
    "eleven",
    "-8°C",
    "“quoted”",
    "\"plain\"",
    "U.S.",
    "Mr.",
    "Jan.",
    "2.5",
    "citys",
    "city's",
    "harbour",
    "harbor",
    "東京",
    "🚢",
    "e\u{301}te\u{301}",
    "Ky\u{200B}iv",
    "—",
    "(aside)",
    "…",
    "don’t",
    "talks",
    "government",
];

/// An article: paragraphs of sentences of words, with varied separators.
fn article() -> impl Strategy<Value = String> {
    let sentence = prop::collection::vec(prop::sample::select(WORDS), 1..12).prop_map(|w| {
        let mut s = w.join(" ");
        s.push_str([".", "!", "?", ".”"][s.len() % 4]);
        s
    });
    let paragraph = prop::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "));
    (
        prop::collection::vec(paragraph, 1..6),
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(|(p, crlf, md)| {
            let sep = if crlf { "\r\n\r\n" } else { "\n\n" };
            let body = p.join(sep);
            if md {
                format!("# Head line\n\n{body}")
            } else {
                body
            }
        })
}

fn load(name: &str, text: &str) -> Option<Source> {
    let format = if text.starts_with('#') {
        Format::Markdown
    } else {
        Format::Text
    };
    Document::from_bytes(name, text.as_bytes(), format)
        .ok()
        .map(Source::new)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn spans_lie_on_char_boundaries_inside_the_file(text in article()) {
        if let Some(s) = load("a.txt", &text) {
            for sentence in &s.sentences {
                prop_assert!(sentence.span.start < sentence.span.end && sentence.span.end <= text.len());
                prop_assert!(text.is_char_boundary(sentence.span.start) && text.is_char_boundary(sentence.span.end));
            }
            for w in s.sentences.windows(2) {
                prop_assert!(w[0].span.end <= w[1].span.start, "sentences do not overlap");
            }
        }
    }

    #[test]
    fn every_sentence_is_in_one_group_and_fragments_rebuild_members(a in article(), b in article(), c in article()) {
        let sources: Vec<Source> = [("a.txt", &a), ("b.txt", &b), ("c.txt", &c)].iter().filter_map(|(n, t)| load(n, t)).collect();
        prop_assume!(sources.len() >= 2);
        let cmp = Comparison::new(sources);
        let mut seen: Vec<Vec<usize>> = cmp.sources.iter().map(|s| vec![0; s.sentences.len()]).collect();
        for (g, group) in cmp.alignment.groups.iter().enumerate() {
            for id in &group.sentences {
                seen[id.source][id.index] += 1;
                prop_assert_eq!(cmp.alignment.group_of[id.source][id.index], g);
            }
        }
        prop_assert!(seen.iter().flatten().all(|&n| n == 1));
        for pivot in 0..cmp.sources.len() {
            for d in cmp.diffs(pivot) {
                for m in &d.members {
                    let text = &cmp.sources[m.source].doc.text;
                    let rebuilt: String = m.fragments.iter().map(|f| &text[f.range.clone()]).collect();
                    prop_assert_eq!(&rebuilt, &text[m.range.clone()]);
                }
            }
        }
    }
}

#[test]
fn the_samples_rebuild_too() {
    let cmp = common::samples();
    for d in cmp.diffs(2) {
        for m in &d.members {
            let text = &cmp.sources[m.source].doc.text;
            let rebuilt: String = m.fragments.iter().map(|f| &text[f.range.clone()]).collect();
            assert_eq!(rebuilt, text[m.range.clone()]);
        }
    }
}
