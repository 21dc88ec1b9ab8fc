//! Seeded percentile bootstrap: the same interval for the same data and seed, on every platform.

use rand::SeedableRng;

use crate::rng::{below, mix, Rng};

/// Resamples drawn for every bootstrap interval.
pub const RESAMPLES: u32 = 1_000;

/// The 95% percentile interval of `statistic` over `RESAMPLES` resamples (with replacement) of the indices
/// 0..n, drawn from a generator seeded with `seed`. Resamples whose statistic is not finite are skipped;
/// `None` when none is finite.
pub fn interval(n: usize, seed: u64, statistic: impl Fn(&[usize]) -> f64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let mut rng = Rng::seed_from_u64(mix(seed ^ 0xb007_57a9));
    let mut indices = vec![0usize; n];
    let mut values: Vec<f64> = (0..RESAMPLES)
        .filter_map(|_| {
            for slot in indices.iter_mut() {
                *slot = below(&mut rng, n as u32) as usize;
            }
            Some(statistic(&indices)).filter(|v| v.is_finite())
        })
        .collect();
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[libm::round(q * (values.len() - 1) as f64) as usize];
    Some((at(0.025), at(0.975)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_interval_of_a_mean_covers_it_and_repeats() {
        let data: Vec<f64> = (0..200).map(|i| (i % 17) as f64).collect();
        let mean = |idx: &[usize]| idx.iter().map(|&i| data[i]).sum::<f64>() / idx.len() as f64;
        let all: Vec<usize> = (0..data.len()).collect();
        let (lo, hi) = interval(data.len(), 3, mean).unwrap();
        assert!(lo < mean(&all) && mean(&all) < hi, "{lo} {hi}");
        assert!(hi - lo < 2.0, "{lo} {hi}");
        assert_eq!(interval(data.len(), 3, mean), Some((lo, hi)));
        assert_ne!(interval(data.len(), 4, mean), Some((lo, hi)));
    }
}
