//! Partial matches between keys that the stemmer leaves apart: inflections and
//! derivations ("aterriss" / "aterrissag", "israel" / "israelens") and names spelled
//! with a different ending. Two keys match partially when they share a long prefix;
//! their similarity is the share of the longer key that the prefix covers.

/// Shortest shared prefix, in characters, that can make two keys alike.
const MIN_PREFIX: usize = 5;
/// At most this many keys after a key in sorted order are compared with it, which
/// keeps the work linear in the vocabulary.
const WINDOW: usize = 32;

/// Every key's partial matches, stored flat: measuring looks them up for millions
/// of keys, most of which have none.
#[derive(Debug, Clone, Default)]
pub(crate) struct Neighbours {
    starts: Vec<u32>,
    entries: Vec<(u32, f32)>,
    /// One bit per key that has partial matches, from its first [`MIN_PREFIX`]
    /// characters, which every key it matches shares (0 for keys with none).
    classes: Vec<u64>,
}

impl Neighbours {
    /// The keys that key `k` partially matches, with their similarity, by key id.
    pub(crate) fn of(&self, k: u32) -> &[(u32, f32)] {
        match (self.starts.get(k as usize), self.starts.get(k as usize + 1)) {
            (Some(&a), Some(&b)) => &self.entries[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Key `k`'s prefix class as a bit: two keys can match partially only if their
    /// bits are equal, so sentences whose keys' bits do not meet have no partial
    /// match at all. All bits when unknown (a table made from lists).
    pub(crate) fn class(&self, k: u32) -> u64 {
        self.classes.get(k as usize).copied().unwrap_or(u64::MAX)
    }
}

impl From<Vec<Vec<(u32, f32)>>> for Neighbours {
    fn from(lists: Vec<Vec<(u32, f32)>>) -> Self {
        let mut starts = Vec::with_capacity(lists.len() + 1);
        let mut entries = Vec::new();
        starts.push(0);
        for list in lists {
            entries.extend(list);
            starts.push(entries.len() as u32);
        }
        Self {
            starts,
            entries,
            classes: Vec::new(),
        }
    }
}

/// For every key id, the other keys it partially matches, with their similarity
/// (at least `min`, below 1), sorted by id. `keys` are (text, id) pairs; ids index
/// the result.
pub(crate) fn neighbours(keys: &[(&str, u32)], vocab: usize, min: f32) -> Neighbours {
    let mut out: Vec<Vec<(u32, f32)>> = vec![Vec::new(); vocab];
    let mut sorted: Vec<(Vec<char>, u32)> = keys
        .iter()
        .filter(|(k, _)| k.chars().count() >= MIN_PREFIX)
        .map(|(k, id)| (k.chars().collect(), *id))
        .collect();
    sorted.sort();
    for i in 0..sorted.len() {
        for j in i + 1..sorted.len().min(i + 1 + WINDOW) {
            let (a, b) = (&sorted[i].0, &sorted[j].0);
            let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            // In sorted order the shared prefix only shrinks from here on.
            if common < MIN_PREFIX {
                break;
            }
            let s = similarity(common, a.len(), b.len());
            if s >= min && s < 1.0 {
                out[sorted[i].1 as usize].push((sorted[j].1, s));
                out[sorted[j].1 as usize].push((sorted[i].1, s));
            }
        }
    }
    for n in &mut out {
        n.sort_by_key(|&(id, _)| id);
    }
    let mut classes = vec![0u64; vocab];
    for (chars, id) in &sorted {
        if !out[*id as usize].is_empty() {
            let h = chars[..MIN_PREFIX]
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
                    (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
                });
            classes[*id as usize] = 1 << (h % 64);
        }
    }
    Neighbours {
        classes,
        ..out.into()
    }
}

/// Share of the longer key covered by the shared prefix.
fn similarity(common: usize, a: usize, b: usize) -> f32 {
    common as f32 / a.max(b) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f32 {
        let n = neighbours(&[(a, 0), (b, 1)], 2, 0.0);
        n.of(0).first().map_or(0.0, |&(_, s)| s)
    }

    #[test]
    fn inflections_and_derivations_match_partially() {
        assert!(sim("aterriss", "aterrissag") >= 0.8);
        assert!(sim("israel", "israelens") > 0.6);
        assert_eq!(sim("hezbollah", "hezbol"), 6.0 / 9.0);
    }

    #[test]
    fn short_or_unrelated_prefixes_do_not_match() {
        assert_eq!(sim("constru", "consult"), 0.0);
        assert_eq!(sim("mili", "milit"), 0.0);
        assert_eq!(sim("bridge", "border"), 0.0);
    }

    #[test]
    fn matches_are_symmetric_and_sorted() {
        let n = neighbours(&[("govern", 2), ("governor", 0), ("governa", 1)], 3, 0.5);
        assert_eq!(n.of(2).iter().map(|x| x.0).collect::<Vec<_>>(), vec![0, 1]);
        assert!(n.of(0).iter().any(|x| x.0 == 2) && n.of(1).iter().any(|x| x.0 == 2));
        assert!(n.of(3).is_empty(), "a key beyond the vocabulary has none");
    }
}
