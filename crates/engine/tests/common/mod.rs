//! Helpers shared by the engine's integration tests.
#![allow(dead_code)]

use rollout_engine::presets;
use rollout_engine::quantity::Quantity;
use rollout_engine::summary::RunSummary;
use rollout_engine::Scenario;

/// A preset shrunk to `agents` people and `replicates` replicates.
pub fn small(name: &str, agents: u32, replicates: u32) -> Scenario {
    let mut s = presets::preset(name).expect("preset exists").scenario;
    s.agents = agents;
    s.replicates = replicates;
    s
}

/// Mean of `quantity` for group index `g` (the last index is `all`) at `month`.
pub fn mean(summary: &RunSummary, month: usize, g: usize, quantity: Quantity) -> f64 {
    summary.months[month].groups[g].get(quantity).mean
}

/// Half-width of the 95% interval of `quantity`.
pub fn half_width(summary: &RunSummary, month: usize, g: usize, quantity: Quantity) -> f64 {
    let e = summary.months[month].groups[g].get(quantity);
    (e.hi - e.lo) / 2.0
}
