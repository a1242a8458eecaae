//! Quotations: every quoted span of a source (straight and curly double quotes,
//! curly single quotes told apart from apostrophes, straight single quotes,
//! «guillemets», „low-high“), a quotation split by an attribution joined into one,
//! and the speaker the sentence names ("said X", "X told …", "according to X").

use std::ops::Range;

use crate::source::Source;

/// One quotation in one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The source it is in (an index into the comparison's sources).
    pub source: usize,
    /// The quoted words, inside the marks (several parts when an attribution splits
    /// the quotation: "“We are close,” she said, “and will sign.”"), as ranges in the
    /// source's extracted text.
    pub parts: Vec<Range<usize>>,
    /// The speaker as the sentence names them ("a senior official", "Tomas Berg").
    pub speaker: Option<Range<usize>>,
}

impl Quote {
    /// First part's start to the last part's end.
    pub fn range(&self) -> Range<usize> {
        self.parts[0].start..self.parts[self.parts.len() - 1].end
    }

    /// The quoted words, parts joined by " … ".
    pub(crate) fn text(&self, source: &Source) -> String {
        self.parts
            .iter()
            .map(|p| &source.doc.text[p.clone()])
            .collect::<Vec<_>>()
            .join(" … ")
    }
}

/// Verbs and phrases that attribute a quotation.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adding",
    "asked",
    "stated",
    "noted",
    "insisted",
    "warned",
    "explained",
    "declared",
    "announced",
    "wrote",
    "writes",
    "replied",
    "recalled",
    "acknowledged",
    "argued",
    "continued",
    "disse",
    "afirmou",
    "declarou",
    "explicou",
    "contou",
];

/// Words that end a speaker named after the verb ("said the mayor on Tuesday").
const SPEAKER_ENDS: &[&str] = &[
    "on", "at", "in", "after", "before", "during", "when", "while", "as", "adding", "who", "which",
    "that", "to", "told", "and", "but", "because", "em", "que", "ao",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "ele", "ela", "eles", "elas",
];

/// Every quotation of source `index`.
pub(crate) fn find(index: usize, source: &Source) -> Vec<Quote> {
    let text = &source.doc.text;
    let mut out = Vec::new();
    for para in &source.doc.paragraphs {
        let spans: Vec<Range<usize>> = spans(&text[para.clone()])
            .into_iter()
            .map(|r| r.start + para.start..r.end + para.start)
            .filter(|r| text[r.clone()].chars().any(char::is_alphanumeric))
            .collect();
        let mut i = 0;
        while i < spans.len() {
            let mut parts = vec![spans[i].clone()];
            // "“…,” she said, “…”": the parts of one quotation around its attribution.
            while i + 1 < spans.len() && joins(&text[spans[i].end..spans[i + 1].start]) {
                i += 1;
                parts.push(spans[i].clone());
            }
            i += 1;
            let speaker = speaker(text, para.clone(), &parts);
            out.push(Quote {
                source: index,
                parts,
                speaker,
            });
        }
    }
    out
}

/// True for the text between two quoted spans that is an attribution splitting one
/// quotation: short, with a speech verb ("she said,", "adding that talks").
fn joins(between: &str) -> bool {
    let words: Vec<String> = words(between).map(|(_, w)| w.to_lowercase()).collect();
    (1..=8).contains(&words.len()) && words.iter().any(|w| SPEECH.contains(&w.as_str()))
}

/// The words of `s` with their offsets (letters, digits, inner apostrophes, hyphens).
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let inner = matches!(c, '\'' | '’' | '-' | '.')
            && start.is_some()
            && s[i + c.len_utf8().min(s.len() - i)..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            out.push((st, &s[st..i]));
        }
    }
    out.into_iter()
}

/// The speaker of a quotation whose parts are `parts`, found in paragraph `para`:
/// the attribution after the last part or before the first, within the sentence.
fn speaker(text: &str, para: Range<usize>, parts: &[Range<usize>]) -> Option<Range<usize>> {
    // Between the parts of a split quotation, then after the closing mark up to the
    // sentence's end or the next quotation mark, then before the opening one.
    let last = parts[parts.len() - 1].end;
    // Past the closing mark (which may be a '"', found again below otherwise).
    let after_start = last
        + text[last..para.end]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
    let after_len = text[after_start..para.end]
        .find(['.', '!', '?', '“', '"', '«', '‘'])
        .unwrap_or(para.end - after_start);
    let after = after_start..after_start + after_len;
    let gaps = parts
        .windows(2)
        .map(|w| w[0].end..w[1].start)
        .chain(std::iter::once(after));
    for gap in gaps {
        if let Some(s) = attribution_after(text, gap) {
            return Some(s);
        }
    }
    let before_end = parts[0].start;
    let from = text[para.start..before_end]
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | '!' | '?' | '”' | '»'))
        .map_or(para.start, |(i, c)| para.start + i + c.len_utf8());
    attribution_before(text, from..before_end)
}

/// "…,” said Tomas Berg, the port chief" / "…,” a senior official told reporters" /
/// "…,” according to the ministry".
fn attribution_after(text: &str, gap: Range<usize>) -> Option<Range<usize>> {
    let s = &text[gap.clone()];
    let words: Vec<(usize, &str)> = words(s).collect();
    let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    let verb = lower.iter().position(|w| SPEECH.contains(&w.as_str()));
    let according = lower
        .windows(2)
        .position(|w| w[0] == "according" && w[1] == "to")
        .map(|i| i + 1)
        .or_else(|| lower.iter().position(|w| w == "segundo"));
    let name_after = |from: usize| {
        // Up to punctuation or a word that starts another clause.
        let mut end = from;
        while end < words.len()
            && !SPEAKER_ENDS.contains(&lower[end].as_str())
            && !s[words[end - 1].0 + words[end - 1].1.len()..words[end].0]
                .contains([',', ';', ':', '(', '—'])
        {
            end += 1;
        }
        (end > from).then(|| {
            gap.start + words[from].0..gap.start + words[end - 1].0 + words[end - 1].1.len()
        })
    };
    if let Some(a) = according
        && a + 1 < words.len()
    {
        // "according to X": X starts right after, even past a comma.
        let mut end = a + 2;
        while end < words.len()
            && !SPEAKER_ENDS.contains(&lower[end].as_str())
            && !s[words[end - 1].0 + words[end - 1].1.len()..words[end].0]
                .contains([',', ';', '(', '—'])
        {
            end += 1;
        }
        return not_pronoun(
            text,
            gap.start + words[a + 1].0..gap.start + words[end - 1].0 + words[end - 1].1.len(),
        );
    }
    let v = verb?;
    if v > 0 {
        // "X said": the words before the verb, back to the mark or a comma.
        let start = (0..v)
            .rev()
            .take_while(|&k| {
                k + 1 == v
                    || !s[words[k].0 + words[k].1.len()..words[k + 1].0].contains([',', ';', '—'])
            })
            .last()
            .unwrap_or(v - 1);
        let r = gap.start + words[start].0..gap.start + words[v - 1].0 + words[v - 1].1.len();
        return not_pronoun(text, r);
    }
    // "said X".
    name_after(v + 1).and_then(|r| not_pronoun(text, r))
}

/// "Mayor Ilona Kadiri said: “…”" / "According to the ministry, “…”".
fn attribution_before(text: &str, before: Range<usize>) -> Option<Range<usize>> {
    let s = &text[before.clone()];
    let words: Vec<(usize, &str)> = words(s).collect();
    let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    // The verb must be near the quotation: the last three words.
    let v = (words.len().saturating_sub(3)..words.len())
        .rev()
        .find(|&k| SPEECH.contains(&lower[k].as_str()))?;
    if v == 0 {
        return None;
    }
    let start = (0..v)
        .rev()
        .take_while(|&k| {
            k + 1 == v
                || !s[words[k].0 + words[k].1.len()..words[k + 1].0].contains([',', ';', '—'])
        })
        .last()
        .unwrap_or(v - 1);
    // "told reporters": the speaker is before "told", not "reporters".
    let r = before.start + words[start].0..before.start + words[v - 1].0 + words[v - 1].1.len();
    not_pronoun(text, r)
}

fn not_pronoun(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let w = text[r.clone()].to_lowercase();
    (!PRONOUNS.contains(&w.as_str()) && w.chars().any(char::is_alphabetic)).then_some(r)
}

/// The quoted spans of one paragraph, inside their marks, outermost only.
pub(crate) fn spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The open mark, what closes it, and where the quoted words start.
    let mut open: Option<(char, usize)> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let after = i + c.len_utf8();
        let at_word_start = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        match open {
            None => match c {
                '“' | '«' | '„' => open = Some((c, after)),
                '"' => open = Some(('"', after)),
                '‘' if at_word_start => open = Some(('‘', after)),
                '\'' if at_word_start && next.is_some_and(char::is_alphanumeric) => {
                    open = Some(('\'', after))
                }
                _ => {}
            },
            Some((o, start)) => {
                let closes = match (o, c) {
                    ('“', '”' | '“') | ('«', '»') | ('„', '“' | '”') | ('"', '"') => {
                        true
                    }
                    // A closing single quote is not followed by a letter: "don’t" is
                    // an apostrophe.
                    ('‘', '’') | ('\'', '\'') => {
                        prev.is_some_and(|p| !p.is_whitespace())
                            && !next.is_some_and(char::is_alphanumeric)
                    }
                    _ => false,
                };
                if closes {
                    if i > start {
                        out.push(start..i);
                    }
                    open = None;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};

    fn source(text: &str) -> Source {
        Source::new(Document::from_bytes("t.txt", text.as_bytes(), Format::Text).unwrap())
    }

    /// (quoted words, speaker) of each quotation.
    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        let s = source(text);
        find(0, &s)
            .iter()
            .map(|q| {
                (
                    q.text(&s),
                    q.speaker.clone().map(|r| s.doc.text[r].to_owned()),
                )
            })
            .collect()
    }

    fn q(words: &str, speaker: Option<&str>) -> (String, Option<String>) {
        (words.to_owned(), speaker.map(str::to_owned))
    }

    #[test]
    fn every_quote_style() {
        assert_eq!(
            quotes("“The wall held for sixty years,” said Tomas Berg, the port chief."),
            vec![q("The wall held for sixty years,", Some("Tomas Berg"))]
        );
        assert_eq!(
            quotes("\"We are ready,\" a senior official told reporters."),
            vec![q("We are ready,", Some("a senior official"))]
        );
        assert_eq!(
            quotes("Mayor Ilona Kadiri said: «Stay inside tonight.»"),
            vec![q("Stay inside tonight.", Some("Mayor Ilona Kadiri"))]
        );
        assert_eq!(
            quotes("O ministro disse: „Vamos reconstruir.“"),
            vec![q("Vamos reconstruir.", Some("O ministro"))]
        );
        assert_eq!(
            quotes(
                "The mayor called it 'a night we won't forget', according to an unnamed city official."
            ),
            vec![q(
                "a night we won't forget",
                Some("an unnamed city official")
            )]
        );
    }

    #[test]
    fn single_curly_quotes_are_told_from_apostrophes() {
        assert_eq!(
            quotes(
                "‘We don’t know yet what the sea will do,’ the engineer said. The port’s gates stayed shut."
            ),
            vec![q(
                "We don’t know yet what the sea will do,",
                Some("the engineer")
            )]
        );
        assert_eq!(
            quotes("The harbour’s walls and the workers’ huts were lost."),
            vec![]
        );
    }

    #[test]
    fn a_quote_split_by_its_attribution_is_one() {
        assert_eq!(
            quotes(
                "“We are very close to a meeting,” the envoy said, adding that talks “need to happen before the spring.”"
            ),
            vec![q(
                "We are very close to a meeting, … need to happen before the spring.",
                Some("the envoy")
            )]
        );
        // Two quotations by two speakers in one paragraph stay two.
        assert_eq!(
            quotes(
                "“It held,” said Berg. Later the mayor gave a speech and then a long interview to the local radio. “It did not,” Kadiri said."
            ),
            vec![
                q("It held,", Some("Berg")),
                q("It did not,", Some("Kadiri"))
            ]
        );
    }

    #[test]
    fn pronouns_are_no_speaker() {
        assert_eq!(
            quotes("“It went better than we hoped,” she said."),
            vec![q("It went better than we hoped,", None)]
        );
    }
}
