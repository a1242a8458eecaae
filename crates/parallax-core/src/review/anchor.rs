//! Anchoring a note to words of a file: the byte span plus the quoted words and a
//! little context either side, so the note finds the same words again after the file
//! is re-saved with edits elsewhere.

use std::ops::Range;

/// Bytes of context kept before and after the quoted words.
pub(crate) const CONTEXT: usize = 40;

/// Where a note points: the span it was made on and the words it quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub(crate) span: Range<usize>,
    pub(crate) quote: String,
    pub(crate) before: String,
    pub(crate) after: String,
}

/// The anchor for `span` of `bytes` (the span is clamped to the file).
pub(crate) fn capture(bytes: &[u8], span: Range<usize>) -> Anchor {
    let end = span.end.min(bytes.len());
    let start = span.start.min(end);
    let before_start = char_start(bytes, start.saturating_sub(CONTEXT));
    let after_end = char_end(bytes, (end + CONTEXT).min(bytes.len()));
    Anchor {
        span: start..end,
        quote: String::from_utf8_lossy(&bytes[start..end]).into_owned(),
        before: String::from_utf8_lossy(&bytes[before_start..start]).into_owned(),
        after: String::from_utf8_lossy(&bytes[end..after_end]).into_owned(),
    }
}

/// Finds the anchor's words in `bytes`: at the old span if they are still there, else
/// the occurrence whose surroundings best match the saved context, the nearest to the
/// old offset among equals. `None` when the words are gone.
pub(crate) fn locate(bytes: &[u8], a: &Anchor) -> Option<Range<usize>> {
    let q = a.quote.as_bytes();
    if q.is_empty() {
        return None;
    }
    if bytes.get(a.span.clone()) == Some(q) {
        return Some(a.span.clone());
    }
    let score = |pos: usize| {
        let before = common_suffix(a.before.as_bytes(), &bytes[..pos]);
        let after = common_prefix(a.after.as_bytes(), &bytes[pos + q.len()..]);
        (
            before + after,
            std::cmp::Reverse(pos.abs_diff(a.span.start)),
        )
    };
    occurrences(bytes, q)
        .max_by_key(|&pos| score(pos))
        .map(|pos| pos..pos + q.len())
}

fn occurrences<'a>(hay: &'a [u8], needle: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    let first = needle[0];
    (0..(hay.len() + 1).saturating_sub(needle.len()))
        .filter(move |&i| hay[i] == first && hay[i..].starts_with(needle))
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// `i` moved forward off any UTF-8 continuation byte.
fn char_start(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
        i += 1;
    }
    i
}

/// `i` moved back off any UTF-8 continuation byte, so the slice ends on a whole char.
fn char_end(bytes: &[u8], mut i: usize) -> usize {
    while i > 0 && i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "The mayor said the bridge would reopen. Officials said the bridge would reopen in May.";

    fn span_of(hay: &str, needle: &str, nth: usize) -> Range<usize> {
        let pos = hay.match_indices(needle).nth(nth).unwrap().0;
        pos..pos + needle.len()
    }

    #[test]
    fn unchanged_file_keeps_the_span() {
        let a = capture(TEXT.as_bytes(), span_of(TEXT, "the bridge would reopen", 1));
        assert_eq!(locate(TEXT.as_bytes(), &a), Some(a.span.clone()));
    }

    #[test]
    fn context_picks_the_right_repeat_after_an_edit_above() {
        let a = capture(TEXT.as_bytes(), span_of(TEXT, "the bridge would reopen", 1));
        let edited = format!("A new first line was added. {TEXT}");
        let found = locate(edited.as_bytes(), &a).unwrap();
        assert_eq!(found, span_of(&edited, "the bridge would reopen", 1));
    }

    #[test]
    fn context_beats_distance() {
        // The first repeat is nearer to the old offset, but the context says the second.
        let a = capture(TEXT.as_bytes(), span_of(TEXT, "the bridge would reopen", 1));
        let edited = TEXT.replace("The mayor said", "X");
        assert_eq!(
            locate(edited.as_bytes(), &a),
            Some(span_of(&edited, "the bridge would reopen", 1))
        );
    }

    #[test]
    fn gone_words_are_not_found() {
        let a = capture(TEXT.as_bytes(), span_of(TEXT, "in May", 0));
        assert_eq!(
            locate(TEXT.replace("in May", "in June").as_bytes(), &a),
            None
        );
    }

    #[test]
    fn context_stops_on_character_boundaries() {
        let text = "é".repeat(30) + "quoted words" + &"ü".repeat(30);
        let a = capture(text.as_bytes(), span_of(&text, "quoted words", 0));
        assert!(a.before.chars().all(|c| c == 'é') && !a.before.is_empty());
        assert!(a.after.chars().all(|c| c == 'ü') && !a.after.is_empty());
    }
}
