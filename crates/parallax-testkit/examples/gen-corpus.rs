//! Writes a synthetic corpus for benchmarks: `cargo run --release -p parallax-testkit --example gen-corpus -- DIR SOURCES BYTES [SEED]`.
//! Example: `cargo run --release -p parallax-testkit --example gen-corpus -- /tmp/c 8 1000000` writes
//! /tmp/c/source-1.txt … source-8.txt of about 1 MB each.

use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: gen-corpus DIR SOURCES BYTES [SEED]");
        std::process::exit(2);
    }
    let dir = PathBuf::from(&args[0]);
    let parse = |s: &str, what: &str| -> usize {
        s.parse().unwrap_or_else(|_| {
            eprintln!("gen-corpus: {what} must be a number, not {s:?}");
            std::process::exit(2)
        })
    };
    let sources = parse(&args[1], "SOURCES");
    let bytes = parse(&args[2], "BYTES");
    let seed = args.get(3).map_or(1, |s| parse(s, "SEED")) as u64;
    std::fs::create_dir_all(&dir).expect("create the output directory");
    for (i, text) in parallax_testkit::generate(sources, bytes, seed)
        .iter()
        .enumerate()
    {
        let path = dir.join(format!("source-{}.txt", i + 1));
        std::fs::write(&path, text).expect("write a corpus file");
        println!("{}", path.display());
    }
}
