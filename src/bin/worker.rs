//! The Web Worker binary: runs the engine off the main thread (see `rollout_lab::worker_protocol`).

use gloo_worker::Registrable;

fn main() {
    console_error_panic_hook::set_once();
    rollout_lab::worker_protocol::BassWorker::registrar().register();
}
