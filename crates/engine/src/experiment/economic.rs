//! Health-economic responses: one replicate's discounted totals over the horizon against the same people
//! with no programme (the pairing of [`crate::economics::paired`]), per 1,000 people, so a sweep can ask
//! "where do we get the most health per pound?" as it asks any other question.

use crate::economics::paired::{discounted_totals, paired_months};
use crate::record::ReplicateResult;
use crate::scenario::Scenario;

/// One health-economic measure of a replicate, per 1,000 people in the whole population at the start
/// (as the "Is it worth it?" panel and `RunSummary::economics` count them, also for one group's share),
/// discounted at the scenario's rates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EconomicMeasure {
    /// `qalys_gained`: quality-adjusted life-years gained (QALYs per 1,000 people).
    QalysGained,
    /// `net_cost`: programme, practices, the NHS's device share and people's own share, less the
    /// admissions avoided at their cost (GBP per 1,000 people).
    NetCost,
    /// `net_monetary_benefit_K`: QALYs gained valued at `K` GBP each, less the net cost (GBP per 1,000
    /// people); positive when the programme is worth its cost at that threshold.
    NetMonetaryBenefit(u32),
}

const QALYS: &str = "qalys_gained";
const NET_COST: &str = "net_cost";
const NMB: &str = "net_monetary_benefit_";

impl EconomicMeasure {
    /// Every measure's name, for messages (`K` stands for a threshold in GBP per QALY).
    pub fn names() -> Vec<String> {
        vec![QALYS.into(), NET_COST.into(), format!("{NMB}K")]
    }

    /// The measure of this name, if any: `qalys_gained`, `net_cost`, `net_monetary_benefit_20000`.
    ///
    /// ```
    /// use rollout_engine::experiment::EconomicMeasure;
    /// assert_eq!(EconomicMeasure::from_name("net_monetary_benefit_20000"), Some(EconomicMeasure::NetMonetaryBenefit(20_000)));
    /// assert_eq!(EconomicMeasure::from_name("net_monetary_benefit_"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<EconomicMeasure> {
        match name {
            QALYS => Some(EconomicMeasure::QalysGained),
            NET_COST => Some(EconomicMeasure::NetCost),
            _ => {
                let k = name.strip_prefix(NMB)?;
                // Digits only, so every threshold has one name.
                (!k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) && !k.starts_with('0'))
                    .then(|| k.parse().ok().map(EconomicMeasure::NetMonetaryBenefit))
                    .flatten()
            }
        }
    }

    /// Its name, as [`EconomicMeasure::from_name`] reads it.
    pub fn name(self) -> String {
        match self {
            EconomicMeasure::QalysGained => QALYS.into(),
            EconomicMeasure::NetCost => NET_COST.into(),
            EconomicMeasure::NetMonetaryBenefit(k) => format!("{NMB}{k}"),
        }
    }

    /// Its value in one replicate of `scenario`, for group `group` (`None`: all groups).
    pub fn value(self, scenario: &Scenario, result: &ReplicateResult, group: Option<usize>) -> Option<f64> {
        let start = result.months.first()?;
        let people: f64 = start.groups.iter().map(|g| g.eligible as f64).sum();
        if people <= 0.0 {
            return None;
        }
        let totals = discounted_totals(scenario, &paired_months(scenario, result));
        let row = totals.get(group.unwrap_or(scenario.groups.list.len()))?;
        let per_1000 = 1_000.0 / people;
        Some(match self {
            EconomicMeasure::QalysGained => row.qalys_gained * per_1000,
            EconomicMeasure::NetCost => row.net_cost() * per_1000,
            EconomicMeasure::NetMonetaryBenefit(k) => (row.qalys_gained * f64::from(k) - row.net_cost()) * per_1000,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::run_replicate;
    use crate::presets;
    use crate::summary::summarise;

    #[test]
    fn the_mean_over_replicates_is_the_economic_summarys_total() {
        let mut s = presets::preset("heart-monitoring").unwrap().scenario;
        (s.agents, s.months, s.replicates) = (2_000, 36, 4);
        let results: Vec<ReplicateResult> = (0..s.replicates).map(|r| run_replicate(&s, r)).collect();
        let summary = summarise(&s, &results);
        let total = summary.economics.total().unwrap();
        let mean = |m: EconomicMeasure| results.iter().map(|r| m.value(&s, r, None).unwrap()).sum::<f64>() / 4.0;
        let qalys = total.get(crate::economics::PairedField::QalysGained).mean;
        let cost = total.get(crate::economics::PairedField::NetCost).mean;
        assert!((mean(EconomicMeasure::QalysGained) - qalys).abs() <= 1e-9 * qalys.abs().max(1.0));
        assert!((mean(EconomicMeasure::NetCost) - cost).abs() <= 1e-9 * cost.abs().max(1.0));
        let nmb = mean(EconomicMeasure::NetMonetaryBenefit(20_000));
        assert!((nmb - (qalys * 20_000.0 - cost)).abs() <= 1e-6 * nmb.abs().max(1.0));
        // The groups' shares add up to the whole.
        let groups: f64 =
            (0..s.groups.list.len()).map(|g| EconomicMeasure::NetCost.value(&s, &results[0], Some(g)).unwrap()).sum();
        let all = EconomicMeasure::NetCost.value(&s, &results[0], None).unwrap();
        assert!((groups - all).abs() <= 1e-6 * all.abs().max(1.0), "{groups} {all}");
    }

    #[test]
    fn names_round_trip_and_odd_thresholds_are_refused() {
        for m in [EconomicMeasure::QalysGained, EconomicMeasure::NetCost, EconomicMeasure::NetMonetaryBenefit(13_000)] {
            assert_eq!(EconomicMeasure::from_name(&m.name()), Some(m));
        }
        for bad in ["net_monetary_benefit_020000", "net_monetary_benefit_2e4", "net_monetary_benefit_-1", "qalys"] {
            assert_eq!(EconomicMeasure::from_name(bad), None, "{bad}");
        }
    }
}
