//! What each sentence brings to matching: weighted content keys and key bigrams.

use std::collections::HashMap;

use super::SentenceId;
use crate::source::Source;
use crate::tokens::{Kind, Normalizer, Token};

/// One sentence's evidence.
#[derive(Debug, Clone, Default)]
pub struct SentenceFeatures {
    /// Content key ids, sorted and unique.
    pub keys: Vec<u32>,
    /// Hashes of adjacent content-key pairs, sorted and unique.
    pub bigrams: Vec<u64>,
    /// Sum of the weights of `keys`.
    pub weight: f32,
    /// Position in its source, 0..1 (a weak prior; not used yet).
    #[allow(dead_code)]
    pub position: f32,
}

/// Features of every sentence of every source, with shared vocabulary statistics.
pub struct Features {
    pub ids: Vec<SentenceId>,
    pub sentences: Vec<SentenceFeatures>,
    /// Weight of each key id (rarer is heavier; function words are not keys at all).
    pub weight: Vec<f32>,
    /// How many sentences contain each key.
    pub df: Vec<u32>,
    /// Global index of the first sentence of each source.
    pub offsets: Vec<usize>,
    #[allow(dead_code)]
    pub is_number: Vec<bool>,
    /// The heaviest key weight (a key found in one sentence only).
    pub max_weight: f32,
}

impl Features {
    pub fn build(sources: &[Source], normalizer: &Normalizer) -> Features {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut is_number = Vec::new();
        let mut ids = Vec::new();
        let mut raw: Vec<(Vec<u32>, Vec<u64>, f32)> = Vec::new();
        let mut offsets = Vec::new();
        let mut tokens_by_sentence: Vec<Vec<Token>> = Vec::new();
        for (s, source) in sources.iter().enumerate() {
            offsets.push(ids.len());
            let n = source.sentences.len().max(1) as f32;
            for i in 0..source.sentences.len() {
                ids.push(super::SentenceId {
                    source: s,
                    index: i,
                });
                let toks: Vec<Token> = normalizer
                    .tokens(source.sentence_text(i))
                    .into_iter()
                    .filter(|t| t.kind != Kind::Punct && !t.stop && t.key.chars().count() > 1)
                    .collect();
                tokens_by_sentence.push(toks);
                raw.push((Vec::new(), Vec::new(), (i as f32 + 0.5) / n));
            }
        }
        let canon = fuzzy_names(&tokens_by_sentence);
        for (toks, r) in tokens_by_sentence.iter().zip(raw.iter_mut()) {
            let mut keys = Vec::with_capacity(toks.len());
            for t in toks {
                let key = canon.get(&t.key).cloned().unwrap_or_else(|| t.key.clone());
                let next = vocab.len() as u32;
                let id = *vocab.entry(key).or_insert_with(|| {
                    is_number.push(t.kind == Kind::Number);
                    next
                });
                keys.push(id);
            }
            let mut bigrams: Vec<u64> = keys
                .windows(2)
                .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
                .collect();
            bigrams.sort_unstable();
            bigrams.dedup();
            keys.sort_unstable();
            keys.dedup();
            r.0 = keys;
            r.1 = bigrams;
        }
        let mut df = vec![0u32; vocab.len()];
        for r in &raw {
            for &k in &r.0 {
                df[k as usize] += 1;
            }
        }
        let n = raw.len().max(1) as f32;
        let weight: Vec<f32> = df
            .iter()
            .zip(&is_number)
            .map(|(&d, &num)| {
                let idf = (n / d as f32).ln().max(0.0) + 1.0;
                if num { idf * 1.2 } else { idf }
            })
            .collect();
        let sentences = raw
            .into_iter()
            .map(|(keys, bigrams, position)| {
                let w = keys.iter().map(|&k| weight[k as usize]).sum();
                SentenceFeatures {
                    keys,
                    bigrams,
                    weight: w,
                    position,
                }
            })
            .collect();
        let max_weight = weight.iter().copied().fold(0.0, f32::max);
        Features {
            ids,
            sentences,
            weight,
            df,
            offsets,
            is_number,
            max_weight,
        }
    }

    pub fn source_of(&self, global: usize) -> usize {
        self.ids[global].source
    }

    #[allow(dead_code)]
    pub fn global(&self, id: SentenceId) -> usize {
        self.offsets[id.source] + id.index
    }
}

/// Folds spellings of the same name that differ by a letter or a transliteration
/// habit ("Kyiv"/"Kiev", "Qaddafi"/"Gadafi") onto one key. Only capitalised words of
/// four letters or more are considered, grouped by a consonant skeleton.
fn fuzzy_names(sentences: &[Vec<Token>]) -> HashMap<String, String> {
    let mut by_skeleton: HashMap<String, Vec<String>> = HashMap::new();
    for t in sentences.iter().flatten() {
        if t.kind == Kind::Word && t.capitalized && t.key.chars().count() >= 4 {
            let list = by_skeleton.entry(skeleton(&t.key)).or_default();
            if !list.contains(&t.key) {
                list.push(t.key.clone());
            }
        }
    }
    let mut canon = HashMap::new();
    for (skel, mut keys) in by_skeleton {
        if keys.len() < 2 || skel.chars().count() < 2 {
            continue;
        }
        keys.sort();
        for i in 0..keys.len() {
            for j in 0..i {
                let (a, b) = (&keys[j], &keys[i]);
                let limit = if a.len().min(b.len()) >= 8 { 2 } else { 1 };
                if edit_distance(&phonetic(a), &phonetic(b)) <= limit {
                    let target = canon.get(a).cloned().unwrap_or_else(|| a.clone());
                    canon.insert(b.clone(), target);
                }
            }
        }
    }
    canon
}

/// Spelling habits of transliteration folded away: "qadhafi" → "kadafi".
fn phonetic(w: &str) -> String {
    let w = w
        .replace("ph", "f")
        .replace("dh", "d")
        .replace("kh", "k")
        .replace("gh", "g")
        .replace("th", "t");
    let mut out = String::new();
    for c in w.chars() {
        let c = match c {
            'q' | 'c' | 'g' => 'k',
            'y' => 'i',
            'w' => 'v',
            'z' => 's',
            _ => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
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

    #[test]
    fn transliterated_names_share_a_skeleton_and_a_key() {
        assert_eq!(phonetic("qadhafi"), phonetic("gadafi"));
        assert_eq!(skeleton("kyiv"), skeleton("kiev"));
        assert_eq!(edit_distance(&phonetic("kyiv"), &phonetic("kiev")), 1);
        assert!(edit_distance(&phonetic("marta"), &phonetic("norte")) > 1);
    }
}
