//! The note editor: a small multi-line text buffer with a cursor that moves by
//! grapheme clusters (an emoji with a skin tone, a letter with a combining accent is
//! one step) and keeps its display column when moving between lines (CJK counts two).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What the note is attached to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NoteTarget {
    pub(crate) source: usize,
    pub(crate) passage: usize,
    /// The passage's bytes in the file (the span the note is keyed by).
    pub(crate) span: Range<usize>,
    /// The note being edited; `None` for a new note.
    pub(crate) id: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub(crate) target: NoteTarget,
    pub text: String,
    /// Byte offset of the cursor, always on a grapheme boundary.
    pub(crate) cursor: usize,
    /// Saving an empty note asks first: the next `y` deletes it.
    pub(crate) confirm_delete: bool,
}

impl Editor {
    /// An editor over `text` with the cursor at its end.
    pub(crate) fn new(target: NoteTarget, text: &str) -> Editor {
        Editor {
            target,
            text: text.to_owned(),
            cursor: text.len(),
            confirm_delete: false,
        }
    }

    pub(crate) fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    pub(crate) fn newline(&mut self) {
        self.insert('\n');
    }

    /// Removes the grapheme before the cursor.
    pub(crate) fn backspace(&mut self) {
        let start = self.prev_boundary();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// Removes the grapheme under the cursor.
    pub(crate) fn delete(&mut self) {
        let end = self.next_boundary();
        self.text.replace_range(self.cursor..end, "");
    }

    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub(crate) fn left(&mut self) {
        self.cursor = self.prev_boundary();
    }

    pub(crate) fn right(&mut self) {
        self.cursor = self.next_boundary();
    }

    pub(crate) fn home(&mut self) {
        self.cursor = self.line_start(self.cursor);
    }

    pub(crate) fn end(&mut self) {
        self.cursor = self.line_end(self.cursor);
    }

    /// To the previous line, at the same display column (or its end if shorter).
    pub(crate) fn up(&mut self) {
        let start = self.line_start(self.cursor);
        if start == 0 {
            self.cursor = 0;
            return;
        }
        let col = self.column();
        let prev = self.line_start(start - 1);
        self.cursor = self.at_column(prev, col);
    }

    /// To the next line, at the same display column (or its end if shorter).
    pub(crate) fn down(&mut self) {
        let end = self.line_end(self.cursor);
        if end == self.text.len() {
            self.cursor = end;
            return;
        }
        let col = self.column();
        self.cursor = self.at_column(end + 1, col);
    }

    /// The cursor's display column on its line.
    pub(crate) fn column(&self) -> usize {
        self.text[self.line_start(self.cursor)..self.cursor].width()
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.cursor]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.cursor..]
            .graphemes(true)
            .next()
            .map_or(self.cursor, |g| self.cursor + g.len())
    }

    fn line_start(&self, at: usize) -> usize {
        self.text[..at].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self, at: usize) -> usize {
        self.text[at..]
            .find('\n')
            .map_or(self.text.len(), |i| at + i)
    }

    /// The grapheme boundary on the line starting at `start` nearest to `col`
    /// columns without passing it.
    fn at_column(&self, start: usize, col: usize) -> usize {
        let end = self.line_end(start);
        let mut used = 0;
        for (i, g) in self.text[start..end].grapheme_indices(true) {
            let w = g.width();
            if used + w > col {
                return start + i;
            }
            used += w;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ed(text: &str) -> Editor {
        Editor::new(
            NoteTarget {
                source: 0,
                passage: 0,
                span: 0..1,
                id: None,
            },
            text,
        )
    }

    #[test]
    fn backspace_and_arrows_step_over_whole_graphemes() {
        // "e" + combining acute, a family emoji (ZWJ sequence), a flag.
        let mut e = ed("ae\u{301}👨‍👩‍👧🇳🇿");
        e.backspace();
        assert_eq!(e.text, "ae\u{301}👨‍👩‍👧");
        e.left();
        e.backspace();
        assert_eq!(e.text, "a👨‍👩‍👧");
        e.right();
        assert_eq!(e.cursor, e.text.len());
        e.home();
        e.delete();
        assert_eq!(e.text, "👨‍👩‍👧");
        e.insert('x');
        assert_eq!(e.text, "x👨‍👩‍👧");
    }

    #[test]
    fn up_and_down_keep_the_display_column_across_wide_characters() {
        // Line 1: four CJK characters (8 columns); line 2: ascii.
        let mut e = ed("漢字漢字\nabcdefgh\nab");
        e.up(); // from the end of "ab" (col 2) to line 2 col 2
        assert_eq!(e.column(), 2);
        e.end(); // col 8
        e.up();
        assert_eq!(e.column(), 8);
        assert_eq!(e.cursor, "漢字漢字".len());
        e.left();
        e.left(); // col 4, between 字 and 漢
        e.down();
        assert_eq!(e.column(), 4);
        e.right(); // col 5
        e.up(); // 5 falls inside a wide character: stop before it
        assert_eq!(e.column(), 4);
        e.down();
        e.down();
        assert_eq!(e.column(), 2, "short last line: its end");
        e.down();
        assert_eq!(e.cursor, e.text.len());
        e.newline();
        e.insert('z');
        assert!(e.text.ends_with("ab\nz"));
    }
}
