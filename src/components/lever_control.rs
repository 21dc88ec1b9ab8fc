//! One lever: a labelled control with its unit, current value, help and, when refused, the reason.

use std::rc::Rc;

use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::value::field_text;
use super::HelpPopup;
use crate::levers::{Control, Lever};
use crate::state::Action;

/// One lever's props: only its own value, so a control re-renders only when its lever changes.
#[derive(Properties, PartialEq)]
pub struct LeverControlProps {
    pub lever: &'static Lever,
    /// The lever's value in the scenario (for a targeted lever, the lever with its `groups` list).
    pub value: Option<Value>,
    /// The scenario's group names, for a targeted lever's tick boxes (empty for other levers).
    pub groups: Rc<Vec<String>>,
    /// Text typed and refused, shown instead of the value.
    pub draft: Option<String>,
    /// Why the text was refused.
    pub error: Option<String>,
    /// A sign that the lever binds: its kind ("rationed", "saturated") and text.
    #[prop_or_default]
    pub sign: Option<(&'static str, &'static str)>,
    pub dispatch: Callback<Action>,
}

/// DOM id of a lever's input: its path with dots as dashes (`lever-levers-subsidy-level`).
pub fn input_id(path: &str) -> String {
    format!("lever-{}", path.replace('.', "-"))
}

#[function_component(LeverControl)]
pub fn lever_control(props: &LeverControlProps) -> Html {
    let lever = props.lever;
    let id = input_id(lever.path);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let error = props.error.clone();
    let current = props.value.as_ref();
    let shown = props.draft.clone().unwrap_or_else(|| field_text(current));
    let path = lever.path.to_string();
    let set = {
        let dispatch = props.dispatch.clone();
        move |value: String| dispatch.emit(Action::SetField { path: path.clone(), value })
    };
    let described = if error.is_some() { format!("{help_id} {error_id}") } else { help_id.clone() };
    let control = match lever.control {
        Control::Number { min, max, step } => {
            let on_slide = {
                let set = set.clone();
                Callback::from(move |e: InputEvent| set(e.target_unchecked_into::<HtmlInputElement>().value()))
            };
            let on_type = Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlInputElement>().value()));
            let slider_value = current.and_then(Value::as_f64).unwrap_or(min).to_string();
            html! {
                <div class="lever-inputs">
                    if lever.path != "seed" {
                        <input type="range" min={min.to_string()} max={max.to_string()} step={step.to_string()}
                            value={slider_value} oninput={on_slide} aria-label={lever.label}
                            aria-describedby={described.clone()} />
                    }
                    <input id={id.clone()} class="lever-number" type="text" inputmode="decimal" value={shown}
                        onchange={on_type} aria-invalid={error.is_some().to_string()} aria-describedby={described} />
                    <span class="unit">{ lever.unit }</span>
                </div>
            }
        }
        Control::Toggle => {
            let checked = current.and_then(Value::as_bool).unwrap_or(false);
            let on_toggle = Callback::from(move |e: Event| {
                set(e.target_unchecked_into::<HtmlInputElement>().checked().to_string())
            });
            html! { <div class="lever-inputs"><input id={id.clone()} type="checkbox" {checked} onchange={on_toggle} aria-describedby={described} /></div> }
        }
        Control::Complexity => {
            let value = field_text(current);
            let on_pick = Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()));
            html! {
                <div class="lever-inputs">
                    <select id={id.clone()} onchange={on_pick} aria-describedby={described}>
                        { for ["simple", "complicated", "complex"].iter().map(|c| html! {
                            <option value={*c} selected={value == *c}>{ *c }</option>
                        }) }
                    </select>
                </div>
            }
        }
        Control::Targets => return targets(props, &id, &help_id, error.as_deref()),
    };
    html! {
        <div class={classes!("lever", error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ lever.label }</label>
            <Help id={help_id} text={lever.help} />
            if let Some((kind, text)) = props.sign {
                <span class={classes!("lever-sign", kind)} id={format!("{id}-sign")}>{ text }</span>
            }
            { control }
            if let Some(message) = error {
                <p id={error_id} class="field-error" role="alert">{ message }</p>
            }
        </div>
    }
}

/// Tick boxes for the groups a targeted lever is aimed at; none ticked means universal.
fn targets(props: &LeverControlProps, id: &str, help_id: &str, error: Option<&str>) -> Html {
    let lever_path = props.lever.path;
    let aimed: Vec<String> = props
        .value
        .as_ref()
        .and_then(|v| v.get("groups"))
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    let names = &props.groups;
    html! {
        <fieldset class="lever targets" id={id.to_string()}>
            <legend>{ props.lever.label }{ if aimed.is_empty() { " (everyone)" } else { "" } }</legend>
            <Help id={help_id.to_string()} text={props.lever.help} />
            <div class="target-list">
                { for names.iter().map(|name| {
                    let ticked = aimed.contains(name);
                    let dispatch = props.dispatch.clone();
                    let (name_owned, aimed_now) = (name.clone(), aimed.clone());
                    let toggle = Callback::from(move |_: Event| {
                        let mut groups = aimed_now.clone();
                        if ticked { groups.retain(|g| *g != name_owned) } else { groups.push(name_owned.clone()) }
                        dispatch.emit(Action::SetTargets { lever: lever_path.to_string(), groups });
                    });
                    html! { <label class="target"><input type="checkbox" checked={ticked} onchange={toggle} />{ name.clone() }</label> }
                }) }
            </div>
            if let Some(message) = error { <p class="field-error" role="alert">{ message.to_string() }</p> }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub id: String,
    pub text: &'static str,
}

/// A lever's "?": a disclosure button (click, Enter or Space opens it; Escape closes it) whose text opens in
/// the lever column's own flow, so the column, which scrolls, never clips it. Screen readers also get the
/// text through `aria-describedby` on the control.
#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    html! {
        <HelpPopup id={props.id.clone()} label="About this setting" text={props.text.to_string()} />
    }
}
