//! Speed targets (issue 17, engine speed), measured, not asserted:
//! - `bass` at 1,000,000 agents x 120 months, one replicate, one core: at least twice the numpy peer
//!   (benches/speed_report.py runs the two whole processes side by side; about 700 million agent-months per
//!   second);
//! - `heart-monitoring` at 100,000 people x 120 months x 20 replicates on two cores: under 1 s;
//! - one replicate of every preset at its own size (`per preset`), the unit the page's workers run.
//!
//! Run with `cargo bench -p rollout-engine --bench engine`; the README keeps the latest report.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rollout_engine::{model::run_replicate, presets, run};

fn bass_one_million(c: &mut Criterion) {
    let mut s = presets::preset("bass").unwrap().scenario;
    s.agents = 1_000_000;
    s.replicates = 1;
    let mut group = c.benchmark_group("bass");
    group.sample_size(10);
    group.throughput(Throughput::Elements(s.agents as u64 * s.months as u64));
    group.bench_function("1M agents x 120 months, 1 replicate, 1 core", |b| b.iter(|| run_replicate(&s, 0)));
    group.finish();
}

fn heart_monitoring_twenty_replicates(c: &mut Criterion) {
    let mut s = presets::preset("heart-monitoring").unwrap().scenario;
    s.agents = 100_000;
    s.replicates = 20;
    let mut group = c.benchmark_group("heart-monitoring");
    group.sample_size(10);
    group.throughput(Throughput::Elements(s.agents as u64 * s.months as u64 * s.replicates as u64));
    group.bench_function("100k people x 120 months x 20 replicates, all cores", |b| b.iter(|| run::run(&s).unwrap()));
    group.finish();
}

/// The browser's unit of work: one replicate of the default preset (10,000 people x 120 months), which a
/// Web Worker computes per message. Compare with the `[timing]` engine times the page logs.
fn one_default_replicate(c: &mut Criterion) {
    let s = presets::preset(presets::DEFAULT).unwrap().scenario;
    let mut group = c.benchmark_group("default");
    group.throughput(Throughput::Elements(s.agents as u64 * s.months as u64));
    group.bench_function("10k people x 120 months, 1 replicate (the page's unit of work)", |b| {
        b.iter(|| run_replicate(&s, 0))
    });
    group.finish();
}

/// One replicate of each preset as shipped (its own agents and months), so a change that speeds up one
/// preset's path and slows another's shows.
fn one_replicate_per_preset(c: &mut Criterion) {
    let mut group = c.benchmark_group("per preset");
    group.sample_size(10);
    for preset in presets::all() {
        let s = preset.scenario;
        group.throughput(Throughput::Elements(s.agents as u64 * s.months as u64));
        group.bench_function(preset.name, |b| b.iter(|| run_replicate(&s, 0)));
    }
    group.finish();
}

criterion_group!(
    benches,
    bass_one_million,
    heart_monitoring_twenty_replicates,
    one_default_replicate,
    one_replicate_per_preset
);
criterion_main!(benches);
