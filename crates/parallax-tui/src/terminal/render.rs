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
use ratatui::layout::Rect;
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
            let header_area = Rect { height: 1, ..area };
            let body_area = Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(2),
                ..area
            };
            let status_area = Rect {
                y: area.bottom().saturating_sub(1),
                height: 1,
                ..area
            };
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
    for pane in &view.panes {
        let x = area.x + pane.x;
        let title_role = if pane.focused {
            Role::TitleFocused
        } else {
            Role::Title
        };
        buf.set_style(
            Rect {
                x,
                y: area.y,
                width: pane.width,
                height: 1,
            },
            paint::role(theme, title_role),
        );
        buf.set_line(x, area.y, &tline(&pane.title, theme), pane.width);
        for (i, line) in pane
            .lines
            .iter()
            .enumerate()
            .take(usize::from(area.height.saturating_sub(1)))
        {
            buf.set_line(x, area.y + 1 + i as u16, &tline(line, theme), pane.width);
        }
        let right = x + pane.width;
        if right < area.right() {
            for y in area.y..area.bottom() {
                buf.set_string(right, y, "│", sep);
            }
        }
    }
}

/// The coverage matrix: a head row, then one row per group.
fn coverage(buf: &mut Buffer, area: Rect, view: &CoverageView, theme: &Theme) {
    buf.set_line(area.x, area.y, &tline(&view.head, theme), area.width);
    for (i, line) in view
        .lines
        .iter()
        .enumerate()
        .take(usize::from(area.height.saturating_sub(1)))
    {
        buf.set_line(
            area.x,
            area.y + 1 + i as u16,
            &tline(line, theme),
            area.width,
        );
    }
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
    let area = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    };
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
    let width = view.width.min(body.width);
    let height = view.height.min(body.height);
    let area = Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    };
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
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let w = wrap::width(l) as u16;
        let x = area.x + area.width.saturating_sub(w) / 2;
        buf.set_stringn(x, y, l, usize::from(area.width), style);
    }
}
