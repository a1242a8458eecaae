//! The review file: notes survive a restart, follow their words through edits, are
//! kept when their words are gone, and a broken or newer file is never overwritten.

use std::fs;
use std::path::{Path, PathBuf};

use parallax_core::review::{Review, ReviewError};

const ARTICLE: &str = "Harbour Gazette\n\nThe ferry Northern Lark ran aground near Kestrel Point on Tuesday.\n\n\
Twelve passengers were taken ashore by lifeboat. The coastguard said nobody was hurt.\n\n\
The operator said the ferry would sail again within a week.\n";

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        Dir {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn article(&self, text: &str) -> String {
        let p = self.path("ferry.txt");
        fs::write(&p, text).unwrap();
        p.to_string_lossy().into_owned()
    }
}

fn span(text: &str, words: &str) -> std::ops::Range<usize> {
    let s = text.find(words).unwrap();
    s..s + words.len()
}

fn open(review_path: &Path, article: &str) -> Review {
    let mut r = Review::load(review_path).unwrap();
    r.open_source(article, &fs::read(article).unwrap());
    r
}

#[test]
fn notes_round_trip_through_the_file() {
    let d = Dir::new();
    let a = d.article(ARTICLE);
    let rf = d.path("parallax-review.toml");
    let mut r = open(&rf, &a);
    assert!(!rf.exists(), "an empty review writes nothing");
    let first = r
        .add_note(
            &a,
            span(ARTICLE, "Twelve passengers"),
            "Other outlets say eleven.\nAsk the coastguard.",
        )
        .unwrap();
    let second = r
        .add_note(&a, span(ARTICLE, "within a week"), "Vague.")
        .unwrap();
    r.edit_note(second, "Vague: no date given.").unwrap();

    let again = open(&rf, &a);
    let notes = again.notes_for(&a);
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].id, first);
    assert_eq!(
        notes[0].text,
        "Other outlets say eleven.\nAsk the coastguard."
    );
    assert_eq!(notes[0].quote, "Twelve passengers");
    assert_eq!(notes[0].span, Some(span(ARTICLE, "Twelve passengers")));
    assert_eq!(notes[1].text, "Vague: no date given.");

    let mut r = again;
    r.delete_note(first).unwrap();
    let ids: Vec<u64> = open(&rf, &a).notes_for(&a).iter().map(|n| n.id).collect();
    assert_eq!(ids, vec![second]);
    let left: Vec<_> = fs::read_dir(d.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "no temporary files left behind: {left:?}");
}

#[test]
fn notes_reattach_after_the_article_is_edited_above_them() {
    let d = Dir::new();
    let a = d.article(ARTICLE);
    let rf = d.path("review.toml");
    let mut r = open(&rf, &a);
    r.add_note(
        &a,
        span(ARTICLE, "The coastguard said nobody was hurt."),
        "Confirmed by phone.",
    )
    .unwrap();
    r.add_note(&a, span(ARTICLE, "the ferry"), "Which ferry? Name it.")
        .unwrap();

    let edited = ARTICLE
        .replace(
            "on Tuesday.",
            "early on Tuesday, in thick fog, after losing power.",
        )
        .replace(
            "Harbour Gazette\n\n",
            "Harbour Gazette\n\nUpdated 14:05.\n\n",
        );
    fs::write(&a, &edited).unwrap();
    let r = open(&rf, &a);
    let notes = r.notes_for(&a);
    assert!(notes.iter().all(|n| !n.is_detached()));
    let by_text = |t: &str| notes.iter().find(|n| n.text == t).unwrap().clone();
    assert_eq!(
        by_text("Confirmed by phone.").span,
        Some(span(&edited, "The coastguard said nobody was hurt."))
    );
    let ferry = by_text("Which ferry? Name it.").span.unwrap();
    assert_eq!(&edited[ferry.clone()], "the ferry");
    assert_eq!(
        ferry,
        span(&edited, "the ferry would sail").start
            ..span(&edited, "the ferry would sail").start + 9
    );
}

#[test]
fn repeated_words_reattach_by_context() {
    let text =
        "The port was closed. Crews said the port was closed. Later the port was closed again.\n";
    let d = Dir::new();
    let a = d.article(text);
    let rf = d.path("review.toml");
    let second = text.match_indices("the port was closed").next().unwrap().0;
    open(&rf, &a)
        .add_note(&a, second..second + 19, "Which crews?")
        .unwrap();
    let edited = format!("Breaking.\n\nAt dawn, the port was closed. {text}");
    fs::write(&a, &edited).unwrap();
    let span = open(&rf, &a).notes_for(&a)[0].span.clone().unwrap();
    assert!(
        edited[..span.start].ends_with("Crews said "),
        "attached at the wrong repeat: {span:?}"
    );
}

#[test]
fn notes_whose_words_are_gone_are_kept_detached() {
    let d = Dir::new();
    let a = d.article(ARTICLE);
    let rf = d.path("review.toml");
    let mut r = open(&rf, &a);
    r.add_note(&a, span(ARTICLE, "Twelve passengers"), "Count?")
        .unwrap();
    r.add_note(&a, span(ARTICLE, "within a week"), "When?")
        .unwrap();

    let edited = ARTICLE.replace("Twelve passengers were", "Eleven people were");
    fs::write(&a, &edited).unwrap();
    let mut r = open(&rf, &a);
    let notes = r.notes_for(&a);
    assert_eq!(notes.len(), 2, "no note is dropped");
    let gone = notes.iter().find(|n| n.text == "Count?").unwrap();
    assert!(gone.is_detached());
    assert_eq!(gone.quote, "Twelve passengers");
    assert!(
        notes
            .iter()
            .find(|n| n.text == "When?")
            .unwrap()
            .span
            .is_some()
    );

    // Saving other changes keeps the detached note, still detached, through restarts.
    r.add_note(&a, span(&edited, "Eleven people"), "Now eleven.")
        .unwrap();
    let r = open(&rf, &a);
    let notes = r.notes_for(&a);
    assert_eq!(notes.len(), 3);
    assert!(
        notes
            .iter()
            .find(|n| n.text == "Count?")
            .unwrap()
            .is_detached()
    );
    assert!(fs::read_to_string(&rf).unwrap().contains("detached = true"));

    // When the words come back, the note attaches again.
    fs::write(&a, ARTICLE).unwrap();
    let r = open(&rf, &a);
    assert_eq!(
        r.notes_for(&a)
            .iter()
            .find(|n| n.text == "Count?")
            .unwrap()
            .span,
        Some(span(ARTICLE, "Twelve passengers"))
    );
}

#[test]
fn a_broken_file_is_refused_and_never_overwritten() {
    let d = Dir::new();
    let a = d.article(ARTICLE);
    let rf = d.path("review.toml");
    let broken = "version = 1\n[[source]]\npath = \"ferry.txt\"\nsha256 = \n";
    fs::write(&rf, broken).unwrap();
    let err = Review::load(&rf).unwrap_err();
    assert!(matches!(err, ReviewError::Broken { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("review.toml") && !msg.contains('\n'),
        "one line naming the file: {msg}"
    );

    // Broken by hand while a review is open: the next save refuses.
    fs::remove_file(&rf).unwrap();
    let mut r = open(&rf, &a);
    r.add_note(&a, span(ARTICLE, "Twelve"), "first").unwrap();
    fs::write(&rf, broken).unwrap();
    assert!(matches!(
        r.add_note(&a, span(ARTICLE, "week"), "second"),
        Err(ReviewError::Broken { .. })
    ));
    assert!(r.save().is_err());
    assert_eq!(fs::read_to_string(&rf).unwrap(), broken);
    assert_eq!(
        r.notes_for(&a).len(),
        1,
        "the refused note is not half-added"
    );
}

#[test]
fn a_newer_file_is_refused_and_never_overwritten() {
    let d = Dir::new();
    let rf = d.path("review.toml");
    let newer = "version = 2\n[[source]]\npath = \"ferry.txt\"\nfuture = \"field\"\n";
    fs::write(&rf, newer).unwrap();
    let err = Review::load(&rf).unwrap_err();
    assert!(matches!(err, ReviewError::Newer { found: 2, .. }), "{err}");
    assert!(err.to_string().contains("newer parallax"));
    assert_eq!(fs::read_to_string(&rf).unwrap(), newer);
}

#[test]
fn moved_articles_keep_their_notes_by_content() {
    let d = Dir::new();
    let a = d.article(ARTICLE);
    let rf = d.path("review.toml");
    open(&rf, &a)
        .add_note(&a, span(ARTICLE, "Kestrel Point"), "Spelling?")
        .unwrap();
    let moved = d.path("renamed.txt");
    fs::rename(&a, &moved).unwrap();
    let moved = moved.to_string_lossy().into_owned();
    let r = open(&rf, &moved);
    assert_eq!(
        r.notes_for(&moved)[0].span,
        Some(span(ARTICLE, "Kestrel Point"))
    );
}

#[test]
fn bad_requests_are_errors_not_panics() {
    let d = Dir::new();
    let a = d.article(ARTICLE);
    let mut r = open(&d.path("review.toml"), &a);
    assert!(matches!(
        r.add_note(&a, 5..5, "x"),
        Err(ReviewError::BadSpan { .. })
    ));
    assert!(matches!(
        r.add_note(&a, 0..100_000, "x"),
        Err(ReviewError::BadSpan { .. })
    ));
    assert!(matches!(
        r.add_note(&a, 0..4, "  \n"),
        Err(ReviewError::EmptyNote)
    ));
    assert!(matches!(
        r.add_note("elsewhere.txt", 0..4, "x"),
        Err(ReviewError::NotOpened { .. })
    ));
    assert!(matches!(
        r.edit_note(99, "x"),
        Err(ReviewError::NoNote { id: 99 })
    ));
    assert!(matches!(
        r.delete_note(99),
        Err(ReviewError::NoNote { id: 99 })
    ));
    assert!(matches!(
        Review::load(d.dir.path()),
        Err(ReviewError::Io { .. })
    ));
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let d = Dir::new();
    let a = d.article(ARTICLE);
    let rf = d.path("review.toml");
    let mut r = open(&rf, &a);
    let id = r.add_note(&a, span(ARTICLE, "Twelve"), "x").unwrap();
    assert_eq!(
        fs::metadata(&rf).unwrap().permissions().mode() & 0o777,
        0o644
    );
    fs::set_permissions(&rf, fs::Permissions::from_mode(0o600)).unwrap();
    r.edit_note(id, "y").unwrap();
    assert_eq!(
        fs::metadata(&rf).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn notes_on_a_passage_are_found_by_overlap() {
    let d = Dir::new();
    let a = d.article(ARTICLE);
    let mut r = open(&d.path("review.toml"), &a);
    let id = r
        .add_note(&a, span(ARTICLE, "taken ashore"), "How?")
        .unwrap();
    let sentence = span(ARTICLE, "Twelve passengers were taken ashore by lifeboat.");
    assert_eq!(
        r.notes_on(&a, sentence)
            .iter()
            .map(|n| n.id)
            .collect::<Vec<_>>(),
        vec![id]
    );
    assert!(
        r.notes_on(&a, span(ARTICLE, "The coastguard said"))
            .is_empty()
    );
}
