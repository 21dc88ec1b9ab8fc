//! What can be wrong with a design, a point or an analysis: one message each, naming the field in the
//! user's words.

use std::fmt;

use crate::scenario::ScenarioError;

/// Why a design cannot be built, applied or analysed.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ExperimentError {
    /// A factor's key or range does not fit the scenario (the scenario's own message, naming the field).
    Factor { key: String, message: String },
    /// A design setting is outside what the method allows (`points`, `levels`, number of factors...).
    Setting { name: String, message: String },
    /// The design file is not one this build can run.
    Design(String),
    /// A response is unknown or does not apply to the scenario.
    Response(String),
    /// The results do not fit the design (missing points, wrong counts, values not applicable).
    Results(String),
}

impl ExperimentError {
    pub(crate) fn factor(key: &str, message: impl Into<String>) -> Self {
        ExperimentError::Factor { key: key.to_string(), message: message.into() }
    }

    pub(crate) fn setting(name: &str, message: impl Into<String>) -> Self {
        ExperimentError::Setting { name: name.to_string(), message: message.into() }
    }

    pub(crate) fn from_scenario(key: &str, e: ScenarioError) -> Self {
        ExperimentError::factor(key, e.to_string())
    }
}

impl fmt::Display for ExperimentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExperimentError::Factor { key, message } => write!(f, "factor {key}: {message}"),
            ExperimentError::Setting { name, message } => write!(f, "{name}: {message}"),
            ExperimentError::Design(message) => write!(f, "design: {message}"),
            ExperimentError::Response(message) => write!(f, "response: {message}"),
            ExperimentError::Results(message) => write!(f, "results: {message}"),
        }
    }
}

impl std::error::Error for ExperimentError {}
