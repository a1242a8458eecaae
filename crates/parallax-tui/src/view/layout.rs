//! A source wrapped at one width: its screen lines (paragraphs separated by a blank
//! line) and where each passage starts and ends. Wrapping depends only on the text
//! and the width, so layouts are cached per (source, width) and survive cursor
//! moves, pivot changes and theme changes; a resize builds new ones.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::wrap;
use crate::app::{Passage, Reader};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLayout {
    pub(crate) width: usize,
    /// Each screen line as a range of the source text; an empty range is a blank line.
    pub(crate) lines: Vec<Range<usize>>,
    /// `passage_lines[p]`: first and last line of passage p (inclusive).
    pub(crate) passage_lines: Vec<(usize, usize)>,
}

impl DocLayout {
    pub(crate) fn build(
        text: &str,
        paragraphs: &[Range<usize>],
        passages: &[Passage],
        width: usize,
    ) -> DocLayout {
        let mut lines = Vec::new();
        for (i, para) in paragraphs.iter().enumerate() {
            if i > 0 {
                lines.push(para.start..para.start);
            }
            for r in wrap::wrap(&text[para.clone()], width) {
                lines.push(para.start + r.start..para.start + r.end);
            }
        }
        let passage_lines = passages
            .iter()
            .map(|p| line_span(&lines, p.range.clone()))
            .collect();
        DocLayout {
            width,
            lines,
            passage_lines,
        }
    }
}

/// First and last line a text range touches.
fn line_span(lines: &[Range<usize>], r: Range<usize>) -> (usize, usize) {
    let first = lines.partition_point(|l| l.end <= r.start || l.is_empty() && l.start <= r.start);
    let last = lines.partition_point(|l| l.start < r.end).saturating_sub(1);
    let first = first.min(lines.len().saturating_sub(1));
    (first, last.max(first))
}

/// Layouts by (source, width), built on first use.
#[derive(Default)]
pub struct Layouts {
    cache: RefCell<HashMap<(usize, usize), Rc<DocLayout>>>,
}

impl Layouts {
    pub(crate) fn get(&self, reader: &Reader, source: usize, width: usize) -> Rc<DocLayout> {
        if let Some(l) = self.cache.borrow().get(&(source, width)) {
            return Rc::clone(l);
        }
        let doc = &reader.comparison.sources[source].doc;
        let l = Rc::new(DocLayout::build(
            &doc.text,
            &doc.paragraphs,
            &reader.passages[source],
            width,
        ));
        let mut cache = self.cache.borrow_mut();
        // Old widths are useless after a resize; keep the cache from growing without end.
        if cache.len() > 4 * reader.source_count() {
            cache.retain(|(_, w), _| *w == width);
        }
        cache.insert((source, width), Rc::clone(&l));
        l
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_separated_by_a_blank_line_and_passages_map_to_lines() {
        let text = "One two three four. Five six.\n\nSeven eight nine ten eleven.";
        let paragraphs = vec![0..29, 31..text.len()];
        let passages = vec![
            Passage {
                group: 0,
                sentences: 0..1,
                range: 0..19,
            },
            Passage {
                group: 1,
                sentences: 1..2,
                range: 20..29,
            },
            Passage {
                group: 2,
                sentences: 2..3,
                range: 31..text.len(),
            },
        ];
        let l = DocLayout::build(text, &paragraphs, &passages, 12);
        let shown: Vec<&str> = l.lines.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            shown,
            vec![
                "One two",
                "three four.",
                "Five six.",
                "",
                "Seven eight",
                "nine ten",
                "eleven."
            ]
        );
        assert_eq!(l.passage_lines, vec![(0, 1), (2, 2), (4, 6)]);
    }
}
