//! # rollout-engine
//!
//! The Rollout Lab simulation engine: an agent-based model of Internet-of-Things health technology rolling
//! out across population groups and organisations, structured by the NASSS framework.
//!
//! This crate is pure Rust with no web dependency. It knows nothing of yew, the DOM, workers or charts; the
//! browser app and the `rollout` CLI are thin shells over it. Every random draw comes from a generator
//! seeded from the scenario's seed, so the same scenario and seed give the same bytes on every platform.
//!
//! The pieces, in the order a run uses them:
//! - [`scenario`]: the typed, validated input; [`presets`]: ready-made scenarios with a story each;
//! - [`nasss`]: the seven domains and the one mapping from their settings to rates;
//! - [`population`] and [`organisation`]: the agents; [`model`]: one month of change;
//! - [`record`]: what a replicate records (data collection, kept apart from the model);
//! - [`skip`]: the people pass's trials by geometric skipping (no draw per person);
//! - [`run`]: replicates, in parallel natively; [`summary`], [`estimate`], [`outcomes`]: means with 95%
//!   intervals and the five NASSS outcomes; [`quantity`]: the reported quantities; [`output`]: CSV and JSON;
//! - [`bass`]: the closed form the model reduces to.
//!
//! ```
//! use rollout_engine::{presets, run};
//! let mut scenario = presets::preset("heart-monitoring").unwrap().scenario;
//! scenario.agents = 2_000;
//! scenario.replicates = 2;
//! let summary = run::run(&scenario).unwrap();
//! let all = summary.outcomes.last().unwrap();
//! assert!(all.non_adoption.mean > 0.0 && all.non_adoption.mean <= 1.0);
//! ```

pub mod bass;
pub mod budget;
pub mod calibrate;
pub mod compare;
pub mod cost;
pub mod economics;
pub mod estimate;
pub mod fmt_number;
pub mod inequality;
pub mod link;
pub mod model;
pub mod nasss;
pub mod offers;
pub mod organisation;
pub mod outcomes;
pub mod output;
pub mod population;
pub mod presets;
pub mod quantity;
pub mod record;
pub mod rng;
pub mod run;
pub mod scenario;
pub mod skip;
pub mod spells;
pub mod summary;

pub use scenario::{Scenario, ScenarioError};
pub mod equity;
pub mod experiment;
