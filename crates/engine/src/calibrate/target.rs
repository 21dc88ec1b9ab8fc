//! Targets: published figures the model's outputs are fitted to, one file per preset under
//! `data/targets/`. Each names the simulated statistic it corresponds to (a sweep response, e.g.
//! `declined_first_offer` or `practice_ever_used@Q1`), its source, the population it was measured in (a
//! trial's recruitment is not routine care), and a tolerance: the model meets the target when its mean
//! across replicates is within the tolerance of the published value. Where the published counts are known,
//! they give a binomial log-likelihood too.

use serde::{Deserialize, Serialize};

use super::error::CalibrationError;
use crate::experiment::Response;
use crate::scenario::Scenario;

/// Most targets a file may hold.
pub const MAX_TARGETS: usize = 64;

/// Published counts behind a share: `events` of `total` (for a binomial likelihood).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// People with the outcome.
    pub events: u64,
    /// People asked or followed.
    pub total: u64,
}

/// One published figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Short name, unique in the file.
    pub name: String,
    /// The simulated statistic: a response as `rollout sweep` records it (`quantity` or `quantity@group`).
    pub statistic: String,
    /// The published value, in the statistic's unit (shares 0 to 1).
    pub published: f64,
    /// Largest distance from the published value that counts as met, in the statistic's unit; above 0.
    pub tolerance: f64,
    /// Where the figure comes from.
    pub source: String,
    /// The population it was measured in, and how it differs from the one simulated.
    pub population: String,
    /// The published counts, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
    /// Why the model is not expected to meet it (then it is reported, not asserted or fitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_met_because: Option<String>,
}

impl Target {
    /// The statistic as a response (checked by [`Targets::from_json`]).
    pub fn response(&self) -> Response {
        self.statistic.parse().expect("checked when the file was read")
    }

    /// Whether the model is expected to meet it (fitted and asserted).
    pub fn asserted(&self) -> bool {
        self.not_met_because.is_none()
    }

    /// Whether `value` is within the tolerance of the published value.
    pub fn met_by(&self, value: f64) -> bool {
        (value - self.published).abs() <= self.tolerance
    }

    /// Binomial log-likelihood of the published counts if the true share were `p`; `None` without counts.
    pub fn log_likelihood(&self, p: f64) -> Option<f64> {
        let c = self.counts?;
        let p = p.clamp(1e-9, 1.0 - 1e-9);
        Some(c.events as f64 * libm::log(p) + (c.total - c.events) as f64 * libm::log(1.0 - p))
    }
}

/// A targets file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// The preset these targets are for, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// The figures.
    pub targets: Vec<Target>,
}

impl Targets {
    /// Read a targets file's JSON and check every target.
    pub fn from_json(text: &str) -> Result<Targets, CalibrationError> {
        let t: Targets = serde_json::from_str(text).map_err(|e| CalibrationError::Targets(e.to_string()))?;
        t.validate()?;
        Ok(t)
    }

    /// Every target has a unique name, a known statistic, a finite published value, a tolerance above 0
    /// and consistent counts.
    pub fn validate(&self) -> Result<(), CalibrationError> {
        if self.targets.is_empty() || self.targets.len() > MAX_TARGETS {
            return Err(CalibrationError::Targets(format!(
                "{} targets; allowed 1 to {MAX_TARGETS}",
                self.targets.len()
            )));
        }
        for (i, t) in self.targets.iter().enumerate() {
            let bad = |field: &str, m: String| {
                let name =
                    if t.name.is_empty() { format!("target {}", i + 1) } else { format!("target \"{}\"", t.name) };
                CalibrationError::Targets(format!("{name}: {field}: {m}"))
            };
            if t.name.trim().is_empty() {
                return Err(bad("name", "is empty".into()));
            }
            if self.targets[..i].iter().any(|o| o.name == t.name) {
                return Err(bad("name", "is used twice".into()));
            }
            if let Err(e) = t.statistic.parse::<Response>() {
                let m = e.to_string();
                return Err(bad("statistic", m.strip_prefix("response: ").unwrap_or(&m).to_string()));
            }
            if !t.published.is_finite() {
                return Err(bad("published", format!("{} is not a number", t.published)));
            }
            if !(t.tolerance.is_finite() && t.tolerance > 0.0) {
                return Err(bad("tolerance", format!("{} must be above 0", t.tolerance)));
            }
            if let Some(c) = t.counts {
                if c.total == 0 || c.events > c.total {
                    return Err(bad(
                        "counts",
                        format!(
                            "{} events of {}: need 1 or more people and no more events than people",
                            c.events, c.total
                        ),
                    ));
                }
            }
            if t.not_met_because.as_deref().is_some_and(|r| r.trim().is_empty()) {
                return Err(bad("not_met_because", "is empty; give the reason or leave it out".into()));
            }
        }
        Ok(())
    }

    /// Check every statistic against a scenario (its groups exist).
    pub fn check(&self, scenario: &Scenario) -> Result<(), CalibrationError> {
        for t in &self.targets {
            t.response().check(scenario).map_err(|e| {
                let m = e.to_string();
                CalibrationError::Targets(format!(
                    "target \"{}\": statistic: {}",
                    t.name,
                    m.strip_prefix("response: ").unwrap_or(&m)
                ))
            })?;
        }
        Ok(())
    }

    /// The targets the model is expected to meet.
    pub fn asserted(&self) -> impl Iterator<Item = &Target> {
        self.targets.iter().filter(|t| t.asserted())
    }
}

/// The targets files shipped with the presets (`data/targets/PRESET.json`), compiled in.
const SHIPPED: [(&str, &str); 2] = [
    ("heart-monitoring", include_str!("../../../../data/targets/heart-monitoring.json")),
    ("assistive-tech-social-care", include_str!("../../../../data/targets/assistive-tech-social-care.json")),
];

/// The targets a preset was fitted to, if it has any.
pub fn shipped_targets(preset: &str) -> Option<Targets> {
    let (_, text) = SHIPPED.iter().find(|(name, _)| *name == preset)?;
    Some(Targets::from_json(text).expect("the shipped targets files are valid (tests/preset_targets.rs)"))
}

/// The presets that have targets.
pub fn presets_with_targets() -> Vec<&'static str> {
    SHIPPED.iter().map(|(name, _)| *name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(target: &str) -> String {
        format!(r#"{{"targets": [{target}]}}"#)
    }

    const GOOD: &str = r#"{"name": "declined", "statistic": "declined_first_offer", "published": 0.829,
        "tolerance": 0.03, "source": "Foster et al. 2015", "population": "trial invitations",
        "counts": {"events": 829, "total": 1000}}"#;

    #[test]
    fn a_good_file_reads_and_bad_fields_are_named() {
        let t = Targets::from_json(&file(GOOD)).unwrap();
        assert!(t.targets[0].met_by(0.81) && !t.targets[0].met_by(0.79));
        let ll = |p| t.targets[0].log_likelihood(p).unwrap();
        assert!(ll(0.829) > ll(0.7) && ll(0.829) > ll(0.9));
        let cases = [
            (GOOD.replace("declined_first_offer", "declined_twice"), "statistic: unknown output \"declined_twice\""),
            (GOOD.replace("0.03", "0"), "tolerance: 0 must be above 0"),
            (GOOD.replace("0.03", "-0.1"), "tolerance: -0.1 must be above 0"),
            (GOOD.replace("\"events\": 829", "\"events\": 1829"), "counts: 1829 events of 1000"),
            (format!("{GOOD}, {GOOD}"), "target \"declined\": name: is used twice"),
        ];
        for (text, want) in cases {
            let e = Targets::from_json(&file(&text)).unwrap_err().to_string();
            assert!(e.contains(want), "{e}");
        }
        let e = Targets::from_json(&file(&GOOD.replace("\"tolerance\"", "\"tolerence\""))).unwrap_err().to_string();
        assert!(e.contains("tolerence"), "{e}");
        assert!(Targets::from_json(r#"{"targets": []}"#).is_err());
    }

    #[test]
    fn statistics_are_checked_against_the_scenario_groups() {
        let s = crate::presets::preset("heart-monitoring").unwrap().scenario;
        let t = Targets::from_json(&file(&GOOD.replace("declined_first_offer", "declined_first_offer@Q9"))).unwrap();
        let e = t.check(&s).unwrap_err().to_string();
        assert!(e.contains("target \"declined\"") && e.contains("no group \"Q9\""), "{e}");
        let t = Targets::from_json(&file(&GOOD.replace("declined_first_offer", "practice_ever_used"))).unwrap();
        assert!(t.check(&s).unwrap_err().to_string().contains("practice_ever_used@Q1"));
    }
}
