//! Experiments: designs of many runs, sweeps over them and sensitivity analyses of their results.
//!
//! A [`Design`] is a list of points, each a set of scenario overrides by dotted key (the `--set` paths,
//! applied with [`set_dotted`](crate::scenario::set_dotted)). Every point runs with the scenario's own seed
//! and replicates (common random numbers), so differences between points are the factors', not the
//! noise's. Designs: [`grid`], [`one_at_a_time`], [`latin_hypercube`], [`morris`], [`sobol`] (Saltelli).
//! Analyses: [`tornado`], [`morris_indices`], [`sobol_indices`], with seeded bootstrap intervals. A
//! [`Response`] turns one replicate into one number.
//!
//! Everything here is deterministic: placement and bootstrap draw only from seeded generators in
//! [`crate::rng`], and the quasi-random Sobol' points come from integer hashing.
//!
//! ```
//! use rollout_engine::experiment::{one_at_a_time, run_point, tornado, Factor, Response};
//! use rollout_engine::presets;
//! let mut base = presets::preset("heart-monitoring").unwrap().scenario;
//! (base.agents, base.months, base.replicates) = (1_000, 24, 3);
//! let design = one_at_a_time(vec![Factor::parse("technology.effect=0.1:0.3").unwrap()])
//!     .unwrap()
//!     .with_responses(vec!["events_avoided_total".parse::<Response>().unwrap()]);
//! design.check(&base).unwrap();
//! let values: Vec<Vec<f64>> = (0..design.points.len())
//!     .map(|p| run_point(&design, &base, p, &|| {}).unwrap().values[0].iter().map(|v| v.unwrap()).collect())
//!     .collect();
//! let bars = tornado(&design, &values).unwrap();
//! assert!(bars[0].difference.lo > 0.0, "a larger effect avoids more events, in every replicate");
//! ```

mod bootstrap;
mod design;
mod economic;
mod elementary_effects;
mod error;
mod factor;
mod grid;
mod latin_hypercube;
mod morris;
mod one_at_a_time;
mod response;
pub mod results_table;
mod saltelli;
mod sobol_indices;
mod statistic;
mod sweep;
mod tornado;

pub use bootstrap::RESAMPLES;
pub use design::{Design, Method, MAX_FACTORS, MAX_POINTS};
pub use economic::EconomicMeasure;
pub use elementary_effects::{morris_indices, MorrisIndex};
pub use error::ExperimentError;
pub use factor::{Factor, DUMMY};
pub use grid::{coarse_to_fine, grid};
pub use latin_hypercube::latin_hypercube;
pub use morris::morris;
pub use one_at_a_time::one_at_a_time;
pub use response::Response;
pub use saltelli::{sobol, MAX_BASE_SAMPLES};
pub use sobol_indices::{sobol_indices, SobolIndex};
pub use statistic::Statistic;
pub use sweep::{chunk_points, point_replicate, replicate_values, run_point, run_points, PointResult};
pub use tornado::{tornado, TornadoBar};

/// Every point has a value for every replicate, the same number of them, all finite.
fn check_values(design: &Design, values: &[Vec<f64>]) -> Result<(), ExperimentError> {
    if values.len() != design.points.len() {
        return Err(ExperimentError::Results(format!(
            "{} points of results for a design of {}",
            values.len(),
            design.points.len()
        )));
    }
    let replicates = values[0].len();
    for (p, v) in values.iter().enumerate() {
        if v.is_empty() || v.len() != replicates {
            return Err(ExperimentError::Results(format!(
                "point {p} has {} replicates; point 0 has {replicates}",
                v.len()
            )));
        }
        if v.iter().any(|x| !x.is_finite()) {
            return Err(ExperimentError::Results(format!("point {p}: the response is not applicable there")));
        }
    }
    Ok(())
}
