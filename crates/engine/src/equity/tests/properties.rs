//! Properties over random valid tables.

use super::super::{measures, Indicator, Subgroup, SubgroupTable, TableOptions};
use proptest::prelude::*;

/// Random valid tables: 2 to 7 subgroups, estimates within the scale, populations 0 to 1e6 (first > 0),
/// ordered or not, favourable or adverse, maybe a reference row.
fn tables() -> impl Strategy<Value = SubgroupTable> {
    (2usize..8, any::<bool>(), any::<bool>(), prop_oneof![Just(1.0), Just(100.0), Just(1000.0)])
        .prop_flat_map(|(n, is_ordered, adverse, scale)| {
            (
                prop::collection::vec(0.0..=scale, n),
                prop::collection::vec(prop_oneof![Just(0.0), 0.0..1e6f64], n),
                Just(is_ordered),
                Just(adverse),
                Just(scale),
                prop::option::of(0..n),
                Just(()).prop_perturb(move |_, mut rng| {
                    let mut orders: Vec<i64> = (1..=n as i64).collect();
                    for i in (1..n).rev() {
                        orders.swap(i, rng.random_range(0..=i));
                    }
                    orders
                }),
            )
        })
        .prop_map(|(est, mut pop, is_ordered, adverse, scale, reference, orders)| {
            pop[0] += 1.0;
            let rows = (0..est.len())
                .map(|i| Subgroup {
                    name: format!("g{i}"),
                    estimate: est[i],
                    population: pop[i],
                    order: is_ordered.then_some(orders[i]),
                    reference: reference == Some(i),
                })
                .collect();
            let indicator = if adverse { Indicator::Adverse } else { Indicator::Favourable };
            SubgroupTable::new(rows, TableOptions { indicator, scale }).unwrap()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn equity_prop_all_present_measures_are_finite(table in tables()) {
        let m = measures(&table);
        for (name, value) in m.entries() {
            if let Some(v) = value {
                prop_assert!(v.is_finite(), "{} = {}", name, v);
            }
        }
        prop_assert!(m.d.is_some() && m.par.is_some());
        prop_assert!(m.bgv.unwrap_or(0.0) >= 0.0 && m.mdbw.unwrap_or(0.0) >= 0.0);
        let favourable = table.options().indicator == Indicator::Favourable;
        let par = m.par.unwrap();
        let right_sign = if favourable { par >= 0.0 } else { par <= 0.0 };
        prop_assert!(right_sign, "PAR = {}", par);
        if let Some(rii) = m.rii { prop_assert!(rii > 0.0); }
        if let Some(rci) = m.rci { prop_assert!(rci.abs() <= 1.0 + 1e-12); }
    }

    #[test]
    fn equity_prop_equal_estimates_mean_no_inequality(table in tables(), level in 0.01f64..0.99) {
        let mut table = table;
        let value = level * table.options().scale;
        let pops: Vec<f64> = table.rows().iter().map(|s| s.population).collect();
        table.set_values(&vec![value; pops.len()], &pops).unwrap();
        let m = measures(&table);
        let tol = 1e-9 * value.max(1.0);
        for (name, v) in [("D", m.d), ("PAR", m.par), ("ACI", m.aci), ("BGV", m.bgv), ("BGSD", m.bgsd),
                          ("MDMU", m.mdmu), ("MDMW", m.mdmw), ("MDBU", m.mdbu), ("MDBW", m.mdbw)] {
            if let Some(v) = v { prop_assert!(v.abs() <= tol, "{} = {}", name, v); }
        }
        for (name, v) in [("RCI", m.rci), ("COV", m.cov), ("IDISU", m.idisu), ("IDISW", m.idisw),
                          ("PAF", m.paf), ("TI", m.ti), ("MLD", m.mld), ("SII", m.sii)] {
            if let Some(v) = v { prop_assert!(v.abs() <= 1e-7, "{} = {}", name, v); }
        }
        for (name, v) in [("R", m.r), ("RII", m.rii)] {
            if let Some(v) = v { prop_assert!((v - 1.0).abs() <= 1e-9, "{} = {}", name, v); }
        }
    }
}
