//! Search: every match of the query in every source, smart-case (a capital letter in
//! the query makes it case-sensitive).

use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub(crate) struct Search {
    /// The query in force (highlighted, used by `n`/`N`).
    pub(crate) query: String,
    /// `matches[source]`: ranges in that source's text, ascending.
    pub(crate) matches: Vec<Vec<Range<usize>>>,
}

impl Search {
    pub(crate) fn set<'a>(&mut self, query: &str, texts: impl Iterator<Item = &'a str>) {
        self.query = query.to_owned();
        self.matches = if query.is_empty() {
            Vec::new()
        } else {
            texts.map(|t| find_all(t, query)).collect()
        };
    }

    pub(crate) fn clear(&mut self) {
        self.query.clear();
        self.matches.clear();
    }

    pub(crate) fn in_source(&self, source: usize) -> &[Range<usize>] {
        self.matches.get(source).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn total(&self) -> usize {
        self.matches.iter().map(Vec::len).sum()
    }
}

/// Byte ranges of every non-overlapping occurrence of `query` in `text`.
pub(crate) fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold_case = !query.chars().any(char::is_uppercase);
    if !fold_case {
        return text
            .match_indices(query)
            .map(|(i, m)| i..i + m.len())
            .collect();
    }
    // Lower-case the text char by char, remembering where each lowered byte came from,
    // because lower-casing can change byte lengths.
    let mut lowered = String::with_capacity(text.len());
    let mut origin: Vec<usize> = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            for _ in 0..l.len_utf8() {
                origin.push(i);
            }
            lowered.push(l);
        }
    }
    origin.push(text.len());
    let q = query.to_lowercase();
    lowered
        .match_indices(&q)
        .map(|(i, m)| {
            let start = origin[i];
            let last = origin[i + m.len() - 1];
            let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
            start..end
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_and_byte_ranges_of_the_original() {
        let t = "Ferry ferry FERRY ÉCLAIR ferry";
        assert_eq!(find_all(t, "ferry").len(), 4);
        assert_eq!(find_all(t, "Ferry"), vec![0..5]);
        let r = find_all(t, "ferry");
        assert_eq!(&t[r[3].clone()], "ferry");
        assert_eq!(&t[find_all(t, "éclair")[0].clone()], "ÉCLAIR");
    }
}
