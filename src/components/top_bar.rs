//! The top bar: title, preset picker, projector mode, and progress of the current run.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::{Action, CUSTOM};

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    /// The preset picked, or [`CUSTOM`].
    pub preset: String,
    pub large_text: bool,
    /// Replicates of the current run received, and asked for.
    pub done: usize,
    pub total: usize,
    /// The current run has all its replicates and its summary.
    pub complete: bool,
    pub dispatch: Callback<Action>,
    /// Extra buttons (share, compare, export) placed after the preset picker.
    #[prop_or_default]
    pub children: Html,
}

#[function_component(TopBar)]
pub fn top_bar(props: &TopBarProps) -> Html {
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
    let (done, total) = (props.done, props.total);
    html! {
        <header class="top-bar">
            <h1>{ "Rollout Lab" }</h1>
            <label class="preset-picker">{ "Preset " }
                <select id="preset" onchange={on_preset}>
                    { for rollout_engine::presets::all().iter().map(|p| html! {
                        <option value={p.name} selected={p.name == props.preset} title={p.summary}>{ p.scenario.name.clone() }</option>
                    }) }
                    if props.preset == CUSTOM {
                        <option value={CUSTOM} selected=true disabled=true>{ "Custom scenario" }</option>
                    }
                </select>
            </label>
            { props.children.clone() }
            <button type="button" id="large-text" aria-pressed={props.large_text.to_string()} onclick={on_large}>{ "Large text" }</button>
            <div class="progress" role="status" aria-live="polite">
                <progress id="run-progress" max={total.to_string()} value={done.to_string()}></progress>
                <span id="run-progress-text">{
                    if props.complete { format!("{total} of {total} replicates") } else { format!("{done} of {total} replicates…") }
                }</span>
            </div>
        </header>
    }
}
