//! A "?" that opens a short explanation: a real disclosure button (`aria-expanded`), opened by click,
//! Enter or Space, closed by the same button or Escape (focus stays on the button). The text is placed in
//! normal flow under its owner's title, so no scrolling container clips it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpPopupProps {
    /// DOM id of the explanation (the button gets `{id}-button`).
    pub id: String,
    /// The button's accessible name ("What people reached counts").
    pub label: String,
    pub text: String,
}

#[function_component(HelpPopup)]
pub fn help_popup(props: &HelpPopupProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                open.set(false);
            }
        })
    };
    html! {
        <span class="help-popup" onkeydown={on_key}>
            <button type="button" class="help-button" id={format!("{}-button", props.id)} aria-label={props.label.clone()}
                aria-expanded={open.to_string()} aria-controls={props.id.clone()} onclick={toggle}>{ "?" }</button>
            <span class="help-popup-text" id={props.id.clone()} role="note" hidden={!*open}>{ props.text.clone() }</span>
        </span>
    }
}
