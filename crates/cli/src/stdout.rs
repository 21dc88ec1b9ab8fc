//! Writing to standard output: a closed pipe (`rollout run | head -1`) ends the program quietly with the
//! status a shell reports for SIGPIPE; any other failure (a full disk) is one line for `main`.

use std::io::{ErrorKind, Write};

/// Exit status after standard output was closed by its reader: 128 + SIGPIPE, as shells report it.
pub const BROKEN_PIPE_STATUS: i32 = 141;

/// Print `text` to standard output and flush it.
pub fn print(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => std::process::exit(BROKEN_PIPE_STATUS),
        Err(e) => Err(format!("standard output: cannot write: {e}")),
    }
}
