//! The replicate Web Worker binary: runs one replicate per request for the page's `RunPool`
//! (see `rollout_lab::runner`). Trunk builds it as a `data-type="worker"` with a loader shim.

use gloo_worker::Registrable;

fn main() {
    console_error_panic_hook::set_once();
    rollout_lab::runner::ReplicateWorker::registrar().register();
}
