//! Sentences: split each paragraph at sentence ends, never at abbreviations,
//! initials or decimals, and keep quotes that close after the full stop.

use std::ops::Range;

use crate::document::Document;

/// One sentence of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the paragraph it belongs to.
    pub(crate) paragraph: usize,
    /// Range in the document's extracted text.
    pub range: Range<usize>,
    /// Byte span in the file on disk, end exclusive.
    pub span: Range<usize>,
}

/// Splits every paragraph of `doc` into sentences.
pub fn sentences(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in doc.paragraphs.iter().enumerate() {
        for r in split(&doc.text[para.clone()]) {
            let range = para.start + r.start..para.start + r.end;
            if let Some(span) = doc.file_span(range.clone()) {
                out.push(Sentence {
                    paragraph: p,
                    range,
                    span,
                });
            }
        }
    }
    out
}

/// Words that end with a full stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "sra", "jr", "st", "gen", "col", "lt", "sgt", "capt",
    "cpt", "cmdr", "adm", "maj", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det",
    "vs", "etc", "inc", "ltd", "co", "corp", "bros", "no", "nos", "fig", "approx", "dept", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mt", "ft", "ave", "blvd",
    "rd", "vol", "pp", "p", "cf", "al", "ca", "av", "dra", "srta", "exmo", "sto", "sta",
];

/// Words that start a new sentence even after an acronym such as "U.S.".
const STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "officials",
    "police",
    "o",
    "os",
    "as",
    "ele",
    "ela",
    "eles",
    "mas",
];

/// Sentence ranges (trimmed, relative to `text`).
pub(crate) fn split(text: &str) -> Vec<Range<usize>> {
    // Read in place, a character at a time where it matters: collecting the
    // characters first took sixteen bytes per byte of text.
    let b = text.as_bytes();
    let at = |j: usize| text[j..].chars().next();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Only these bytes can start a terminator: words of eight bytes without any are
    // skipped whole, the rest a byte at a time.
    let plain = |x: u64| {
        use crate::perf::swar::{has_byte, has_high};
        !(has_high(x) || has_byte(x, b'.') || has_byte(x, b'!') || has_byte(x, b'?'))
    };
    while i < b.len() {
        if crate::perf::swar::word(b, i).is_some_and(plain) {
            i += 8;
            continue;
        }
        if !matches!(b[i], b'.' | b'!' | b'?' | 0x80..) {
            i += 1;
            continue;
        }
        let c = at(i).expect("i is at a character");
        if !matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
            i += c.len_utf8();
            continue;
        }
        // Take the whole run of terminators, then closing quotes and brackets.
        let mut j = i + c.len_utf8();
        while let Some(d) = at(j).filter(|&d| matches!(d, '.' | '!' | '?' | '…')) {
            j += d.len_utf8();
        }
        while let Some(d) = at(j).filter(|&d| is_closer(d)) {
            j += d.len_utf8();
        }
        let followed_by_space = at(j).is_none_or(char::is_whitespace);
        if followed_by_space && (c != '.' || ends_sentence(text, i, &text[j..])) {
            push(text, start..j, &mut out);
            start = j;
        }
        i = j;
    }
    push(text, start..text.len(), &mut out);
    out
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '¿' | '¡' | '‹' | '—' | '-'
    )
}

/// Decides whether the full stop at `dot` ends a sentence, given what follows.
fn ends_sentence(text: &str, dot: usize, rest: &str) -> bool {
    let next = rest.chars().find(|c| !c.is_whitespace());
    let Some(next) = next else { return true };
    // A lowercase continuation ("approx. 20", "e.g. the") never starts a sentence.
    if !(next.is_uppercase() || next.is_numeric() || is_opener(next)) {
        return false;
    }
    let word_start = text[..dot]
        .rfind(|c: char| c.is_whitespace() || is_opener(c))
        .map_or(0, |p| {
            p + text[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &text[word_start..dot];
    let lower = word.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    if ABBREVIATIONS.contains(&lower) {
        // "Jan. 4" and "Mr. Ruiz" go on; these words never end a sentence here.
        return false;
    }
    // Initials: "J. Smith".
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    // Acronyms with inner dots ("U.S.", "a.m."): only a clear starter word follows a break.
    if lower.contains('.') {
        // A headline ("U.S. And E.U. Leaders Meet In St. Louis") has no final stop:
        // it is one line, whatever its capitals.
        if !ends_with_stop(text) {
            return false;
        }
        let rest = rest.trim_start();
        let following: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        // Another abbreviation or initial ("U.S. A.I. rules") goes on.
        if rest[following.len()..].starts_with('.') {
            return false;
        }
        return STARTERS.contains(&following.to_lowercase().as_str());
    }
    true
}

/// True when `text` ends as a sentence does (a stop, then closing quotes or brackets).
fn ends_with_stop(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(is_closer)
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

fn push(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = r.start + lead..r.start + lead + s.trim().len();
    if trimmed.is_empty() {
        return;
    }
    // A fragment with no letters or digits ("…", "—") joins the sentence before it.
    if !text[trimmed.clone()].chars().any(char::is_alphanumeric)
        && let Some(last) = out.last_mut()
    {
        last.end = trimmed.end;
        return;
    }
    out.push(trimmed);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The splitter as first written, over a vector of the characters: the reference
    /// for the one that reads the text in place.
    fn split_by_chars(text: &str) -> Vec<Range<usize>> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let (mut start, mut i) = (0, 0);
        while i < chars.len() {
            let (pos, c) = chars[i];
            if !matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
                j += 1;
            }
            while j < chars.len() && is_closer(chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
            let followed_by_space = j >= chars.len() || chars[j].1.is_whitespace();
            if followed_by_space && (c != '.' || ends_sentence(text, pos, &text[end..])) {
                push(text, start..end, &mut out);
                start = end;
            }
            i = j.max(i + 1);
        }
        push(text, start..text.len(), &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn reading_in_place_splits_as_the_character_vector_did(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Mr.", " ", "  ", ".", "!", "?", "…", "。", "！", "？", "\"", "”", "»", ")",
                "a", "B", "the", "The", "U.S.", "\n", "é", "Ünd", "1", "2.5", "'", "—", "(",
                "\u{a0}", "x", "Jan.", "J.",
            ]), 0..40),
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(split(&text), split_by_chars(&text));
        }
    }

    fn parts(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_sentence_ends() {
        assert_eq!(
            parts("It rained. Then it stopped! Why? Nobody knows"),
            vec!["It rained.", "Then it stopped!", "Why?", "Nobody knows"]
        );
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        assert_eq!(
            parts(
                "Mr. Ruiz met Dr. J. K. Osei on Jan. 4 in the U.S. capital. Rates rose 2.5 points."
            ),
            vec![
                "Mr. Ruiz met Dr. J. K. Osei on Jan. 4 in the U.S. capital.",
                "Rates rose 2.5 points."
            ]
        );
    }

    #[test]
    fn acronym_at_the_end_splits_before_a_starter() {
        assert_eq!(
            parts("He flew to the U.S. The trip was short."),
            vec!["He flew to the U.S.", "The trip was short."]
        );
    }

    #[test]
    fn quotes_closing_after_the_stop_stay_with_their_sentence() {
        assert_eq!(
            parts("“It went better than expected.” She left. \"Done.\" Yes."),
            vec![
                "“It went better than expected.”",
                "She left.",
                "\"Done.\"",
                "Yes."
            ]
        );
    }

    #[test]
    fn headlines_with_abbreviations_stay_whole() {
        for headline in [
            "U.S. and E.U. leaders meet",
            "U.S. And E.U. Leaders Meet In St. Louis",
            "U.S. Officials Meet Dr. Smith",
            "Dr. Smith Returns To St. Louis",
            "E.U. A.I. Rules Take Effect",
        ] {
            assert_eq!(parts(headline), vec![headline]);
        }
        assert_eq!(
            parts("The U.S. A.I. rules came first. They were short."),
            vec!["The U.S. A.I. rules came first.", "They were short."]
        );
        // Sentences after an acronym still split where the paragraph is prose.
        assert_eq!(
            parts("Talks were held in the U.S. The E.U. sent an envoy."),
            vec!["Talks were held in the U.S.", "The E.U. sent an envoy."]
        );
    }

    #[test]
    fn ellipses_and_lowercase_continuations() {
        assert_eq!(
            parts("Wait... what? It was approx. ten."),
            vec!["Wait... what?", "It was approx. ten."]
        );
    }

    /// The sentences of a loading fixture (`document::fixture_tests`), each mapping
    /// back to the same words in the file.
    fn fixture(name: &str, format: crate::document::Format) -> (Document, Vec<Sentence>) {
        let (doc, src) = crate::document::fixture_tests::load(name, format);
        let found = sentences(&doc);
        for s in &found {
            let text = &doc.text[s.range.clone()];
            let in_file = &src[s.span.clone()];
            let first = text.split_whitespace().next().unwrap();
            let last = text.split_whitespace().last().unwrap();
            assert!(in_file.starts_with(first), "{text:?} at {in_file:?}");
            assert!(in_file.ends_with(last), "{text:?} at {in_file:?}");
        }
        (doc, found)
    }

    #[test]
    fn loading_fixtures_split_at_sentence_ends_only() {
        use crate::document::Format;
        let texts = |doc: &Document, found: &[Sentence]| -> Vec<String> {
            found
                .iter()
                .map(|s| doc.text[s.range.clone()].to_owned())
                .collect()
        };
        let paragraphs = |doc: &Document| -> Vec<String> {
            doc.paragraphs
                .iter()
                .map(|r| doc.text[r.clone()].to_owned())
                .collect()
        };
        let (doc, found) = fixture("summit-wire.txt", Format::Text);
        let wire = texts(&doc, &found);
        assert_eq!(wire.len(), 6, "{wire:#?}");
        assert_eq!(wire[0], "U.S. And E.U. Envoys Meet Dr. Varga In St. Louis");
        assert!(wire[1].starts_with("The trade minister"));
        assert_eq!(
            &wire[4..],
            [
                "Dr. Varga told reporters the U.S. delegation had asked for more time.",
                "The E.U. side agreed."
            ]
        );
        // Headlines and one-sentence paragraphs stay whole.
        for (name, format) in [
            ("summit-agency.md", Format::Markdown),
            ("summit-page.html", Format::Html),
        ] {
            let (doc, found) = fixture(name, format);
            assert_eq!(texts(&doc, &found), paragraphs(&doc), "{name}");
        }
    }
}
