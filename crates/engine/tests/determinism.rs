//! The same scenario and seed give the same bytes; a different seed gives different numbers.

mod common;

use rollout_engine::model::run_replicate;
use rollout_engine::summary::summarise;
use rollout_engine::{output, run};

#[test]
fn same_seed_same_bytes() {
    let s = common::small("heart-monitoring", 4_000, 4);
    let a = output::to_csv(&run::run(&s).unwrap());
    let b = output::to_csv(&run::run(&s).unwrap());
    assert_eq!(a, b);
    let ja = output::to_json(&run::run(&s).unwrap());
    assert_eq!(ja, output::to_json(&run::run(&s).unwrap()));
}

#[test]
fn different_seed_different_numbers() {
    let mut s = common::small("heart-monitoring", 4_000, 2);
    let a = output::to_csv(&run::run(&s).unwrap());
    s.seed += 1;
    let b = output::to_csv(&run::run(&s).unwrap());
    assert_ne!(a, b);
}

#[test]
fn replicates_combine_the_same_in_any_order_and_match_the_parallel_run() {
    let s = common::small("targeted-support", 3_000, 5);
    let mut results: Vec<_> = (0..s.replicates).map(|r| run_replicate(&s, r)).collect();
    let in_order = summarise(&s, &results);
    results.reverse();
    assert_eq!(summarise(&s, &results), in_order);
    assert_eq!(run::run(&s).unwrap(), in_order);
}

#[test]
fn replicates_differ_from_each_other() {
    let s = common::small("heart-monitoring", 3_000, 2);
    assert_ne!(run_replicate(&s, 0).months, run_replicate(&s, 1).months);
}

#[test]
fn csv_rows_cover_every_month_and_group() {
    let s = common::small("heart-monitoring", 2_000, 2);
    let csv = output::to_csv(&run::run(&s).unwrap());
    let header = csv.lines().next().unwrap();
    for column in
        ["month", "group", "eligible", "aware_share", "ever_adopted_share_lo", "active_share_hi", "abandoned_share"]
    {
        assert!(header.split(',').any(|c| c == column), "missing {column}");
    }
    assert_eq!(csv.lines().count(), 1 + (s.months as usize + 1) * (s.groups.list.len() + 1));
    assert!(csv.lines().nth(6).unwrap().starts_with("0,all,2000,"));
}
