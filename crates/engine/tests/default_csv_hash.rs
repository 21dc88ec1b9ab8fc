//! The default preset's CSV, pinned: a refactor must leave every byte of the engine's output as it was.

use rollout_engine::{output, presets, run};

/// FNV-1a hash (64 bits) of the default preset's CSV (`rollout run`, default seed and size).
///
/// CHANGE THIS ONLY ON PURPOSE: when a model change is meant to change the numbers, update it in the same
/// commit and say why there. A refactor (summaries, output, the app) must never change it.
const DEFAULT_PRESET_CSV_FNV1A: u64 = 0x35ef_8392_10d7_6aa5;

/// FNV-1a, 64 bits: small, fixed, and the same on every platform.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

#[test]
fn the_default_presets_csv_is_byte_for_byte_the_pinned_one() {
    let scenario = presets::preset(presets::DEFAULT).unwrap().scenario;
    let csv = output::to_csv(&run::run(&scenario).unwrap());
    let hash = fnv1a(csv.as_bytes());
    assert_eq!(
        hash,
        DEFAULT_PRESET_CSV_FNV1A,
        "the default preset's CSV changed (hash {hash:#018x}, {} bytes); if the model was changed on purpose, \
         update DEFAULT_PRESET_CSV_FNV1A",
        csv.len()
    );
}

#[test]
fn the_hash_tells_one_byte_apart() {
    assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_ne!(fnv1a(b"month,all,0.5"), fnv1a(b"month,all,0.6"));
}
