//! The review file from the command line: reports carry its notes, the default file is
//! found in the current directory, and a broken or newer file stops the run with one
//! line and exit status 2, untouched.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use parallax_core::review::Review;

const A: &str = "tests/fixtures/review/gazette.txt";
const B: &str = "tests/fixtures/review/courier.txt";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the two fixtures in a fresh directory, with a review holding two notes
/// (one on words that are then edited away, so it is detached).
fn reviewed() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for f in [A, B] {
        fs::copy(
            root().join(f),
            dir.path().join(Path::new(f).file_name().unwrap()),
        )
        .unwrap();
    }
    let review = dir.path().join("parallax-review.toml");
    let mut r = Review::load(&review).unwrap();
    let a = dir
        .path()
        .join("gazette.txt")
        .to_string_lossy()
        .into_owned();
    let text = fs::read_to_string(&a).unwrap();
    r.open_source(&a, text.as_bytes());
    let at = text.find("Twelve passengers").unwrap();
    r.add_note(&a, at..at + 17, "Courier says eleven.\nWho counted?")
        .unwrap();
    let at = text.find("closed the channel").unwrap();
    r.add_note(&a, at..at + 18, "Until when?").unwrap();
    fs::write(&a, text.replace("closed the channel", "shut the channel")).unwrap();
    (dir, review)
}

fn run(dir: &Path, args: &[&str]) -> Output {
    crate::common::parallax_in(dir).args(args).output().unwrap()
}

#[test]
fn json_carries_the_notes_of_the_default_review_file() {
    let (dir, _) = reviewed();
    let out = run(
        dir.path(),
        &["--format", "json", "gazette.txt", "courier.txt"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = v["notes"].as_array().expect("a notes array");
    assert_eq!(notes.len(), 2);
    let counted = notes
        .iter()
        .find(|n| n["text"] == "Courier says eleven.\nWho counted?")
        .unwrap();
    assert_eq!(counted["detached"], false);
    assert_eq!(counted["source"], 0);
    let g = counted["group"].as_u64().unwrap() as usize;
    let member = v["groups"][g]["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["source"] == 0)
        .unwrap();
    assert!(
        member["text"]
            .as_str()
            .unwrap()
            .contains("Twelve passengers"),
        "the note's group is the passage with its words"
    );
    let file = fs::read(dir.path().join("gazette.txt")).unwrap();
    let (s, e) = (
        counted["start"].as_u64().unwrap() as usize,
        counted["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&file[s..e], b"Twelve passengers");
    let gone = notes.iter().find(|n| n["text"] == "Until when?").unwrap();
    assert_eq!(gone["detached"], true);
    assert!(gone.get("group").is_none());
}

#[test]
fn without_a_review_file_the_json_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &[
            "--format",
            "json",
            &root().join(A).to_string_lossy(),
            &root().join(B).to_string_lossy(),
        ],
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.get("notes").is_none());
    assert!(
        !dir.path().join("parallax-review.toml").exists(),
        "reports never create a review file"
    );
}

#[test]
fn markdown_lists_notes_and_marks_noted_passages() {
    let (dir, review) = reviewed();
    let before = fs::read(&review).unwrap();
    let out = run(
        dir.path(),
        &[
            "--format",
            "markdown",
            "--review",
            "parallax-review.toml",
            "gazette.txt",
            "courier.txt",
        ],
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("\n## Notes\n"), "{md}");
    let mark = md
        .lines()
        .find(|l| l.contains("✎ [note 1](#note-1)"))
        .expect("a note mark");
    assert!(
        mark.contains("passengers were taken ashore"),
        "the mark sits beside its passage: {mark}"
    );
    assert!(md.contains("<a id=\"note-1\"></a>"));
    assert!(
        md.contains("Courier says eleven.\\\nWho counted?\\\n"),
        "multi-line notes keep their lines"
    );
    assert!(
        md.contains("Note 2 · [1] Ferry \\<b\\>aground\\</b\\> off Kestrel Point")
            && md.contains("detached: its words are no longer in the file")
    );
    assert_eq!(
        fs::read(&review).unwrap(),
        before,
        "a report never rewrites the review file"
    );
}

#[test]
fn html_lists_notes() {
    let (dir, _) = reviewed();
    let out = run(
        dir.path(),
        &["--format", "html", "gazette.txt", "courier.txt"],
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("<li id=\"note-1\">")
            && html.contains("<li id=\"note-2\" class=\"detached\">")
    );
    assert!(html.contains("<a class=\"note-mark\" href=\"#note-1\""));
    assert!(html.contains("Courier says eleven.\nWho counted?"));
}

fn refused(contents: &str, reason: &str) {
    let (dir, review) = reviewed();
    fs::write(&review, contents).unwrap();
    for format in ["json", "markdown", "html", "tui"] {
        let out = run(
            dir.path(),
            &["--format", format, "gazette.txt", "courier.txt"],
        );
        assert_eq!(out.status.code(), Some(2), "{format}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(
            err.contains("parallax-review.toml") && err.contains(reason),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    assert_eq!(
        fs::read_to_string(&review).unwrap(),
        contents,
        "never overwritten"
    );
}

#[test]
fn a_broken_review_file_stops_the_run() {
    refused(
        "version = 1\n[[source]\n",
        "not a valid parallax review file",
    );
    refused(
        "version = 1\n[[source]]\npath = \"gazette.txt\"\n",
        "not a valid parallax review file",
    );
}

#[test]
fn a_newer_review_file_stops_the_run() {
    refused("version = 3\n", "newer parallax");
}

#[test]
fn output_never_replaces_the_review_file() {
    let (dir, review) = reviewed();
    let before = fs::read(&review).unwrap();
    let out = run(
        dir.path(),
        &[
            "--format",
            "html",
            "-o",
            "parallax-review.toml",
            "gazette.txt",
            "courier.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read(&review).unwrap(), before);
}

#[test]
fn html_takes_its_colours_from_the_chosen_theme() {
    let (dir, _) = reviewed();
    let html = |theme: Option<&str>| {
        let mut args = vec!["--format", "html", "gazette.txt", "courier.txt"];
        if let Some(t) = theme {
            args.extend(["--theme", t]);
        }
        let out = crate::common::parallax_in(dir.path())
            .env("XDG_CONFIG_HOME", dir.path())
            .args(&args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (code, light, _) = html(Some("light"));
    assert_eq!(code, Some(0));
    // themes/light.toml: text #24292f, disagreement #cf222e, changed_word #9a6700.
    assert!(
        light.contains("--text:#24292f;")
            && light.contains("--disagreement:#cf222e;")
            && light.contains("--changed:#9a670055;"),
        "{}",
        &light[..light.len().min(2000)]
    );
    let (_, dark, _) = html(Some("dark"));
    assert!(dark.contains("--background:#111827;") && dark.contains("--text:#c9d1d9;"));
    let (_, plain, _) = html(None);
    assert!(
        plain.contains("--background:#fdfdfb;"),
        "no --theme: the default page"
    );
    let (code, out, err) = html(Some("neon"));
    assert_eq!(code, Some(2));
    assert!(
        out.is_empty() && err.contains("--theme neon") && err.contains("light"),
        "{err}"
    );
}
