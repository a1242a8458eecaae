//! The aligned view: one row per group, one column per source; each cell holds that
//! source's member of the group, and every row is padded to its tallest cell so the
//! columns stay level. Rows follow the focused source's order, with material it
//! lacks placed beside its neighbours (see `Reader::order`).

use std::ops::Range;

use super::styled::{Selection, Styler};
use super::{Inputs, Line, PaneView, PanesView, Settle, Span, Target, pane_window, wrap};
use parallax_core::theme::Role;

/// Screen lines of `group`'s member in `source`, as ranges of its text (empty when absent).
pub(crate) fn cell(inp: &Inputs, group: usize, source: usize, width: usize) -> Vec<Range<usize>> {
    let reader = inp.reader;
    let doc = &reader.comparison.sources[source].doc;
    let mut out = Vec::new();
    for &(s, p) in &reader.members[group] {
        if s != source {
            continue;
        }
        let whole = reader.passages[s][p].range.clone();
        // A passage can run across a paragraph break: wrap each paragraph's part.
        let first = doc
            .paragraphs
            .partition_point(|para| para.end <= whole.start);
        for para in doc.paragraphs[first..]
            .iter()
            .take_while(|para| para.start < whole.end)
        {
            let r = para.start.max(whole.start)..para.end.min(whole.end);
            out.extend(
                wrap::wrap(&doc.text[r.clone()], width)
                    .into_iter()
                    .map(|l| l.start + r.start..l.end + r.start),
            );
        }
    }
    out
}

/// A row's height on screen: its tallest cell (at least one line) plus the rule below it.
pub(crate) fn row_height(inp: &Inputs, group: usize, columns: &[(usize, usize)]) -> usize {
    columns
        .iter()
        .map(|&(s, w)| cell(inp, group, s, w).len())
        .max()
        .unwrap_or(0)
        .max(1)
        + 1
}

/// The first row on screen: `top` moved as little as needed to show `row` whole.
fn follow(
    inp: &Inputs,
    rows: &[usize],
    columns: &[(usize, usize)],
    top: usize,
    row: usize,
    height: usize,
) -> usize {
    let mut top = top.min(rows.len().saturating_sub(1));
    if !inp.app.scroll.follow {
        return top;
    }
    if row < top {
        return row;
    }
    let heights = |from: usize| {
        (from..=row)
            .map(|r| row_height(inp, rows[r], columns))
            .sum::<usize>()
    };
    if heights(top) > height {
        top = row;
        while top > 0 && heights(top - 1) <= height {
            top -= 1;
        }
    }
    top
}

pub(crate) fn build(inp: &Inputs, width: u16, rows: u16) -> (PanesView, Settle) {
    let reader = inp.reader;
    let app = inp.app;
    let n = reader.source_count();
    let focus = app.nav.focus;
    let (first, geometry) = pane_window(n, focus, width);
    let content_rows = usize::from(rows.saturating_sub(1));
    let columns: Vec<(usize, usize)> = geometry
        .iter()
        .enumerate()
        .map(|(i, &(_, w))| {
            (
                first + i,
                usize::from(w.saturating_sub(super::GUTTER)).max(1),
            )
        })
        .collect();
    let order = reader.order(focus);
    let selected = app.nav.row.min(order.rows.len().saturating_sub(1));
    let top = follow(
        inp,
        &order.rows,
        &columns,
        app.scroll.top,
        selected,
        content_rows,
    );

    let mut cols: Vec<(Vec<Line>, Vec<Option<Target>>)> =
        vec![(Vec::new(), Vec::new()); columns.len()];
    let mut used = 0;
    let mut row = top;
    while used < content_rows && row < order.rows.len() {
        let g = order.rows[row];
        let cells: Vec<Vec<Range<usize>>> =
            columns.iter().map(|&(s, w)| cell(inp, g, s, w)).collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        // A row whose sources are all in hidden panes says where it is.
        let elsewhere = cells.iter().all(Vec::is_empty).then(|| {
            let list: Vec<String> = reader
                .sources_of(g)
                .iter()
                .map(|s| (s + 1).to_string())
                .collect();
            format!("— in {} (hidden; 1-9 focuses a pane)", list.join(", "))
        });
        for (c, ranges) in cells.iter().enumerate() {
            let (s, w) = columns[c];
            let is_selected = row == selected;
            let back = if s == focus {
                Role::Cursor
            } else {
                Role::Linked
            };
            let styler = Styler {
                reader,
                source: s,
                pivot: app.nav.pivot,
                selection: is_selected.then_some(Selection {
                    group: g,
                    passage: None,
                    back,
                }),
                matches: app.search.in_source(s),
                notes: inp.notes.marks(s),
            };
            let (lines, targets) = &mut cols[c];
            for i in 0..height {
                let line = match ranges.get(i) {
                    Some(r) => styler.line(r.clone()),
                    None if i == 0 => vec![
                        Span::new(
                            if is_selected { "▌" } else { " " },
                            if is_selected {
                                Role::Gutter
                            } else {
                                Role::Text
                            },
                        ),
                        Span::new(" ", Role::Text),
                        Span::new(
                            match (&elsewhere, c) {
                                (Some(e), 0) => wrap::truncate(e, w),
                                _ => "—".to_owned(),
                            },
                            Role::Absent,
                        ),
                    ],
                    None => Vec::new(),
                };
                lines.push(line);
                targets.push(Some(Target::Row(row)));
            }
            lines.push(vec![Span::new(
                "─".repeat(w + usize::from(super::GUTTER)),
                Role::Dim,
            )]);
            targets.push(Some(Target::Row(row)));
        }
        used += height + 1;
        row += 1;
    }
    let panes = geometry
        .iter()
        .zip(cols)
        .enumerate()
        .map(|(i, (&(x, w), (mut lines, mut targets)))| {
            lines.truncate(content_rows);
            targets.truncate(content_rows);
            let s = first + i;
            let title = super::reading::title(inp, s, w, s == focus, None);
            PaneView {
                source: s,
                x,
                width: w,
                title,
                focused: s == focus,
                lines,
                targets,
            }
        })
        .collect();
    let view = PanesView {
        panes,
        hidden_before: first,
        hidden_after: n - first - geometry.len(),
    };
    (
        view,
        Settle {
            top,
            tops: Vec::new(),
            body_rows: 0,
        },
    )
}
