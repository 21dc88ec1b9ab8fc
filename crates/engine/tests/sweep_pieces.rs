//! A sweep run replicate by replicate, in any order (as the browser's workers run it), gives exactly what
//! `run_point` gives (as `rollout sweep` runs it): the same numbers and the same results table bytes.

use rollout_engine::experiment::{
    coarse_to_fine, grid, one_at_a_time, point_replicate, results_table, run_point, tornado, Design, Factor, Response,
};
use rollout_engine::{presets, Scenario};

fn small() -> Scenario {
    let mut s = presets::preset("heart-monitoring").unwrap().scenario;
    (s.agents, s.months, s.replicates) = (1_500, 36, 4);
    s
}

fn responses() -> Vec<Response> {
    ["ever_adopted_share", "ever_adopted_share_gap", "qalys_gained", "net_cost", "net_monetary_benefit_20000"]
        .iter()
        .map(|r| r.parse().unwrap())
        .collect()
}

/// Every point's replicates run one by one, last replicate first, then put together.
fn in_pieces(design: &Design, base: &Scenario, order: &[usize]) -> Vec<rollout_engine::experiment::PointResult> {
    let mut points: Vec<Option<rollout_engine::experiment::PointResult>> = vec![None; design.points.len()];
    for &p in order {
        let scenario = design.scenario_at(base, p).unwrap();
        let mut per: Vec<(u32, Vec<Option<f64>>)> =
            (0..scenario.replicates).rev().map(|r| (r, point_replicate(&design.responses, &scenario, r))).collect();
        per.sort_by_key(|(r, _)| *r);
        let values: Vec<Vec<Option<f64>>> = per.into_iter().map(|(_, v)| v).collect();
        points[p] = Some(rollout_engine::experiment::PointResult::from_replicates(design, &scenario, p, &values));
    }
    points.into_iter().map(Option::unwrap).collect()
}

#[test]
fn a_grid_run_in_pieces_coarse_first_gives_the_sweeps_bytes() {
    let base = small();
    let factors = vec![
        Factor::new("levers.subsidy.level", 0.0, 1.0).unwrap(),
        Factor::new("levers.support.level", 0.0, 0.6).unwrap(),
    ];
    let design = grid(factors, 3).unwrap().with_responses(responses());
    design.check(&base).unwrap();
    let whole: Vec<_> = (0..design.points.len()).map(|p| run_point(&design, &base, p, &|| {}).unwrap()).collect();
    let pieces = in_pieces(&design, &base, &coarse_to_fine(&design));
    assert_eq!(pieces, whole);
    assert_eq!(results_table::to_text(&design, &pieces).unwrap(), results_table::to_text(&design, &whole).unwrap());
}

#[test]
fn a_tornado_of_net_benefit_is_paired_and_a_higher_subsidy_costs_more() {
    let base = small();
    let design = one_at_a_time(vec![Factor::new("levers.subsidy.level", 0.0, 1.0).unwrap()])
        .unwrap()
        .with_responses(responses());
    design.check(&base).unwrap();
    let order: Vec<usize> = (0..design.points.len()).rev().collect();
    let points = in_pieces(&design, &base, &order);
    let of = |response: usize| -> Vec<Vec<f64>> {
        points.iter().map(|p| p.values[response].iter().map(|v| v.unwrap()).collect()).collect()
    };
    let cost = tornado(&design, &of(3)).unwrap();
    assert!(cost[0].difference.lo > 0.0, "paying more of people's share costs more: {:?}", cost[0].difference);
    let reach = tornado(&design, &of(0)).unwrap();
    assert!(reach[0].difference.mean > 0.0, "and reaches more people: {:?}", reach[0].difference);
    for p in &points {
        for v in p.values[0].iter().flatten() {
            assert!((0.0..=1.0).contains(v), "a share stays within 0 and 1: {v}");
        }
    }
}
