//! A one-line status that proves the Web Worker round trip: spawn, ask, show the answer.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_worker::WorkerBridge;
use yew::prelude::*;

use crate::worker_protocol::{spawn_bass_worker, status_text, BassRequest, BassWorker};

/// `<p id="worker-status">`: "Worker starting…" until the worker answers, then e.g. "Worker ready: F(120) = 0.8128".
#[function_component(WorkerStatus)]
pub fn worker_status() -> Html {
    let status = use_state(|| "Worker starting…".to_string());
    let bridge: Rc<RefCell<Option<WorkerBridge<BassWorker>>>> = use_mut_ref(|| None);
    {
        let setter = status.setter();
        use_effect_with((), move |_| {
            let spawned = spawn_bass_worker(move |curve| setter.set(status_text(&curve)));
            spawned.send(BassRequest { p: 0.03, q: 0.38, months: 120 });
            *bridge.borrow_mut() = Some(spawned);
            // Dropping the bridge on unmount terminates the worker.
            move || drop(bridge.borrow_mut().take())
        });
    }
    html! { <p id="worker-status" class="worker-status">{ (*status).clone() }</p> }
}
