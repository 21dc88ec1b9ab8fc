//! The levers, grouped by NASSS domain.

use std::rc::Rc;

use yew::prelude::*;

use super::LeverControl;
use crate::levers::{in_domain, Domain};
use crate::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct LeversPanelProps {
    pub state: Rc<AppState>,
    pub dispatch: Callback<Action>,
}

#[function_component(LeversPanel)]
pub fn levers_panel(props: &LeversPanelProps) -> Html {
    let json = Rc::new(serde_json::to_value(&props.state.scenario).expect("a scenario serialises"));
    html! {
        <section class="levers" aria-label="Levers">
            { for Domain::ALL.iter().map(|&domain| html! {
                <details class="domain" open={domain != Domain::Run}>
                    <summary><h2>{ domain.title() }</h2></summary>
                    { for in_domain(domain).map(|lever| html! {
                        <LeverControl {lever} json={json.clone()} state={props.state.clone()} dispatch={props.dispatch.clone()} />
                    }) }
                </details>
            }) }
        </section>
    }
}
