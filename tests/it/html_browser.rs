//! The HTML report in a real browser: headless Chromium loads the page with a checking
//! script added, which writes what it finds into the DOM (read back with --dump-dom);
//! a screenshot is saved under target/tmp/html-report/ and checked for content.
//!
//! Needs `chromium` (Debian's package; CI installs it). Without it the checks are
//! skipped with a note on stderr, unless `CI` or `PARALLAX_REQUIRE_BROWSER` is set:
//! then a missing browser fails the test. PARALLAX_SKIP_BROWSER=1 skips them anyway
//! (but not under CI or PARALLAX_REQUIRE_BROWSER).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parallax_core::review::Review;

const SAMPLES: [&str; 4] = [
    "samples/wire.txt",
    "samples/ledger.md",
    "samples/harbor-daily.txt",
    "samples/courier.txt",
];
const HOSTILE: [&str; 2] = [
    "tests/fixtures/review/gazette.txt",
    "tests/fixtures/review/courier.txt",
];

/// Recorded before anything else on the page: requests the page's policy blocked.
const WATCH: &str = "<script>window.__blocked=[];document.addEventListener('securitypolicyviolation',function(e){window.__blocked.push(e.blockedURI)});</script>";

/// Runs after the page (and its policy reports): measures the DOM and writes the numbers into it.
const CHECK: &str = r##"<script>
setTimeout(function () {
  var q = function (s) { return document.querySelectorAll(s); };
  var n = q("table.align thead th.src").length;
  var rows = Array.prototype.slice.call(q("table.align tbody tr.group"));
  var outside = Array.prototype.slice.call(q("[src],[href],[action],[srcset],link,iframe,object,embed,img,video,audio"))
    .filter(function (e) { var u = e.getAttribute("href") || ""; return e.tagName === "SCRIPT" ? false : !(u.charAt(0) === "#" && !e.hasAttribute("src")); });
  var linksOk = Array.prototype.slice.call(q("a[href^='#']")).every(function (a) { return document.getElementById(a.getAttribute("href").slice(1)) !== null; });
  var first = rows.length ? Array.prototype.slice.call(rows[0].querySelectorAll("td.cell")) : [];
  var lefts = first.map(function (c) { return Math.round(c.getBoundingClientRect().left); });
  var distinct = lefts.filter(function (v, i) { return lefts.indexOf(v) === i; }).length;
  var r = {
    sources: n,
    rows: rows.length,
    rows_with_one_cell_per_source: rows.filter(function (tr) { return tr.querySelectorAll("td.cell").length === n; }).length,
    empty_cells: q("td.cell.empty").length,
    unique_cells: q("td.cell.unique").length,
    changed: q("mark.changed").length,
    only_here: q("mark.only-here").length,
    disagree: q("mark.disagree").length,
    note_marks: q("a.note-mark[href^='#note-']").length,
    notes: q("ol.notes > li").length,
    detached: q("ol.notes > li.detached").length,
    matrix_links: q("table.matrix td a[href^='#g']").length,
    links_resolve: linksOk,
    outside_refs: outside.length,
    resources: performance.getEntriesByType("resource").length,
    blocked: window.__blocked.length,
    script_from_article_ran: window.pwned !== undefined || document.title.indexOf("pwned") >= 0,
    column_positions: distinct
  };
  var out = document.createElement("pre");
  out.id = "parallax-test";
  out.textContent = JSON.stringify(r);
  document.body.appendChild(out);
}, 0);
</script>"##;

fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var("CHROMIUM").unwrap_or_default(),
        "chromium".into(),
        "chromium-browser".into(),
        "google-chrome".into(),
    ];
    candidates
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(PathBuf::from)
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

/// Whether an environment variable is set to something other than empty, `0` or `false`.
fn set(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// What to do about the browser checks, given whether they must run (CI), whether
/// the user asked to skip them and whether a browser was found.
#[derive(Debug, PartialEq, Eq)]
enum Plan {
    Run,
    /// Skip, with the note to print.
    Skip(&'static str),
    /// Fail, with the reason.
    Fail(&'static str),
}

fn plan(required: bool, skip_asked: bool, found: bool) -> Plan {
    match (required, skip_asked, found) {
        (true, true, _) => Plan::Fail(
            "PARALLAX_SKIP_BROWSER is set, but CI or PARALLAX_REQUIRE_BROWSER requires the browser checks",
        ),
        (true, false, false) => Plan::Fail(
            "chromium not found, and CI or PARALLAX_REQUIRE_BROWSER requires the browser checks: install it (apt-get install chromium)",
        ),
        (false, true, _) => Plan::Skip("PARALLAX_SKIP_BROWSER is set"),
        (false, false, false) => Plan::Skip(
            "chromium not found (install it, e.g. apt-get install chromium, to run them)",
        ),
        (_, false, true) => Plan::Run,
    }
}

/// True when the test should return at once (the browser checks are skipped, with a
/// note on stderr); panics when they must run and cannot.
fn skip(test: &str) -> bool {
    let required = set("CI") || set("PARALLAX_REQUIRE_BROWSER");
    match plan(required, set("PARALLAX_SKIP_BROWSER"), chromium().is_some()) {
        Plan::Run => false,
        Plan::Skip(why) => {
            // Written to stderr directly: the test harness captures `eprintln!` of a
            // passing test, and this note must be seen.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "note: {test}: browser checks skipped: {why}"
            );
            true
        }
        Plan::Fail(why) => panic!("{test}: {why}"),
    }
}

#[test]
fn a_missing_browser_is_skipped_with_a_note_unless_required() {
    assert_eq!(plan(false, false, true), Plan::Run);
    assert!(matches!(plan(false, false, false), Plan::Skip(w) if w.contains("not found")));
    assert!(matches!(plan(false, true, true), Plan::Skip(_)));
    assert!(matches!(plan(true, false, false), Plan::Fail(w) if w.contains("not found")));
    assert!(matches!(plan(true, true, true), Plan::Fail(_)));
    assert_eq!(plan(true, false, true), Plan::Run);
}

/// Runs headless Chromium with `args` on `page`, with a time limit; returns stdout.
fn run_chromium(page: &Path, args: &[&str]) -> String {
    let browser = chromium().expect("chromium was found when the test started");
    let profile = tempfile::tempdir().unwrap();
    let out = tempfile::NamedTempFile::new().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
        ])
        .args([
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--mute-audio",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(out.reopen().unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    std::fs::read_to_string(out.path()).unwrap()
}

/// The report of `files` (with the review file `review`) as HTML.
fn report(files: &[&str], review: &Path) -> String {
    let out = crate::common::parallax()
        .args(["--format", "html", "--review"])
        .arg(review)
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A review with notes on two sample passages and one whose words are gone.
fn sample_review(dir: &Path) -> PathBuf {
    let path = dir.join("review.toml");
    let mut review = Review::load(&path).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let wire = root.join(SAMPLES[0]).to_string_lossy().into_owned();
    let bytes = std::fs::read(&wire).unwrap();
    review.open_source(&wire, &bytes);
    let text = String::from_utf8(bytes).unwrap();
    for (words, note) in [
        (
            "Twelve people were injured",
            "Courier says eleven.\nCheck with the health authority.",
        ),
        ("About 340 residents", "Figure <confirmed> & sourced?"),
    ] {
        let at = text.find(words).unwrap();
        review.add_note(&wire, at..at + words.len(), note).unwrap();
    }
    // A note on words this file does not have: it must show as detached.
    let ledger = root.join(SAMPLES[1]).to_string_lossy().into_owned();
    let mut edited = std::fs::read(&ledger).unwrap();
    edited.extend_from_slice(b"\nThese words were cut later.\n");
    review.open_source(&ledger, &edited);
    review
        .add_note(
            &ledger,
            edited.len() - 28..edited.len() - 1,
            "Gone in the final version.",
        )
        .unwrap();
    path
}

struct Checked {
    results: serde_json::Value,
}

impl Checked {
    fn num(&self, key: &str) -> u64 {
        self.results[key]
            .as_u64()
            .unwrap_or_else(|| panic!("no number {key} in {}", self.results))
    }
    fn flag(&self, key: &str) -> bool {
        self.results[key]
            .as_bool()
            .unwrap_or_else(|| panic!("no flag {key} in {}", self.results))
    }
}

/// Loads `html` with the checks added, at a given window width.
fn check(html: &str, dir: &Path, width: u32) -> Checked {
    let page = dir.join(format!("checked-{width}.html"));
    let with_checks = html
        .replacen("<head>", &format!("<head>{WATCH}"), 1)
        .replacen("</body>", &format!("{CHECK}</body>"), 1);
    std::fs::write(&page, with_checks).unwrap();
    let dom = run_chromium(
        &page,
        &[
            "--dump-dom",
            "--virtual-time-budget=3000",
            &format!("--window-size={width},1000"),
        ],
    );
    let json = dom
        .split("<pre id=\"parallax-test\">")
        .nth(1)
        .and_then(|s| s.split("</pre>").next())
        .unwrap_or_else(|| panic!("the checks did not run; DOM:\n{dom}"));
    eprintln!("{width}: {json}");
    Checked {
        results: serde_json::from_str(json).unwrap(),
    }
}

fn artifact_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn samples_report_in_chromium() {
    if skip("samples_report_in_chromium") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let review = sample_review(tmp.path());
    let html = report(&SAMPLES, &review);
    let json: serde_json::Value = serde_json::from_slice(
        &crate::common::parallax()
            .args(["--format", "json", "--review"])
            .arg(&review)
            .args(SAMPLES)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let groups = json["groups"].as_array().unwrap().len() as u64;
    let unique = json["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["kind"] == "unique")
        .count() as u64;

    let wide = check(&html, tmp.path(), 1400);
    assert_eq!(wide.num("sources"), 4, "one column per source");
    assert_eq!(wide.num("rows"), groups, "one row per group");
    assert_eq!(wide.num("rows_with_one_cell_per_source"), groups);
    assert_eq!(wide.num("unique_cells"), unique);
    assert!(
        wide.num("empty_cells") > 0,
        "sources lacking a passage show an empty cell"
    );
    assert!(
        wide.num("changed") > 0 && wide.num("only_here") > 0 && wide.num("disagree") > 0,
        "{}",
        wide.results
    );
    assert_eq!(
        wide.num("matrix_links"),
        4 * groups,
        "every matrix cell links to its group"
    );
    assert!(
        wide.flag("links_resolve"),
        "every in-page link has a target"
    );
    assert_eq!(wide.num("notes"), 3);
    assert_eq!(wide.num("detached"), 1);
    assert_eq!(
        wide.num("note_marks"),
        2,
        "attached notes are marked beside their passages"
    );
    assert_eq!(
        (
            wide.num("outside_refs"),
            wide.num("resources"),
            wide.num("blocked")
        ),
        (0, 0, 0),
        "no external requests"
    );
    assert_eq!(
        wide.num("column_positions"),
        4,
        "columns side by side on a wide window"
    );

    let narrow = check(&html, tmp.path(), 420);
    assert_eq!(
        narrow.num("column_positions"),
        1,
        "columns stack on a narrow window"
    );

    // Screenshot, kept as an artifact, must show a page, not a blank.
    let shot = artifact_dir().join("samples.png");
    let _ = std::fs::remove_file(&shot);
    let page = artifact_dir().join("samples.html");
    std::fs::write(&page, &html).unwrap();
    run_chromium(
        &page,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,1600",
        ],
    );
    let (w, h, inked) = ink(&shot);
    assert_eq!((w, h), (1280, 1600));
    assert!(
        inked > 0.03,
        "the screenshot is nearly blank: {:.1}% of pixels differ from the background",
        inked * 100.0
    );
}

#[test]
fn article_markup_and_control_characters_stay_text() {
    if skip("article_markup_and_control_characters_stay_text") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let html = report(&HOSTILE, &tmp.path().join("none.toml"));
    assert!(
        !html.contains("<script>document")
            && !html.contains("<img")
            && !html.contains('\u{1b}')
            && !html.contains('\u{202E}')
    );
    assert!(html.contains("example.invalid") && html.contains("&lt;/") && html.contains("&quot;"));
    assert!(html.contains("␛[31mrare"));
    let c = check(&html, tmp.path(), 1200);
    assert!(
        !c.flag("script_from_article_ran"),
        "markup from an article ran in the page"
    );
    assert_eq!(
        (c.num("outside_refs"), c.num("resources"), c.num("blocked")),
        (0, 0, 0),
        "no external requests"
    );
    assert_eq!(
        (c.num("sources"), c.num("rows_with_one_cell_per_source")),
        (2, c.num("rows"))
    );
    assert!(
        c.num("disagree") >= 2,
        "twelve vs eleven is underlined in both columns: {}",
        c.results
    );
}

/// Decodes a PNG; returns its size and the share of pixels unlike the top-left one.
fn ink(png_path: &Path) -> (u32, u32, f64) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png_path).expect("the screenshot was written"),
    ));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bpp = info.color_type.samples() * (info.bit_depth as usize).div_ceil(8);
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(bpp).collect();
    let background = pixels[0];
    let differing = pixels
        .iter()
        .filter(|p| p.iter().zip(background).any(|(a, b)| a.abs_diff(*b) > 24))
        .count();
    (
        info.width,
        info.height,
        differing as f64 / pixels.len() as f64,
    )
}
