//! Maps byte offsets in extracted text back to byte offsets in the file on disk.
//!
//! Extracted text is assembled from pieces: verbatim copies of file bytes (the usual
//! case, mapped linearly), rewritten runs (an entity, a decoded legacy byte, a Markdown
//! escape) that map as a whole to the bytes they came from, and inserted separators
//! that map to nothing. Reports need exact file spans, so every layer keeps one of these.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    text: usize,
    text_len: usize,
    file: usize,
    file_len: usize,
}

/// A piecewise map from text offsets to file offsets, built in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The identity map shifted by `file_start` (e.g. past a byte-order mark).
    pub(crate) fn linear(len: usize, file_start: usize) -> Self {
        let mut map = Self::default();
        map.push(0, len, file_start, len);
        map
    }

    /// Records that `text_len` bytes of text starting at `text` came from `file_len`
    /// bytes of the file starting at `file`. Equal lengths map byte for byte.
    pub(crate) fn push(&mut self, text: usize, text_len: usize, file: usize, file_len: usize) {
        if text_len == 0 {
            return;
        }
        // Merge with the previous piece when both are linear and contiguous, which
        // keeps plain text at one piece per paragraph.
        if let Some(last) = self.pieces.last_mut()
            && last.text_len == last.file_len
            && text_len == file_len
            && last.text + last.text_len == text
            && last.file + last.file_len == file
        {
            last.text_len += text_len;
            last.file_len += file_len;
            return;
        }
        debug_assert!(
            self.pieces
                .last()
                .is_none_or(|p| p.text + p.text_len <= text)
        );
        self.pieces.push(Piece {
            text,
            text_len,
            file,
            file_len,
        });
    }

    /// Forgets everything at or past text offset `len`.
    pub(crate) fn truncate(&mut self, len: usize) {
        self.pieces.retain(|p| p.text < len);
        if let Some(last) = self.pieces.last_mut()
            && last.text + last.text_len > len
        {
            if last.text_len == last.file_len {
                last.file_len = len - last.text;
            }
            last.text_len = len - last.text;
        }
    }

    /// Takes the text `range` out: later text moves back by its length. Refuses
    /// (false, nothing changed) when a rewritten run straddles either end of it.
    pub(crate) fn remove(&mut self, range: Range<usize>) -> bool {
        // Only pieces ending past the start are touched (the removal is near the end).
        let from = self
            .pieces
            .partition_point(|p| p.text + p.text_len <= range.start);
        let straddles = |p: &Piece, at: usize| {
            p.text_len != p.file_len && p.text < at && at < p.text + p.text_len
        };
        if self.pieces[from..]
            .iter()
            .any(|p| straddles(p, range.start) || straddles(p, range.end))
        {
            return false;
        }
        let n = range.len();
        let tail: Vec<Piece> = self.pieces.drain(from..).collect();
        for p in tail {
            let (a, b) = (p.text, p.text + p.text_len);
            let linear = p.text_len == p.file_len;
            if a < range.start {
                let e = b.min(range.start);
                self.pieces.push(Piece {
                    text_len: e - a,
                    file_len: if linear { e - a } else { p.file_len },
                    ..p
                });
            }
            if b > range.end {
                let s = a.max(range.end);
                self.pieces.push(Piece {
                    text: s - n,
                    text_len: b - s,
                    file: if linear { p.file + (s - a) } else { p.file },
                    file_len: if linear { b - s } else { p.file_len },
                });
            }
        }
        true
    }

    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = self
            .pieces
            .partition_point(|p| p.text + p.text_len <= offset);
        self.pieces.get(i).filter(|p| p.text <= offset)
    }

    /// The file offset where the text byte at `offset` starts.
    fn start(&self, offset: usize) -> Option<usize> {
        let p = self.piece_at(offset)?;
        Some(if p.text_len == p.file_len {
            p.file + (offset - p.text)
        } else {
            p.file
        })
    }

    /// The file offset just past the text byte at `offset`.
    fn end(&self, offset: usize) -> Option<usize> {
        let p = self.piece_at(offset)?;
        Some(if p.text_len == p.file_len {
            p.file + (offset - p.text) + 1
        } else {
            p.file + p.file_len
        })
    }

    /// The file span covering a non-empty text range; `None` when the range holds
    /// only inserted text.
    pub(crate) fn to_file(&self, range: Range<usize>) -> Option<Range<usize>> {
        if range.is_empty() {
            return None;
        }
        // Nearly every range lies within one verbatim piece: one search, then sums
        // (what the general case below gives for it; reports map millions of ranges).
        if let Some(p) = self.piece_at(range.start)
            && p.text_len == p.file_len
            && range.end <= p.text + p.text_len
        {
            return Some(p.file + (range.start - p.text)..p.file + (range.end - p.text));
        }
        self.to_file_bytewise(range)
    }

    /// When all of `range` lies in one piece copied from the file as it is, the
    /// mapping of every range inside it: a text offset plus what this returns (as
    /// `(text, file)` starts of that piece) is `file + (offset - text)`. For mapping
    /// many ranges inside one (a member's fragments) with one search.
    pub(crate) fn linear_piece(&self, range: Range<usize>) -> Option<(usize, usize)> {
        let p = self.piece_at(range.start)?;
        (p.text_len == p.file_len && range.end <= p.text + p.text_len).then_some((p.text, p.file))
    }

    /// [`Self::to_file`] from the first and last bytes of the range that map to the file.
    fn to_file_bytewise(&self, range: Range<usize>) -> Option<Range<usize>> {
        if range.is_empty() {
            return None;
        }
        // Inserted bytes (separators) at either edge have no file position: skip in.
        let start = (range.start..range.end).find_map(|o| self.start(o))?;
        let end = (range.start..range.end).rev().find_map(|o| self.end(o))?;
        Some(start..end.max(start))
    }

    /// Composes `self` (text → middle) with `outer` (middle → file).
    pub(crate) fn then(&self, outer: &OffsetMap) -> OffsetMap {
        let mut out = OffsetMap::default();
        for p in &self.pieces {
            if p.text_len == p.file_len {
                // Walk the linear piece through the outer map, piece by piece.
                let mut t = 0;
                while t < p.text_len {
                    let mid = p.file + t;
                    let Some(q) = outer.piece_at(mid) else { break };
                    if q.text_len == q.file_len {
                        let n = (q.text + q.text_len - mid).min(p.text_len - t);
                        out.push(p.text + t, n, q.file + (mid - q.text), n);
                        t += n;
                    } else {
                        // A rewritten outer run: map the covered text to the whole run.
                        let n = (q.text + q.text_len - mid).min(p.text_len - t);
                        out.push(p.text + t, n, q.file, q.file_len);
                        t += n;
                    }
                }
            } else if let Some(r) = outer.to_file(p.file..p.file + p.file_len) {
                out.push(p.text, p.text_len, r.start, r.end - r.start);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn ranges_in_one_piece_map_as_byte_by_byte(
            pieces in proptest::collection::vec((0usize..3, 1usize..6, 0usize..4), 1..12),
            ranges in proptest::collection::vec((0usize..60, 0usize..8), 1..30),
        ) {
            // Verbatim, rewritten (other length) and inserted (no file bytes) pieces.
            let mut m = OffsetMap::default();
            let (mut text, mut file) = (0, 0);
            for (kind, len, gap) in pieces {
                file += gap;
                match kind {
                    0 => { m.push(text, len, file, len); file += len; }
                    1 => { m.push(text, len, file, len + 2); file += len + 2; }
                    _ => {}
                }
                text += len;
            }
            for (start, len) in ranges {
                let r = start..start + len;
                proptest::prop_assert_eq!(m.to_file(r.clone()), m.to_file_bytewise(r));
            }
        }
    }

    #[test]
    fn linear_pieces_merge_and_map_exactly() {
        let mut m = OffsetMap::default();
        m.push(0, 5, 3, 5);
        m.push(5, 4, 8, 4);
        assert_eq!(m.pieces.len(), 1);
        assert_eq!(m.to_file(1..4), Some(4..7));
    }

    #[test]
    fn rewritten_runs_map_as_a_whole_and_gaps_are_skipped() {
        let mut m = OffsetMap::default();
        m.push(0, 3, 0, 3); // "Tom"
        m.push(3, 1, 3, 5); // "&" from "&amp;"
        // 4..6 is an inserted separator
        m.push(6, 3, 20, 3);
        assert_eq!(m.to_file(2..4), Some(2..8));
        assert_eq!(m.to_file(3..7), Some(3..21));
        assert_eq!(m.to_file(4..6), None);
    }

    #[test]
    fn removing_text_shifts_what_follows() {
        let mut m = OffsetMap::default();
        m.push(0, 10, 100, 10); // verbatim
        m.push(10, 1, 110, 5); // "&" from "&amp;"
        m.push(11, 4, 115, 4);
        assert!(m.remove(2..6));
        assert_eq!(m.to_file(0..2), Some(100..102));
        assert_eq!(m.to_file(2..4), Some(106..108));
        assert_eq!(m.to_file(6..7), Some(110..115));
        assert_eq!(m.to_file(7..11), Some(115..119));
        // A rewritten run cannot be cut in the middle.
        let mut r = OffsetMap::default();
        r.push(0, 4, 0, 9);
        assert!(!r.remove(1..2));
        assert_eq!(r.to_file(0..4), Some(0..9));
    }

    #[test]
    fn composition_follows_both_maps() {
        // middle "aé b" came from a 1-byte encoding: 'é' is 2 bytes in text, 1 on disk
        let mut outer = OffsetMap::default();
        outer.push(0, 1, 0, 1);
        outer.push(1, 2, 1, 1);
        outer.push(3, 2, 2, 2);
        let inner = OffsetMap::linear(5, 0);
        let both = inner.then(&outer);
        assert_eq!(both.to_file(0..5), Some(0..4));
        assert_eq!(both.to_file(1..3), Some(1..2));
        assert_eq!(both.to_file(3..5), Some(2..4));
    }
}
