//! The page <-> replicate worker messages. gloo-worker encodes them with bincode, which keeps every `f64`
//! bit for bit, so a replicate computed in a worker is the replicate computed natively.

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
