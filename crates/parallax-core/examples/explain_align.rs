//! Prints the candidate sentence pairs of some articles with what they share and the
//! evidence the aligner gives them, strongest first: a tool for seeing why two
//! sentences were (or were not) linked.
//!
//! usage: cargo run --example explain_align -- FILE FILE... [--min EVIDENCE]

use parallax_core::align::{self, Params};
use parallax_core::document::Document;
use parallax_core::sanitize;
use parallax_core::source::Source;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut min = 0.1f32;
    if let Some(i) = args.iter().position(|a| a == "--min") {
        min = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(min);
        args.drain(i..(i + 2).min(args.len()));
    }
    let mut sources = Vec::new();
    for path in &args {
        match Document::load(std::path::Path::new(path)) {
            Ok(doc) => sources.push(Source::new(doc)),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    }
    let params = Params::default();
    let al = align::align_with(&sources, &params);
    let mut pairs = al.evidence.clone();
    pairs.sort_by(|x, y| y.probability.total_cmp(&x.probability));
    let text = |id: align::SentenceId| {
        let t: String = sources[id.source]
            .sentence_text(id.index)
            .chars()
            .take(90)
            .collect();
        sanitize::one_line(&t)
    };
    let names = align::LEXICAL.iter().chain(align::ORDER.iter());
    let names: Vec<&str> = names.copied().collect();
    for e in pairs.into_iter().filter(|e| e.probability >= min) {
        let linked = al.group_of[e.a.source][e.a.index] == al.group_of[e.b.source][e.b.index];
        let shown: Vec<String> = names
            .iter()
            .zip(e.features)
            .filter(|(_, v)| *v != 0.0)
            .map(|(n, v)| format!("{n} {v:.2}"))
            .collect();
        println!(
            "{:.3} {} {}\n    {}:{} {}\n    {}:{} {}",
            e.probability,
            if linked { "LINK" } else { "    " },
            shown.join(", "),
            e.a.source,
            e.a.index,
            text(e.a),
            e.b.source,
            e.b.index,
            text(e.b)
        );
    }
}
