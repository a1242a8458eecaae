//! The whole pipeline (load → align → compare → JSON report) gives the same bytes
//! whether every stage runs on the thread pool or on one thread: the parallel
//! threshold is forced to 0 (always parallel) and to `usize::MAX` (never).

use parallax_core::align::{OrderMode, Params};
use parallax_core::compare::Comparison;
use parallax_core::document::{Document, Format};
use parallax_core::perf::Parallelism;
use parallax_core::report::{Report, json};
use parallax_core::source::Source;
use proptest::prelude::*;

/// The JSON report of generated `texts` (each read as `format`), aligned under
/// `order`, diffed against `pivot`, with every stage run as `parallelism` says.
fn report(
    texts: &[String],
    format: Format,
    order: OrderMode,
    pivot: usize,
    parallelism: Parallelism,
) -> String {
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let name = format!("source-{}.txt", i + 1);
            Source::new(Document::from_bytes(&name, t.as_bytes(), format).expect("loads"))
        })
        .collect();
    let params = Params {
        order,
        parallelism,
        ..Params::default()
    };
    let c = Comparison::with_params(sources, &params);
    json::render(&Report::build(&c, pivot))
}

fn order() -> impl Strategy<Value = OrderMode> {
    prop_oneof![
        Just(OrderMode::Auto),
        Just(OrderMode::Keep),
        Just(OrderMode::Free)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn parallel_and_serial_reports_are_byte_identical(
        count in 2usize..=4,
        bytes in 400usize..4_000,
        seed in any::<u64>(),
        markdown in any::<bool>(),
        order in order(),
        pivot in 0usize..4,
    ) {
        let texts = parallax_testkit::generate(count, bytes, seed);
        let format = if markdown { Format::Markdown } else { Format::Text };
        let pivot = pivot % count;
        let serial = report(&texts, format, order, pivot, Parallelism::SERIAL);
        let parallel = report(&texts, format, order, pivot, Parallelism::ALWAYS);
        prop_assert!(serial.contains("\"groups\""));
        prop_assert_eq!(serial, parallel);
    }
}

#[test]
fn the_default_threshold_gives_what_both_forced_paths_give() {
    // Large enough for the default threshold's parallel path (2,000 sentences).
    let texts = parallax_testkit::generate(3, 120_000, 9);
    let at = |p| report(&texts, Format::Text, OrderMode::Auto, 1, p);
    let default = at(Parallelism::default());
    assert_eq!(default, at(Parallelism::SERIAL));
    assert_eq!(default, at(Parallelism::ALWAYS));
}
