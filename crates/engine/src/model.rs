//! The model: people and organisations stepping through months.
//!
//! Each month: organisations change (take it up, finish procurement, discontinue); each person then may
//! be exposed (an offer, a campaign, word of mouth), decide, keep using or abandon; the month is recorded.
//! The rules are described in docs/model.md; the NASSS mapping lives in [`crate::nasss`].

use rand::RngCore;

use crate::organisation::Organisations;
use crate::population::{
    self, People, State, CAN_PAY, CONNECTED, GRANTS, HAS_ACCESS, HAS_SKILLS, STATES, SUBSIDISED, SUPPORTED,
};
use crate::record::{GroupMonth, MonthRecord, OrganisationMonth, ReplicateResult};
use crate::rng::{self, Rng};
use crate::scenario::{Scenario, Targeting};

/// Share of the monthly budget below which new grants are made in full; above it they taper to none at
/// 100% (the programme rations new grants as spending approaches its budget).
pub const RATIONING_START: f64 = 0.9;

/// What one group's members face when they decide this month: probabilities, 0 to 1.
#[derive(Clone, Copy, Debug, Default)]
struct Decision {
    connectivity: f64,
    support: f64,
    unsupported_skill: f64,
    subsidy_grant: f64,
    subsidy_level: f64,
    accept: f64,
}

/// One replicate's running model.
pub struct Model<'a> {
    scenario: &'a Scenario,
    people: People,
    organisations: Organisations,
    rng: Rng,
    month: u32,
    group_sizes: Vec<u32>,
    /// Eligible people registered with each organisation.
    organisation_eligible: Vec<u32>,
    /// Active share of each group at the end of the last month and the month before, 0 to 1.
    active_share: Vec<f64>,
    previous_active_share: Vec<f64>,
    /// Share of each organisation's active users whose data was reviewed last month, 0 to 1.
    reviewed_share: Vec<f64>,
    /// Multiplier on new grants, 0 to 1, from last month's spending against the budget.
    rationing: f64,
}

impl<'a> Model<'a> {
    /// Set up replicate `replicate` of a validated scenario.
    pub fn new(scenario: &'a Scenario, replicate: u32) -> Model<'a> {
        let mut rng = rng::replicate_rng(scenario.seed, replicate);
        let organisations = Organisations::new(scenario, &mut rng);
        let homes = organisations.home_organisations(scenario.groups.list.len());
        let people = People::new(scenario, &homes, &mut rng);
        let mut organisation_eligible = vec![0u32; scenario.organisations.count as usize];
        for i in 0..people.len() {
            organisation_eligible[people.organisation(i)] += 1;
        }
        let groups = scenario.groups.list.len();
        Model {
            scenario,
            people,
            organisations,
            rng,
            month: 0,
            group_sizes: population::group_sizes(scenario),
            organisation_eligible,
            active_share: vec![0.0; groups],
            previous_active_share: vec![0.0; groups],
            reviewed_share: vec![1.0; scenario.organisations.count as usize],
            rationing: 1.0,
        }
    }

    /// The starting state, recorded as month 0.
    pub fn initial_record(&self) -> MonthRecord {
        let groups = self.scenario.groups.list.len();
        let mut counts = vec![0u32; self.organisation_eligible.len() * groups * STATES];
        for (&cell, &state) in self.people.cell.iter().zip(&self.people.state) {
            counts[cell as usize * STATES + state as usize] += 1;
        }
        self.record(0, &counts, &vec![[0u32; 3]; groups]).0
    }

    /// Word of mouth reaching each group, 0 to 1: the active share among its contacts, taken at mid-month
    /// by extrapolating last month's change (which keeps monthly steps within 0.001 of Bass's curve).
    fn word_of_mouth(&self) -> Vec<f64> {
        let groups = &self.scenario.groups.list;
        let mid: Vec<f64> = self
            .active_share
            .iter()
            .zip(&self.previous_active_share)
            .map(|(a, p)| (a + 0.5 * (a - p)).clamp(0.0, 1.0))
            .collect();
        let sizes: Vec<f64> = self.group_sizes.iter().map(|&s| s as f64).collect();
        let total: f64 = sizes.iter().sum();
        (0..groups.len())
            .map(|g| {
                let others = total - sizes[g];
                if others <= 0.0 {
                    return mid[g];
                }
                let across: f64 =
                    (0..groups.len()).filter(|&h| h != g).map(|h| sizes[h] * mid[h]).sum::<f64>() / others;
                let within = groups[g].within_group_contact;
                within * mid[g] + (1.0 - within) * across
            })
            .collect()
    }

    fn lever_reach(&self, lever: &Targeting, g: usize, funded: bool) -> f64 {
        let aimed = lever.groups.is_empty() || lever.groups.iter().any(|n| *n == self.scenario.groups.list[g].name);
        if funded && aimed {
            lever.level
        } else {
            0.0
        }
    }

    fn decisions(&self, funded: bool, shock: bool) -> Vec<Decision> {
        let s = self.scenario;
        let l = &s.levers;
        let shock_acceptance = if shock { l.shock.acceptance } else { 1.0 };
        (0..s.groups.list.len())
            .map(|g| Decision {
                connectivity: self.lever_reach(&l.connectivity, g, funded) * self.rationing,
                support: self.lever_reach(&l.support, g, funded) * self.rationing,
                unsupported_skill: s.nasss.unsupported_skill_acceptance(),
                subsidy_grant: if self.lever_reach(&l.subsidy, g, funded) > 0.0 { self.rationing } else { 0.0 },
                subsidy_level: l.subsidy.level,
                accept: (s.groups.list[g].trust * s.nasss.acceptance_multiplier() * shock_acceptance).min(1.0),
            })
            .collect()
    }

    fn personal_cost(&self) -> bool {
        self.scenario.technology.device_cost * self.scenario.technology.personal_share > 0.0
    }

    /// Run one month and record it.
    pub fn step(&mut self) -> MonthRecord {
        let s = self.scenario;
        let month = self.month;
        self.organisations.step(s, month, &mut self.rng);
        let funded = s.funded_in(month);
        let shock = s.levers.shock.active_in(month);
        let groups = s.groups.list.len();
        let org_count = self.organisation_eligible.len();
        let personal_cost = self.personal_cost();

        // Exposure thresholds per organisation, group, and whether the person lapsed.
        let wom = self.word_of_mouth();
        let imitation = s.diffusion.imitation * s.nasss.word_of_mouth_multiplier();
        let referral = if shock { s.levers.shock.referral } else { 1.0 };
        let mut exposure = vec![0u64; org_count * groups * 2];
        for o in 0..org_count {
            let offers = if self.organisations.offers(o) { s.diffusion.innovation * referral } else { 0.0 };
            for g in 0..groups {
                let hazard = offers + s.diffusion.campaign + imitation * wom[g];
                let cell = (o * groups + g) * 2;
                exposure[cell] = rng::threshold(rng::monthly_probability(hazard));
                exposure[cell + 1] = rng::threshold(rng::monthly_probability(hazard * s.diffusion.readoption));
            }
        }

        // Abandonment thresholds per cell and unmet need (skills, cost, access: 3 bits).
        let t = &s.technology;
        let base = t.abandonment * s.nasss.abandonment_multiplier();
        let mut abandonment = vec![0u64; org_count * groups * 8];
        for o in 0..org_count {
            for unmet in 0..8usize {
                let p = if !self.organisations.offers(o) {
                    u64::MAX
                } else {
                    let hazard = base
                        + t.unreviewed_abandonment * (1.0 - self.reviewed_share[o])
                        + if unmet & 1 != 0 { t.unsupported_abandonment } else { 0.0 }
                        + if unmet & 6 != 0 { t.cost_abandonment } else { 0.0 };
                    rng::threshold(rng::monthly_probability(hazard))
                };
                for g in 0..groups {
                    abandonment[(o * groups + g) * 8 + unmet] = p;
                }
            }
        }

        let decisions = self.decisions(funded, shock);
        let cell_offers: Vec<bool> = (0..org_count * groups).map(|c| self.organisations.offers(c / groups)).collect();
        let mut counts = vec![0u32; org_count * groups * STATES];
        let mut grants = vec![[0u32; 3]; groups];
        let people = &mut self.people;
        let rng = &mut self.rng;
        for ((state, flags), &cell) in people.state.iter_mut().zip(people.flags.iter_mut()).zip(&people.cell) {
            let c = cell as usize;
            let now = *state;
            let next = if now == State::Active as u8 {
                let p = abandonment[c * 8 + unmet_needs(*flags, funded, personal_cost)];
                if p != 0 && rng.next_u64() < p {
                    State::Lapsed as u8
                } else {
                    now
                }
            } else {
                let reluctant = now == State::Lapsed as u8 || now == State::Declined as u8;
                let p = exposure[c * 2 + reluctant as usize];
                if p != 0 && rng.next_u64() < p {
                    let offers = cell_offers[c];
                    match offers.then(|| decide(*flags, personal_cost, &decisions[c % groups], rng)).flatten() {
                        Some(granted) => {
                            *flags = (*flags & !GRANTS) | granted;
                            State::Active as u8
                        }
                        None if !offers && now == State::Unaware as u8 => State::Aware as u8,
                        None if offers && now != State::Lapsed as u8 => State::Declined as u8,
                        None => now,
                    }
                } else {
                    now
                }
            };
            *state = next;
            counts[c * STATES + next as usize] += 1;
            if next == State::Active as u8 && funded {
                let f = *flags;
                let g = &mut grants[c % groups];
                g[0] += (f & SUBSIDISED != 0) as u32;
                g[1] += (f & SUPPORTED != 0) as u32;
                g[2] += (f & CONNECTED != 0) as u32;
            }
        }

        self.month += 1;
        let (record, reviewed_share) = self.record(self.month, &counts, &grants);
        self.reviewed_share = reviewed_share;
        let all = record.all();
        self.previous_active_share = std::mem::take(&mut self.active_share);
        self.active_share = record.groups.iter().map(|g| ratio(g.active, g.eligible)).collect();
        self.organisations.judge_supplier(s, ratio(all.active, all.offered));
        let budget = s.levers.funding.budget_per_1000_per_year * s.agents as f64 / 1000.0 / 12.0;
        self.rationing = if budget > 0.0 {
            ((1.0 - all.programme_spend / budget) / (1.0 - RATIONING_START)).clamp(0.0, 1.0)
        } else {
            0.0
        };
        record
    }

    /// Build a month's record from per-(organisation, group, state) counts and per-group funded grants
    /// (subsidised, supported, connected active users), with each organisation's reviewed share, 0 to 1.
    fn record(&self, month: u32, counts: &[u32], grants: &[[u32; 3]]) -> (MonthRecord, Vec<f64>) {
        let s = self.scenario;
        let groups = s.groups.list.len();
        let org_count = self.organisation_eligible.len();
        let funded = month > 0 && s.funded_in(month - 1);
        let t = &s.technology;
        let capacity_share = s.organisations.review_capacity * s.nasss.review_capacity_multiplier();
        let extra = if funded { s.levers.review_capacity } else { 0.0 };
        let mut out: Vec<GroupMonth> =
            self.group_sizes.iter().map(|&n| GroupMonth { eligible: n, ..GroupMonth::default() }).collect();
        let mut extra_reviewed = 0.0;
        let mut reviewed_share = vec![1.0; org_count];
        for o in 0..org_count {
            let active: u32 = (0..groups).map(|g| counts[(o * groups + g) * STATES + State::Active as usize]).sum();
            let baseline = capacity_share * self.organisation_eligible[o] as f64;
            let capacity = baseline * (1.0 + extra);
            let reviewed = (active as f64).min(capacity);
            extra_reviewed += (reviewed - baseline).max(0.0);
            let share = if active > 0 { reviewed / active as f64 } else { 1.0 };
            reviewed_share[o] = share;
            for g in 0..groups {
                let cell = (o * groups + g) * STATES;
                let row = &mut out[g];
                row.unaware += counts[cell + State::Unaware as usize];
                row.aware_not_offered += counts[cell + State::Aware as usize];
                row.declined += counts[cell + State::Declined as usize];
                row.active += counts[cell + State::Active as usize];
                row.abandoned += counts[cell + State::Lapsed as usize];
                row.reviewed += counts[cell + State::Active as usize] as f64 * share;
                if self.organisations.offers(o) {
                    row.offered += counts[cell..cell + STATES].iter().sum::<u32>();
                }
            }
        }
        let all_reviewed: f64 = out.iter().map(|r| r.reviewed).sum();
        let benefit = t.effect * s.nasss.benefit_multiplier();
        for (g, row) in out.iter_mut().enumerate() {
            let need = s.groups.list[g].need / 12.0;
            row.events_avoided = need * benefit * row.reviewed;
            row.events = need * row.eligible as f64 - row.events_avoided;
            row.cost_devices = row.active as f64 * t.device_cost;
            row.cost_support = grants[g][1] as f64 * t.support_cost;
            row.cost_connectivity = grants[g][2] as f64 * t.connectivity_cost;
            row.cost_clinical = row.reviewed * t.review_cost;
            let subsidy = grants[g][0] as f64 * t.device_cost * t.personal_share * s.levers.subsidy.level;
            let extra_review = if all_reviewed > 0.0 { extra_reviewed * row.reviewed / all_reviewed } else { 0.0 };
            row.programme_spend = subsidy + row.cost_support + row.cost_connectivity + extra_review * t.review_cost;
        }
        let states = &self.organisations.state;
        use crate::organisation::OrgState;
        let organisations = OrganisationMonth {
            offering: states.iter().filter(|s| **s == OrgState::Offering).count() as u32,
            procuring: states.iter().filter(|s| matches!(s, OrgState::Procuring { .. })).count() as u32,
            discontinued: states.iter().filter(|s| **s == OrgState::Discontinued).count() as u32,
            ever_offered: self.organisations.ever_offered.iter().filter(|e| **e).count() as u32,
        };
        let record = MonthRecord {
            month,
            funded,
            supplier_active: self.organisations.supplier_active,
            groups: out,
            organisations,
        };
        (record, reviewed_share)
    }
}

/// The three unmet-need bits of an active user: 1 no skills and no support, 2 a personal cost no longer
/// covered, 4 no access and no connectivity. Grants count only while funding lasts.
fn unmet_needs(flags: u8, funded: bool, personal_cost: bool) -> usize {
    let granted = if funded { flags } else { flags & !GRANTS };
    let mut unmet = 0;
    if granted & (HAS_SKILLS | SUPPORTED) == 0 {
        unmet |= 1;
    }
    if personal_cost && granted & (CAN_PAY | SUBSIDISED) == 0 {
        unmet |= 2;
    }
    if granted & (HAS_ACCESS | CONNECTED) == 0 {
        unmet |= 4;
    }
    unmet
}

/// A person exposed to an offer decides: access (or connectivity), skills (or support), cost (or subsidy),
/// then trust. Returns the grants that came with a yes, or `None` for a no.
fn decide(flags: u8, personal_cost: bool, d: &Decision, rng: &mut Rng) -> Option<u8> {
    let mut granted = 0;
    if flags & HAS_ACCESS == 0 {
        if !rng::chance(rng, d.connectivity) {
            return None;
        }
        granted |= CONNECTED;
    }
    if flags & HAS_SKILLS == 0 {
        if rng::chance(rng, d.support) {
            granted |= SUPPORTED;
        } else if !rng::chance(rng, d.unsupported_skill) {
            return None;
        }
    }
    if personal_cost {
        let subsidised = d.subsidy_grant > 0.0 && rng::chance(rng, d.subsidy_grant);
        if subsidised {
            granted |= SUBSIDISED;
        }
        if flags & CAN_PAY == 0 && !(subsidised && rng::chance(rng, d.subsidy_level)) {
            return None;
        }
    }
    rng::chance(rng, d.accept).then_some(granted)
}

fn ratio(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Run one replicate of a validated scenario from month 0 to the horizon. `on_month` is called after
/// each month with the number of months done (for progress).
pub fn run_replicate_with(scenario: &Scenario, replicate: u32, mut on_month: impl FnMut(u32)) -> ReplicateResult {
    let mut model = Model::new(scenario, replicate);
    let mut months = Vec::with_capacity(scenario.months as usize + 1);
    months.push(model.initial_record());
    for m in 0..scenario.months {
        months.push(model.step());
        on_month(m + 1);
    }
    ReplicateResult { replicate, months, organisation_count: scenario.organisations.count }
}

/// Run one replicate of a validated scenario.
pub fn run_replicate(scenario: &Scenario, replicate: u32) -> ReplicateResult {
    run_replicate_with(scenario, replicate, |_| {})
}
