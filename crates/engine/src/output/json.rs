//! JSON: the whole summary, series and NASSS outcomes.

use crate::summary::RunSummary;

/// Pretty JSON of a summary.
pub fn to_json(summary: &RunSummary) -> String {
    serde_json::to_string_pretty(summary).expect("a summary always serialises")
}
