//! Share links: a whole scenario, seed and replicates included, in the fragment of a URL, so that
//! opening the link in a fresh browser reproduces the same numbers exactly.
//!
//! # Format
//!
//! A link's fragment (the part after `#`) is
//!
//! ```text
//! s1.<data>
//! ```
//!
//! - `s1.` is the format label: `s` for scenario, the link format number ([`FORMAT_VERSION`]), a dot. A
//!   build reads every format up to its own and refuses newer ones with [`LinkError::NewerFormat`].
//! - `<data>` is the scenario's own compact serde JSON (the same fields as a scenario file, `version`
//!   included), compressed with raw DEFLATE (RFC 1951, no zlib or gzip header) and written in base64url
//!   (RFC 4648 §5: `A-Z a-z 0-9 - _`) without `=` padding. Every character is allowed in a URL fragment
//!   unescaped.
//!
//! The JSON's numbers are written as the shortest decimal that reads back to the same `f64`, and read
//! back correctly rounded (serde_json's `float_roundtrip` feature, set in the workspace; without it about
//! 1 number in 12 reads back 1 ulp off), so every number, and hence every result, is bit-for-bit the same
//! after the round trip. A scenario from an older schema (`version` below
//! [`SCENARIO_VERSION`](crate::scenario::SCENARIO_VERSION)) is brought up to date by [`migrate`] before it
//! is read.
//!
//! [`encode`] is deterministic: the same scenario gives the same link. (A build with a different DEFLATE
//! implementation might write different bytes for the same scenario; every build still reads both.)
//!
//! # Limits
//!
//! [`decode`] does bounded work whatever it is given: text over [`MAX_LINK_CHARS`] is refused before it
//! is read, and decompression stops at [`MAX_JSON_BYTES`] of output, so a small link that would expand
//! to gigabytes costs no more than that. The default preset's link is about 1,300 characters.
//!
//! ```
//! use rollout_engine::{link, presets};
//! let mut scenario = presets::preset("heart-monitoring").unwrap().scenario;
//! scenario.seed = 7;
//! scenario.levers.subsidy.level = 0.8;
//! let fragment = link::fragment_for(&scenario);
//! assert!(fragment.starts_with("#s1."));
//! assert!(fragment.len() < 2_000);
//! assert_eq!(link::decode(&fragment).unwrap(), scenario);
//! ```

mod error;
mod label;
pub mod migrate;
mod pack;

pub use error::LinkError;

use crate::scenario::Scenario;

/// The link format this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// Longest text [`decode`] looks at, in bytes: 32 KB. The presets' links are 1,000 to 1,300 characters;
/// the largest scenario the validation allows (64 groups with 40-character names, every targeting list
/// naming every group) with a 2,000-character narrative is about 15,000.
pub const MAX_LINK_CHARS: usize = 32 * 1024;

/// Most a link may unpack to, in bytes: 256 KB, eight times the JSON of that largest scenario (about
/// 32 KB). Decompression stops here.
pub const MAX_JSON_BYTES: usize = 256 * 1024;

/// The link text for `scenario`, without the `#`: `s1.` then its compressed JSON in base64url.
///
/// The narrative is the one part of a scenario with no length limit; a scenario whose link would be
/// longer than [`MAX_LINK_CHARS`] (a narrative of tens of thousands of characters) gets a link that
/// [`decode`] refuses, so check the length before offering a very long one.
///
/// ```
/// use rollout_engine::{link, presets};
/// let scenario = presets::preset("bass").unwrap().scenario;
/// let text = link::encode(&scenario);
/// assert!(text.starts_with("s1."));
/// assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)));
/// assert_eq!(link::encode(&scenario), text); // deterministic
/// ```
pub fn encode(scenario: &Scenario) -> String {
    let json = serde_json::to_vec(scenario).expect("a scenario always serialises");
    label::label() + &pack::pack(&json)
}

/// The URL fragment for `scenario`: `#` then [`encode`].
///
/// ```
/// use rollout_engine::{link, presets};
/// let scenario = presets::preset("pilot-ends").unwrap().scenario;
/// assert_eq!(link::fragment_for(&scenario), format!("#{}", link::encode(&scenario)));
/// ```
pub fn fragment_for(scenario: &Scenario) -> String {
    format!("#{}", encode(scenario))
}

/// Read a scenario from a link: the fragment with or without its `#`, or a whole address (everything up
/// to the first `#` is ignored). White space anywhere is ignored. The scenario is migrated from an older
/// schema if need be, and validated.
///
/// ```
/// use rollout_engine::{link, presets, link::LinkError};
/// let scenario = presets::preset("targeted-support").unwrap().scenario;
/// let text = link::encode(&scenario);
/// assert_eq!(link::decode(&text).unwrap(), scenario);
/// assert_eq!(link::decode(&format!("https://example.org/rollout/#{text}")).unwrap(), scenario);
///
/// assert_eq!(link::decode("#").unwrap_err(), LinkError::Empty);
/// assert_eq!(link::decode("#s9.AAAA").unwrap_err(), LinkError::NewerFormat { found: 9, supported: 1 });
/// assert_eq!(link::decode(&text[..text.len() / 2]).unwrap_err(), LinkError::Truncated);
/// let message = link::decode("#s9.AAAA").unwrap_err().to_string();
/// assert!(message.contains("made by a newer version of Rollout Lab"));
/// ```
pub fn decode(text: &str) -> Result<Scenario, LinkError> {
    decode_with_note(text).map(|(scenario, _)| scenario)
}

/// As [`decode`], with the note to show when the link was made by an older model
/// ([`migrate::MODEL_CHANGED_NOTE`]), `None` for a current link.
///
/// ```
/// use rollout_engine::{link, presets};
/// let text = link::encode(&presets::preset("bass").unwrap().scenario);
/// assert_eq!(link::decode_with_note(&text).unwrap().1, None);
/// ```
pub fn decode_with_note(text: &str) -> Result<(Scenario, Option<&'static str>), LinkError> {
    let (data, offset) = label::split(text)?;
    let json = pack::unpack(&data, offset)?;
    let value: serde_json::Value =
        serde_json::from_slice(&json).map_err(|e| LinkError::Json(format!("its text is garbled ({e})")))?;
    let note = value.get("version").and_then(serde_json::Value::as_u64).and_then(migrate::note_for);
    let value = migrate::migrate(value)?;
    let scenario: Scenario = crate::scenario::from_value(value).map_err(|e| LinkError::Json(e.to_string()))?;
    scenario.validate()?;
    Ok((scenario, note))
}
