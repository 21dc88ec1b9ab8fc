//! The page <-> Web Worker protocol: the page asks for a Bass curve, the worker computes it with the engine.
//!
//! Both binaries link this module: `src/bin/worker.rs` registers [`BassWorker`], the page spawns it with
//! [`spawn_bass_worker`]. Trunk builds the worker with `data-type="worker"`, i.e. wasm-bindgen's `no-modules`
//! target, unhashed file names and, with `data-loader-shim`, a classic loader script `worker_loader.js` that
//! calls `importScripts("./worker.js"); wasm_bindgen("./worker_bg.wasm")`. gloo-worker 0.6 spawns workers as
//! ES modules by default, which cannot `importScripts`, so the spawner must say `as_module(false)` and
//! `with_loader(true)`.

use gloo_worker::{HandlerId, Worker, WorkerBridge, WorkerScope, WorkerSpawner};
use serde::{Deserialize, Serialize};

/// The loader script Trunk writes next to `index.html` for the `worker` binary (`data-loader-shim`).
pub const WORKER_LOADER: &str = "./worker_loader.js";

/// Ask for the cumulative Bass adoption share at every month `0..=months`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BassRequest {
    /// Innovation coefficient per year.
    pub p: f64,
    /// Imitation coefficient per year.
    pub q: f64,
    /// Last month of the curve.
    pub months: u32,
}

/// The answer: `cumulative[m]` is F at month `m`, in [0, 1].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BassCurve {
    pub cumulative: Vec<f64>,
}

/// Computes the curve with the engine; the worker's whole job, kept pure so it is tested natively.
pub fn bass_curve(request: &BassRequest) -> BassCurve {
    let cumulative = (0..=request.months)
        .map(|m| rollout_engine::bass::cumulative_adoption(request.p, request.q, f64::from(m) / 12.0))
        .collect();
    BassCurve { cumulative }
}

/// The status line the page shows once the worker answered, e.g. `Worker ready: F(120) = 0.8128`.
pub fn status_text(curve: &BassCurve) -> String {
    match curve.cumulative.last() {
        Some(last) => format!("Worker ready: F({}) = {last:.4}", curve.cumulative.len() - 1),
        None => "Worker answered with an empty curve".to_string(),
    }
}

/// The Web Worker: answers each [`BassRequest`] with its [`BassCurve`].
pub struct BassWorker;

impl Worker for BassWorker {
    type Message = ();
    type Input = BassRequest;
    type Output = BassCurve;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Self
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: Self::Message) {}

    fn received(&mut self, scope: &WorkerScope<Self>, request: Self::Input, id: HandlerId) {
        scope.respond(id, bass_curve(&request));
    }
}

/// Spawns the worker from Trunk's loader shim; `on_answer` runs on the page for every answer.
/// Keep the returned bridge alive for as long as answers are wanted: dropping it ends the worker.
pub fn spawn_bass_worker(on_answer: impl Fn(BassCurve) + 'static) -> WorkerBridge<BassWorker> {
    WorkerSpawner::<BassWorker>::new()
        .as_module(false)
        .with_loader(true)
        .callback(on_answer)
        .spawn(WORKER_LOADER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curve_has_one_point_per_month_and_matches_the_engine() {
        let curve = bass_curve(&BassRequest { p: 0.03, q: 0.38, months: 120 });
        assert_eq!(curve.cumulative.len(), 121);
        assert_eq!(curve.cumulative[0], 0.0);
        let expected = rollout_engine::bass::cumulative_adoption(0.03, 0.38, 10.0);
        assert!((curve.cumulative[120] - expected).abs() < 1e-12);
        assert!(curve.cumulative.windows(2).all(|w| w[1] >= w[0]), "F must not decrease");
    }

    #[test]
    fn status_text_shows_last_month_to_four_decimals() {
        let curve = BassCurve { cumulative: vec![0.0, 0.5, 0.812_803_2] };
        assert_eq!(status_text(&curve), "Worker ready: F(2) = 0.8128");
        assert_eq!(status_text(&BassCurve { cumulative: vec![] }), "Worker answered with an empty curve");
    }
}
