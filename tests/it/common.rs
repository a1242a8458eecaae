//! Helpers shared by the command line's integration tests.

use std::path::{Path, PathBuf};

use parallax_core::document::Document;
use parallax_core::source::Source;

/// The bundled samples, in the order the README runs them.
pub const SAMPLES: [&str; 4] = ["wire.txt", "ledger.md", "harbor-daily.txt", "courier.txt"];

pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

pub fn load(paths: &[PathBuf]) -> Vec<Source> {
    paths
        .iter()
        .map(|p| Source::new(Document::load(p).expect("sample loads")))
        .collect()
}

/// The binary run as every test runs it, in folder `dir`: the current directory is
/// `dir` (so no `parallax-review.toml` the user keeps in the clone is read, and
/// nothing relative is written there) and the user's config and home are out of
/// reach (`HOME` and `XDG_CONFIG_HOME` point into `dir`, `PARALLAX_CONFIG` is unset).
pub fn parallax_in(dir: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("parallax").expect("the binary is built");
    c.current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join(".config"))
        .env_remove("PARALLAX_CONFIG");
    c
}

/// [`parallax_in`] a fresh temporary folder of its own, removed when this is dropped,
/// holding links to the bundled `samples` and `tests/fixtures`, so that
/// `samples/wire.txt` names the same file, under the same name, as from the clone.
pub struct Parallax {
    cmd: assert_cmd::Command,
    /// Kept for as long as the command, removed with it.
    _dir: tempfile::TempDir,
}

pub fn parallax() -> Parallax {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir(dir.path().join("tests")).expect("a folder in the temporary one");
    for linked in ["samples", "tests/fixtures"] {
        std::os::unix::fs::symlink(root.join(linked), dir.path().join(linked))
            .expect("the inputs are linked");
    }
    Parallax {
        cmd: parallax_in(dir.path()),
        _dir: dir,
    }
}

impl std::ops::Deref for Parallax {
    type Target = assert_cmd::Command;
    fn deref(&self) -> &assert_cmd::Command {
        &self.cmd
    }
}

impl std::ops::DerefMut for Parallax {
    fn deref_mut(&mut self) -> &mut assert_cmd::Command {
        &mut self.cmd
    }
}

/// A shell command line running the binary with `args` as [`parallax_in`] does, for
/// the tests that type it into a terminal.
pub fn shell_line(dir: &Path, args: &str) -> String {
    let d = dir.display();
    format!(
        "cd '{d}' && HOME='{d}' XDG_CONFIG_HOME=/nonexistent PARALLAX_CONFIG= {} {args}",
        env!("CARGO_BIN_EXE_parallax")
    )
}
