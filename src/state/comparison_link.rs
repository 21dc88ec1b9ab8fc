//! The whole comparison in one share link: the scenario being edited, the pinned baseline and the options,
//! each as the engine's own link text (`s1.…`, see `rollout_engine::link`).
//!
//! ```text
//! #s1.<current>                                        a single scenario, as before
//! #s1.<current>&baseline=s1.<data>&option=<name>~s1.<data>&option=…
//! ```
//!
//! Parts are separated by `&` and `~`, which base64url never uses; an option's name is percent-encoded
//! (UTF-8, every byte other than `A-Z a-z 0-9 - _ .` written `%XX`). A link with only the first part is the
//! engine's plain scenario link, so older links open unchanged. Every part is decoded (bounded, migrated and
//! validated) by `rollout_engine::link::decode_with_note`; a bad part refuses the whole link with a message
//! saying which part is wrong.

use rollout_engine::link;
use rollout_engine::Scenario;

use super::options::{check_name, MAX_OPTIONS};

/// What a comparison link holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The scenario being edited.
    pub current: Scenario,
    /// The pinned baseline, if any.
    pub baseline: Option<Scenario>,
    /// The options, by name, in order.
    pub options: Vec<(String, Scenario)>,
    /// The engine's note when a part was made by an older model.
    pub note: Option<&'static str>,
}

/// Longest comparison link read, in bytes: one engine link per part.
pub const MAX_COMPARISON_CHARS: usize = (MAX_OPTIONS + 2) * link::MAX_LINK_CHARS;

/// The address fragment (with its `#`) for a comparison.
pub fn fragment(current: &Scenario, baseline: Option<&Scenario>, options: &[(&str, &Scenario)]) -> String {
    let mut out = link::fragment_for(current);
    if let Some(b) = baseline {
        out.push_str("&baseline=");
        out.push_str(&link::encode(b));
    }
    for (name, scenario) in options {
        out.push_str("&option=");
        out.push_str(&percent_encode(name));
        out.push('~');
        out.push_str(&link::encode(scenario));
    }
    out
}

/// Read a comparison from an address fragment (with or without `#`), or say, in the user's words, which
/// part of it is wrong.
pub fn decode(text: &str) -> Result<Comparison, String> {
    if text.len() > MAX_COMPARISON_CHARS {
        return Err(format!(
            "This link is {} characters long, more than the {MAX_COMPARISON_CHARS} a comparison can have; it may have \
             been pasted twice.",
            text.len()
        ));
    }
    let text = text.trim().trim_start_matches('#');
    let mut parts = text.split('&');
    let first = parts.next().unwrap_or_default();
    let (current, mut note) = link::decode_with_note(first).map_err(|e| e.to_string())?;
    let mut comparison = Comparison { current, baseline: None, options: Vec::new(), note: None };
    for part in parts {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        match key.trim() {
            "baseline" => {
                if comparison.baseline.is_some() {
                    return Err("This link names two baselines; a comparison has one.".into());
                }
                let (scenario, n) = link::decode_with_note(value)
                    .map_err(|e| format!("The link's baseline: {}", lower_first(&e.to_string())))?;
                note = note.or(n);
                comparison.baseline = Some(scenario);
            }
            "option" => {
                let number = comparison.options.len() + 1;
                if number > MAX_OPTIONS {
                    return Err(format!(
                        "This link has more than {MAX_OPTIONS} options; at most {MAX_OPTIONS} can be compared."
                    ));
                }
                let (name, data) = value
                    .split_once('~')
                    .ok_or_else(|| format!("The link's option {number} has no scenario; the link may be cut short."))?;
                let name =
                    percent_decode(name).ok_or_else(|| format!("The link's option {number} has a garbled name."))?;
                let taken = comparison.options.iter().map(|(n, _)| n.as_str());
                let name = check_name(taken, &name).map_err(|e| format!("The link's option {number}: {e}"))?;
                let (scenario, n) = link::decode_with_note(data)
                    .map_err(|e| format!("The link's option {number} (\"{name}\"): {}", lower_first(&e.to_string())))?;
                note = note.or(n);
                comparison.options.push((name, scenario));
            }
            other => {
                let shown: String = other.chars().take(20).collect();
                return Err(format!("This link has a part called \"{shown}\" that Rollout Lab does not know."));
            }
        }
    }
    comparison.note = note;
    Ok(comparison)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rollout_engine::presets;

    fn scenario(name: &str) -> Scenario {
        presets::preset(name).unwrap().scenario
    }

    #[test]
    fn a_comparison_round_trips_with_names_in_any_script() {
        let (a, b, c) = (scenario("heart-monitoring"), scenario("targeted-support"), scenario("pilot-ends"));
        let text = fragment(&a, Some(&b), &[("Targeted & fair ~ 50%", &b), ("Équipe rouge", &c)]);
        assert!(text.starts_with("#s1."));
        let back = decode(&text).unwrap();
        assert_eq!(back.current, a);
        assert_eq!(back.baseline.as_ref(), Some(&b));
        assert_eq!(
            back.options,
            vec![("Targeted & fair ~ 50%".to_string(), b.clone()), ("Équipe rouge".to_string(), c)]
        );
        assert_eq!(back.note, None);
    }

    #[test]
    fn a_plain_scenario_link_is_a_comparison_of_one() {
        let a = scenario("pilot-ends");
        assert_eq!(fragment(&a, None, &[]), link::fragment_for(&a));
        let back = decode(&link::encode(&a)).unwrap();
        assert!(back.baseline.is_none() && back.options.is_empty());
        assert_eq!(back.current, a);
    }

    #[test]
    fn a_bad_part_is_named() {
        let (a, b) = (scenario("heart-monitoring"), scenario("bass"));
        let good = fragment(&a, None, &[("One", &b)]);
        let cut = &good[..good.len() - 40];
        assert!(decode(cut).unwrap_err().starts_with("The link's option 1 (\"One\"):"), "{}", decode(cut).unwrap_err());
        let nameless = format!("{}&option=One", link::fragment_for(&a));
        assert!(decode(&nameless).unwrap_err().contains("option 1 has no scenario"));
        let stranger = format!("{}&colour=red", link::fragment_for(&a));
        assert!(decode(&stranger).unwrap_err().contains("\"colour\""));
        let twice = fragment(&a, None, &[("One", &b), ("One", &b)]);
        assert!(decode(&twice).unwrap_err().contains("\"One\" already names an option"));
        let options: Vec<(String, &Scenario)> = (0..7).map(|i| (format!("O{i}"), &b)).collect();
        let refs: Vec<(&str, &Scenario)> = options.iter().map(|(n, s)| (n.as_str(), *s)).collect();
        assert!(decode(&fragment(&a, None, &refs)).unwrap_err().contains("more than 6 options"));
        let bad_baseline = format!("{}&baseline=s1.AAAA", link::fragment_for(&a));
        assert!(decode(&bad_baseline).unwrap_err().starts_with("The link's baseline:"));
        assert!(decode(&"A".repeat(MAX_COMPARISON_CHARS + 1)).unwrap_err().contains("characters long"));
    }
}
