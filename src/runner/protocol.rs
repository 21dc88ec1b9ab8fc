//! The page <-> worker messages. gloo-worker encodes them with bincode, which keeps every `f64` bit for
//! bit, so a replicate computed in a worker is the replicate computed natively.

use rollout_engine::experiment::Response;
use rollout_engine::record::ReplicateResult;
use rollout_engine::Scenario;
use serde::{Deserialize, Serialize};

/// Trunk's loader shim for the `replicate_worker` binary (`data-type="worker" data-loader-shim` writes
/// `<bin>_loader.js` next to `index.html`).
pub const REPLICATE_WORKER_LOADER: &str = "./replicate_worker_loader.js";

/// Run replicate `replicate` of `scenario` (which must be valid) for run `run_id`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplicateRequest {
    pub run_id: u64,
    pub scenario: Scenario,
    pub replicate: u32,
}

/// One replicate's result, tagged with the run it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplicateResponse {
    pub run_id: u64,
    pub replicate: u32,
    pub result: ReplicateResult,
    /// Milliseconds the engine took inside the worker (no messaging, no queueing).
    pub compute_ms: f64,
}

/// Run replicate `replicate` of one point of study `study_id` (its scenario, valid) and read `responses`
/// (the engine's `experiment::point_replicate`). `job` is the request's place in the study's queue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PointRequest {
    pub study_id: u64,
    pub job: u32,
    /// The point's index in the study's design.
    pub point: u32,
    pub replicate: u32,
    pub scenario: Scenario,
    pub responses: Vec<Response>,
}

/// One replicate of one point: each response's value (`None`: not applicable there).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PointResponse {
    pub study_id: u64,
    pub job: u32,
    pub point: u32,
    pub replicate: u32,
    pub values: Vec<Option<f64>>,
    /// Milliseconds the engine took inside the worker.
    pub compute_ms: f64,
}

/// What the page asks a worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerRequest {
    Replicate(ReplicateRequest),
    Point(PointRequest),
}

/// What a worker answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum WorkerResponse {
    Replicate(ReplicateResponse),
    Point(PointResponse),
}

impl WorkerResponse {
    /// The run or study it belongs to and its job number, as the scheduler counts them.
    pub fn job(&self) -> (u64, u32) {
        match self {
            WorkerResponse::Replicate(r) => (r.run_id, r.replicate),
            WorkerResponse::Point(p) => (p.study_id, p.job),
        }
    }
}
