//! The lines around the body: the header (counts, view, pivot, hidden panes), the
//! status line (the selected group: who carries it, its disagreements, whether it
//! is out of order somewhere) with key hints, and the help overlay.

use super::{HelpView, Inputs, Line, Span, wrap};
use crate::app::{Command, Overlay, ViewKind};
use crate::keymap::Keymap;
use parallax_core::theme::Role;

pub(crate) fn header(inp: &Inputs, (before, after): (usize, usize), width: u16) -> Line {
    let reader = inp.reader;
    let a = &reader.comparison.alignment;
    let (n, groups, shared) = (reader.source_count(), a.groups.len(), a.shared_count());
    let (view, pivot) = (inp.app.view.name(), inp.app.nav.pivot + 1);
    let hidden = match (before, after) {
        (0, 0) => String::new(),
        (0, a) => format!("│ {a} hidden▶ "),
        (b, 0) => format!("│ ◀{b} hidden "),
        (b, a) => format!("│ ◀{b} · {a}▶ hidden "),
    };
    let full = format!(
        " parallax │ {n} sources · {groups} groups · {shared} shared · {} unique │ {view} view │ pivot {pivot} {hidden}",
        groups - shared
    );
    // Narrow screens get the same facts in fewer words.
    let text = if wrap::width(&full) <= usize::from(width) {
        full
    } else {
        format!(
            "parallax │ {n} src · {groups} grp: {shared} shared, {} unique │ {view} │ pivot {pivot} {hidden}",
            groups - shared
        )
    };
    fit(
        vec![Span::new(text, Role::Header)],
        usize::from(width),
        Role::Header,
    )
}

/// Cuts a line to `width` columns, or pads it with `fill` so a bar spans the screen.
pub(crate) fn fit(line: Line, width: usize, fill: Role) -> Line {
    let mut out = Vec::new();
    let mut used = 0;
    for s in line {
        let w = wrap::width(&s.text);
        if used + w > width {
            let rest = wrap::truncate(&s.text, width - used);
            used += wrap::width(&rest);
            out.push(Span { text: rest, ..s });
            break;
        }
        used += w;
        out.push(s);
    }
    if used < width {
        out.push(Span::new(" ".repeat(width - used), fill));
    }
    out
}

/// The left part (group information, a message or the search prompt) and the key
/// hints that fit after it.
pub(crate) fn status(inp: &Inputs, width: u16) -> (Line, Line) {
    let app = inp.app;
    let width = usize::from(width);
    if let Some(Overlay::Search { draft, .. }) = &app.overlay {
        let found = app.search.in_source(app.nav.focus).len();
        let total = app.search.total();
        let left = vec![
            Span::new(" /", Role::Key),
            Span::new(format!("{}▏", wrap::drawable(draft)), Role::Status),
        ];
        let right = vec![Span::new(
            format!("{found} here, {total} in all · Enter jump · Esc cancel "),
            Role::Dim,
        )];
        return (left, right);
    }
    let left = match &app.message {
        Some(m) => vec![Span::new(
            format!(" {}", wrap::drawable(&m.text)),
            if m.warning {
                Role::Warning
            } else {
                Role::Status
            },
        )],
        None => group_info(inp),
    };
    let used: usize = left.iter().map(|s| wrap::width(&s.text)).sum();
    // The editor's own keys are in its box; the reader's would mislead here.
    if matches!(app.overlay, Some(Overlay::Note(_))) {
        return (fit(left, width.saturating_sub(1), Role::Status), Vec::new());
    }
    if used >= width {
        return (fit(left, width.saturating_sub(1), Role::Status), Vec::new());
    }
    (left, hints(inp.keymap, width.saturating_sub(used + 2)))
}

fn group_info(inp: &Inputs) -> Line {
    let reader = inp.reader;
    let app = inp.app;
    let g = app.group(reader);
    let sources = reader.sources_of(g);
    let n = reader.source_count();
    let focus = app.nav.focus;
    let position = match app.view {
        ViewKind::Reading => format!(
            " passage {}/{}",
            app.nav.cursor[focus] + 1,
            reader.passages[focus].len()
        ),
        _ => format!(" row {}/{}", app.nav.row + 1, reader.group_count()),
    };
    let list = sources
        .iter()
        .map(|s| (s + 1).to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let mut line = vec![Span::new(position, Role::Status)];
    if sources.len() == 1 {
        line.push(Span::new(format!(" · only in {list}"), Role::Status));
    } else {
        line.push(Span::new(
            format!(" · in {}/{n} ({list})", sources.len()),
            Role::Status,
        ));
        let diff = reader.diff(g, app.nav.pivot);
        if let Some(d) = diff.discrepancies.first() {
            let values = d
                .values
                .iter()
                .map(|v| format!("{}: {}", v.source + 1, wrap::drawable(&v.text)))
                .collect::<Vec<_>>()
                .join(" / ");
            let more = if diff.discrepancies.len() > 1 {
                format!(" (+{} more)", diff.discrepancies.len() - 1)
            } else {
                String::new()
            };
            line.push(Span::new(" · ", Role::Status));
            line.push(Span::new(format!("≠ {values}{more}"), Role::Disagreement));
        }
    }
    let moved = &reader.order(focus).moved[g];
    if !moved.is_empty() {
        let list = moved
            .iter()
            .map(|s| (s + 1).to_string())
            .collect::<Vec<_>>()
            .join(" ");
        line.push(Span::new(
            format!(" · out of order in {list}"),
            Role::Status,
        ));
    }
    line
}

/// Short key hints, as many as fit in `room` columns.
fn hints(keymap: &Keymap, room: usize) -> Line {
    let first = |a: Command| {
        keymap
            .keys_of(a)
            .first()
            .map(ToString::to_string)
            .unwrap_or_default()
    };
    let items = [
        (
            format!(
                "{}/{}",
                first(Command::NextPassage),
                first(Command::PrevPassage)
            ),
            "move",
        ),
        (
            format!(
                "{}/{}",
                first(Command::NextShared),
                first(Command::PrevShared)
            ),
            "shared",
        ),
        (
            format!(
                "{}/{}",
                first(Command::NextUnique),
                first(Command::PrevUnique)
            ),
            "unique",
        ),
        (first(Command::NextDisagreement), "disagreement"),
        (first(Command::CycleView), "view"),
        (first(Command::Search), "search"),
        (first(Command::Note), "note"),
        (first(Command::NoteList), "notes"),
        (first(Command::Disagreements), "disagreement list"),
        (first(Command::Help), "help"),
        (first(Command::Quit), "quit"),
    ];
    // The last two (help and quit) are always kept.
    let keep_from = items.len() - 2;
    let mut line = Vec::new();
    let mut used = 0;
    // Help and quit matter most: keep them even when little fits.
    let essential: usize = items[keep_from..]
        .iter()
        .map(|(k, d)| wrap::width(k) + d.len() + 3)
        .sum();
    for (i, (k, d)) in items.iter().enumerate() {
        // "/" alone is a pair of unbound actions, except for search itself.
        if k.is_empty() || (k == "/" && *d != "search") {
            continue;
        }
        let w = wrap::width(k) + d.len() + 3;
        let reserve = if i < keep_from { essential } else { 0 };
        if used + w + reserve > room {
            if i < keep_from {
                continue;
            }
            break;
        }
        line.push(Span::new(k.clone(), Role::Key));
        line.push(Span::new(format!(" {d}  "), Role::Dim));
        used += w;
    }
    line
}

/// The help overlay: every action with its keys, then what the marks mean.
pub(crate) fn help(keymap: &Keymap, scroll: usize) -> HelpView {
    let mut lines: Vec<Line> = Vec::new();
    for a in Command::ALL {
        // The nine pane jumps make one line.
        if a.pane().is_some_and(|p| p > 0) {
            continue;
        }
        if a == Command::FocusPane1 {
            let keys: Vec<String> = Command::ALL
                .iter()
                .filter(|a| a.pane().is_some())
                .map(|&a| keymap.label(a))
                .collect();
            let keys = if keys.concat() == "123456789" {
                "1-9".to_owned()
            } else {
                keys.join(" ")
            };
            lines.push(vec![
                Span::new(format!("{keys:>16}  "), Role::Key),
                Span::new("focus pane 1-9", Role::Overlay),
            ]);
            continue;
        }
        let keys = keymap.label(a);
        let keys = if keys.is_empty() {
            "(unbound)".to_owned()
        } else {
            keys
        };
        lines.push(vec![
            Span::new(format!("{keys:>16}  "), Role::Key),
            Span::new(a.describe(), Role::Overlay),
        ]);
    }
    lines.push(vec![
        Span::new(format!("{:>16}  ", "mouse"), Role::Key),
        Span::new("click selects, wheel scrolls", Role::Overlay),
    ]);
    lines.push(Vec::new());
    let legend: [(&str, Role, &str); 8] = [
        (
            "changed",
            Role::ChangedWord,
            "words that differ from the pivot",
        ),
        ("only here", Role::OnlyHere, "words no other source has"),
        (
            "12 / eleven",
            Role::Disagreement,
            "numbers or quotes that disagree (≠ in the gutter)",
        ),
        (
            "unique",
            Role::UniquePassage,
            "a passage only this source has (┃ in the gutter)",
        ),
        (
            "selected",
            Role::Cursor,
            "the selected passage (▌ in the gutter)",
        ),
        ("linked", Role::Linked, "its counterpart in the other panes"),
        ("match", Role::Match, "a search match"),
        (
            "✎",
            Role::NoteMark,
            "a passage with a note (m edits it, M lists notes)",
        ),
    ];
    for (sample, role, what) in legend {
        let pad = 16usize.saturating_sub(wrap::width(sample));
        let span = if matches!(role, Role::UniquePassage | Role::Cursor | Role::Linked) {
            Span::new(sample, Role::Text).on(Some(role))
        } else {
            Span::new(sample, role)
        };
        lines.push(vec![
            Span::new(" ".repeat(pad), Role::Overlay),
            span,
            Span::new(format!("  {what}"), Role::Overlay),
        ]);
    }
    lines.push(Vec::new());
    lines.push(vec![Span::new(
        "Keys, theme and view can be set in config.toml; see the README (Config file).",
        Role::Dim,
    )]);
    HelpView {
        title: " help — Esc closes, j/k scroll ".to_owned(),
        lines,
        scroll,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn hints_name_the_review_keys_when_there_is_room() {
        let wide = text(&hints(&Keymap::default(), 200));
        for hint in [
            "m note",
            "M notes",
            "x disagreement list",
            "? help",
            "q quit",
        ] {
            assert!(wide.contains(hint), "{hint:?} missing from {wide:?}");
        }
    }

    #[test]
    fn narrow_hints_keep_help_and_quit() {
        let narrow = text(&hints(&Keymap::default(), 30));
        assert!(
            narrow.contains("? help") && narrow.contains("q quit"),
            "{narrow:?}"
        );
        assert!(!narrow.contains("x disagreement list"), "{narrow:?}");
        assert!(wrap::width(&narrow) <= 30);
    }
}
