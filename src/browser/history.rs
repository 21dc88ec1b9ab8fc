//! The scenario in the address: `#s1.…` fragments, pushed as edits happen so back and forward step through
//! them, and read again when the user goes back, forward or edits the address.

use std::cell::Cell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Edits closer together than this (a slider being dragged) replace the last history entry instead of
/// adding one, so back steps over whole moves, not every pixel of them.
pub const MERGE_EDITS_WITHIN_MS: f64 = 1_000.0;

thread_local! {
    static LAST_PUSH_MS: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
}

/// The address's fragment, `#` included (empty when there is none).
pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The whole address, for copying.
pub fn address() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Show `fragment` (`#s1.…`) in the address: a new history entry, or a replacement when the last edit was
/// under [`MERGE_EDITS_WITHIN_MS`] ago or `replace` is set. Nothing happens when it is already shown.
pub fn show(fragment: &str, now_ms: f64, replace: bool) {
    let Some(window) = web_sys::window() else { return };
    if fragment == self::fragment() {
        return;
    }
    let Ok(history) = window.history() else { return };
    let merge = replace || now_ms - LAST_PUSH_MS.with(Cell::get) < MERGE_EDITS_WITHIN_MS;
    let result = if merge {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment))
    } else {
        LAST_PUSH_MS.with(|c| c.set(now_ms));
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(fragment))
    };
    if let Err(e) = result {
        web_sys::console::warn_2(&"could not update the address:".into(), &e);
    }
}

/// Calls `on_change` with the new fragment whenever the user goes back or forward, or edits the address.
/// Returns a guard; dropping it stops listening.
pub fn listen(on_change: impl Fn(String) + 'static) -> Listener {
    let callback = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| on_change(fragment()));
    if let Some(window) = web_sys::window() {
        for event in ["popstate", "hashchange"] {
            let _ = window.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
        }
    }
    Listener { callback }
}

/// Stops listening when dropped.
pub struct Listener {
    callback: Closure<dyn Fn(web_sys::Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for event in ["popstate", "hashchange"] {
                let _ = window.remove_event_listener_with_callback(event, self.callback.as_ref().unchecked_ref());
            }
        }
    }
}
