//! [`RunPool`]: a few replicate workers and the [`Scheduler`] that feeds them.
//!
//! The pool only moves messages; what to send, to whom, and which answers to pass on is decided by the
//! scheduler. Answers reach the page through one callback, on the page's thread, as they arrive.
//!
//! The pool works on one thing at a time: a run's replicates ([`RunPool::start`]) or a study's points,
//! replicate by replicate ([`RunPool::start_points`]); starting either cancels the other.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_worker::{WorkerBridge, WorkerSpawner};
use rollout_engine::experiment::Response;
use rollout_engine::{Scenario, ScenarioError};
use yew::Callback;

use super::protocol::{PointRequest, ReplicateRequest, WorkerRequest, WorkerResponse, REPLICATE_WORKER_LOADER};
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
    on_response: RefCell<Callback<WorkerResponse>>,
}

struct Run {
    scheduler: Scheduler,
    /// The current run's or study's id and its work, from which each request is made.
    current: Option<(u64, Work)>,
}

/// What the workers are given.
#[derive(Clone)]
enum Work {
    /// A run's replicates: job `j` is replicate `j`.
    Run(Rc<Scenario>),
    /// A study's replicates of points: job `j` is `jobs.items[j]`.
    Points(Rc<PointJobs>),
}

/// One replicate of one of a study's points.
#[derive(Clone, Debug, PartialEq)]
pub struct PointJob {
    /// The point's index in the design.
    pub point: u32,
    pub replicate: u32,
    /// The point's scenario (shared by all its replicates).
    pub scenario: Rc<Scenario>,
}

/// A study's replicates still to run, in the order to run them.
#[derive(Clone, Debug, PartialEq)]
pub struct PointJobs {
    pub items: Vec<PointJob>,
    /// What to read from each replicate.
    pub responses: Vec<Response>,
}

impl PointJobs {
    /// The request for job `job` of study `study_id`.
    fn request(&self, study_id: u64, job: u32) -> Option<PointRequest> {
        let item = self.items.get(job as usize)?;
        Some(PointRequest {
            study_id,
            job,
            point: item.point,
            replicate: item.replicate,
            scenario: (*item.scenario).clone(),
            responses: self.responses.clone(),
        })
    }

    /// How many requests.
    fn count(&self) -> u32 {
        self.items.len() as u32
    }
}

impl RunPool {
    /// `navigator.hardwareConcurrency` workers, clamped to 1..=8 (see [`pool_size_for`]).
    pub fn default_size() -> usize {
        let cores = web_sys::window().map(|w| w.navigator().hardware_concurrency()).unwrap_or(1.0);
        pool_size_for(cores)
    }

    /// Spawns [`RunPool::default_size`] workers; `on_response` gets every fresh answer.
    /// The workers are spawned from Trunk's loader shim for `replicate_worker`.
    pub fn new(on_response: Callback<WorkerResponse>) -> RunPool {
        let size = RunPool::default_size();
        let inner = Rc::new_cyclic(|weak: &Weak<Inner>| {
            let bridges = (0..size)
                .map(|worker| {
                    let weak = weak.clone();
                    WorkerSpawner::<ReplicateWorker>::new()
                        .as_module(false)
                        .with_loader(true)
                        .callback(move |response: WorkerResponse| {
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
            run.current = Some((run_id, Work::Run(Rc::new(scenario.clone()))));
            run.scheduler.start(run_id, scenario.replicates)
        };
        self.inner.send(&dispatches);
        Ok(scenario.replicates)
    }

    /// Start study `study_id`: every replicate of every point in `jobs`, in order, one per worker at a
    /// time. Cancels whatever ran before (a run or another study). The points' scenarios must be valid (the
    /// study made them through the engine's `Design::scenario_at`). Returns the number of requests.
    pub fn start_points(&self, study_id: u64, jobs: Rc<PointJobs>) -> u32 {
        self.cancel();
        if self.inner.bridges.borrow().is_empty() {
            return 0;
        }
        let count = jobs.count();
        let dispatches = {
            let mut run = self.inner.run.borrow_mut();
            run.current = Some((study_id, Work::Points(jobs)));
            run.scheduler.start(study_id, count)
        };
        self.inner.send(&dispatches);
        count
    }

    /// Stop delivering the current run; workers finish what they hold and then idle.
    pub fn cancel(&self) {
        let mut run = self.inner.run.borrow_mut();
        run.scheduler.cancel();
        run.current = None;
    }

    /// Replace the callback that receives answers (e.g. a new closure after a re-render).
    pub fn set_on_response(&self, on_response: Callback<WorkerResponse>) {
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
    fn answered(&self, worker: usize, response: WorkerResponse) {
        let (id, job) = response.job();
        let step = self.run.borrow_mut().scheduler.on_response(worker, id, job);
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
        let Some((id, work)) = self.run.borrow().current.clone() else { return };
        let bridges = self.bridges.borrow();
        for d in dispatches {
            let request = match &work {
                Work::Run(scenario) => Some(WorkerRequest::Replicate(ReplicateRequest {
                    run_id: id,
                    scenario: (**scenario).clone(),
                    replicate: d.replicate,
                })),
                Work::Points(jobs) => jobs.request(id, d.replicate).map(WorkerRequest::Point),
            };
            if let (Some(bridge), Some(request)) = (bridges.get(d.worker), request) {
                bridge.send(request);
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

    #[test]
    fn point_jobs_ask_for_their_items_in_order() {
        let scenario = Rc::new(rollout_engine::presets::preset("heart-monitoring").unwrap().scenario);
        let item = |point, replicate| PointJob { point, replicate, scenario: scenario.clone() };
        let jobs =
            PointJobs { items: vec![item(7, 0), item(7, 2), item(2, 1)], responses: vec!["net_cost".parse().unwrap()] };
        assert_eq!(jobs.count(), 3);
        let asked: Vec<(u32, u32, u32)> =
            (0..3).map(|j| jobs.request(5, j).map(|r| (r.point, r.replicate, r.job)).unwrap()).collect();
        assert_eq!(asked, vec![(7, 0, 0), (7, 2, 1), (2, 1, 2)]);
        assert!(jobs.request(5, 3).is_none(), "no job past the end");
    }
}
