//! Hostile articles in the reader: over `TestBackend` no cell holds a raw control
//! character in any state, and in a real terminal (tmux) the title and clipboard stay
//! as they were while the screen shows placeholders. A control run with `cat` proves
//! the tmux checks would notice an attack that got through.
//!
//! The tmux part needs tmux; without it that test is skipped, except under CI.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use parallax_core::compare::Comparison;
use parallax_core::sanitize::is_unsafe;
use parallax_tui::terminal::{Session, Settings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// The screen's text, one string per row.
fn frame(session: &mut Session, w: u16, h: u16) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| session.draw(f)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn no_cell_of_the_reader_holds_a_control_character() {
    let dir = tempfile::tempdir().unwrap();
    // No title line in this one, so the reader labels it with its file name.
    let evil_name = dir.path().join("evil\u{1b}]0;pwned\u{7}\u{202e}name.txt");
    std::fs::copy(fixture("one-sentence.txt"), &evil_name).unwrap();
    let files = [
        fixture("escapes.txt"),
        fixture("bidi.txt"),
        fixture("news-page.html"),
        evil_name,
    ];
    let sources = parallax_core::source::load_all(&files, &Default::default()).unwrap();
    let mut s = Session::new(Comparison::new(sources), Settings::defaults(0));
    let mut seen = String::new();
    // Every passage, in both views, wide and narrow, and the help overlay.
    for keys in [
        "", "]", "]", "}", "}", "j", "j", "j", "j", "j", "j", "j", "l", "j", "v", "j", "j", "v",
        "?",
    ] {
        s.keys(keys);
        for (w, h) in [(160, 45), (70, 20)] {
            let rows = frame(&mut s, w, h);
            for (y, row) in rows.iter().enumerate() {
                let bad: Vec<char> = row.chars().filter(|&c| is_unsafe(c)).collect();
                assert!(
                    bad.is_empty(),
                    "after {keys:?} at {w}x{h}, row {y} holds {bad:?}: {row}"
                );
            }
            seen.push_str(&rows.join("\n"));
        }
    }
    for placeholder in ["␛", "␇", "<U+202E>", "^M", "evil␛]0;pwned␇<U+202E>name"] {
        assert!(
            seen.contains(placeholder),
            "no {placeholder:?} on any screen"
        );
    }
}

/// The shared tmux session, letting programs set the clipboard and the title as many
/// terminals do, with a known title to compare against.
fn tmux(tag: &str) -> crate::tmux::Tmux {
    let t = crate::tmux::Tmux::start(&format!("hostile-{tag}"));
    t.run(&["set-option", "-g", "set-clipboard", "on"]);
    t.run(&["select-pane", "-t", "t", "-T", "untouched"]);
    t
}

fn title(t: &crate::tmux::Tmux) -> String {
    t.run(&["display-message", "-p", "-t", "t", "#{pane_title}"])
        .trim()
        .to_owned()
}

#[test]
fn a_hostile_article_changes_neither_title_nor_clipboard_in_a_real_terminal() {
    if !Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
        eprintln!("tmux not installed: skipping the end-to-end test");
        return;
    }
    let escapes = fixture("escapes.txt").display().to_string();

    // Control: the raw file does attack this terminal, so the checks below can see it.
    let control = tmux("control");
    control.send(&["-l", &format!("cat {escapes}; echo DONE")]);
    control.send(&["Enter"]);
    control.wait_for("cat", |s| s.iter().any(|l| l.starts_with("DONE")));
    assert_eq!(
        title(&control),
        "pwned title",
        "the control run should retitle the pane"
    );
    assert!(
        control.run(&["list-buffers"]).contains("rm -rf ~"),
        "the control run should set the clipboard"
    );
    drop(control);

    let t = tmux("reader");
    let dir = tempfile::tempdir().unwrap();
    let cmd = format!(
        "{}; echo EXIT=$?",
        crate::common::shell_line(
            dir.path(),
            &format!("{escapes} {}", fixture("bidi.txt").display())
        )
    );
    t.send(&["-l", &cmd]);
    t.send(&["Enter"]);
    let screen = t.wait_for("the reader", |s| {
        s.first().is_some_and(|l| l.contains("parallax │"))
    });
    let mut shown = screen.join("\n");
    // Walk through every passage so each hostile sentence is drawn at least once.
    for _ in 0..12 {
        t.send(&["j"]);
        sleep(Duration::from_millis(60));
        shown.push_str(&t.screen().join("\n"));
    }
    assert!(
        shown.contains("␛]52;c;cm0gLXJmIH4=␇"),
        "OSC 52 not shown as text:\n{shown}"
    );
    assert!(
        shown.contains("␛]0;pwned title␇"),
        "OSC 0 not shown as text"
    );
    assert!(shown.contains("<U+202E>"), "bidi override not shown");
    assert_eq!(title(&t), "untouched", "the article retitled the terminal");
    assert!(
        t.run(&["list-buffers"]).trim().is_empty(),
        "the article wrote the clipboard: {}",
        t.run(&["list-buffers"])
    );
    t.send(&["q"]);
    let screen = t.wait_for("the shell", |s| s.iter().any(|l| l.starts_with("EXIT=")));
    assert!(
        screen.iter().any(|l| l.starts_with("EXIT=0")),
        "{}",
        screen.join("\n")
    );
    assert_eq!(title(&t), "untouched");
    assert!(t.run(&["list-buffers"]).trim().is_empty());
}
