//! Times the aligner alone on some articles (median of repeated runs), for checking
//! that aligning a few articles stays within milliseconds.
//!
//! usage: cargo run --release --example time_align -- FILE FILE...

use parallax_core::align;
use parallax_core::document::Document;
use parallax_core::source::Source;

fn main() {
    let sources: Vec<Source> = std::env::args()
        .skip(1)
        .map(|p| match Document::load(std::path::Path::new(&p)) {
            Ok(d) => Source::new(d),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        })
        .collect();
    let mut times = Vec::new();
    let mut comparisons = 0;
    for _ in 0..21 {
        let start = std::time::Instant::now();
        let al = align::align(&sources);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        comparisons = al.comparisons;
    }
    times.sort_by(f64::total_cmp);
    let sentences: usize = sources.iter().map(|s| s.sentences.len()).sum();
    println!(
        "{} sources, {sentences} sentences, {comparisons} comparisons: median {:.2} ms",
        sources.len(),
        times[times.len() / 2]
    );
}
