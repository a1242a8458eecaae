//! What the pair scorer reads of each sentence beside its weighted keys: its words
//! in order (function words included, for shared runs), the words inside quotation
//! marks, how common its keys are in general text, and its meaning vector.

use super::features::Features;
use super::lexicon::{self, DIMS};
use crate::source::Source;
use crate::text::lang::Language;
use crate::text::tokenized::Tokenized;
use crate::text::tokens::Kind;

/// A Zipf frequency above which a word is too common to say anything (`the`, `de`).
const ZIPF_MAX: f32 = 8.0;

/// Smoothing of the meaning vector's word weights, `a / (a + p(word))` (Arora et
/// al.'s SIF): function words count little, rare words fully.
const SIF: f32 = 1e-4;

pub(crate) struct Profiles {
    /// Every sentence's word and number keys in order (token key ids).
    seqs: Vec<u32>,
    seq_at: Vec<u32>,
    /// Every sentence's keys inside quotation marks, sorted and unique.
    quoted: Vec<u32>,
    quoted_at: Vec<u32>,
    /// Each sentence's meaning vector, unit length × 127 (zero when none of its words
    /// is in the meaning table).
    vectors: Vec<i8>,
    /// Background weight of each feature key: `ZIPF_MAX − zipf`, so a word unknown to
    /// general text weighs most.
    pub(crate) background: Vec<f32>,
    /// Each sentence's total background weight over its terms.
    pub(crate) background_total: Vec<f32>,
    /// Number terms in each sentence.
    pub(crate) numbers: Vec<u16>,
    /// Words (tokens of letters) in each sentence, and how many have a meaning vector.
    pub(crate) words: Vec<u32>,
    pub(crate) known: Vec<u32>,
    /// Each sentence's content words for soft alignment: (token key, row in
    /// `word_vectors` or `u32::MAX`, weight), at most [`CONTENT_MAX`], heaviest first.
    content: Vec<(u32, u32, f32)>,
    content_at: Vec<u32>,
    /// The meaning vector of each word looked up, unit length × 127, widened to
    /// i16 so that the products soft alignment sums vectorise well.
    word_vectors: Vec<i16>,
}

/// Content words per sentence that soft alignment compares (the heaviest): it costs
/// the product of two sentences' counts.
const CONTENT_MAX: usize = 20;
/// Cosine from which two words count as aligned (related words of the meaning
/// table score 0.6–0.85, unrelated ones below 0.2).
const ALIGNED: f32 = 0.55;

/// How well the content words of two sentences align with each other, each word
/// with its most similar word on the other side (the same key counts 1).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Soft {
    /// Weighted mean of the best similarity of `a`'s words in `b`, and of `b`'s in `a`.
    pub(crate) a_in_b: f32,
    pub(crate) b_in_a: f32,
    /// Weight share of `a`'s (`b`'s) words with a counterpart at [`ALIGNED`] or more.
    pub(crate) aligned_a: f32,
    pub(crate) aligned_b: f32,
}

impl Profiles {
    pub(crate) fn build(
        sources: &[Source],
        tokens: &Tokenized,
        f: &Features,
        lang: Language,
    ) -> Profiles {
        let keys = tokens.keys().len();
        // Per token key, looked up once from its first surface form: its Zipf
        // frequency and its meaning-table entry.
        let mut zipf: Vec<f32> = vec![f32::NAN; keys];
        let mut meaning: Vec<Option<[f32; DIMS]>> = Vec::new();
        let mut meaning_of: Vec<u32> = vec![u32::MAX; keys];
        let mut seqs = Vec::new();
        let mut seq_at = vec![0u32];
        let mut quoted = Vec::new();
        let mut quoted_at = vec![0u32];
        let mut vectors: Vec<i8> = Vec::with_capacity(f.sentences.len() * DIMS);
        let mut words = Vec::with_capacity(f.sentences.len());
        let mut known = Vec::with_capacity(f.sentences.len());
        let mut content: Vec<(u32, u32, f32)> = Vec::new();
        let mut content_at = vec![0u32];
        // Each token key's words are looked up by its smallest lower-case form, so
        // that what is looked up does not depend on which source came first.
        let mut form: Vec<Option<String>> = vec![None; keys];
        let mut lower = String::new();
        for (s, source) in sources.iter().enumerate() {
            for i in 0..source.sentences.len() {
                for t in tokens.sentence(s, i) {
                    if t.kind != Kind::Word {
                        continue;
                    }
                    lower.clear();
                    lower.extend(
                        source.doc.text[t.range.clone()]
                            .chars()
                            .flat_map(char::to_lowercase),
                    );
                    let slot = &mut form[t.key as usize];
                    if slot.as_ref().is_none_or(|f| lower < *f) {
                        *slot = Some(lower.clone());
                    }
                }
            }
        }
        for (s, source) in sources.iter().enumerate() {
            for i in 0..source.sentences.len() {
                let inside = quoted_ranges(source, i);
                let mut vector = [0.0f32; DIMS];
                let (mut n_words, mut n_known) = (0u32, 0u32);
                let start = quoted.len();
                let content_start = content.len();
                for t in tokens.sentence(s, i) {
                    if t.kind == Kind::Punct {
                        continue;
                    }
                    seqs.push(t.key);
                    if inside.iter().any(|r| r.contains(&t.range.start)) {
                        quoted.push(t.key);
                    }
                    if t.kind != Kind::Word {
                        continue;
                    }
                    n_words += 1;
                    let k = t.key as usize;
                    if zipf[k].is_nan() {
                        let word = form[k].as_deref().unwrap_or("");
                        zipf[k] = lexicon::zipf(lang, word);
                        let mut v = [0.0f32; DIMS];
                        if lexicon::add_meaning(word, 1.0, &mut v) {
                            meaning_of[k] = meaning.len() as u32;
                            meaning.push(Some(v));
                        }
                    }
                    let p = 10f32.powf(zipf[k] - 9.0);
                    let w = if zipf[k] > 0.0 { SIF / (SIF + p) } else { 1.0 };
                    if w >= 0.05 && !content[content_start..].iter().any(|c| c.0 == t.key) {
                        content.push((t.key, meaning_of[k], w));
                    }
                    if let Some(Some(v)) = meaning.get(meaning_of[k] as usize) {
                        n_known += 1;
                        for (o, x) in vector.iter_mut().zip(v) {
                            *o += w * x;
                        }
                    }
                }
                quoted[start..].sort_unstable();
                let mut unique = start;
                for j in start..quoted.len() {
                    if j == start || quoted[j] != quoted[unique - 1] {
                        quoted[unique] = quoted[j];
                        unique += 1;
                    }
                }
                quoted.truncate(unique);
                // Heaviest first, ties by key: the same words whatever the order read.
                content[content_start..].sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
                content.truncate(content_start + (content.len() - content_start).min(CONTENT_MAX));
                content_at.push(content.len() as u32);
                seq_at.push(seqs.len() as u32);
                quoted_at.push(quoted.len() as u32);
                let norm = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
                let scale = if norm > 0.0 { 127.0 / norm } else { 0.0 };
                vectors.extend(
                    vector
                        .iter()
                        .map(|x| (x * scale).round().clamp(-127.0, 127.0) as i8),
                );
                words.push(n_words);
                known.push(n_known);
            }
        }
        // Feature keys gather several token keys (fuzzy names): the most common form
        // speaks for the key.
        let mut background = vec![ZIPF_MAX; f.names.len()];
        for (tk, &fk) in f.key_of.iter().enumerate() {
            if let (Some(b), Some(&z)) = (background.get_mut(fk as usize), zipf.get(tk))
                && !z.is_nan()
            {
                *b = b.min((ZIPF_MAX - z).max(0.0));
            }
        }
        for (k, b) in background.iter_mut().enumerate() {
            if f.is_number[k] {
                // Numbers are not words of general text; a count is as telling as a
                // rare word, a small one less so.
                *b = ZIPF_MAX / 2.0;
            }
        }
        let mut background_total = Vec::with_capacity(f.sentences.len());
        let mut numbers = Vec::with_capacity(f.sentences.len());
        for g in 0..f.sentences.len() {
            let terms = f.sentence(g).terms;
            background_total.push(terms.iter().map(|t| background[t.key as usize]).sum());
            numbers.push(terms.iter().filter(|t| f.is_number[t.key as usize]).count() as u16);
        }
        let mut word_vectors = Vec::with_capacity(meaning.len() * DIMS);
        for v in meaning.iter().flatten() {
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            let scale = if norm > 0.0 { 127.0 / norm } else { 0.0 };
            word_vectors.extend(
                v.iter()
                    .map(|x| (x * scale).round().clamp(-127.0, 127.0) as i16),
            );
        }
        Profiles {
            content,
            content_at,
            word_vectors,
            seqs,
            seq_at,
            quoted,
            quoted_at,
            vectors,
            background,
            background_total,
            numbers,
            words,
            known,
        }
    }

    pub(crate) fn seq(&self, g: usize) -> &[u32] {
        &self.seqs[self.seq_at[g] as usize..self.seq_at[g + 1] as usize]
    }

    pub(crate) fn quoted(&self, g: usize) -> &[u32] {
        &self.quoted[self.quoted_at[g] as usize..self.quoted_at[g + 1] as usize]
    }

    pub(crate) fn vector(&self, g: usize) -> &[i8] {
        &self.vectors[g * DIMS..(g + 1) * DIMS]
    }

    fn content(&self, g: usize) -> &[(u32, u32, f32)] {
        &self.content[self.content_at[g] as usize..self.content_at[g + 1] as usize]
    }

    fn word_vector(&self, row: u32) -> Option<&[i16; DIMS]> {
        let at = row as usize * DIMS;
        self.word_vectors.get(at..at + DIMS)?.try_into().ok()
    }

    /// Soft alignment of sentences `a` and `b`'s content words.
    pub(crate) fn soft(&self, a: usize, b: usize) -> Soft {
        let (ca, cb) = (self.content(a), self.content(b));
        if ca.is_empty() || cb.is_empty() {
            return Soft::default();
        }
        // Best similarity of each word on either side, filled in one pass over the
        // product.
        let mut best_b = [0.0f32; CONTENT_MAX];
        let mut out = Soft::default();
        let (mut wa, mut wb) = (0.0f32, 0.0f32);
        for &(ka, ra, w) in ca {
            let va = self.word_vector(ra);
            let mut best = 0.0f32;
            for (j, &(kb, rb, _)) in cb.iter().enumerate() {
                let sim = if ka == kb {
                    1.0
                } else if let (Some(x), Some(y)) = (va, self.word_vector(rb)) {
                    let dot: i32 = x
                        .iter()
                        .zip(y)
                        .map(|(&p, &q)| i32::from(p) * i32::from(q))
                        .sum();
                    (dot as f32 / (127.0 * 127.0)).max(0.0)
                } else {
                    0.0
                };
                best = best.max(sim);
                best_b[j] = best_b[j].max(sim);
            }
            wa += w;
            out.a_in_b += w * best;
            out.aligned_a += if best >= ALIGNED { w } else { 0.0 };
        }
        for (&(_, _, w), &best) in cb.iter().zip(&best_b) {
            wb += w;
            out.b_in_a += w * best;
            out.aligned_b += if best >= ALIGNED { w } else { 0.0 };
        }
        out.a_in_b /= wa;
        out.aligned_a /= wa;
        out.b_in_a /= wb;
        out.aligned_b /= wb;
        out
    }

    /// Cosine of two sentences' meaning vectors (0 when either has none).
    pub(crate) fn cosine(&self, a: usize, b: usize) -> f32 {
        let dot: i32 = self
            .vector(a)
            .iter()
            .zip(self.vector(b))
            .map(|(&x, &y)| i32::from(x) * i32::from(y))
            .sum();
        dot as f32 / (127.0 * 127.0)
    }
}

/// Byte ranges of `sentence`'s text (in the document's text) that lie inside
/// quotation marks: straight and curly double quotes, guillemets, and curly single
/// quotes where ’ is not an apostrophe (a letter on both sides).
fn quoted_ranges(source: &Source, sentence: usize) -> Vec<std::ops::Range<usize>> {
    let range = &source.sentences[sentence].range;
    let text = &source.doc.text[range.clone()];
    let mut out = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, c)) in chars.iter().enumerate() {
        let before = n.checked_sub(1).map(|m| chars[m].1);
        let after = chars.get(n + 1).map(|x| x.1);
        let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
        let closes = |o: char| match o {
            '"' => c == '"',
            '“' => c == '”' || c == '"',
            '«' => c == '»',
            '‘' => c == '’' && !(letter(before) && letter(after)),
            '„' => c == '“' || c == '”',
            _ => false,
        };
        match open {
            Some((o, at)) if closes(o) => {
                out.push(range.start + at..range.start + i);
                open = None;
            }
            None if matches!(c, '"' | '“' | '«' | '„') || (c == '‘' && !letter(before)) => {
                open = Some((c, i + c.len_utf8()));
            }
            _ => {}
        }
    }
    // A quotation still open at the sentence's end runs to it (it goes on in the
    // next sentence).
    if let Some((_, at)) = open
        && text.len() - at > 12
    {
        out.push(range.start + at..range.end);
    }
    out
}

/// Length of the longest run of words the two sequences share, in order.
pub(crate) fn longest_run(a: &[u32], b: &[u32]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    let b = &b[..b.len().min(400)];
    // Two rows of the table, in a buffer per thread: this runs for every pair.
    thread_local! {
        static ROWS: std::cell::RefCell<Vec<u16>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    ROWS.with_borrow_mut(|rows| {
        rows.clear();
        rows.resize(2 * (b.len() + 1), 0);
        let (mut prev, mut cur) = rows.split_at_mut(b.len() + 1);
        let mut best = 0u16;
        for &x in a.iter().take(400) {
            for (j, &y) in b.iter().enumerate() {
                cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
                best = best.max(cur[j + 1]);
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        usize::from(best)
    })
}

/// Items both sorted lists hold.
pub(crate) fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_run_finds_the_shared_stretch() {
        assert_eq!(longest_run(&[1, 2, 3, 4, 9], &[7, 2, 3, 4, 8]), 3);
        assert_eq!(longest_run(&[1], &[2]), 0);
        assert_eq!(longest_run(&[], &[2]), 0);
    }

    #[test]
    fn quotes_of_every_style_are_found_and_apostrophes_are_not_quotes() {
        use crate::document::{Document, Format};
        let text = "He said “we are ready” and ‘don’t worry’ then «à bientôt» and \"fine\".";
        let doc = Document::from_bytes("t.txt", text.as_bytes(), Format::Text).unwrap();
        let source = Source::new(doc);
        let found: Vec<&str> = quoted_ranges(&source, 0)
            .into_iter()
            .map(|r| &source.doc.text[r])
            .collect();
        assert_eq!(found, ["we are ready", "don’t worry", "à bientôt", "fine"]);
    }
}
