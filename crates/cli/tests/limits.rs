//! Bounded cost: a run over the ceiling is refused with its estimate unless `--allow-long`; input files
//! over their size limit are refused before being read whole.

use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn rollout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rollout")).args(args).output().expect("rollout runs")
}

fn assert_refused(o: &Output, expected: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(expected), "{expected:?} not in {err:?}");
    assert!(o.stdout.is_empty());
}

const HUGE: [&str; 9] = ["run", "--preset", "bass", "--agents", "50000000", "--months", "600", "--replicates", "1000"];

/// Over the ceiling (6e11 agent-months), but small in memory whatever the number of cores: 1 million
/// agents (6 MB a replicate), 600 months, 1,000 replicates.
const LONG: [&str; 9] = ["run", "--preset", "bass", "--agents", "1000000", "--months", "600", "--replicates", "1000"];

#[test]
fn a_run_over_the_ceiling_is_refused_with_its_estimate() {
    let o = rollout(&HUGE);
    assert_refused(&o, "days of computing on one core");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("over the ceiling of 60 min and 4.0 GB; pass --allow-long"), "{err}");
}

#[test]
fn allow_long_lifts_the_ceiling() {
    // With the flag the run starts (and is stopped here): it is not refused at once.
    let mut child = Command::new(env!("CARGO_BIN_EXE_rollout"))
        .args(LONG)
        .arg("--allow-long")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let still_running = child.try_wait().unwrap().is_none();
    child.kill().ok();
    child.wait().unwrap();
    assert!(still_running, "--allow-long should start the run");
    // The same without the flag is refused.
    assert_refused(&rollout(&LONG), "--allow-long");
}

#[test]
fn endless_and_huge_inputs_are_refused_before_being_read_whole() {
    assert_refused(&rollout(&["run", "/dev/zero"]), "/dev/zero: larger than 1.0 MB, the most a scenario file may be");
    assert_refused(&rollout(&["equity", "/dev/zero"]), "larger than 64 MB, the most a CSV table may be");
    let dir = std::env::temp_dir().join(format!("rollout-limits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sparse = dir.join("huge.json");
    std::fs::File::create(&sparse).unwrap().set_len(8 << 30).unwrap();
    assert_refused(&rollout(&["run", sparse.to_str().unwrap()]), "larger than 1.0 MB");
    std::fs::remove_dir_all(&dir).ok();
}
