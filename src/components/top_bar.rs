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
    /// The run's estimated wall-clock time ("40 s"), shown while it runs when it is long enough to wait for.
    #[prop_or_default]
    pub estimate: Option<String>,
    pub dispatch: Callback<Action>,
    /// Extra buttons (share, compare, export) placed after the preset picker.
    #[prop_or_default]
    pub children: Html,
}

#[function_component(TopBar)]
pub fn top_bar(props: &TopBarProps) -> Html {
    // A preset picked with the mouse loads at once; one reached with the arrow keys (which change a closed
    // select's value as they pass) waits until Enter or the "Load" button confirms it.
    let keyed = use_mut_ref(|| false);
    let pending = use_state(|| None::<String>);
    let on_preset = {
        let (dispatch, keyed, pending) = (props.dispatch.clone(), keyed.clone(), pending.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if std::mem::replace(&mut *keyed.borrow_mut(), false) {
                pending.set(Some(value));
            } else {
                pending.set(None);
                dispatch.emit(Action::SelectPreset(value));
            }
        })
    };
    let on_key = {
        let (dispatch, keyed, pending) = (props.dispatch.clone(), keyed.clone(), pending.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End" | "PageUp" | "PageDown" => {
                *keyed.borrow_mut() = true;
            }
            "Enter" => {
                let value = e.target_unchecked_into::<HtmlSelectElement>().value();
                if pending.is_some() {
                    e.prevent_default();
                    pending.set(None);
                    dispatch.emit(Action::SelectPreset(value));
                }
            }
            _ => {}
        })
    };
    let confirm = {
        let (dispatch, pending) = (props.dispatch.clone(), pending.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(value) = (*pending).clone() {
                pending.set(None);
                dispatch.emit(Action::SelectPreset(value));
            }
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
                <select id="preset" onchange={on_preset} onkeydown={on_key}>
                    { for rollout_engine::presets::all().iter().map(|p| html! {
                        <option value={p.name} selected={p.name == props.preset} title={p.summary}>{ p.scenario.name.clone() }</option>
                    }) }
                    if props.preset == CUSTOM {
                        <option value={CUSTOM} selected=true disabled=true>{ "Custom scenario" }</option>
                    }
                </select>
            </label>
            if pending.is_some() {
                <button type="button" id="preset-confirm" onclick={confirm}>{ "Load this preset" }</button>
            }
            { props.children.clone() }
            <button type="button" id="large-text" aria-pressed={props.large_text.to_string()} onclick={on_large}>{ "Large text" }</button>
            <div class="progress" role="status" aria-live="polite">
                <progress id="run-progress" max={total.to_string()} value={done.to_string()}></progress>
                <span id="run-progress-text">{
                    match (&props.estimate, props.complete) {
                        (_, true) => format!("{total} of {total} replicates"),
                        (Some(time), false) => format!("{done} of {total} replicates… (about {time} in all)"),
                        (None, false) => format!("{done} of {total} replicates…"),
                    }
                }</span>
            </div>
        </header>
    }
}
