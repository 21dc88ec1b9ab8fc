//! Running a design's points: each point's scenario with all its replicates (the scenario's own seeds, so
//! common random numbers across points), and every response per replicate.

use super::design::Design;
use super::error::ExperimentError;
use crate::run::run_replicates;
use crate::scenario::Scenario;

/// What one point gave.
#[derive(Clone, Debug, PartialEq)]
pub struct PointResult {
    /// Index of the point in the design.
    pub point: usize,
    /// The value each factor had at this point, in the factor's unit (as the scenario holds it, so whole
    /// numbers for whole-number fields; the design's value for the dummy).
    pub factor_values: Vec<f64>,
    /// The final month (the horizon) of the point's scenario.
    pub month: u32,
    /// `values[response][replicate]`, in the design's response order; `None` where not applicable.
    pub values: Vec<Vec<Option<f64>>>,
}

/// The points of chunk `chunk` of `chunks` (0-based): `chunk`, `chunk + chunks`, ... (interleaved, so any
/// finished set of chunks covers the whole space).
///
/// ```
/// assert_eq!(rollout_engine::experiment::chunk_points(10, 1, 4), vec![1, 5, 9]);
/// ```
pub fn chunk_points(points: usize, chunk: usize, chunks: usize) -> Vec<usize> {
    (chunk..points).step_by(chunks.max(1)).collect()
}

/// Run point `index` of `design` on `base` (checked with [`Design::check`]). Replicates run in parallel
/// with the `parallel` feature; `on_month` is called as replicate-months complete.
pub fn run_point(
    design: &Design,
    base: &Scenario,
    index: usize,
    on_month: &(dyn Fn() + Sync),
) -> Result<PointResult, ExperimentError> {
    let scenario = design.scenario_at(base, index)?;
    let mut results = run_replicates(&scenario, &|_, _| on_month());
    results.sort_by_key(|r| r.replicate);
    let values =
        design.responses.iter().map(|r| results.iter().map(|result| r.value(&scenario, result)).collect()).collect();
    Ok(PointResult {
        point: index,
        factor_values: design
            .factors
            .iter()
            .enumerate()
            .map(|(i, f)| f.value_in(&scenario).or(design.points[index][i]).unwrap_or(f64::NAN))
            .collect(),
        month: scenario.months,
        values,
    })
}

/// Run the points `indices` of `design` on `base` (checked with [`Design::check`]), in parallel over points
/// and replicates with the `parallel` feature; results come back in `indices` order whatever the thread
/// count. `on_point` is called as each point finishes, possibly from several threads.
pub fn run_points(
    design: &Design,
    base: &Scenario,
    indices: &[usize],
    on_point: &(dyn Fn() + Sync),
) -> Result<Vec<PointResult>, ExperimentError> {
    let one = |&p: &usize| {
        let result = run_point(design, base, p, &|| {});
        on_point();
        result
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        indices.par_iter().map(one).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        indices.iter().map(one).collect()
    }
}
