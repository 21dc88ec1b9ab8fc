//! The levers, grouped by NASSS domain.

use std::collections::BTreeMap;
use std::rc::Rc;

use rollout_engine::Scenario;
use yew::prelude::*;

use super::value::value_at;
use super::what_binds::LeverSign;
use super::LeverControl;
use crate::levers::{assumptions_in, policy_levers, Control, Domain, Lever};
use crate::state::{Action, AppState};

/// Only what the levers show: the scenario and the refused fields. Results are not here, so an arriving
/// replicate never re-renders a lever.
#[derive(Properties, PartialEq)]
pub struct LeversPanelProps {
    pub scenario: Rc<Scenario>,
    pub drafts: Rc<BTreeMap<String, String>>,
    pub errors: Rc<BTreeMap<String, String>>,
    /// Levers that bind in the run on screen (rationed or saturated), by path, with their sign. Compared by
    /// content, so replicates that do not change a sign do not re-render a lever.
    #[prop_or_default]
    pub signs: Rc<Vec<(&'static str, LeverSign)>>,
    pub dispatch: Callback<Action>,
}

impl LeversPanelProps {
    /// The panel's props from the page's state.
    pub fn of(state: &AppState, dispatch: Callback<Action>) -> Self {
        LeversPanelProps {
            scenario: state.scenario.clone(),
            drafts: state.drafts.clone(),
            errors: state.errors.clone(),
            signs: Rc::default(),
            dispatch,
        }
    }
}

#[function_component(LeversPanel)]
pub fn levers_panel(props: &LeversPanelProps) -> Html {
    let json = use_memo(props.scenario.clone(), |s| serde_json::to_value(&**s).expect("a scenario serialises"));
    let groups: Rc<Vec<String>> =
        use_memo(props.scenario.clone(), |s| s.groups.list.iter().map(|g| g.name.clone()).collect());
    let control = |lever: &'static Lever| {
        let targets = matches!(lever.control, Control::Targets);
        html! {
            <LeverControl {lever} value={value_at(&json, lever.path).cloned()}
                groups={if targets { groups.clone() } else { Rc::default() }}
                draft={props.drafts.get(lever.path).cloned()} error={props.errors.get(lever.path).cloned()}
                sign={props.signs.iter().find(|(path, _)| *path == lever.path).map(|(_, sign)| *sign)}
                dispatch={props.dispatch.clone()} />
        }
    };
    html! {
        <section class="levers" aria-label="Levers">
            <section class="policy-levers" aria-labelledby="policy-heading">
                <h2 id="policy-heading">{ "Policy levers" }</h2>
                { for policy_levers().map(&control) }
            </section>
            <details class="assumptions" id="assumptions">
                <summary><h2>{ "Assumptions" }</h2></summary>
                <p class="assumptions-note">
                    { "What the model assumes about the world, by NASSS domain: complexity, effect sizes and rates. \
                       The population groups are in the table below the charts." }
                </p>
                { for Domain::ALL.iter().map(|&domain| html! {
                    <details class="domain" open={domain != Domain::Run}>
                        <summary><h2>{ domain.title() }</h2></summary>
                        { for assumptions_in(domain).map(&control) }
                    </details>
                }) }
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use rollout_engine::model::run_replicate;

    use super::*;
    use crate::state::reduce;

    #[test]
    fn levers_keep_equal_props_while_results_arrive_so_they_do_not_re_render() {
        let dispatch = Callback::from(|_: Action| ());
        let mut state = AppState::new();
        let mut scenario = (*state.scenario).clone();
        (scenario.agents, scenario.months, scenario.replicates) = (300, 6, 3);
        state = reduce(&state, Action::LoadScenario { scenario: Box::new(scenario), notice: None });
        let before = LeversPanelProps::of(&state, dispatch.clone());
        for r in 0..3 {
            let result = run_replicate(&state.scenario, r);
            state = reduce(&state, Action::ReplicateArrived { run_id: state.run_id(), result });
            assert!(
                LeversPanelProps::of(&state, dispatch.clone()) == before,
                "replicate {r} changed the levers' props"
            );
        }
        assert!(state.complete());
        let pinned = reduce(&state, Action::PinBaseline);
        assert!(LeversPanelProps::of(&pinned, dispatch.clone()) == before, "pinning a baseline is not a lever change");
        let moved = reduce(&pinned, Action::SetField { path: "levers.subsidy.level".into(), value: "0.9".into() });
        assert!(LeversPanelProps::of(&moved, dispatch) != before, "a lever move does reach the levers");
    }
}
