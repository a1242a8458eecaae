//! No test runs parallax in the working folder: a `parallax-review.toml` (or any file)
//! the user keeps in the clone must not change what a test sees, and no test may write
//! there. Every run goes through `common::parallax` (a temporary folder of its own),
//! `common::parallax_in` (a folder the test made) or `common::shell_line`; this test
//! reads the test sources and fails on any other way of starting the binary.

use std::path::Path;

#[test]
fn every_test_runs_parallax_in_a_folder_of_its_own() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it");
    // Spelled in pieces, so that this file does not match itself.
    let starts = [
        concat!("cargo_bin", "(\"parallax\")"),
        concat!("CARGO_BIN_EXE", "_parallax"),
        concat!("current_dir(env!(", "\"CARGO_MANIFEST_DIR\"))"),
    ];
    let mut offenders = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".rs") || name == "common.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for s in starts {
            if text.contains(s) {
                offenders.push(format!("{name}: {s}"));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "start parallax through tests/it/common.rs (its own temporary folder), not: {offenders:?}"
    );
}
