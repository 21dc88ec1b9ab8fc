//! The fit report: for each target, the published value, the simulated value before and after calibration
//! (mean across replicates with its 95% interval), and whether each is within tolerance.

use std::borrow::Borrow;
use std::fmt::Write;

use serde::Serialize;

use super::target::{Target, Targets};
use crate::estimate::{t_critical, Estimate};
use crate::record::ReplicateResult;
use crate::run::run_replicates;
use crate::scenario::Scenario;

/// One target's line of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FitRow {
    pub target: Target,
    /// Simulated by the scenario before calibration; `None` when not applicable.
    pub before: Option<Estimate>,
    /// Simulated by the calibrated scenario; `None` when not applicable.
    pub after: Option<Estimate>,
}

impl FitRow {
    /// The calibrated scenario's mean is within the target's tolerance.
    pub fn met_after(&self) -> bool {
        self.after.is_some_and(|e| self.target.met_by(e.mean))
    }

    /// The scenario before calibration met it.
    pub fn met_before(&self) -> bool {
        self.before.is_some_and(|e| self.target.met_by(e.mean))
    }
}

/// Each target's simulated value in a scenario's replicates: mean and 95% interval across the replicates
/// where it applies.
pub fn simulate<R: Borrow<ReplicateResult>>(
    targets: &Targets,
    scenario: &Scenario,
    results: &[R],
) -> Vec<Option<Estimate>> {
    targets
        .targets
        .iter()
        .map(|t| {
            let r = t.response();
            let v: Vec<f64> =
                results.iter().filter_map(|res| r.value(scenario, res.borrow())).filter(|x| x.is_finite()).collect();
            (!v.is_empty()).then(|| Estimate::from_samples(&v, t_critical(v.len())))
        })
        .collect()
}

/// Run `scenario` (validated) and simulate every target.
pub fn evaluate(targets: &Targets, scenario: &Scenario) -> Vec<Option<Estimate>> {
    let results = run_replicates(scenario, &|_, _| {});
    simulate(targets, scenario, &results)
}

/// The report of `before` against `after`.
pub fn fit_report(targets: &Targets, before: &Scenario, after: &Scenario) -> Vec<FitRow> {
    let b = evaluate(targets, before);
    let a = if before == after { b.clone() } else { evaluate(targets, after) };
    targets
        .targets
        .iter()
        .zip(b)
        .zip(a)
        .map(|((t, before), after)| FitRow { target: t.clone(), before, after })
        .collect()
}

fn shown(e: Option<Estimate>) -> String {
    e.map_or("n/a".into(), |e| format!("{:.3} ({:.3}-{:.3})", e.mean, e.lo, e.hi))
}

/// The report as a Markdown table: target, published, tolerance, before, after, met, source, population.
pub fn to_markdown(rows: &[FitRow]) -> String {
    let mut t = String::from(
        "| Target | Statistic | Published | Tolerance | Before (95% CI) | After (95% CI) | Met | Source | Population and caveat |\n\
         |---|---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        let met = match (r.target.asserted(), r.met_after()) {
            (_, true) => "yes".to_string(),
            (true, false) => "**no**".to_string(),
            (false, false) => format!("no, not asserted: {}", r.target.not_met_because.as_deref().unwrap_or("")),
        };
        let _ = writeln!(
            t,
            "| {} | `{}` | {} | ±{} | {} | {} | {} | {} | {} |",
            r.target.name,
            r.target.statistic,
            r.target.published,
            r.target.tolerance,
            shown(r.before),
            shown(r.after),
            met,
            r.target.source,
            r.target.population
        );
    }
    t
}
