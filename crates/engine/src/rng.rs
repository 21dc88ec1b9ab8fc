//! Seeded random numbers, the same bits on every platform.
//!
//! The engine draws only raw `u64`s from a seeded xoshiro256++ generator and turns them into decisions
//! with integer arithmetic, never `usize` (32 bits in wasm, 64 natively) nor library distributions whose
//! algorithms may change between versions.

use rand::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The generator every replicate uses.
pub type Rng = Xoshiro256PlusPlus;

/// SplitMix64 mixing step (Steele, Lea & Flood 2014): spreads nearby seeds far apart.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The seed of replicate `index` (0-based) of a scenario seeded with `seed`.
pub fn replicate_seed(seed: u64, index: u32) -> u64 {
    mix(mix(seed) ^ mix(0xA076_1D64_78BD_642F ^ index as u64))
}

/// A generator for replicate `index`.
pub fn replicate_rng(seed: u64, index: u32) -> Rng {
    Rng::seed_from_u64(replicate_seed(seed, index))
}

/// A probability in [0, 1] as a threshold: `next_u64() < threshold(p)` happens with probability p.
pub fn threshold(p: f64) -> u64 {
    if p <= 0.0 || p.is_nan() {
        0
    } else if p >= 1.0 {
        u64::MAX
    } else {
        (p * 18_446_744_073_709_551_616.0) as u64
    }
}

/// The probability that an event with hazard `rate_per_year` happens within one month.
pub fn monthly_probability(rate_per_year: f64) -> f64 {
    if rate_per_year <= 0.0 {
        0.0
    } else {
        -libm::expm1(-rate_per_year / 12.0)
    }
}

/// True with probability `p`.
pub fn chance(rng: &mut Rng, p: f64) -> bool {
    rng.next_u64() < threshold(p)
}

/// A uniform integer in 0..n (n > 0), by multiply-shift.
pub fn below(rng: &mut Rng, n: u32) -> u32 {
    ((rng.next_u64() as u128 * n as u128) >> 64) as u32
}

/// A uniform number in [0, 1) with 53 random bits.
pub fn unit(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_edges() {
        assert_eq!(threshold(0.0), 0);
        assert_eq!(threshold(1.0), u64::MAX);
        assert_eq!(threshold(0.5), 1 << 63);
    }

    #[test]
    fn replicate_seeds_differ() {
        assert_ne!(replicate_seed(1, 0), replicate_seed(1, 1));
        assert_ne!(replicate_seed(1, 0), replicate_seed(2, 0));
    }

    #[test]
    fn chance_matches_probability() {
        let mut rng = replicate_rng(7, 0);
        let hits = (0..100_000).filter(|_| chance(&mut rng, 0.3)).count();
        assert!((hits as f64 / 100_000.0 - 0.3).abs() < 0.01, "{hits}");
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut rng = replicate_rng(7, 1);
        let mut seen = [0u32; 7];
        for _ in 0..7_000 {
            seen[below(&mut rng, 7) as usize] += 1;
        }
        assert!(seen.iter().all(|&c| c > 800), "{seen:?}");
    }
}
