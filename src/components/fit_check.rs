//! "How well does it fit?": for a preset with targets (compiled into the engine from `data/targets/`), each
//! published figure beside the value the current run simulates and its interval, with the source and the
//! population it was measured in, so a policymaker sees what the model has and has not been checked against.

use rollout_engine::calibrate::{shipped_targets, simulate};
use rollout_engine::estimate::Estimate;
use yew::prelude::*;

use super::estimate::estimate;
use crate::format::ValueFormat::Percent;
use crate::state::{Run, Shared};

#[derive(Properties, PartialEq)]
pub struct FitCheckProps {
    /// The preset the page started from.
    pub preset: AttrValue,
    /// The run on screen; compared by identity.
    pub run: Shared<Run>,
}

/// One published figure against the run.
#[derive(Clone, Debug, PartialEq)]
pub struct FitLine {
    pub name: String,
    pub published: f64,
    pub tolerance: f64,
    /// Simulated by the run's replicates; `None` where not applicable (never 0).
    pub simulated: Option<Estimate>,
    /// Within tolerance, not, or not expected (with the reason).
    pub verdict: String,
    pub source: String,
    pub population: String,
}

/// The lines for `preset` against `run`, or `None` when the preset has no targets or no replicate is in.
pub fn fit_lines(preset: &str, run: &Run) -> Option<Vec<FitLine>> {
    let targets = shipped_targets(preset)?;
    if run.replicates.is_empty() {
        return None;
    }
    let simulated = simulate(&targets, &run.scenario, &run.replicates);
    Some(
        targets
            .targets
            .into_iter()
            .zip(simulated)
            .map(|(t, e)| {
                let verdict = match (e.map(|e| t.met_by(e.mean)), &t.not_met_because) {
                    (Some(true), _) => "yes".to_string(),
                    (_, Some(reason)) => format!("no: not expected ({reason})"),
                    (Some(false), None) => "no".to_string(),
                    (None, None) => "not applicable".to_string(),
                };
                FitLine {
                    name: t.name,
                    published: t.published,
                    tolerance: t.tolerance,
                    simulated: e,
                    verdict,
                    source: t.source,
                    population: t.population,
                }
            })
            .collect(),
    )
}

#[function_component(FitCheck)]
pub fn fit_check(props: &FitCheckProps) -> Html {
    let Some(lines) = fit_lines(&props.preset, &props.run) else { return html! {} };
    let n = props.run.replicates.len();
    html! {
        <details class="fit-check" id="fit-check">
            <summary><h2>{ "How well does it fit?" }</h2></summary>
            <p class="hint">{ format!(
                "Published figures this preset was fitted to, beside what the current settings simulate (mean and 95% interval over {n} replicates). Change a lever or an assumption and the simulated column follows."
            ) }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Published figures against simulated values">
            <table id="fit-table">
                <thead><tr>
                    { for ["Published figure", "Published", "Simulated", "Within tolerance", "Source", "Measured in"].iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                </tr></thead>
                <tbody>
                    { for lines.iter().map(|l| html! {
                        <tr>
                            <th scope="row">{ l.name.clone() }</th>
                            <td>{ format!("{} ± {}", Percent.format(l.published), Percent.format(l.tolerance)) }</td>
                            <td>{ estimate(Percent.format_optional(l.simulated.as_ref())) }</td>
                            <td>{ l.verdict.clone() }</td>
                            <td>{ l.source.clone() }</td>
                            <td><small>{ l.population.clone() }</small></td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use rollout_engine::model::run_replicate;
    use rollout_engine::presets;

    use super::*;

    fn run_of(preset: &str) -> Run {
        let mut s = presets::preset(preset).unwrap().scenario;
        (s.agents, s.replicates) = (2_000, 2);
        let mut run = Run::new(1, Rc::new(s.clone()));
        run.replicates = (0..2).map(|r| Rc::new(run_replicate(&s, r))).collect();
        run
    }

    #[test]
    fn presets_with_targets_list_each_figure_and_others_show_nothing() {
        let run = run_of("heart-monitoring");
        let lines = fit_lines("heart-monitoring", &run).unwrap();
        let targets = shipped_targets("heart-monitoring").unwrap();
        assert_eq!(lines.len(), targets.targets.len());
        for (l, t) in lines.iter().zip(&targets.targets) {
            let e = l.simulated.unwrap();
            assert!(e.mean > 0.0 && e.mean <= 1.0 && e.lo <= e.mean && e.mean <= e.hi, "{l:?}");
            assert_eq!(l.verdict == "yes", t.met_by(e.mean), "{l:?}");
            assert!(l.source.contains("Foster"));
        }
        assert_eq!(fit_lines("bass", &run_of("bass")), None);
        assert_eq!(fit_lines("heart-monitoring", &Run::new(2, run.scenario.clone())), None);
    }
}
