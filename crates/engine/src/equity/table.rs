//! The subgroup table: one estimate and population per subgroup of one dimension of inequality.

use std::collections::HashMap;

use super::TableError;

/// Whether more of the indicator is better (e.g. coverage) or worse (e.g. mortality).
///
/// This sets the direction of D and R, which subgroup is "best performing" for MDB, PAR and PAF, and the
/// sign PAR and PAF may take. The regression and concentration measures (SII, RII, ACI, RCI) are not
/// flipped: as in HEAT, their sign is read the other way for adverse indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Indicator {
    /// Higher is better: the goal is a maximum level.
    #[default]
    Favourable,
    /// Lower is better: the goal is a minimum level.
    Adverse,
}

/// Settings shared by every row of a table.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TableOptions {
    /// Favourable or adverse indicator.
    pub indicator: Indicator,
    /// The scale the estimates are on: 100 for percentages (the default), 1000 for a rate per 1000.
    /// `estimate / scale` is the proportion used by SII and RII.
    pub scale: f64,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions { indicator: Indicator::Favourable, scale: 100.0 }
    }
}

impl TableOptions {
    /// Options for an adverse indicator on the default scale of 100.
    pub fn adverse() -> Self {
        TableOptions { indicator: Indicator::Adverse, ..Self::default() }
    }

    /// `true` for a favourable indicator.
    pub fn is_favourable(&self) -> bool {
        self.indicator == Indicator::Favourable
    }
}

/// One population subgroup (e.g. a wealth quintile or a region).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Subgroup {
    /// Unique, non-empty name.
    pub name: String,
    /// The indicator's value in this subgroup, on the table's scale (e.g. a percentage).
    pub estimate: f64,
    /// Number of people in the subgroup (any unit; only shares matter). 0 or more.
    pub population: f64,
    /// Position in an ordered dimension, 1 = most disadvantaged; `None` for a non-ordered dimension.
    pub order: Option<i64>,
    /// Marks the reference subgroup of a non-ordered dimension (at most one per table).
    pub reference: bool,
}

impl Subgroup {
    /// A subgroup with no order and not the reference.
    pub fn new(name: impl Into<String>, estimate: f64, population: f64) -> Self {
        Subgroup { name: name.into(), estimate, population, order: None, reference: false }
    }

    /// The same subgroup with an order (1 = most disadvantaged).
    pub fn with_order(mut self, order: i64) -> Self {
        self.order = Some(order);
        self
    }

    /// The same subgroup marked as the reference subgroup.
    pub fn as_reference(mut self) -> Self {
        self.reference = true;
        self
    }
}

/// A validated table of subgroups for one indicator and one dimension of inequality.
///
/// Invariants, checked by [`SubgroupTable::new`]: at least 2 rows; finite estimates and populations;
/// populations 0 or more with a total above 0; unique non-empty names; at most one reference row; orders
/// either on every row (an ordered dimension) or on none, and distinct; a finite scale above 0.
///
/// ```
/// use rollout_engine::equity::{Subgroup, SubgroupTable, TableOptions};
/// let rows = vec![
///     Subgroup::new("Poorest", 20.0, 100.0).with_order(1),
///     Subgroup::new("Middle", 30.0, 100.0).with_order(2),
///     Subgroup::new("Richest", 40.0, 100.0).with_order(3),
/// ];
/// let table = SubgroupTable::new(rows, TableOptions::default()).unwrap();
/// assert!(table.is_ordered());
/// assert_eq!(table.mean(), 30.0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SubgroupTable {
    rows: Vec<Subgroup>,
    options: TableOptions,
    ordered: bool,
    /// Row indices from most disadvantaged (lowest order) to most advantaged; empty if not ordered.
    by_order: Vec<usize>,
    reference: Option<usize>,
    total_population: f64,
}

impl SubgroupTable {
    /// Validates `rows` and `options` into a table; the first problem found is returned.
    pub fn new(rows: Vec<Subgroup>, options: TableOptions) -> Result<Self, TableError> {
        if !(options.scale.is_finite() && options.scale > 0.0) {
            return Err(TableError::InvalidScale { value: options.scale });
        }
        if rows.len() < 2 {
            return Err(TableError::TooFewSubgroups { found: rows.len() });
        }
        let first_has_order = rows[0].order.is_some();
        // First row of each name and order: one hash look-up per row, so 200,000 rows take milliseconds.
        let mut names: HashMap<&str, usize> = HashMap::with_capacity(rows.len());
        let mut orders: HashMap<i64, usize> = HashMap::new();
        let mut reference = None;
        for (i, s) in rows.iter().enumerate() {
            let row = i + 1;
            if s.name.trim().is_empty() {
                return Err(TableError::EmptyName { row });
            }
            if let Some(&j) = names.get(s.name.as_str()) {
                return Err(TableError::DuplicateName { row, name: s.name.clone(), first_row: j + 1 });
            }
            names.insert(&s.name, i);
            check_values(row, &s.name, s.estimate, s.population)?;
            if s.reference {
                if let Some(j) = reference {
                    return Err(TableError::MultipleReferences { row, name: s.name.clone(), first_row: j + 1 });
                }
                reference = Some(i);
            }
            if s.order.is_some() != first_has_order {
                return Err(TableError::MixedOrder { row, name: s.name.clone(), has_order: s.order.is_some() });
            }
            if let Some(order) = s.order {
                if let Some(&j) = orders.get(&order) {
                    return Err(TableError::DuplicateOrder { row, name: s.name.clone(), order, first_row: j + 1 });
                }
                orders.insert(order, i);
            }
        }
        let total_population = total(&rows)?;
        let mut by_order = Vec::new();
        if first_has_order {
            by_order = (0..rows.len()).collect();
            by_order.sort_by_key(|&i| rows[i].order);
        }
        Ok(SubgroupTable { rows, options, ordered: first_has_order, by_order, reference, total_population })
    }

    /// Replaces every estimate and population in place (same subgroups, same order), re-checking the
    /// values. Cheap: meant for recomputing measures each simulated month without rebuilding names.
    pub fn set_values(&mut self, estimates: &[f64], populations: &[f64]) -> Result<(), TableError> {
        let n = self.rows.len();
        if estimates.len() != n || populations.len() != n {
            return Err(TableError::LengthMismatch {
                expected: n,
                estimates: estimates.len(),
                populations: populations.len(),
            });
        }
        for (i, s) in self.rows.iter().enumerate() {
            check_values(i + 1, &s.name, estimates[i], populations[i])?;
        }
        let sum: f64 = populations.iter().sum();
        if !(sum > 0.0 && sum.is_finite()) {
            return Err(TableError::ZeroTotalPopulation);
        }
        for (s, (&e, &p)) in self.rows.iter_mut().zip(estimates.iter().zip(populations)) {
            s.estimate = e;
            s.population = p;
        }
        self.total_population = sum;
        Ok(())
    }

    /// The rows, in the order given.
    pub fn rows(&self) -> &[Subgroup] {
        &self.rows
    }

    /// Number of subgroups (at least 2).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Always `false`: a valid table has at least two rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table's options.
    pub fn options(&self) -> TableOptions {
        self.options
    }

    /// `true` when every row has an order (an ordered dimension such as wealth quintiles).
    pub fn is_ordered(&self) -> bool {
        self.ordered
    }

    /// The reference subgroup, if one is marked.
    pub fn reference(&self) -> Option<&Subgroup> {
        self.reference.map(|i| &self.rows[i])
    }

    /// Rows from most disadvantaged (lowest order) to most advantaged; empty for a non-ordered table.
    pub fn rows_by_order(&self) -> impl Iterator<Item = &Subgroup> + '_ {
        self.by_order.iter().map(move |&i| &self.rows[i])
    }

    /// Sum of populations (above 0).
    pub fn total_population(&self) -> f64 {
        self.total_population
    }

    /// Population share p_j = population_j / total of row `j`.
    pub fn share(&self, j: usize) -> f64 {
        self.rows[j].population / self.total_population
    }

    /// The setting (e.g. national) average μ = Σ p_j y_j, population-weighted, on the table's scale.
    pub fn mean(&self) -> f64 {
        self.rows.iter().map(|s| s.population * s.estimate).sum::<f64>() / self.total_population
    }

    /// Computes every summary measure; see [`Measures`](super::Measures).
    pub fn measures(&self) -> super::Measures {
        super::measures(self)
    }
}

fn check_values(row: usize, name: &str, estimate: f64, population: f64) -> Result<(), TableError> {
    if !estimate.is_finite() {
        return Err(TableError::NonFinite { row, name: name.to_owned(), field: "estimate", value: estimate });
    }
    if !population.is_finite() {
        return Err(TableError::NonFinite { row, name: name.to_owned(), field: "population", value: population });
    }
    if population < 0.0 {
        return Err(TableError::NegativePopulation { row, name: name.to_owned(), value: population });
    }
    Ok(())
}

fn total(rows: &[Subgroup]) -> Result<f64, TableError> {
    let sum: f64 = rows.iter().map(|s| s.population).sum();
    if sum.is_infinite() {
        Err(TableError::PopulationOverflow)
    } else if sum > 0.0 {
        Ok(sum)
    } else {
        Err(TableError::ZeroTotalPopulation)
    }
}
