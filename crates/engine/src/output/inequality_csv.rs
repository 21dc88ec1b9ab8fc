//! CSV of the WHO HEAT inequality measures over time: one row per month, quantity and measure.

use std::fmt::Write;

use crate::summary::RunSummary;

/// The inequality measures of a summary in long format: `month,quantity,measure,mean,lo,hi`, rows in month,
/// quantity and measure order (names sorted, so the bytes are the same everywhere). A measure the engine
/// holds back (too few users in a group for a ratio, say) has its three numbers empty, never 0. A scenario
/// with one group has only the header.
///
/// ```
/// use rollout_engine::{output, presets, run};
/// let mut s = presets::preset("heart-monitoring").unwrap().scenario;
/// (s.agents, s.months, s.replicates) = (1_000, 3, 2);
/// let csv = output::inequality_to_csv(&run::run(&s).unwrap());
/// assert!(csv.starts_with("month,quantity,measure,mean,lo,hi\n"));
/// assert!(csv.lines().any(|l| l.starts_with("3,ever_adopted_share,D,")));
/// ```
pub fn inequality_to_csv(summary: &RunSummary) -> String {
    let mut out = String::from("month,quantity,measure,mean,lo,hi\n");
    for month in &summary.inequality {
        for (quantity, measures) in &month.measures {
            for (measure, estimate) in measures {
                let _ = write!(out, "{},{quantity},{measure}", month.month);
                match estimate {
                    Some(e) => {
                        let _ = writeln!(out, ",{},{},{}", e.mean, e.lo, e.hi);
                    }
                    None => out.push_str(",,,\n"),
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{presets, run};

    #[test]
    fn every_month_and_measure_has_a_row_and_one_group_has_none() {
        let mut s = presets::preset("heart-monitoring").unwrap().scenario;
        (s.agents, s.months, s.replicates) = (1_000, 6, 2);
        let summary = run::run(&s).unwrap();
        let csv = inequality_to_csv(&summary);
        let per_month: usize = summary.inequality[0].measures.values().map(|m| m.len()).sum();
        assert_eq!(csv.lines().count(), 1 + summary.inequality.len() * per_month);
        assert!(csv.lines().skip(1).all(|l| l.split(',').count() == 6));
        let held_back =
            summary.inequality.iter().flat_map(|m| m.measures.values()).flat_map(|m| m.values()).any(Option::is_none);
        assert!(held_back, "the first months of a small run hold some relative measures back");
        assert!(csv.lines().any(|l| l.ends_with(",,,")), "held-back measures are empty, never 0");
        let mut bass = presets::preset("bass").unwrap().scenario;
        (bass.agents, bass.months, bass.replicates) = (500, 3, 2);
        assert_eq!(inequality_to_csv(&run::run(&bass).unwrap()), "month,quantity,measure,mean,lo,hi\n");
    }
}
