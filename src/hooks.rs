//! The root component's hooks: run timing for the speed report, and the scenario in the address.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::history;
use crate::runner::timing::now_ms;
use crate::runner::ReplicateResponse;
use crate::state::{comparison_link, Action, AppState, Run, Shared};

/// When the current run started and what of it has been seen, for the page's `[timing]` console lines
/// (read by the end-to-end speed report): first and last replicate received, first chart drawn and full
/// bands drawn, each in milliseconds after the edit that started the run.
#[derive(Default)]
pub struct RunClock {
    state: RefCell<ClockState>,
}

#[derive(Default)]
struct ClockState {
    /// When the last action was dispatched (a lever edit), until a run starts from it.
    edited_ms: Option<f64>,
    run_id: u64,
    started_ms: f64,
    received: u32,
    compute_ms: f64,
    drawn_first: bool,
    drawn_all: bool,
}

/// A line in the browser console.
pub(crate) fn log(line: &str) {
    web_sys::console::log_1(&line.into());
}

/// Calls `then` at the next animation frame: the frame that shows what was just drawn.
fn at_next_frame(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let callback = Closure::once_into_js(then);
    if window.request_animation_frame(callback.unchecked_ref()).is_err() {
        log("[timing] no animation frame");
    }
}

impl RunClock {
    /// An action is about to be dispatched: a run it starts is timed from now.
    pub fn edited(&self) {
        self.state.borrow_mut().edited_ms = Some(now_ms());
    }

    fn start(&self, run_id: u64) {
        let mut s = self.state.borrow_mut();
        let started_ms = s.edited_ms.take().unwrap_or_else(now_ms);
        *s = ClockState { run_id, started_ms, ..ClockState::default() };
    }

    /// A replicate arrived from a worker; `replicates` is how many the run has in all.
    pub fn received(&self, response: &ReplicateResponse, replicates: u32) {
        let mut c = self.state.borrow_mut();
        if c.run_id != response.run_id {
            return;
        }
        c.received += 1;
        c.compute_ms += response.compute_ms;
        let elapsed = now_ms() - c.started_ms;
        if c.received == 1 {
            log(&format!(
                "[timing] run {}: first replicate after {elapsed:.0} ms (engine {:.0} ms)",
                c.run_id, response.compute_ms
            ));
        }
        if c.received == replicates {
            log(&format!(
                "[timing] run {}: all {replicates} replicates after {elapsed:.0} ms (engine {:.0} ms in total)",
                c.run_id, c.compute_ms
            ));
        }
    }

    /// The charts of `run` have just been drawn (the parent's effects run after its children's).
    fn drawn(self: &Rc<Self>, run: &Run) {
        let (first, all) = {
            let mut c = self.state.borrow_mut();
            if c.run_id != run.id || run.summary.is_none() {
                return;
            }
            let first = !std::mem::replace(&mut c.drawn_first, true);
            let all = run.complete() && !std::mem::replace(&mut c.drawn_all, true);
            (first, all)
        };
        if !(first || all) {
            return;
        }
        let (clock, id, summarised) = (self.clone(), run.id, run.summarised);
        at_next_frame(move || {
            let elapsed = now_ms() - clock.state.borrow().started_ms;
            if first {
                log(&format!("[timing] run {id}: first chart drawn after {elapsed:.0} ms ({summarised} replicates)"));
            }
            if all {
                log(&format!("[timing] run {id}: full bands drawn after {elapsed:.0} ms ({summarised} replicates)"));
            }
        });
    }
}

/// The page's [`RunClock`]: restarted when `run_id` changes, told when `shown` (the run on screen) has
/// been drawn.
#[hook]
pub fn use_run_clock(run_id: u64, shown: Option<Shared<Run>>) -> Rc<RunClock> {
    let clock = use_memo((), |_| RunClock::default());
    {
        let clock = clock.clone();
        use_effect_with(run_id, move |&id| clock.start(id));
    }
    {
        let clock = clock.clone();
        use_effect_with(shown, move |shown| {
            if let Some(run) = shown {
                clock.drawn(run);
            }
        });
    }
    clock
}

/// What the address shows: the scenario, the baseline and the options (names and runs by identity), so
/// the address changes exactly when one of them does.
#[derive(Clone, PartialEq)]
pub struct AddressKey {
    pub run_id: u64,
    pub baseline: Option<u64>,
    pub options: Vec<(String, u64)>,
}

impl AddressKey {
    pub fn of(state: &AppState) -> AddressKey {
        AddressKey {
            run_id: state.run_id(),
            baseline: state.baseline.as_ref().map(|b| b.id),
            options: state.options.iter().map(|o| (o.name.clone(), o.run.id)).collect(),
        }
    }
}

/// Shows the whole comparison (every accepted scenario, the baseline and the options) in the address (the
/// first replaces the entry the page opened with; drags merge into one entry), so links and back/forward
/// carry it; and loads the comparison of an address the user goes back or forward to, or edits.
#[hook]
pub fn use_address_sync(state: &AppState, dispatch: Callback<Action>) {
    let opened = use_mut_ref(|| false);
    let fragment = {
        let state = state.clone();
        move || state.fragment()
    };
    use_effect_with(AddressKey::of(state), move |_| {
        let first = !std::mem::replace(&mut *opened.borrow_mut(), true);
        history::show(&fragment(), now_ms(), first);
    });
    use_effect_with((), move |_| {
        let listener = history::listen(move |fragment| {
            let trimmed = fragment.trim_start_matches('#');
            if trimmed.is_empty() {
                return;
            }
            dispatch.emit(match comparison_link::decode(trimmed) {
                Ok(comparison) => Action::LoadComparison(Box::new(comparison)),
                Err(e) => Action::ShowNotice(format!("{e} Your current scenario is kept.")),
            });
        });
        move || drop(listener)
    });
}

/// What a key press means for Undo and Redo: Ctrl (or Cmd) + Z undoes, + Shift + Z or + Y redoes; nothing
/// while `typing` in a text field, where the browser's own undo of the text applies.
pub fn undo_shortcut(key: &str, ctrl_or_meta: bool, shift: bool, alt: bool, typing: bool) -> Option<Action> {
    if !ctrl_or_meta || alt || typing {
        return None;
    }
    match (key.to_ascii_lowercase().as_str(), shift) {
        ("z", false) => Some(Action::Undo),
        ("z", true) | ("y", false) => Some(Action::Redo),
        _ => None,
    }
}

/// Focus is in a field that takes typed text (not a slider, tick box, button or select).
fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    if element.is_content_editable() {
        return true;
    }
    match element.tag_name().as_str() {
        "TEXTAREA" => true,
        "INPUT" => {
            let kind = element.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
            !matches!(kind.as_str(), "range" | "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "color")
        }
        _ => false,
    }
}

/// The page's Undo and Redo shortcuts, listened for on the whole window for the page's life.
#[hook]
pub fn use_undo_keys(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let callback = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
            let typing = typing_in(e.target());
            if let Some(action) =
                undo_shortcut(&e.key(), e.ctrl_key() || e.meta_key(), e.shift_key(), e.alt_key(), typing)
            {
                e.prevent_default();
                dispatch.emit(action);
            }
        });
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback("keydown", callback.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = window {
                let _ = w.remove_event_listener_with_callback("keydown", callback.as_ref().unchecked_ref());
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_z_undoes_and_ctrl_shift_z_or_ctrl_y_redo_but_not_while_typing() {
        assert_eq!(undo_shortcut("z", true, false, false, false), Some(Action::Undo));
        assert_eq!(undo_shortcut("Z", true, true, false, false), Some(Action::Redo));
        assert_eq!(undo_shortcut("y", true, false, false, false), Some(Action::Redo));
        assert_eq!(undo_shortcut("z", false, false, false, false), None, "a plain z is typing");
        assert_eq!(undo_shortcut("z", true, false, false, true), None, "the text field's own undo");
        assert_eq!(undo_shortcut("z", true, false, true, false), None);
        assert_eq!(undo_shortcut("x", true, false, false, false), None);
    }
}
