//! The aligner must stay near-linear: candidate pairs come from an index of rare
//! keys, never from all pairs of sentences. Four times the sentences may cost at
//! most about five times the comparisons (quadratic growth would cost sixteen).
//! Counts, not timers, so the test cannot flake.

use parallax_core::align;
use parallax_core::document::{Document, Format};
use parallax_core::source::Source;

/// A small deterministic generator (64-bit LCG); no randomness from the machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Skewed towards small indices, as word use is: a few words are everywhere.
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64) * u * u * u) as usize
    }
}

/// An invented vocabulary: syllables glued together, so the text is fictional.
fn vocabulary() -> Vec<String> {
    const SYL: &[&str] = &[
        "ka", "lo", "mir", "tan", "ve", "sul", "ro", "pen", "dai", "qu", "bel", "fo", "zan", "ti",
        "gor",
    ];
    let mut words = Vec::new();
    for a in SYL {
        for b in SYL {
            for c in ["", "n", "la", "ster"] {
                words.push(format!("{a}{b}{c}"));
            }
        }
    }
    words
}

/// `sources` articles of `n` sentences each: about half retell facts shared by all
/// (with words changed and in another order), the rest are each source's own.
fn corpus(sources: usize, n: usize, seed: u64) -> Vec<Source> {
    let words = vocabulary();
    let mut rng = Lcg(seed);
    let sentence = |rng: &mut Lcg| -> Vec<usize> {
        (0..8 + rng.below(9))
            .map(|_| rng.skewed(words.len()))
            .collect()
    };
    let facts: Vec<Vec<usize>> = (0..n).map(|_| sentence(&mut rng)).collect();
    (0..sources)
        .map(|s| {
            let mut lines: Vec<Vec<usize>> = Vec::new();
            for fact in &facts {
                if rng.below(2) == 0 {
                    let mut retold = fact.clone();
                    for _ in 0..2 {
                        let at = rng.below(retold.len());
                        retold[at] = rng.skewed(words.len());
                    }
                    lines.push(retold);
                } else {
                    lines.push(sentence(&mut rng));
                }
            }
            // Outlets reorder: swap neighbouring blocks.
            for i in (0..lines.len().saturating_sub(8)).step_by(8) {
                if rng.below(2) == 0 {
                    lines[i..i + 8].rotate_left(4);
                }
            }
            let text: String = lines
                .iter()
                .map(|l| {
                    let mut t = l
                        .iter()
                        .map(|&w| words[w].as_str())
                        .collect::<Vec<_>>()
                        .join(" ");
                    t[..1].make_ascii_uppercase();
                    t + ".\n\n"
                })
                .collect();
            Source::new(
                Document::from_bytes(&format!("outlet-{s}.txt"), text.as_bytes(), Format::Text)
                    .unwrap(),
            )
        })
        .collect()
}

#[test]
fn four_times_the_sentences_cost_at_most_five_times_the_comparisons() {
    let small = align::align(&corpus(4, 150, 7));
    let large = align::align(&corpus(4, 600, 7));
    assert!(
        small.comparisons > 150,
        "the index must find candidates at all: {}",
        small.comparisons
    );
    assert!(small.shared_count() > 0, "retold facts must be linked");
    at_most_five_times(
        "comparisons, 4×150 → 4×600 sentences",
        small.comparisons,
        large.comparisons,
    );
}

/// Fails unless `large` (counted on four times the input) is at most five times `small`.
fn at_most_five_times(what: &str, small: usize, large: usize) {
    let ratio = large as f64 / small as f64;
    println!("{what}: {small} → {large} (×{ratio:.2})");
    assert!(ratio <= 5.0, "{what}: ×{ratio:.2} ({small} → {large})");
}

/// The generated corpora (`gen-corpus`) invent names from a stock of syllables, so
/// their vocabulary, and the near-spellings of each name, grow with their size. The
/// search for partners must not read more per sentence as that happens: partial
/// matches are followed only as far as the index's cap.
#[test]
fn four_times_the_text_reads_at_most_five_times_the_index() {
    let small = align::align(&crate::common::generated(8, 250_000, 1));
    let large = align::align(&crate::common::generated(8, 1_000_000, 1));
    assert!(small.index_reads > 1_000, "{}", small.index_reads);
    at_most_five_times(
        "index reads, 8×250 KB → 8×1 MB",
        small.index_reads,
        large.index_reads,
    );
}
