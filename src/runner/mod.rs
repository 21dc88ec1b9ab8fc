//! Running a scenario's replicates on a pool of Web Workers, one replicate per message, so the page stays
//! responsive and the bands fill in as replicates arrive.
//!
//! - [`protocol`]: the messages ([`WorkerRequest`]: a run's replicate or a study point's replicate, and their
//!   [`WorkerResponse`]);
//! - [`worker`]: [`ReplicateWorker`], the Web Worker (registered by `src/bin/replicate_worker.rs`);
//! - [`scheduler`]: the pure dispatch and cancellation bookkeeping, tested natively;
//! - [`pool`]: [`RunPool`], the workers plus the scheduler; [`hook`]: [`use_run_pool`] for yew components;
//! - [`timing`]: a millisecond clock for the page's `[timing]` log.

pub mod hook;
pub mod pool;
pub mod protocol;
pub mod scheduler;
pub mod timing;
pub mod worker;

pub use hook::use_run_pool;
pub use pool::{PointJob, PointJobs, RunPool};
pub use protocol::{
    PointRequest, PointResponse, ReplicateRequest, ReplicateResponse, WorkerRequest, WorkerResponse,
    REPLICATE_WORKER_LOADER,
};
pub use worker::ReplicateWorker;
