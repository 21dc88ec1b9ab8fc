//! Output goes only where it should: `--out` refuses anything but a regular file or a new path and leaves
//! it untouched; an interrupted write leaves no temporary file; a closed pipe or a full disk on standard
//! output ends cleanly.

use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const SMALL: [&str; 8] = ["run", "--preset", "bass", "--agents", "500", "--months", "6", "--replicates"];

fn rollout() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rollout"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rollout-safe-output-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn assert_refused(o: &Output, expected: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(expected), "{expected:?} not in {err:?}");
    assert!(o.stdout.is_empty());
}

#[test]
fn a_fifo_at_out_is_refused_and_left_a_fifo() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let o = rollout().args(SMALL).args(["1", "--out"]).arg(&fifo).output().unwrap();
    assert_refused(&o, "is not a regular file (a device, pipe or socket)");
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no temporary file left");
}

#[test]
fn a_symlink_at_out_is_refused_and_its_target_untouched() {
    let dir = scratch("symlink");
    let target = dir.join("precious.txt");
    std::fs::write(&target, "keep me").unwrap();
    let link = dir.join("out.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let o = rollout().args(SMALL).args(["1", "--out"]).arg(&link).output().unwrap();
    assert_refused(&o, "is a symbolic link");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
}

#[test]
fn a_folder_at_out_is_refused() {
    let dir = scratch("folder");
    let o = rollout().args(SMALL).args(["1", "--out"]).arg(&dir).output().unwrap();
    assert_refused(&o, "is a folder");
}

#[test]
fn an_existing_regular_file_is_replaced_whole() {
    let dir = scratch("regular");
    let out = dir.join("out.csv");
    std::fs::write(&out, "old").unwrap();
    let o = rollout().args(SMALL).args(["1", "--out"]).arg(&out).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("month,group"));
}

#[test]
fn sigint_during_the_write_leaves_no_temporary_file() {
    let dir = scratch("sigint");
    let out = dir.join("out.csv");
    let mut child = rollout()
        .args(SMALL)
        .args(["1", "--out"])
        .arg(&out)
        .env("ROLLOUT_TEST_WRITE_PAUSE_MS", "20000")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let partial =
        || std::fs::read_dir(&dir).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".partial"));
    while !partial() {
        assert!(start.elapsed() < Duration::from_secs(60), "the write never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap().success());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert_eq!(status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0, "neither the output nor a temporary file");
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_sigpipe_status() {
    // 600 months of CSV is far more than a pipe buffer holds, so the writer meets the closed pipe.
    let mut child = rollout()
        .args(["run", "--preset", "bass", "--agents", "200", "--months", "600", "--replicates", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 5];
    child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
    assert_eq!(&first, b"month");
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(141), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stderr.is_empty(), "quiet: {}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn a_full_disk_on_standard_output_is_one_line_and_status_2() {
    for args in [&["presets"][..], &["preset", "bass"][..], &SMALL[..]] {
        let mut args = args.to_vec();
        if args[0] == "run" {
            args.push("1");
        }
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let o = rollout().args(&args).stdout(full).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("standard output: cannot write"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
