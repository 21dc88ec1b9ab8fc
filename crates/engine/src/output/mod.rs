//! Writing a run's summary out: CSV (series; outcomes) and JSON, the same bytes from the CLI and from the app's export.

mod csv;
mod inequality_csv;
mod json;
mod outcomes_csv;

pub use csv::to_csv;
pub use inequality_csv::inequality_to_csv;
pub use json::to_json;
pub use outcomes_csv::to_outcomes_csv;
