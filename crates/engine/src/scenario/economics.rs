//! Health economics settings: what a QALY and an admission are worth, discounting and thresholds.
//!
//! The section is optional in a scenario file: every field has a default (docs/model.md, section 13), so
//! scenarios written before it existed stay valid and mean what they meant.

use serde::{Deserialize, Serialize};

use super::validate::{range, ScenarioError};

/// How the economic evaluation values health and money. Units in each field's comment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Economics {
    /// Quality of life (utility, EQ-5D scale) of a person in the eligible population, 0 to 1: a year lived
    /// is worth this many QALYs. Default 0.65: heart failure, EQ-5D 0.78 (mild) to 0.51 (severe) (Dyer et
    /// al., Health Qual Life Outcomes 2010;8:13). Monitoring itself adds no utility (Cartwright et al., BMJ
    /// 2013;346:f653 found no gain in quality of life from telehealth).
    pub utility: f64,
    /// What the NHS pays for one admission (adverse event), GBP, 0 to 1,000,000.
    pub admission_cost: f64,
    /// Discount rate of costs, per year, 0 to 0.2 (NICE reference case: 0.035).
    pub discount_costs: f64,
    /// Discount rate of health effects (QALYs, life-years), per year, 0 to 0.2 (NICE reference case: 0.035).
    pub discount_effects: f64,
    /// Willingness to pay for a QALY, GBP per QALY, 1 to 10 values each 1 to 10,000,000: net monetary and
    /// net health benefit are reported at each (defaults 13,000, 20,000 and 30,000).
    pub thresholds: Vec<f64>,
    /// The NHS's marginal opportunity cost of a QALY, GBP per QALY, 1 to 10,000,000 (default 13,000,
    /// Claxton et al., Health Technol Assess 2015;19(14)): the rate at which spending displaces health
    /// elsewhere, used for the net health benefit of each group (distributional analysis).
    pub opportunity_cost: f64,
}

impl Default for Economics {
    fn default() -> Self {
        Economics {
            utility: 0.65,
            admission_cost: 3_000.0,
            discount_costs: 0.035,
            discount_effects: 0.035,
            thresholds: vec![13_000.0, 20_000.0, 30_000.0],
            opportunity_cost: 13_000.0,
        }
    }
}

impl Economics {
    /// Check every value; errors name the dotted field (`economics.utility`).
    pub fn validate(&self) -> Result<(), ScenarioError> {
        range("economics.utility", self.utility, 0.0, 1.0)?;
        range("economics.admission_cost", self.admission_cost, 0.0, 1e6)?;
        range("economics.discount_costs", self.discount_costs, 0.0, 0.2)?;
        range("economics.discount_effects", self.discount_effects, 0.0, 0.2)?;
        if self.thresholds.is_empty() || self.thresholds.len() > 10 {
            return Err(ScenarioError::Invalid {
                field: "economics.thresholds".into(),
                message: format!("has {} values; allowed 1 to 10", self.thresholds.len()),
            });
        }
        for (i, &t) in self.thresholds.iter().enumerate() {
            range(format!("economics.thresholds.{i}"), t, 1.0, 1e7)?;
        }
        range("economics.opportunity_cost", self.opportunity_cost, 1.0, 1e7)
    }
}

#[cfg(test)]
mod tests {
    use crate::presets;
    use crate::scenario::{set_dotted, Scenario};

    #[test]
    fn a_scenario_without_the_section_gets_the_defaults() {
        let s = presets::preset("heart-monitoring").unwrap().scenario;
        let mut value = serde_json::to_value(&s).unwrap();
        value.as_object_mut().unwrap().remove("economics");
        let back = Scenario::from_json(&value.to_string()).unwrap();
        assert_eq!(back.economics, super::Economics::default());
    }

    #[test]
    fn bad_values_are_refused_naming_the_dotted_field() {
        let s = presets::preset("heart-monitoring").unwrap().scenario;
        let e = set_dotted(&s, "economics.utility", "1.5").unwrap_err().to_string();
        assert!(e.starts_with("economics.utility: 1.5 is out of range"), "{e}");
        let e = set_dotted(&s, "economics.thresholds", "[]").unwrap_err().to_string();
        assert!(e.starts_with("economics.thresholds: has 0 values"), "{e}");
        let e = set_dotted(&s, "economics.thresholds.1", "0").unwrap_err().to_string();
        assert!(e.starts_with("economics.thresholds.1: 0 is out of range"), "{e}");
        let e = set_dotted(&s, "economics.discount_costs", "0.5").unwrap_err().to_string();
        assert!(e.starts_with("economics.discount_costs"), "{e}");
        let ok = set_dotted(&s, "economics.discount_effects", "0").unwrap();
        assert_eq!(ok.economics.discount_effects, 0.0);
        let e = set_dotted(&s, "economics.nope", "1").unwrap_err().to_string();
        assert!(e.contains("no field"), "{e}");
    }
}
