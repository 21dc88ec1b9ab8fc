//! Writing output whole or not at all: a temporary file beside the target, renamed into place.
//!
//! Only a regular file or a new path is written: a symbolic link, a folder, a device, a FIFO or a socket at
//! the path is refused and left untouched (renaming over it would replace it with a regular file). The
//! temporary file is removed on any error, when the write unwinds, and on SIGINT or SIGTERM (see
//! [`remove_temporaries_on_interrupt`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written now, removed by the interrupt handler.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Exit status after an interruption: 128 + SIGINT, as shells report it.
pub const INTERRUPTED_STATUS: i32 = 130;

/// Install the SIGINT/SIGTERM handler that removes the temporary files being written, then exits with
/// [`INTERRUPTED_STATUS`]. Call once, at start-up.
pub fn remove_temporaries_on_interrupt() {
    let installed = ctrlc::set_handler(|| {
        if let Ok(list) = TEMPORARIES.lock() {
            for path in list.iter() {
                let _ = std::fs::remove_file(path);
            }
        }
        eprintln!("rollout: interrupted; nothing was written");
        std::process::exit(INTERRUPTED_STATUS);
    });
    // Without a handler (another one is installed) the drop guard still removes them on errors.
    let _ = installed;
}

/// A temporary file that is removed when dropped, unless it has been renamed into place.
struct Temporary {
    path: PathBuf,
    kept: bool,
}

impl Temporary {
    /// Create the file (never an existing one) and register it for the interrupt handler.
    fn create(path: PathBuf) -> std::io::Result<(Self, std::fs::File)> {
        let file = std::fs::OpenOptions::new().write(true).create_new(true).open(&path)?;
        if let Ok(mut list) = TEMPORARIES.lock() {
            list.push(path.clone());
        }
        Ok((Temporary { path, kept: false }, file))
    }

    fn rename_to(mut self, target: &Path) -> std::io::Result<()> {
        std::fs::rename(&self.path, target)?;
        self.kept = true;
        Ok(())
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.path);
        }
        if let Ok(mut list) = TEMPORARIES.lock() {
            list.retain(|p| *p != self.path);
        }
    }
}

/// What kind of thing is at `path`, or `None` for nothing: refuses all but a regular file.
pub fn check_target(path: &Path) -> Result<(), String> {
    let shown = path.display();
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("{shown}: cannot check the output path: {e}")),
        Ok(m) if m.file_type().is_symlink() => {
            Err(format!("{shown}: is a symbolic link; give the path of a regular file (nothing was written)"))
        }
        Ok(m) if m.is_dir() => Err(format!("{shown}: is a folder; give a file name (nothing was written)")),
        Ok(m) if !m.is_file() => Err(format!(
            "{shown}: is not a regular file (a device, pipe or socket); --out writes only to a regular file or a new path (nothing was written)"
        )),
        Ok(_) => Ok(()),
    }
}

/// Write `text` to `path` atomically; on any failure no file is left at `path` (an existing one is kept).
/// Only a regular file or a new path is written (see [`check_target`]).
pub fn write_atomically(path: &Path, text: &str) -> Result<(), String> {
    let name = path.file_name().ok_or_else(|| format!("{}: not a file name", path.display()))?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(format!("{}: folder {} does not exist", path.display(), dir.display()));
    }
    check_target(path)?;
    let temporary = dir.join(format!(".{}.{}.partial", name.to_string_lossy(), std::process::id()));
    let result = Temporary::create(temporary).and_then(|(guard, mut file)| {
        write_slowly_for_tests(&mut file, text.as_bytes())?;
        file.sync_all()?;
        drop(file);
        guard.rename_to(path)
    });
    result.map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Writes `bytes`; when the environment variable `ROLLOUT_TEST_WRITE_PAUSE_MS` is set (tests only), pauses
/// that long after the first byte, so that a test can interrupt a write in progress.
fn write_slowly_for_tests(file: &mut std::fs::File, bytes: &[u8]) -> std::io::Result<()> {
    let pause = std::env::var("ROLLOUT_TEST_WRITE_PAUSE_MS").ok().and_then(|v| v.parse::<u64>().ok());
    match (pause, bytes.split_first()) {
        (Some(ms), Some((first, rest))) => {
            file.write_all(&[*first])?;
            file.flush()?;
            std::thread::sleep(std::time::Duration::from_millis(ms));
            file.write_all(rest)
        }
        _ => file.write_all(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("rollout-output-file-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let dir = scratch("failed");
        // A temporary name that is already taken makes the write fail; that file is not ours: kept.
        let target = dir.join("out.csv");
        let theirs = dir.join(format!(".out.csv.{}.partial", std::process::id()));
        std::fs::write(&theirs, "not ours").unwrap();
        assert!(write_atomically(&target, "x").is_err());
        assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "not ours");
        assert!(!target.exists());
        std::fs::remove_file(&theirs).unwrap();

        write_atomically(&target, "month\n").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "month\n");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "only the output is left");
        assert!(TEMPORARIES.lock().unwrap().is_empty());
    }

    #[test]
    fn the_guard_removes_its_file_when_dropped_unrenamed() {
        let dir = scratch("guard");
        let path = dir.join(".x.partial");
        {
            let (_guard, mut file) = Temporary::create(path.clone()).unwrap();
            file.write_all(b"half").unwrap();
            assert!(path.exists());
        }
        assert!(!path.exists());
    }
}
