//! Helpers shared by the CLI's integration tests that drive `rollout` as a user would.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the built `rollout` with `args` and waits for it.
pub fn rollout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rollout")).args(args).output().expect("rollout runs")
}

/// An empty scratch folder for one test, unique to this test binary and process.
pub fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("rollout-{}-test-{}-{name}", env!("CARGO_CRATE_NAME"), std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The run succeeded (else its stderr is shown).
pub fn ok(o: &Output) {
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
}

/// Refused as a user should see it: exit 2, one line on stderr containing `expected`, no panic.
pub fn assert_refused(o: &Output, expected: &str) {
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line, got: {err}");
    assert!(err.contains(expected), "expected {expected:?} in {err:?}");
    assert!(!err.contains("panicked"), "{err}");
}

/// A path as a command-line argument.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}
