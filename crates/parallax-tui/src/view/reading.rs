//! The reading view: each source in its own order, side by side. The focused pane
//! scrolls to keep the cursor in view; every other pane is scrolled so that its
//! member of the selected group starts on the same screen row as the cursor (scroll
//! sync), or, when it lacks the group, shows "not in this source" at that row with
//! its text around the place the passage would be.

use std::ops::Range;

use super::styled::{Selection, Styler};
use super::{Inputs, Line, PaneView, PanesView, Settle, Span, Target, pane_window};
use crate::app::Dir;
use parallax_core::theme::Role;

/// Lines kept between the cursor and the pane's top or bottom edge.
fn margin(rows: usize) -> usize {
    (rows / 6).min(3)
}

/// The focused pane's first line: `top` moved as little as needed to show the
/// passage on `lines` (with a margin), when following the cursor.
pub(crate) fn follow(
    top: usize,
    lines: (usize, usize),
    rows: usize,
    total: usize,
    follow: bool,
) -> usize {
    let rows = rows.max(1);
    let m = margin(rows);
    let (a, b) = lines;
    let mut top = top;
    if follow {
        if a < top + m {
            top = a.saturating_sub(m);
        } else if b + m >= top + rows {
            // Bring the end into view, but never scroll the start off the top.
            top = (b + m + 1).saturating_sub(rows).min(a.saturating_sub(m));
        }
    }
    // No blank screen below the end of the text.
    top.min(total.saturating_sub(rows))
}

/// Title line of a pane: number, title, file name, pivot and focus marks.
pub(crate) fn title(
    inp: &Inputs,
    source: usize,
    width: u16,
    focused: bool,
    note: Option<&str>,
) -> Line {
    let doc = &inp.reader.comparison.sources[source].doc;
    let role = if focused {
        Role::TitleFocused
    } else {
        Role::Title
    };
    let pivot = if inp.app.nav.pivot == source {
        " ◆pivot"
    } else {
        ""
    };
    let file = std::path::Path::new(&doc.path)
        .file_name()
        .map_or(doc.path.clone(), |f| f.to_string_lossy().into_owned());
    let label = doc.label();
    let note = note.map_or(String::new(), |n| format!(" · {n}"));
    let fixed = format!(" {} ", source + 1);
    let room = usize::from(width).saturating_sub(
        super::wrap::width(&fixed) + pivot.chars().count() + note.chars().count() + 1,
    );
    // Keep the file name whole when there is room for a little of the title too:
    // it is what tells two similar headlines apart.
    let file_w = super::wrap::width(&file);
    let name = if label == file {
        super::wrap::truncate(&file, room)
    } else if file_w + 3 + 8 <= room {
        format!(
            "{} — {}",
            super::wrap::truncate(&label, room - file_w - 3),
            super::wrap::drawable(&file)
        )
    } else {
        super::wrap::truncate(&format!("{label} — {file}"), room)
    };
    let mut line = vec![Span::new(fixed, role), Span::new(name, role)];
    if !pivot.is_empty() {
        line.push(Span::new(pivot, role));
    }
    if !note.is_empty() {
        line.push(Span::new(note, Role::Absent));
    }
    line
}

pub(crate) fn build(inp: &Inputs, width: u16, rows: u16) -> (PanesView, Settle) {
    let reader = inp.reader;
    let app = inp.app;
    let n = reader.source_count();
    let focus = app.nav.focus;
    let (first, geometry) = pane_window(n, focus, width);
    let content_rows = usize::from(rows.saturating_sub(1));
    let text_width = |w: u16| usize::from(w.saturating_sub(super::GUTTER)).max(1);

    // The focused pane decides the anchor row.
    let focus_w = geometry[focus - first].1;
    let flay = inp.layouts.get(reader, focus, text_width(focus_w));
    let cursor = app.nav.cursor[focus].min(reader.passages[focus].len().saturating_sub(1));
    let cursor_lines = flay.passage_lines.get(cursor).copied().unwrap_or((0, 0));
    let top = follow(
        app.scroll.top,
        cursor_lines,
        content_rows,
        flay.lines.len(),
        app.scroll.follow,
    );
    let anchor = cursor_lines.0 as isize - top as isize;
    let group = reader.passages[focus].get(cursor).map_or(0, |p| p.group);

    let mut settle = Settle {
        top,
        ..Settle::default()
    };
    let mut panes = Vec::new();
    for (i, &(x, w)) in geometry.iter().enumerate() {
        let s = first + i;
        let lay = inp.layouts.get(reader, s, text_width(w));
        let focused = s == focus;
        // Where this pane starts, and a row to show "not in this source" on.
        let (pane_top, notice_row) = if focused {
            (top as isize, None)
        } else if let Some(p) = reader.passage_in(group, s) {
            (lay.passage_lines[p].0 as isize - anchor, None)
        } else {
            (
                context_line(inp, s, &lay.passage_lines) as isize - anchor,
                Some(anchor),
            )
        };
        settle.tops.push((s, pane_top));
        let selection = Selection {
            group,
            passage: focused.then_some(cursor),
            back: if focused { Role::Cursor } else { Role::Linked },
        };
        let styler = Styler {
            reader,
            source: s,
            pivot: app.nav.pivot,
            selection: Some(selection),
            matches: app.search.in_source(s),
            notes: inp.notes.marks(s),
        };
        let mut lines = Vec::with_capacity(content_rows);
        let mut targets = Vec::with_capacity(content_rows);
        let mut skipped = 0;
        for row in 0..content_rows as isize {
            if notice_row == Some(row) {
                lines.push(vec![
                    Span::new("  ", Role::Text),
                    Span::new(notice(w), Role::Absent),
                ]);
                targets.push(None);
                skipped = 1;
                continue;
            }
            let li = pane_top + row - skipped;
            match usize::try_from(li)
                .ok()
                .and_then(|li| lay.lines.get(li).map(|r| (li, r.clone())))
            {
                Some((_, r)) if r.is_empty() => {
                    lines.push(Vec::new());
                    targets.push(None);
                }
                Some((_, r)) => {
                    targets.push(passage_at(inp, s, &r).map(Target::Passage));
                    lines.push(styler.line(r));
                }
                None => {
                    lines.push(Vec::new());
                    targets.push(None);
                }
            }
        }
        let note = notice_row.map(|_| "not in this source");
        panes.push(PaneView {
            source: s,
            x,
            width: w,
            title: title(inp, s, w, focused, note),
            focused,
            lines,
            targets,
        });
    }
    let view = PanesView {
        panes,
        hidden_before: first,
        hidden_after: n - first - geometry.len(),
    };
    (view, settle)
}

fn notice(width: u16) -> String {
    let text = "┄ not in this source ┄";
    super::wrap::truncate(text, usize::from(width.saturating_sub(super::GUTTER)))
}

/// The passage a screen line starts in (for clicks).
fn passage_at(inp: &Inputs, source: usize, r: &Range<usize>) -> Option<usize> {
    let ps = &inp.reader.passages[source];
    let i = ps.partition_point(|p| p.range.end <= r.start);
    (i < ps.len() && ps[i].range.start < r.end).then_some(i)
}

/// Where the selected group would sit in a source that lacks it: the line after that
/// source's member of the nearest earlier group (in the focused source) it shares.
fn context_line(inp: &Inputs, source: usize, passage_lines: &[(usize, usize)]) -> usize {
    let reader = inp.reader;
    let focus = inp.app.nav.focus;
    let cursor = inp.app.nav.cursor[focus];
    reader.passages[focus][..cursor.min(reader.passages[focus].len())]
        .iter()
        .rev()
        .find_map(|p| reader.last_passage_in(p.group, source))
        .map_or(0, |p| passage_lines[p].1 + 1)
}

/// Resolves a page motion in the reading view: the passage to select and the new
/// first line, moving the view and the cursor by the same number of lines (like a
/// pager). `None` when the motion cannot move.
pub(crate) fn page_target(
    inp: &Inputs,
    width: u16,
    rows: u16,
    dir: Dir,
    whole: bool,
) -> Option<(usize, usize)> {
    let reader = inp.reader;
    let focus = inp.app.nav.focus;
    let (first, geometry) = pane_window(reader.source_count(), focus, width);
    let w = usize::from(geometry[focus - first].1.saturating_sub(super::GUTTER)).max(1);
    let lay = inp.layouts.get(reader, focus, w);
    let content = usize::from(rows.saturating_sub(3)).max(1);
    let step = if whole {
        content.saturating_sub(2).max(1)
    } else {
        (content / 2).max(1)
    };
    let cursor = inp.app.nav.cursor[focus];
    let at = lay.passage_lines.get(cursor)?.0;
    let last = reader.passages[focus].len().checked_sub(1)?;
    let (target_line, top) = match dir {
        Dir::Forward => (at + step, inp.app.scroll.top + step),
        Dir::Back => (
            at.saturating_sub(step),
            inp.app.scroll.top.saturating_sub(step),
        ),
    };
    let p = lay.passage_lines.partition_point(|&(a, _)| a < target_line);
    let p = match dir {
        Dir::Forward => p.min(last).max(cursor.min(last)),
        Dir::Back => {
            // The passage covering the target line, not the one after it.
            let q = if p > 0
                && lay
                    .passage_lines
                    .get(p)
                    .is_none_or(|&(a, _)| a > target_line)
            {
                p - 1
            } else {
                p
            };
            q.min(cursor)
        }
    };
    (p != cursor || top != inp.app.scroll.top).then_some((p, top))
}

#[cfg(test)]
mod tests {
    use super::follow;

    #[test]
    fn following_scrolls_as_little_as_needed_with_a_margin() {
        // 20 rows, margin 3: a passage on lines 10-11 is already in view.
        assert_eq!(follow(0, (10, 11), 20, 100, true), 0);
        // Moving to lines 30-31 brings them up to 3 lines above the bottom edge.
        assert_eq!(follow(0, (30, 31), 20, 100, true), 15);
        // Moving back above the top keeps 3 lines of context over it.
        assert_eq!(follow(15, (12, 12), 20, 100, true), 9);
        // A passage taller than the screen shows its start.
        assert_eq!(follow(0, (40, 80), 20, 100, true), 37);
        // Never a blank screen past the end of the text.
        assert_eq!(follow(0, (98, 99), 20, 100, true), 80);
        // Scrolled by hand, the cursor may leave the screen; only the end clamps.
        assert_eq!(follow(50, (0, 1), 20, 100, false), 50);
        assert_eq!(follow(95, (0, 1), 20, 100, false), 80);
    }
}
