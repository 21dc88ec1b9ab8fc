//! The teams' debrief: each team's plan is an option (named by the team, added live or opened from the
//! team's comparison link), ranked on one measure at a time (reach, the gap between groups, health gained or
//! cost), each with its 95% interval. Pure ranking ([`rank`]) tested natively; [`Debrief`] shows it large.

use std::cmp::Ordering;
use std::rc::Rc;

use rollout_engine::estimate::Estimate;
use rollout_engine::quantity::Quantity;
use rollout_engine::summary::{GroupKey, RunSummary};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::{estimate, gap};
use crate::format::ValueFormat;
use crate::state::{Action, PolicyOption, NEW_OPTION_FIELD};

/// What the teams' plans are ranked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// People reached: ever used it, all groups, at the last month (higher first).
    Reach,
    /// The gap in ever used it between the groups at the two ends, in points (closest to none first).
    Gap,
    /// Adverse events avoided per 1,000 people (higher first).
    Health,
    /// Spend per 1,000 people (lower first).
    Cost,
}

impl Measure {
    pub const ALL: [Measure; 4] = [Measure::Reach, Measure::Gap, Measure::Health, Measure::Cost];

    /// The measure's name and the order it ranks in, in the user's words.
    pub fn title(self) -> &'static str {
        match self {
            Measure::Reach => "People reached (most first)",
            Measure::Gap => "Gap between groups (closest to none first)",
            Measure::Health => "Events avoided per 1,000 people (most first)",
            Measure::Cost => "Spend per 1,000 people (least first)",
        }
    }

    /// DOM id of its button.
    pub fn id(self) -> &'static str {
        match self {
            Measure::Reach => "rank-reach",
            Measure::Gap => "rank-gap",
            Measure::Health => "rank-health",
            Measure::Cost => "rank-cost",
        }
    }

    fn format(self) -> ValueFormat {
        match self {
            Measure::Reach => ValueFormat::Percent,
            Measure::Gap => ValueFormat::Number { decimals: 1 },
            Measure::Health => ValueFormat::Number { decimals: 1 },
            Measure::Cost => ValueFormat::Currency,
        }
    }

    /// The estimate of a plan on this measure (`people`: agents simulated); `None` when it does not apply
    /// (no gap with one group).
    pub fn of(self, summary: &RunSummary, people: u32) -> Option<Estimate> {
        let per_1000 = 1_000.0 / f64::from(people.max(1));
        let scaled = |e: Estimate| e.scaled(per_1000);
        let all = summary.outcome(GroupKey::All);
        match self {
            Measure::Reach => summary.months.last()?.group(GroupKey::All).map(|g| g.get(Quantity::EverAdoptedShare)),
            Measure::Gap => gap(summary),
            Measure::Health => all.map(|o| scaled(o.events_avoided)),
            Measure::Cost => all.map(|o| scaled(o.cost)),
        }
    }

    /// The number ranked on: for the gap its distance from none.
    fn key(self, e: &Estimate) -> f64 {
        match self {
            Measure::Reach | Measure::Health => -e.mean,
            Measure::Gap => e.mean.abs(),
            Measure::Cost => e.mean,
        }
    }
}

/// One plan's place.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub rank: usize,
    pub name: String,
    /// "17.1% (16.2–18.1%)".
    pub value: String,
    /// Its 95% interval does not overlap the next plan's: clearly ahead of it. `None` for the last.
    pub clearly_ahead: Option<bool>,
}

/// The plans (name, summary, people simulated) ranked on `measure`, best first; plans the measure does not
/// apply to are left out. Ties keep the plans' order.
pub fn rank(plans: &[(String, Rc<RunSummary>, u32)], measure: Measure) -> Vec<Ranked> {
    let mut rows: Vec<(&str, Estimate)> =
        plans.iter().filter_map(|(name, s, people)| Some((name.as_str(), measure.of(s, *people)?))).collect();
    rows.sort_by(|a, b| measure.key(&a.1).partial_cmp(&measure.key(&b.1)).unwrap_or(Ordering::Equal));
    let format = measure.format();
    (0..rows.len())
        .map(|i| {
            let (name, e) = &rows[i];
            let clearly_ahead = rows.get(i + 1).map(|(_, next)| e.hi < next.lo || next.hi < e.lo);
            let value = format.format_estimate(e);
            let value = if measure == Measure::Gap { format!("{value} pts") } else { value };
            Ranked { rank: i + 1, name: name.to_string(), value, clearly_ahead }
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct DebriefProps {
    pub options: Rc<Vec<PolicyOption>>,
    /// Why the last team name was refused, if it was.
    pub name_error: Option<String>,
    pub dispatch: Callback<Action>,
}

#[function_component(Debrief)]
pub fn debrief(props: &DebriefProps) -> Html {
    let measure = use_state(|| Measure::Reach);
    let name_ref = use_node_ref();
    let plans: Vec<(String, Rc<RunSummary>, u32)> = props
        .options
        .iter()
        .filter_map(|o| Some((o.name.clone(), o.complete_summary()?.clone(), o.run.scenario.agents)))
        .collect();
    let waiting = props.options.len() - plans.len();
    let rows = rank(&plans, *measure);
    let add = {
        let (dispatch, name_ref) = (props.dispatch.clone(), name_ref.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = name_ref.cast::<HtmlInputElement>() {
                dispatch.emit(Action::AddOption(input.value()));
                input.set_value("");
            }
        })
    };
    html! {
        <section class="debrief" id="debrief" aria-label="Teams' debrief">
            <form class="team-add" onsubmit={add}>
                <label for="team-name">{ "Add this scenario as a team's plan, named " }</label>
                <input id="team-name" ref={name_ref} type="text" maxlength="40" placeholder="Red team"
                    aria-invalid={props.name_error.is_some().to_string()} />
                <button type="submit" id="team-add">{ "Add plan" }</button>
                if let Some(e) = props.name_error.clone() {
                    <p class="field-error" role="alert">{ e }</p>
                }
            </form>
            <div class="rank-by" role="group" aria-label="Rank the plans on">
                { for Measure::ALL.iter().map(|&m| {
                    let measure = measure.clone();
                    html! { <button type="button" id={m.id()} aria-pressed={(*measure == m).to_string()}
                        onclick={Callback::from(move |_| measure.set(m))}>{ m.title() }</button> }
                }) }
            </div>
            if rows.len() < 2 {
                <p id="debrief-empty">{ "Add at least two teams' plans to rank them: set the levers for each team, name the plan above and add it (or open a team's comparison link)." }</p>
            }
            if !rows.is_empty() {
                <table class="ranking" id="ranking">
                    <caption>{ format!("{}; each a mean with its 95% interval across replicates", measure.title()) }</caption>
                    <thead><tr><th scope="col">{ "Rank" }</th><th scope="col">{ "Team" }</th><th scope="col">{ "Result" }</th><th scope="col">{ "Ahead of the next?" }</th></tr></thead>
                    <tbody>
                        { for rows.iter().map(|r| html! {
                            <tr>
                                <td>{ r.rank }</td>
                                <th scope="row" class="team">{ &r.name }</th>
                                <td>{ estimate(&r.value) }</td>
                                <td>{ match r.clearly_ahead { Some(true) => "clearly (intervals apart)", Some(false) => "not clearly (intervals overlap)", None => "" } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if waiting > 0 {
                <p class="loading">{ format!("{waiting} plan(s) still running: ranked once complete.") }</p>
            }
        </section>
    }
}

/// The refused team name, from the page's field errors.
pub fn name_error(errors: &std::collections::BTreeMap<String, String>) -> Option<String> {
    errors.get(NEW_OPTION_FIELD).cloned()
}

#[cfg(test)]
mod tests {
    use rollout_engine::{presets, run};

    use super::*;

    fn plan(name: &str, preset: &str, subsidy: f64) -> (String, Rc<RunSummary>, u32) {
        let mut s = presets::preset(preset).unwrap().scenario;
        (s.agents, s.months, s.replicates) = (1_000, 36, 3);
        s.levers.subsidy.level = subsidy;
        (name.into(), Rc::new(run::run(&s).unwrap()), s.agents)
    }

    #[test]
    fn plans_rank_best_first_on_each_measure_with_intervals() {
        let plans = vec![plan("Red", "heart-monitoring", 0.0), plan("Blue", "heart-monitoring", 1.0)];
        for m in Measure::ALL {
            let ranked = rank(&plans, m);
            assert_eq!(ranked.len(), 2, "{m:?}");
            assert_eq!(ranked.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2]);
            assert!(ranked[0].value.contains('('), "{m:?}: no interval in {}", ranked[0].value);
            assert!(ranked[1].clearly_ahead.is_none() && ranked[0].clearly_ahead.is_some());
            let keys: Vec<f64> = ranked
                .iter()
                .map(|r| {
                    let (_, s, people) = plans.iter().find(|p| p.0 == r.name).unwrap();
                    m.key(&m.of(s, *people).unwrap())
                })
                .collect();
            assert!(keys[0] <= keys[1], "{m:?} ranked worse first: {keys:?}");
        }
        // Paying the whole personal cost reaches more people, and costs more.
        assert_eq!(rank(&plans, Measure::Reach)[0].name, "Blue");
        assert_eq!(rank(&plans, Measure::Cost)[0].name, "Red");
    }

    #[test]
    fn per_1000_does_not_depend_on_the_people_simulated_and_one_group_has_no_gap() {
        let (_, s, people) = plan("Red", "heart-monitoring", 0.5);
        let health = Measure::Health.of(&s, people).unwrap();
        let raw = s.outcome(GroupKey::All).unwrap().events_avoided;
        assert!((health.mean - raw.mean * 1_000.0 / f64::from(people)).abs() < 1e-9);
        let bass = vec![plan("One", "bass", 0.0), plan("Two", "heart-monitoring", 0.0)];
        let gap = rank(&bass, Measure::Gap);
        assert_eq!(gap.len(), 1, "a plan with one group has no gap to rank");
        assert_eq!(gap[0].name, "Two");
    }
}
