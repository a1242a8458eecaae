//! Notes and the disagreement panel in the reader, driven by keys over `TestBackend`:
//! screens snapshotted with their styles, notes that survive a restart (a new
//! session on the same review file), and a failed save shown in the status line.

use std::path::Path;

use crate::support::*;
use parallax_tui::key::{Code, Key};
use parallax_tui::terminal::{Session, Settings};

/// A session on the fixtures with notes kept in the review file at `review`.
fn with_review(review: &Path) -> Session {
    let cmp = comparison(&FIXTURES);
    let mut settings = Settings::defaults(0);
    settings.review = Some(open_review(review, &cmp.sources));
    Session::new(cmp, settings)
}

fn snap(name: &str, session: &mut Session, w: u16, h: u16) {
    let buf = screen(session, w, h);
    insta::assert_snapshot!(name, format!("{buf:?}"));
}

fn text(session: &mut Session) -> String {
    rows(&screen(session, 120, 30)).join("\n")
}

fn status(session: &mut Session) -> String {
    rows(&screen(session, 120, 30)).pop().unwrap_or_default()
}

fn save(session: &mut Session) {
    session.key(Key::ctrl('s'));
}

#[test]
fn disagreement_panel_lists_values_and_jumps_to_the_group() {
    let mut s = session(&FIXTURES);
    s.keys("x");
    let screen_text = text(&mut s);
    assert!(screen_text.contains("disagreements ("), "{screen_text}");
    assert!(
        screen_text.contains("number") && screen_text.contains("1: "),
        "{screen_text}"
    );
    snap("disagreement_panel", &mut s, 120, 30);
    // j moves, Enter reads the group: the panel closes and the status line shows ≠.
    s.keys("j");
    let picked = match &s.app.overlay {
        Some(parallax_tui::app::Overlay::Disagreements(p)) => p.rows[p.selected].group,
        other => panic!("panel not open: {other:?}"),
    };
    s.key(Key::plain(Code::Enter));
    assert!(s.app.overlay.is_none());
    assert_eq!(s.app.group(&s.reader), picked);
    assert_eq!(s.app.view, parallax_tui::app::ViewKind::Reading);
    assert!(status(&mut s).contains('≠'), "{}", status(&mut s));
    // x opens and x closes.
    s.keys("xx");
    assert!(s.app.overlay.is_none());
}

#[test]
fn a_note_is_written_listed_marked_and_found_again_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review.toml");
    let mut s = with_review(&review);
    s.keys("]m");
    s.keys("Ask the authority");
    s.key(Key::plain(Code::Enter));
    s.keys("about 12 vs 11: 漢字 é");
    snap("note_editor", &mut s, 100, 24);
    save(&mut s);
    assert!(s.app.overlay.is_none(), "saved notes close the editor");
    assert!(status(&mut s).contains("note saved"), "{}", status(&mut s));
    let on_disk = std::fs::read_to_string(&review).expect("review file written");
    assert!(
        on_disk.contains("Ask the authority\nabout 12 vs 11"),
        "{on_disk}"
    );

    // The mark in the gutter of the reading and aligned views.
    s.key(Key::plain(Code::Esc));
    snap("note_mark_reading", &mut s, 120, 30);
    let passage = s.app.nav.cursor[0];
    s.keys("v");
    assert!(text(&mut s).contains('✎'), "aligned view marks the note");
    s.keys("v");
    s.keys("v");

    // A fresh session on the same file: the note is listed, and Enter jumps to it.
    drop(s);
    let mut s = with_review(&review);
    s.keys("M");
    snap("notes_list", &mut s, 120, 30);
    let listed = text(&mut s);
    assert!(
        listed.contains("Ask the authority") && listed.contains("1 wire.txt"),
        "{listed}"
    );
    s.key(Key::plain(Code::Enter));
    assert!(s.app.overlay.is_none());
    assert_eq!((s.app.nav.focus, s.app.nav.cursor[0]), (0, passage));
    // m on the passage edits the same note; Ctrl-U clears, saving asks, y deletes.
    s.keys("m");
    match &s.app.overlay {
        Some(parallax_tui::app::Overlay::Note(ed)) => assert!(ed.text.starts_with("Ask")),
        other => panic!("editor not open: {other:?}"),
    }
    s.key(Key::ctrl('u'));
    save(&mut s);
    assert!(status(&mut s).contains("press y"), "{}", status(&mut s));
    s.keys("y");
    assert!(status(&mut s).contains("note deleted"));
    assert!(!text(&mut s).contains('✎'));
    let on_disk = std::fs::read_to_string(&review).unwrap();
    assert!(!on_disk.contains("Ask the authority"), "{on_disk}");
}

#[test]
fn alt_enter_saves_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("review.toml");
    let mut s = with_review(&review);
    s.keys("mdraft");
    s.key(Key::plain(Code::Esc));
    assert!(!review.exists(), "a cancelled note writes nothing");
    s.keys("mkept");
    s.key(Key {
        code: Code::Enter,
        ctrl: false,
        alt: true,
    });
    assert!(std::fs::read_to_string(&review).unwrap().contains("kept"));
}

#[test]
fn a_failed_save_is_shown_in_the_status_line_and_the_editor_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let review = dir.path().join("no-such-dir").join("review.toml");
    let mut s = with_review(&review);
    s.keys("mmy precious note");
    save(&mut s);
    let line = status(&mut s);
    assert!(
        line.contains("note not saved") && line.contains("review.toml"),
        "{line}"
    );
    match &s.app.overlay {
        Some(parallax_tui::app::Overlay::Note(ed)) => assert_eq!(ed.text, "my precious note"),
        other => panic!("the editor closed: {other:?}"),
    }
    assert!(!text(&mut s).contains('✎'), "no mark for an unsaved note");
}

#[test]
fn without_a_review_file_notes_are_off_with_a_message() {
    let mut s = session(&FIXTURES);
    s.keys("m");
    assert!(s.app.overlay.is_none());
    assert!(status(&mut s).contains("no review file"));
}

#[test]
fn note_and_panel_keys_are_rebindable_and_listed_in_help() {
    let mut o = std::collections::BTreeMap::new();
    o.insert(
        parallax_tui::app::Command::Disagreements,
        vec![Key::ch('X')],
    );
    let keymap = parallax_tui::keymap::Keymap::with_overrides(&o).unwrap();
    let mut settings = Settings::defaults(0);
    settings.keymap = keymap;
    let mut s = Session::new(comparison(&FIXTURES), settings);
    s.keys("x");
    assert!(s.app.overlay.is_none());
    s.keys("X");
    assert!(matches!(
        s.app.overlay,
        Some(parallax_tui::app::Overlay::Disagreements(_))
    ));
    s.key(Key::plain(Code::Esc));
    s.keys("?");
    let help = rows(&screen(&mut s, 100, 60)).join("\n");
    assert!(
        help.contains("list every disagreement") && help.contains("add or edit a note"),
        "{help}"
    );
    // m bound to another action too is a conflict.
    o.insert(parallax_tui::app::Command::CycleView, vec![Key::ch('m')]);
    assert!(parallax_tui::keymap::Keymap::with_overrides(&o).is_err());
}

#[test]
fn panels_fit_the_smallest_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = with_review(&dir.path().join("review.toml"));
    for keys in ["x", "m"] {
        s.keys(keys);
        let r = rows(&screen(&mut s, 40, 10));
        assert!(r.iter().any(|l| l.contains('┌')), "{keys}: {r:#?}");
        if keys == "x" {
            s.key(Key::plain(Code::Esc));
        }
    }
    // A long note scrolls inside the editor: the caret's line stays visible.
    for i in 0..20 {
        s.keys(&format!("line {i}"));
        s.key(Key::plain(Code::Enter));
    }
    s.keys("last words");
    let r = rows(&screen(&mut s, 40, 10)).join("\n");
    assert!(r.contains("last words"), "{r}");
}

#[test]
fn a_detached_note_is_listed_as_such_and_cannot_be_jumped_to() {
    let dir = tempfile::tempdir().unwrap();
    let wire = dir.path().join("wire.txt");
    let article = std::fs::read_to_string(fixture("wire.txt")).unwrap();
    std::fs::write(&wire, &article).unwrap();
    let review = dir.path().join("review.toml");
    let mut r = parallax_core::review::Review::load(&review).unwrap();
    let key = wire.display().to_string();
    r.open_source(&key, article.as_bytes());
    let at = article.find("thick fog").unwrap();
    r.add_note(&key, at..at + 9, "Was it forecast?").unwrap();
    // The words are edited away: the note detaches but is kept.
    std::fs::write(&wire, article.replace("thick fog", "poor visibility")).unwrap();
    let paths = vec![wire, fixture("harbour.md"), fixture("evening.txt")];
    let sources = load(&paths);
    let mut settings = Settings::defaults(0);
    settings.review = Some(open_review(&review, &sources));
    let mut s = Session::new(parallax_core::compare::Comparison::new(sources), settings);
    assert!(!text(&mut s).contains('✎'), "a detached note has no mark");
    s.keys("M");
    let listed = text(&mut s);
    assert!(
        listed.contains("(detached)")
            && listed.contains("thick fog")
            && listed.contains("Was it forecast?"),
        "{listed}"
    );
    s.key(Key::plain(Code::Enter));
    assert!(status(&mut s).contains("detached"), "{}", status(&mut s));
}

#[test]
fn q_closes_the_help_and_the_lists_and_quits_only_from_the_main_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = with_review(&dir.path().join("review.toml"));
    // A note, so that the notes list opens; q in the editor is text.
    s.keys("mq for quote");
    save(&mut s);
    assert!(status(&mut s).contains("note saved"), "{}", status(&mut s));
    for open in ["?", "x", "M"] {
        s.keys(open);
        assert!(s.app.overlay.is_some(), "{open} opens a pop-up");
        s.keys("q");
        assert!(s.app.overlay.is_none(), "q closes the pop-up of {open}");
        assert!(!s.quit(), "q in the pop-up of {open} does not quit");
    }
    // In the search prompt q is text too.
    s.keys("/q");
    s.key(Key::plain(Code::Esc));
    assert!(!s.quit());
    s.keys("q");
    assert!(s.quit(), "q quits from the main view");
}
