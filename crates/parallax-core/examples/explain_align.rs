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
    let mut pairs = align::candidate_pairs(&sources, &params);
    pairs.sort_by(|x, y| y.3.total_cmp(&x.3));
    let text = |id: align::SentenceId| {
        let t: String = sources[id.source]
            .sentence_text(id.index)
            .chars()
            .take(90)
            .collect();
        sanitize::one_line(&t)
    };
    for (a, b, p, evidence) in pairs.into_iter().filter(|x| x.3 >= min) {
        println!(
            "{evidence:.3} {} dice {:.2} cover {:.2} keys {}+{} offset {:.2}\n    {}:{} {}\n    {}:{} {}",
            if evidence >= params.link {
                "LINK"
            } else {
                "    "
            },
            p.dice,
            p.cover,
            p.exact,
            p.partial,
            p.offset,
            a.source,
            a.index,
            text(a),
            b.source,
            b.index,
            text(b)
        );
    }
}
