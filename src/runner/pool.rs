//! [`RunPool`]: a few replicate workers and the [`Scheduler`] that feeds them.
//!
//! The pool only moves messages; what to send, to whom, and which answers to pass on is decided by the
//! scheduler. Answers reach the page through one callback, on the page's thread, as they arrive.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_worker::{WorkerBridge, WorkerSpawner};
use rollout_engine::{Scenario, ScenarioError};
use yew::Callback;

use super::protocol::{ReplicateRequest, ReplicateResponse, REPLICATE_WORKER_LOADER};
use super::scheduler::{Dispatch, Scheduler};
use super::worker::ReplicateWorker;

/// Most workers a pool starts, however many cores the browser reports.
pub const MAX_WORKERS: usize = 8;

/// Pool size for a reported `navigator.hardwareConcurrency`: that many workers, 1 to [`MAX_WORKERS`]
/// (1 when the browser reports nothing sensible).
pub fn pool_size_for(hardware_concurrency: f64) -> usize {
    if hardware_concurrency.is_finite() && hardware_concurrency >= 1.0 {
        (hardware_concurrency as usize).clamp(1, MAX_WORKERS)
    } else {
        1
    }
}

/// Replicate workers fed one replicate at a time; see the module docs and [`Scheduler`] for the guarantees.
///
/// Dropping the pool (or calling [`RunPool::shutdown`]) ends its workers once they finish what they hold.
pub struct RunPool {
    inner: Rc<Inner>,
}

struct Inner {
    bridges: RefCell<Vec<WorkerBridge<ReplicateWorker>>>,
    run: RefCell<Run>,
    on_response: RefCell<Callback<ReplicateResponse>>,
}

struct Run {
    scheduler: Scheduler,
    /// The current run's id and scenario, cloned into each request.
    current: Option<(u64, Rc<Scenario>)>,
}

impl RunPool {
    /// `navigator.hardwareConcurrency` workers, clamped to 1..=8 (see [`pool_size_for`]).
    pub fn default_size() -> usize {
        let cores = web_sys::window().map(|w| w.navigator().hardware_concurrency()).unwrap_or(1.0);
        pool_size_for(cores)
    }

    /// Spawns [`RunPool::default_size`] workers; `on_response` gets every fresh answer.
    /// The workers are spawned from Trunk's loader shim for `replicate_worker`.
    pub fn new(on_response: Callback<ReplicateResponse>) -> RunPool {
        let size = RunPool::default_size();
        let inner = Rc::new_cyclic(|weak: &Weak<Inner>| {
            let bridges = (0..size)
                .map(|worker| {
                    let weak = weak.clone();
                    WorkerSpawner::<ReplicateWorker>::new()
                        .as_module(false)
                        .with_loader(true)
                        .callback(move |response: ReplicateResponse| {
                            if let Some(inner) = weak.upgrade() {
                                inner.answered(worker, response);
                            }
                        })
                        .spawn(REPLICATE_WORKER_LOADER)
                })
                .collect();
            Inner {
                bridges: RefCell::new(bridges),
                run: RefCell::new(Run { scheduler: Scheduler::new(size), current: None }),
                on_response: RefCell::new(on_response),
            }
        });
        RunPool { inner }
    }

    /// Start run `run_id` of `scenario`: all its replicates, replicate 0 first, one per worker at a time.
    /// Cancels the previous run first (its queued replicates are dropped and its late answers never delivered),
    /// also when `scenario` is invalid, in which case nothing is started and the error is returned.
    /// Returns the number of replicates that will be delivered (0 after [`RunPool::shutdown`]).
    pub fn start(&self, run_id: u64, scenario: &Scenario) -> Result<u32, ScenarioError> {
        self.cancel();
        scenario.validate()?;
        if self.inner.bridges.borrow().is_empty() {
            return Ok(0);
        }
        let dispatches = {
            let mut run = self.inner.run.borrow_mut();
            run.current = Some((run_id, Rc::new(scenario.clone())));
            run.scheduler.start(run_id, scenario.replicates)
        };
        self.inner.send(&dispatches);
        Ok(scenario.replicates)
    }

    /// Stop delivering the current run; workers finish what they hold and then idle.
    pub fn cancel(&self) {
        let mut run = self.inner.run.borrow_mut();
        run.scheduler.cancel();
        run.current = None;
    }

    /// Replace the callback that receives answers (e.g. a new closure after a re-render).
    pub fn set_on_response(&self, on_response: Callback<ReplicateResponse>) {
        *self.inner.on_response.borrow_mut() = on_response;
    }

    /// Cancel, and end every worker (they close after the replicate they hold). Nothing is delivered after
    /// this, and `start` then only validates its scenario.
    pub fn shutdown(&self) {
        self.cancel();
        let bridges = std::mem::take(&mut *self.inner.bridges.borrow_mut());
        drop(bridges);
    }
}

impl Inner {
    /// Worker `worker` answered: pass fresh answers on, and give the worker its next replicate.
    fn answered(&self, worker: usize, response: ReplicateResponse) {
        let step = self.run.borrow_mut().scheduler.on_response(worker, response.run_id, response.replicate);
        if let Some(next) = step.next {
            self.send(&[next]);
        }
        if step.deliver {
            // Clone the callback out first: the page may call `start` or `set_on_response` from inside it.
            let on_response = self.on_response.borrow().clone();
            on_response.emit(response);
        }
    }

    fn send(&self, dispatches: &[Dispatch]) {
        let Some((run_id, scenario)) = self.run.borrow().current.clone() else { return };
        let bridges = self.bridges.borrow();
        for d in dispatches {
            if let Some(bridge) = bridges.get(d.worker) {
                bridge.send(ReplicateRequest { run_id, scenario: (*scenario).clone(), replicate: d.replicate });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_size_follows_the_cores_within_one_to_eight() {
        assert_eq!(pool_size_for(2.0), 2);
        assert_eq!(pool_size_for(1.0), 1);
        assert_eq!(pool_size_for(64.0), MAX_WORKERS);
        assert_eq!(pool_size_for(0.0), 1);
        assert_eq!(pool_size_for(f64::NAN), 1);
        assert_eq!(pool_size_for(-3.0), 1);
    }
}
