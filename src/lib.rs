//! Rollout Lab in the browser: the yew app that shells over `rollout-engine`.
//!
//! Only this crate knows about the DOM, canvases and Web Workers. The simulation itself lives in
//! `rollout-engine` and is called, never re-implemented, here.

pub mod app;
pub mod browser;
pub mod charts;
pub mod components;
pub mod experiments;
pub mod format;
pub mod hooks;
pub mod levers;
pub mod runner;
pub mod state;
pub mod views;
pub mod workshop;

#[cfg(test)]
mod test_support;
