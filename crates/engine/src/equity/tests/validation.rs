//! Constructor validation: each rule, and that the error names the row and field.

use super::super::{Subgroup, SubgroupTable, TableError, TableOptions};

fn build(rows: Vec<Subgroup>) -> Result<SubgroupTable, TableError> {
    SubgroupTable::new(rows, TableOptions::default())
}

fn s(name: &str, e: f64, p: f64) -> Subgroup {
    Subgroup::new(name, e, p)
}

#[test]
fn equity_validation_needs_two_subgroups() {
    assert_eq!(build(vec![]).unwrap_err(), TableError::TooFewSubgroups { found: 0 });
    assert_eq!(build(vec![s("a", 1.0, 1.0)]).unwrap_err(), TableError::TooFewSubgroups { found: 1 });
}

#[test]
fn equity_validation_rejects_non_finite_and_negative_numbers() {
    let e = build(vec![s("a", 1.0, 1.0), s("b", f64::NAN, 1.0)]).unwrap_err();
    assert!(matches!(e, TableError::NonFinite { row: 2, field: "estimate", .. }), "{e:?}");
    let e = build(vec![s("a", 1.0, f64::INFINITY), s("b", 1.0, 1.0)]).unwrap_err();
    assert!(matches!(e, TableError::NonFinite { row: 1, field: "population", .. }), "{e:?}");
    let e = build(vec![s("a", 1.0, 1.0), s("b", 1.0, 1.0), s("c", 1.0, -5.0)]).unwrap_err();
    assert_eq!(e, TableError::NegativePopulation { row: 3, name: "c".into(), value: -5.0 });
    assert_eq!(e.to_string(), "row 3, column \"population\": -5 is negative; populations must be 0 or more");
    assert_eq!(build(vec![s("a", 1.0, 0.0), s("b", 1.0, 0.0)]).unwrap_err(), TableError::ZeroTotalPopulation);
}

#[test]
fn equity_validation_rejects_bad_names_and_references() {
    let e = build(vec![s("a", 1.0, 1.0), s("b", 1.0, 1.0), s("a", 2.0, 1.0)]).unwrap_err();
    assert_eq!(e, TableError::DuplicateName { row: 3, name: "a".into(), first_row: 1 });
    assert_eq!(build(vec![s("a", 1.0, 1.0), s("  ", 1.0, 1.0)]).unwrap_err(), TableError::EmptyName { row: 2 });
    let e = build(vec![s("a", 1.0, 1.0).as_reference(), s("b", 1.0, 1.0).as_reference()]).unwrap_err();
    assert_eq!(e, TableError::MultipleReferences { row: 2, name: "b".into(), first_row: 1 });
}

#[test]
fn equity_validation_orders_all_or_none_and_distinct() {
    let e = build(vec![s("a", 1.0, 1.0).with_order(1), s("b", 1.0, 1.0)]).unwrap_err();
    assert_eq!(e, TableError::MixedOrder { row: 2, name: "b".into(), has_order: false });
    let e = build(vec![s("a", 1.0, 1.0), s("b", 1.0, 1.0).with_order(1)]).unwrap_err();
    assert_eq!(e, TableError::MixedOrder { row: 2, name: "b".into(), has_order: true });
    let e = build(vec![s("a", 1.0, 1.0).with_order(2), s("b", 1.0, 1.0).with_order(2)]).unwrap_err();
    assert_eq!(e, TableError::DuplicateOrder { row: 2, name: "b".into(), order: 2, first_row: 1 });
    // Orders need not start at 1 or be contiguous; only their ranking matters.
    assert!(build(vec![s("a", 1.0, 1.0).with_order(10), s("b", 1.0, 1.0).with_order(-3)]).unwrap().is_ordered());
}

#[test]
fn equity_validation_rejects_bad_scale() {
    for scale in [0.0, -100.0, f64::NAN, f64::INFINITY] {
        let e = SubgroupTable::new(
            vec![s("a", 1.0, 1.0), s("b", 1.0, 1.0)],
            TableOptions { scale, ..TableOptions::default() },
        );
        assert!(matches!(e, Err(TableError::InvalidScale { .. })), "{scale}");
    }
}
