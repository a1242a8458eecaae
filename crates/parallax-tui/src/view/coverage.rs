//! The coverage overview: a matrix of groups × sources — ● present, · absent,
//! ≠ present with a disagreement — with a short label per group, in the focused
//! source's order. Enter opens the selected group in the reading view.

use super::{CoverageView, Inputs, Line, Settle, Span, Target, wrap};
use parallax_core::theme::Role;

pub(crate) fn build(inp: &Inputs, width: u16, rows: u16) -> (CoverageView, Settle) {
    let reader = inp.reader;
    let app = inp.app;
    let n = reader.source_count();
    let order = reader.order(app.nav.focus);
    let content_rows = usize::from(rows.saturating_sub(1)).max(1);
    let selected = app.nav.row.min(order.rows.len().saturating_sub(1));
    let mut top = app.scroll.top.min(order.rows.len().saturating_sub(1));
    if app.scroll.follow {
        if selected < top {
            top = selected;
        } else if selected >= top + content_rows {
            top = selected + 1 - content_rows;
        }
    }
    // Columns: gutter, row number, one cell per source, moved mark, label.
    let cell = 3;
    let num_w = order.rows.len().to_string().len();
    let fixed = 2 + num_w + 1 + n * cell + 2;
    let label_w = usize::from(width).saturating_sub(fixed).max(4);

    let mut head: Line = vec![Span::new(format!("  {:>num_w$} ", "#"), Role::Title)];
    for s in 0..n {
        let role = if s == app.nav.focus {
            Role::TitleFocused
        } else {
            Role::Title
        };
        head.push(Span::new(format!("{:^cell$}", s + 1), role));
    }
    head.push(Span::new("  passage", Role::Title));

    let mut lines = Vec::new();
    let mut targets = Vec::new();
    for (row, &g) in order.rows.iter().enumerate().skip(top).take(content_rows) {
        let is_selected = row == selected;
        let back = is_selected.then_some(Role::Cursor);
        let mut line: Line = vec![
            if is_selected {
                Span::new("▌ ", Role::Gutter)
            } else {
                Span::new("  ", Role::Text)
            },
            Span::new(format!("{:>num_w$} ", row + 1), Role::Dim).on(back),
        ];
        let sources = reader.sources_of(g);
        let shared = sources.len() > 1;
        let diff = shared.then(|| reader.diff(g, app.nav.pivot));
        for s in 0..n {
            let disagrees = diff.as_ref().is_some_and(|d| {
                d.discrepancies
                    .iter()
                    .any(|x| x.values.iter().any(|v| v.source == s))
            });
            let (mark, role) = if !sources.contains(&s) {
                ("·", Role::Absent)
            } else if disagrees {
                ("≠", Role::Disagreement)
            } else if shared {
                ("●", Role::SharedWord)
            } else {
                ("●", Role::UniqueMark)
            };
            line.push(Span::new(format!("{mark:^cell$}"), role).on(back));
        }
        let moved = if order.moved[g].is_empty() {
            "  "
        } else {
            "↕ "
        };
        line.push(Span::new(moved, Role::Dim).on(back));
        line.push(
            Span::new(
                wrap::truncate(&label(inp, g), label_w),
                if shared { Role::Text } else { Role::Dim },
            )
            .on(back),
        );
        lines.push(line);
        targets.push(Some(Target::Row(row)));
    }
    (
        CoverageView {
            head,
            lines,
            targets,
        },
        Settle {
            top,
            tops: Vec::new(),
            body_rows: 0,
        },
    )
}

/// A group's label: the start of its member in the focused source, else the first.
pub(crate) fn label(inp: &Inputs, group: usize) -> String {
    let reader = inp.reader;
    let focus = inp.app.nav.focus;
    let (s, p) = reader
        .passage_in(group, focus)
        .map(|p| (focus, p))
        .unwrap_or(reader.members[group][0]);
    let text = &reader.comparison.sources[s].doc.text[reader.passages[s][p].range.clone()];
    let words: Vec<&str> = text.split_whitespace().take(24).collect();
    wrap::drawable(&words.join(" "))
}
