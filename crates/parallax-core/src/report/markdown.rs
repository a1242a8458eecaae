//! The Markdown review: coverage table, shared passages with their differing words
//! marked, each source's unique material, and the disagreements.

use std::fmt::Write;

use super::{GroupKind, GroupReport, Report};
use crate::compare::model::FragmentKind;
use crate::sanitize::one_line;

/// Escapes text so Markdown shows it literally.
fn esc(s: &str) -> String {
    let s = one_line(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Like [`esc`] but keeps edge whitespace (fragments are joined back together).
fn esc_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in crate::sanitize::visible(&s.replace(['\n', '\r', '\t'], " ")).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A member's text with changed words in bold and words only it has in italics.
fn marked(m: &super::MemberReport) -> String {
    let mut out = String::new();
    for f in &m.fragments {
        let t = esc_inline(&f.text);
        let (lead, core, trail) = split_ws(&t);
        match f.kind {
            FragmentKind::Same => out.push_str(&t),
            FragmentKind::Changed if !core.is_empty() => {
                write!(out, "{lead}**{core}**{trail}").unwrap()
            }
            FragmentKind::OnlyHere if !core.is_empty() => {
                write!(out, "{lead}_{core}_{trail}").unwrap()
            }
            _ => out.push_str(&t),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn split_ws(s: &str) -> (&str, &str, &str) {
    let core = s.trim();
    let lead = &s[..s.len() - s.trim_start().len()];
    let trail = &s[s.trim_end().len()..];
    (lead, core, trail)
}

fn name(r: &Report, i: usize) -> String {
    format!("[{}] {}", i + 1, esc(&r.sources[i].title))
}

/// The report as a Markdown review (see the module's description).
pub fn render(r: &Report) -> String {
    let mut o = String::new();
    let shared = r
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Shared)
        .count();
    let disagreements: usize = r.groups.iter().map(|g| g.discrepancies.len()).sum();
    writeln!(o, "# parallax review\n").unwrap();
    writeln!(
        o,
        "{} sources, {} passages: {} shared, {} unique to one source; {} disagreements. Pivot: source {}.\n",
        r.sources.len(),
        r.groups.len(),
        shared,
        r.groups.len() - shared,
        disagreements,
        r.pivot + 1
    )
    .unwrap();
    writeln!(
        o,
        "In shared passages, **bold** words differ from the pivot's wording and _italic_ words are found only in that source.\n"
    )
    .unwrap();

    writeln!(
        o,
        "## Sources\n\n| # | Title | File | Sentences | Unique passages |\n|---|---|---|---|---|"
    )
    .unwrap();
    for s in &r.sources {
        let unique = r
            .groups
            .iter()
            .filter(|g| g.kind == GroupKind::Unique && g.sources == [s.index])
            .count();
        writeln!(
            o,
            "| {} | {} | `{}` | {} | {} |",
            s.index + 1,
            esc(&s.title),
            one_line(&s.path).replace('`', "'"),
            s.sentences,
            unique
        )
        .unwrap();
    }

    writeln!(
        o,
        "\n## Coverage\n\n● carries the passage · lacks it ≠ carries it with a disagreement\n"
    )
    .unwrap();
    write!(o, "| Passage |").unwrap();
    for s in &r.sources {
        write!(o, " {} |", s.index + 1).unwrap();
    }
    write!(o, " Opening words |\n|---|").unwrap();
    for _ in &r.sources {
        write!(o, ":-:|").unwrap();
    }
    writeln!(o, "---|").unwrap();
    for g in r.groups.iter().filter(|g| g.kind == GroupKind::Shared) {
        write!(o, "| [{}](#passage-{}) |", g.id + 1, g.id + 1).unwrap();
        for s in &r.sources {
            let disagrees = g
                .discrepancies
                .iter()
                .any(|d| d.values.iter().any(|v| v.source == s.index));
            let mark = if disagrees {
                "≠"
            } else if g.sources.contains(&s.index) {
                "●"
            } else {
                "·"
            };
            write!(o, " {mark} |").unwrap();
        }
        writeln!(o, " {} |", label(g)).unwrap();
    }

    writeln!(o, "\n## Shared passages\n").unwrap();
    for g in r.groups.iter().filter(|g| g.kind == GroupKind::Shared) {
        let carried: Vec<String> = g.sources.iter().map(|s| (s + 1).to_string()).collect();
        writeln!(
            o,
            "### Passage {}\n\nIn sources {} of {}.\n",
            g.id + 1,
            carried.join(", "),
            r.sources.len()
        )
        .unwrap();
        writeln!(o, "<a id=\"passage-{}\"></a>\n", g.id + 1).unwrap();
        for m in &g.members {
            writeln!(
                o,
                "- **{}** (bytes {}–{}): {}{}",
                name(r, m.source),
                m.start,
                m.end,
                marked(m),
                note_marks(r, g.id, m)
            )
            .unwrap();
        }
        for d in &g.discrepancies {
            writeln!(o, "- ⚠ {}", discrepancy_line(r, d)).unwrap();
        }
        writeln!(o).unwrap();
    }

    writeln!(o, "## Unique material\n").unwrap();
    for s in &r.sources {
        let unique: Vec<&GroupReport> = r
            .groups
            .iter()
            .filter(|g| g.kind == GroupKind::Unique && g.sources == [s.index])
            .collect();
        writeln!(o, "### {}\n", name(r, s.index)).unwrap();
        if unique.is_empty() {
            writeln!(o, "Nothing: every sentence is reported elsewhere too.\n").unwrap();
            continue;
        }
        for g in unique {
            for m in &g.members {
                writeln!(o, "- {}{}", esc(&m.text), note_marks(r, g.id, m)).unwrap();
            }
        }
        writeln!(o).unwrap();
    }

    writeln!(o, "## Disagreements\n").unwrap();
    if disagreements == 0 {
        writeln!(o, "None found.").unwrap();
    }
    for g in &r.groups {
        for d in &g.discrepancies {
            writeln!(
                o,
                "- [Passage {}](#passage-{}): {}",
                g.id + 1,
                g.id + 1,
                discrepancy_line(r, d)
            )
            .unwrap();
        }
    }
    notes(&mut o, r);
    o
}

/// Links to the notes on a member, after its text: " ✎ [note 3](#note-3)".
fn note_marks(r: &Report, group: usize, m: &super::MemberReport) -> String {
    r.notes_on(group, m)
        .map(|n| format!(" ✎ [note {}](#note-{})", n.id, n.id))
        .collect()
}

/// The notes section (only when the review has notes on these sources).
fn notes(o: &mut String, r: &Report) {
    if r.notes.is_empty() {
        return;
    }
    writeln!(o, "\n## Notes\n").unwrap();
    for n in &r.notes {
        let place = match n.group {
            Some(g) => format!("[passage {}](#passage-{})", g + 1, g + 1),
            None => "detached: its words are no longer in the file".to_owned(),
        };
        writeln!(o, "<a id=\"note-{}\"></a>\n", n.id).unwrap();
        writeln!(
            o,
            "### Note {} · {}, bytes {}–{} · {place}\n",
            n.id,
            name(r, n.source),
            n.start,
            n.end
        )
        .unwrap();
        writeln!(o, "> {}\n", esc(&n.quote)).unwrap();
        for l in n.text.trim_end().lines() {
            // Each line of the note escaped; a trailing backslash keeps the line break.
            writeln!(o, "{}\\", esc(l)).unwrap();
        }
        writeln!(o).unwrap();
    }
}

fn discrepancy_line(r: &Report, d: &super::DiscrepancyReport) -> String {
    let what = match d.kind {
        crate::compare::model::DiscrepancyKind::Number => "numbers differ",
        crate::compare::model::DiscrepancyKind::Quote => "quote worded differently",
    };
    let values: Vec<String> = d
        .values
        .iter()
        .map(|v| format!("“{}” ({})", esc(&v.text), name(r, v.source)))
        .collect();
    format!("{what}: {}", values.join(" vs "))
}

/// The first words of a group's first member, as a short label.
pub(crate) fn label(g: &GroupReport) -> String {
    let text = g
        .members
        .first()
        .map(|m| one_line(&m.text))
        .unwrap_or_default();
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    let mut l = words.join(" ");
    if text.split_whitespace().count() > 8 {
        l.push('…');
    }
    esc(&l)
}
