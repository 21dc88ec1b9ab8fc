//! # rollout-engine
//!
//! The Rollout Lab simulation engine: an agent-based model of Internet-of-Things health technology rolling
//! out across population groups and organisations, structured by the NASSS framework.
//!
//! This crate is pure Rust with no web dependency. It knows nothing of yew, the DOM, workers or charts; the
//! browser app and the `rollout` CLI are thin shells over it. Every random draw comes from a generator
//! seeded from the scenario's seed, so the same scenario and seed give the same bytes on every platform.

pub mod bass;
