//! Running a design's points: each point's scenario with all its replicates (the scenario's own seeds, so
//! common random numbers across points), and every response per replicate.

use super::design::Design;
use super::error::ExperimentError;
use super::response::Response;
use crate::model::run_replicate;
use crate::record::ReplicateResult;
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
    let per_replicate: Vec<Vec<Option<f64>>> =
        results.iter().map(|result| replicate_values(&design.responses, &scenario, result)).collect();
    Ok(PointResult::from_replicates(design, &scenario, index, &per_replicate))
}

/// Every response in one replicate of a point's scenario, in the order given (a design's `responses`).
pub fn replicate_values(responses: &[Response], scenario: &Scenario, result: &ReplicateResult) -> Vec<Option<f64>> {
    responses.iter().map(|r| r.value(scenario, result)).collect()
}

/// Run replicate `replicate` of a point's scenario (`design.scenario_at(base, point)`) and read the
/// design's `responses`: one piece of [`run_point`], for callers that spread replicates over workers of their own (the
/// browser's Web Workers). [`PointResult::from_replicates`] puts the pieces together exactly as
/// [`run_point`] does.
pub fn point_replicate(responses: &[Response], scenario: &Scenario, replicate: u32) -> Vec<Option<f64>> {
    replicate_values(responses, scenario, &run_replicate(scenario, replicate))
}

impl PointResult {
    /// Point `index`'s result from its scenario (`design.scenario_at(base, index)`) and each replicate's
    /// responses in replicate order (`per_replicate[replicate][response]`).
    pub fn from_replicates(
        design: &Design,
        scenario: &Scenario,
        index: usize,
        per_replicate: &[Vec<Option<f64>>],
    ) -> PointResult {
        let values = (0..design.responses.len())
            .map(|response| per_replicate.iter().map(|r| r.get(response).copied().flatten()).collect())
            .collect();
        PointResult {
            point: index,
            factor_values: design
                .factors
                .iter()
                .enumerate()
                .map(|(i, f)| f.value_in(scenario).or(design.points[index][i]).unwrap_or(f64::NAN))
                .collect(),
            month: scenario.months,
            values,
        }
    }
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
