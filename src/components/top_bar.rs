//! The top bar: title, preset picker, projector mode, and progress of the current run.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub state: Rc<AppState>,
    pub dispatch: Callback<Action>,
    /// Extra buttons (share, compare, export) placed after the preset picker.
    #[prop_or_default]
    pub children: Html,
}

#[function_component(TopBar)]
pub fn top_bar(props: &TopBarProps) -> Html {
    let state = &props.state;
    let on_preset = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.emit(Action::SelectPreset(e.target_unchecked_into::<HtmlSelectElement>().value()))
        })
    };
    let on_large = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::ToggleLargeText))
    };
    let total = state.scenario.replicates;
    let done = total - state.pending();
    html! {
        <header class="top-bar">
            <h1>{ "Rollout Lab" }</h1>
            <label class="preset-picker">{ "Preset " }
                <select id="preset" onchange={on_preset}>
                    { for rollout_engine::presets::all().iter().map(|p| html! {
                        <option value={p.name} selected={p.name == state.preset} title={p.summary}>{ p.scenario.name.clone() }</option>
                    }) }
                    if state.preset == crate::state::CUSTOM {
                        <option value={crate::state::CUSTOM} selected=true disabled=true>{ "Custom scenario" }</option>
                    }
                </select>
            </label>
            { props.children.clone() }
            <button type="button" id="large-text" aria-pressed={state.large_text.to_string()} onclick={on_large}>{ "Large text" }</button>
            <div class="progress" role="status" aria-live="polite">
                <progress id="run-progress" max={total.to_string()} value={done.to_string()}></progress>
                <span id="run-progress-text">{
                    if state.complete() { format!("{total} of {total} replicates") } else { format!("{done} of {total} replicates…") }
                }</span>
            </div>
        </header>
    }
}
