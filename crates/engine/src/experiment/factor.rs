//! A factor: one scenario field, named by its dotted key (the `--set` path), varied between a low and a
//! high value. The special factor [`DUMMY`] changes no field: it re-seeds the replicates, so its indices
//! show what noise alone looks like (the noise floor).
//!
//! A key with `*` for a list index (`groups.list.*.trust`) varies every item of the list together: its
//! value is then a **multiplier** of each item's own value (1 leaves them as they are), so differences
//! between groups are kept while their level moves.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::error::ExperimentError;
use crate::rng::mix;
use crate::scenario::{set_all, set_dotted, Scenario};

/// Key of the dummy factor added to Morris and Sobol' designs.
pub const DUMMY: &str = "dummy";

/// One varied field, in the field's own unit (see its doc comment in [`crate::scenario`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// Dotted path, as `--set` takes it: `levers.subsidy.level`, `groups.list.0.trust`.
    pub key: String,
    /// Lowest value, in the field's unit.
    pub low: f64,
    /// Highest value, in the field's unit; at least `low`.
    pub high: f64,
}

impl Factor {
    /// A factor from `key=low:high` text, as the CLI's `--factor` takes it. The range is not yet checked
    /// against a scenario; see [`Factor::check`].
    ///
    /// ```
    /// use rollout_engine::experiment::Factor;
    /// let f = Factor::parse("levers.subsidy.level=0.2:0.9").unwrap();
    /// assert_eq!((f.key.as_str(), f.low, f.high), ("levers.subsidy.level", 0.2, 0.9));
    /// assert!(Factor::parse("levers.subsidy.level=0.9").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Factor, ExperimentError> {
        let bad = |m: &str| {
            ExperimentError::factor(text, format!("{m}; expected KEY=LOW:HIGH, e.g. levers.subsidy.level=0.2:0.9"))
        };
        let (key, range) = text.split_once('=').ok_or_else(|| bad("no \"=\""))?;
        let (low, high) = range.split_once(':').ok_or_else(|| bad("no \":\" between low and high"))?;
        let number = |s: &str| s.trim().parse::<f64>().ok().filter(|v| v.is_finite());
        let low = number(low).ok_or_else(|| bad("the low value is not a number"))?;
        let high = number(high).ok_or_else(|| bad("the high value is not a number"))?;
        Factor::new(key.trim(), low, high)
    }

    /// A factor varied from `low` to `high` (finite, `low <= high`).
    pub fn new(key: &str, low: f64, high: f64) -> Result<Factor, ExperimentError> {
        if key.is_empty() {
            return Err(ExperimentError::factor(key, "the key is empty"));
        }
        if !(low.is_finite() && high.is_finite()) || low > high {
            return Err(ExperimentError::factor(
                key,
                format!("low {low} must be a number no greater than high {high}"),
            ));
        }
        Ok(Factor { key: key.to_string(), low, high })
    }

    /// The dummy factor, on 0 to 1.
    pub fn dummy() -> Factor {
        Factor { key: DUMMY.to_string(), low: 0.0, high: 1.0 }
    }

    /// Its key has `*` for a list index: its value multiplies every item's own value.
    pub fn is_scaled(&self) -> bool {
        self.key.contains(".*.")
    }

    /// This is the dummy factor.
    pub fn is_dummy(&self) -> bool {
        self.key == DUMMY
    }

    /// The factor's value at `unit` (0: low, 1: high), never outside the range through rounding.
    ///
    /// ```
    /// use rollout_engine::experiment::Factor;
    /// let f = Factor::new("technology.unsupported_abandonment", 0.3, 0.9).unwrap();
    /// assert_eq!((f.at(0.0), f.at(1.0)), (0.3, 0.9));
    /// ```
    pub fn at(&self, unit: f64) -> f64 {
        (self.low + unit * (self.high - self.low)).clamp(self.low, self.high)
    }

    /// Check that the key names a number field of `scenario` and that both ends of the range are allowed
    /// there (the scenario's own range check, naming the field). The dummy always passes.
    pub fn check(&self, scenario: &Scenario) -> Result<(), ExperimentError> {
        if self.is_dummy() {
            return Ok(());
        }
        if self.is_scaled() {
            for value in [self.low, self.high] {
                self.apply(scenario, value)?;
            }
            return Ok(());
        }
        let current = get_dotted(scenario, &self.key).map_err(|m| ExperimentError::factor(&self.key, m))?;
        if !current.is_number() {
            return Err(ExperimentError::factor(&self.key, "is not a number field; factors vary numbers"));
        }
        for value in [self.low, self.high] {
            self.apply(scenario, value)?;
        }
        Ok(())
    }

    /// `scenario` with this factor set to `value` (rounded to a whole number for whole-number fields such
    /// as `months`); the dummy re-seeds the scenario instead.
    pub fn apply(&self, scenario: &Scenario, value: f64) -> Result<Scenario, ExperimentError> {
        if self.is_dummy() {
            let mut s = scenario.clone();
            s.seed = mix(s.seed ^ value.to_bits());
            return Ok(s);
        }
        if let Some((list, field)) = self.key.split_once(".*.") {
            let items = get_dotted(scenario, list).map_err(|m| ExperimentError::factor(&self.key, m))?;
            let count = items.as_array().map(Vec::len).ok_or_else(|| {
                ExperimentError::factor(&self.key, format!("\"{list}\" is not a list; * stands for a list index"))
            })?;
            let mut assignments = Vec::with_capacity(count);
            for i in 0..count {
                let path = format!("{list}.{i}.{field}");
                let current = get_dotted(scenario, &path).map_err(|m| ExperimentError::factor(&self.key, m))?;
                let number = current.as_f64().filter(|_| current.is_f64()).ok_or_else(|| {
                    ExperimentError::factor(&self.key, format!("{path} is not a number field with decimals"))
                })?;
                assignments.push((path, format!("{}", number * value)));
            }
            let pairs: Vec<(&str, &str)> = assignments.iter().map(|(p, v)| (p.as_str(), v.as_str())).collect();
            return set_all(scenario, &pairs)
                .map_err(|e| ExperimentError::factor(&self.key, format!("multiplier {value}: {e}")));
        }
        let current = get_dotted(scenario, &self.key).map_err(|m| ExperimentError::factor(&self.key, m))?;
        let whole = current.is_u64() || current.is_i64();
        let text = if whole { format!("{}", libm::round(value)) } else { format!("{value}") };
        set_dotted(scenario, &self.key, &text).map_err(|e| ExperimentError::from_scenario(&self.key, e))
    }

    /// The value this factor has in `scenario` (for the dummy: none).
    pub fn value_in(&self, scenario: &Scenario) -> Option<f64> {
        if self.is_dummy() || self.is_scaled() {
            return None;
        }
        get_dotted(scenario, &self.key).ok().and_then(|v| v.as_f64())
    }
}

/// The value at a dotted path of a scenario, or a message saying where the path goes wrong.
fn get_dotted(scenario: &Scenario, path: &str) -> Result<Value, String> {
    let root = serde_json::to_value(scenario).expect("a scenario always serialises");
    let mut slot = &root;
    for part in path.split('.') {
        slot = match slot {
            Value::Object(map) => map.get(part).ok_or_else(|| format!("no field \"{part}\" there"))?,
            Value::Array(items) => {
                let index: usize = part.parse().map_err(|_| format!("\"{part}\" is not a list index"))?;
                items.get(index).ok_or_else(|| format!("index {index} is past the end of a list of {}", items.len()))?
            }
            _ => return Err(format!("no field \"{part}\" there: the path goes past a value")),
        };
    }
    Ok(slot.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn base() -> Scenario {
        presets::preset("heart-monitoring").unwrap().scenario
    }

    #[test]
    fn check_names_unknown_keys_and_out_of_range_ends() {
        let s = base();
        let e = Factor::new("levers.nope", 0.0, 1.0).unwrap().check(&s).unwrap_err().to_string();
        assert!(e.contains("levers.nope") && e.contains("no field \"nope\""), "{e}");
        let e = Factor::new("levers.subsidy.level", 0.2, 1.5).unwrap().check(&s).unwrap_err().to_string();
        assert!(e.contains("levers.subsidy.level: 1.5 is out of range; allowed 0 to 1"), "{e}");
        let e = Factor::new("levers.funding.recurrent", 0.0, 1.0).unwrap().check(&s).unwrap_err().to_string();
        assert!(e.contains("not a number field"), "{e}");
        Factor::new("levers.subsidy.level", 0.2, 0.9).unwrap().check(&s).unwrap();
    }

    #[test]
    fn whole_number_fields_are_rounded_and_the_dummy_reseeds() {
        let s = base();
        let months = Factor::new("months", 12.0, 60.0).unwrap();
        assert_eq!(months.apply(&s, 30.4).unwrap().months, 30);
        let dummy = Factor::dummy();
        let a = dummy.apply(&s, 0.25).unwrap();
        assert_ne!(a.seed, s.seed);
        assert_ne!(a.seed, dummy.apply(&s, 0.75).unwrap().seed);
        assert_eq!(a, dummy.apply(&s, 0.25).unwrap());
    }

    #[test]
    fn a_starred_key_multiplies_every_item_and_names_the_one_out_of_range() {
        let s = base();
        let f = Factor::new("groups.list.*.trust", 0.5, 2.0).unwrap();
        let half = f.apply(&s, 0.5).unwrap();
        for (a, b) in half.groups.list.iter().zip(&s.groups.list) {
            assert_eq!(a.trust, b.trust * 0.5);
        }
        assert_eq!(f.value_in(&half), None);
        let e = Factor::new("groups.list.*.trust", 0.5, 9.0).unwrap().check(&s).unwrap_err().to_string();
        assert!(e.contains("groups.list.0.trust") && e.contains("allowed 0 to 1"), "{e}");
        assert!(Factor::new("groups.*.trust", 0.5, 1.0).unwrap().check(&s).is_err());
    }

    #[test]
    fn parse_refuses_backwards_ranges() {
        assert!(Factor::parse("diffusion.imitation=0.5:0.1").unwrap_err().to_string().contains("no greater than"));
        assert!(Factor::parse("diffusion.imitation=a:0.1").is_err());
    }
}
