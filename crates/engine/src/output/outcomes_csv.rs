//! The outcomes as CSV: one row per group and one for all groups, with every NASSS outcome and the
//! outcome-level counts at the horizon (mean and 95% interval, and the replicates it is defined in), then
//! each budget lever's status over the run (the same on every row).

use std::fmt::Write;

use crate::estimate::{Estimate, PartialEstimate};
use crate::summary::{LeverBudgetStatus, OutcomeSummary, RunSummary};

/// Each outcome column: its name and how to read it from a row. A `None` is "not applicable" (0/0 in every
/// replicate) and is written as empty cells, never 0.
type Column = (&'static str, fn(&OutcomeSummary, u32) -> Option<PartialEstimate>);

fn whole(e: &Estimate, replicates: u32) -> Option<PartialEstimate> {
    Some(PartialEstimate { mean: e.mean, lo: e.lo, hi: e.hi, replicates })
}

const COLUMNS: [Column; 16] = [
    ("non_adoption", |o, n| whole(&o.non_adoption, n)),
    ("never_offered", |o, n| whole(&o.never_offered, n)),
    ("declined", |o, n| whole(&o.declined, n)),
    ("abandonment_6m", |o, _| o.abandonment_6m),
    ("abandonment_12m", |o, _| o.abandonment_12m),
    ("discontinuation", |o, _| o.discontinuation),
    ("scale_up", |o, _| o.scale_up),
    ("spread", |o, n| whole(&o.spread, n)),
    ("sustainability", |o, _| o.sustainability),
    ("deaths", |o, n| whole(&o.deaths, n)),
    ("deaths_avoided", |o, n| whole(&o.deaths_avoided, n)),
    ("events_avoided", |o, n| whole(&o.events_avoided, n)),
    ("cost", |o, n| whole(&o.cost, n)),
    ("cost_per_event_avoided", |o, _| o.cost_per_event_avoided),
    ("benefit_share", |o, _| o.benefit_share),
    ("need_share", |o, _| o.need_share),
];

/// The outcomes CSV of a summary (`rollout run --format outcomes-csv`). Columns: `group`, then for every
/// outcome `NAME,NAME_lo,NAME_hi,NAME_replicates` (empty when not applicable in every replicate), then for
/// every budget lever `LEVER_status` (unused, paid, saturated, rationed), `LEVER_months_rationed` with
/// `_lo`/`_hi`, and `LEVER_first_rationed_month` (empty when never rationed). Deaths, events avoided and
/// cost are counts over the run; the rest are shares, 0 to 1.
///
/// ```
/// use rollout_engine::{output, presets, run};
/// let mut s = presets::preset("pilot-ends").unwrap().scenario;
/// (s.agents, s.replicates) = (1_000, 2);
/// let csv = output::to_outcomes_csv(&run::run(&s).unwrap());
/// let header = csv.lines().next().unwrap();
/// assert!(header.starts_with("group,non_adoption,non_adoption_lo,non_adoption_hi,non_adoption_replicates,"));
/// assert!(header.contains(",abandonment_6m,") && header.contains(",subsidy_status,"));
/// assert_eq!(csv.lines().count(), 1 + 5 + 1);
/// ```
pub fn to_outcomes_csv(summary: &RunSummary) -> String {
    let mut out = String::from("group");
    for (name, _) in &COLUMNS {
        let _ = write!(out, ",{name},{name}_lo,{name}_hi,{name}_replicates");
    }
    for lever in &summary.levers {
        let l = &lever.lever;
        let _ = write!(
            out,
            ",{l}_status,{l}_months_rationed,{l}_months_rationed_lo,{l}_months_rationed_hi,{l}_first_rationed_month"
        );
    }
    out.push('\n');
    let mut levers = String::new();
    for lever in &summary.levers {
        let status = match lever.status {
            LeverBudgetStatus::Unused => "unused",
            LeverBudgetStatus::Rationed => "rationed",
            LeverBudgetStatus::Saturated => "saturated",
            LeverBudgetStatus::Paid => "paid",
        };
        let m = &lever.months_rationed;
        let first = lever.first_rationed_month.map(|f| f.to_string()).unwrap_or_default();
        let _ = write!(levers, ",{status},{},{},{},{first}", m.mean, m.lo, m.hi);
    }
    for row in &summary.outcomes {
        out.push_str(&super::csv::quote(&row.group));
        for (_, read) in &COLUMNS {
            match read(row, summary.replicates) {
                Some(e) => {
                    let _ = write!(out, ",{},{},{},{}", e.mean, e.lo, e.hi, e.replicates);
                }
                None => out.push_str(",,,,"),
            }
        }
        out.push_str(&levers);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{presets, run};

    #[test]
    fn not_applicable_is_empty_and_every_row_has_every_column() {
        let mut s = presets::preset("pilot-ends").unwrap().scenario;
        (s.agents, s.replicates, s.months) = (500, 2, 12);
        // Funding never ends inside 12 months: sustainability is not applicable.
        let csv = to_outcomes_csv(&run::run(&s).unwrap());
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let at = header.iter().position(|h| *h == "sustainability").unwrap();
        for line in lines {
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells.len(), header.len(), "{line}");
            assert_eq!(&cells[at..at + 4], ["", "", "", ""], "{line}");
            let deaths = header.iter().position(|h| *h == "deaths_replicates").unwrap();
            assert_eq!(cells[deaths], "2");
        }
    }
}
