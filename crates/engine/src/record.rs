//! Data collection: what one replicate records each month, kept apart from the model (as Mesa keeps its
//! DataCollector apart from its agents).

use serde::{Deserialize, Serialize};

/// One group in one month of one replicate: counts of people at the end of the month, and expected events
/// and costs during it.
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
    /// Used it and stopped.
    pub abandoned: u32,
    /// Registered with an organisation that offers it.
    pub offered: u32,
    /// Active users whose data was reviewed (expected number, capacity shared within each organisation).
    pub reviewed: f64,
    /// Expected adverse events this month.
    pub events: f64,
    /// Expected adverse events avoided this month.
    pub events_avoided: f64,
    /// Device and service cost, GBP this month.
    pub cost_devices: f64,
    /// Support cost, GBP this month.
    pub cost_support: f64,
    /// Connectivity cost, GBP this month.
    pub cost_connectivity: f64,
    /// Clinical review time, GBP this month.
    pub cost_clinical: f64,
    /// What the programme budget paid (subsidy, support, connectivity, extra review), GBP this month.
    pub programme_spend: f64,
}

impl GroupMonth {
    /// Heard of it, offered it, or used it.
    pub fn aware(&self) -> u32 {
        self.eligible - self.unaware
    }

    /// Used it at some point (active or abandoned).
    pub fn ever_adopted(&self) -> u32 {
        self.active + self.abandoned
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
        self.offered += other.offered;
        self.reviewed += other.reviewed;
        self.events += other.events;
        self.events_avoided += other.events_avoided;
        self.cost_devices += other.cost_devices;
        self.cost_support += other.cost_support;
        self.cost_connectivity += other.cost_connectivity;
        self.cost_clinical += other.cost_clinical;
        self.programme_spend += other.programme_spend;
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
}
