//! Writing output whole or not at all: a temporary file beside the target, renamed into place.

use std::io::Write;
use std::path::Path;

/// Write `text` to `path` atomically; on any failure no file is left at `path` (an existing one is kept).
pub fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let name = path.file_name().ok_or_else(|| format!("{}: not a file name", path.display()))?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(format!("{}: folder {} does not exist", path.display(), dir.display()));
    }
    let temporary = dir.join(format!(".{}.{}.partial", name.to_string_lossy(), std::process::id()));
    let result = std::fs::File::create(&temporary)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|_| f.sync_all()))
        .and_then(|_| std::fs::rename(&temporary, path));
    result.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        format!("{}: cannot write: {e}", path.display())
    })
}
