//! The view model, checked without a terminal: scroll sync, aligned-row padding,
//! wrapping inside panes, the pane window, page motions, search, mouse hits.

use crate::support::*;
use parallax_core::theme::Role;
use parallax_tui::app::ViewKind;
use parallax_tui::key::{Code, Key};
use parallax_tui::view::{Body, PanesView, Screen, ViewModel, wrap};

fn panes(vm: &ViewModel) -> &PanesView {
    match &vm.screen {
        Screen::Full {
            body: Body::Panes(p),
            ..
        } => p,
        other => panic!("expected panes, got {other:?}"),
    }
}

fn first_bar_row(lines: &[parallax_tui::view::Line]) -> Option<usize> {
    lines
        .iter()
        .position(|l| l.first().is_some_and(|s| s.text == "▌"))
}

fn status_text(vm: &ViewModel) -> String {
    match &vm.screen {
        Screen::Full { status, .. } => status.iter().map(|s| s.text.as_str()).collect(),
        _ => String::new(),
    }
}

#[test]
fn every_pane_that_has_the_selected_group_shows_it_level_with_the_cursor() {
    let mut s = session(&FIXTURES);
    let mut checked = 0;
    for step in 0..20 {
        let vm = s.view_model(160, 45);
        let p = panes(&vm);
        let focus = p.panes.iter().find(|p| p.focused).unwrap();
        let anchor = first_bar_row(&focus.lines).expect("the cursor is on screen");
        let group = s.app.group(&s.reader);
        for pane in p.panes.iter().filter(|p| !p.focused) {
            if s.reader.passage_in(group, pane.source).is_some() {
                assert_eq!(
                    first_bar_row(&pane.lines),
                    Some(anchor),
                    "step {step}: pane {} not level",
                    pane.source + 1
                );
                checked += 1;
            } else {
                let notice = pane.lines[anchor]
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<String>();
                assert!(
                    notice.contains("not in this source"),
                    "step {step}: pane {}: {notice:?}",
                    pane.source + 1
                );
                assert!(first_bar_row(&pane.lines).is_none());
            }
        }
        s.key(Key::ch('j'));
    }
    assert!(checked > 5, "too few shared passages visited: {checked}");
}

#[test]
fn scroll_sync_holds_after_moving_focus_and_scrolling_far_down() {
    let mut s = session(&["wire.txt", "harbour.md", "evening.txt", "radio.txt"]);
    s.key(Key::ch('G'));
    s.key(Key::ch('l'));
    s.keys("[[");
    let vm = s.view_model(200, 30);
    let p = panes(&vm);
    let focus = p.panes.iter().find(|p| p.focused).unwrap();
    assert_eq!(focus.source, 1);
    let anchor = first_bar_row(&focus.lines).unwrap();
    let g = s.app.group(&s.reader);
    assert!(s.reader.is_shared(g));
    for pane in &p.panes {
        if s.reader.passage_in(g, pane.source).is_some() {
            assert_eq!(first_bar_row(&pane.lines), Some(anchor));
        }
    }
}

#[test]
fn aligned_rows_are_padded_so_rules_line_up_across_columns() {
    let mut s = session(&FIXTURES);
    s.key(Key::ch('v'));
    assert_eq!(s.app.view, ViewKind::Aligned);
    for (w, h) in [(200, 50), (120, 40), (80, 24)] {
        let vm = s.view_model(w, h);
        let p = panes(&vm);
        let rules: Vec<Vec<bool>> = p
            .panes
            .iter()
            .map(|pane| {
                pane.lines
                    .iter()
                    .map(|l| l.first().is_some_and(|s| s.text.starts_with('─')))
                    .collect()
            })
            .collect();
        assert!(
            rules[0].iter().filter(|&&r| r).count() >= 2,
            "{w}x{h}: no rows"
        );
        for (i, col) in rules.iter().enumerate().skip(1) {
            assert_eq!(
                col, &rules[0],
                "{w}x{h}: column {i} is not level with column 0"
            );
        }
        // Each row is as tall as its tallest cell: some cell fills every text line.
        let mut row_start = 0;
        for (y, &rule) in rules[0].iter().enumerate() {
            if rule {
                for line in row_start..y {
                    let filled = p.panes.iter().any(|pane| pane.lines[line].len() > 2);
                    assert!(filled, "{w}x{h}: line {line} is padding in every column");
                }
                row_start = y + 1;
            }
        }
    }
}

#[test]
fn no_pane_line_is_wider_than_its_pane_at_any_size() {
    let mut s = session(&["wire.txt", "harbour.md", "evening.txt", "radio.txt"]);
    for view in 0..2 {
        for (w, h) in [(200, 50), (161, 45), (80, 24), (47, 12)] {
            for _ in 0..12 {
                let vm = s.view_model(w, h);
                for pane in &panes(&vm).panes {
                    for line in &pane.lines {
                        let width: usize = line.iter().map(|s| wrap::width(&s.text)).sum();
                        assert!(
                            width <= usize::from(pane.width),
                            "{w}x{h} view {view}: {width} > {}",
                            pane.width
                        );
                    }
                }
                s.key(Key::ch('j'));
            }
            s.key(Key::ch('g'));
        }
        s.key(Key::ch('v'));
    }
}

#[test]
fn narrow_screens_show_the_focused_pane_and_its_neighbours_and_count_the_rest() {
    let mut s = session(&["wire.txt", "harbour.md", "evening.txt", "radio.txt"]);
    let vm = s.view_model(80, 24);
    let p = panes(&vm);
    assert_eq!(p.panes.len(), 2);
    assert_eq!((p.hidden_before, p.hidden_after), (0, 2));
    s.key(Key::ch('4'));
    let vm = s.view_model(80, 24);
    let p = panes(&vm);
    assert_eq!(
        p.panes.iter().map(|p| p.source).collect::<Vec<_>>(),
        vec![2, 3]
    );
    let Screen::Full { header, .. } = &vm.screen else {
        panic!()
    };
    let header: String = header.iter().map(|s| s.text.as_str()).collect();
    assert!(header.contains("2 hidden"), "{header}");
}

#[test]
fn a_tiny_terminal_gets_a_notice_not_a_panic() {
    let mut s = session(&FIXTURES);
    for (w, h) in [(20, 6), (1, 1), (39, 30), (200, 9), (0, 0)] {
        let vm = s.view_model(w, h);
        assert!(matches!(vm.screen, Screen::TooSmall(_)), "{w}x{h}");
    }
    assert!(matches!(s.view_model(40, 10).screen, Screen::Full { .. }));
}

#[test]
fn page_down_moves_cursor_and_view_together_and_page_up_returns() {
    let mut s = session(&["wire.txt", "harbour.md", "evening.txt", "radio.txt"]);
    let _ = s.view_model(80, 12);
    let before = s.app.nav.cursor[0];
    s.key(Key::plain(Code::PageDown));
    let _ = s.view_model(80, 12);
    let after = s.app.nav.cursor[0];
    assert!(after > before, "PgDn did not move: {before} → {after}");
    s.key(Key::plain(Code::PageUp));
    let _ = s.view_model(80, 12);
    assert!(s.app.nav.cursor[0] < after);
    s.key(Key::ctrl('d'));
    assert!(s.app.nav.cursor[0] > 0);
}

#[test]
fn bracket_keys_find_shared_and_unique_passages_of_the_focused_source() {
    let mut s = session(&FIXTURES);
    s.key(Key::ch('2'));
    s.key(Key::ch('g'));
    s.key(Key::ch('}'));
    let g = s.app.group(&s.reader);
    assert_eq!(
        s.reader.sources_of(g),
        vec![1],
        "}} must land on material only source 2 has"
    );
    s.key(Key::ch(']'));
    let g = s.app.group(&s.reader);
    assert!(s.reader.sources_of(g).len() > 1);
    s.key(Key::ch('D'));
    let g = s.app.group(&s.reader);
    assert!(s.reader.has_disagreement(g, s.app.nav.pivot));
    let vm = s.view_model(160, 45);
    assert!(status_text(&vm).contains('≠'), "{}", status_text(&vm));
}

#[test]
fn search_highlights_matches_and_n_walks_them() {
    let mut s = session(&FIXTURES);
    s.key(Key::ch('/'));
    for c in "fog".chars() {
        s.key(Key::ch(c));
    }
    s.key(Key::plain(Code::Enter));
    let text = |s: &parallax_tui::terminal::Session| {
        let f = s.app.nav.focus;
        let p = &s.reader.passages[f][s.app.nav.cursor[f]];
        s.reader.comparison.sources[f].doc.text[p.range.clone()].to_lowercase()
    };
    assert!(text(&s).contains("fog"));
    let first = s.app.nav.cursor[0];
    s.key(Key::ch('n'));
    assert_ne!(s.app.nav.cursor[0], first);
    assert!(text(&s).contains("fog"));
    let vm = s.view_model(160, 45);
    let marked = panes(&vm)
        .panes
        .iter()
        .flat_map(|p| p.lines.iter().flatten())
        .filter(|s| s.role == Role::Match)
        .count();
    assert!(marked >= 3, "matches highlighted: {marked}");
    s.key(Key::plain(Code::Esc));
    let vm = s.view_model(160, 45);
    assert!(
        !panes(&vm)
            .panes
            .iter()
            .flat_map(|p| p.lines.iter().flatten())
            .any(|s| s.role == Role::Match)
    );
}

#[test]
fn clicking_a_line_selects_its_passage_in_that_pane() {
    let mut s = session(&FIXTURES);
    let buf = screen(&mut s, 160, 45);
    let rows = rows(&buf);
    // Click on the first text row of pane 3 that belongs to a passage.
    let vm = s.view_model(160, 45);
    let pane = panes(&vm).panes[2].clone();
    let (i, target) = pane
        .targets
        .iter()
        .enumerate()
        .find_map(|(i, t)| t.map(|t| (i, t)))
        .unwrap();
    s.click(pane.x + 4, (i + 2) as u16);
    assert_eq!(s.app.nav.focus, 2);
    assert_eq!(
        Some(parallax_tui::view::Target::Passage(s.app.nav.cursor[2])),
        Some(target)
    );
    assert!(rows.len() == 45);
    // A click on a title focuses that pane.
    let _ = s.view_model(160, 45);
    s.click(pane.x.saturating_sub(30), 1);
    assert_eq!(s.app.nav.focus, 1);
}

#[test]
fn enter_in_the_coverage_view_opens_the_group_in_the_reading_view() {
    let mut s = session(&FIXTURES);
    s.keys("vv");
    assert_eq!(s.app.view, ViewKind::Coverage);
    s.keys("jjj");
    let g = s.app.group(&s.reader);
    s.key(Key::plain(Code::Enter));
    assert_eq!(s.app.view, ViewKind::Reading);
    assert_eq!(s.app.group(&s.reader), g);
    assert!(s.reader.passage_in(g, s.app.nav.focus).is_some());
}

#[test]
fn article_bytes_never_reach_the_screen_as_control_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "The ferry \u{1b}]52;c;aGk=\u{7}ran aground off the point.\u{1b}[2J It was foggy.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "The ferry ran aground off the point in fog \u{202e}reversed. It was foggy.\n",
    )
    .unwrap();
    let c = parallax_core::compare::Comparison::new(load(&[a, b]));
    let mut s =
        parallax_tui::terminal::Session::new(c, parallax_tui::terminal::Settings::defaults(0));
    let buf = screen(&mut s, 120, 20);
    let all: String = rows(&buf).concat();
    assert!(
        !all.chars().any(parallax_core::sanitize::is_unsafe),
        "unsafe character on screen"
    );
    assert!(all.contains('␛'), "escape should be shown as ␛");
}

#[test]
fn clicking_a_cell_in_another_column_of_the_aligned_view_keeps_the_clicked_group() {
    let mut s = session(&FIXTURES);
    s.key(Key::ch('v'));
    let _ = screen(&mut s, 160, 45);
    let vm = s.view_model(160, 45);
    let pane = panes(&vm).panes[2].clone();
    let (i, target) = pane
        .targets
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, t)| t.map(|t| (i, t)))
        .unwrap();
    let parallax_tui::view::Target::Row(r) = target else {
        panic!("rows expected")
    };
    let group = s.reader.order(0).rows[r];
    s.click(pane.x + 3, (i + 2) as u16);
    assert_eq!(s.app.nav.focus, 2);
    assert_eq!(s.app.group(&s.reader), group);
}
