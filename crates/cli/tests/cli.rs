//! The `rollout` binary as a user meets it: listings, runs, and one-line errors with exit status 2.

use std::path::PathBuf;
use std::process::{Command, Output};

fn rollout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rollout")).args(args).output().expect("rollout runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("rollout-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Fails with status 2, one line on stderr naming the problem, nothing on stdout.
fn assert_refused(o: &Output, expected: &str) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line, got: {err}");
    assert!(err.contains(expected), "expected {expected:?} in {err:?}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn presets_lists_every_preset_with_a_line_each() {
    let o = rollout(&["presets"]);
    assert!(o.status.success());
    let text = stdout(&o);
    for name in rollout_engine_names() {
        assert!(text.lines().any(|l| l.starts_with(name)), "{name} missing from {text}");
    }
}

fn rollout_engine_names() -> [&'static str; 7] {
    [
        "heart-monitoring",
        "pilot-ends",
        "targeted-support",
        "capacity-bottleneck",
        "pandemic-surge",
        "assistive-tech-social-care",
        "bass",
    ]
}

#[test]
fn a_printed_preset_runs_from_a_file_with_the_same_output() {
    let dir = scratch("preset-file");
    let file = dir.join("bass.json");
    let o = rollout(&["preset", "bass"]);
    assert!(o.status.success());
    std::fs::write(&file, &o.stdout).unwrap();
    let small = ["--agents", "2000", "--months", "12", "--replicates", "2"];
    let from_file = rollout(&[&["run", file.to_str().unwrap()], &small[..]].concat());
    let from_preset = rollout(&[&["run", "--preset", "bass"], &small[..]].concat());
    assert!(from_file.status.success(), "{}", stderr(&from_file));
    assert_eq!(from_file.stdout, from_preset.stdout);
}

#[test]
fn run_writes_csv_with_bounds_and_an_all_row() {
    let o = rollout(&["run", "--preset", "heart-monitoring", "--agents", "1000", "--months", "6", "--replicates", "3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    assert_eq!(&header[..3], &["month", "group", "eligible"]);
    for share in ["aware_share", "ever_adopted_share", "active_share", "abandoned_share"] {
        for suffix in ["", "_lo", "_hi"] {
            assert!(header.contains(&format!("{share}{suffix}").as_str()), "{share}{suffix}");
        }
    }
    assert_eq!(text.lines().count(), 1 + 7 * 6);
    assert!(text.lines().any(|l| l.starts_with("6,all,1000,")));
}

#[test]
fn run_writes_the_outcomes_as_csv_with_intervals_and_the_levers_status() {
    let args = ["run", "--preset", "pilot-ends", "--agents", "1000", "--months", "48", "--replicates", "3"];
    let o = rollout(&[&args[..], &["--format", "outcomes-csv"]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    for outcome in ["abandonment_6m", "abandonment_12m", "discontinuation", "deaths", "sustainability"] {
        for suffix in ["", "_lo", "_hi", "_replicates"] {
            assert!(header.contains(&format!("{outcome}{suffix}").as_str()), "{outcome}{suffix}");
        }
    }
    assert!(header.contains(&"subsidy_status") && header.contains(&"review_capacity_months_rationed_hi"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 5 + 1);
    assert_eq!(rows[5][0], "all");
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    // The same numbers as the JSON outcomes.
    let json = rollout(&[&args[..], &["--format", "json"]].concat());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let all = &json["outcomes"][5];
    for outcome in ["abandonment_12m", "discontinuation", "deaths"] {
        let cell: f64 = rows[5][column(outcome)].parse().unwrap();
        assert_eq!(cell, all[outcome]["mean"].as_f64().unwrap(), "{outcome}");
    }
}

#[test]
fn run_writes_json_with_outcomes_and_set_changes_the_result() {
    let base = [
        "run",
        "--preset",
        "heart-monitoring",
        "--agents",
        "2000",
        "--months",
        "24",
        "--replicates",
        "2",
        "--format",
        "json",
    ];
    let o = rollout(&base);
    assert!(o.status.success(), "{}", stderr(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let all = json["outcomes"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(all["group"], "all");
    for key in ["non_adoption", "abandonment_6m", "abandonment_12m", "discontinuation", "scale_up", "spread", "deaths"]
    {
        assert!(all[key]["mean"].is_number() && all[key]["lo"].is_number() && all[key]["hi"].is_number(), "{key}");
    }
    assert_eq!(
        all["abandonment_12m"]["replicates"], 2,
        "optional outcomes say in how many replicates they are defined"
    );
    assert!(json["months"][24]["budget"]["rationed_share"].is_array());
    let changed = rollout(&[&base[..], &["--set", "diffusion.innovation=2"]].concat());
    assert!(changed.status.success());
    assert_ne!(changed.stdout, o.stdout);
}

#[test]
fn out_writes_the_same_bytes_as_stdout() {
    let dir = scratch("out");
    let path = dir.join("run.csv");
    let args = ["run", "--preset", "bass", "--agents", "500", "--months", "5", "--replicates", "2"];
    let o = rollout(&[&args[..], &["--out", path.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(&path).unwrap(), rollout(&args).stdout);
}

#[test]
fn bad_input_gets_one_line_and_exit_2() {
    let dir = scratch("bad");
    let malformed = dir.join("malformed.json");
    std::fs::write(&malformed, "{ \"version\": 1, ").unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["run".into(), dir.join("missing.json").display().to_string()], "cannot read"),
        (vec!["run".into(), malformed.display().to_string()], "scenario JSON"),
        (vec!["run".into(), "--preset".into(), "nope".into()], "unknown preset \"nope\""),
        (vec!["preset".into(), "nope".into()], "unknown preset \"nope\""),
        (vec!["run".into(), "--set".into(), "levers.nope=1".into()], "no field \"nope\""),
        (vec!["run".into(), "--set".into(), "agents=lots".into()], "this field takes a number"),
        (vec!["run".into(), "--set".into(), "levers.subsidy.level".into()], "expected KEY=VALUE"),
        (
            vec!["run".into(), "--set".into(), "levers.subsidy.level=2".into()],
            "levers.subsidy.level: 2 is out of range; allowed 0 to 1",
        ),
        (vec!["run".into(), "--agents".into(), "0".into()], "agents: 0 is out of range"),
        (
            vec!["run".into(), "--agents".into(), "4000000000".into()],
            "agents: 4000000000 is out of range; allowed 1 to 50000000",
        ),
        (vec!["run".into(), "--agents".into(), "ten".into()], "invalid value 'ten'"),
        (vec!["run".into(), "--format".into(), "xml".into()], "invalid value 'xml'"),
        (vec!["run".into(), "--replicates".into(), "0".into()], "replicates: 0 is out of range"),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
        let o = rollout(&args);
        assert_refused(&o, expected);
    }
}

#[test]
fn a_failed_run_leaves_no_output_file_and_keeps_an_old_one() {
    let dir = scratch("no-partial");
    let fresh = dir.join("fresh.csv");
    let o = rollout(&["run", "--set", "months=0", "--out", fresh.to_str().unwrap()]);
    assert_refused(&o, "months: 0 is out of range");
    assert!(!fresh.exists());
    let old = dir.join("old.csv");
    std::fs::write(&old, "precious").unwrap();
    let o = rollout(&["run", "--preset", "nope", "--out", old.to_str().unwrap()]);
    assert_refused(&o, "unknown preset");
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "precious");
    let o = rollout(&[
        "run",
        "--preset",
        "bass",
        "--agents",
        "100",
        "--months",
        "2",
        "--out",
        dir.join("no/such/dir.csv").to_str().unwrap(),
    ]);
    assert_refused(&o, "does not exist");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "no stray temporary files");
}
