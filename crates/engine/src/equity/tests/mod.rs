//! Tests of the equity measures: the published `healthequal` example, hand-worked tables, applicability,
//! direction, validation and properties. Every test name contains "equity" so
//! `cargo test -p rollout-engine equity` runs them all.

mod applicability;
#[cfg(not(target_arch = "wasm32"))] // proptest is a native-only dev-dependency
mod properties;
mod published;
mod validation;
mod worked;

use super::{Subgroup, SubgroupTable, TableOptions};

/// Asserts |actual − expected| ≤ tol · max(1, |expected|).
#[track_caller]
pub(super) fn close(actual: Option<f64>, expected: f64, tol: f64) {
    let a = actual.unwrap_or_else(|| panic!("expected {expected}, got None"));
    assert!((a - expected).abs() <= tol * expected.abs().max(1.0), "expected {expected}, got {a}");
}

/// A non-ordered table from (name, estimate, population).
pub(super) fn plain(rows: &[(&str, f64, f64)], options: TableOptions) -> SubgroupTable {
    SubgroupTable::new(rows.iter().map(|&(n, e, p)| Subgroup::new(n, e, p)).collect(), options).unwrap()
}

/// An ordered table from (name, estimate, population, order).
pub(super) fn ranked(rows: &[(&str, f64, f64, i64)], options: TableOptions) -> SubgroupTable {
    SubgroupTable::new(rows.iter().map(|&(n, e, p, o)| Subgroup::new(n, e, p).with_order(o)).collect(), options)
        .unwrap()
}
