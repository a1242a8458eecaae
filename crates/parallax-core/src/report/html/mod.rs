//! The HTML report: one self-contained page (CSS and a little script inline, a
//! Content-Security-Policy that forbids every request) with the sources side by side,
//! one row per group and one column per source.
//!
//! ```text
//! header: title, counts, legend
//! Coverage      sources × groups matrix; each cell links to its group's row
//! Side by side  | #  | [1] pivot  | [2] …      | [3] …      |
//!               | 1  | text…      | text…      | (empty)    |   ← one row per group
//! Disagreements numbers and quotes that differ, linked to their rows
//! Unique        each source's material no other source has
//! Notes         the editors' notes, linked to their passages (or detached)
//! ```

pub(crate) mod escape;
pub(crate) mod palette;

use std::fmt::Write;

use super::{GroupKind, GroupReport, MemberReport, NoteReport, Report};
use crate::compare::model::DiscrepancyKind;
use crate::compare::model::FragmentKind;
use escape::{line, text};
pub use palette::Palette;

const CSS: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");
/// No request of any kind may leave the page: styles and script are inline.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The report as one self-contained HTML page in `palette`'s colours.
pub fn render(r: &Report, palette: &Palette) -> String {
    let mut o = String::with_capacity(64 * 1024);
    let titles: Vec<String> = r.sources.iter().map(|s| line(&s.title)).collect();
    write!(
        o,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n<meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"parallax {}\">\n<title>parallax review: {}</title>\n<style>\n{}\n{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        titles.join(" · "),
        palette.css()
    )
    .unwrap();
    header(&mut o, r);
    matrix(&mut o, r);
    side_by_side(&mut o, r);
    disagreements(&mut o, r);
    unique(&mut o, r);
    notes(&mut o, r);
    write!(o, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n").unwrap();
    o
}

fn name(r: &Report, i: usize) -> String {
    format!("[{}] {}", i + 1, line(&r.sources[i].title))
}

fn header(o: &mut String, r: &Report) {
    let shared = r
        .groups
        .iter()
        .filter(|g| g.kind == GroupKind::Shared)
        .count();
    let disagreements: usize = r.groups.iter().map(|g| g.discrepancies.len()).sum();
    writeln!(o, "<header>\n<h1>parallax review</h1>").unwrap();
    writeln!(
        o,
        "<p class=\"summary\">{} sources, {} passages: {shared} shared, {} unique to one source; {disagreements} disagreements; {} notes. \
         Words are compared with source {}.</p>",
        r.sources.len(),
        r.groups.len(),
        r.groups.len() - shared,
        r.notes.len(),
        r.pivot + 1
    )
    .unwrap();
    writeln!(
        o,
        "<p class=\"legend\"><mark class=\"changed\">changed words</mark> <mark class=\"only-here\">words only this source has</mark> \
         <span class=\"badge unique\">unique passage</span> <mark class=\"disagree\">disagreeing figure or quote</mark> \
         <a class=\"note-mark\">✎ note</a></p>\n\
         <nav class=\"toc\"><a href=\"#coverage\">Coverage</a><a href=\"#passages\">Side by side</a>\
         <a href=\"#disagreements\">Disagreements</a><a href=\"#unique\">Unique material</a><a href=\"#notes\">Notes</a></nav>\n\
         <p class=\"keys\">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous passage, <kbd>u</kbd> next unique, <kbd>i</kbd> next disagreement.</p>\n</header>"
    )
    .unwrap();
}

/// The coverage matrix: a row per source, a column per group.
fn matrix(o: &mut String, r: &Report) {
    writeln!(o, "<section id=\"coverage\">\n<h2>Coverage</h2>").unwrap();
    writeln!(
        o,
        "<p class=\"muted\">● carries the passage · lacks it ◆ only this source has it ≠ carries it with a disagreement</p>\n\
         <div class=\"matrix-wrap\"><table class=\"matrix\">\n<thead><tr><th scope=\"col\">Source</th>"
    )
    .unwrap();
    for g in &r.groups {
        write!(o, "<th scope=\"col\">{}</th>", g.id + 1).unwrap();
    }
    writeln!(o, "</tr></thead>\n<tbody>").unwrap();
    for s in &r.sources {
        write!(
            o,
            "<tr><th scope=\"row\" title=\"{}\">{}</th>",
            text(&s.path),
            name(r, s.index)
        )
        .unwrap();
        for g in &r.groups {
            let differs = g
                .discrepancies
                .iter()
                .any(|d| d.values.iter().any(|v| v.source == s.index));
            let (class, mark, what) = if !g.sources.contains(&s.index) {
                ("lacks", "·", "lacks")
            } else if g.kind == GroupKind::Unique {
                ("alone", "◆", "only this source has")
            } else if differs {
                ("differs", "≠", "disagrees on")
            } else {
                ("has", "●", "carries")
            };
            write!(o, "<td class=\"{class}\"><a href=\"#g{}\" title=\"[{}] {what} passage {}\">{mark}</a></td>", g.id + 1, s.index + 1, g.id + 1)
                .unwrap();
        }
        writeln!(o, "</tr>").unwrap();
    }
    writeln!(o, "</tbody></table></div>\n</section>").unwrap();
}

/// The sources side by side: one row per group, one cell per source.
fn side_by_side(o: &mut String, r: &Report) {
    writeln!(o, "<section id=\"passages\">\n<h2>Side by side</h2>\n<table class=\"align\" data-sources=\"{}\">", r.sources.len()).unwrap();
    write!(o, "<thead><tr><th class=\"gid\" scope=\"col\">#</th>").unwrap();
    for s in &r.sources {
        let pivot = if s.index == r.pivot { " pivot" } else { "" };
        let date = s
            .date
            .as_deref()
            .map(|d| format!(" · {}", line(d)))
            .unwrap_or_default();
        write!(
            o,
            "<th class=\"src{pivot}\" scope=\"col\">{}<br><small>{}{date}</small></th>",
            name(r, s.index),
            line(&s.path)
        )
        .unwrap();
    }
    writeln!(o, "</tr></thead>\n<tbody>").unwrap();
    for g in &r.groups {
        let disagrees = if g.discrepancies.is_empty() {
            ""
        } else {
            " disagrees"
        };
        write!(o, "<tr class=\"group {}{disagrees}\" id=\"g{}\"><th class=\"gid\" scope=\"row\"><a href=\"#g{}\">{}</a>", g.kind.as_str(), g.id + 1, g.id + 1, g.id + 1)
            .unwrap();
        if !g.discrepancies.is_empty() {
            write!(
                o,
                " <span class=\"badge disagree\" title=\"disagreement\">≠</span>"
            )
            .unwrap();
        }
        write!(o, "</th>").unwrap();
        for s in &r.sources {
            let members: Vec<&MemberReport> =
                g.members.iter().filter(|m| m.source == s.index).collect();
            if members.is_empty() {
                write!(o, "<td class=\"cell empty\" data-source=\"{}\" data-label=\"{}\">not in this source</td>", s.index + 1, name(r, s.index)).unwrap();
                continue;
            }
            let unique = if g.kind == GroupKind::Unique {
                " unique"
            } else {
                ""
            };
            write!(
                o,
                "<td class=\"cell{unique}\" data-source=\"{}\" data-label=\"{}\">",
                s.index + 1,
                name(r, s.index)
            )
            .unwrap();
            for m in members {
                write!(
                    o,
                    "<p class=\"member\" data-start=\"{}\" data-end=\"{}\">{}",
                    m.start,
                    m.end,
                    highlighted(g, m)
                )
                .unwrap();
                for n in r.notes_on(g.id, m) {
                    write!(
                        o,
                        "<a class=\"note-mark\" href=\"#note-{}\" title=\"{}\">✎{}</a>",
                        n.id,
                        line(&n.text),
                        n.id
                    )
                    .unwrap();
                }
                write!(o, "</p>").unwrap();
            }
            write!(o, "</td>").unwrap();
        }
        writeln!(o, "</tr>").unwrap();
    }
    writeln!(o, "</tbody></table>\n</section>").unwrap();
}

/// A member's text: changed and only-here words marked, disagreeing values underlined.
fn highlighted(g: &GroupReport, m: &MemberReport) -> String {
    // Fragment kinds by byte of the member's text (fragments concatenate to it).
    let mut kinds = Vec::with_capacity(m.text.len());
    for f in &m.fragments {
        kinds.extend(std::iter::repeat_n(f.kind, f.text.len()));
    }
    kinds.resize(m.text.len(), FragmentKind::Same);
    let mut disagree = vec![false; m.text.len()];
    for v in g
        .discrepancies
        .iter()
        .flat_map(|d| &d.values)
        .filter(|v| v.source == m.source)
    {
        if let Some(at) = locate(&m.text, &v.text, v.start.saturating_sub(m.start)) {
            disagree[at..at + v.text.len()]
                .iter_mut()
                .for_each(|d| *d = true);
        }
    }
    let mut out = String::new();
    let mut start = 0;
    for end in 1..=m.text.len() {
        let boundary =
            end == m.text.len() || kinds[end] != kinds[start] || disagree[end] != disagree[start];
        if !boundary || !m.text.is_char_boundary(end) {
            continue;
        }
        let class = match (kinds[start], disagree[start]) {
            (FragmentKind::Same, false) => "",
            (FragmentKind::Same, true) => "disagree",
            (FragmentKind::Changed, false) => "changed",
            (FragmentKind::Changed, true) => "changed disagree",
            (FragmentKind::OnlyHere, false) => "only-here",
            (FragmentKind::OnlyHere, true) => "only-here disagree",
        };
        let s = &m.text[start..end];
        let core = s.trim();
        if class.is_empty() || core.is_empty() {
            out.push_str(&text(s));
        } else {
            let lead = &s[..s.len() - s.trim_start().len()];
            let trail = &s[lead.len() + core.len()..];
            write!(
                out,
                "{}<mark class=\"{class}\">{}</mark>{}",
                text(lead),
                text(core),
                text(trail)
            )
            .unwrap();
        }
        start = end;
    }
    out
}

/// Where `needle` occurs in `hay`, the occurrence nearest to `near`.
fn locate(hay: &str, needle: &str, near: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    hay.match_indices(needle)
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(near))
}

fn disagreements(o: &mut String, r: &Report) {
    writeln!(o, "<section id=\"disagreements\">\n<h2>Disagreements</h2>").unwrap();
    let all: Vec<_> = r
        .groups
        .iter()
        .flat_map(|g| g.discrepancies.iter().map(move |d| (g, d)))
        .collect();
    if all.is_empty() {
        writeln!(o, "<p>None found.</p>\n</section>").unwrap();
        return;
    }
    writeln!(o, "<ol class=\"disagreements\">").unwrap();
    for (g, d) in all {
        let what = match d.kind {
            DiscrepancyKind::Number => "numbers differ",
            DiscrepancyKind::Quote => "quote worded differently",
        };
        let values: Vec<String> = d
            .values
            .iter()
            .map(|v| {
                format!(
                    "<span class=\"value\">“{}”</span> ({})",
                    line(&v.text),
                    name(r, v.source)
                )
            })
            .collect();
        writeln!(
            o,
            "<li><a href=\"#g{}\">Passage {}</a>: {what}: {}</li>",
            g.id + 1,
            g.id + 1,
            values.join(" vs ")
        )
        .unwrap();
    }
    writeln!(o, "</ol>\n</section>").unwrap();
}

fn unique(o: &mut String, r: &Report) {
    writeln!(o, "<section id=\"unique\">\n<h2>Unique material</h2>").unwrap();
    for s in &r.sources {
        writeln!(o, "<h3>{}</h3>", name(r, s.index)).unwrap();
        let groups: Vec<&GroupReport> = r
            .groups
            .iter()
            .filter(|g| g.kind == GroupKind::Unique && g.sources == [s.index])
            .collect();
        if groups.is_empty() {
            writeln!(
                o,
                "<p class=\"muted\">Nothing: every sentence is reported elsewhere too.</p>"
            )
            .unwrap();
            continue;
        }
        writeln!(o, "<ul>").unwrap();
        for g in groups {
            let t: Vec<String> = g.members.iter().map(|m| line(&m.text)).collect();
            writeln!(
                o,
                "<li><a href=\"#g{}\">{}</a>: {}</li>",
                g.id + 1,
                g.id + 1,
                t.join(" ")
            )
            .unwrap();
        }
        writeln!(o, "</ul>").unwrap();
    }
    writeln!(o, "</section>").unwrap();
}

fn notes(o: &mut String, r: &Report) {
    writeln!(o, "<section id=\"notes\">\n<h2>Notes</h2>").unwrap();
    if r.notes.is_empty() {
        writeln!(o, "<p class=\"muted\">No notes.</p>\n</section>").unwrap();
        return;
    }
    writeln!(o, "<ol class=\"notes\">").unwrap();
    for n in &r.notes {
        writeln!(
            o,
            "<li id=\"note-{}\"{}><p class=\"note-head\"><strong>✎{}</strong> {}, bytes {}–{}{}</p>\n<blockquote>{}</blockquote>\n<div class=\"note-text\">{}</div></li>",
            n.id,
            if n.detached { " class=\"detached\"" } else { "" },
            n.id,
            name(r, n.source),
            n.start,
            n.end,
            place(n),
            text(&n.quote),
            text(n.text.trim_end())
        )
        .unwrap();
    }
    writeln!(o, "</ol>\n</section>").unwrap();
}

fn place(n: &NoteReport) -> String {
    n.group
        .map(|g| format!(", on <a href=\"#g{}\">passage {}</a>", g + 1, g + 1))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{DiscrepancyReport, FragmentReport, SourceInfo, ValueReport};

    fn source(index: usize, title: &str) -> SourceInfo {
        SourceInfo {
            index,
            path: format!("{title}.txt"),
            title: title.into(),
            bytes: 100,
            date: None,
            byline: None,
            sentences: 2,
        }
    }

    /// Fragments from (kind, text) pairs laid end to end from `start`.
    fn member<'a>(
        source: usize,
        start: usize,
        parts: &[(FragmentKind, &'a str)],
    ) -> MemberReport<'a> {
        let mut at = start;
        let fragments: Vec<FragmentReport> = parts
            .iter()
            .map(|&(kind, text)| {
                at += text.len();
                FragmentReport {
                    kind,
                    start: at - text.len(),
                    end: at,
                    text: text.into(),
                }
            })
            .collect();
        MemberReport {
            source,
            start,
            end: at,
            text: parts.iter().map(|p| p.1).collect(),
            fragments,
        }
    }

    /// Two sources: one shared passage with a disagreement, one passage only the second has.
    fn report() -> Report<'static> {
        use FragmentKind::*;
        let a = member(
            0,
            0,
            &[
                (Same, "The <b>ferry</b> & "),
                (Changed, "12"),
                (Same, " passengers."),
            ],
        );
        let b = member(
            1,
            5,
            &[
                (Same, "The <b>ferry</b> & "),
                (Changed, "eleven"),
                (Same, " passengers "),
                (OnlyHere, "\u{1b}[2Jsafe"),
            ],
        );
        let values = vec![
            ValueReport {
                source: 0,
                text: "12".into(),
                start: 19,
                end: 21,
            },
            ValueReport {
                source: 1,
                text: "eleven".into(),
                start: 24,
                end: 30,
            },
        ];
        let unique = member(1, 60, &[(Same, "Divers \"will\" look.")]);
        Report {
            version: 1,
            pivot: 0,
            language: "english".into(),
            sources: vec![source(0, "Gazette"), source(1, "Courier's")],
            groups: vec![
                GroupReport {
                    id: 0,
                    sources: vec![0, 1],
                    kind: GroupKind::Shared,
                    confidence: None,
                    members: vec![a, b],
                    discrepancies: vec![DiscrepancyReport {
                        kind: DiscrepancyKind::Number,
                        values,
                    }],
                },
                GroupReport {
                    id: 1,
                    sources: vec![1],
                    kind: GroupKind::Unique,
                    confidence: None,
                    members: vec![unique],
                    discrepancies: vec![],
                },
            ],
            quotes: Vec::new(),
            figures: Vec::new(),
            notes: vec![
                NoteReport {
                    id: 1,
                    source: 0,
                    start: 19,
                    end: 21,
                    quote: "12".into(),
                    text: "Which is it?\n<i>Ask</i>".into(),
                    detached: false,
                    group: Some(0),
                },
                NoteReport {
                    id: 2,
                    source: 1,
                    start: 90,
                    end: 95,
                    quote: "gone".into(),
                    text: "Cut.".into(),
                    detached: true,
                    group: None,
                },
            ],
            parallelism: Default::default(),
        }
    }

    fn body(html: &str) -> &str {
        &html[html.find("<body>").unwrap()..html.find("<script>").unwrap()]
    }

    #[test]
    fn page_body_snapshot() {
        insta::assert_snapshot!(body(&render(&report(), &Palette::default())));
    }

    #[test]
    fn page_is_self_contained() {
        let html = render(&report(), &Palette::default());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
        assert!(!html.contains("http://") && !html.contains("https://") && !html.contains(" src="));
        assert!(
            html.split("href=\"").skip(1).all(|h| h.starts_with('#')),
            "only in-page links"
        );
        assert!(!html.contains('\u{1b}'));
        assert!(html.contains("--changed:#ffe08a;"));
    }

    #[test]
    fn palette_reaches_the_page() {
        let mut p = Palette::default();
        p.set("changed", "#010203").unwrap();
        assert!(render(&report(), &p).contains("--changed:#010203;"));
    }

    #[test]
    fn disagreeing_values_are_marked_inside_their_fragments() {
        let r = report();
        assert_eq!(
            highlighted(&r.groups[0], &r.groups[0].members[0]),
            "The &lt;b&gt;ferry&lt;/b&gt; &amp; <mark class=\"changed disagree\">12</mark> passengers."
        );
        // A value spanning several fragments is underlined across all of them.
        let mut g = report().groups.remove(0);
        g.discrepancies[0].values[1].text = "eleven passengers".into();
        let h = highlighted(&g, &g.members[1]);
        assert!(h.contains("<mark class=\"changed disagree\">eleven</mark> <mark class=\"disagree\">passengers</mark>"), "{h}");
    }
}
