//! Quotations and figures: every span lies inside its source on character
//! boundaries, and what matches does not depend on the order the files are given in.

use std::collections::BTreeSet;

use parallax_core::compare::Comparison;
use parallax_core::compare::facts::Row;
use proptest::prelude::*;

use crate::common::source;

const PIECES: &[&str] = &[
    "“The wall held for sixty years,” said Tomas Berg. ",
    "\"The wall held for sixty years,\" the engineer told reporters. ",
    "‘We don’t know yet,’ an official said. ",
    "«Ça tient», a dit le maire. ",
    "Twelve people were injured. ",
    "11 people were hurt and three were killed. ",
    "The storm killed 3 people. ",
    "It was -8 °C at dawn. ",
    "A 40-metre section fell on February 1, 2031. ",
    "Repairs will cost 4.5 million dollars, ",
    "according to the ministry. ",
    "é ",
    "日本 ",
    "\u{200b}",
    "“",
    "”",
    "'",
    "’",
    "\n\n",
    "The port reopened. ",
];

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 1..12)
        .prop_map(|p| format!("Storm report\n\n{}The end.", p.concat()))
}

/// A member as its file's path and its range in the text.
type At = (String, usize, usize);

/// Each row as the set of its members and whether it differs.
fn rows(c: &Comparison) -> BTreeSet<(Vec<At>, bool)> {
    let f = c.facts();
    let quote = |m: usize| {
        let q = &f.quotes[m];
        let r = q.range();
        (c.sources[q.source].doc.path.clone(), r.start, r.end)
    };
    let figure = |m: usize| {
        let x = &f.figures[m];
        (
            c.sources[x.source].doc.path.clone(),
            x.range.start,
            x.range.end,
        )
    };
    let set = |rows: &[Row], member: &dyn Fn(usize) -> At| {
        rows.iter()
            .map(|r| {
                let mut m: Vec<_> = r.members.iter().map(|&i| member(i)).collect();
                m.sort();
                (m, r.differs)
            })
            .collect::<Vec<_>>()
    };
    set(&f.quote_rows, &quote)
        .into_iter()
        .chain(set(&f.figure_rows, &figure))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn spans_are_inside_on_boundaries_and_matching_ignores_file_order(
        texts in proptest::collection::vec(text(), 3),
    ) {
        let load = |order: &[usize]| {
            Comparison::new(
                order
                    .iter()
                    .map(|&i| source(&format!("s{i}.txt"), &texts[i]))
                    .collect(),
            )
        };
        let c = load(&[0, 1, 2]);
        let f = c.facts();
        let inside = |source: usize, r: &std::ops::Range<usize>| {
            let t = &c.sources[source].doc.text;
            r.start < r.end
                && r.end <= t.len()
                && t.is_char_boundary(r.start)
                && t.is_char_boundary(r.end)
                && c.sources[source].doc.file_span(r.clone()).is_some_and(|s| {
                    s.end <= texts[source].len()
                        && texts[source].is_char_boundary(s.start)
                        && texts[source].is_char_boundary(s.end)
                })
        };
        for q in &f.quotes {
            for p in &q.parts {
                prop_assert!(inside(q.source, p), "{q:?}");
            }
            if let Some(s) = &q.speaker {
                prop_assert!(inside(q.source, s), "{q:?}");
            }
        }
        for x in &f.figures {
            prop_assert!(inside(x.source, &x.range), "{x:?}");
            for r in x.counted.iter().chain(&x.event_word) {
                prop_assert!(inside(x.source, r), "{x:?}");
            }
        }
        // Every quotation and figure is in exactly one row.
        let count = |rows: &[Row]| rows.iter().map(|r| r.members.len()).sum::<usize>();
        prop_assert_eq!(count(&f.quote_rows), f.quotes.len());
        prop_assert_eq!(count(&f.figure_rows), f.figures.len());
        let same = rows(&c);
        for order in [[2, 0, 1], [1, 2, 0], [2, 1, 0]] {
            prop_assert_eq!(&rows(&load(&order)), &same, "order {:?}", order);
        }
    }
}
