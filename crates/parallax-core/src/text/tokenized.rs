//! Every sentence's tokens, made once per comparison: the aligner reads their content
//! words, and the word diffs and disagreements read all of them again. Tokenising
//! (folding, stemming) was a quarter of a large comparison, and half of it was the
//! diffs tokenising the same sentences a second time.
//!
//! Positions are kept in 32 bits, which `document::MAX_TEXT` guarantees.

use std::ops::Range;

use crate::perf::Parallelism;
use crate::source::Source;
use crate::text::tokens::{KeyIds, Kind, Normalizer, Token, starts_safely};

/// One source's tokens, sentence after sentence.
struct SourceTokens {
    tokens: Vec<Packed>,
    /// Where each sentence's tokens start in `tokens`, and one past the last.
    starts: Vec<u32>,
}

/// A [`Token<u32>`] in 16 bytes instead of 24: millions are kept for the whole
/// comparison. Positions fit in 32 bits (`document::MAX_TEXT`).
#[derive(Clone, Copy)]
struct Packed {
    start: u32,
    end: u32,
    key: u32,
    kind: Kind,
    capitalized: bool,
    stop: bool,
}

impl Packed {
    fn new(t: &Token<u32>) -> Self {
        Packed {
            start: t.range.start as u32,
            end: t.range.end as u32,
            key: t.key,
            kind: t.kind,
            capitalized: t.capitalized,
            stop: t.stop,
        }
    }

    fn unpack(&self) -> Token<u32> {
        Token {
            range: self.start as usize..self.end as usize,
            kind: self.kind,
            key: self.key,
            capitalized: self.capitalized,
            stop: self.stop,
        }
    }
}

pub(crate) struct Tokenized {
    sources: Vec<SourceTokens>,
    /// One numbering of keys for every source.
    keys: KeyIds,
}

impl Tokenized {
    /// Tokenises every sentence of `sources` (in parallel on large inputs; the result
    /// is the same).
    pub(crate) fn build(sources: &[Source], norm: &Normalizer, parallelism: Parallelism) -> Self {
        // Each source numbers its own keys, so that sources are tokenised in parallel;
        // then one numbering is made for all, in source order.
        let one = |source: &Source| {
            let mut keys = KeyIds::default();
            let mut tokens = Vec::with_capacity(source.doc.text.len() / 5);
            let mut starts = Vec::with_capacity(source.sentences.len() + 1);
            for (i, sentence) in source.sentences.iter().enumerate() {
                starts.push(tokens.len() as u32);
                let at = sentence.range.start;
                tokens.extend(
                    norm.id_tokens(source.sentence_text(i), &mut keys)
                        .iter()
                        .map(|t| Packed {
                            start: (t.range.start + at) as u32,
                            end: (t.range.end + at) as u32,
                            ..Packed::new(t)
                        }),
                );
            }
            starts.push(tokens.len() as u32);
            (SourceTokens { tokens, starts }, keys)
        };
        let sentences = sources.iter().map(|s| s.sentences.len()).sum();
        let par = parallelism.over(sentences);
        let own: Vec<(SourceTokens, KeyIds)> = par.map(sources, one);
        let mut keys = KeyIds::default();
        let renumber: Vec<Vec<u32>> = own
            .iter()
            .map(|(_, local)| {
                (0..local.len() as u32)
                    .map(|k| keys.intern(local.key(k)))
                    .collect()
            })
            .collect();
        let apply = |((mut s, _), map): ((SourceTokens, KeyIds), Vec<u32>)| {
            for t in &mut s.tokens {
                t.key = map[t.key as usize];
            }
            s
        };
        let jobs: Vec<_> = own.into_iter().zip(renumber).collect();
        let sources = par.map(jobs, apply);
        Tokenized { sources, keys }
    }

    /// The numbering of every token's key.
    pub(crate) fn keys(&self) -> &KeyIds {
        &self.keys
    }

    /// The tokens of sentence `index` of `source`, with ranges in the source's text.
    pub(crate) fn sentence(
        &self,
        source: usize,
        index: usize,
    ) -> impl ExactSizeIterator<Item = Token<u32>> + '_ {
        self.run(source, index..index + 1)
            .iter()
            .map(Packed::unpack)
    }

    /// The tokens of consecutive sentences of `source`, one after the other.
    fn run(&self, source: usize, sentences: Range<usize>) -> &[Packed] {
        let s = &self.sources[source];
        &s.tokens[s.starts[sentences.start] as usize..s.starts[sentences.end] as usize]
    }

    /// The tokens of the text from sentence `first` of `source` to the end of sentence
    /// `last`, as tokenising that text would give them, when that is what the
    /// sentences' tokens put together are: the sentences are apart by ASCII whitespace
    /// only, and each starts with a character that nothing before the whitespace can
    /// change ([`starts_safely`]). `None` otherwise (tokenise the text instead).
    pub(crate) fn span(
        &self,
        sources: &[Source],
        source: usize,
        first: usize,
        last: usize,
    ) -> Option<Vec<Token<u32>>> {
        let src = &sources[source];
        let apart_cleanly = (first..last).all(|l| {
            let (a, b) = (&src.sentences[l].range, &src.sentences[l + 1].range);
            a.end < b.start
                && src.doc.text[a.end..b.start]
                    .bytes()
                    .all(|c| c.is_ascii_whitespace())
                && src.doc.text[b.start..]
                    .chars()
                    .next()
                    .is_some_and(starts_safely)
        });
        apart_cleanly.then(|| {
            self.run(source, first..last + 1)
                .iter()
                .map(Packed::unpack)
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Format};
    use proptest::prelude::*;

    fn source(text: &str) -> Option<Source> {
        Document::from_bytes("t.txt", text.as_bytes(), Format::Text)
            .ok()
            .map(Source::new)
    }

    /// Every run of up to three sentences of one paragraph that [`Tokenized::span`]
    /// answers for is tokenised as its text would be; returns how many were checked.
    fn spans_agree_with_the_text(text: &str) -> usize {
        let Some(src) = source(text) else { return 0 };
        let sources = vec![src];
        let norm = Normalizer::new(crate::text::lang::Language::English);
        let t = Tokenized::build(&sources, &norm, Parallelism::default());
        let s = &sources[0];
        let mut checked = 0;
        for first in 0..s.sentences.len() {
            for last in first..s.sentences.len().min(first + 3) {
                if s.sentences[last].paragraph != s.sentences[first].paragraph {
                    break;
                }
                let Some(spanned) = t.span(&sources, 0, first, last) else {
                    continue;
                };
                let start = s.sentences[first].range.start;
                let mut own = KeyIds::default();
                let whole =
                    norm.id_tokens(&s.doc.text[start..s.sentences[last].range.end], &mut own);
                let shown = |tokens: &[Token<u32>], ids: &KeyIds, shift: usize| {
                    tokens
                        .iter()
                        .map(|x| {
                            (
                                x.range.start + shift..x.range.end + shift,
                                x.kind,
                                ids.key(x.key).to_owned(),
                                x.capitalized,
                                x.stop,
                            )
                        })
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    shown(&spanned, t.keys(), 0),
                    shown(&whole, &own, start),
                    "{:?}",
                    &s.doc.text[start..s.sentences[last].range.end]
                );
                checked += 1;
            }
        }
        checked
    }

    #[test]
    fn sentences_put_together_are_tokenised_as_their_text() {
        let text = "The ferry ran aground. -8°C was recorded at dawn. \u{201c}We saw it,\u{201d} she said. \
                    Twenty-five were hurt. Ky\u{200b}iv replied.\u{200b} Next came \u{0301}marks. \
                    Numbers: 1,200 and 3.5 people. Élan vital won. Ünder way.\n\nA new paragraph. And more.";
        assert!(spans_agree_with_the_text(text) >= 10);
        let corpus = crate::corpus::generate(1, 20_000, 5).remove(0);
        assert!(spans_agree_with_the_text(&corpus) > 100);
    }

    proptest! {
        #[test]
        fn any_text_is_tokenised_alike_whole_or_by_sentence(
            pieces in proptest::collection::vec(
                prop_oneof![
                    Just("Word"), Just("word"), Just(". "), Just("! "), Just(" "), Just("  "),
                    Just("-"), Just("−"), Just("8"), Just("twenty"), Just("-five"), Just("\u{200b}"),
                    Just("\u{0301}"), Just("\u{00a0}"), Just("\u{201c}"), Just("\u{201d}"),
                    Just("é"), Just("日本"), Just("\u{05d0}"), Just("\t"), Just("\n"), Just("Mr. "),
                    Just("?\" "), Just("\u{2028}"), Just("\u{feff}"), Just("’"), Just("3.5"),
                ],
                1..60,
            )
        ) {
            spans_agree_with_the_text(&pieces.concat());
        }
    }
}
