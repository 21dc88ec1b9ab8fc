//! Reading a subgroup table from CSV text, for the `rollout equity` command.
//!
//! The header names the columns, in any order and any letter case: `subgroup`, `estimate` and `population`
//! are required; `order` (a whole number, 1 = most disadvantaged; empty or absent for a non-ordered
//! dimension) and `reference` (1 marks the reference subgroup; 0 or empty otherwise) are optional; other
//! columns are ignored. Fields may be quoted with `"` (a doubled `""` inside is one quote; quoted fields may
//! hold commas and line breaks). Blank lines are skipped. Unquoted fields are trimmed.

use super::{Indicator, Subgroup, SubgroupTable, TableError, TableOptions};

/// One parsed record: the line it starts on (1-based) and its fields.
type Record = (usize, Vec<String>);

/// Parses CSV text into a validated [`SubgroupTable`] for a favourable (or, with `adverse`, adverse)
/// indicator on `scale` (100 for percentages).
///
/// Errors are one line naming the data row (1-based, header excluded) or the line, and the column, e.g.
/// `row 3, column "population": -5 is negative; populations must be 0 or more`.
///
/// ```
/// use rollout_engine::equity::parse_table_csv;
/// let csv = "subgroup,estimate,population,order\nPoorest,20,78,1\n\"Middle, lower\",30,91,2\nRichest,60,105,3\n";
/// let table = parse_table_csv(csv, false, 100.0).unwrap();
/// assert_eq!(table.rows()[1].name, "Middle, lower");
/// assert!(table.is_ordered());
///
/// let bad = "subgroup,estimate,population\nA,20,10\nB,30,-5\n";
/// assert_eq!(
///     parse_table_csv(bad, false, 100.0).unwrap_err().to_string(),
///     "row 2, column \"population\": -5 is negative; populations must be 0 or more"
/// );
/// ```
pub fn parse_table_csv(text: &str, adverse: bool, scale: f64) -> Result<SubgroupTable, TableError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Line endings: CRLF (Windows) and CR alone (classic Mac OS) become LF.
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text.to_string() };
    let mut records = split_records(&text)?.into_iter();
    let (_, header) = records.next().ok_or(TableError::EmptyInput)?;
    let columns = Columns::find(&header)?;
    let mut rows = Vec::new();
    for (index, (line, fields)) in records.enumerate() {
        let row = index + 1;
        if fields.len() != header.len() {
            return Err(TableError::FieldCount { line, expected: header.len(), found: fields.len() });
        }
        let mut subgroup = Subgroup::new(
            fields[columns.subgroup].trim(),
            number(row, "estimate", &fields[columns.estimate])?,
            number(row, "population", &fields[columns.population])?,
        );
        if let Some(c) = columns.order {
            subgroup.order = order(row, &fields[c])?;
        }
        if let Some(c) = columns.reference {
            subgroup.reference = reference(row, &fields[c])?;
        }
        rows.push(subgroup);
    }
    let indicator = if adverse { Indicator::Adverse } else { Indicator::Favourable };
    SubgroupTable::new(rows, TableOptions { indicator, scale })
}

/// Indices of the known columns in the header.
struct Columns {
    subgroup: usize,
    estimate: usize,
    population: usize,
    order: Option<usize>,
    reference: Option<usize>,
}

impl Columns {
    fn find(header: &[String]) -> Result<Self, TableError> {
        let names: Vec<String> = header.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
        for (i, name) in names.iter().enumerate() {
            if !name.is_empty() && names[..i].contains(name) {
                return Err(TableError::DuplicateColumn { column: name.clone() });
            }
        }
        let position = |column: &str| names.iter().position(|n| n == column);
        let required = |column: &'static str| position(column).ok_or(TableError::MissingColumn { column });
        Ok(Columns {
            subgroup: required("subgroup")?,
            estimate: required("estimate")?,
            population: required("population")?,
            order: position("order"),
            reference: position("reference"),
        })
    }
}

fn number(row: usize, column: &'static str, text: &str) -> Result<f64, TableError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(TableError::EmptyValue { row, column });
    }
    text.parse().map_err(|_| TableError::NotANumber { row, column, text: text.to_owned() })
}

fn order(row: usize, text: &str) -> Result<Option<i64>, TableError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|_| TableError::NotANumber { row, column: "order", text: text.to_owned() })
}

fn reference(row: usize, text: &str) -> Result<bool, TableError> {
    match text.trim() {
        "" | "0" => Ok(false),
        "1" => Ok(true),
        other => Err(TableError::BadReference { row, text: other.to_owned() }),
    }
}

/// Splits text into records of fields, honouring quotes; blank lines are dropped.
fn split_records(text: &str) -> Result<Vec<Record>, TableError> {
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut any_quoted = false;
    let mut chars = text.chars().peekable();
    loop {
        // At the start of a field: skip leading spaces, then read it quoted or plain.
        while matches!(chars.peek(), Some(' ' | '\t')) {
            chars.next();
        }
        if chars.peek() == Some(&'"') {
            chars.next();
            any_quoted = true;
            let start = line;
            loop {
                match chars.next() {
                    None => return Err(TableError::BadQuote { line: start }),
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(c) => {
                        if c == '\n' {
                            line += 1;
                        }
                        field.push(c);
                    }
                }
            }
            while matches!(chars.peek(), Some(' ' | '\t' | '\r')) {
                chars.next();
            }
            if !matches!(chars.peek(), None | Some(',' | '\n')) {
                return Err(TableError::BadQuote { line });
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' || c == '\n' {
                    break;
                }
                if c == '"' {
                    return Err(TableError::BadQuote { line });
                }
                field.push(c);
                chars.next();
            }
            let trimmed = field.trim_end().len();
            field.truncate(trimmed);
        }
        fields.push(std::mem::take(&mut field));
        match chars.next() {
            Some(',') => continue,
            end => {
                let blank = !any_quoted && fields.len() == 1 && fields[0].is_empty();
                if !blank {
                    records.push((record_line, std::mem::take(&mut fields)));
                }
                fields.clear();
                any_quoted = false;
                if end.is_none() {
                    return Ok(records);
                }
                line += 1;
                record_line = line;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse_table_csv(text, false, 100.0).unwrap_err().to_string()
    }

    #[test]
    fn equity_csv_reads_columns_in_any_order_with_quotes_and_crlf() {
        let text = "\u{feff}Population , ORDER,estimate,\"subgroup\",se\r\n\
                    78,1,20,\"Q1 \"\"poorest\"\"\",1\r\n\
                    \r\n\
                    91, 2 ,30,\"Q2,\nsecond\",1\r\n\
                    162,3,40.5,Q3,1\r\n";
        let t = parse_table_csv(text, true, 1000.0).unwrap();
        assert_eq!(t.len(), 3);
        assert_eq!(t.rows()[0].name, "Q1 \"poorest\"");
        assert_eq!(t.rows()[1].name, "Q2,\nsecond");
        assert_eq!(t.rows()[2].estimate, 40.5);
        assert_eq!(t.rows()[1].population, 91.0);
        assert_eq!(t.rows()[1].order, Some(2));
        assert_eq!(t.options().scale, 1000.0);
        assert_eq!(t.options().indicator, Indicator::Adverse);
    }

    #[test]
    fn equity_csv_reference_and_empty_order_make_a_non_ordered_table() {
        let text = "subgroup,estimate,population,order,reference\nNorth,50,10,,\nSouth,40,10,,1\nEast,30,10,,0\n";
        let t = parse_table_csv(text, false, 100.0).unwrap();
        assert!(!t.is_ordered());
        assert_eq!(t.reference().unwrap().name, "South");
    }

    #[test]
    fn equity_csv_errors_name_row_and_column() {
        assert_eq!(
            err("subgroup,population\nA,1\nB,2\n"),
            "the header has no \"estimate\" column; required: subgroup, estimate, population"
        );
        assert_eq!(
            err("subgroup,estimate,population\nA,20,1\nB,2O,2\n"),
            "row 2, column \"estimate\": \"2O\" is not a number"
        );
        assert_eq!(
            err("subgroup,estimate,population\nA,20,1\nB,30,2\nC,40,-5\n"),
            "row 3, column \"population\": -5 is negative; populations must be 0 or more"
        );
        assert_eq!(
            err("subgroup,estimate,population\nA,20,1\n"),
            "the table has 1 subgroup; at least 2 are needed to measure inequality"
        );
        assert_eq!(
            err("subgroup,estimate,population\nA,20,1\nB,30,2\nA,40,3\n"),
            "row 3, column \"subgroup\": \"A\" already appears in row 1; subgroup names must be unique"
        );
        assert_eq!(
            err("subgroup,estimate,population,reference\nA,20,1,1\nB,30,2,\nC,40,3,1\n"),
            "row 3, column \"reference\": \"C\" is marked as reference but row 1 already is; mark at most one"
        );
        assert_eq!(
            err("subgroup,estimate,population,reference\nA,20,1,yes\nB,30,2,\n"),
            "row 1, column \"reference\": \"yes\" must be 1 (the reference subgroup), 0 or empty"
        );
        assert_eq!(
            err("subgroup,estimate,population,order\nA,20,1,1\nB,30,2,2.5\n"),
            "row 2, column \"order\": \"2.5\" is not a whole number"
        );
        assert_eq!(
            err("subgroup,estimate,population\nA,,1\nB,30,2\n"),
            "row 1, column \"estimate\": empty; a value is required"
        );
        assert_eq!(err("subgroup,estimate,population\nA,20,1\nB,30\n"), "line 3: 2 fields where the header has 3");
        assert_eq!(
            err("subgroup,estimate,population\n\"A,20,1\nB,30,2\n"),
            "line 2: a quoted field is not closed properly"
        );
        assert_eq!(
            err("subgroup,estimate,population\n\"A\"x,20,1\nB,30,2\n"),
            "line 2: a quoted field is not closed properly"
        );
        assert_eq!(err(""), "the CSV is empty; expected a header with subgroup, estimate and population columns");
        assert_eq!(
            err("subgroup,estimate,Estimate,population\nA,1,1,1\n"),
            "the header has the column \"estimate\" twice"
        );
        assert!(err("subgroup,estimate,population,order\nA,20,1,1\nB,30,2,\n").starts_with("row 2, column \"order\":"));
        assert!(err("subgroup,estimate,population\nA,NaN,1\nB,30,2\n").starts_with("row 1, column \"estimate\": NaN"));
    }
}
