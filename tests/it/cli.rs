//! The command line as users run it: report formats, --output, and every bad input.

use crate::common;

use std::fs;
use std::path::Path;

use predicates::prelude::*;
use serde_json::Value;

use common::{Parallax, parallax};

fn sample_args() -> Vec<String> {
    common::SAMPLES
        .iter()
        .map(|s| format!("samples/{s}"))
        .collect()
}

fn json_of_samples() -> Value {
    let mut c = parallax();
    c.args(["--format", "json"]).args(sample_args());
    json_of(c)
}

/// Runs `c`, which must succeed, and parses its standard output as JSON.
fn json_of(mut c: Parallax) -> Value {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Checks the version 1 contract of DESIGN.md on a report of the given files.
fn check_contract(report: &Value, files: &[String]) {
    assert_eq!(report["version"], 1);
    let sources = report["sources"].as_array().unwrap();
    assert_eq!(sources.len(), files.len());
    for (i, s) in sources.iter().enumerate() {
        assert_eq!(s["index"], i);
        assert_eq!(s["path"], files[i]);
        assert!(s["title"].as_str().is_some_and(|t| !t.is_empty()));
        let bytes = fs::metadata(Path::new(env!("CARGO_MANIFEST_DIR")).join(&files[i]))
            .unwrap()
            .len();
        assert_eq!(s["bytes"], bytes);
    }
    let sources_for_parallax = common::load(
        &files
            .iter()
            .map(|f| Path::new(env!("CARGO_MANIFEST_DIR")).join(f))
            .collect::<Vec<_>>(),
    );
    let mut covered: Vec<Vec<usize>> = sources_for_parallax
        .iter()
        .map(|s| vec![0; s.sentences.len()])
        .collect();
    for (g, group) in report["groups"].as_array().unwrap().iter().enumerate() {
        assert_eq!(group["id"], g);
        let members = group["members"].as_array().unwrap();
        let carried: Vec<u64> = group["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        let mut from: Vec<u64> = members
            .iter()
            .map(|m| m["source"].as_u64().unwrap())
            .collect();
        from.dedup();
        assert_eq!(carried, from, "group sources list its members' sources");
        assert_eq!(
            group["kind"],
            if carried.len() > 1 {
                "shared"
            } else {
                "unique"
            }
        );
        for m in members {
            let s = m["source"].as_u64().unwrap() as usize;
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert!(start < end && end <= sources_for_parallax[s].doc.size);
            let rebuilt: String = m["fragments"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["text"].as_str().unwrap())
                .collect();
            assert_eq!(
                rebuilt,
                m["text"].as_str().unwrap(),
                "fragments rebuild the member text"
            );
            for (i, sentence) in sources_for_parallax[s].sentences.iter().enumerate() {
                if sentence.span.start >= start && sentence.span.end <= end {
                    covered[s][i] += 1;
                }
            }
        }
        for d in group["discrepancies"].as_array().unwrap() {
            assert!(matches!(d["kind"].as_str(), Some("number" | "quote")));
            assert!(d["values"].as_array().unwrap().len() >= 2);
        }
    }
    for (s, c) in covered.iter().enumerate() {
        assert!(
            c.iter().all(|&n| n == 1),
            "source {s}: every sentence in exactly one member: {c:?}"
        );
    }
}

#[test]
fn json_report_keeps_the_contract() {
    check_contract(&json_of_samples(), &sample_args());
}

#[test]
fn json_member_spans_are_the_file_bytes_for_plain_text() {
    let report = json_of_samples();
    let wire = fs::read(common::samples_dir().join("wire.txt")).unwrap();
    for g in report["groups"].as_array().unwrap() {
        for m in g["members"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["source"] == 0)
        {
            let (a, b) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&wire[a..b]).unwrap(),
                m["text"].as_str().unwrap()
            );
        }
    }
}

#[test]
fn json_report_is_stable_and_matches_the_snapshot() {
    let a = parallax()
        .args(["--format", "json"])
        .args(sample_args())
        .output()
        .unwrap()
        .stdout;
    let b = parallax()
        .args(["--format", "json"])
        .args(sample_args())
        .output()
        .unwrap()
        .stdout;
    assert_eq!(a, b, "two runs give the same bytes");
    insta::assert_snapshot!("samples_json", String::from_utf8(a).unwrap());
}

#[test]
fn markdown_report_has_coverage_shared_unique_and_disagreements() {
    let out = parallax()
        .args(["--format", "markdown"])
        .args(sample_args())
        .assert()
        .success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for heading in [
        "## Coverage",
        "## Shared passages",
        "## Unique material",
        "## Disagreements",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
    assert!(
        md.contains("“-8°C”") && md.contains("“-11°C”"),
        "the temperature disagreement is listed"
    );
    assert!(md.contains("Twelve") && md.contains("Eleven"));
    assert!(
        md.contains("Local businesses on Chandler Street"),
        "unique material listed"
    );
    assert!(
        md.contains("**Qadiri**") || md.contains("**Kadiri**") || md.contains("Qadiri"),
        "names shown"
    );
}

#[test]
fn output_writes_a_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("review.md");
    parallax()
        .args(["--format", "markdown", "--output"])
        .arg(&out)
        .args(sample_args())
        .assert()
        .success()
        .stdout("");
    assert!(
        fs::read_to_string(&out)
            .unwrap()
            .starts_with("# parallax review")
    );
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary files left: {names:?}");
}

#[test]
fn output_refuses_to_overwrite_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(&a, "The bridge closed at noon.").unwrap();
    let b = dir.path().join("b.txt");
    fs::write(&b, "At noon the bridge was closed.").unwrap();
    parallax()
        .args(["--format", "json", "--output"])
        .arg(&a)
        .arg(&a)
        .arg(&b)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is an input file"));
    assert_eq!(
        fs::read_to_string(&a).unwrap(),
        "The bridge closed at noon."
    );
}

/// Runs with a bad input and an --output file: exit 2, one line naming the file and
/// the reason, and no output file left behind.
fn rejects(bad: &Path, reason: &str) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let assert = parallax()
        .args(["--format", "json", "--output"])
        .arg(&out)
        .arg("samples/wire.txt")
        .arg(bad)
        .assert()
        .code(2)
        .stdout("");
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(&bad.display().to_string()),
        "names the file: {err}"
    );
    assert!(err.contains(reason), "says why ({reason}): {err}");
    assert!(!out.exists(), "no output file");
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary files"
    );
}

#[test]
fn missing_file() {
    rejects(Path::new("samples/nope.txt"), "no such file");
}

#[test]
fn directory() {
    rejects(Path::new("samples"), "is a directory");
}

#[test]
fn unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    // A symlink loop cannot be read even by root (chmod 000 can).
    let looped = dir.path().join("loop.txt");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    rejects(&looped, "symbolic links");
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "Secret text.").unwrap();
    std::os::unix::fs::PermissionsExt::set_mode(
        &mut fs::metadata(&locked).unwrap().permissions(),
        0o000,
    );
    fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if fs::read(&locked).is_err() {
        rejects(&locked, "permission denied");
    }
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("photo.txt");
    fs::write(&bin, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00").unwrap();
    rejects(&bin, "binary");
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "  \n\n").unwrap();
    rejects(&empty, "is empty");
}

#[test]
fn fewer_than_two_sources() {
    parallax()
        .args(["--format", "json", "samples/wire.txt"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("need at least two sources")
                .and(predicate::str::contains("samples/wire.txt")),
        );
    parallax()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("FILE"));
}

#[test]
fn reader_refuses_a_non_terminal_stdout() {
    parallax().args(sample_args()).assert().code(2).stderr(
        predicate::str::contains("not a terminal").and(predicate::str::contains("--format")),
    );
}

#[test]
fn help_shows_examples() {
    parallax()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("--format")));
}

/// Which group each sentence of source `s` is in, from a JSON report.
fn groups_of(report: &Value, s: u64) -> Vec<u64> {
    let mut out = Vec::new();
    for g in report["groups"].as_array().unwrap() {
        for m in g["members"].as_array().unwrap() {
            if m["source"] == s {
                out.push((m["start"].as_u64().unwrap(), g["id"].as_u64().unwrap()));
            }
        }
    }
    out.sort();
    out.into_iter().map(|(_, g)| g).collect()
}

#[test]
fn order_flag_reaches_the_aligner() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("tale-a.txt");
    let b = dir.path().join("tale-b.txt");
    fs::write(
        &a,
        "The miller Ostrik found a lantern by the canal at dawn.\n\nThe miller walked home slowly.\n\n\
         Engineers from Velmora repaired the granary pumps.\n\nThe council thanked the miller.\n",
    )
    .unwrap();
    fs::write(
        &b,
        "At dawn Ostrik, a miller, saw a lantern beside the canal.\n\nThen the miller went back to his house.\n\n\
         Velmora engineers fixed the pumps of the granary.\n\nThe miller was thanked by the council.\n",
    )
    .unwrap();
    let run = |order: &str| -> Value {
        let mut c = parallax();
        c.args(["--format", "json", "--order", order])
            .arg(&a)
            .arg(&b);
        let report = json_of(c);
        check_contract(&report, &[a.display().to_string(), b.display().to_string()]);
        report
    };
    // The second sentences share one everyday word of the story: linked when the
    // sources are said to keep one order (the one pair between two links), and the
    // scorer without order features weighs them otherwise.
    let keep = run("keep");
    assert_eq!(groups_of(&keep, 0)[1], groups_of(&keep, 1)[1]);
    let free = run("free");
    assert_eq!(groups_of(&free, 0)[0], groups_of(&free, 1)[0]);
    assert_ne!(
        keep["groups"], free["groups"],
        "--order changes what is linked or how surely"
    );
    parallax()
        .args(["--format", "json", "--order", "sideways"])
        .args(sample_args())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sideways").and(predicate::str::contains("keep")));
}

#[test]
fn stage_timings_are_printed_only_when_asked_for() {
    let mut quiet = parallax();
    quiet.args(["--format", "json"]).args(sample_args());
    let out = quiet.output().unwrap();
    assert!(out.status.success() && !String::from_utf8_lossy(&out.stderr).contains("stage "));
    let mut timed = parallax();
    timed
        .env("PARALLAX_STAGES", "1")
        .args(["--format", "json"])
        .args(sample_args());
    let out = timed.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let stages: Vec<&str> = err
        .lines()
        .filter_map(|l| l.strip_prefix("stage "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        stages,
        [
            "start",
            "load",
            "tokens",
            "features",
            "profiles",
            "candidates",
            "scorer",
            "cluster",
            "align",
            "report",
            "write"
        ]
    );
    // The report itself is the same.
    serde_json::from_slice::<Value>(&out.stdout).expect("valid JSON");
}
