//! Reading an input file with a size limit checked before it is read whole: `rollout run /dev/zero` is
//! refused after reading at most the limit, a 10 GB file before reading anything.

use std::io::{ErrorKind, Read};
use std::path::Path;

/// The text of the file at `path`, at most `limit` bytes; `what` names it in messages ("scenario file").
pub fn read_text(path: &Path, limit: usize, what: &str) -> Result<String, String> {
    let shown = path.display();
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        ErrorKind::NotFound => format!("{shown}: cannot read: no such file"),
        ErrorKind::PermissionDenied => format!("{shown}: cannot read: permission denied"),
        _ => format!("{shown}: cannot read: {e}"),
    })?;
    let too_large = || {
        format!(
            "{shown}: larger than {}, the most a {what} may be; see the limits in the README",
            rollout_engine::cost::bytes(limit as f64)
        )
    };
    match file.metadata() {
        Ok(m) if m.is_dir() => return Err(format!("{shown}: is a folder, not a {what}")),
        Ok(m) if m.len() > limit as u64 => return Err(too_large()),
        _ => {}
    }
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1).read_to_end(&mut bytes).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    if bytes.len() > limit {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|_| format!("{shown}: not UTF-8 text; save the {what} as UTF-8"))
}
