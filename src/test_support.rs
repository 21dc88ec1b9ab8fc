//! Helpers shared by the app's unit tests.

use rollout_engine::summary::RunSummary;
use rollout_engine::{presets, run};

/// A small run of preset `name` (800 people, 24 months, 3 replicates), summarised as the page would.
pub fn small_summary(name: &str) -> RunSummary {
    let mut s = presets::preset(name).unwrap().scenario;
    (s.agents, s.months, s.replicates) = (800, 24, 3);
    run::run(&s).unwrap()
}
