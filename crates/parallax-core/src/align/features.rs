//! What each sentence brings to matching: weighted content keys, key bigrams and
//! numbers, plus the vocabulary statistics shared by every source.

use std::collections::HashMap;

use super::SentenceId;
use super::soft;
use crate::perf::Parallelism;
use crate::perf::par::Par;
use crate::source::Source;
use crate::text::tokenized::Tokenized;
use crate::text::tokens::{Kind, Normalizer};

/// One content key of a sentence and the weight it brings there: the key's weight,
/// or a share of it for the later words of a multi-word name ("Luiz Inácio Lula da
/// Silva" is one piece of evidence, not five).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Term {
    pub(crate) key: u32,
    pub(crate) weight: f32,
}

/// Where one sentence's evidence lies in [`Features::terms`] and
/// [`Features::bigrams`], with its totals: small and flat, because measuring reads
/// millions of pairs of sentences in no particular order.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SentenceFeatures {
    terms: (u32, u32),
    bigrams: (u32, u32),
    soft: u64,
    /// Its keys' prefix classes (see [`soft::Neighbours::class`]).
    classes: u64,
    /// Sum of the weights of its terms.
    pub(crate) weight: f32,
    /// Position in its source, 0..1 (the middle of the sentence's slot).
    pub(crate) position: f32,
}

/// One sentence's evidence, borrowed: what measuring reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SentenceView<'a> {
    /// Terms sorted by key, keys unique.
    pub(crate) terms: &'a [Term],
    /// Hashes of adjacent content-key pairs, sorted and unique (empty unless phrases
    /// are weighed).
    pub(crate) bigrams: &'a [u64],
    /// Bit `i` set: term `i` has partial matches (see [`Features::soft_mask`]).
    pub(crate) soft: u64,
    /// Its keys' prefix classes: two sentences whose classes do not meet have no
    /// partial match (see [`soft::Neighbours::class`]).
    pub(crate) classes: u64,
    pub(crate) weight: f32,
    pub(crate) position: f32,
}

impl SentenceView<'_> {
    /// Whether any of its terms may match a key partially.
    pub(crate) fn may_match_partially(&self) -> bool {
        self.soft != 0 || self.terms.len() > 64
    }
}

/// A sentence's evidence made up rather than stored, for tests.
#[cfg(test)]
#[derive(Debug, Clone, Default)]
pub(crate) struct OwnedSentenceFeatures {
    pub(crate) terms: Vec<Term>,
    pub(crate) bigrams: Vec<u64>,
    pub(crate) weight: f32,
    pub(crate) position: f32,
}

/// Features of every sentence of every source, with shared vocabulary statistics.
pub(crate) struct Features {
    pub(crate) ids: Vec<SentenceId>,
    pub(crate) sentences: Vec<SentenceFeatures>,
    /// Every sentence's terms, one after the other.
    pub(crate) terms: Vec<Term>,
    /// Every sentence's key bigrams, one after the other.
    pub(crate) bigrams: Vec<u64>,
    /// Weight of each key id: rarer is heavier, everyday words lighter.
    pub(crate) weight: Vec<f32>,
    /// How many sentences contain each key.
    pub(crate) df: Vec<u32>,
    /// Global index of the first sentence of each source.
    pub(crate) offsets: Vec<usize>,
    pub(crate) is_number: Vec<bool>,
    /// Keys that look like inflections or spellings of each other, with a similarity
    /// in 0..1 (see [`soft`]).
    pub(crate) soft: soft::Neighbours,
    /// A hash of each sentence's keys, for tie-breaks that ignore source order.
    pub(crate) hashes: Vec<u64>,
    /// A hash of each source's text, the last tie-break.
    pub(crate) doc_hashes: Vec<u64>,
    /// The text of each key.
    pub(crate) names: Vec<String>,
    /// Each token key's feature key (`u32::MAX` for tokens that are not content).
    pub(crate) key_of: Vec<u32>,
}

/// How a key's weight is computed.
#[derive(Debug, Clone)]
pub struct Weighting {
    /// Lowest weight of a content key, however frequent it is in these sources.
    pub(crate) floor: f32,
    /// Factor for everyday words ("day", "great", "dia", "grande").
    pub(crate) common: f32,
    /// Factor for numbers (dates, counts and amounts are strong evidence).
    pub(crate) number: f32,
    /// Share of its weight that a word after the first of a multi-word name brings.
    pub(crate) name_tail: f32,
    /// Least similarity for two different keys to count as a partial match.
    pub(crate) soft_min: f32,
}

impl Default for Weighting {
    fn default() -> Self {
        Self {
            floor: 0.3,
            common: 0.5,
            number: 1.3,
            name_tail: 0.5,
            soft_min: 0.6,
        }
    }
}

struct Word {
    /// The key's number in the comparison's [`Tokenized::keys`].
    key: u32,
    number: bool,
    common: bool,
    /// Follows another capitalised word of the same name.
    tail: bool,
}

/// Particles inside names ("Lula da Silva", "van Gogh"): they neither break a name
/// nor count as part of one.
const NAME_PARTICLES: &[&str] = &[
    "da", "de", "do", "dos", "das", "di", "del", "der", "van", "von", "du", "bin", "ibn", "al",
];

impl Features {
    /// Key bigrams are gathered only when `phrases` is set (the phrase weight of
    /// [`super::Params`] is not zero); otherwise they stay empty and cost nothing.
    pub(crate) fn build(
        sources: &[Source],
        tokens: &Tokenized,
        normalizer: &Normalizer,
        w: &Weighting,
        phrases: bool,
        parallelism: Parallelism,
    ) -> Features {
        let lang = normalizer.language();
        let mut ids = Vec::new();
        let mut offsets = Vec::new();
        let mut positions = Vec::new();
        // Everyday words by key, so that every inflection of them is found.
        let common_keys: FastMap<String, ()> = lang
            .common_words()
            .map(|w| (normalizer.word_key(w), ()))
            .collect();
        for (s, source) in sources.iter().enumerate() {
            offsets.push(ids.len());
            let n = source.sentences.len().max(1) as f32;
            for i in 0..source.sentences.len() {
                ids.push(SentenceId {
                    source: s,
                    index: i,
                });
                positions.push((i as f32 + 0.5) / n);
            }
        }
        // Every step below is over all the sentences.
        let par = parallelism.over(ids.len());
        // Sources' words are gathered in parallel, in source order.
        let words = |s: usize| words_of(&sources[s], s, tokens, &common_keys);
        let per_source: Vec<SourceWords> = par.map(0..sources.len(), words);
        let mut name_keys: Vec<String> = Vec::new();
        for source in &per_source {
            name_keys.extend(source.names.iter().cloned());
        }
        name_keys.sort_unstable();
        name_keys.dedup();
        let canon = fuzzy_names(&name_keys, par);
        // Every token key's entry in the vocabulary (its spelling as `canon` folds it),
        // entries made in order of first use, source after source: an entry is a
        // number or an everyday word as the first word that made it is.
        let mut vocab: FastMap<String, u32> = FastMap::default();
        let mut is_number = Vec::new();
        let mut is_common = Vec::new();
        let mut entry = vec![u32::MAX; tokens.keys().len()];
        for word in per_source.iter().flat_map(|s| s.words.iter().flatten()) {
            let tk = word.key as usize;
            if entry[tk] != u32::MAX {
                continue;
            }
            let own = tokens.keys().key(tk as u32);
            let key: &str = canon.get(own).map_or(own, String::as_str);
            entry[tk] = match vocab.get(key) {
                Some(&id) => id,
                None => {
                    let id = vocab.len() as u32;
                    vocab.insert(key.to_owned(), id);
                    is_number.push(word.number);
                    is_common.push(word.common);
                    id
                }
            };
        }
        // Keys are numbered in the order of their text, so that nothing downstream
        // (sums, tie-breaks) depends on which source came first.
        // The vocabulary's strings are moved here, and on into `names`, not copied.
        let vocab_len = vocab.len();
        let mut by_text: Vec<(String, u32)> = vocab.into_iter().collect();
        by_text.sort_unstable();
        let mut canonical = vec![0u32; vocab_len];
        for (new_id, &(_, old)) in by_text.iter().enumerate() {
            canonical[old as usize] = new_id as u32;
        }
        let reorder = |v: &[bool]| {
            let mut out = vec![false; v.len()];
            for (old, &x) in v.iter().enumerate() {
                out[canonical[old] as usize] = x;
            }
            out
        };
        let (is_number, is_common) = (reorder(&is_number), reorder(&is_common));
        let key_of: Vec<u32> = entry
            .iter()
            .map(|&e| canonical.get(e as usize).copied().unwrap_or(u32::MAX))
            .collect();
        // Each sentence's keys (sorted, unique), key bigrams, and which words are
        // names' tails: sentence by sentence, in parallel on large inputs.
        let keyed_sentence = |words: &Vec<Word>| {
            let mut keys: Vec<u32> = words.iter().map(|w| key_of[w.key as usize]).collect();
            let tails: Vec<(u32, bool)> =
                keys.iter().zip(words).map(|(&k, w)| (k, w.tail)).collect();
            let mut bigrams: Vec<u64> = if phrases {
                keys.windows(2)
                    .map(|p| (u64::from(p[0]) << 32) | u64::from(p[1]))
                    .collect()
            } else {
                Vec::new()
            };
            bigrams.sort_unstable();
            bigrams.dedup();
            keys.sort_unstable();
            keys.dedup();
            ((keys, bigrams), tails)
        };
        let sentence_words: Vec<&Vec<Word>> = per_source.iter().flat_map(|s| &s.words).collect();
        let (keyed, tails): (Vec<Keyed>, Vec<Tails>) =
            par.map(&sentence_words, |w| keyed_sentence(w));
        let names: Vec<(&str, u32)> = by_text
            .iter()
            .enumerate()
            .filter(|&(id, _)| !is_number[id])
            .map(|(id, (k, _))| (k.as_str(), id as u32))
            .collect();
        let soft = soft::neighbours(&names, vocab_len, w.soft_min);
        let hashes: Vec<u64> = par.map(&keyed, |(keys, _)| content_hash(keys));
        let mut df = vec![0u32; vocab_len];
        for (keys, _) in &keyed {
            for &k in keys {
                df[k as usize] += 1;
            }
        }
        let weight = weights(&df, &is_number, &is_common, offsets.len(), keyed.len(), w);
        // Each sentence's terms go to its own slice of `terms`, so that sentences are
        // weighed in parallel on large inputs (the sums are made as one by one).
        let mut terms = vec![Term::default(); keyed.iter().map(|(k, _)| k.len()).sum()];
        let mut jobs: Vec<((&Keyed, &Tails), &mut [Term])> = Vec::with_capacity(keyed.len());
        let mut rest = &mut terms[..];
        for job in keyed.iter().zip(&tails) {
            let (own, after) = rest.split_at_mut(job.0.0.len());
            jobs.push((job, own));
            rest = after;
        }
        let weigh =
            |tail: &mut Vec<bool>, (((keys, _), tails), out): ((&Keyed, &Tails), &mut [Term])| {
                // A key is a name's tail here only if it is one at every occurrence.
                tail.clear();
                tail.resize(keys.len(), true);
                for &(k, t) in tails {
                    if !t && let Ok(i) = keys.binary_search(&k) {
                        tail[i] = false;
                    }
                }
                let mut total = 0.0f32;
                for ((&k, &tail), term) in keys.iter().zip(tail.iter()).zip(out.iter_mut()) {
                    let scale = if tail { w.name_tail } else { 1.0 };
                    *term = Term {
                        key: k,
                        weight: weight[k as usize] * scale,
                    };
                    total += term.weight;
                }
                (mask_of(&soft, out), classes_of(&soft, out), total)
            };
        let weighed: Vec<(u64, u64, f32)> = par.map_init(jobs, Vec::new, weigh);
        let mut all_bigrams = Vec::new();
        let mut first_term = 0u32;
        let sentences = keyed
            .into_iter()
            .zip(weighed)
            .zip(positions)
            .map(|(((keys, bigrams), (soft, classes, total)), position)| {
                let (start, first_bigram) = (first_term, all_bigrams.len() as u32);
                first_term += keys.len() as u32;
                all_bigrams.extend(bigrams);
                SentenceFeatures {
                    soft,
                    classes,
                    terms: (start, first_term),
                    bigrams: (first_bigram, all_bigrams.len() as u32),
                    weight: total,
                    position,
                }
            })
            .collect();
        let doc_hash = |s: &Source| content_hash(&(s.doc.path.as_str(), s.doc.text.as_str()));
        let doc_hashes = par.map(sources, doc_hash);
        let names = by_text.into_iter().map(|(k, _)| k).collect();
        Features {
            ids,
            sentences,
            terms,
            bigrams: all_bigrams,
            weight,
            df,
            offsets,
            is_number,
            soft,
            hashes,
            doc_hashes,
            names,
            key_of,
        }
    }

    /// Sentence `g`'s first term, where its terms lie in memory (for prefetching).
    pub(crate) fn first_term(&self, g: usize) -> Option<&Term> {
        let s = &self.sentences[g];
        (s.terms.0 < s.terms.1).then(|| &self.terms[s.terms.0 as usize])
    }

    /// The evidence of sentence `g` (a global index).
    pub(crate) fn sentence(&self, g: usize) -> SentenceView<'_> {
        let s = &self.sentences[g];
        SentenceView {
            terms: &self.terms[s.terms.0 as usize..s.terms.1 as usize],
            bigrams: &self.bigrams[s.bigrams.0 as usize..s.bigrams.1 as usize],
            soft: s.soft,
            classes: s.classes,
            weight: s.weight,
            position: s.position,
        }
    }

    /// Which of the first 64 `terms` have partial matches, as bits: most keys have
    /// none, and measuring skips them without looking them up.
    #[cfg(test)]
    pub(crate) fn soft_mask(&self, terms: &[Term]) -> u64 {
        mask_of(&self.soft, terms)
    }

    /// The prefix classes of `terms`' keys (see [`SentenceView::classes`]).
    #[cfg(test)]
    pub(crate) fn soft_classes(&self, terms: &[Term]) -> u64 {
        classes_of(&self.soft, terms)
    }

    /// Stores `sentences`' evidence, for tests that make features by hand.
    #[cfg(test)]
    pub(crate) fn store(&mut self, sentences: &[OwnedSentenceFeatures]) {
        self.sentences.clear();
        self.terms.clear();
        self.bigrams.clear();
        for s in sentences {
            let terms = (
                self.terms.len() as u32,
                (self.terms.len() + s.terms.len()) as u32,
            );
            self.terms.extend_from_slice(&s.terms);
            let bigrams = (
                self.bigrams.len() as u32,
                (self.bigrams.len() + s.bigrams.len()) as u32,
            );
            self.bigrams.extend_from_slice(&s.bigrams);
            let soft = self.soft_mask(&s.terms);
            let classes = self.soft_classes(&s.terms);
            self.sentences.push(SentenceFeatures {
                terms,
                bigrams,
                soft,
                classes,
                weight: s.weight,
                position: s.position,
            });
        }
    }

    pub(crate) fn source_of(&self, global: usize) -> usize {
        self.ids[global].source
    }

    /// Every sentence's source, four bytes each: small enough to stay in cache where
    /// sentences are visited out of order, as [`Features::ids`] would not.
    pub(crate) fn source_table(&self) -> Vec<u32> {
        self.ids.iter().map(|id| id.source as u32).collect()
    }

    pub(crate) fn sources(&self) -> usize {
        self.offsets.len()
    }

    /// Each sentence's place in the order of [`Features::tiebreak`] (equal tie-breaks,
    /// equal ranks), so that comparing ranks compares tie-breaks.
    pub(crate) fn tiebreak_ranks(&self) -> Vec<u32> {
        let n = self.sentences.len();
        // Keys computed once each, not at every comparison.
        let mut order: Vec<((u64, usize, u64), usize)> =
            (0..n).map(|g| (self.tiebreak(g), g)).collect();
        order.sort_unstable();
        let mut rank = vec![0u32; n];
        for k in 1..n {
            let ((prev_key, prev), (cur_key, cur)) = (order[k - 1], order[k]);
            rank[cur] = rank[prev] + u32::from(prev_key != cur_key);
        }
        rank
    }

    /// An order for sentences that depends on their content, never on the order in
    /// which the sources were given.
    pub(crate) fn tiebreak(&self, g: usize) -> (u64, usize, u64) {
        (
            self.hashes[g],
            self.ids[g].index,
            self.doc_hashes[self.ids[g].source],
        )
    }
}

fn classes_of(soft: &soft::Neighbours, terms: &[Term]) -> u64 {
    terms
        .iter()
        .filter(|t| !soft.of(t.key).is_empty())
        .fold(0, |c, t| c | soft.class(t.key))
}

fn mask_of(soft: &soft::Neighbours, terms: &[Term]) -> u64 {
    terms
        .iter()
        .take(64)
        .enumerate()
        .filter(|(_, t)| !soft.of(t.key).is_empty())
        .fold(0, |m, (i, _)| m | 1 << i)
}

/// A sentence's keys (sorted, unique) and key bigrams (likewise).
type Keyed = (Vec<u32>, Vec<u64>);
/// A sentence's keys in word order, each with whether it is a name's tail there.
type Tails = Vec<(u32, bool)>;

/// The content words of one source, sentence by sentence.
struct SourceWords {
    /// [`Word::key`] is a key's number in the comparison's [`Tokenized::keys`].
    words: Vec<Vec<Word>>,
    /// The distinct keys of its capitalised words (candidates for [`fuzzy_names`]).
    names: Vec<String>,
}

/// What is known of a key number in [`words_of`], found at its first use.
#[derive(Clone, Copy, Default)]
struct KeyFacts {
    known: bool,
    /// One character: not content.
    short: bool,
    /// An everyday word.
    common: bool,
    /// Some word with this key was capitalised.
    name: bool,
}

/// The content words of every sentence of `source` (number `s`).
fn words_of(
    source: &Source,
    s: usize,
    tokens: &Tokenized,
    common_keys: &FastMap<String, ()>,
) -> SourceWords {
    let keys = tokens.keys();
    let mut facts: Vec<KeyFacts> = vec![KeyFacts::default(); keys.len()];
    let mut out = Vec::with_capacity(source.sentences.len());
    for i in 0..source.sentences.len() {
        let sentence = tokens.sentence(s, i);
        // Room for every token: most are content words.
        let mut words = Vec::with_capacity(sentence.len());
        let mut in_name = false;
        for t in sentence {
            let t = &t;
            let surface = &source.doc.text[t.range.clone()];
            if t.kind == Kind::Word && NAME_PARTICLES.contains(&surface) {
                continue;
            }
            let capital = t.kind == Kind::Word && t.capitalized && !t.stop;
            let tail = capital && in_name;
            in_name = capital;
            if t.kind == Kind::Punct || t.stop {
                continue;
            }
            let fact = &mut facts[t.key as usize];
            if !fact.known {
                let key = keys.key(t.key);
                *fact = KeyFacts {
                    known: true,
                    short: key.chars().count() < 2,
                    common: common_keys.contains_key(key),
                    name: false,
                };
            }
            if fact.short {
                continue;
            }
            fact.name |= t.kind == Kind::Word && t.capitalized;
            words.push(Word {
                key: t.key,
                number: t.kind == Kind::Number,
                common: t.kind == Kind::Word && fact.common,
                tail,
            });
        }
        out.push(words);
    }
    let names = facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.name)
        .map(|(id, _)| keys.key(id as u32).to_owned())
        .collect();
    SourceWords { words: out, names }
}

/// FNV-1a: a fast, fixed hash for short keys. std's default hasher resists
/// attacker-chosen keys, which a local comparison of articles does not need, and it
/// was a tenth of the aligner's time.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

fn content_hash<T: std::hash::Hash + ?Sized>(x: &T) -> u64 {
    use std::hash::Hasher;
    // A fixed-key hasher: the same content gets the same hash in every run.
    let mut h = std::hash::DefaultHasher::new();
    x.hash(&mut h);
    h.finish()
}

/// Inverse sentence frequency over the sentences being compared, never below a
/// floor: a content word every sentence of a short story repeats ("fox") is weak
/// evidence but still some, while a word two sentences share is strong.
fn weights(
    df: &[u32],
    is_number: &[bool],
    is_common: &[bool],
    sources: usize,
    n: usize,
    w: &Weighting,
) -> Vec<f32> {
    // A key found once per source is what a matched pair looks like: give it full
    // weight, 1.0, and scale the rest from there.
    let full = ((n as f32 + 1.0) / (sources.max(2) as f32))
        .ln()
        .max(f32::EPSILON);
    df.iter()
        .enumerate()
        .map(|(k, &d)| {
            let idf = ((n as f32 + 1.0) / d.max(1) as f32).ln() / full;
            let mut x = idf.clamp(w.floor, 1.5);
            if is_number[k] {
                x *= w.number;
            } else if is_common[k] {
                x *= w.common;
            }
            x
        })
        .collect()
}

/// Folds spellings of the same name that differ by a letter or a transliteration
/// habit ("Kyiv"/"Kiev", "Qaddafi"/"Gadafi") onto one key. Only capitalised words of
/// four letters or more are considered, grouped by a consonant skeleton.
fn fuzzy_names(keys: &[String], par: Par) -> FastMap<String, String> {
    let skeletons: Vec<(String, &String)> =
        par.filter_map(keys, |k| (k.chars().count() >= 4).then(|| (skeleton(k), k)));
    let mut by_skeleton: HashMap<String, Vec<String>> = HashMap::new();
    for (skel, key) in skeletons {
        // `keys` are distinct, so each list holds distinct keys.
        by_skeleton.entry(skel).or_default().push(key.clone());
    }
    // Groups share no key, so each is folded on its own (in parallel when many).
    let fold_group = |(skel, mut keys): (String, Vec<String>)| {
        let mut canon: FastMap<String, String> = FastMap::default();
        if keys.len() < 2 || skel.chars().count() < 2 {
            return canon;
        }
        keys.sort();
        let spoken: Vec<String> = keys.iter().map(|k| phonetic(k)).collect();
        for i in 0..keys.len() {
            for j in 0..i {
                let (a, b) = (&keys[j], &keys[i]);
                let limit = if a.len().min(b.len()) >= 8 { 2 } else { 1 };
                if edit_distance(&spoken[j], &spoken[i]) <= limit {
                    let target = canon.get(a).cloned().unwrap_or_else(|| a.clone());
                    canon.insert(b.clone(), target);
                }
            }
        }
        canon
    };
    let groups: Vec<(String, Vec<String>)> = by_skeleton.into_iter().collect();
    let folded: Vec<FastMap<String, String>> = par.map(groups, fold_group);
    folded.into_iter().flatten().collect()
}

/// Spelling habits of transliteration folded away: "qadhafi" → "kadafi". In one
/// pass: "ph", "dh", "kh", "gh", "th" lose their "h" (as replacing each pair in turn
/// would: no replacement makes another), then letters said alike are merged and
/// doubled letters made single.
fn phonetic(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut chars = w.chars().peekable();
    while let Some(c) = chars.next() {
        let c = if c == 'p' && chars.next_if_eq(&'h').is_some() {
            'f'
        } else {
            if matches!(c, 'd' | 'k' | 'g' | 't') {
                chars.next_if_eq(&'h');
            }
            c
        };
        let c = said_alike(c);
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// One letter for letters said alike in transliterated names.
fn said_alike(c: char) -> char {
    match c {
        'q' | 'c' | 'g' => 'k',
        'y' => 'i',
        'w' => 'v',
        'z' => 's',
        _ => c,
    }
}

fn skeleton(w: &str) -> String {
    let p = phonetic(w);
    let mut chars = p.chars();
    let first = chars
        .next()
        .map(|c| if "aeiou".contains(c) { 'a' } else { c });
    first
        .into_iter()
        .chain(chars.filter(|c| !"aeiou".contains(*c)))
        .collect()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`phonetic`] as first written, one replacement after another.
    fn phonetic_by_replacing(w: &str) -> String {
        let w = w
            .replace("ph", "f")
            .replace("dh", "d")
            .replace("kh", "k")
            .replace("gh", "g")
            .replace("th", "t");
        let mut out = String::new();
        for c in w.chars().map(said_alike) {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn phonetic_in_one_pass_is_the_replacements_in_turn(w in "[pdkgthqcywzaeé]{0,12}") {
            proptest::prop_assert_eq!(phonetic(&w), phonetic_by_replacing(&w));
        }
    }

    #[test]
    fn transliterated_names_share_a_skeleton_and_a_key() {
        assert_eq!(phonetic("qadhafi"), phonetic("gadafi"));
        assert_eq!(skeleton("kyiv"), skeleton("kiev"));
        assert_eq!(edit_distance(&phonetic("kyiv"), &phonetic("kiev")), 1);
        assert!(edit_distance(&phonetic("marta"), &phonetic("norte")) > 1);
    }

    #[test]
    fn weights_fall_with_frequency_but_keep_a_floor() {
        let w = Weighting::default();
        // 40 sentences in 2 sources: a key in 2 sentences, one in 10, one in all 40.
        let df = [2, 10, 40, 2];
        let weights = weights(&df, &[false, false, false, true], &[false; 4], 2, 40, &w);
        assert!(weights[0] > weights[1] && weights[1] > weights[2]);
        assert!(
            (weights[0] - 1.0).abs() < 0.05,
            "a key once per source weighs about 1, got {}",
            weights[0]
        );
        assert!(
            (weights[2] - w.floor).abs() < 1e-6,
            "the floor holds, got {}",
            weights[2]
        );
        assert!(weights[3] > weights[0], "numbers weigh more");
    }

    fn build(texts: &[&str]) -> Features {
        use crate::document::{Document, Format};
        let sources: Vec<Source> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Source::new(
                    Document::from_bytes(&format!("s{i}.txt"), t.as_bytes(), Format::Text).unwrap(),
                )
            })
            .collect();
        let lang = crate::text::lang::Language::detect(texts.iter().copied());
        let norm = Normalizer::new(lang);
        let p = Parallelism::default();
        let tokens = Tokenized::build(&sources, &norm, p);
        Features::build(&sources, &tokens, &norm, &Weighting::default(), true, p)
    }

    #[test]
    fn later_words_of_a_name_weigh_half() {
        let f = build(&[
            "President Luiz Inácio Lula da Silva visited the harbour.",
            "Lula visited the harbour.",
        ]);
        let s = f.sentence(0);
        let scale_of = |name: &str| {
            s.terms
                .iter()
                .find(|t| f.names[t.key as usize] == name)
                .map(|t| t.weight / f.weight[t.key as usize])
        };
        assert_eq!(
            scale_of("presid"),
            Some(1.0),
            "a name starts at full weight"
        );
        assert_eq!(scale_of("lula"), Some(0.5));
        assert_eq!(scale_of("silva"), Some(0.5));
        assert_eq!(scale_of("harbour").or(scale_of("harbor")), Some(1.0));
    }

    #[test]
    fn keys_do_not_depend_on_source_order() {
        let a = build(&[
            "The ferry Marisol ran aground.",
            "Marisol, a ferry, hit a sandbank.",
        ]);
        let b = build(&[
            "Marisol, a ferry, hit a sandbank.",
            "The ferry Marisol ran aground.",
        ]);
        assert_eq!(a.sentence(0).terms, b.sentence(1).terms);
        assert_eq!(a.hashes[0], b.hashes[1]);
    }

    #[test]
    fn everyday_words_weigh_less() {
        let w = Weighting::default();
        let weights = weights(&[2, 2], &[false, false], &[false, true], 2, 40, &w);
        assert!(weights[1] < weights[0]);
    }
}
