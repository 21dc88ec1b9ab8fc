//! Helpers shared by the app's unit tests.

use rollout_engine::summary::RunSummary;
use rollout_engine::{presets, run};

use crate::state::{reduce, Action, AppState};

/// A small run of preset `name` (800 people, 24 months, 3 replicates), summarised as the page would.
pub fn small_summary(name: &str) -> RunSummary {
    let mut s = presets::preset(name).unwrap().scenario;
    (s.agents, s.months, s.replicates) = (800, 24, 3);
    run::run(&s).unwrap()
}

/// The page once the workers have finished: every pending run's replicates (the current run, then a
/// baseline or options) fed in, in replicate order, as the workers would send them.
pub fn runs_done(mut state: AppState) -> AppState {
    while let Some(run) = state.job().cloned() {
        let have: Vec<u32> = run.replicates.iter().map(|r| r.replicate).collect();
        let next = (0..run.scenario.replicates).find(|r| !have.contains(r)).expect("a pending run lacks one");
        let result = rollout_engine::model::run_replicate(&run.scenario, next);
        state = reduce(&state, Action::ReplicateArrived { run_id: run.id, result });
    }
    state
}
