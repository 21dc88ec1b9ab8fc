//! Which measures apply where (HEAT Plus table 2), and `None` for undefined values, never 0.

use super::super::{measures, Measures, TableOptions};
use super::{plain, ranked};

const PAIR: [&str; 4] = ["D", "R", "PAR", "PAF"];
const ORDERED: [&str; 4] = ["ACI", "RCI", "SII", "RII"];

fn present(m: &Measures) -> Vec<&'static str> {
    m.entries().iter().filter(|(_, v)| v.is_some()).map(|(k, _)| *k).collect()
}

#[test]
fn equity_two_subgroups_get_only_pairwise_and_attributable_measures() {
    let non_ordered = measures(&plain(&[("F", 40.0, 5.0), ("M", 50.0, 5.0)], TableOptions::default()));
    assert_eq!(present(&non_ordered), PAIR);
    let ordered = measures(&ranked(&[("lo", 40.0, 5.0, 1), ("hi", 50.0, 5.0, 2)], TableOptions::default()));
    assert_eq!(present(&ordered), PAIR);
}

#[test]
fn equity_ordered_dimension_gets_gradient_measures_only() {
    let m =
        measures(&ranked(&[("a", 10.0, 1.0, 1), ("b", 20.0, 1.0, 2), ("c", 30.0, 1.0, 3)], TableOptions::default()));
    let expected: Vec<&str> = PAIR.iter().chain(&ORDERED).copied().collect();
    let mut got = present(&m);
    got.sort();
    let mut want = expected.clone();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn equity_non_ordered_dimension_gets_all_but_gradient_measures() {
    let m = measures(&plain(&[("a", 10.0, 1.0), ("b", 20.0, 1.0), ("c", 30.0, 1.0)], TableOptions::default()));
    for (name, value) in m.entries() {
        assert_eq!(value.is_none(), ORDERED.contains(&name), "{name}");
    }
}

#[test]
fn equity_undefined_values_are_none_not_zero() {
    // Lowest estimate 0: R divides by 0.
    let m = measures(&plain(&[("a", 0.0, 1.0), ("b", 20.0, 1.0), ("c", 30.0, 1.0)], TableOptions::default()));
    assert_eq!(m.r, None);
    assert!(m.d.is_some());
    // All zero: μ = 0, so the relative measures are undefined.
    let m = measures(&plain(&[("a", 0.0, 1.0), ("b", 0.0, 1.0), ("c", 0.0, 1.0)], TableOptions::default()));
    assert_eq!((m.r, m.cov, m.idisu, m.idisw, m.paf), (None, None, None, None, None));
    assert_eq!(m.d, Some(0.0));
    // A proportion above 1 (estimate beyond the scale): no logistic regression, but ACI is still defined.
    let m =
        measures(&ranked(&[("a", 50.0, 1.0, 1), ("b", 90.0, 1.0, 2), ("c", 120.0, 1.0, 3)], TableOptions::default()));
    assert_eq!((m.sii, m.rii), (None, None));
    assert!(m.aci.is_some());
    // Negative estimates have no logarithm.
    let m = measures(&plain(&[("a", -5.0, 1.0), ("b", 20.0, 1.0), ("c", 30.0, 1.0)], TableOptions::default()));
    assert_eq!((m.ti, m.mld), (None, None));
}

#[test]
fn equity_all_zero_or_all_full_proportions_give_flat_sii() {
    let zero =
        measures(&ranked(&[("a", 0.0, 1.0, 1), ("b", 0.0, 2.0, 2), ("c", 0.0, 3.0, 3)], TableOptions::default()));
    assert_eq!((zero.sii, zero.rii), (Some(0.0), None));
    let full =
        measures(&ranked(&[("a", 100.0, 1.0, 1), ("b", 100.0, 2.0, 2), ("c", 100.0, 3.0, 3)], TableOptions::default()));
    assert_eq!((full.sii, full.rii), (Some(0.0), Some(1.0)));
}

#[test]
fn equity_zero_adoption_in_the_poorest_groups_still_fits() {
    // Early in a rollout: nobody in the two poorest groups has adopted yet.
    let m = measures(&ranked(
        &[
            ("q1", 0.0, 20.0, 1),
            ("q2", 0.0, 20.0, 2),
            ("q3", 2.0, 20.0, 3),
            ("q4", 5.0, 20.0, 4),
            ("q5", 12.0, 20.0, 5),
        ],
        TableOptions::default(),
    ));
    let sii = m.sii.unwrap();
    assert!(sii > 0.0 && sii < 100.0, "{sii}");
    assert!(m.rii.unwrap() > 1.0);
}
