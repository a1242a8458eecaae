//! Disagreements inside a group: numbers given for the same thing that differ
//! ("12 injured" / "eleven injured", "-8°C" / "-11°C"), and quotations of the same
//! words that are worded differently.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::compare::model::{Discrepancy, DiscrepancyKind, Member, Value};
use crate::source::Source;
use crate::text::tokens::{KeyIds, Kind, Token, fold};

/// Finds disagreements among the members of one group (`tokens[m]` are member m's
/// tokens with absolute ranges, their keys numbered in `ids`).
pub(crate) fn find(
    sources: &[Source],
    members: &[Member],
    tokens: &[Vec<Token<u32>>],
    ids: &KeyIds,
) -> Vec<Discrepancy> {
    // Members worded alike give the same numbers and quotations in every source:
    // nothing to find (a common case, and finding costs a third of a group's diff).
    let text = |m: &Member| &sources[m.source].doc.text[m.range.clone()];
    if members.iter().all(|m| text(m) == text(&members[0])) {
        return Vec::new();
    }
    let mut out = numbers(sources, members, tokens, ids);
    out.extend(quotes(sources, members));
    out
}

/// The word a number counts: the next word, else the word before (for dates: "April 3").
fn context(tokens: &[Token<u32>], i: usize) -> Option<u32> {
    let after = tokens[i + 1..]
        .iter()
        .take(3)
        .find(|t| t.kind == Kind::Word && !t.stop);
    let before = || {
        tokens[..i]
            .iter()
            .rev()
            .take(2)
            .find(|t| t.kind == Kind::Word && !t.stop)
    };
    after.or_else(before).map(|t| t.key)
}

/// The values one source gives for one thing (numbered keys), and where.
type Mentions = (BTreeSet<u32>, Vec<Range<usize>>);

fn numbers(
    sources: &[Source],
    members: &[Member],
    tokens: &[Vec<Token<u32>>],
    ids: &KeyIds,
) -> Vec<Discrepancy> {
    // context → source → (values, first range); contexts in the order of their keys.
    let mut seen: BTreeMap<&str, BTreeMap<usize, Mentions>> = BTreeMap::new();
    for (m, member) in members.iter().enumerate() {
        for (i, t) in tokens[m].iter().enumerate() {
            if t.kind != Kind::Number {
                continue;
            }
            if let Some(ctx) = context(&tokens[m], i) {
                let entry = seen
                    .entry(ids.key(ctx))
                    .or_default()
                    .entry(member.source)
                    .or_default();
                entry.0.insert(t.key);
                entry.1.push(t.range.clone());
            }
        }
    }
    // Every number each source gives anywhere in the group.
    let mut all: BTreeMap<usize, BTreeSet<u32>> = BTreeMap::new();
    for (m, member) in members.iter().enumerate() {
        let set = all.entry(member.source).or_default();
        set.extend(
            tokens[m]
                .iter()
                .filter(|t| t.kind == Kind::Number)
                .map(|t| t.key),
        );
    }
    let mut out = Vec::new();
    for (ctx, by_source) in seen {
        // Two sources disagree when they count the same thing with different numbers
        // and neither mentions the other's number at all (else it counts something else).
        let disagrees = |s: usize, t: usize| {
            let (vs, vt) = (&by_source[&s].0, &by_source[&t].0);
            vs != vt && vs.is_disjoint(&all[&t]) && vt.is_disjoint(&all[&s])
        };
        let involved: Vec<usize> = by_source
            .keys()
            .copied()
            .filter(|&s| by_source.keys().any(|&t| t != s && disagrees(s, t)))
            .collect();
        if involved.len() < 2 {
            continue;
        }
        let values = by_source
            .iter()
            .filter(|(s, _)| involved.contains(s))
            .map(|(&source, (_, ranges))| {
                let text = &sources[source].doc.text;
                let shown: Vec<String> =
                    ranges.iter().map(|r| with_unit(text, r.clone())).collect();
                let range = ranges[0].start..ranges[ranges.len() - 1].end;
                Value {
                    source,
                    text: shown.join(", "),
                    range,
                }
            })
            .collect();
        out.push(Discrepancy {
            kind: DiscrepancyKind::Number,
            about: ctx.to_owned(),
            values,
        });
    }
    out
}

/// The number with the word it counts, as written: "12 injured", "-8°C".
fn with_unit(text: &str, r: Range<usize>) -> String {
    let rest = &text[r.end..];
    let unit_end = rest
        .char_indices()
        .skip_while(|(_, c)| matches!(c, ' ' | '°' | '%' | '-' | '\u{2011}'))
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    let unit = &rest[..unit_end];
    if unit.chars().count() > 24 {
        text[r].to_owned()
    } else {
        format!("{}{}", &text[r], unit)
    }
}

/// Quoted spans of a text: “…”, "…", «…».
pub(crate) fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Every quotation mark starts with one of these bytes ('"', or the lead byte of
    // “ ” „ or « »): only there is a character decoded.
    let starts = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'"' | 0xE2 | 0xC2));
    for (i, _) in starts {
        let c = text[i..]
            .chars()
            .next()
            .expect("a lead byte starts a character");
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((i + c.len_utf8(), c)),
            (None, '"') => open = Some((i + 1, c)),
            (Some((start, o)), '”' | '»' | '"' | '“') if o != '"' || c == '"' => {
                if i > start {
                    out.push(start..i);
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

fn quotes(sources: &[Source], members: &[Member]) -> Vec<Discrepancy> {
    let spans: Vec<(usize, Range<usize>)> = members
        .iter()
        .flat_map(|m| {
            let text = &sources[m.source].doc.text[m.range.clone()];
            quoted_spans(text)
                .into_iter()
                .map(|q| (m.source, q.start + m.range.start..q.end + m.range.start))
        })
        .collect();
    // A disagreement needs quotations from two sources: else no need to read words.
    if spans.iter().all(|(s, _)| *s == spans[0].0) {
        return Vec::new();
    }
    let mut quotes: Vec<(usize, Range<usize>, Vec<String>)> = Vec::new();
    for (source, r) in spans {
        let w = words_of(&sources[source].doc.text[r.clone()]);
        if w.len() >= 3 {
            quotes.push((source, r, w));
        }
    }
    let mut out = Vec::new();
    let mut used = vec![false; quotes.len()];
    for i in 0..quotes.len() {
        if used[i] {
            continue;
        }
        let mut values = vec![i];
        for j in i + 1..quotes.len() {
            if !used[j]
                && quotes[j].0 != quotes[i].0
                && !values.iter().any(|&v| quotes[v].0 == quotes[j].0)
                && overlap(&quotes[i].2, &quotes[j].2) >= 0.4
            {
                values.push(j);
            }
        }
        if values.len() < 2 || values.iter().all(|&v| quotes[v].2 == quotes[i].2) {
            continue;
        }
        for &v in &values {
            used[v] = true;
        }
        let values = values
            .into_iter()
            .map(|v| {
                let (source, r, _) = &quotes[v];
                Value {
                    source: *source,
                    text: sources[*source].doc.text[r.clone()].to_owned(),
                    range: r.clone(),
                }
            })
            .collect();
        out.push(Discrepancy {
            kind: DiscrepancyKind::Quote,
            about: String::new(),
            values,
        });
    }
    out
}

/// Share of the shorter word list found in the longer.
fn overlap(a: &[String], b: &[String]) -> f32 {
    let set: BTreeSet<&String> = b.iter().collect();
    let common = a.iter().filter(|w| set.contains(w)).count();
    common as f32 / a.len().min(b.len()).max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quoted_spans_in_both_quote_styles() {
        let t = "He said “it went well” and \"we hoped\".";
        let q: Vec<&str> = quoted_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, vec!["it went well", "we hoped"]);
        let t = "Ça «marche» — l’«x „y“ z» and ‘a’ “b”";
        let q: Vec<&str> = quoted_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(q, vec!["marche", "x „y", "b"]);
    }

    #[test]
    fn overlap_is_relative_to_the_shorter_quote() {
        let a = words_of("it went better than we hoped");
        let b = words_of("it is going better than we hoped");
        assert!(overlap(&a, &b) > 0.7);
    }
}
