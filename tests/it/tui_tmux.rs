//! End to end in a real terminal: tmux runs `parallax` in a shell, `send-keys` types,
//! `capture-pane` reads the screen. Checks the panes, that `]` selects a shared
//! passage and another pane scrolls level with it, that `?` shows the help and `q`
//! closes it (and the disagreement list) without quitting, that a resize reflows, and
//! that `q` from the main view leaves the shell clean (main screen, no mouse mode).
//!
//! Needs tmux; without it the test is skipped, except under CI where it fails.

use std::path::PathBuf;
use std::process::Command;

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Columns where panes start, from the separators on the title row.
fn pane_starts(title_row: &str) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, c) in title_row.chars().enumerate() {
        if c == '│' {
            starts.push(i + 1);
        }
    }
    starts
}

fn char_at(row: &str, col: usize) -> Option<char> {
    row.chars().nth(col)
}

/// Rows where the pane starting at `x` shows the selection bar.
fn bar_rows(screen: &[String], x: usize) -> Vec<usize> {
    (2..screen.len().saturating_sub(1))
        .filter(|&y| char_at(&screen[y], x) == Some('▌'))
        .collect()
}

#[test]
fn reader_in_a_real_terminal() {
    if !have_tmux() {
        assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
        eprintln!("tmux not installed: skipping the end-to-end test");
        return;
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples");
    let files: Vec<String> = ["wire.txt", "ledger.md", "harbor-daily.txt", "courier.txt"]
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    // A plain shell, so that we can see what the reader leaves behind.
    let t = crate::tmux::Tmux::start("reader");
    let notes_dir = tempfile::tempdir().unwrap();
    let review = notes_dir.path().join("review.toml");
    let cmd = format!(
        "{}; echo EXIT=$?",
        crate::common::shell_line(
            notes_dir.path(),
            &format!("--review {} {}", review.display(), files.join(" "))
        )
    );
    t.send(&["-l", &cmd]);
    t.send(&["Enter"]);

    // Panes: a header with the counts, three titled panes.
    let screen = t.wait_for("the reader", |s| {
        s.first().is_some_and(|l| l.contains("parallax │"))
    });
    assert!(screen[0].contains("4 sources"), "{}", screen[0]);
    let titles = &screen[1];
    let starts = pane_starts(titles);
    assert_eq!(starts.len(), 4, "four panes expected: {titles}");
    for (i, &x) in starts.iter().enumerate() {
        let title: String = titles.chars().skip(x).take(4).collect();
        assert!(
            title.starts_with(&format!(" {} ", i + 1)),
            "pane {} title: {title:?}",
            i + 1
        );
    }
    assert!(
        titles.contains("wire.txt") || titles.contains("Storm surge"),
        "{titles}"
    );
    let first_rows: Vec<String> = starts
        .iter()
        .map(|&x| screen[2].chars().skip(x).take(40).collect())
        .collect();

    // `]` moves to a passage shared with another source; that pane scrolls so its
    // member is level with the cursor.
    let mut scrolled = false;
    let mut before = screen.clone();
    for press in 0..6 {
        t.send(&["]"]);
        let screen = t.wait_for("a redraw", |s| s != before.as_slice());
        before = screen.clone();
        let status = screen.last().unwrap();
        assert!(
            ["in 2/4", "in 3/4", "in 4/4"]
                .iter()
                .any(|n| status.contains(n)),
            "press {press}: not shared: {status}"
        );
        let cursor = bar_rows(&screen, starts[0]);
        assert!(!cursor.is_empty(), "press {press}: no cursor in pane 1");
        let linked: Vec<usize> = starts[1..]
            .iter()
            .filter_map(|&x| bar_rows(&screen, x).first().copied())
            .collect();
        assert!(
            !linked.is_empty(),
            "press {press}: no other pane shows the passage"
        );
        assert!(
            linked.iter().all(|&y| y == cursor[0]),
            "press {press}: linked rows {linked:?} vs cursor row {}",
            cursor[0]
        );
        let rows_now: Vec<String> = starts
            .iter()
            .map(|&x| screen[2].chars().skip(x).take(40).collect())
            .collect();
        if rows_now[1..] != first_rows[1..] {
            scrolled = true;
            break;
        }
    }
    assert!(scrolled, "no other pane scrolled to the shared passage");
    // With escapes kept, the highlights are there as SGR sequences.
    let styled = t.run(&["capture-pane", "-p", "-e", "-t", "t"]);
    assert!(
        styled.contains("\u{1b}["),
        "no styling reached the terminal"
    );

    // `?` shows the help; q closes it (and does not quit).
    t.send(&["?"]);
    let screen = t.wait_for("the help", |s| {
        s.iter()
            .any(|l| l.contains("next passage shared with another source"))
    });
    assert!(screen.iter().any(|l| l.contains("help")));
    t.send(&["q"]);
    t.wait_for("the help to close", |s| {
        !s.iter()
            .any(|l| l.contains("next passage shared with another source"))
            && s.first().is_some_and(|l| l.contains("parallax │"))
    });

    // `x` lists the disagreements; `m` writes a note that Ctrl-S saves (raw mode
    // turns off XON/XOFF, so the terminal passes Ctrl-S through).
    t.send(&["x"]);
    t.wait_for("the disagreement panel", |s| {
        s.iter().any(|l| l.contains("disagreements ("))
    });
    t.send(&["q"]);
    t.wait_for("the panel to close, the reader still running", |s| {
        !s.iter().any(|l| l.contains("disagreements ("))
            && s.first().is_some_and(|l| l.contains("parallax │"))
    });
    t.send(&["m"]);
    t.wait_for("the note editor", |s| {
        s.iter().any(|l| l.contains("new note"))
    });
    t.send(&["-l", "Typed in tmux é"]);
    t.send(&["C-s"]);
    t.wait_for("the note saved", |s| {
        s.last().is_some_and(|l| l.contains("note saved"))
    });
    let saved = std::fs::read_to_string(&review).expect("review file written");
    assert!(saved.contains("text = \"Typed in tmux é\""), "{saved}");

    // A resize reflows at once; a tiny window gets the notice.
    t.run(&["resize-window", "-t", "t", "-x", "100", "-y", "30"]);
    let screen = t.wait_for("a reflow to 100 columns", |s| {
        s.len() == 30 && s[1].chars().count() <= 100 && s[0].contains("parallax")
    });
    assert_eq!(pane_starts(&screen[1]).len(), 3, "{}", screen[1]);
    assert!(screen[0].contains("1 hidden"), "{}", screen[0]);
    t.run(&["resize-window", "-t", "t", "-x", "20", "-y", "6"]);
    t.wait_for("the too-small notice", |s| {
        s.iter().any(|l| l.contains("too small"))
    });
    t.run(&["resize-window", "-t", "t", "-x", "160", "-y", "45"]);
    t.wait_for("the reader again", |s| {
        s.first().is_some_and(|l| l.contains("parallax │"))
    });

    // `q` quits and leaves the shell clean: main screen back, mouse off, exit 0.
    t.send(&["q"]);
    let screen = t.wait_for("the shell", |s| s.iter().any(|l| l.starts_with("EXIT=")));
    assert!(
        screen.iter().any(|l| l.starts_with("EXIT=0")),
        "{}",
        screen.join("\n")
    );
    assert!(
        !screen.iter().any(|l| l.contains("parallax │")),
        "reader text left on the screen"
    );
    assert_eq!(
        t.run(&["display-message", "-p", "-t", "t", "#{alternate_on}"])
            .trim(),
        "0"
    );
    assert_eq!(
        t.run(&["display-message", "-p", "-t", "t", "#{mouse_any_flag}"])
            .trim(),
        "0"
    );
}
