//! The one error type for building a [`SubgroupTable`](super::SubgroupTable), from rows or from CSV text.

use std::fmt;

use crate::fmt_number::short;
use crate::scenario::names::shown;

/// Why a subgroup table was rejected.
///
/// Every row-level variant names the row (1-based, in the order the rows were given, which for CSV is the
/// data row after the header) and the column/field, so the [`Display`](fmt::Display) text is a single line a
/// person can act on, e.g. `row 3, column "population": -5 is negative; populations must be 0 or more`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TableError {
    /// Fewer than two subgroups: no inequality can be measured.
    TooFewSubgroups { found: usize },
    /// The scale (e.g. 100 for percentages) must be finite and greater than 0.
    InvalidScale { value: f64 },
    /// A subgroup name is empty (after trimming).
    EmptyName { row: usize },
    /// A number is NaN or infinite.
    NonFinite { row: usize, name: String, field: &'static str, value: f64 },
    /// A population is below zero.
    NegativePopulation { row: usize, name: String, value: f64 },
    /// All populations are zero, so there are no population shares.
    ZeroTotalPopulation,
    /// The populations add up to more than a 64-bit float holds (about 1.8e308).
    PopulationOverflow,
    /// Two rows share a subgroup name.
    DuplicateName { row: usize, name: String, first_row: usize },
    /// More than one row is marked as the reference subgroup.
    MultipleReferences { row: usize, name: String, first_row: usize },
    /// Some rows have an order and this one does not, or the reverse; orders must be all present or all absent.
    MixedOrder { row: usize, name: String, has_order: bool },
    /// Two rows share the same order.
    DuplicateOrder { row: usize, name: String, order: i64, first_row: usize },
    /// `set_values` was given slices whose lengths differ from the table's.
    LengthMismatch { expected: usize, estimates: usize, populations: usize },
    /// CSV: the input has no header line.
    EmptyInput,
    /// CSV: a required column is not in the header.
    MissingColumn { column: &'static str },
    /// CSV: a column name appears twice in the header.
    DuplicateColumn { column: String },
    /// CSV: a data line has a different number of fields from the header.
    FieldCount { line: usize, expected: usize, found: usize },
    /// CSV: a quoted field is not closed, or text follows its closing quote.
    BadQuote { line: usize },
    /// CSV: a required cell is empty.
    EmptyValue { row: usize, column: &'static str },
    /// CSV: a cell that should hold a number (or an integer, for `order`) does not.
    NotANumber { row: usize, column: &'static str, text: String },
    /// CSV: the `reference` cell is not 1, 0 or empty.
    BadReference { row: usize, text: String },
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use TableError::*;
        match self {
            TooFewSubgroups { found } => write!(
                f,
                "the table has {found} subgroup{}; at least 2 are needed to measure inequality",
                if *found == 1 { "" } else { "s" }
            ),
            InvalidScale { value } => write!(f, "scale {} is not usable; it must be a finite number above 0 (e.g. 100 for percentages)", short(*value)),
            EmptyName { row } => write!(f, "row {row}, column \"subgroup\": the subgroup name is empty"),
            NonFinite { row, field, value, .. } => {
                write!(f, "row {row}, column \"{field}\": {} is not a finite number", short(*value))
            }
            NegativePopulation { row, value, .. } => {
                write!(f, "row {row}, column \"population\": {} is negative; populations must be 0 or more", short(*value))
            }
            ZeroTotalPopulation => write!(f, "every population is 0; at least one subgroup needs people in it"),
            PopulationOverflow => write!(
                f,
                "the populations add up to more than the largest number this tool holds (about 1.8e308); divide every population by the same factor"
            ),
            DuplicateName { row, name, first_row } => write!(
                f,
                "row {row}, column \"subgroup\": \"{}\" already appears in row {first_row}; subgroup names must be unique",
                shown(name)
            ),
            MultipleReferences { row, name, first_row } => write!(
                f,
                "row {row}, column \"reference\": \"{}\" is marked as reference but row {first_row} already is; mark at most one",
                shown(name)
            ),
            MixedOrder { row, name, has_order } => {
                if *has_order {
                    write!(f, "row {row}, column \"order\": \"{}\" has an order but earlier rows do not; give every subgroup an order or none", shown(name))
                } else {
                    write!(f, "row {row}, column \"order\": \"{}\" has no order but other rows do; give every subgroup an order or none", shown(name))
                }
            }
            DuplicateOrder { row, order, first_row, .. } => {
                write!(f, "row {row}, column \"order\": order {order} is already used by row {first_row}; orders must be distinct")
            }
            LengthMismatch { expected, estimates, populations } => write!(
                f,
                "the table has {expected} subgroups but {estimates} estimates and {populations} populations were given"
            ),
            EmptyInput => write!(f, "the CSV is empty; expected a header with subgroup, estimate and population columns"),
            MissingColumn { column } => write!(f, "the header has no \"{column}\" column; required: subgroup, estimate, population"),
            DuplicateColumn { column } => write!(f, "the header has the column {column:?} twice"),
            FieldCount { line, expected, found } => {
                write!(f, "line {line}: {found} fields where the header has {expected}")
            }
            BadQuote { line } => write!(f, "line {line}: a quoted field is not closed properly"),
            EmptyValue { row, column } => write!(f, "row {row}, column \"{column}\": empty; a value is required"),
            NotANumber { row, column, text } => {
                if *column == "order" {
                    write!(f, "row {row}, column \"order\": {text:?} is not a whole number")
                } else {
                    write!(f, "row {row}, column \"{column}\": {text:?} is not a number")
                }
            }
            BadReference { row, text } => {
                write!(f, "row {row}, column \"reference\": {text:?} must be 1 (the reference subgroup), 0 or empty")
            }
        }
    }
}

impl std::error::Error for TableError {}
