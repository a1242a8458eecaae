//! Alignment quality on a generated corpus, whose answer key the generator knows:
//! `cargo run --release -p parallax-core --example eval_corpus -- SOURCES BYTES [SEED] [name=value …]`.
//!
//! The human-annotated sets (`eval_align`) are short articles; this measures what
//! changes that matter only on long inputs (bounds on candidates, say) do to the
//! links. Scored as `../shared/eval/score.py` scores: a unit is one sentence of the
//! key; a link is two units of different sources in one group; the key links every
//! two units of different sources that tell the same sentence of the same story.
//! Also the F1 of the "no counterpart" decision, and the aligner's time.

use std::collections::{BTreeSet, HashMap};

use parallax_core::align::{self, Params};
use parallax_core::document::{Document, Format};
use parallax_core::source::Source;
use parallax_testkit as corpus;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || -> ! {
        eprintln!("usage: eval_corpus SOURCES BYTES [SEED] [name=value ...]");
        std::process::exit(2)
    };
    let number = |s: Option<&String>| s.and_then(|s| s.parse::<usize>().ok());
    let (Some(count), Some(bytes)) = (number(args.first()), number(args.get(1))) else {
        usage()
    };
    let mut rest = &args[2..];
    let mut seed = 1u64;
    if let Some(s) = number(rest.first()) {
        seed = s as u64;
        rest = &rest[1..];
    }
    let mut params = Params::default();
    for a in rest {
        let Some((k, v)) = a.split_once('=') else {
            usage()
        };
        let v: f32 = v.parse().unwrap_or_else(|_| usage());
        if let Err(e) = params.set(k, v) {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
    let generated = corpus::generate_with_gold(count, bytes, seed);
    let sources: Vec<Source> = generated
        .iter()
        .enumerate()
        .map(|(i, (text, _))| {
            let name = format!("source-{}.txt", i + 1);
            let doc = Document::from_bytes(&name, text.as_bytes(), Format::Text);
            Source::new(doc.expect("generated text loads"))
        })
        .collect();
    let started = std::time::Instant::now();
    let alignment = align::align_with(&sources, &params);
    let took = started.elapsed();

    // Unit of each sentence: the key's sentence holding its first byte.
    let unit_of = |source: usize, index: usize| -> usize {
        let s = &sources[source];
        let start = s
            .doc
            .file_span(s.sentences[index].range.clone())
            .map_or(0, |r| r.start);
        let gold = &generated[source].1;
        gold.partition_point(|g| g.range.end <= start)
            .min(gold.len() - 1)
    };
    let mut predicted: BTreeSet<((usize, usize), (usize, usize))> = BTreeSet::new();
    let mut shared_units: BTreeSet<(usize, usize)> = BTreeSet::new();
    for group in &alignment.groups {
        let units: BTreeSet<(usize, usize)> = group
            .sentences
            .iter()
            .map(|id| (id.source, unit_of(id.source, id.index)))
            .collect();
        for &a in &units {
            for &b in &units {
                if a.0 < b.0 {
                    predicted.insert((a, b));
                    shared_units.insert(a);
                    shared_units.insert(b);
                }
            }
        }
    }
    let mut by_story: HashMap<(usize, usize), Vec<(usize, usize)>> = HashMap::new();
    for (source, (_, gold)) in generated.iter().enumerate() {
        for (u, g) in gold.iter().enumerate() {
            by_story
                .entry((g.story, g.sentence))
                .or_default()
                .push((source, u));
        }
    }
    let mut key: BTreeSet<((usize, usize), (usize, usize))> = BTreeSet::new();
    let mut linked_units: BTreeSet<(usize, usize)> = BTreeSet::new();
    for units in by_story.values() {
        for &a in units {
            for &b in units {
                if a.0 < b.0 {
                    key.insert((a, b));
                    linked_units.insert(a);
                    linked_units.insert(b);
                }
            }
        }
    }
    let found = predicted.intersection(&key).count();
    let f1 = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let p = found as f64 / predicted.len().max(1) as f64;
    let r = found as f64 / key.len().max(1) as f64;
    // The "no counterpart" decision, over every unit.
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (source, (_, gold)) in generated.iter().enumerate() {
        for u in 0..gold.len() {
            let truly = !linked_units.contains(&(source, u));
            let said = !shared_units.contains(&(source, u));
            match (truly, said) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                _ => {}
            }
        }
    }
    let up = tp as f64 / (tp + fp).max(1) as f64;
    let ur = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "P {p:.3} R {r:.3} F1 {:.3} ({found}/{} key links, {} predicted); unique F1 {:.3}; {} comparisons, {} index reads; aligned in {} ms",
        f1(p, r),
        key.len(),
        predicted.len(),
        f1(up, ur),
        alignment.comparisons,
        alignment.index_reads,
        took.as_millis()
    );
}
