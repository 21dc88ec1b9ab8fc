//! The workshop's hooks: its keys on the whole page, and the clock that plays the years.

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Interval;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::keys::action_for;
use super::state::WorkshopAction;
use crate::state::Action;

/// How long each year shows while playing, milliseconds.
pub const YEAR_MS: u32 = 1_000;

/// Whether a key pressed in `target` belongs to it: typing in a field, or Space / Enter on a button.
fn belongs_to_target(target: Option<HtmlElement>, key: &str) -> bool {
    let Some(el) = target else { return false };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "input" | "select" | "textarea" => key != "Escape",
        "button" | "summary" | "a" => matches!(key, " " | "Enter"),
        _ => el.is_content_editable(),
    }
}

/// The workshop's keys ([`super::keys`]) on the whole document, `presenting` or not. A key a control has
/// already handled (`preventDefault`), typed into a field, or pressed with Ctrl, Alt or Meta is left alone.
#[hook]
pub fn use_workshop_keys(presenting: bool, dispatch: Callback<Action>) {
    use_effect_with(presenting, move |&presenting| {
        let listener = web_sys::window().and_then(|w| w.document()).map(|document| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
                if e.default_prevented() || e.ctrl_key() || e.alt_key() || e.meta_key() {
                    return;
                }
                let key = e.key();
                let target = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok());
                if belongs_to_target(target, &key) {
                    return;
                }
                if let Some(action) = action_for(&key, presenting) {
                    e.prevent_default();
                    dispatch.emit(Action::Workshop(action));
                }
            })
        });
        move || drop(listener)
    });
}

/// While `playing`, a tick a year ([`YEAR_MS`]).
#[hook]
pub fn use_player(playing: bool, dispatch: Callback<Action>) {
    use_effect_with(playing, move |&playing| {
        let interval =
            playing.then(|| Interval::new(YEAR_MS, move || dispatch.emit(Action::Workshop(WorkshopAction::Tick))));
        move || drop(interval)
    });
}
