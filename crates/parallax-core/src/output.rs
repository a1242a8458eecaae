//! Writing results: durably and atomically to files, quietly to a closed pipe.
//!
//! Files are replaced through a temporary file in the same directory, renamed over the
//! old one: a kill at any moment leaves the old file or the new one, never a torn one.
//! The review file (editors' notes, not reproducible) is also synced, and the
//! directory after the rename, so that it survives a crash of the system; a report
//! can be made again, and is not (the two syncs were a tenth of a small comparison).

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically; errors are one line naming the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Writes what `write` writes to `path` atomically, as it is made (through a buffer):
/// the file is replaced only if all of it was written. Errors are one line naming
/// the file.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let shown = crate::sanitize::one_line(&path.display().to_string());
    if path.is_dir() {
        return Err(format!("{shown}: is a directory"));
    }
    replace_with(path, write, false).map_err(|e| format!("{shown}: cannot write it ({e})"))
}

/// Prints to stdout; a closed pipe (`| head`) ends quietly instead of panicking.
pub fn print(text: &str) {
    print_with(|w| w.write_all(text.as_bytes()));
}

/// Prints what `write` writes to stdout, through a buffer; a closed pipe ends quietly.
pub fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) {
    let mut out = std::io::BufWriter::with_capacity(BUFFER, std::io::stdout().lock());
    let _ = write(&mut out).and_then(|_| out.flush());
}

/// Large enough that writing megabytes costs few system calls.
const BUFFER: usize = 1 << 16;

/// Replaces `path` with `bytes` durably (keeping the old file's permissions).
pub(crate) fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_with(path, |w| w.write_all(bytes), true)
}

/// Replaces `path` atomically with what `write` writes; `durable` also syncs the file
/// and its directory. On any error the temporary file is removed and `path` is left
/// as it was.
fn replace_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    durable: bool,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // Keep the old file's permissions; a new review is readable by others like the
    // articles beside it (a bare temporary file would leave it owner-only).
    if let Some(p) = std::fs::metadata(path)
        .ok()
        .map(|m| m.permissions())
        .or_else(default_permissions)
    {
        builder.permissions(p);
    }
    let mut tmp = builder.tempfile_in(dir)?;
    {
        let mut out = std::io::BufWriter::with_capacity(BUFFER, tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    if durable {
        tmp.as_file().sync_all()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    if durable { sync_dir(dir) } else { Ok(()) }
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    Some(std::os::unix::fs::PermissionsExt::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_fails_halfway_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.json");
        std::fs::write(&path, "old").unwrap();
        let err = write_atomic_with(&path, |w| {
            // More than the buffer holds, so that part of it reaches the file.
            w.write_all(&vec![b'x'; 3 * BUFFER])?;
            Err(std::io::Error::other("disk on fire"))
        })
        .unwrap_err();
        assert!(
            err.contains("report.json") && err.contains("disk on fire"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_atomic_with(&path, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
