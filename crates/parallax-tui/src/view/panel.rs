//! Boxes drawn over the body that take the keys while open: the note editor, the
//! list of notes and the list of disagreements. Each becomes a [`PanelView`] whose
//! lines are already cut to the box, so the renderer only draws.

use unicode_segmentation::UnicodeSegmentation;

use super::chrome::fit;
use super::{Inputs, Line, Span, wrap};
use crate::app::{Disagreement, Editor, ListedNote, Picker};
use parallax_core::compare::model::DiscrepancyKind;
use parallax_core::theme::Role;

/// A box centred over the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelView {
    pub title: String,
    /// Outer size, borders included.
    pub width: u16,
    pub height: u16,
    /// The rows inside the borders, each exactly the inner width.
    pub lines: Vec<Line>,
}

/// Outer width of a panel on a body `width` columns wide.
fn outer_width(width: u16) -> u16 {
    width.saturating_sub(4).clamp(20, 110).min(width)
}

/// The rows of a list around the selection, with a footer of key hints.
fn list<T>(
    title: String,
    picker: &Picker<T>,
    row: impl Fn(&T, usize) -> Line,
    footer: Line,
    width: u16,
    rows: u16,
) -> PanelView {
    let width = outer_width(width);
    let inner = usize::from(width.saturating_sub(2));
    let room = usize::from(rows.saturating_sub(3)).max(1);
    let shown = picker.rows.len().min(room);
    let top = picker
        .selected
        .saturating_sub(shown / 2)
        .min(picker.rows.len() - shown);
    let mut lines: Vec<Line> = picker.rows[top..top + shown]
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let line = row(r, inner);
            if top + i == picker.selected {
                let line = line
                    .into_iter()
                    .map(|s| Span::new(s.text, Role::PanelSelected))
                    .collect();
                fit(line, inner, Role::PanelSelected)
            } else {
                fit(line, inner, Role::Panel)
            }
        })
        .collect();
    lines.push(fit(footer, inner, Role::Panel));
    PanelView {
        title,
        width,
        height: shown as u16 + 3,
        lines,
    }
}

fn hints(items: &[(&str, &str)]) -> Line {
    let mut line = vec![Span::new(" ", Role::Panel)];
    for (k, what) in items {
        line.push(Span::new(*k, Role::Key));
        line.push(Span::new(format!(" {what}  "), Role::Dim));
    }
    line
}

/// A source's number and file name ("2 harbour.md").
fn source_name(inp: &Inputs, source: usize) -> String {
    let path = &inp.reader.comparison.sources[source].doc.path;
    let file = std::path::Path::new(path)
        .file_name()
        .map_or(path.clone(), |f| f.to_string_lossy().into_owned());
    format!("{} {}", source + 1, wrap::drawable(&file))
}

/// `M`: every note with its source, quoted words and first line.
pub(crate) fn notes(inp: &Inputs, picker: &Picker<ListedNote>, width: u16, rows: u16) -> PanelView {
    let row = |n: &ListedNote, inner: usize| {
        let quote = wrap::truncate(&n.note.quote, (inner / 3).max(8));
        let first = n.note.text.lines().next().unwrap_or("");
        let mut line = vec![
            Span::new(" ✎ ", Role::NoteMark),
            Span::new(format!("{}  ", source_name(inp, n.source)), Role::Key),
        ];
        if n.note.is_detached() {
            line.push(Span::new("(detached) ", Role::Warning));
        }
        line.push(Span::new(format!("“{quote}”  "), Role::Dim));
        line.push(Span::new(wrap::drawable(first), Role::Panel));
        line
    };
    let footer = hints(&[
        ("j/k", "move"),
        ("Enter", "go to its passage"),
        ("Esc", "close"),
    ]);
    let title = format!(" notes ({}) ", picker.rows.len());
    list(title, picker, row, footer, width, rows)
}

/// `x`: every disagreement, with the values each source gives.
pub(crate) fn disagreements(picker: &Picker<Disagreement>, width: u16, rows: u16) -> PanelView {
    let row = |d: &Disagreement, _: usize| {
        let kind = match d.kind {
            DiscrepancyKind::Number => "number",
            DiscrepancyKind::Quote => "quote ",
        };
        let values = d
            .values
            .iter()
            .map(|(s, v)| format!("{}: {}", s + 1, wrap::drawable(v)))
            .collect::<Vec<_>>()
            .join(" · ");
        vec![
            Span::new(
                format!(" ≠ {:>4}  ", format!("#{}", d.group + 1)),
                Role::Key,
            ),
            Span::new(format!("{kind}  "), Role::Dim),
            Span::new(values, Role::Panel),
        ]
    };
    let footer = hints(&[("j/k", "move"), ("Enter", "read it"), ("Esc", "close")]);
    let title = format!(
        " disagreements ({}) — #group, kind, values by source ",
        picker.rows.len()
    );
    list(title, picker, row, footer, width, rows)
}

/// `m`: the note being written, soft-wrapped, with the caret shown as a reversed cell.
pub(crate) fn editor(inp: &Inputs, ed: &Editor, width: u16, rows: u16) -> PanelView {
    let width = outer_width(width);
    let inner = usize::from(width.saturating_sub(2));
    // One column stays free for the caret at the end of a full row.
    let text_w = inner.saturating_sub(2).max(1);
    let t = &ed.target;
    let quote = inp
        .reader
        .passages
        .get(t.source)
        .and_then(|ps| ps.get(t.passage))
        .map(|p| &inp.reader.comparison.sources[t.source].doc.text[p.range.clone()])
        .unwrap_or("");
    let head = vec![
        Span::new(" on ", Role::Dim),
        Span::new(
            format!("“{}”", wrap::truncate(quote, inner.saturating_sub(6))),
            Role::Dim,
        ),
    ];

    // Visual rows: (start, end, ends its line), caret row found on the way.
    let mut vrows: Vec<(usize, usize, bool)> = Vec::new();
    let mut start = 0;
    for logical in ed.text.split('\n') {
        let mut row_start = start;
        let mut used = 0;
        for (i, g) in logical.grapheme_indices(true) {
            let w = wrap::grapheme_width(g);
            if used + w > text_w && used > 0 {
                vrows.push((row_start, start + i, false));
                row_start = start + i;
                used = 0;
            }
            used += w;
        }
        vrows.push((row_start, start + logical.len(), true));
        start += logical.len() + 1;
    }
    let caret_row = vrows
        .iter()
        .position(|&(a, b, last)| a <= ed.cursor && (ed.cursor < b || (last && ed.cursor == b)))
        .unwrap_or(vrows.len() - 1);
    let text_rows = usize::from(rows.saturating_sub(4)).clamp(1, 12);
    let shown = vrows.len().max(3).min(text_rows);
    let top = caret_row.saturating_sub(shown - 1);

    let mut lines = vec![fit(head, inner, Role::Panel)];
    for i in top..top + shown {
        let Some(&(a, b, _)) = vrows.get(i) else {
            lines.push(fit(Vec::new(), inner, Role::Panel));
            continue;
        };
        let mut line = vec![Span::new(" ", Role::Panel)];
        if i == caret_row {
            let c = ed.cursor;
            let under = ed.text[c..b].graphemes(true).next();
            line.push(Span::new(wrap::drawable(&ed.text[a..c]), Role::Panel));
            line.push(Span::new(
                under.map_or(" ".to_owned(), wrap::drawable),
                Role::PanelSelected,
            ));
            let after = c + under.map_or(0, str::len);
            line.push(Span::new(wrap::drawable(&ed.text[after..b]), Role::Panel));
        } else {
            line.push(Span::new(wrap::drawable(&ed.text[a..b]), Role::Panel));
        }
        lines.push(fit(line, inner, Role::Panel));
    }
    let footer = if ed.confirm_delete {
        vec![
            Span::new(" delete this note?  ", Role::Warning),
            Span::new("y", Role::Key),
            Span::new(" deletes  ", Role::Dim),
            Span::new("any other key", Role::Key),
            Span::new(" keeps it", Role::Dim),
        ]
    } else {
        hints(&[
            ("Ctrl-S/Alt-Enter", "save"),
            ("Enter", "new line"),
            ("Ctrl-U", "clear"),
            ("Esc", "cancel"),
        ])
    };
    lines.push(fit(footer, inner, Role::Panel));
    let what = if t.id.is_some() {
        "edit note"
    } else {
        "new note"
    };
    PanelView {
        title: format!(
            " {what} — {}, passage {} ",
            source_name(inp, t.source),
            t.passage + 1
        ),
        width,
        height: lines.len() as u16 + 2,
        lines,
    }
}
