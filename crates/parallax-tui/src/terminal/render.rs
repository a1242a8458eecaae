//! Drawing the view model: one function per screen region. Nothing here decides what
//! to show, only where and in which style.
//!
//! ```text
//! ┌ header ─────────────────────────────────────────────────────────────┐  row 0
//! │ 1 Title — a.txt ◆pivot   │ 2 Title — b.md        │ 3 …              │  titles
//! │▌ text of source 1 …      │▌ its counterpart …    │  ┄ not in this … │  body
//! │  …                       │  …                    │  …               │
//! └ status: group info ·  ≠ disagreement             key hints ─────────┘  last row
//! ```
//! A panel (the note editor, the notes or disagreements list) and the help overlay
//! are drawn last, over the body.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line as TLine, Span as TSpan};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::paint;
use crate::view::{
    Body, CoverageView, HelpView, Line, PanelView, PanesView, Screen, ViewModel, wrap,
};
use parallax_core::theme::{Role, Theme};

/// Draws a whole frame.
pub(crate) fn draw(frame: &mut Frame, vm: &ViewModel, theme: &Theme) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    buf.set_style(area, paint::role(theme, Role::Text));
    match &vm.screen {
        Screen::TooSmall(lines) => too_small(buf, area, lines, theme),
        Screen::Full {
            header: h,
            body,
            status: s,
            hints,
            help: overlay,
            panel: over,
        } => {
            let [header_area, body_area, status_area] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
                Constraint::Length(1),
            ])
            .areas(area);
            header(buf, header_area, h, theme);
            match body {
                Body::Panes(p) => panes(buf, body_area, p, theme),
                Body::Coverage(c) => coverage(buf, body_area, c, theme),
            }
            status(buf, status_area, s, hints, theme);
            if let Some(pv) = over {
                panel(frame, body_area, pv, theme);
            }
            if let Some(hv) = overlay {
                help(frame, body_area, hv, theme);
            }
        }
    }
}

fn tline<'a>(line: &'a Line, theme: &Theme) -> TLine<'a> {
    TLine::from(
        line.iter()
            .map(|s| TSpan::styled(s.text.as_str(), paint::span(theme, s)))
            .collect::<Vec<_>>(),
    )
}

/// Row 0: counts, view, pivot, hidden panes.
fn header(buf: &mut Buffer, area: Rect, line: &Line, theme: &Theme) {
    buf.set_style(area, paint::role(theme, Role::Header));
    buf.set_line(area.x, area.y, &tline(line, theme), area.width);
}

/// The reading and aligned views: a title row and the lines of each pane, with a
/// separator column between panes.
fn panes(buf: &mut Buffer, area: Rect, view: &PanesView, theme: &Theme) {
    let sep = paint::role(theme, Role::Dim);
    // The view model sized the panes to fill the width with one column between them.
    let constraints = view.panes.iter().enumerate().flat_map(|(i, pane)| {
        let gap = (i > 0).then_some(Constraint::Length(1));
        gap.into_iter().chain([Constraint::Length(pane.width)])
    });
    let cells = Layout::horizontal(constraints).split(area);
    for (i, pane) in view.panes.iter().enumerate() {
        let [title, text] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(cells[2 * i]);
        let title_role = if pane.focused {
            Role::TitleFocused
        } else {
            Role::Title
        };
        buf.set_style(title, paint::role(theme, title_role));
        buf.set_line(title.x, title.y, &tline(&pane.title, theme), title.width);
        lines(buf, text, &pane.lines, theme);
        if let Some(separator) = cells.get(2 * i + 1) {
            for y in separator.top()..separator.bottom() {
                buf.set_string(separator.x, y, "│", sep);
            }
        }
    }
}

/// `lines` from the top of `area`, one per row, cut to its width and height.
fn lines(buf: &mut Buffer, area: Rect, lines: &[Line], theme: &Theme) {
    for (row, line) in area.rows().zip(lines) {
        buf.set_line(row.x, row.y, &tline(line, theme), row.width);
    }
}

/// The coverage matrix: a head row, then one row per group.
fn coverage(buf: &mut Buffer, area: Rect, view: &CoverageView, theme: &Theme) {
    let [head, rows] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    buf.set_line(head.x, head.y, &tline(&view.head, theme), head.width);
    lines(buf, rows, &view.lines, theme);
}

/// The last row: group information or a message on the left, key hints on the right.
fn status(buf: &mut Buffer, area: Rect, left: &Line, hints: &Line, theme: &Theme) {
    buf.set_style(area, paint::role(theme, Role::Status));
    let (x, _) = buf.set_line(area.x, area.y, &tline(left, theme), area.width);
    let hints_w: u16 = hints.iter().map(|s| wrap::width(&s.text) as u16).sum();
    let start = area.right().saturating_sub(hints_w).max(x + 1);
    if start < area.right() {
        buf.set_line(start, area.y, &tline(hints, theme), area.right() - start);
    }
}

/// The help overlay, centred over the body.
fn help(frame: &mut Frame, body: Rect, view: &HelpView, theme: &Theme) {
    let widest = view
        .lines
        .iter()
        .map(|l| l.iter().map(|s| wrap::width(&s.text)).sum::<usize>())
        .max()
        .unwrap_or(0);
    let width = (widest as u16 + 4)
        .min(body.width.saturating_sub(2))
        .max(10);
    let height = (view.lines.len() as u16 + 2).min(body.height);
    let area = centred(body, width, height);
    let style = paint::role(theme, Role::Overlay);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(view.title.as_str())
        .style(style)
        .border_style(paint::role(theme, Role::Key));
    let inner_rows = usize::from(height.saturating_sub(2));
    let scroll = view.scroll.min(view.lines.len().saturating_sub(inner_rows));
    let lines: Vec<TLine> = view
        .lines
        .iter()
        .skip(scroll)
        .map(|l| tline(l, theme))
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block).style(style), area);
}

/// The note editor or a list, centred over the body; its lines already fit inside.
fn panel(frame: &mut Frame, body: Rect, view: &PanelView, theme: &Theme) {
    let area = centred(body, view.width, view.height);
    let style = paint::role(theme, Role::Panel);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(view.title.as_str())
        .style(style)
        .border_style(paint::role(theme, Role::Key));
    let lines: Vec<TLine> = view.lines.iter().map(|l| tline(l, theme)).collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block).style(style), area);
}

/// Below the minimum size: a centred notice instead of the reader.
fn too_small(buf: &mut Buffer, area: Rect, lines: &[String], theme: &Theme) {
    let style: Style = paint::role(theme, Role::Warning);
    let block = centred(area, area.width, lines.len() as u16);
    for (row, l) in block.rows().zip(lines) {
        let at = centred(row, wrap::width(l) as u16, 1);
        buf.set_stringn(at.x, at.y, l, usize::from(row.width), style);
    }
}

/// The `width`×`height` box in the middle of `area` (cut to fit), an odd cell left
/// over going to the right and below. (ratatui's `Flex::Center` sends it the other
/// way; the screens keep this rounding.)
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    let [_, column, _] = Layout::horizontal([
        Constraint::Length((area.width - width) / 2),
        Constraint::Length(width),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, cell, _] = Layout::vertical([
        Constraint::Length((area.height - height) / 2),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(column);
    cell
}
