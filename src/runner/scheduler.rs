//! The pool's bookkeeping, with no browser in it: which replicate goes to which worker, which answers are
//! delivered and which are stale. [`crate::runner::pool::RunPool`] only moves messages; every decision is
//! made here, so it is unit-tested natively.
//!
//! Guarantees (each has a test below):
//! - a worker never holds two jobs: it gets its next replicate only when it has answered the last one;
//! - every replicate of the current run is dispatched exactly once, in index order (replicate 0 first);
//! - an answer is delivered only if it belongs to the current run and was not delivered before; answers
//!   of a cancelled run (even one with the same `run_id`) are dropped, and so are unexpected ones;
//! - [`Scheduler::start`] cancels the previous run: its queued replicates are never sent. A worker still
//!   busy with an old replicate finishes it (a worker cannot be interrupted), its answer is dropped, and it
//!   then takes the next replicate of the current run;
//! - the answer that completes the current run says so ([`Step::completed`]), exactly once.

use std::collections::VecDeque;

/// Send `replicate` of the current run to worker `worker` now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dispatch {
    pub worker: usize,
    pub replicate: u32,
}

/// What to do with one answer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Step {
    /// Hand the answer to the page (it is fresh: current run, first time).
    pub deliver: bool,
    /// The answering worker's next job, if the current run has replicates left to send.
    pub next: Option<Dispatch>,
    /// This answer was the current run's last missing replicate.
    pub completed: bool,
}

/// A job in flight: which start (generation) it belongs to and which replicate it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Job {
    generation: u64,
    run_id: u64,
    replicate: u32,
}

/// Dispatch and cancellation state for a fixed number of workers.
#[derive(Clone, Debug)]
pub struct Scheduler {
    /// Bumped by every `start`/`cancel`; jobs of older generations are stale, whatever their run_id.
    generation: u64,
    run_id: Option<u64>,
    queue: VecDeque<u32>,
    busy: Vec<Option<Job>>,
    /// `received[r]`: replicate `r` of the current run has been delivered.
    received: Vec<bool>,
    delivered: u32,
}

impl Scheduler {
    /// A scheduler for `workers` workers (at least one).
    pub fn new(workers: usize) -> Scheduler {
        assert!(workers > 0, "a pool needs at least one worker");
        Scheduler {
            generation: 0,
            run_id: None,
            queue: VecDeque::new(),
            busy: vec![None; workers],
            received: Vec::new(),
            delivered: 0,
        }
    }

    /// The current run, if one was started and not cancelled.
    pub fn current_run(&self) -> Option<u64> {
        self.run_id
    }

    /// Start run `run_id` with replicates `0..replicates`, cancelling whatever ran before. Returns the jobs to
    /// send now: one per idle worker, lowest replicate indices first. Busy workers get theirs when they answer.
    pub fn start(&mut self, run_id: u64, replicates: u32) -> Vec<Dispatch> {
        self.cancel();
        self.run_id = Some(run_id);
        self.queue = (0..replicates).collect();
        self.received = vec![false; replicates as usize];
        (0..self.busy.len()).filter_map(|w| if self.busy[w].is_none() { self.assign(w) } else { None }).collect()
    }

    /// Drop the current run: nothing more is sent for it and none of its answers is delivered.
    pub fn cancel(&mut self) {
        self.generation += 1;
        self.run_id = None;
        self.queue.clear();
        self.received.clear();
        self.delivered = 0;
    }

    /// Worker `worker` answered replicate `replicate` of run `run_id`.
    pub fn on_response(&mut self, worker: usize, run_id: u64, replicate: u32) -> Step {
        let Some(slot) = self.busy.get_mut(worker) else { return Step::default() };
        let job = match *slot {
            // The answer to the job the worker holds: the worker is free again.
            Some(job) if job.run_id == run_id && job.replicate == replicate => job,
            // Not what this worker was given (should not happen): ignore it and leave the worker as it was.
            _ => return Step::default(),
        };
        *slot = None;
        let current = job.generation == self.generation && self.run_id == Some(run_id);
        let fresh = current && self.received.get(replicate as usize).is_some_and(|done| !done);
        if fresh {
            self.received[replicate as usize] = true;
            self.delivered += 1;
        }
        let completed = fresh && self.is_complete();
        Step { deliver: fresh, next: self.assign(worker), completed }
    }

    /// Every replicate of the current run has been delivered (false when there is no run).
    pub fn is_complete(&self) -> bool {
        self.run_id.is_some() && self.delivered as usize == self.received.len()
    }

    /// `(delivered, total)` replicates of the current run.
    pub fn progress(&self) -> (u32, u32) {
        (self.delivered, self.received.len() as u32)
    }

    /// Workers holding a job (of any run).
    pub fn busy_workers(&self) -> usize {
        self.busy.iter().filter(|b| b.is_some()).count()
    }

    /// Replicates of the current run not yet sent to a worker.
    pub fn queued(&self) -> usize {
        self.queue.len()
    }

    fn assign(&mut self, worker: usize) -> Option<Dispatch> {
        let run_id = self.run_id?;
        let replicate = self.queue.pop_front()?;
        self.busy[worker] = Some(Job { generation: self.generation, run_id, replicate });
        Some(Dispatch { worker, replicate })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(worker: usize, replicate: u32) -> Dispatch {
        Dispatch { worker, replicate }
    }

    #[test]
    fn start_gives_each_idle_worker_one_replicate_lowest_first() {
        let mut s = Scheduler::new(3);
        assert_eq!(s.start(1, 10), vec![d(0, 0), d(1, 1), d(2, 2)]);
        assert_eq!((s.busy_workers(), s.queued(), s.progress()), (3, 7, (0, 10)));
        let mut fewer = Scheduler::new(4);
        assert_eq!(fewer.start(1, 2), vec![d(0, 0), d(1, 1)]);
    }

    #[test]
    fn answers_pull_the_next_replicate_and_the_last_one_completes_the_run() {
        let mut s = Scheduler::new(2);
        s.start(5, 4);
        assert_eq!(s.on_response(1, 5, 1), Step { deliver: true, next: Some(d(1, 2)), completed: false });
        assert_eq!(s.on_response(0, 5, 0), Step { deliver: true, next: Some(d(0, 3)), completed: false });
        assert_eq!(s.on_response(0, 5, 3), Step { deliver: true, next: None, completed: false });
        assert!(!s.is_complete());
        assert_eq!(s.on_response(1, 5, 2), Step { deliver: true, next: None, completed: true });
        assert!(s.is_complete());
        assert_eq!((s.busy_workers(), s.progress()), (0, (4, 4)));
    }

    #[test]
    fn start_cancels_the_previous_run_and_drops_its_late_answers() {
        let mut s = Scheduler::new(2);
        s.start(1, 20);
        // Both workers are busy with run 1: run 2 cannot send anything yet, and run 1's queue is gone.
        assert_eq!(s.start(2, 3), vec![]);
        assert_eq!(s.queued(), 3);
        // Run 1's answers arrive: never delivered, and each frees its worker for run 2, replicate 0 first.
        assert_eq!(s.on_response(0, 1, 0), Step { deliver: false, next: Some(d(0, 0)), completed: false });
        assert_eq!(s.on_response(1, 1, 1), Step { deliver: false, next: Some(d(1, 1)), completed: false });
        assert_eq!(s.on_response(0, 2, 0), Step { deliver: true, next: Some(d(0, 2)), completed: false });
        assert!(s.on_response(1, 2, 1).deliver);
        assert_eq!(s.on_response(0, 2, 2), Step { deliver: true, next: None, completed: true });
    }

    #[test]
    fn restarting_with_the_same_run_id_still_drops_the_old_answers() {
        let mut s = Scheduler::new(1);
        s.start(7, 2);
        assert_eq!(s.start(7, 2), vec![]);
        assert_eq!(s.on_response(0, 7, 0), Step { deliver: false, next: Some(d(0, 0)), completed: false });
        assert!(s.on_response(0, 7, 0).deliver);
    }

    #[test]
    fn cancel_sends_nothing_more_and_delivers_nothing() {
        let mut s = Scheduler::new(2);
        s.start(3, 5);
        s.cancel();
        assert_eq!(s.current_run(), None);
        assert_eq!(s.on_response(0, 3, 0), Step::default());
        assert_eq!(s.on_response(1, 3, 1), Step::default());
        assert_eq!((s.busy_workers(), s.queued(), s.is_complete()), (0, 0, false));
    }

    #[test]
    fn unexpected_answers_are_ignored_and_leave_the_worker_busy() {
        let mut s = Scheduler::new(2);
        s.start(1, 4);
        assert_eq!(s.on_response(9, 1, 0), Step::default(), "no such worker");
        assert_eq!(s.on_response(0, 1, 1), Step::default(), "worker 0 holds replicate 0, not 1");
        assert_eq!(s.on_response(0, 2, 0), Step::default(), "worker 0 holds run 1, not run 2");
        assert_eq!(s.busy_workers(), 2);
        assert!(s.on_response(0, 1, 0).deliver);
        assert_eq!(s.on_response(0, 1, 0), Step::default(), "a repeated answer is not delivered twice");
    }

    /// A small deterministic generator, so the randomised test needs no dependency.
    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % n as u64) as usize
        }
    }

    /// Random interleavings of starts and answers: no worker ever holds two jobs, each replicate of each run
    /// is sent at most once, only the current run is delivered, and a run left alone completes with every
    /// replicate delivered exactly once.
    #[test]
    fn random_interleavings_keep_every_guarantee() {
        let mut rng = Lcg(42);
        for case in 0..300 {
            let workers = 1 + rng.below(5);
            let mut s = Scheduler::new(workers);
            let mut in_flight: Vec<Option<(u64, u32, usize)>> = vec![None; workers];
            // (start number, replicate) pairs sent so far.
            let mut sent: std::collections::HashSet<(usize, u32)> = Default::default();
            let mut delivered: Vec<(u64, u32)> = Vec::new();
            let mut run_id = 0u64;
            let mut replicates = 0u32;
            let send = |list: Vec<Dispatch>,
                        run: u64,
                        start: usize,
                        replicates: u32,
                        in_flight: &mut Vec<Option<(u64, u32, usize)>>,
                        sent: &mut std::collections::HashSet<(usize, u32)>| {
                for job in list {
                    assert!(in_flight[job.worker].is_none(), "case {case}: worker {} got a second job", job.worker);
                    assert!(job.replicate < replicates, "case {case}: replicate out of range");
                    assert!(
                        sent.insert((start, job.replicate)),
                        "case {case}: replicate {} of run {run} sent twice",
                        job.replicate
                    );
                    in_flight[job.worker] = Some((run, job.replicate, start));
                }
            };
            let restarts = 1 + rng.below(4);
            for restart in 0..restarts {
                // Same run_id now and then: the scheduler must not rely on run ids being new.
                run_id += rng.below(3) as u64;
                replicates = 1 + rng.below(12) as u32;
                send(s.start(run_id, replicates), run_id, restart, replicates, &mut in_flight, &mut sent);
                delivered.clear();
                let answers_before_next = if restart + 1 == restarts { usize::MAX } else { rng.below(8) };
                let mut answered = 0;
                while answered < answers_before_next {
                    let busy: Vec<usize> = (0..workers).filter(|&w| in_flight[w].is_some()).collect();
                    if busy.is_empty() {
                        break;
                    }
                    let w = busy[rng.below(busy.len())];
                    let (run, replicate, start) = in_flight[w].take().unwrap();
                    let step = s.on_response(w, run, replicate);
                    if step.deliver {
                        assert_eq!(start, restart, "case {case}: an answer of a cancelled run was delivered");
                        delivered.push((run, replicate));
                    }
                    send(step.next.into_iter().collect(), run_id, restart, replicates, &mut in_flight, &mut sent);
                    assert_eq!(step.completed, step.deliver && delivered.len() == replicates as usize);
                    answered += 1;
                }
            }
            // The last run was left alone until every worker fell idle: it is complete, each replicate once.
            let mut got: Vec<u32> = delivered.iter().map(|&(_, r)| r).collect();
            got.sort_unstable();
            assert_eq!(got, (0..replicates).collect::<Vec<_>>(), "case {case}");
            assert!(s.is_complete(), "case {case}");
        }
    }
}
