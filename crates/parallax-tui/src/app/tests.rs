//! The app driven through actions alone: no terminal, no view, nothing written. Each
//! test feeds `App::apply` what the session would and checks the state and the
//! effects that come back.

use parallax_core::compare::Comparison;
use parallax_core::document::{Document, Format};
use parallax_core::review::Review;
use parallax_core::source::Source;

use super::*;
use crate::key::{Code, Key};

const TEXTS: [&str; 3] = [
    "The ferry ran aground at dawn. Twelve people were hurt. Fog was thick over the bay.",
    "The ferry ran aground early. Eleven people were hurt. Lifeboats came out.",
    "Fog was thick over the bay. The ferry ran aground at dawn.",
];

fn reader() -> Reader {
    Reader::new(Comparison::new(
        TEXTS
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let doc = Document::from_bytes(&format!("{i}.txt"), t.as_bytes(), Format::Text);
                Source::new(doc.unwrap())
            })
            .collect(),
    ))
}

/// Notes over a review file that does not exist and is never written: saving is an
/// effect, carried out by whoever drives the app (here: nobody).
fn notes(reader: &Reader) -> Notes {
    let mut review = Review::load("/nonexistent/parallax-unit-test/review.toml".as_ref())
        .expect("a missing review file is an empty review");
    for (i, t) in TEXTS.iter().enumerate() {
        review.open_source(&format!("{i}.txt"), t.as_bytes());
    }
    Notes::new(Some(review), reader)
}

struct Fixture {
    app: App,
    reader: Reader,
    notes: Notes,
}

impl Fixture {
    fn new() -> Fixture {
        let reader = reader();
        let notes = notes(&reader);
        let app = App::new(&reader, 0, ViewKind::Reading, vec!["dark".into()], 0);
        Fixture { app, reader, notes }
    }

    fn apply(&mut self, action: Action) -> Vec<Effect> {
        self.app.apply(action, &self.reader, &self.notes)
    }

    fn command(&mut self, c: Command) -> Vec<Effect> {
        self.apply(Action::Command(c))
    }

    fn message(&self) -> &str {
        self.app.message.as_ref().map_or("", |m| m.text.as_str())
    }

    fn cursor(&self) -> usize {
        self.app.nav.cursor[self.app.nav.focus]
    }
}

#[test]
fn commands_move_the_cursor_and_change_nothing_outside() {
    let mut f = Fixture::new();
    assert!(f.command(Command::NextPassage).is_empty());
    assert_eq!(f.cursor(), 1);
    assert!(f.command(Command::Last).is_empty());
    assert_eq!(f.cursor(), f.reader.passages[0].len() - 1);
    f.command(Command::FocusNext);
    assert_eq!(f.app.nav.focus, 1);
    f.command(Command::MakePivot);
    assert_eq!(f.app.nav.pivot, 1);
    assert!(f.message().contains("pivot: source 2"), "{}", f.message());
    f.command(Command::CycleView);
    assert_eq!(f.app.view, ViewKind::Aligned);
}

#[test]
fn quit_is_an_effect_not_a_state() {
    let mut f = Fixture::new();
    assert_eq!(f.command(Command::Quit), vec![Effect::Quit]);
    // Nothing else moved.
    assert_eq!((f.cursor(), f.app.view), (0, ViewKind::Reading));
}

#[test]
fn an_unbound_key_is_named_in_the_status_line_outside_pop_ups() {
    let mut f = Fixture::new();
    f.apply(Action::Unbound(Key::ch('z')));
    assert!(f.message().contains("z is not bound"), "{}", f.message());
    f.command(Command::Help);
    f.apply(Action::Unbound(Key::ch('z')));
    assert!(
        f.app.message.is_none(),
        "opening help cleared it, z said nothing"
    );
}

#[test]
fn a_resolved_page_motion_moves_cursor_and_top_together() {
    let mut f = Fixture::new();
    f.app.warn("old news");
    f.apply(Action::PageTo(Some(PageTarget { passage: 2, top: 5 })));
    assert_eq!(
        (f.cursor(), f.app.scroll.top, f.app.scroll.follow),
        (2, 5, true)
    );
    assert!(f.app.message.is_none());
    // At the end: nothing moves.
    f.apply(Action::PageTo(None));
    assert_eq!((f.cursor(), f.app.scroll.top), (2, 5));
}

#[test]
fn clicks_select_what_the_view_said_was_there_and_close_pop_ups() {
    let mut f = Fixture::new();
    f.apply(Action::Click(Click::Passage {
        source: 2,
        passage: 1,
    }));
    assert_eq!((f.app.nav.focus, f.cursor()), (2, 1));
    f.apply(Action::Click(Click::Title(0)));
    assert_eq!(f.app.nav.focus, 0);
    f.command(Command::Help);
    f.apply(Action::Click(Click::Passage {
        source: 1,
        passage: 0,
    }));
    assert!(f.app.overlay.is_none(), "a click closes the help");
    assert_eq!(f.app.nav.focus, 0, "and selects nothing");
}

#[test]
fn the_wheel_scrolls_the_help_the_view_and_a_list() {
    let mut f = Fixture::new();
    f.apply(Action::Wheel(3));
    assert_eq!((f.app.scroll.top, f.app.scroll.follow), (3, false));
    f.command(Command::Help);
    f.apply(Action::Wheel(3));
    f.apply(Action::Wheel(-1));
    assert_eq!(f.app.overlay, Some(Overlay::Help { scroll: 2 }));
    f.command(Command::Close);
    f.command(Command::Disagreements);
    assert!(
        matches!(f.app.overlay, Some(Overlay::Disagreements(_))),
        "the fixture has a disagreement (twelve, eleven)"
    );
    f.apply(Action::Wheel(3));
    assert_eq!(
        f.app.scroll.top, 3,
        "the wheel moves the list, not the view"
    );
}

#[test]
fn quit_closes_a_pop_up_and_quits_only_from_the_main_view() {
    let mut f = Fixture::new();
    // (The notes list needs a saved note: tui_notes drives it through the session.)
    for open in [Command::Help, Command::Disagreements] {
        f.command(open);
        assert!(f.app.overlay.is_some(), "{open:?} opens");
        assert!(
            f.command(Command::Quit).is_empty(),
            "q in {open:?} does not quit"
        );
        assert!(f.app.overlay.is_none(), "q closes {open:?}");
    }
    assert_eq!(f.command(Command::Quit), vec![Effect::Quit]);
}

#[test]
fn the_prompt_searches_as_the_user_types_and_backspace_takes_a_grapheme() {
    let mut f = Fixture::new();
    f.command(Command::Search);
    let typed = |f: &mut Fixture, key: Key| {
        let edit = PromptEdit::of(key).expect("the prompt takes the key");
        f.apply(Action::Prompt(edit));
    };
    for c in "fog".chars() {
        typed(&mut f, Key::ch(c));
    }
    assert_eq!(f.app.search.total(), 2, "highlighted while typing");
    // "é" written as e + a combining accent, then a thumbs-up with a skin tone:
    // one Backspace each.
    for c in " e\u{301}👍🏽".chars() {
        typed(&mut f, Key::ch(c));
    }
    let draft = |f: &Fixture| match &f.app.overlay {
        Some(Overlay::Search { draft, .. }) => draft.clone(),
        other => panic!("prompt closed: {other:?}"),
    };
    assert_eq!(draft(&f), "fog e\u{301}👍🏽");
    typed(&mut f, Key::plain(Code::Backspace));
    assert_eq!(draft(&f), "fog e\u{301}");
    typed(&mut f, Key::plain(Code::Backspace));
    assert_eq!(draft(&f), "fog ");
    typed(&mut f, Key::ctrl('w'));
    assert_eq!(draft(&f), "");
    for c in "hurt".chars() {
        typed(&mut f, Key::ch(c));
    }
    typed(&mut f, Key::plain(Code::Enter));
    assert!(f.app.overlay.is_none());
    assert_eq!(f.app.search.query, "hurt");
    assert!(f.message().contains("match 1 of 1"), "{}", f.message());
}

#[test]
fn saving_a_note_is_an_effect_and_the_editor_waits_for_the_outcome() {
    let mut f = Fixture::new();
    assert!(f.command(Command::Note).is_empty());
    for c in "Check".chars() {
        f.apply(Action::Edit(NoteEdit::of(Key::ch(c), false).unwrap()));
    }
    let effects = f.apply(Action::Edit(NoteEdit::of(Key::ctrl('s'), false).unwrap()));
    let span = f.notes.span(0, 0).unwrap();
    assert_eq!(
        effects,
        vec![Effect::SaveNote(NoteChange {
            source: 0,
            span,
            id: None,
            text: "Check".into(),
        })]
    );
    assert!(
        matches!(f.app.overlay, Some(Overlay::Note(_))),
        "open until saved"
    );
    // A failed write keeps the text for another try.
    f.apply(Action::NoteSaved(Err("disk full".into())));
    assert!(f.message().contains("note not saved: disk full"));
    match &f.app.overlay {
        Some(Overlay::Note(ed)) => assert_eq!(ed.text, "Check"),
        other => panic!("editor closed: {other:?}"),
    }
    f.apply(Action::NoteSaved(Ok(())));
    assert!(f.app.overlay.is_none());
    assert!(
        f.message()
            .contains("note saved to /nonexistent/parallax-unit-test/review.toml"),
        "{}",
        f.message()
    );
    assert!(!std::path::Path::new("/nonexistent/parallax-unit-test").exists());
}

#[test]
fn an_empty_new_note_saves_nothing_and_esc_leaves_the_note_alone() {
    let mut f = Fixture::new();
    f.command(Command::Note);
    assert!(f.apply(Action::Edit(NoteEdit::Save)).is_empty());
    assert!(f.app.overlay.is_none());
    assert!(f.message().contains("nothing saved"));
    f.command(Command::Note);
    f.apply(Action::Edit(NoteEdit::Insert('x')));
    assert!(f.apply(Action::Edit(NoteEdit::Cancel)).is_empty());
    assert!(f.app.overlay.is_none());
}

#[test]
fn the_frame_settling_is_taken_without_clearing_the_message() {
    let mut f = Fixture::new();
    f.app.say("kept");
    f.apply(Action::Settled(Settle {
        top: 4,
        tops: vec![(1, 7), (9, 1)],
        body_rows: 20,
    }));
    assert_eq!(
        (f.app.scroll.top, f.app.tops[1], f.app.nav.page_rows),
        (4, 7, 19)
    );
    assert_eq!(f.message(), "kept");
}

#[test]
fn editor_keys_are_text_and_any_key_answers_the_delete_question() {
    assert_eq!(
        NoteEdit::of(Key::ch('q'), false),
        Some(NoteEdit::Insert('q'))
    );
    assert_eq!(
        NoteEdit::of(Key::plain(Code::Enter), false),
        Some(NoteEdit::Newline)
    );
    let alt_enter = Key {
        code: Code::Enter,
        ctrl: false,
        alt: true,
    };
    assert_eq!(NoteEdit::of(alt_enter, false), Some(NoteEdit::Save));
    assert_eq!(NoteEdit::of(Key::plain(Code::F(5)), false), None);
    assert_eq!(
        NoteEdit::of(Key::ch('y'), true),
        Some(NoteEdit::Confirm(true))
    );
    assert_eq!(
        NoteEdit::of(Key::plain(Code::F(5)), true),
        Some(NoteEdit::Confirm(false))
    );
    assert_eq!(PromptEdit::of(Key::ch('q')), Some(PromptEdit::Insert('q')));
    assert_eq!(PromptEdit::of(Key::ctrl('x')), None);
}
