//! The Web Worker that runs the engine: one request in (a replicate of a run, or a replicate of a study's
//! point), one response out.

use gloo_worker::{HandlerId, Worker, WorkerScope};

use super::protocol::{
    PointRequest, PointResponse, ReplicateRequest, ReplicateResponse, WorkerRequest, WorkerResponse,
};
use super::timing::now_ms;

/// Runs the engine for one replicate and times it: the worker's whole job, kept pure so it is tested natively.
pub fn run_request(request: &ReplicateRequest) -> ReplicateResponse {
    let start = now_ms();
    let result = rollout_engine::model::run_replicate(&request.scenario, request.replicate);
    ReplicateResponse { run_id: request.run_id, replicate: request.replicate, result, compute_ms: now_ms() - start }
}

/// Runs one replicate of a study's point and reads its responses, timed.
pub fn run_point(request: &PointRequest) -> PointResponse {
    let start = now_ms();
    let values = rollout_engine::experiment::point_replicate(&request.responses, &request.scenario, request.replicate);
    PointResponse {
        study_id: request.study_id,
        job: request.job,
        point: request.point,
        replicate: request.replicate,
        values,
        compute_ms: now_ms() - start,
    }
}

/// Answers a request of either kind.
pub fn answer(request: &WorkerRequest) -> WorkerResponse {
    match request {
        WorkerRequest::Replicate(r) => WorkerResponse::Replicate(run_request(r)),
        WorkerRequest::Point(p) => WorkerResponse::Point(run_point(p)),
    }
}

/// The Web Worker: answers each [`WorkerRequest`] with its [`WorkerResponse`], one at a time.
pub struct ReplicateWorker;

impl Worker for ReplicateWorker {
    type Message = ();
    type Input = WorkerRequest;
    type Output = WorkerResponse;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: Self::Input, id: HandlerId) {
        scope.respond(id, answer(&request));
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

    #[test]
    fn a_point_answer_carries_the_engines_responses_and_its_job() {
        let scenario = small();
        let responses = vec!["ever_adopted_share".parse().unwrap(), "net_cost".parse().unwrap()];
        let request = WorkerRequest::Point(PointRequest {
            study_id: 4,
            job: 7,
            point: 3,
            replicate: 1,
            scenario: scenario.clone(),
            responses: responses.clone(),
        });
        let answer = answer(&request);
        assert_eq!(answer.job(), (4, 7));
        let WorkerResponse::Point(p) = answer else { panic!("a point request gets a point answer") };
        assert_eq!((p.point, p.replicate), (3, 1));
        assert_eq!(p.values, rollout_engine::experiment::point_replicate(&responses, &scenario, 1));
    }
}
