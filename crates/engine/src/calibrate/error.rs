//! What can be wrong with a targets file, a fit range, a budget or a calibration's results: one message
//! each, naming the target or the field in the user's words.

use std::fmt;

use crate::experiment::ExperimentError;

/// Why a calibration cannot be set up or finished.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum CalibrationError {
    /// The targets file is not valid (a target's field named, with the value and what is allowed).
    Targets(String),
    /// A fit range does not suit the scenario (the field's allowed range is named).
    Fit(String),
    /// The budget (number of runs) is not allowed.
    Budget(String),
    /// A design, point or results table could not be used.
    Experiment(ExperimentError),
}

impl fmt::Display for CalibrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalibrationError::Targets(m) => write!(f, "targets: {m}"),
            CalibrationError::Fit(m) => write!(f, "--fit {m}"),
            CalibrationError::Budget(m) => write!(f, "--budget {m}"),
            CalibrationError::Experiment(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CalibrationError {}

impl From<ExperimentError> for CalibrationError {
    fn from(e: ExperimentError) -> Self {
        CalibrationError::Experiment(e)
    }
}
