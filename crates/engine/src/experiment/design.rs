//! A design: the factors, the method that placed the points, the responses to record and the points
//! themselves. Every point runs with the scenario's own seed and replicates (common random numbers), so
//! differences between points are the factors', not the noise's.

use serde::{Deserialize, Serialize};

use super::error::ExperimentError;
use super::factor::Factor;
use super::response::Response;
use crate::scenario::{Scenario, SCENARIO_VERSION};

/// Most points a design may have.
pub const MAX_POINTS: usize = 10_000_000;

/// Most factors a design may have (the dummy included).
pub const MAX_FACTORS: usize = 64;

/// How the points were placed; analyses read the points in the layout their method gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "method")]
#[non_exhaustive]
pub enum Method {
    /// Every combination of `levels` evenly spaced values per factor, last factor fastest.
    Grid { levels: u32 },
    /// Point 0 is the scenario as it is; then each factor at its low, then its high, the others as they
    /// are (for a tornado).
    OneAtATime,
    /// `points` points, each factor's range cut into `points` equal strata, one point per stratum.
    LatinHypercube { points: u32 },
    /// Morris elementary effects: `trajectories` blocks of k + 1 points on a grid of `levels` levels, each
    /// point moving one factor by `levels / (2 (levels - 1))` of its range.
    Morris { trajectories: u32, levels: u32 },
    /// Saltelli's scheme for Sobol' indices: `base_samples` blocks of k + 2 points: A, B, then A with
    /// factor i taken from B, for each i; A and B from an Owen-scrambled Sobol' sequence.
    Sobol { base_samples: u32 },
}

impl Method {
    /// Short name, as the CLI takes it.
    pub fn name(self) -> &'static str {
        match self {
            Method::Grid { .. } => "grid",
            Method::OneAtATime => "oat",
            Method::LatinHypercube { .. } => "lhs",
            Method::Morris { .. } => "morris",
            Method::Sobol { .. } => "sobol",
        }
    }
}

/// A list of points, each a value per factor (`None`: the scenario's own value), with what to record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Design {
    /// Scenario schema version the design was made for; must be this build's [`SCENARIO_VERSION`].
    pub scenario_version: u32,
    /// How the points were placed.
    pub method: Method,
    /// Seed of the random placement (LHS, Morris, Sobol' scrambling); unused by grid and one-at-a-time.
    pub seed: u64,
    /// The factors, in column order.
    pub factors: Vec<Factor>,
    /// What a sweep records at each point.
    pub responses: Vec<Response>,
    /// The points; each has one value per factor, in the factor's unit.
    pub points: Vec<Vec<Option<f64>>>,
}

impl Design {
    pub(crate) fn from_unit(method: Method, seed: u64, factors: Vec<Factor>, unit: Vec<Vec<f64>>) -> Design {
        let points =
            unit.iter().map(|u| u.iter().zip(&factors).map(|(&x, f)| Some(f.at(x))).collect()).collect::<Vec<_>>();
        Design { scenario_version: SCENARIO_VERSION, method, seed, factors, responses: Response::defaults(), points }
    }

    /// The same design recording `responses` instead.
    pub fn with_responses(mut self, responses: Vec<Response>) -> Design {
        self.responses = responses;
        self
    }

    /// Number of factors, the dummy included.
    pub fn factor_count(&self) -> usize {
        self.factors.len()
    }

    /// Read a design file's JSON and check its shape (not yet against a scenario; see [`Design::check`]).
    pub fn from_json(text: &str) -> Result<Design, ExperimentError> {
        let design: Design = serde_json::from_str(text).map_err(|e| ExperimentError::Design(e.to_string()))?;
        design.validate()?;
        Ok(design)
    }

    /// Pretty JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a design always serialises")
    }

    /// Check the design's own consistency: version, point sizes, values inside the factor ranges.
    pub fn validate(&self) -> Result<(), ExperimentError> {
        if self.scenario_version != SCENARIO_VERSION {
            return Err(ExperimentError::Design(format!(
                "made for scenario version {}, but this build runs scenario version {SCENARIO_VERSION}; make the design again",
                self.scenario_version
            )));
        }
        if self.factors.is_empty() || self.factors.len() > MAX_FACTORS {
            return Err(ExperimentError::Design(format!(
                "has {} factors; allowed 1 to {MAX_FACTORS}",
                self.factors.len()
            )));
        }
        for (i, f) in self.factors.iter().enumerate() {
            Factor::new(&f.key, f.low, f.high)?;
            if self.factors[..i].iter().any(|g| g.key == f.key) {
                return Err(ExperimentError::factor(&f.key, "is listed twice"));
            }
        }
        if self.points.is_empty() || self.points.len() > MAX_POINTS {
            return Err(ExperimentError::Design(format!(
                "has {} points; allowed 1 to {MAX_POINTS}",
                self.points.len()
            )));
        }
        if self.responses.is_empty() {
            return Err(ExperimentError::Design("records no response".into()));
        }
        for (p, point) in self.points.iter().enumerate() {
            if point.len() != self.factors.len() {
                return Err(ExperimentError::Design(format!(
                    "point {p} has {} values for {} factors",
                    point.len(),
                    self.factors.len()
                )));
            }
            for (value, f) in point.iter().zip(&self.factors) {
                if let Some(v) = value {
                    if !(v.is_finite() && *v >= f.low && *v <= f.high) {
                        return Err(ExperimentError::Design(format!(
                            "point {p}: {} = {v} is outside its range {} to {}",
                            f.key, f.low, f.high
                        )));
                    }
                }
            }
        }
        Ok(())
    }

    /// Check the design against the scenario it will run on: every factor's key and range, and every
    /// response.
    pub fn check(&self, scenario: &Scenario) -> Result<(), ExperimentError> {
        self.validate()?;
        for f in &self.factors {
            f.check(scenario)?;
        }
        for r in &self.responses {
            r.check(scenario)?;
        }
        Ok(())
    }

    /// The scenario at point `index`: `base` with each factor set to the point's value.
    pub fn scenario_at(&self, base: &Scenario, index: usize) -> Result<Scenario, ExperimentError> {
        let point = self.points.get(index).ok_or_else(|| {
            ExperimentError::Design(format!("no point {index}; points are 0 to {}", self.points.len() - 1))
        })?;
        let mut scenario = base.clone();
        for (value, f) in point.iter().zip(&self.factors) {
            if let Some(v) = value {
                scenario = f.apply(&scenario, *v)?;
            }
        }
        Ok(scenario)
    }
}
