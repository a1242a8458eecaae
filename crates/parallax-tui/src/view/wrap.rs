//! Soft wrapping at word boundaries by display width: graphemes are never split, so
//! combining marks stay on their base letter and a wide (CJK, emoji) character moves
//! whole to the next line instead of breaking a column.
//!
//! Widths are measured on the text as it will be drawn, after
//! [`sanitize::visible`] has replaced control characters.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use parallax_core::sanitize;

/// Columns a grapheme takes on screen once made visible (a newline shows as a space).
pub(crate) fn grapheme_width(g: &str) -> usize {
    if g == "\n" || g == "\r\n" {
        return 1;
    }
    match sanitize::visible(g) {
        std::borrow::Cow::Borrowed(s) => s.width(),
        std::borrow::Cow::Owned(s) => s.width(),
    }
}

/// Columns `s` takes on screen once made visible.
pub fn width(s: &str) -> usize {
    // Printable ASCII (the bulk of most articles) is one column a byte.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// `s` made safe to draw on one line: control characters visible, newlines as spaces.
pub(crate) fn drawable(s: &str) -> String {
    sanitize::visible(s).replace('\n', " ")
}

/// `s` cut to at most `max` columns, with an ellipsis when something was cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    let s = drawable(s);
    if width(&s) <= max {
        return s;
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Breaks `text` into lines of at most `width` columns, at whitespace where possible.
/// Returns byte ranges of `text`; whitespace at a break belongs to no line. A word
/// wider than a line is cut at grapheme boundaries; a lone grapheme wider than the
/// line gets a line of its own.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    // The line being built: its start, its end so far and its width so far.
    let mut line: Option<(usize, usize, usize)> = None;
    for (start, word) in words(text) {
        let word_width = self::width(word);
        if let Some((ls, le, lw)) = line {
            let gap = width_between(text, le, start);
            if lw + gap + word_width <= width {
                line = Some((ls, start + word.len(), lw + gap + word_width));
                continue;
            }
            lines.push(ls..le);
        }
        if word_width <= width {
            line = Some((start, start + word.len(), word_width));
            continue;
        }
        // Too long for any line: cut it.
        let mut piece_start = start;
        let mut used = 0;
        for (i, g) in word.grapheme_indices(true) {
            let w = grapheme_width(g);
            if used + w > width && used > 0 {
                lines.push(piece_start..start + i);
                piece_start = start + i;
                used = 0;
            }
            used += w;
        }
        line = Some((piece_start, start + word.len(), used));
    }
    if let Some((ls, le, _)) = line {
        lines.push(ls..le);
    }
    lines
}

/// Runs of non-whitespace, with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn width_between(text: &str, a: usize, b: usize) -> usize {
    let gap = &text[a..b];
    if gap == " " {
        1
    } else {
        gap.graphemes(true).map(grapheme_width).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: usize) -> Vec<&str> {
        wrap(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_at_spaces_and_never_exceeds_the_width() {
        let t = "The ferry left port at dawn and struck the bank in fog.";
        let l = lines(t, 16);
        assert_eq!(
            l,
            vec![
                "The ferry left",
                "port at dawn and",
                "struck the bank",
                "in fog."
            ]
        );
        assert!(l.iter().all(|s| width(s) <= 16));
    }

    #[test]
    fn long_words_are_cut_at_grapheme_boundaries() {
        assert_eq!(
            lines("supercalifragilistic word", 8),
            vec!["supercal", "ifragili", "stic", "word"]
        );
    }

    #[test]
    fn wide_cjk_moves_whole_to_the_next_line() {
        // Each ideograph is two columns: five fit in ten, the sixth must not straddle.
        let t = "渡船在浓雾中搁浅";
        let l = lines(t, 11);
        assert_eq!(l, vec!["渡船在浓雾", "中搁浅"]);
        assert!(l.iter().all(|s| width(s) <= 11));
    }

    #[test]
    fn emoji_and_combining_marks_keep_their_width() {
        // "é" as e + combining acute is one column; the emoji is two.
        let t = "cafe\u{301} 🚤 ok";
        assert_eq!(width("cafe\u{301}"), 4);
        assert_eq!(width("🚤"), 2);
        assert_eq!(lines(t, 7), vec!["cafe\u{301} 🚤", "ok"]);
        // A combining mark never starts a line on its own.
        let t2 = "e\u{301}e\u{301}e\u{301}e\u{301}";
        for r in wrap(t2, 2) {
            assert!(!t2[r].starts_with('\u{301}'));
        }
    }

    #[test]
    fn a_grapheme_wider_than_the_line_still_gets_a_line() {
        assert_eq!(lines("中文", 1), vec!["中", "文"]);
    }

    #[test]
    fn control_characters_are_measured_as_drawn() {
        // ESC is drawn as ␛ (one column), so it counts as one.
        assert_eq!(width("a\u{1b}b"), 3);
        assert_eq!(drawable("a\u{1b}[2Jb\nc"), "a␛[2Jb c");
    }

    #[test]
    fn truncation_marks_the_cut() {
        assert_eq!(truncate("Harbour Gazette", 8), "Harbour…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate("渡船在浓雾", 5), "渡船…");
    }

    proptest::proptest! {
        #[test]
        fn wrapped_lines_fit_and_lose_no_text(
            words in proptest::collection::vec("[a-zA-Z0-9.,é\u{301}中文字🚤👍\u{1b}]{1,14}", 0..30),
            gaps in proptest::collection::vec("[ \n]{1,2}", 30),
            width in 1usize..40,
        ) {
            let mut text = String::new();
            for (i, w) in words.iter().enumerate() {
                text.push_str(w);
                text.push_str(&gaps[i]);
            }
            let lines = wrap(&text, width);
            let mut last_end = 0;
            for r in &lines {
                proptest::prop_assert!(r.start >= last_end && r.start < r.end);
                last_end = r.end;
                let line = &text[r.clone()];
                // Only a lone grapheme wider than the line may overflow it (a stray
                // combining mark, of no width, may ride along).
                let visible = line.graphemes(true).filter(|g| grapheme_width(g) > 0).count();
                proptest::prop_assert!(self::width(line) <= width || visible == 1, "{line:?} at {width}");
            }
            let kept: String = lines.iter().map(|r| &text[r.clone()]).collect::<String>().split_whitespace().collect();
            let all: String = text.split_whitespace().collect();
            proptest::prop_assert_eq!(kept, all);
        }
    }
}
