//! Writing a run's summary out: CSV and JSON, the same bytes from the CLI and from the app's export.

mod csv;
mod json;

pub use csv::to_csv;
pub use json::to_json;
