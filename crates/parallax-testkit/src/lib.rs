//! Deterministic synthetic corpora for benchmarks and scaling tests: long coverage
//! of many fictional events, told by several sources that shuffle, drop, duplicate
//! and reword paragraphs. Same parameters, same bytes, on every machine.
//!
//! Plain text only: the crate depends on nothing, so the engine's own unit tests can use
//! it (loading the texts is theirs to do).

/// A small deterministic generator (xorshift64*), so corpora need no `rand` crate.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ro", "vel", "tin", "mar", "os", "ly", "dun", "bre", "sha", "ti", "gor", "ne", "va",
    "lis", "tor", "um", "ek", "zan", "pol",
];
const SUBJECTS: &[&str] = &[
    "the council",
    "the port authority",
    "rescue crews",
    "the governor",
    "residents",
    "engineers",
    "the police",
    "the health authority",
    "volunteers",
    "the ferry operator",
    "the weather service",
    "the mayor",
];
const VERBS: &[&str] = &[
    "reported",
    "confirmed",
    "announced",
    "warned",
    "estimated",
    "promised",
    "denied",
    "recorded",
    "counted",
    "described",
];
const OBJECTS: &[&str] = &[
    "damage to the harbour wall",
    "flooding near the market",
    "injuries among the crews",
    "the cost of repairs",
    "closures on the coastal road",
    "power cuts across the district",
    "a rise in the river",
    "shelters for families",
];
const REWORD: &[(&str, &str)] = &[
    ("reported", "said there was"),
    ("confirmed", "acknowledged"),
    ("announced", "made public"),
    ("warned", "cautioned"),
    ("damage", "harm"),
    ("flooding", "floods"),
    ("the council", "city councillors"),
    ("residents", "people living there"),
];

fn name(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut s: String = (0..n)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect();
    s[..1].make_ascii_uppercase();
    s
}

/// One paragraph of a fictional event: names and numbers make it distinct.
fn paragraph(rng: &mut Rng) -> String {
    let place = name(rng);
    let person = format!("{} {}", name(rng), name(rng));
    let sentences = 2 + rng.below(3);
    let mut out = Vec::new();
    for i in 0..sentences {
        let subject = SUBJECTS[rng.below(SUBJECTS.len())];
        let verb = VERBS[rng.below(VERBS.len())];
        let object = OBJECTS[rng.below(OBJECTS.len())];
        let number = 2 + rng.below(900);
        let s = match i % 3 {
            0 => format!("In {place}, {subject} {verb} {object} after {number} calls on Tuesday."),
            1 => format!(
                "{person} said {subject} had {verb} {object} and that {number} homes were affected."
            ),
            _ => format!(
                "\u{201c}We have {verb} {object} in {place},\u{201d} {person} told reporters."
            ),
        };
        let mut s = s;
        if s.is_char_boundary(1) {
            s[..1].make_ascii_uppercase();
        }
        out.push(s);
    }
    out.join(" ")
}

fn reword(p: &str, rng: &mut Rng) -> String {
    let mut s = p.to_owned();
    for (from, to) in REWORD {
        if rng.chance(50) {
            s = s.replacen(from, to, 1);
        }
    }
    s
}

/// `sources` articles of about `bytes` each covering the same events: each source
/// shuffles the master order locally, drops about 10% of paragraphs, duplicates 3%
/// and rewords 30%.
pub fn generate(sources: usize, bytes: usize, seed: u64) -> Vec<String> {
    generate_with_gold(sources, bytes, seed)
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

/// Where a sentence of a generated source comes from: the same `story` and
/// `sentence` in two sources is the same report, told the same way or reworded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSentence {
    /// Byte range in the source's text.
    pub range: std::ops::Range<usize>,
    /// The paragraph of the master list it comes from (the heading is one past the
    /// last paragraph).
    pub story: usize,
    /// Its place in that paragraph.
    pub sentence: usize,
}

/// [`generate`]'s texts, each with the origin of every sentence: the answer key for
/// measuring alignment on large inputs (`examples/eval_corpus.rs`).
pub fn generate_with_gold(
    sources: usize,
    bytes: usize,
    seed: u64,
) -> Vec<(String, Vec<GoldSentence>)> {
    let mut rng = Rng::new(seed);
    let mut master = Vec::new();
    let mut size = 0;
    // A little more than needed, since sources drop paragraphs.
    while size < bytes + bytes / 8 {
        let p = paragraph(&mut rng);
        size += p.len() + 2;
        master.push(p);
    }
    (0..sources)
        .map(|s| {
            let mut rng = Rng::new(seed ^ (s as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407));
            let mut order: Vec<usize> = (0..master.len()).collect();
            // Local shuffles: stories move, but not across the whole document.
            for i in 0..order.len() {
                let j = (i + rng.below(8)).min(order.len() - 1);
                order.swap(i, j);
            }
            let mut out = format!("Coverage {} of the storm season", s + 1);
            let mut gold = vec![GoldSentence {
                range: 0..out.len(),
                story: master.len(),
                sentence: 0,
            }];
            out.push_str("\n\n");
            let mut push = |out: &mut String, p: &str, story: usize| {
                for (sentence, r) in sentence_spans(p).into_iter().enumerate() {
                    gold.push(GoldSentence {
                        range: out.len() + r.start..out.len() + r.end,
                        story,
                        sentence,
                    });
                }
                out.push_str(p);
                out.push_str("\n\n");
            };
            for &i in &order {
                if out.len() >= bytes {
                    break;
                }
                if rng.chance(10) {
                    continue;
                }
                let p = if rng.chance(30) {
                    reword(&master[i], &mut rng)
                } else {
                    master[i].clone()
                };
                push(&mut out, &p, i);
                if rng.chance(3) {
                    push(&mut out, &p, i);
                }
            }
            (out, gold)
        })
        .collect()
}

/// The sentences of a generated paragraph: every template ends with one of these
/// words, which rewording never touches.
fn sentence_spans(p: &str) -> Vec<std::ops::Range<usize>> {
    const ENDS: [&str; 3] = ["on Tuesday.", "were affected.", "told reporters."];
    let mut out = Vec::new();
    let mut start = 0;
    while let Some((at, end)) = ENDS
        .iter()
        .filter_map(|e| p[start..].find(e).map(|i| (start + i, e.len())))
        .min()
    {
        out.push(start..at + end);
        start = at + end;
        start += p[start..].len() - p[start..].trim_start().len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpora_are_deterministic_and_sized() {
        let a = generate(3, 10_000, 7);
        assert_eq!(a, generate(3, 10_000, 7));
        assert_ne!(a[0], a[1]);
        for s in &a {
            assert!((10_000..11_500).contains(&s.len()), "{}", s.len());
        }
    }

    #[test]
    fn the_answer_key_covers_every_sentence_of_the_text() {
        for (text, gold) in generate_with_gold(2, 20_000, 3) {
            // Sentences lie in order, and what is left between them is only spaces.
            let mut at = 0;
            for g in &gold {
                assert!(text[at..g.range.start].trim().is_empty());
                let s = &text[g.range.clone()];
                // Every sentence but the heading ends with a full stop.
                assert!(g.range.start == 0 || s.ends_with('.'), "{s:?}");
                at = g.range.end;
            }
            assert!(text[at..].trim().is_empty());
            // Paragraphs have two to four sentences (the heading, one).
            let per_story = gold.iter().filter(|g| g.sentence == 0).count();
            assert!(gold.len() >= 2 * per_story - 1 && gold.len() <= 4 * per_story);
        }
    }
}
