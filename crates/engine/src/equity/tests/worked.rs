//! Small tables worked by hand; the arithmetic is in the comments.

use super::super::{measures, Subgroup, SubgroupTable, TableOptions};
use super::{close, plain, ranked};

/// Non-ordered: estimates 20, 40, 60 with shares 1/2, 1/4, 1/4, so μ = 10 + 10 + 15 = 35.
fn regions(options: TableOptions) -> SubgroupTable {
    plain(&[("a", 20.0, 50.0), ("b", 40.0, 25.0), ("c", 60.0, 25.0)], options)
}

#[test]
fn equity_worked_non_ordered_favourable() {
    let m = measures(&regions(TableOptions::default()));
    close(m.d, 40.0, 1e-12); // highest − lowest = 60 − 20
    close(m.r, 3.0, 1e-12); // 60 / 20
    close(m.bgv, 275.0, 1e-12); // .5·15² + .25·5² + .25·25² = 112.5 + 6.25 + 156.25
    close(m.bgsd, 16.583123951777, 1e-10); // √275
    close(m.cov, 47.380354147934, 1e-10); // 100 · √275 / 35
    close(m.mdmu, 15.0, 1e-12); // (15 + 5 + 25) / 3
    close(m.mdmw, 15.0, 1e-12); // .5·15 + .25·5 + .25·25 = 7.5 + 1.25 + 6.25
    close(m.idisu, 42.857142857143, 1e-10); // 100 · 15 / 35
    close(m.idisw, 42.857142857143, 1e-10);
    close(m.mdbu, 20.0, 1e-12); // best 60: (40 + 20 + 0) / 3
    close(m.mdbw, 25.0, 1e-12); // .5·40 + .25·20 + 0
                                // r = 4/7, 8/7, 12/7: TI = 1000 Σ p r ln r = 1000 (−.159890 + .038152 + .230999)
    close(m.ti, 109.26010165375, 1e-9);
    // MLD = 1000 Σ −p ln r = 1000 (.279808 − .033383 − .134749)
    close(m.mld, 111.67592062841, 1e-9);
    close(m.par, 25.0, 1e-12); // best 60 − μ 35
    close(m.paf, 71.428571428571, 1e-10); // 100 · 25 / 35
}

#[test]
fn equity_worked_non_ordered_adverse_direction() {
    let m = measures(&regions(TableOptions::adverse()));
    close(m.d, 40.0, 1e-12); // HEAT: still highest − lowest without a reference
    close(m.r, 3.0, 1e-12);
    close(m.mdbu, 20.0, 1e-12); // best is now the lowest, 20: (0 + 20 + 40) / 3
    close(m.mdbw, 15.0, 1e-12); // 0 + .25·20 + .25·40
    close(m.par, -15.0, 1e-12); // 20 − 35
    close(m.paf, -42.857142857143, 1e-10); // 100 · −15 / 35
    close(m.bgv, 275.0, 1e-12); // direction-free measures unchanged
}

#[test]
fn equity_worked_reference_subgroup() {
    let rows = |options| {
        SubgroupTable::new(
            vec![
                Subgroup::new("a", 20.0, 50.0),
                Subgroup::new("b", 40.0, 25.0).as_reference(),
                Subgroup::new("c", 60.0, 25.0),
            ],
            options,
        )
        .unwrap()
    };
    let fav = measures(&rows(TableOptions::default()));
    close(fav.d, 20.0, 1e-12); // reference 40 − lowest other 20
    close(fav.r, 2.0, 1e-12);
    close(fav.par, 5.0, 1e-12); // reference 40 − μ 35
    close(fav.paf, 14.285714285714, 1e-10);
    close(fav.mdbw, 25.0, 1e-12); // MDB still uses the best performer, 60
    let adv = measures(&rows(TableOptions::adverse()));
    close(adv.d, 20.0, 1e-12); // highest other 60 − reference 40
    close(adv.r, 1.5, 1e-12);
    close(adv.par, 0.0, 0.0); // 40 − 35 > 0 for an adverse indicator: clamped to 0
    close(adv.paf, 0.0, 0.0);
}

/// Ordered, equal thirds, listed out of order: order 1 → 10, 2 → 20, 3 → 60; μ = 30.
fn quintiles(options: TableOptions) -> SubgroupTable {
    ranked(&[("top", 60.0, 1.0, 3), ("bottom", 10.0, 1.0, 1), ("middle", 20.0, 1.0, 2)], options)
}

#[test]
fn equity_worked_ordered_favourable() {
    let m = measures(&quintiles(TableOptions::default()));
    close(m.d, 50.0, 1e-12); // most advantaged 60 − most disadvantaged 10
    close(m.r, 6.0, 1e-12);
    // ranks 1/6, 1/2, 5/6: ACI = (1/3)(−2/3·10 + 0·20 + 2/3·60) = 100/9
    close(m.aci, 100.0 / 9.0, 1e-12);
    close(m.rci, 100.0 / 270.0, 1e-12); // ACI / 30
    close(m.par, 30.0, 1e-12); // most advantaged 60 − 30
    close(m.paf, 100.0, 1e-12);
    assert!(m.sii.unwrap() > 0.0 && m.rii.unwrap() > 1.0);
}

#[test]
fn equity_worked_ordered_adverse_direction() {
    let fav = measures(&quintiles(TableOptions::default()));
    let m = measures(&quintiles(TableOptions::adverse()));
    close(m.d, -50.0, 1e-12); // most disadvantaged 10 − most advantaged 60
    close(m.r, 1.0 / 6.0, 1e-12);
    close(m.par, 0.0, 0.0); // 60 − 30 > 0 is no gain for an adverse indicator: clamped
    close(m.paf, 0.0, 0.0);
    // HEAT and healthequal do not flip the regression or concentration measures.
    assert_eq!((m.aci, m.rci, m.sii, m.rii), (fav.aci, fav.rci, fav.sii, fav.rii));
}

#[test]
fn equity_worked_sii_rii_on_an_exact_logistic_curve() {
    // Equal thirds have ranks 1/6, 1/2, 5/6. Put each estimate exactly on 100·σ(−1 + 2X); the fit must
    // recover it whatever the weights, so SII = 100(σ(1) − σ(−1)) = 46.2117157 and RII = σ(1)/σ(−1) = e.
    let sigma = |x: f64| 1.0 / (1.0 + (-x).exp());
    let est = |x: f64| 100.0 * sigma(-1.0 + 2.0 * x);
    let t = ranked(
        &[("q1", est(1.0 / 6.0), 7.0, 1), ("q2", est(0.5), 7.0, 2), ("q3", est(5.0 / 6.0), 7.0, 3)],
        TableOptions::default(),
    );
    let m = measures(&t);
    close(m.sii, 46.211715726001, 1e-8);
    close(m.rii, std::f64::consts::E, 1e-8);
}

#[test]
fn equity_worked_scale_moves_sii_into_indicator_units() {
    // Same proportions on a per-1000 scale: SII is 10× the per-100 value, RII is unchanged.
    let per100 = measures(&quintiles(TableOptions::default()));
    let per1000 = measures(&ranked(
        &[("top", 600.0, 1.0, 3), ("bottom", 100.0, 1.0, 1), ("middle", 200.0, 1.0, 2)],
        TableOptions { scale: 1000.0, ..TableOptions::default() },
    ));
    close(per1000.sii, per100.sii.unwrap() * 10.0, 1e-9);
    close(per1000.rii, per100.rii.unwrap(), 1e-9);
}

#[test]
fn equity_worked_theil_and_mld_follow_healthequal_zero_substitution() {
    // An estimate of 0 becomes 1e-6. Halves at 0 and 10: μ ≈ 5; MLD ≈ 1000·½(ln(5/1e-6) + ln(5/10)).
    let m = measures(&plain(&[("a", 0.0, 1.0), ("b", 10.0, 1.0), ("c", 10.0, 0.0)], TableOptions::default()));
    let mu = (1e-6 + 10.0) / 2.0;
    close(m.mld, 500.0 * ((mu / 1e-6f64).ln() + (mu / 10.0f64).ln()), 1e-9);
    close(m.ti, 500.0 * ((1e-6 / mu) * (1e-6 / mu).ln() + (10.0 / mu) * (10.0 / mu).ln()), 1e-9);
}

#[test]
fn equity_worked_json_is_keyed_by_abbreviation_with_nulls() {
    let json = serde_json::to_value(measures(&regions(TableOptions::default()))).unwrap();
    let object = json.as_object().unwrap();
    assert_eq!(object.len(), 19);
    assert_eq!(object["D"], 40.0);
    assert_eq!(object["MDBW"], 25.0);
    for key in ["ACI", "RCI", "SII", "RII"] {
        assert!(object[key].is_null(), "{key}");
    }
}

#[test]
fn equity_worked_set_values_recomputes_in_place() {
    let mut t = regions(TableOptions::default());
    t.set_values(&[30.0, 30.0, 30.0], &[1.0, 2.0, 3.0]).unwrap();
    close(Some(t.mean()), 30.0, 1e-12);
    close(measures(&t).d, 0.0, 0.0);
    assert!(t.set_values(&[30.0, 30.0], &[1.0, 2.0, 3.0]).is_err());
    assert!(t.set_values(&[30.0, 30.0, 30.0], &[1.0, -2.0, 3.0]).is_err());
}
