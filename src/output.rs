//! Writing results: atomically to files, quietly to a closed pipe.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same directory, synced and
/// renamed into place, so readers see the old file or the new one, never a torn one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let shown = path.display();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(format!("{shown}: is a directory"));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".parallax-")
        .tempfile_in(dir)
        .map_err(|e| format!("{shown}: cannot write here ({e})"))?;
    tmp.write_all(bytes).map_err(|e| format!("{shown}: {e}"))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| format!("{shown}: {e}"))?;
    tmp.persist(path)
        .map_err(|e| format!("{shown}: {}", e.error))?;
    Ok(())
}

/// Prints to stdout; a closed pipe (`| head`) ends quietly instead of panicking.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}
