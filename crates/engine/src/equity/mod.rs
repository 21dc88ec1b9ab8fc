//! Summary measures of health inequality across population subgroups, as defined by the WHO Health Equity
//! Assessment Toolkit (HEAT / HEAT Plus technical notes and its `HEAT-Measures` code) and the WHO R package
//! `healthequal` (Schlotheuber & Hosseinpoor 2022, Int J Environ Res Public Health 19:3697).
//!
//! Build a validated [`SubgroupTable`] (from [`Subgroup`] rows or with [`parse_table_csv`]), then call
//! [`measures`] for all 19 measures at once, with `None` where HEAT does not apply a measure to that kind of
//! dimension. Each concept has its own module with the formula and unit:
//! [`pairwise`] (D, R), [`ordered`] (ACI, RCI, SII, RII), [`variance`] (BGV, BGSD, COV),
//! [`mean_difference`] (MDMU, MDMW, IDISU, IDISW), [`best_performing`] (MDBU, MDBW), [`entropy`] (TI, MLD)
//! and [`attributable`] (PAR, PAF).
//!
//! Notation: y_j is subgroup j's estimate (on the table's scale, e.g. percent), p_j its population share,
//! μ = Σ p_j y_j the population-weighted setting mean, n the number of subgroups.

pub mod attributable;
pub mod best_performing;
mod csv;
pub mod entropy;
mod error;
mod glm;
pub mod mean_difference;
mod measures;
pub mod ordered;
pub mod pairwise;
mod table;
pub mod variance;

#[cfg(test)]
mod tests;

pub use csv::parse_table_csv;
pub use error::TableError;
pub use measures::{measures, Measures};
pub use table::{Indicator, Subgroup, SubgroupTable, TableOptions};
