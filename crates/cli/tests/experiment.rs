//! `rollout design`, `sweep`, `merge` and `analyse` as a user meets them: chunking that does not change a
//! byte, a killed sweep that resumes, and one-line refusals (exit 2) that leave nothing behind.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;

use common::{assert_refused, ok, rollout, s, scratch};

/// A small scenario so a sweep takes seconds: 1,500 people, 36 months, 4 replicates.
const SMALL: [&str; 6] = ["--set", "agents=1500", "--set", "months=36", "--replicates", "4"];

fn lhs_design(dir: &Path) -> PathBuf {
    let design = dir.join("design.json");
    ok(&rollout(&[
        "design",
        "lhs",
        "--factor",
        "levers.subsidy.level=0:1",
        "--factor",
        "technology.effect=0.1:0.3",
        "--factor",
        "organisations.count=20:80",
        "--points",
        "14",
        "--seed",
        "3",
        "--out",
        s(&design),
    ]));
    design
}

fn sweep(design: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["sweep", s(design)];
    args.extend(SMALL);
    args.extend(extra);
    args.extend(["--out", s(out)]);
    rollout(&args)
}

#[test]
fn one_chunk_and_seven_chunks_merge_to_the_same_bytes() {
    let dir = scratch("chunks");
    let design = lhs_design(&dir);
    let (one, seven) = (dir.join("one"), dir.join("seven"));
    ok(&sweep(&design, &one, &[]));
    for i in 0..7 {
        let chunk = format!("{i}/7");
        ok(&sweep(&design, &seven, &["--chunk", &chunk]));
    }
    ok(&rollout(&["merge", s(&one), "--out", s(&dir.join("one.csv"))]));
    ok(&rollout(&["merge", s(&seven), "--out", s(&dir.join("seven.csv"))]));
    let (a, b) = (std::fs::read(dir.join("one.csv")).unwrap(), std::fs::read(dir.join("seven.csv")).unwrap());
    assert_eq!(a, b);
    let text = String::from_utf8(a).unwrap();
    assert!(text.starts_with(
        "point,levers.subsidy.level,technology.effect,organisations.count,replicate,month,group,quantity,value,lo,hi\n"
    ));
    // 14 points x 5 responses x (4 replicates + mean), and the header.
    assert_eq!(text.lines().count(), 1 + 14 * 5 * 5);
    assert!(
        text.lines().skip(1).all(|l| l.split(',').nth(3).unwrap().parse::<f64>().unwrap().fract() == 0.0),
        "organisations.count is a whole number"
    );

    // A chunk run twice is duplicated in the merge; a missing one is named.
    std::fs::copy(one.join("chunk-00000-of-00001.csv"), seven.join("chunk-00000-of-00001.csv")).unwrap();
    let o = rollout(&["merge", s(&seven), "--out", s(&dir.join("bad.csv"))]);
    assert_refused(&o, "is duplicated");
    std::fs::remove_file(seven.join("chunk-00000-of-00001.csv")).unwrap();
    std::fs::remove_file(seven.join("chunk-00003-of-00007.csv")).unwrap();
    let o = rollout(&["merge", s(&seven), "--out", s(&dir.join("bad.csv"))]);
    assert_refused(&o, "2 of 14 points are missing: 3, 10; run their chunks");
    assert!(!dir.join("bad.csv").exists() && !dir.join("bad.sweep.json").exists());
}

#[test]
fn a_killed_sweep_resumes_and_finishes_with_the_same_bytes() {
    let dir = scratch("resume");
    let design = lhs_design(&dir);
    let (whole, killed) = (dir.join("whole"), dir.join("killed"));
    // Long enough chunks (4,000 people, 120 months) that the kill lands before the last one.
    let slow = ["--set", "agents=4000", "--set", "months=120", "--chunks", "7"];
    ok(&sweep(&design, &whole, &slow));
    ok(&rollout(&["merge", s(&whole), "--out", s(&dir.join("whole.csv"))]));

    let mut child = Command::new(env!("CARGO_BIN_EXE_rollout"))
        .args(["sweep", s(&design)])
        .args(SMALL)
        .args(slow)
        .args(["--out", s(&killed)])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let chunks = |d: &Path| {
        std::fs::read_dir(d).map_or(0, |r| {
            r.filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().starts_with("chunk-")).count()
        })
    };
    while chunks(&killed) == 0 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let done = chunks(&killed);
    assert!((1..7).contains(&done), "killed after {done} of 7 chunks");
    // What a kill mid-write leaves: a hidden partial file, never a chunk.
    std::fs::write(killed.join(".chunk-00006-of-00007.csv.99999.partial"), "point,half a row").unwrap();

    let o = sweep(&design, &killed, &slow);
    ok(&o);
    assert!(String::from_utf8_lossy(&o.stderr).contains("already done, skipped"));
    assert!(!killed.join(".chunk-00006-of-00007.csv.99999.partial").exists(), "the half-written file is cleared");
    ok(&rollout(&["merge", s(&killed), "--out", s(&dir.join("killed.csv"))]));
    assert_eq!(std::fs::read(dir.join("whole.csv")).unwrap(), std::fs::read(dir.join("killed.csv")).unwrap());
}

#[test]
fn bad_input_is_one_line_exit_2_and_nothing_written() {
    let dir = scratch("bad");
    let out = dir.join("d.json");
    let o = rollout(&["design", "oat", "--factor", "levers.nope=0:1", "--out", s(&out)]);
    assert_refused(&o, "factor levers.nope: no field \"nope\" there");
    let o = rollout(&["design", "oat", "--factor", "levers.subsidy.level=0:1.5", "--out", s(&out)]);
    assert_refused(&o, "levers.subsidy.level: 1.5 is out of range; allowed 0 to 1");
    let o = rollout(&[
        "design",
        "sobol",
        "--factor",
        "technology.effect=0.1:0.2",
        "--response",
        "active_share@Q9",
        "--out",
        s(&out),
    ]);
    assert_refused(&o, "no group \"Q9\"");
    assert!(!out.exists());

    let design = lhs_design(&dir);
    let o = sweep(&design, &dir.join("run"), &["--chunk", "7/7"]);
    assert_refused(&o, "--chunk 7/7: chunk 7 is out of range; chunks are 0 to 6");
    let o = sweep(&design, &dir.join("run"), &["--chunk", "0/15"]);
    assert_refused(&o, "15 chunks; allowed 1 to 14");
    assert!(!dir.join("run").exists());

    let mut record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&design).unwrap()).unwrap();
    record["scenario_version"] = 99.into();
    let text = record.to_string();
    let old = dir.join("old.json");
    std::fs::write(&old, text).unwrap();
    let o = sweep(&old, &dir.join("run"), &[]);
    assert_refused(&o, "made for scenario version 99");

    ok(&sweep(&design, &dir.join("run"), &["--chunk", "0/7"]));
    let o = rollout(&["sweep", s(&design), "--set", "agents=999", "--chunk", "1/7", "--out", s(&dir.join("run"))]);
    assert_refused(&o, "holds a sweep of another scenario; use a new folder");
    let o = rollout(&["merge", s(&dir), "--out", s(&dir.join("r.csv"))]);
    assert_refused(&o, "no sweep.json here");
}

#[test]
fn morris_and_sobol_analyses_read_a_merged_sweep() {
    let dir = scratch("analyse");
    for (method, points) in [("morris", "3"), ("sobol", "4")] {
        let design = dir.join(format!("{method}.json"));
        ok(&rollout(&[
            "design",
            method,
            "--factor",
            "technology.effect=0.1:0.3",
            "--factor",
            "levers.subsidy.level=0:1",
            "--points",
            points,
            "--response",
            "events_avoided_total",
            "--out",
            s(&design),
        ]));
        let run = dir.join(method);
        ok(&sweep(&design, &run, &[]));
        let results = dir.join(format!("{method}.csv"));
        ok(&rollout(&["merge", s(&run), "--out", s(&results)]));
        let o = rollout(&[
            "analyse",
            s(&results),
            "--method",
            method,
            "--output",
            "events_avoided_total",
            "--format",
            "json",
        ]);
        ok(&o);
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let factors = json["factors"].as_array().unwrap();
        assert_eq!(factors.len(), 3, "two factors and the dummy: {json}");
        assert!(factors.iter().any(|f| f["factor"] == "dummy"));
        // The table goes through the same standard-output writer as `rollout run`: a full disk is one line.
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_rollout"))
            .args(["analyse", s(&results), "--method", method, "--output", "events_avoided_total"])
            .stdout(full)
            .output()
            .unwrap();
        assert_refused(&o, "standard output: cannot write");
        let o = rollout(&["analyse", s(&results), "--method", "tornado", "--output", "events_avoided_total"]);
        assert_refused(&o, &format!("a tornado needs a one-at-a-time (oat) design, not {method}"));
        let o = rollout(&["analyse", s(&results), "--method", method, "--output", "active_share_gap"]);
        assert_refused(&o, "active_share_gap was not recorded; the design recorded events_avoided_total");
    }
}
