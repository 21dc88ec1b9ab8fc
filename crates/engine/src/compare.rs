//! What a change bought: per group, the difference between a run and a baseline, with a 95% interval.
//!
//! When both runs have the same seed and replicate count, replicate r of one is paired with replicate r
//! of the other (common random numbers: both drew the same people and the same chances), and the interval
//! is that of the paired differences, far narrower than two separate intervals. Otherwise the interval is
//! Welch's, with the smaller run's degrees of freedom.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use crate::estimate::{t_critical, Estimate};
use crate::outcomes::{outcomes, Outcomes};
use crate::record::ReplicateResult;
use crate::scenario::Scenario;
use crate::summary::{in_replicate_order, ALL_GROUPS};

/// A run: its scenario and its replicates, owned or shared (`ReplicateResult`, `Rc<ReplicateResult>`...).
pub struct Run<'a, R = ReplicateResult> {
    pub scenario: &'a Scenario,
    pub results: &'a [R],
}

impl<R> Clone for Run<'_, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Run<'_, R> {}

/// Current minus baseline for one group (or all), at each run's horizon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupDifference {
    pub group: String,
    /// Ever used it, share of eligible (0-1 difference).
    pub ever_adopted_share: Estimate,
    /// Using it at the horizon, share of eligible.
    pub active_share: Estimate,
    /// Never used it, share of eligible.
    pub non_adoption: Estimate,
    /// Abandonment within 12 months of starting (share of starters); `None` when it is not applicable in
    /// either run. Only replicates in which it is defined enter (pairs in which both are, when paired).
    pub abandonment: Option<Estimate>,
    /// Adverse events avoided over the horizon (count).
    pub events_avoided: Estimate,
    /// All costs over the horizon, GBP.
    pub cost: Estimate,
}

/// Whether two runs can be paired replicate by replicate.
pub fn paired<A, B>(current: Run<A>, baseline: Run<B>) -> bool {
    current.scenario.seed == baseline.scenario.seed && current.results.len() == baseline.results.len()
}

/// Differences for every group present in both runs (matched by name), then all groups.
///
/// ```
/// use rollout_engine::compare::{difference, Run};
/// use rollout_engine::{model::run_replicate, presets};
/// let mut base = presets::preset("heart-monitoring").unwrap().scenario;
/// (base.agents, base.months, base.replicates) = (1_000, 24, 3);
/// let mut more = base.clone();
/// more.diffusion.innovation = 2.0;
/// let (a, b): (Vec<_>, Vec<_>) = (0..3).map(|r| (run_replicate(&more, r), run_replicate(&base, r))).unzip();
/// let d = difference(Run { scenario: &more, results: &a }, Run { scenario: &base, results: &b });
/// assert_eq!(d.last().unwrap().group, "all");
/// assert!(d.last().unwrap().ever_adopted_share.mean > 0.0);
/// ```
pub fn difference<A, B>(current: Run<A>, baseline: Run<B>) -> Vec<GroupDifference>
where
    A: Borrow<ReplicateResult>,
    B: Borrow<ReplicateResult>,
{
    let pair = paired(current, baseline);
    let (current, baseline) = (sorted(current), sorted(baseline));
    let names: Vec<Option<String>> = current
        .scenario
        .groups
        .list
        .iter()
        .filter(|g| baseline.scenario.group_index(&g.name).is_some())
        .map(|g| Some(g.name.clone()))
        .chain([None])
        .collect();
    names
        .into_iter()
        .map(|name| {
            let per = |run: &Sorted| -> Vec<Outcomes> {
                let index = name.as_deref().and_then(|n| run.scenario.group_index(n));
                run.results.iter().map(|r| outcomes(run.scenario, r, index)).collect()
            };
            let (a, b) = (per(&current), per(&baseline));
            let end_share = |run: &Sorted, f: fn(&crate::record::GroupMonth) -> f64| -> Vec<f64> {
                let index = name.as_deref().and_then(|n| run.scenario.group_index(n));
                run.results
                    .iter()
                    .map(|r| {
                        let last = r.months.last().expect("a replicate has months");
                        let row = index.map_or_else(|| last.all(), |g| last.groups[g].clone());
                        if row.eligible == 0 {
                            0.0
                        } else {
                            f(&row) / row.eligible as f64
                        }
                    })
                    .collect()
            };
            let of = |f: fn(&Outcomes) -> f64| {
                diff(&a.iter().map(f).collect::<Vec<_>>(), &b.iter().map(f).collect::<Vec<_>>(), pair)
            };
            GroupDifference {
                group: name.clone().unwrap_or_else(|| ALL_GROUPS.to_string()),
                ever_adopted_share: diff(
                    &end_share(&current, |r| r.ever_adopted() as f64),
                    &end_share(&baseline, |r| r.ever_adopted() as f64),
                    pair,
                ),
                active_share: diff(
                    &end_share(&current, |r| r.active as f64),
                    &end_share(&baseline, |r| r.active as f64),
                    pair,
                ),
                non_adoption: of(|o| o.non_adoption),
                abandonment: optional_diff(&a, &b, pair, |o| o.abandonment_12m),
                events_avoided: of(|o| o.events_avoided),
                cost: of(|o| o.cost),
            }
        })
        .collect()
}

/// A run with its replicates in replicate order (pairing and summing both depend on it), sorted once.
struct Sorted<'a> {
    scenario: &'a Scenario,
    results: Vec<&'a ReplicateResult>,
}

fn sorted<'a, R: Borrow<ReplicateResult>>(run: Run<'a, R>) -> Sorted<'a> {
    Sorted { scenario: run.scenario, results: in_replicate_order(run.results) }
}

/// Difference of an outcome that may be not applicable, over the replicates where it is defined.
fn optional_diff(a: &[Outcomes], b: &[Outcomes], paired: bool, f: fn(&Outcomes) -> Option<f64>) -> Option<Estimate> {
    let (xs, ys): (Vec<f64>, Vec<f64>) = if paired && a.len() == b.len() {
        a.iter().zip(b).filter_map(|(x, y)| Some((f(x)?, f(y)?))).unzip()
    } else {
        (a.iter().filter_map(f).collect(), b.iter().filter_map(f).collect())
    };
    (!xs.is_empty() && !ys.is_empty()).then(|| diff(&xs, &ys, paired))
}

/// Mean difference a - b with its 95% interval: paired, or Welch's.
fn diff(a: &[f64], b: &[f64], paired: bool) -> Estimate {
    if paired && a.len() == b.len() {
        let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
        return Estimate::from_samples(&d, t_critical(d.len()));
    }
    let (ea, eb) = (Estimate::from_samples(a, 0.0), Estimate::from_samples(b, 0.0));
    let mean = ea.mean - eb.mean;
    let variance = |xs: &[f64], m: f64| {
        if xs.len() < 2 {
            0.0
        } else {
            xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (xs.len() - 1) as f64 / xs.len() as f64
        }
    };
    let n = a.len().min(b.len());
    let half = t_critical(n) * (variance(a, ea.mean) + variance(b, eb.mean)).sqrt();
    Estimate { mean, lo: mean - half, hi: mean + half }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::run_replicate;
    use crate::presets;

    fn runs(s: &Scenario) -> Vec<ReplicateResult> {
        (0..s.replicates).map(|r| run_replicate(s, r)).collect()
    }

    #[test]
    fn a_run_against_itself_differs_by_exactly_nothing() {
        let mut s = presets::preset("heart-monitoring").unwrap().scenario;
        (s.agents, s.months, s.replicates) = (1_000, 24, 4);
        let r = runs(&s);
        for d in difference(Run { scenario: &s, results: &r }, Run { scenario: &s, results: &r }) {
            assert_eq!(d.ever_adopted_share, Estimate::exact(0.0), "{}", d.group);
            assert_eq!(d.cost, Estimate::exact(0.0), "{}", d.group);
        }
    }

    #[test]
    fn pairing_by_seed_narrows_the_interval_and_unmatched_groups_are_left_out() {
        let mut base = presets::preset("heart-monitoring").unwrap().scenario;
        (base.agents, base.months, base.replicates) = (2_000, 60, 6);
        let mut change = base.clone();
        change.levers.support.level = 1.0;
        change.groups.list[4].name = "Renamed".into();
        let (a, b) = (runs(&change), runs(&base));
        let paired_d = difference(Run { scenario: &change, results: &a }, Run { scenario: &base, results: &b });
        assert_eq!(
            paired_d.iter().map(|d| d.group.as_str()).collect::<Vec<_>>(),
            ["Q1 most deprived", "Q2", "Q3", "Q4", "all"]
        );
        let mut reseeded = base.clone();
        reseeded.seed += 1;
        let c = runs(&reseeded);
        let welch = difference(Run { scenario: &change, results: &a }, Run { scenario: &reseeded, results: &c });
        let width = |e: Estimate| e.hi - e.lo;
        let (p, w) = (width(paired_d[4].ever_adopted_share), width(welch[4].ever_adopted_share));
        assert!(p < w, "paired {p} vs unpaired {w}");
        assert!(!paired(Run { scenario: &change, results: &a }, Run { scenario: &reseeded, results: &c }));
    }
}
