//! One clear line for each bad input: the field in the user's words, short numbers, escaped names; and
//! inputs that are fine but were refused before (a byte-order mark, a name that looks like a number).

use std::process::{Command, Output};

fn rollout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rollout")).args(args).output().expect("rollout runs")
}

fn refused(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(o.stdout.is_empty());
    err
}

const SMALL: [&str; 9] = ["run", "--preset", "bass", "--agents", "300", "--months", "3", "--replicates", "1"];

fn run_with(extra: &[&str]) -> Output {
    rollout(&[&SMALL[..], extra].concat())
}

#[test]
fn set_takes_text_for_text_fields_and_refuses_non_finite_numbers() {
    let o = run_with(&["--set", "name=2024", "--format", "json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for bad in ["nan", "inf", "1e999"] {
        let err = refused(&run_with(&["--set", &format!("diffusion.imitation={bad}")]));
        assert!(err.contains("diffusion.imitation: \"") && err.contains("is not a finite number"), "{err}");
    }
}

#[test]
fn set_options_are_validated_together() {
    let base = ["run", "--preset", "targeted-support", "--agents", "300", "--months", "3", "--replicates", "1"];
    let o = rollout(&base);
    assert!(o.status.success());
    // Rename every group (alone, invalid: the targeting lists name the old groups), then aim every lever
    // at everyone: valid together.
    let mut args: Vec<String> = base.iter().map(|s| s.to_string()).collect();
    for i in 0..5 {
        args.extend(["--set".into(), format!("groups.list.{i}.name=Area {i}")]);
    }
    let alone = Command::new(env!("CARGO_BIN_EXE_rollout")).args(&args).output().unwrap();
    assert!(refused(&alone).contains("is not one of the scenario's groups"));
    for lever in ["subsidy", "support", "connectivity"] {
        args.extend(["--set".into(), format!("levers.{lever}.groups=[]")]);
    }
    let o = Command::new(env!("CARGO_BIN_EXE_rollout")).args(&args).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains(",Area 4,"));
}

#[test]
fn names_and_numbers_in_messages_are_short_and_escaped() {
    let err = refused(&run_with(&["--set", "groups.list.0.share=1e308"]));
    assert!(err.contains("groups.list.0.share: 1e308 is out of range; allowed 2.23e-308 to 1000000"), "{err}");
    let err = refused(&run_with(&["--set", &format!("groups.list.0.name=\u{1b}[2J{}", "x".repeat(10_000))]));
    assert!(err.contains("groups.list.0.name: a name of 10004 characters is too long; allowed 1 to 40"), "{err}");
    assert!(err.len() < 200, "{err}");
    let err = refused(&run_with(&["--set", "groups.list.0.name=all"]));
    assert!(err.contains("is reserved"), "{err}");
}

#[test]
fn a_scenario_file_with_a_byte_order_mark_runs() {
    let dir = std::env::temp_dir().join(format!("rollout-messages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bom.json");
    let json = rollout(&["preset", "bass"]).stdout;
    std::fs::write(&file, [&b"\xef\xbb\xbf"[..], &json].concat()).unwrap();
    let o = rollout(&["run", file.to_str().unwrap(), "--agents", "300", "--months", "3", "--replicates", "1"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let typed = String::from_utf8(json).unwrap().replacen("\"agents\": ", "\"agents\": \"x\", \"was\": ", 1);
    std::fs::write(&file, typed).unwrap();
    let err = refused(&rollout(&["run", file.to_str().unwrap()]));
    assert!(err.contains("agents: invalid type: string \"x\", expected a whole number"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_new_lever_options_get_one_line_naming_the_field() {
    let base = ["run", "--preset", "heart-monitoring", "--agents", "300", "--months", "3", "--replicates", "1"];
    let with = |set: &str| rollout(&[&base[..], &["--set", set]].concat());
    let err = refused(&with("levers.connectivity.means_tested=true"));
    assert!(err.contains("levers.connectivity.means_tested: only the subsidy can be means-tested"), "{err}");
    let err = refused(&with("levers.support.by_group={\"Q9\": 0.5}"));
    assert!(err.contains("levers.support.by_group.Q9: \"Q9\" is not one of the scenario's groups"), "{err}");
    let err = refused(&with("organisations.cost_weight=11"));
    assert!(err.contains("organisations.cost_weight: 11 is out of range; allowed 0 to 10"), "{err}");
    for fine in ["technology.needs_home_internet=false", "levers.subsidy.means_tested=true"] {
        let o = with(fine);
        assert!(o.status.success(), "{fine}: {}", String::from_utf8_lossy(&o.stderr));
    }
}
