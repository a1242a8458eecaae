//! Real-world and hostile inputs through the binary: saved web pages, encodings, stdin,
//! text that attacks the terminal, and limits. Fixtures live in tests/fixtures/hostile/;
//! large or oddly named ones are made here in a temporary directory.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::parallax;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// Characters that must never reach a terminal raw: C0 (but newline), DEL, C1, bidi
/// formatting, line separators.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2028}' | '\u{2029}')
        })
        .collect()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&dyn AsRef<std::ffi::OsStr>]) -> Run {
    let out = parallax()
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn json(files: &[PathBuf]) -> (Value, String) {
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&"--format", &"json"];
    args.extend(files.iter().map(|f| f as &dyn AsRef<std::ffi::OsStr>));
    let r = run(&args);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert!(
        raw_controls(&r.stdout).is_empty(),
        "raw controls in JSON: {:?}",
        raw_controls(&r.stdout)
    );
    assert!(
        raw_controls(&r.stderr).is_empty(),
        "raw controls in stderr: {:?}",
        raw_controls(&r.stderr)
    );
    (serde_json::from_str(&r.stdout).unwrap(), r.stderr)
}

/// Every reported span lies inside its file, fragments inside their member, in order.
fn assert_spans_valid(report: &Value) {
    let sizes: Vec<u64> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["bytes"].as_u64().unwrap())
        .collect();
    for g in report["groups"].as_array().unwrap() {
        for m in g["members"].as_array().unwrap() {
            let (start, end, size) = (
                m["start"].as_u64().unwrap(),
                m["end"].as_u64().unwrap(),
                sizes[m["source"].as_u64().unwrap() as usize],
            );
            assert!(
                start <= end && end <= size,
                "member {start}..{end} outside {size} bytes"
            );
            let mut last = start;
            for f in m["fragments"].as_array().unwrap() {
                let (fs, fe) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
                if fs == 0 && fe == 0 {
                    continue; // a fragment of inserted text (a space) has no bytes
                }
                assert!(
                    start <= fs && fs <= fe && fe <= end,
                    "fragment {fs}..{fe} outside member {start}..{end}"
                );
                assert!(fs >= last, "fragments out of order");
                last = fs;
            }
        }
    }
}

fn members_of(report: &Value, source: u64) -> Vec<&Value> {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["members"].as_array().unwrap())
        .filter(|m| m["source"] == source)
        .collect()
}

fn all_text(report: &Value, source: u64) -> String {
    members_of(report, source)
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn escape_sequences_never_reach_the_terminal_in_any_output() {
    for format in ["json", "markdown", "html"] {
        let r = run(&[
            &"--format",
            &format,
            &fixture("escapes.txt"),
            &fixture("bidi.txt"),
            &fixture("stray-nul.txt"),
        ]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(
            raw_controls(&r.stdout).is_empty(),
            "{format}: {:?}",
            raw_controls(&r.stdout)
        );
        assert!(raw_controls(&r.stderr).is_empty());
        assert!(
            !r.stdout.contains('\u{1b}')
                && !r.stdout.contains('\u{9b}')
                && !r.stdout.contains('\u{7}')
        );
    }
    let md = run(&[
        &"--format",
        &"markdown",
        &fixture("escapes.txt"),
        &fixture("bidi.txt"),
    ])
    .stdout;
    // Placeholders are shown instead (Markdown escapes the brackets).
    for shown in [
        "␛\\]52;c;",
        "␛\\]0;pwned title␇",
        "␛\\]8;;http://evil.test/",
        "␈␈␈",
        "planned␡\\<U+0085\\> for",
        "\\<U+009B\\>31m",
        "overnight^MEVERYTHING",
        "U+202E\\>",
    ] {
        assert!(md.contains(shown), "markdown lacks {shown:?}");
    }
}

#[test]
fn json_keeps_the_exact_text_escaped() {
    let (report, _) = json(&[fixture("escapes.txt"), fixture("clean.txt")]);
    let text = all_text(&report, 0);
    assert!(
        text.contains("\u{1b}]52;c;cm0gLXJmIH4=\u{7}"),
        "the data itself is kept: {text:?}"
    );
    assert!(text.contains("\u{9b}31m"));
    assert_spans_valid(&report);
    // Text files map verbatim: each fragment's bytes are its text.
    let file = std::fs::read(fixture("escapes.txt")).unwrap();
    for m in members_of(&report, 0) {
        for f in m["fragments"].as_array().unwrap() {
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            let t = f["text"].as_str().unwrap();
            if s < e && !t.contains('\n') {
                assert_eq!(String::from_utf8_lossy(&file[s..e]).trim(), t.trim());
            }
        }
    }
}

#[test]
fn bidi_controls_are_shown_and_zero_width_does_not_split_words() {
    let (report, _) = json(&[fixture("bidi.txt"), fixture("clean.txt")]);
    assert_spans_valid(&report);
    // "we\u{200b}eks" still matches "weeks": the mayor's sentence is shared.
    let shared = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| {
            g["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["source"] == 0 && m["text"].as_str().unwrap().contains("mayor"))
        })
        .unwrap();
    assert_eq!(shared["kind"], "shared");
    let md = run(&[
        &"--format",
        &"markdown",
        &fixture("bidi.txt"),
        &fixture("clean.txt"),
    ])
    .stdout;
    assert!(md.contains("U+2067\\>twelve\\<U+2069"));
}

#[test]
fn a_saved_news_page_is_reduced_to_its_article() {
    let page = fixture("news-page.html");
    let (report, _) = json(&[page.clone(), fixture("clean.txt")]);
    let src = &report["sources"][0];
    assert_eq!(src["title"], "Barge strike shuts Harbor Bridge");
    assert_eq!(src["date"], "2031-03-04T21:40:00Z");
    assert_eq!(src["byline"], "Marta Quell");
    assert_eq!(src["sentences"], 7);
    let text = all_text(&report, 0);
    for prose in [
        "closing it to traffic & shipping.",
        "St.\u{a0}Agnes",
        "“We were lucky,” said the mayor, Inés Varga",
        "reopened at\u{a0}dawn.",
        "carry trucks.",
    ] {
        let normal = prose.replace('\u{a0}', " ");
        assert!(text.contains(&normal), "missing {normal:?} in {text:?}");
    }
    for chrome in [
        "Advertisement",
        "cookies",
        "Share on",
        "Related",
        "Ferry fares",
        "Skip to",
        "Sport",
        "Photo:",
        "damaged pier",
        "Sign up",
        "disgrace",
        "Storm warning",
        "rights reserved",
        "Injected",
        "dataLayer",
        "not prose",
        "editor:",
        "Marta Quell",
    ] {
        assert!(
            !text.contains(chrome),
            "{chrome:?} leaked into the article: {text:?}"
        );
    }
    assert_spans_valid(&report);
    // Spans point into the HTML: the bytes of each fragment, parsed, are its text.
    let html = std::fs::read_to_string(&page).unwrap();
    for m in members_of(&report, 0) {
        for f in m["fragments"].as_array().unwrap() {
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            let text = f["text"].as_str().unwrap();
            // A fragment across paragraphs also spans the markup and chrome between them.
            if s == e || text.contains("\n\n") {
                continue;
            }
            let shown: String = scraper::Html::parse_fragment(&html[s..e])
                .root_element()
                .text()
                .collect();
            let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(
                norm(&shown),
                norm(text),
                "bytes {s}..{e}: {:?}",
                &html[s..e]
            );
        }
    }
}

#[test]
fn legacy_and_utf16_encodings_decode() {
    for (name, expect) in [
        ("utf16le.txt", "In\u{e9}s Varga"),
        ("utf16be.txt", "traffic — the mayor"),
        (
            "cp1252.txt",
            "“We are lucky,” said the café owner, Inés Varga – who",
        ),
    ] {
        let (report, stderr) = json(&[fixture(name), fixture("clean.txt")]);
        assert!(
            all_text(&report, 0).contains(expect),
            "{name}: {}",
            all_text(&report, 0)
        );
        assert!(stderr.is_empty(), "{name}: {stderr}");
        assert_spans_valid(&report);
    }
    // UTF-16 spans count the file's two-byte units (and the BOM).
    let (report, _) = json(&[fixture("utf16le.txt"), fixture("clean.txt")]);
    let first = members_of(&report, 0)[0];
    assert_eq!(first["start"], 2);
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_naming_the_first_bad_byte() {
    let (report, stderr) = json(&[fixture("invalid-utf8.txt"), fixture("clean.txt")]);
    let first_bad = std::fs::read(fixture("invalid-utf8.txt"))
        .unwrap()
        .iter()
        .position(|&b| b == 0xE9 || b == 0xFF)
        .unwrap();
    assert_eq!(
        stderr.trim(),
        format!(
            "parallax: warning: {}: invalid UTF-8 at byte {first_bad} (and 2 more); shown as \u{FFFD}",
            fixture("invalid-utf8.txt").display()
        )
    );
    let text = all_text(&report, 0);
    assert!(text.contains("In\u{FFFD}s Varga") && text.contains("Café owners"));
}

#[test]
fn encoding_can_be_forced() {
    let (report, _) = json(&[fixture("cp1252.txt"), fixture("clean.txt")]);
    assert!(all_text(&report, 0).contains("café"));
    let r = run(&[
        &"--format",
        &"json",
        &"--encoding",
        &"utf-8",
        &fixture("cp1252.txt"),
        &fixture("clean.txt"),
    ]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("caf\u{FFFD} owner"));
    assert!(r.stderr.contains("invalid UTF-8 at byte"));
    let r = run(&[
        &"--format",
        &"json",
        &"--encoding",
        &"klingon",
        &fixture("clean.txt"),
        &fixture("clean.txt"),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown encoding \"klingon\""));
}

fn expect_error(args: &[&dyn AsRef<std::ffi::OsStr>], message: &str) {
    let r = run(args);
    assert_eq!(r.code, 2, "stdout {} stderr {}", r.stdout, r.stderr);
    assert!(r.stdout.is_empty());
    assert_eq!(r.stderr.lines().count(), 1, "one line: {}", r.stderr);
    assert!(
        r.stderr.contains(message),
        "{:?} lacks {message:?}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"));
}

#[test]
fn unreadable_inputs_stop_with_one_line_and_status_2() {
    let clean = fixture("clean.txt");
    expect_error(
        &[&"--format", &"json", &fixture("empty.txt"), &clean],
        "empty.txt: is empty",
    );
    expect_error(
        &[&"--format", &"json", &fixture("blank.txt"), &clean],
        "blank.txt: is empty",
    );
    expect_error(
        &[&"--format", &"json", &fixture("no-sentences.txt"), &clean],
        "no-sentences.txt: has no prose to compare",
    );
    expect_error(
        &[&"--format", &"json", &fixture("binary.dat"), &clean],
        "binary.dat: looks like a binary file, not text",
    );
    expect_error(
        &[&"--format", &"json", &fixture("missing.txt"), &clean],
        "missing.txt: no such file",
    );
    expect_error(
        &[&"--format", &"json", &fixture(""), &clean],
        "is a directory",
    );
    expect_error(
        &[&"--format", &"json", &"-", &"-"],
        "stdin can be read only once",
    );
    expect_error(
        &[
            &"--format",
            &"json",
            &"--max-bytes",
            &"100",
            &clean,
            &fixture("bidi.txt"),
        ],
        "clean.txt: is larger than the --max-bytes limit of 100 bytes (100 bytes)",
    );
    // Bad option values are clap's usage errors: status 2 as well.
    let r = run(&[
        &"--format",
        &"json",
        &"--max-bytes",
        &"lots",
        &clean,
        &clean,
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .lines()
            .next()
            .unwrap()
            .contains("\"lots\" is not a size")
    );
}

#[test]
fn endless_devices_are_cut_off_by_the_size_limit() {
    if Path::new("/dev/zero").exists() {
        expect_error(
            &[
                &"--format",
                &"json",
                &"--max-bytes",
                &"1M",
                &"/dev/zero",
                &fixture("clean.txt"),
            ],
            "/dev/zero: is larger than the --max-bytes limit of 1 MiB (1048576 bytes)",
        );
    }
}

#[test]
fn stdin_is_read_once_and_sniffed() {
    let page = std::fs::read(fixture("news-page.html")).unwrap();
    let out = parallax()
        .args(["--format", "json", "-"])
        .arg(fixture("clean.txt"))
        .write_stdin(page)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["sources"][0]["path"], "-");
    assert_eq!(
        report["sources"][0]["title"],
        "Barge strike shuts Harbor Bridge"
    );
    assert_spans_valid(&report);
}

#[test]
fn hostile_file_names_are_shown_not_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let evil = dir.path().join("evil\u{1b}]0;owned\u{7}\u{202e}txt.md");
    std::fs::copy(fixture("clean.txt"), &evil).unwrap();
    for format in ["json", "markdown"] {
        let r = run(&[&"--format", &format, &evil, &fixture("bidi.txt")]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(raw_controls(&r.stdout).is_empty(), "{format}");
    }
    let missing = dir.path().join("gone\u{1b}[2J\u{9b}1m.txt");
    let r = run(&[&"--format", &"json", &missing, &fixture("clean.txt")]);
    assert_eq!(r.code, 2);
    assert!(raw_controls(&r.stderr).is_empty(), "{:?}", r.stderr);
    assert!(r.stderr.contains("gone␛[2J<U+009B>1m.txt: no such file"));
}

#[test]
fn a_one_megabyte_line_without_spaces_works() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.txt");
    let mut body = "Harbor Bridge closed after barge strike\n\n".to_owned();
    body.push_str(&"x".repeat(1 << 20));
    body.push_str(".\n\nOfficials said 12 people were hurt when the barge hit the eastern pier.\n");
    std::fs::write(&long, &body).unwrap();
    let (report, _) = json(&[long, fixture("clean.txt")]);
    assert_spans_valid(&report);
    assert_eq!(report["sources"][0]["bytes"], body.len());
    let longest = members_of(&report, 0)
        .iter()
        .map(|m| m["end"].as_u64().unwrap() - m["start"].as_u64().unwrap())
        .max()
        .unwrap();
    assert!(longest > 1 << 20);
}

#[test]
fn fifty_sources_and_single_sentence_sources_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = vec![fixture("one-sentence.txt")];
    for i in 0..49 {
        let f = dir.path().join(format!("s{i}.txt"));
        std::fs::write(&f, format!("Report {i} on the bridge\n\nA barge struck the Harbor Bridge on Tuesday, outlet {i} said.\n\nOfficials said {} people were hurt.\n", 10 + i % 5)).unwrap();
        files.push(f);
    }
    let (report, _) = json(&files);
    assert_eq!(report["sources"].as_array().unwrap().len(), 50);
    assert_eq!(report["sources"][0]["sentences"], 1);
    assert_spans_valid(&report);
}
