//! CSV: one row per month per group, plus a row for all groups.

use std::fmt::Write;

use crate::estimate::Estimate;
use crate::quantity::Quantity;
use crate::summary::RunSummary;

/// The CSV text of a summary. Columns: `month,group,eligible`, then for every [`Quantity`] its mean and
/// `_lo`/`_hi` 95% bounds, then the organisation shares (the same on every row of a month). Numbers are
/// written in Rust's shortest round-trip form, identical on every platform.
///
/// ```
/// use rollout_engine::{output, presets, run};
/// let mut s = presets::preset("bass").unwrap().scenario;
/// (s.agents, s.months, s.replicates) = (500, 3, 2);
/// let csv = output::to_csv(&run::run(&s).unwrap());
/// assert!(csv.starts_with("month,group,eligible,aware_share,aware_share_lo,aware_share_hi,"));
/// assert_eq!(csv.lines().count(), 1 + 4 * 2);
/// ```
pub fn to_csv(summary: &RunSummary) -> String {
    let mut out = String::from("month,group,eligible");
    let columns = Quantity::ALL.iter().map(|q| q.name()).chain(ORGANISATION_COLUMNS);
    for name in columns {
        let _ = write!(out, ",{name},{name}_lo,{name}_hi");
    }
    out.push('\n');
    for month in &summary.months {
        let o = &month.organisations;
        for row in &month.groups {
            let _ = write!(out, "{},{},{}", month.month, quote(&row.group), row.eligible);
            for e in row.values.iter().chain([&o.offering_share, &o.ever_offered_share, &o.discontinued_share]) {
                push_estimate(&mut out, e);
            }
            out.push('\n');
        }
    }
    out
}

const ORGANISATION_COLUMNS: [&str; 3] =
    ["organisations_offering_share", "organisations_ever_offered_share", "organisations_discontinued_share"];

fn push_estimate(out: &mut String, e: &Estimate) {
    let _ = write!(out, ",{},{},{}", e.mean, e.lo, e.hi);
}

/// Quote a field when it holds a comma, quote or line break.
pub(super) fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
