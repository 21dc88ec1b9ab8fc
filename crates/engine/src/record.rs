//! Data collection: what one replicate records each month, kept apart from the model (as Mesa keeps its
//! DataCollector apart from its agents).

use serde::{Deserialize, Serialize};

use crate::budget::BudgetMonth;
use crate::model::{Accounts, Tally};
use crate::organisation::{OrgState, Organisations};
use crate::population::{State, STATES};
use crate::scenario::Scenario;
use crate::spells::Spells;

/// What data collection reads at the end of a month: the model's tallies and accounts, never changed here.
pub struct View<'a> {
    pub scenario: &'a Scenario,
    /// Months done (the record's month).
    pub month: u32,
    /// Funding was in force during the month.
    pub funded: bool,
    pub group_sizes: &'a [u32],
    pub tally: &'a Tally,
    pub accounts: &'a Accounts,
    pub organisations: &'a Organisations,
    /// The replicate's factors for complex NASSS domains.
    pub draws: &'a crate::nasss::Draws,
}

impl View<'_> {
    /// The month's record.
    pub fn collect(&self) -> MonthRecord {
        let s = self.scenario;
        let groups = s.groups.list.len();
        let (tally, accounts) = (self.tally, self.accounts);
        let mut out: Vec<GroupMonth> =
            self.group_sizes.iter().map(|&n| GroupMonth { eligible: n, ..GroupMonth::default() }).collect();
        for o in 0..self.organisations.state.len() {
            let offers = self.organisations.offers(o);
            for (g, row) in out.iter_mut().enumerate() {
                let c = o * groups + g;
                let cell = &tally.counts[c * STATES..(c + 1) * STATES];
                row.unaware += cell[State::Unaware as usize];
                row.aware_not_offered += cell[State::Aware as usize];
                row.declined += cell[State::Declined as usize];
                row.active += cell[State::Active as usize];
                row.abandoned += cell[State::Lapsed as usize];
                row.withdrawn += cell[State::Withdrawn as usize];
                row.deaths += tally.deaths[c];
                row.funding_end_users_alive += tally.funding_end_users[c][0];
                row.funding_end_users_active += tally.funding_end_users[c][1];
                if offers {
                    row.offered += cell.iter().sum::<u32>();
                }
            }
        }
        let t = &s.technology;
        let benefit = t.effect * s.nasss.benefit_multiplier_in(self.draws);
        for (g, row) in out.iter_mut().enumerate() {
            [row.entrants, row.discharge_entrants] = tally.entrants[g];
            row.reviewed = accounts.reviewed[g];
            row.deaths_avoided = accounts.deaths_avoided[g];
            let need = s.groups.list[g].need / 12.0;
            row.events_avoided = need * benefit * row.reviewed;
            row.events = need * row.eligible as f64 - row.events_avoided;
            row.cost_devices = row.active as f64 * t.device_cost;
            row.cost_support = accounts.spend[g][1];
            row.cost_connectivity = accounts.spend[g][2];
            row.cost_clinical = row.reviewed * t.review_cost;
            row.programme_spend = accounts.spend[g].iter().sum();
            row.cost_subsidy = accounts.spend[g][0];
            row.cost_extra_review = accounts.spend[g][3];
        }
        let states = &self.organisations.state;
        let organisations = OrganisationMonth {
            offering: states.iter().filter(|s| **s == OrgState::Offering).count() as u32,
            procuring: states.iter().filter(|s| matches!(s, OrgState::Procuring { .. })).count() as u32,
            discontinued: states.iter().filter(|s| **s == OrgState::Discontinued).count() as u32,
            ever_offered: self.organisations.ever_offered.iter().filter(|e| **e).count() as u32,
        };
        MonthRecord {
            month: self.month,
            funded: self.funded,
            supplier_active: self.organisations.supplier_active,
            groups: out,
            organisations,
            budget: accounts.budget,
        }
    }
}

/// One group in one month of one replicate: counts of people at the end of the month, and expected events
/// and costs during it. Every share reported from it is against `eligible`: the people alive and eligible
/// at the end of the month (deaths are replaced by incident cases, so it is the same every month).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMonth {
    /// Eligible people in the group.
    pub eligible: u32,
    /// Never heard of it or offered it.
    pub unaware: u32,
    /// Heard of it, not offered it (their organisation does not run it), never used it.
    pub aware_not_offered: u32,
    /// Offered it and declined, never used it.
    pub declined: u32,
    /// Using it.
    pub active: u32,
    /// Used it and stopped (abandoned).
    pub abandoned: u32,
    /// Was using it until the service was withdrawn (discontinued, not abandoned).
    #[serde(default)]
    pub withdrawn: u32,
    /// Deaths during the month (each replaced by an incident case).
    #[serde(default)]
    pub deaths: u32,
    /// Deaths avoided during the month by reviewed monitoring (expected number).
    #[serde(default)]
    pub deaths_avoided: f64,
    /// Incident cases who entered during the month (as many as died).
    #[serde(default)]
    pub entrants: u32,
    /// Of them, entered after a hospital discharge.
    #[serde(default)]
    pub discharge_entrants: u32,
    /// People active when funding ended who are alive now (0 before funding ends).
    #[serde(default)]
    pub funding_end_users_alive: u32,
    /// Of them, active now.
    #[serde(default)]
    pub funding_end_users_active: u32,
    /// Registered with an organisation that offers it.
    pub offered: u32,
    /// Active users whose data was reviewed (expected number, capacity shared within each organisation).
    pub reviewed: f64,
    /// Expected adverse events (admissions) this month.
    pub events: f64,
    /// Expected adverse events (admissions) avoided this month by reviewed monitoring.
    pub events_avoided: f64,
    /// Device and service cost, GBP this month.
    pub cost_devices: f64,
    /// Support cost paid by the programme budget, GBP this month.
    pub cost_support: f64,
    /// Connectivity cost paid by the programme budget, GBP this month.
    pub cost_connectivity: f64,
    /// Clinical review time, GBP this month.
    pub cost_clinical: f64,
    /// What the programme budget paid (subsidy, support, connectivity, extra review), GBP this month.
    pub programme_spend: f64,
    /// Of the programme spend, device subsidies (the user's share it paid), GBP this month.
    #[serde(default)]
    pub cost_subsidy: f64,
    /// Of the programme spend, extra clinical review capacity, GBP this month (the rest of `cost_clinical`
    /// is the organisations' own review time).
    #[serde(default)]
    pub cost_extra_review: f64,
}

impl GroupMonth {
    /// Heard of it, offered it, or used it.
    pub fn aware(&self) -> u32 {
        self.eligible - self.unaware
    }

    /// Used it at some point (active, abandoned or withdrawn), among the people alive now.
    pub fn ever_adopted(&self) -> u32 {
        self.active + self.abandoned + self.withdrawn
    }

    /// Never used it (never offered, or declined).
    pub fn never_adopted(&self) -> u32 {
        self.unaware + self.aware_not_offered + self.declined
    }

    /// All costs, GBP this month.
    pub fn cost_total(&self) -> f64 {
        self.cost_devices + self.cost_support + self.cost_connectivity + self.cost_clinical
    }

    /// Add another group's month to this one (for the `all` row).
    pub fn add(&mut self, other: &GroupMonth) {
        self.eligible += other.eligible;
        self.unaware += other.unaware;
        self.aware_not_offered += other.aware_not_offered;
        self.declined += other.declined;
        self.active += other.active;
        self.abandoned += other.abandoned;
        self.withdrawn += other.withdrawn;
        self.deaths += other.deaths;
        self.deaths_avoided += other.deaths_avoided;
        self.entrants += other.entrants;
        self.discharge_entrants += other.discharge_entrants;
        self.funding_end_users_alive += other.funding_end_users_alive;
        self.funding_end_users_active += other.funding_end_users_active;
        self.offered += other.offered;
        self.reviewed += other.reviewed;
        self.events += other.events;
        self.events_avoided += other.events_avoided;
        self.cost_devices += other.cost_devices;
        self.cost_support += other.cost_support;
        self.cost_connectivity += other.cost_connectivity;
        self.cost_clinical += other.cost_clinical;
        self.programme_spend += other.programme_spend;
        self.cost_subsidy += other.cost_subsidy;
        self.cost_extra_review += other.cost_extra_review;
    }
}

/// Organisations at the end of a month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrganisationMonth {
    /// Offering it.
    pub offering: u32,
    /// Procuring it (decided, not yet offering).
    pub procuring: u32,
    /// Offered it and stopped.
    pub discontinued: u32,
    /// Have offered it at some point.
    pub ever_offered: u32,
}

/// One month of one replicate.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MonthRecord {
    /// Months since the start; 0 is the starting state.
    pub month: u32,
    /// Funding was in force during the month.
    pub funded: bool,
    /// The supplier was still supplying at the end of the month.
    pub supplier_active: bool,
    /// One entry per group, in scenario order.
    pub groups: Vec<GroupMonth>,
    /// The organisations.
    pub organisations: OrganisationMonth,
    /// The programme budget: demand, paid share and which levers were rationed.
    #[serde(default)]
    pub budget: BudgetMonth,
}

impl MonthRecord {
    /// All groups together.
    pub fn all(&self) -> GroupMonth {
        let mut all = GroupMonth::default();
        for g in &self.groups {
            all.add(g);
        }
        all
    }
}

/// Everything one replicate recorded: months 0 to the horizon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplicateResult {
    /// Replicate index, 0-based.
    pub replicate: u32,
    /// Month records, month 0 first.
    pub months: Vec<MonthRecord>,
    /// Number of organisations.
    pub organisation_count: u32,
    /// Spells of use by group and start month (for abandonment and discontinuation).
    #[serde(default)]
    pub spells: Spells,
    /// First offers and their outcome, and use by the practice's home group at the horizon.
    #[serde(default)]
    pub offers: crate::offers::Offers,
}
