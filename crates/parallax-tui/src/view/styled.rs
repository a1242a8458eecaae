//! Styling one screen line of a source: the gutter marks (selection, ✎ note,
//! ≠ disagreement, ┃ unique) and the text cut into spans
//! by what each piece is (same as the pivot, changed, only here, disagreeing, a
//! search match) and what it sits on (the selection, a unique passage).

use std::ops::Range;

use super::{Line, Span, wrap};
use crate::app::Reader;
use parallax_core::compare::model::FragmentKind;
use parallax_core::theme::Role;

/// Which passages of the pane are selected, and how they are shown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Selection {
    pub(crate) group: usize,
    /// Only this passage (the cursor), else every passage of the group.
    pub(crate) passage: Option<usize>,
    /// `Cursor` in the focused pane, `Linked` elsewhere.
    pub(crate) back: Role,
}

/// Styles lines of one source.
pub(crate) struct Styler<'a> {
    pub(crate) reader: &'a Reader,
    pub(crate) source: usize,
    pub(crate) pivot: usize,
    pub(crate) selection: Option<Selection>,
    pub(crate) matches: &'a [Range<usize>],
    /// `notes[passage]`: the passage carries a note (✎ on its first line).
    pub(crate) notes: &'a [bool],
}

impl Styler<'_> {
    fn selected(&self, passage: usize) -> Option<Role> {
        let sel = self.selection?;
        let p = &self.reader.passages[self.source][passage];
        (p.group == sel.group && sel.passage.is_none_or(|only| only == passage)).then_some(sel.back)
    }

    /// The gutter and text of the screen line showing `range` of the source text.
    pub(crate) fn line(&self, range: Range<usize>) -> Line {
        let text = &self.reader.comparison.sources[self.source].doc.text;
        let passages = &self.reader.passages[self.source];
        let first = passages.partition_point(|p| p.range.end <= range.start);
        let on_line: Vec<usize> = (first..passages.len())
            .take_while(|&i| passages[i].range.start < range.end)
            .collect();

        // (range, back) and (range, fore, priority) layers, clipped to the line.
        let mut backs: Vec<(Range<usize>, Role)> = Vec::new();
        let mut fores: Vec<(Range<usize>, Role, u8)> = Vec::new();
        let clip = |r: &Range<usize>| r.start.max(range.start)..r.end.min(range.end);
        let mut any_selected = false;
        let mut any_unique = false;
        let mut any_disagreement = false;
        let mut note_starts = false;
        for &i in &on_line {
            let p = &passages[i];
            note_starts |=
                self.notes.get(i).copied().unwrap_or(false) && p.range.start >= range.start;
            let shared = self.reader.is_shared(p.group);
            let back = self.selected(i);
            any_selected |= back.is_some();
            if let Some(b) = back.or((!shared).then_some(Role::UniquePassage)) {
                backs.push((clip(&p.range), b));
            }
            if !shared {
                any_unique = true;
                continue;
            }
            let diff = self.reader.diff(p.group, self.pivot);
            for m in diff.members.iter().filter(|m| m.source == self.source) {
                for f in &m.fragments {
                    let r = clip(&f.range);
                    if r.start < r.end {
                        let role = match f.kind {
                            FragmentKind::Same => Role::SharedWord,
                            FragmentKind::Changed => Role::ChangedWord,
                            FragmentKind::OnlyHere => Role::OnlyHere,
                        };
                        fores.push((r, role, 1));
                    }
                }
            }
            for d in &diff.discrepancies {
                for v in d.values.iter().filter(|v| v.source == self.source) {
                    let r = clip(&v.range);
                    if r.start < r.end
                        && p.range.start <= v.range.start
                        && v.range.start < p.range.end
                    {
                        any_disagreement = true;
                        fores.push((r, Role::Disagreement, 2));
                    }
                }
            }
        }
        let m0 = self.matches.partition_point(|m| m.end <= range.start);
        for m in self.matches[m0..]
            .iter()
            .take_while(|m| m.start < range.end)
        {
            fores.push((clip(m), Role::Match, 3));
        }

        let mut cuts: Vec<usize> = vec![range.start, range.end];
        for (r, _) in &backs {
            cuts.extend([r.start, r.end]);
        }
        for (r, _, _) in &fores {
            cuts.extend([r.start, r.end]);
        }
        cuts.sort_unstable();
        cuts.dedup();

        let mut line: Line = Vec::with_capacity(cuts.len() + 2);
        line.push(if any_selected {
            Span::new("▌", Role::Gutter)
        } else {
            Span::new(" ", Role::Text)
        });
        line.push(if note_starts {
            Span::new("✎", Role::NoteMark)
        } else if any_disagreement {
            Span::new("≠", Role::Disagreement)
        } else if any_unique {
            Span::new("┃", Role::UniqueMark)
        } else {
            Span::new(" ", Role::Text)
        });
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
                continue;
            }
            let back = backs
                .iter()
                .rev()
                .find(|(r, _)| r.start <= a && a < r.end)
                .map(|(_, b)| *b);
            let role = fores
                .iter()
                .filter(|(r, _, _)| r.start <= a && a < r.end)
                .max_by_key(|(_, _, p)| *p)
                .map_or(Role::Text, |f| f.1);
            let piece = wrap::drawable(&text[a..b]);
            let merge = line.len() > 2;
            match line.last_mut() {
                Some(last) if merge && last.role == role && last.back == back => {
                    last.text.push_str(&piece)
                }
                _ => line.push(Span {
                    text: piece,
                    role,
                    back,
                }),
            }
        }
        line
    }
}
