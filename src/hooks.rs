//! The root component's hooks: run timing for the speed report, and the scenario in the address.

use std::cell::RefCell;
use std::rc::Rc;

use rollout_engine::Scenario;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::browser::history;
use crate::runner::timing::now_ms;
use crate::runner::ReplicateResponse;
use crate::state::{Action, Run, Shared};

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

/// Shows every accepted scenario in the address (the first replaces the entry the page opened with; drags
/// merge into one entry), so links and back/forward carry it; and loads the scenario of an address the user
/// goes back or forward to, or edits.
#[hook]
pub fn use_address_sync(scenario: Rc<Scenario>, run_id: u64, dispatch: Callback<Action>) {
    let opened = use_mut_ref(|| false);
    use_effect_with(run_id, move |_| {
        let first = !std::mem::replace(&mut *opened.borrow_mut(), true);
        history::show(&rollout_engine::link::fragment_for(&scenario), now_ms(), first);
    });
    use_effect_with((), move |_| {
        let listener = history::listen(move |fragment| {
            let trimmed = fragment.trim_start_matches('#');
            if trimmed.is_empty() {
                return;
            }
            dispatch.emit(match rollout_engine::link::decode_with_note(trimmed) {
                Ok((scenario, note)) => {
                    Action::LoadScenario { scenario: Box::new(scenario), notice: note.map(str::to_string) }
                }
                Err(e) => Action::ShowNotice(format!("{e} Your current scenario is kept.")),
            });
        });
        move || drop(listener)
    });
}
