//! The quantities reported per group and month: one list shared by the summary, the CSV, the JSON and the
//! app's charts, so every face reports the same numbers under the same names.

use crate::record::GroupMonth;

/// A per-group, per-month quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quantity {
    AwareShare,
    EverAdoptedShare,
    ActiveShare,
    AbandonedShare,
    NeverAdoptedShare,
    DeclinedShare,
    OfferedShare,
    UnreviewedShare,
    EventsPer1000,
    EventsAvoided,
    EventsAvoidedPer1000,
    CostDevices,
    CostSupport,
    CostConnectivity,
    CostClinical,
    ProgrammeSpend,
    WithdrawnShare,
    DeathsPer1000,
    DeathsAvoidedPer1000,
    Entrants,
}

impl Quantity {
    /// Every quantity, in column order.
    pub const ALL: [Quantity; 20] = [
        Quantity::AwareShare,
        Quantity::EverAdoptedShare,
        Quantity::ActiveShare,
        Quantity::AbandonedShare,
        Quantity::NeverAdoptedShare,
        Quantity::DeclinedShare,
        Quantity::OfferedShare,
        Quantity::UnreviewedShare,
        Quantity::EventsPer1000,
        Quantity::EventsAvoided,
        Quantity::EventsAvoidedPer1000,
        Quantity::CostDevices,
        Quantity::CostSupport,
        Quantity::CostConnectivity,
        Quantity::CostClinical,
        Quantity::ProgrammeSpend,
        Quantity::WithdrawnShare,
        Quantity::DeathsPer1000,
        Quantity::DeathsAvoidedPer1000,
        Quantity::Entrants,
    ];

    /// Column name in CSV and key in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Quantity::AwareShare => "aware_share",
            Quantity::EverAdoptedShare => "ever_adopted_share",
            Quantity::ActiveShare => "active_share",
            Quantity::AbandonedShare => "abandoned_share",
            Quantity::NeverAdoptedShare => "never_adopted_share",
            Quantity::DeclinedShare => "declined_share",
            Quantity::OfferedShare => "offered_share",
            Quantity::UnreviewedShare => "unreviewed_share",
            Quantity::EventsPer1000 => "events_per_1000",
            Quantity::EventsAvoided => "events_avoided",
            Quantity::EventsAvoidedPer1000 => "events_avoided_per_1000",
            Quantity::CostDevices => "cost_devices",
            Quantity::CostSupport => "cost_support",
            Quantity::CostConnectivity => "cost_connectivity",
            Quantity::CostClinical => "cost_clinical",
            Quantity::ProgrammeSpend => "programme_spend",
            Quantity::WithdrawnShare => "withdrawn_share",
            Quantity::DeathsPer1000 => "deaths_per_1000",
            Quantity::DeathsAvoidedPer1000 => "deaths_avoided_per_1000",
            Quantity::Entrants => "entrants",
        }
    }

    /// What it is, with its unit.
    pub fn description(self) -> &'static str {
        match self {
            Quantity::AwareShare => "share of eligible people who have heard of it, been offered it or used it (0-1)",
            Quantity::EverAdoptedShare => "share of eligible people who have ever used it (0-1)",
            Quantity::ActiveShare => "share of eligible people using it (0-1)",
            Quantity::AbandonedShare => "share of eligible people who used it and stopped (0-1)",
            Quantity::NeverAdoptedShare => "share of eligible people who never used it (0-1)",
            Quantity::DeclinedShare => "share of eligible people offered it who declined and never used it (0-1)",
            Quantity::OfferedShare => "share of eligible people registered with an organisation offering it (0-1)",
            Quantity::UnreviewedShare => "share of active users whose data went unreviewed (0-1)",
            Quantity::EventsPer1000 => "adverse events per 1,000 eligible people this month",
            Quantity::EventsAvoided => "adverse events avoided this month (count)",
            Quantity::EventsAvoidedPer1000 => "adverse events avoided per 1,000 eligible people this month",
            Quantity::CostDevices => "device and service cost this month (GBP)",
            Quantity::CostSupport => "support cost this month (GBP)",
            Quantity::CostConnectivity => "connectivity cost this month (GBP)",
            Quantity::CostClinical => "clinical review cost this month (GBP)",
            Quantity::ProgrammeSpend => "programme budget spent this month (GBP)",
            Quantity::WithdrawnShare => {
                "share of eligible people whose use stopped because the service was withdrawn (0-1)"
            }
            Quantity::DeathsPer1000 => "deaths per 1,000 eligible people this month",
            Quantity::DeathsAvoidedPer1000 => {
                "deaths avoided by reviewed monitoring per 1,000 eligible people this month (expected)"
            }
            Quantity::Entrants => "incident cases entering this month, replacing those who died (count)",
        }
    }

    /// Its value for one group-month of one replicate. Shares and rates per 1,000 are against the people
    /// alive and eligible at the end of the month.
    pub fn of(self, m: &GroupMonth) -> f64 {
        let eligible = m.eligible as f64;
        let share = |x: f64| if eligible > 0.0 { x / eligible } else { 0.0 };
        match self {
            Quantity::AwareShare => share(m.aware() as f64),
            Quantity::EverAdoptedShare => share(m.ever_adopted() as f64),
            Quantity::ActiveShare => share(m.active as f64),
            Quantity::AbandonedShare => share(m.abandoned as f64),
            Quantity::NeverAdoptedShare => share(m.never_adopted() as f64),
            Quantity::DeclinedShare => share(m.declined as f64),
            Quantity::OfferedShare => share(m.offered as f64),
            Quantity::UnreviewedShare => {
                if m.active > 0 {
                    1.0 - m.reviewed / m.active as f64
                } else {
                    0.0
                }
            }
            Quantity::EventsPer1000 => share(m.events) * 1000.0,
            Quantity::EventsAvoided => m.events_avoided,
            Quantity::EventsAvoidedPer1000 => share(m.events_avoided) * 1000.0,
            Quantity::CostDevices => m.cost_devices,
            Quantity::CostSupport => m.cost_support,
            Quantity::CostConnectivity => m.cost_connectivity,
            Quantity::CostClinical => m.cost_clinical,
            Quantity::ProgrammeSpend => m.programme_spend,
            Quantity::WithdrawnShare => share(m.withdrawn as f64),
            Quantity::DeathsPer1000 => share(m.deaths as f64) * 1000.0,
            Quantity::DeathsAvoidedPer1000 => share(m.deaths_avoided) * 1000.0,
            Quantity::Entrants => m.entrants as f64,
        }
    }

    /// A share of people, 0 to 1 (otherwise a count, a rate or money, 0 or more).
    pub fn is_share(self) -> bool {
        matches!(
            self,
            Quantity::AwareShare
                | Quantity::EverAdoptedShare
                | Quantity::ActiveShare
                | Quantity::AbandonedShare
                | Quantity::NeverAdoptedShare
                | Quantity::DeclinedShare
                | Quantity::OfferedShare
                | Quantity::UnreviewedShare
                | Quantity::WithdrawnShare
        )
    }

    /// Position in [`Quantity::ALL`].
    pub fn index(self) -> usize {
        Quantity::ALL.iter().position(|q| *q == self).expect("every quantity is listed")
    }

    /// The quantity with this column name.
    pub fn from_name(name: &str) -> Option<Quantity> {
        Quantity::ALL.into_iter().find(|q| q.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_the_quantities_named_as_shares() {
        for q in Quantity::ALL {
            assert_eq!(q.is_share(), q.name().ends_with("_share"), "{}", q.name());
        }
    }
}
