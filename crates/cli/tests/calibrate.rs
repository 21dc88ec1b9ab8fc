//! `rollout calibrate` as a user meets it: the same calibration in one go or chunked through `rollout
//! sweep` and `merge` (same bytes), its files, and one-line refusals (exit 2) of bad targets, fit ranges and
//! budgets.

use std::path::{Path, PathBuf};

mod common;

use common::{assert_refused, ok, rollout, s, scratch};

fn targets_file() -> String {
    format!("{}/../../data/targets/heart-monitoring.json", env!("CARGO_MANIFEST_DIR"))
}

const FIT: [&str; 4] = ["--fit", "groups.list.*.trust=0.6:1.6", "--fit", "groups.list.*.skills=0.8:1.1"];
const SMALL: [&str; 8] = ["--agents", "1500", "--replicates", "3", "--budget", "8", "--seed", "5"];

fn read(p: PathBuf) -> String {
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn a_calibration_run_here_or_chunked_through_sweep_gives_the_same_files() {
    let dir = scratch("chunked");
    let targets = targets_file();
    let here = dir.join("here");
    let mut args = vec!["calibrate", &targets, "--out", s(&here)];
    args.extend(FIT);
    args.extend(SMALL);
    let out = rollout(&args);
    ok(&out);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("| Declined a first offer |") && stdout.contains("Foster et al."), "{stdout}");
    let calibrated = read(here.join("calibrated.json"));
    rollout_engine::Scenario::from_json(&calibrated).expect("a valid scenario");
    let accepted = read(here.join("accepted.csv"));
    assert!(accepted.starts_with("point,score,groups.list.*.trust,groups.list.*.skills,Declined a first offer"));
    assert!(accepted.lines().count() >= 2);
    assert!(read(here.join("fit.json")).contains("\"within_tolerance\""));

    let plan = dir.join("plan");
    let mut args = vec!["calibrate", &targets, "--design-only", "--out", s(&plan)];
    args.extend(FIT);
    args.extend(SMALL);
    ok(&rollout(&args));
    let sweep = dir.join("sweep");
    let design = plan.join("design.json");
    let scenario = plan.join("scenario.json");
    for chunk in ["0/3", "2/3", "1/3"] {
        ok(&rollout(&["sweep", s(&design), s(&scenario), "--chunk", chunk, "--out", s(&sweep)]));
    }
    let merged = dir.join("merged.csv");
    ok(&rollout(&["merge", s(&sweep), "--out", s(&merged)]));
    let there = dir.join("there");
    ok(&rollout(&["calibrate", &targets, "--results", s(&merged), "--out", s(&there)]));
    assert_eq!(read(there.join("calibrated.json")), calibrated);
    assert_eq!(read(there.join("accepted.csv")), accepted);
    assert_eq!(read(there.join("fit.md")), read(here.join("fit.md")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_targets_fit_ranges_and_budgets_are_refused_in_one_line() {
    let dir = scratch("refusals");
    let good = read(PathBuf::from(targets_file()));
    let write = |name: &str, text: String| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let unknown = write("unknown.json", good.replacen("declined_first_offer", "declined_first_ofer", 1));
    let zero = write("zero.json", good.replacen("\"tolerance\": 0.02", "\"tolerance\": 0", 1));
    let out = dir.join("out");
    let run = |targets: &Path, fit: &str, budget: &str| {
        rollout(&["calibrate", s(targets), "--fit", fit, "--budget", budget, "--out", s(&out)])
    };
    let fit = "groups.list.*.trust=0.6:1.6";
    assert_refused(
        &run(&unknown, fit, "8"),
        "unknown.json: targets: target \"Declined a first offer\": statistic: unknown output \"declined_first_ofer\"",
    );
    assert_refused(&run(&zero, fit, "8"), "tolerance: 0 must be above 0");
    let targets = PathBuf::from(targets_file());
    assert_refused(
        &run(&targets, "groups.list.0.trust=0.2:1.4", "8"),
        "--fit groups.list.0.trust: 1.4 is out of range; allowed 0 to 1",
    );
    let e = run(&targets, "groups.list.*.access=0.8:3", "8");
    assert_refused(&e, "--fit groups.list.*.access: multiplier 3: groups.list.");
    assert!(
        String::from_utf8_lossy(&e.stderr).contains(".access: ")
            && String::from_utf8_lossy(&e.stderr).contains("allowed 0 to 1")
    );
    assert_refused(&run(&targets, fit, "0"), "--budget 0: allowed 2 to");
    assert_refused(&rollout(&["calibrate", s(&targets), "--budget", "8", "--out", s(&out)]), "--fit is missing");
    assert!(!out.join("calibrated.json").exists(), "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}
