//! The Web Worker that runs replicates: one request in, one response out.

use gloo_worker::{HandlerId, Worker, WorkerScope};

use super::protocol::{ReplicateRequest, ReplicateResponse};
use super::timing::now_ms;

/// Runs the engine for one replicate and times it: the worker's whole job, kept pure so it is tested natively.
pub fn run_request(request: &ReplicateRequest) -> ReplicateResponse {
    let start = now_ms();
    let result = rollout_engine::model::run_replicate(&request.scenario, request.replicate);
    ReplicateResponse { run_id: request.run_id, replicate: request.replicate, result, compute_ms: now_ms() - start }
}

/// The Web Worker: answers each [`ReplicateRequest`] with its [`ReplicateResponse`], one at a time.
pub struct ReplicateWorker;

impl Worker for ReplicateWorker {
    type Message = ();
    type Input = ReplicateRequest;
    type Output = ReplicateResponse;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: Self::Input, id: HandlerId) {
        scope.respond(id, run_request(&request));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rollout_engine::presets;

    fn small() -> rollout_engine::Scenario {
        let mut s = presets::preset(presets::DEFAULT).unwrap().scenario;
        (s.agents, s.months, s.replicates) = (1_000, 24, 3);
        s
    }

    #[test]
    fn the_worker_answers_with_the_engines_replicate_tagged_with_the_run() {
        let scenario = small();
        let response = run_request(&ReplicateRequest { run_id: 9, scenario: scenario.clone(), replicate: 2 });
        assert_eq!((response.run_id, response.replicate), (9, 2));
        assert_eq!(response.result, rollout_engine::model::run_replicate(&scenario, 2));
        assert_eq!(response.result.months.len(), 25);
        assert!(response.compute_ms >= 0.0 && response.compute_ms.is_finite());
    }
}
