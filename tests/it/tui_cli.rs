//! The command line around the reader: completions and the man page are generated
//! from the clap definition (so they know the reader's flags), and bad reader flags
//! are refused with exit status 2.

use predicates::prelude::*;

use crate::common::parallax;

#[test]
fn completions_for_each_shell_know_the_reader_flags() {
    for shell in ["bash", "zsh", "fish"] {
        let out = parallax().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("parallax"), "{shell}");
        for flag in ["theme", "view", "config", "pivot", "format"] {
            assert!(text.contains(flag), "{shell} completion lacks --{flag}");
        }
    }
    // The view names are offered as values.
    let bash = parallax().args(["completions", "bash"]).output().unwrap();
    assert!(String::from_utf8_lossy(&bash.stdout).contains("reading aligned coverage"));
}

#[test]
fn completions_refuse_an_unknown_shell() {
    parallax()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tcsh"));
}

#[test]
fn man_page_is_roff_and_documents_the_reader_flags() {
    parallax()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie").or(predicate::str::contains(".TH")))
        .stdout(predicate::str::contains(".TH parallax"))
        .stdout(
            predicate::str::contains("\\-\\-theme").and(predicate::str::contains("\\-\\-config")),
        );
}

#[test]
fn help_lists_the_reader_flags() {
    parallax().arg("--help").assert().success().stdout(
        predicate::str::contains("--theme")
            .and(predicate::str::contains("--view"))
            .and(predicate::str::contains("PARALLAX_CONFIG")),
    );
}

#[test]
fn a_bad_view_is_refused_with_the_choices() {
    parallax()
        .args([
            "--view",
            "sideways",
            "samples/wire.txt",
            "samples/ledger.md",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sideways").and(predicate::str::contains("aligned")));
}

#[test]
fn version_prints_the_version() {
    parallax()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}
