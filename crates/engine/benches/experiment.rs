//! Experiment speed targets (README, "Speed"): a tornado over 20 levers and settings of the default
//! scenario (41 points x 20 replicates) under 5 s on 2 cores, and Morris with 20 factors x 20 trajectories
//! x 10 replicates under 30 s. The Sobol' target (8 factors, N = 1,024, 5 replicates: 56,320 replicates)
//! is measured with `rollout sweep`, whose chunk timings give the projection to a cluster.

use criterion::{criterion_group, criterion_main, Criterion};
use rollout_engine::experiment::{
    morris, morris_indices, one_at_a_time, run_points, tornado, Design, Factor, Response,
};
use rollout_engine::presets;

/// Twenty factors a policy maker or analyst would try: the policy levers, then diffusion, organisation
/// and technology settings, each over a plausible range.
pub const FACTORS: [&str; 20] = [
    "levers.funding.budget_per_1000_per_year=0:6000",
    "levers.subsidy.level=0:1",
    "levers.support.level=0:1",
    "levers.connectivity.level=0:1",
    "levers.review_capacity=0:2",
    "levers.streamlined_procurement=0:1",
    "levers.ecosystem_collaboration=0:1",
    "diffusion.campaign=0:0.3",
    "diffusion.innovation=0.2:1",
    "diffusion.imitation=0.1:0.6",
    "organisations.initial_offering=0:0.3",
    "organisations.innovation=0.1:0.5",
    "organisations.imitation=0.5:2",
    "organisations.unfunded_adoption=0:0.5",
    "organisations.review_capacity=0.05:0.3",
    "technology.personal_share=0:0.3",
    "technology.device_cost=20:80",
    "technology.abandonment=0.2:0.5",
    "technology.unsupported_abandonment=0.3:0.9",
    "technology.effect=0.1:0.3",
];

fn factors() -> Vec<Factor> {
    FACTORS.iter().map(|f| Factor::parse(f).unwrap()).collect()
}

fn gap() -> Vec<Response> {
    vec!["active_share_gap".parse().unwrap()]
}

fn values(design: &Design, replicates: u32) -> Vec<Vec<f64>> {
    let mut base = presets::preset(presets::DEFAULT).unwrap().scenario;
    base.replicates = replicates;
    let all: Vec<usize> = (0..design.points.len()).collect();
    let results = run_points(design, &base, &all, &|| {}).unwrap();
    results.iter().map(|p| p.values[0].iter().map(|v| v.unwrap_or(f64::NAN)).collect()).collect()
}

fn tornado_twenty_levers(c: &mut Criterion) {
    let design = one_at_a_time(factors()).unwrap().with_responses(gap());
    let mut group = c.benchmark_group("experiment");
    group.sample_size(10);
    group.bench_function("tornado, 20 factors: 41 points x 20 replicates of the default, all cores", |b| {
        b.iter(|| tornado(&design, &values(&design, 20)).unwrap())
    });
    group.finish();
}

fn morris_twenty_factors(c: &mut Criterion) {
    let design = morris(factors(), 20, 4, 1).unwrap().with_responses(gap());
    let mut group = c.benchmark_group("experiment");
    group.sample_size(10);
    group.bench_function("Morris, 20 factors x 20 trajectories x 10 replicates, all cores", |b| {
        b.iter(|| morris_indices(&design, &values(&design, 10)).unwrap())
    });
    group.finish();
}

criterion_group!(benches, tornado_twenty_levers, morris_twenty_factors);
criterion_main!(benches);
