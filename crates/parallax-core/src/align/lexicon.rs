//! Word tables shipped in the binary: background word frequencies (how common a
//! word is in general text, per language) and the meaning table (one static vector
//! per word, distilled from multilingual-e5-small). Both are sorted lists of words
//! looked up by binary search in place, so nothing is parsed or allocated at start:
//! a run touches only the pages of the words its articles use.
//!
//! Formats (little-endian), written by `scripts/word_frequencies.py` and
//! `scripts/distill_meaning.py`:
//! - `PXWF0001`, u32 N, u32 offsets[N+1], the words' UTF-8 (sorted by bytes), then
//!   N bytes of Zipf frequency × 10;
//! - `PXMT0001`, u32 dims, u32 N, u32 offsets[N+1], the words, zero padding to a
//!   multiple of 4, then N × dims int8 components of unit vectors × 127.

use crate::text::lang::Language;

/// A sorted list of words with a fixed-size payload per word.
struct Table {
    offsets: &'static [u8],
    words: &'static [u8],
    payload: &'static [u8],
    count: usize,
    width: usize,
}

fn u32_at(b: &[u8], at: usize) -> usize {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

impl Table {
    /// Reads a table laid out as above; `None` when it is not one (a broken build).
    fn parse(bytes: &'static [u8], magic: &[u8; 8], with_dims: bool) -> Option<Table> {
        if bytes.len() < 16 || &bytes[..8] != magic {
            return None;
        }
        let (width, count, head) = if with_dims {
            (u32_at(bytes, 8), u32_at(bytes, 12), 16)
        } else {
            (1, u32_at(bytes, 8), 12)
        };
        let offsets = bytes.get(head..head + 4 * (count + 1))?;
        let blob_len = u32_at(offsets, 4 * count);
        let words_at = head + offsets.len();
        let words = bytes.get(words_at..words_at + blob_len)?;
        let mut payload_at = words_at + blob_len;
        if with_dims {
            payload_at = payload_at.div_ceil(4) * 4;
        }
        let payload = bytes.get(payload_at..payload_at + count * width)?;
        Some(Table {
            offsets,
            words,
            payload,
            count,
            width,
        })
    }

    fn word(&self, i: usize) -> &'static [u8] {
        let (s, e) = (u32_at(self.offsets, 4 * i), u32_at(self.offsets, 4 * i + 4));
        &self.words[s..e]
    }

    fn find(&self, word: &str) -> Option<&'static [u8]> {
        let w = word.as_bytes();
        let (mut lo, mut hi) = (0, self.count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.word(mid).cmp(w) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    return Some(&self.payload[mid * self.width..(mid + 1) * self.width]);
                }
            }
        }
        None
    }
}

static FREQ_EN: &[u8] = include_bytes!("../../../../data/freq-en.bin");
static FREQ_PT: &[u8] = include_bytes!("../../../../data/freq-pt.bin");
static FREQ_ES: &[u8] = include_bytes!("../../../../data/freq-es.bin");
static FREQ_FR: &[u8] = include_bytes!("../../../../data/freq-fr.bin");
static FREQ_DE: &[u8] = include_bytes!("../../../../data/freq-de.bin");
static MEANING: &[u8] = include_bytes!("../../../../data/meaning.bin");

/// Dimensions of a meaning vector.
pub(crate) const DIMS: usize = 128;

fn freq_table(lang: Language) -> Option<&'static Table> {
    use std::sync::OnceLock;
    static TABLES: [OnceLock<Option<Table>>; 5] = [const { OnceLock::new() }; 5];
    let (i, bytes) = match lang {
        Language::English => (0, FREQ_EN),
        Language::Portuguese => (1, FREQ_PT),
        Language::Spanish => (2, FREQ_ES),
        Language::French => (3, FREQ_FR),
        Language::German => (4, FREQ_DE),
    };
    TABLES[i]
        .get_or_init(|| Table::parse(bytes, b"PXWF0001", false))
        .as_ref()
}

fn meaning_table() -> Option<&'static Table> {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Option<Table>> = OnceLock::new();
    TABLE
        .get_or_init(|| Table::parse(MEANING, b"PXMT0001", true).filter(|t| t.width == DIMS))
        .as_ref()
}

/// The Zipf frequency of a lower-case word in general text of `lang` (0 for words
/// too rare to be listed; 7–8 for "the", "de").
pub(crate) fn zipf(lang: Language, word: &str) -> f32 {
    freq_table(lang)
        .and_then(|t| t.find(word))
        .map_or(0.0, |p| f32::from(p[0]) / 10.0)
}

/// Adds `weight` × the meaning vector of a lower-case word (unit length) to `out`;
/// false when the word is not listed.
pub(crate) fn add_meaning(word: &str, weight: f32, out: &mut [f32; DIMS]) -> bool {
    let Some(p) = meaning_table().and_then(|t| t.find(word)) else {
        return false;
    };
    let scale = weight / 127.0;
    for (o, &b) in out.iter_mut().zip(p) {
        *o += f32::from(b as i8) * scale;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_more_frequent_than_rare_ones() {
        assert!(zipf(Language::English, "the") > 6.5);
        assert!(zipf(Language::English, "said") > zipf(Language::English, "earthquake"));
        assert!(zipf(Language::Portuguese, "de") > 6.5);
        assert_eq!(zipf(Language::English, "qzxwvj"), 0.0);
    }

    #[test]
    fn meaning_vectors_are_unit_length_and_related_words_are_closer() {
        let vector = |w: &str| {
            let mut v = [0.0f32; DIMS];
            assert!(add_meaning(w, 1.0, &mut v), "{w}");
            v
        };
        let cos =
            |a: &str, b: &str| -> f32 { vector(a).iter().zip(vector(b)).map(|(x, y)| x * y).sum() };
        let norm: f32 = vector("injured").iter().map(|x| x * x).sum();
        assert!((norm - 1.0).abs() < 0.05, "{norm}");
        assert!(cos("injured", "wounded") > cos("injured", "banana"));
        assert!(!add_meaning("qzxwvj", 1.0, &mut [0.0; DIMS]));
    }
}
