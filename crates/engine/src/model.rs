//! The model: people and organisations stepping through months.
//!
//! A month runs in named phases: **organisations** (take it up, finish procurement, discontinue),
//! **exposure** and **decisions** (who is offered it or hears of it, and what they need to say yes),
//! **abandonment** and **mortality** (the monthly hazards of stopping and of dying), the **people** pass
//! that applies them to every person, and **accounting** (clinical review capacity and the hard budget).
//! Data collection ([`crate::record`]) then only reads what the phases left. The rules are described in
//! docs/model.md; the NASSS mapping lives in [`crate::nasss`].

use rand::RngCore;

use crate::budget::{BudgetMonth, Demand};
use crate::nasss::Draws;
use crate::offers::{Barrier, Offers};
use crate::organisation::Organisations;
use crate::population::{
    self, draw_traits, People, State, ACTIVE_AT_FUNDING_END, CAN_PAY, CONNECTED, GRANTS, HAS_ACCESS, HAS_SKILLS,
    STATES, SUBSIDISED, SUPPORTED,
};
use crate::record::{self, MonthRecord, ReplicateResult};
use crate::rng::{self, Rng};
use crate::scenario::{Scenario, Targeting};
use crate::skip::Skipper;
use crate::spells::{SpellEnd, Spells};

/// Mixed into the seed of the cohort stream.
const COHORT_STREAM: u64 = 0xC0_4087_D1E5;

/// Mixed into the seed of the organisations' monthly stream.
const ORGANISATION_STREAM: u64 = 0x0_4647_5354_2EA3;

/// Mixed into the seed of the stream that draws complex NASSS domains' factors.
const NASSS_STREAM: u64 = 0x4A55_5C0B;

/// What one group's members face when they decide this month: probabilities, 0 to 1.
#[derive(Clone, Copy, Debug, Default)]
struct Decision {
    /// The technology needs home internet and digital skills (else those gates are skipped).
    needs_access: bool,
    needs_skills: bool,
    connectivity: f64,
    support: f64,
    unsupported_skill: f64,
    subsidy_grant: f64,
    subsidy_level: f64,
    /// The subsidy goes only to people who cannot pay.
    means_tested: bool,
    accept: f64,
}

/// What the people pass counted this month.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    /// People at the end of the month, `[cell * STATES + state]`.
    pub counts: Vec<u32>,
    /// Deaths, per cell.
    pub deaths: Vec<u32>,
    /// Incident cases, and of them after a discharge, per group.
    pub entrants: Vec<[u32; 2]>,
    /// Active users holding each grant (subsidy, support, connectivity) while funded, per cell.
    pub grants: Vec<[u32; 3]>,
    /// People active when funding ended: alive, and active now, per cell.
    pub funding_end_users: Vec<[u32; 2]>,
}

impl Tally {
    /// Count a person of cell `c` as moved from `state[0]` with `flags[0]` to `state[1]` with `flags[1]`
    /// (after a death: the one who died to the incident case); `held` is the number of active users
    /// holding each grant, per cell.
    fn move_person(&mut self, c: usize, state: [u8; 2], flags: [u8; 2], held: &mut [[u32; 3]]) {
        self.counts[c * STATES + state[0] as usize] -= 1;
        self.counts[c * STATES + state[1] as usize] += 1;
        self.follow(c, state[0], flags[0], held, false);
        self.follow(c, state[1], flags[1], held, true);
    }

    /// Add (`arriving`) or remove a person's share of the grant and funding-end counts.
    fn follow(&mut self, c: usize, state: u8, flags: u8, held: &mut [[u32; 3]], arriving: bool) {
        let change = |x: &mut u32| *x = if arriving { *x + 1 } else { *x - 1 };
        let active = state == State::Active as u8;
        if active {
            for (k, grant) in [SUBSIDISED, SUPPORTED, CONNECTED].into_iter().enumerate() {
                if flags & grant != 0 {
                    change(&mut held[c][k]);
                }
            }
        }
        if flags & ACTIVE_AT_FUNDING_END != 0 {
            change(&mut self.funding_end_users[c][0]);
            if active {
                change(&mut self.funding_end_users[c][1]);
            }
        }
    }

    fn new(cells: usize, groups: usize) -> Tally {
        Tally {
            counts: vec![0; cells * STATES],
            deaths: vec![0; cells],
            entrants: vec![[0; 2]; groups],
            grants: vec![[0; 3]; cells],
            funding_end_users: vec![[0; 2]; cells],
        }
    }
}

/// What the accounting phase worked out this month.
#[derive(Clone, Debug, Default)]
pub struct Accounts {
    /// Active users whose data was reviewed (expected), per group.
    pub reviewed: Vec<f64>,
    /// Deaths avoided by reviewed monitoring (expected), per group.
    pub deaths_avoided: Vec<f64>,
    /// Programme spend, GBP, per group: `[subsidy, support, connectivity, extra review]`.
    pub spend: Vec<[f64; 4]>,
    /// The budget's month.
    pub budget: BudgetMonth,
}

/// One replicate's running model.
pub struct Model<'a> {
    scenario: &'a Scenario,
    people: People,
    organisations: Organisations,
    rng: Rng,
    /// A separate stream for deaths and the incident cases replacing them, so that two runs of the same
    /// seed see the same deaths and entrants whatever else differs (common random numbers).
    cohort_rng: Rng,
    /// A separate stream for organisations' monthly changes (taking it up, procurement, discontinuing), so
    /// that a change to people's levers leaves organisations' draws as they were (common random numbers).
    organisation_rng: Rng,
    month: u32,
    groups: usize,
    group_sizes: Vec<u32>,
    /// Eligible people registered with each organisation.
    organisation_eligible: Vec<u32>,
    /// Active share of each group at the end of the last month and the month before, 0 to 1.
    active_share: Vec<f64>,
    previous_active_share: Vec<f64>,
    /// Share of each organisation's active users whose data was reviewed last month, 0 to 1.
    reviewed_share: Vec<f64>,
    /// Share of every lever's demand the budget paid last month, 0 to 1.
    paid_share: f64,
    spells: Spells,
    /// First offers and their outcome (for calibration targets).
    offers: Offers,
    /// The month's tallies; counts of people, of active users holding each grant and of people followed
    /// since funding ended are kept up to date as people change (see [`Tally::move_person`]).
    tally: Tally,
    /// Active users holding each grant (subsidy, support, connectivity), per cell, funded or not.
    held_grants: Vec<[u32; 3]>,
    accounts: Accounts,
    /// This replicate's factors for complex NASSS domains (person-level rates).
    draws: Draws,
}

impl<'a> Model<'a> {
    /// Set up replicate `replicate` of a validated scenario.
    pub fn new(scenario: &'a Scenario, replicate: u32) -> Model<'a> {
        let mut rng = rng::replicate_rng(scenario.seed, replicate);
        let mut organisations = Organisations::new(scenario, &mut rng);
        let mut nasss_rng = rng::replicate_rng(rng::mix(scenario.seed ^ NASSS_STREAM), replicate);
        let draws = Draws::draw(&scenario.nasss, &mut nasss_rng);
        organisations.draws =
            (0..scenario.organisations.count).map(|_| Draws::draw(&scenario.nasss, &mut nasss_rng)).collect();
        let groups = scenario.groups.list.len();
        let homes = organisations.home_organisations(groups);
        let people = People::new(scenario, &homes, &mut rng);
        let org_count = scenario.organisations.count as usize;
        let mut organisation_eligible = vec![0u32; org_count];
        for i in 0..people.len() {
            organisation_eligible[people.organisation(i)] += 1;
        }
        let mut tally = Tally::new(org_count * groups, groups);
        let mut held_grants = vec![[0; 3]; org_count * groups];
        for ((&cell, &state), &flags) in people.cell.iter().zip(&people.state).zip(&people.flags) {
            tally.counts[cell as usize * STATES + state as usize] += 1;
            tally.follow(cell as usize, state, flags, &mut held_grants, true);
        }
        Model {
            scenario,
            people,
            organisations,
            rng,
            cohort_rng: rng::replicate_rng(rng::mix(scenario.seed ^ COHORT_STREAM), replicate),
            organisation_rng: rng::replicate_rng(rng::mix(scenario.seed ^ ORGANISATION_STREAM), replicate),
            month: 0,
            groups,
            group_sizes: population::group_sizes(scenario),
            organisation_eligible,
            held_grants,
            active_share: vec![0.0; groups],
            previous_active_share: vec![0.0; groups],
            reviewed_share: vec![1.0; org_count],
            paid_share: 1.0,
            spells: Spells::new(groups, scenario.months),
            offers: Offers::new(groups),
            tally,
            accounts: Accounts {
                reviewed: vec![0.0; groups],
                deaths_avoided: vec![0.0; groups],
                spend: vec![[0.0; 4]; groups],
                budget: BudgetMonth { paid_share: 1.0, ..BudgetMonth::default() },
            },
            draws,
        }
    }

    /// The starting state, recorded as month 0.
    pub fn initial_record(&self) -> MonthRecord {
        self.view(0, false).collect()
    }

    fn view(&self, month: u32, funded: bool) -> record::View<'_> {
        record::View {
            scenario: self.scenario,
            month,
            funded,
            group_sizes: &self.group_sizes,
            tally: &self.tally,
            accounts: &self.accounts,
            organisations: &self.organisations,
            draws: &self.draws,
        }
    }

    /// Run one month and record it.
    pub fn step(&mut self) -> MonthRecord {
        let s = self.scenario;
        let month = self.month;
        let weighing = self.organisations_weighing();
        self.organisations.step(s, month, &weighing, &mut self.organisation_rng);
        let funded = s.funded_in(month);
        let shock = s.levers.shock.active_in(month);
        if s.funding_end_month() == Some(month) {
            self.mark_funding_end();
        }
        let wom = self.word_of_mouth();
        let exposure = self.exposure(shock, &wom);
        let decisions = self.decisions(funded, shock, &wom);
        let abandonment = self.abandonment(funded);
        let mortality = self.mortality();
        self.people_pass(funded, &exposure, &decisions, &abandonment, &mortality);
        self.accounting(funded);

        self.month += 1;
        let record = self.view(self.month, funded).collect();
        let all = record.all();
        self.previous_active_share = std::mem::take(&mut self.active_share);
        self.active_share = record.groups.iter().map(|g| ratio(g.active, g.eligible)).collect();
        self.organisations.judge_supplier(s, ratio(all.active, all.offered));
        record
    }

    /// What each organisation weighs (section 3.3.9 of docs/model.md): its net cost per user-year (the
    /// service cost users do not pay and clinical review of the share it reviews, less what it counts for
    /// the events avoided among reviewed users of its list's need) and last month's reviewed share.
    fn organisations_weighing(&self) -> Vec<[f64; 2]> {
        let s = self.scenario;
        let (o, t) = (&s.organisations, &s.technology);
        let benefit = t.effect * s.nasss.benefit_multiplier_in(&self.draws) * o.value_per_event;
        let unreimbursed = 1.0 - s.nasss.reimbursed_share();
        let groups = self.groups;
        (0..self.organisation_eligible.len())
            .map(|k| {
                let r = self.reviewed_share[k];
                let mut need = 0.0;
                for (g, group) in s.groups.list.iter().enumerate() {
                    let c = k * groups + g;
                    need += self.tally.counts[c * STATES..(c + 1) * STATES].iter().sum::<u32>() as f64 * group.need;
                }
                let need = need / self.organisation_eligible[k].max(1) as f64;
                let own = 12.0 * (t.device_cost * (1.0 - t.personal_share) + t.review_cost * r) * unreimbursed;
                let net = own - benefit * need * r;
                crate::organisation::decision_factors(o.cost_weight, net, r)
            })
            .collect()
    }

    /// Everyone recorded after the last month: the spells of use, and the first offers with use at the
    /// horizon by the home group of each person's practice.
    pub fn into_spells_and_offers(mut self) -> (Spells, Offers) {
        for (&cell, &state) in self.people.cell.iter().zip(&self.people.state) {
            let home = self.organisations.home_group[cell as usize / self.groups] as usize;
            let ever = [State::Active, State::Lapsed, State::Withdrawn].iter().any(|s| *s as u8 == state);
            self.offers.count_at_horizon(home, ever);
        }
        (self.spells, self.offers)
    }

    /// Mark the people active when funding ends (sustainability follows them), and count them.
    fn mark_funding_end(&mut self) {
        let followed = &mut self.tally.funding_end_users;
        followed.fill([0; 2]);
        for ((flags, &state), &cell) in self.people.flags.iter_mut().zip(&self.people.state).zip(&self.people.cell) {
            let active = (state == State::Active as u8) as u8;
            *flags = (*flags & !ACTIVE_AT_FUNDING_END) | (active * ACTIVE_AT_FUNDING_END);
            followed[cell as usize][0] += u32::from(active);
            followed[cell as usize][1] += u32::from(active);
        }
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

    /// Exposure phase: thresholds per cell for [first-time, reluctant] people (declined or abandoned
    /// before), from offers, campaigns and word of mouth.
    fn exposure(&self, shock: bool, wom: &[f64]) -> Vec<[u64; 2]> {
        let s = self.scenario;
        let imitation = s.diffusion.imitation * s.nasss.word_of_mouth_multiplier_in(&self.draws);
        let referral = if shock { s.levers.shock.referral } else { 1.0 };
        let mut exposure = Vec::with_capacity(self.organisation_eligible.len() * self.groups);
        for o in 0..self.organisation_eligible.len() {
            let offers = if self.organisations.offers(o) { s.diffusion.innovation * referral } else { 0.0 };
            for w in wom {
                let hazard = offers + s.diffusion.campaign + imitation * w;
                exposure.push([
                    rng::threshold(rng::monthly_probability(hazard)),
                    rng::threshold(rng::monthly_probability(hazard * s.diffusion.readoption)),
                ]);
            }
        }
        exposure
    }

    /// The level of `lever` for group `g` this month, 0 to 1 (0 when unfunded or not aimed at the group).
    fn lever_reach(&self, lever: &Targeting, g: usize, funded: bool) -> f64 {
        if funded {
            lever.level_for(&self.scenario.groups.list[g].name)
        } else {
            0.0
        }
    }

    /// Decisions phase: what each group's members face when exposed. New grants are given with the share
    /// of demand the budget paid last month. Acceptance rises with word of mouth `wom` (peer endorsement):
    /// a + (1 - a) x endorsement x M_wom x W_g.
    fn decisions(&self, funded: bool, shock: bool, wom: &[f64]) -> Vec<Decision> {
        let s = self.scenario;
        let l = &s.levers;
        let shock_acceptance = if shock { l.shock.acceptance } else { 1.0 };
        let paid = self.paid_share;
        let endorsement = s.diffusion.endorsement * s.nasss.word_of_mouth_multiplier_in(&self.draws);
        (0..self.groups)
            .map(|g| {
                let alone = (s.groups.list[g].trust * s.nasss.acceptance_multiplier_in(&self.draws) * shock_acceptance)
                    .min(1.0);
                Decision {
                    needs_access: s.technology.needs_home_internet,
                    needs_skills: s.technology.needs_digital_skills,
                    connectivity: self.lever_reach(&l.connectivity, g, funded) * paid,
                    support: self.lever_reach(&l.support, g, funded) * paid,
                    unsupported_skill: s.nasss.unsupported_skill_acceptance_in(&self.draws),
                    subsidy_grant: if self.lever_reach(&l.subsidy, g, funded) > 0.0 { paid } else { 0.0 },
                    subsidy_level: self.lever_reach(&l.subsidy, g, funded),
                    means_tested: l.subsidy.means_tested,
                    accept: (alone + (1.0 - alone) * (endorsement * wom[g]).min(1.0)).clamp(0.0, 1.0),
                }
            })
            .collect()
    }

    fn personal_cost(&self) -> bool {
        self.scenario.technology.device_cost * self.scenario.technology.personal_share > 0.0
    }

    /// Abandonment phase: thresholds per organisation and need index (see [`need_index`]). A need met by a
    /// grant is unmet with the probability that the budget did not pay last month (always, once funding
    /// has ended).
    fn abandonment(&self, funded: bool) -> Vec<[u64; 64]> {
        let s = self.scenario;
        let t = &s.technology;
        let base = t.abandonment * s.nasss.abandonment_multiplier_in(&self.draws);
        // A passive device's user expects no feedback, so unreviewed data does not drive them away.
        let unreviewed_hazard = if t.active_use { t.unreviewed_abandonment } else { 0.0 };
        let lapse = if funded { 1.0 - self.paid_share } else { 1.0 };
        let mut by_index = [0.0f64; 64];
        for (index, hazard) in by_index.iter_mut().enumerate() {
            let (uncovered, granted) = (index & 7, index >> 3);
            let unmet = |k: usize| {
                if uncovered & (1 << k) != 0 {
                    1.0
                } else if granted & (1 << k) != 0 {
                    lapse
                } else {
                    0.0
                }
            };
            let cost_or_access = 1.0 - (1.0 - unmet(1)) * (1.0 - unmet(2));
            *hazard = unmet(0) * t.unsupported_abandonment + cost_or_access * t.cost_abandonment;
        }
        // Organisations with the same reviewed share (all of them while review keeps up) share one table:
        // 64 `expm1`s per organisation and month were a quarter of a default replicate's time.
        let mut made: Vec<(u64, [u64; 64])> = Vec::new();
        (0..self.organisation_eligible.len())
            .map(|o| {
                let unreviewed = unreviewed_hazard * (1.0 - self.reviewed_share[o]);
                let key = unreviewed.to_bits();
                if let Some((_, table)) = made.iter().find(|(k, _)| *k == key) {
                    return *table;
                }
                let table = by_index.map(|extra| rng::threshold(rng::monthly_probability(base + unreviewed + extra)));
                if made.len() < 8 {
                    made.push((key, table));
                }
                table
            })
            .collect()
    }

    /// Mortality phase: death thresholds per cell for [not using it, using it]; reviewed monitoring lowers
    /// the hazard by the mortality effect, in proportion to the organisation's reviewed share.
    fn mortality(&self) -> Vec<[u64; 2]> {
        let s = self.scenario;
        let effect = s.technology.mortality_effect * s.nasss.benefit_multiplier_in(&self.draws);
        let mut out = Vec::with_capacity(self.organisation_eligible.len() * self.groups);
        for o in 0..self.organisation_eligible.len() {
            for g in &s.groups.list {
                let reduced = g.mortality * (1.0 - effect * self.reviewed_share[o]);
                out.push([
                    rng::threshold(rng::monthly_probability(g.mortality)),
                    rng::threshold(rng::monthly_probability(reduced)),
                ]);
            }
        }
        out
    }

    /// The people pass: each person may die (and be replaced by an incident case), stop (abandon, or be
    /// withdrawn from a service no longer offered), or be exposed and decide.
    ///
    /// Trials are sampled by geometric skipping ([`Skipper`]): one for dying (everyone, cohort stream), one
    /// for abandoning (active people whose organisation offers it) and one for exposure (everyone else),
    /// so the pass over a person who does not change reads only their state byte (and their cell while some
    /// organisation does not offer it). The tallies are kept up to date on every change instead of being
    /// counted afresh.
    fn people_pass(
        &mut self,
        funded: bool,
        exposure: &[[u64; 2]],
        decisions: &[Decision],
        abandonment: &[[u64; 64]],
        mortality: &[[u64; 2]],
    ) {
        let s = self.scenario;
        let month = self.month;
        let groups = self.groups;
        let personal_cost = self.personal_cost();
        let needs = need_table(personal_cost, &s.technology);
        let discharge = rng::threshold(s.cohort.discharge_share);
        let cells = self.organisation_eligible.len() * groups;
        let cell_offers: Vec<bool> = (0..cells).map(|c| self.organisations.offers(c / groups)).collect();
        // Active users where it is no longer offered are withdrawn this month; none: an active person is
        // always in a cell that offers it, and quiet runs can be skipped by state alone.
        let withdrawals_due =
            (0..cells).any(|c| !cell_offers[c] && self.tally.counts[c * STATES + State::Active as usize] > 0);
        let ceiling = |t: &[u64]| t.iter().copied().max().unwrap_or(0);
        let rng = &mut self.rng;
        let cohort_rng = &mut self.cohort_rng;
        let mut dying = Skipper::new(ceiling(mortality.as_flattened()), cohort_rng);
        let mut stopping = Skipper::new(ceiling(abandonment.as_flattened()), rng);
        let mut exposed = Skipper::new(ceiling(exposure.as_flattened()), rng);
        let tally = &mut self.tally;
        tally.deaths.fill(0);
        tally.entrants.fill([0; 2]);
        let held = &mut self.held_grants;
        let spells = &mut self.spells;
        let offers_tally = &mut self.offers;
        let People { state, flags, start, cell, .. } = &mut self.people;
        let n = state.len();
        let (flags, start, cell) = (&mut flags[..n], &mut start[..n], &cell[..n]);
        // With one cell (the Bass limit) a person's cell is known without reading it.
        let cell_of = |i: usize| if cells == 1 { 0 } else { cell[i] as usize };
        let mut i = 0;
        while i < n {
            // Skip the people to whom nothing can happen (the bulk of the pass), up to the next dying candidate.
            let until = n.min(i.saturating_add(usize::try_from(dying.left()).unwrap_or(usize::MAX)));
            let offered = |j: usize| cell_offers[cell_of(i + j)];
            let quiet =
                quiet_run(&state[i..until], &mut stopping, &mut exposed, withdrawals_due.then_some(&offered as _));
            dying.skip(quiet as u64);
            i += quiet;
            if i == n {
                break;
            }
            let state = &mut state[i];
            let old = *state;
            let mut now = old;
            // Dying: a candidate is kept with its own hazard (cohort stream), then replaced.
            let mut entrant = None;
            if dying.step(true) {
                dying.restart(cohort_rng);
                let c = cell_of(i);
                let active = old == State::Active as u8;
                if dying.keep(mortality[c][active as usize], cohort_rng) {
                    let g = c % groups;
                    tally.deaths[c] += 1;
                    if active {
                        spells.end(g, u32::from(start[i]), month, SpellEnd::Died);
                    }
                    let discharged = cohort_rng.next_u64() < discharge;
                    entrant = Some((draw_traits(&s.groups.list[g], cohort_rng), discharged));
                    now = State::Unaware as u8;
                    tally.entrants[g][0] += 1;
                    tally.entrants[g][1] += discharged as u32;
                }
            }
            let active = now == State::Active as u8;
            let c = cell_of(i);
            let offers = cell_offers[c];
            // An incident case after a discharge is exposed at once where it is offered: no trial.
            let certain = offers && entrant.is_some_and(|(_, discharged)| discharged);
            let stops = stopping.step(active & offers);
            let hears = exposed.step(!active & !certain);
            if !(stops | hears | certain | entrant.is_some() | (active & !offers)) {
                i += 1;
                continue;
            }

            // Something may happen to this person: the rare path.
            let g = c % groups;
            let old_flags = flags[i];
            // The start month is read only where a spell ends and written only where it changes.
            let (mut f, mut first) = match entrant {
                Some((traits, _)) => (traits, Some(0)),
                None => (old_flags, None),
            };
            let next = if active {
                if !offers {
                    spells.end(g, u32::from(start[i]), month, SpellEnd::Withdrawn);
                    State::Withdrawn as u8
                } else if stops && {
                    stopping.restart(rng);
                    stopping.keep(abandonment[c / groups][needs[f as usize] as usize], rng)
                } {
                    spells.end(g, u32::from(start[i]), month, SpellEnd::Abandoned);
                    State::Lapsed as u8
                } else {
                    now
                }
            } else if certain
                || hears && {
                    exposed.restart(rng);
                    let reluctant = now == State::Lapsed as u8 || now == State::Declined as u8;
                    exposed.keep(exposure[c][reluctant as usize], rng)
                }
            {
                let decision = offers.then(|| decide(f, personal_cost, &decisions[g], rng));
                if let Some(d) = decision {
                    if now == State::Unaware as u8 || now == State::Aware as u8 {
                        offers_tally.record(g, d.err(), f & HAS_ACCESS == 0, f & HAS_SKILLS == 0);
                    }
                }
                match decision.and_then(Result::ok) {
                    Some(granted) => {
                        f = (f & !GRANTS) | granted;
                        first = Some(month as u16);
                        spells.start(g, month);
                        State::Active as u8
                    }
                    None if !offers && now == State::Unaware as u8 => State::Aware as u8,
                    None if offers && (now == State::Unaware as u8 || now == State::Aware as u8) => {
                        State::Declined as u8
                    }
                    None => now,
                }
            } else {
                now
            };
            if next != old || entrant.is_some() {
                tally.move_person(c, [old, next], [old_flags, f], held);
            }
            *state = next;
            flags[i] = f;
            if let Some(first) = first {
                start[i] = first;
            }
            i += 1;
        }
        let zero = [0; 3];
        for (shown, &h) in tally.grants.iter_mut().zip(held.iter()) {
            *shown = if funded { h } else { zero };
        }
    }

    /// Accounting phase: clinical review (each organisation reviews its active users up to its capacity,
    /// plus the extra capacity the budget pays for), then the hard budget over every programme cost.
    ///
    /// Capacity is a share of a real organisation's list (clinician hours × 60 / minutes per user / list
    /// size), so a simulated organisation stands for a real one whatever the number of agents. Its active
    /// share is estimated from its own simulated list shrunk towards what its group mix predicts (each
    /// group's active share among people whose organisation offers it), the simulated list weighing its
    /// size and the prediction the weight of [`PREDICTION_LISTS`] real lists: with few agents a simulated
    /// list is small and noisy, and a capacity limit applied to noise would review fewer users than real
    /// practices do.
    fn accounting(&mut self, funded: bool) {
        let s = self.scenario;
        let t = &s.technology;
        let groups = self.groups;
        let orgs = self.organisation_eligible.len();
        let capacity_of =
            |o: usize| s.review_capacity_share() * s.nasss.review_capacity_multiplier_in(&self.organisations.draws[o]);
        let extra = if funded { s.levers.review_capacity } else { 0.0 };
        let counts = &self.tally.counts;
        let active = |o: usize, g: usize| counts[(o * groups + g) * STATES + State::Active as usize];
        let cell_size = |c: usize| counts[c * STATES..(c + 1) * STATES].iter().sum::<u32>();

        // Each group's active share where it is offered: the prediction a small list is shrunk towards.
        let mut pooled = vec![[0u32; 2]; groups];
        for o in (0..orgs).filter(|&o| self.organisations.offers(o)) {
            for (g, p) in pooled.iter_mut().enumerate() {
                p[0] += active(o, g);
                p[1] += cell_size(o * groups + g);
            }
        }
        let pooled: Vec<f64> = pooled.iter().map(|p| ratio(p[0], p[1])).collect();
        let weight = PREDICTION_LISTS * s.organisations.list_size;

        let subsidy_level: Vec<f64> = s.groups.list.iter().map(|g| s.levers.subsidy.level_for(&g.name)).collect();
        // Per organisation: reviewed by baseline capacity and extra capacity used, as shares of its list.
        let mut demand = vec![[0.0f64; 4]; groups];
        let mut baseline_reviewed = vec![0.0f64; orgs];
        let mut extra_used = vec![0.0f64; orgs];
        for (o, &eligible) in self.organisation_eligible.iter().enumerate() {
            let users: u32 = (0..groups).map(|g| active(o, g)).sum();
            let capacity = capacity_of(o);
            if users > 0 && capacity.is_finite() {
                let predicted: f64 = (0..groups).map(|g| cell_size(o * groups + g) as f64 * pooled[g]).sum();
                let share = (users as f64 + predicted / eligible as f64 * weight) / (eligible as f64 + weight);
                baseline_reviewed[o] = share.min(capacity) / share;
                extra_used[o] = (share - capacity).clamp(0.0, capacity * extra) / share;
            } else {
                baseline_reviewed[o] = 1.0;
            }
            for (g, d) in demand.iter_mut().enumerate() {
                let grants = self.tally.grants[o * groups + g];
                d[0] += grants[0] as f64 * t.device_cost * t.personal_share * subsidy_level[g];
                d[1] += grants[1] as f64 * t.support_cost;
                d[2] += grants[2] as f64 * t.connectivity_cost;
                d[3] += extra_used[o] * active(o, g) as f64 * t.review_cost;
            }
        }
        let total = |k: usize| demand.iter().map(|d| d[k]).sum::<f64>();
        let lever_demand =
            Demand { subsidy: total(0), support: total(1), connectivity: total(2), review_capacity: total(3) };
        let budget =
            if funded { s.levers.funding.budget_per_1000_per_year * s.agents as f64 / 1000.0 / 12.0 } else { 0.0 };
        let month = BudgetMonth::ration(budget, lever_demand);
        let paid = month.paid_share;
        let scale = if month.demand > 0.0 { month.spend() / month.demand } else { 0.0 };

        let death_effect = t.mortality_effect * s.nasss.benefit_multiplier_in(&self.draws);
        let mut reviewed = vec![0.0; groups];
        let mut deaths_avoided = vec![0.0; groups];
        for o in 0..orgs {
            let share = baseline_reviewed[o] + paid * extra_used[o];
            self.reviewed_share[o] = share;
            for g in 0..groups {
                let r = active(o, g) as f64 * share;
                reviewed[g] += r;
                deaths_avoided[g] += r * rng::monthly_probability(s.groups.list[g].mortality) * death_effect;
            }
        }
        self.paid_share = paid;
        self.accounts = Accounts {
            reviewed,
            deaths_avoided,
            spend: demand.iter().map(|d| d.map(|x| x * scale)).collect(),
            budget: month,
        };
    }
}

/// Weight of the group-mix prediction of an organisation's active share, in real lists (`list_size`
/// people each), when review capacity is applied. Measured in `capacity-bottleneck` (60 months): with the
/// weight of 1 list, events avoided per 1,000 were 1.86 (± 0.08) at 1,000 agents against 2.26 (± 0.24) at
/// 100,000; with 30 lists 2.09 (± 0.10) against 2.25 (± 0.27), and 100,000 agents barely move (their own
/// lists are large). The agent-count test in `tests/agent_count.rs` holds it.
pub const PREDICTION_LISTS: f64 = 30.0;

/// People counted in quiet runs' whole blocks (a multiple of every SIMD width).
const BLOCK: usize = 64;

/// How many people from the start of `state` nothing can happen to (nobody who dies is among them: the
/// caller stops the slice at the next dying candidate): no candidate to stop (an active person), none to be
/// exposed (anyone else), and no active person where it is not `offered` (by index in `state`; `None`: every
/// active person's organisation offers it). Counts their trials off both skippers. Whole blocks are counted
/// at once when `offered` is `None`.
#[inline(always)]
fn quiet_run(
    state: &[u8],
    stopping: &mut Skipper,
    exposed: &mut Skipper,
    offered: Option<&dyn Fn(usize) -> bool>,
) -> usize {
    const ACTIVE: u8 = State::Active as u8;
    let (mut stop_left, mut expose_left) = (stopping.left(), exposed.left());
    let mut j = 0;
    if offered.is_none() {
        for block in state.chunks_exact(BLOCK) {
            let active = block.iter().map(|&s| u64::from(s == ACTIVE)).sum::<u64>();
            let other = BLOCK as u64 - active;
            if active > stop_left || other > expose_left {
                break;
            }
            stop_left -= active;
            expose_left -= other;
            j += BLOCK;
        }
    }
    while j < state.len() {
        if state[j] == ACTIVE {
            if stop_left == 0 || offered.is_some_and(|offered| !offered(j)) {
                break;
            }
            stop_left -= 1;
        } else {
            if expose_left == 0 {
                break;
            }
            expose_left -= 1;
        }
        j += 1;
    }
    stopping.skip(stopping.left() - stop_left);
    exposed.skip(exposed.left() - expose_left);
    j
}

/// For each flags byte, the index of its abandonment threshold: bits 0-2 say which needs (skills, cost,
/// access) nothing covers, bits 3-5 which a grant covers. A need the technology does not have (no personal
/// cost, no home internet or digital skills needed) is never unmet.
fn need_table(personal_cost: bool, t: &crate::scenario::Technology) -> [u8; 256] {
    let needed = [t.needs_digital_skills, personal_cost, t.needs_home_internet];
    let mut table = [0u8; 256];
    for (flags, index) in table.iter_mut().enumerate() {
        let f = flags as u8;
        let mut i = 0u8;
        for (k, (own, grant)) in
            [(HAS_SKILLS, SUPPORTED), (CAN_PAY, SUBSIDISED), (HAS_ACCESS, CONNECTED)].iter().enumerate()
        {
            if !needed[k] || f & own != 0 {
                continue;
            }
            i |= if f & grant != 0 { 8 << k } else { 1 << k };
        }
        *index = i;
    }
    table
}

/// A person exposed to an offer decides: access (or connectivity), skills (or support), cost (or subsidy),
/// then trust; a gate the technology does not need is skipped. Returns the grants that came with a yes, or
/// the barrier at which they said no.
fn decide(flags: u8, personal_cost: bool, d: &Decision, rng: &mut Rng) -> Result<u8, Barrier> {
    let mut granted = 0;
    if d.needs_access && flags & HAS_ACCESS == 0 {
        if !rng::chance(rng, d.connectivity) {
            return Err(Barrier::Access);
        }
        granted |= CONNECTED;
    }
    if d.needs_skills && flags & HAS_SKILLS == 0 {
        if rng::chance(rng, d.support) {
            granted |= SUPPORTED;
        } else if !rng::chance(rng, d.unsupported_skill) {
            return Err(Barrier::Skills);
        }
    }
    if personal_cost {
        let eligible = !d.means_tested || flags & CAN_PAY == 0;
        let subsidised = eligible && d.subsidy_grant > 0.0 && rng::chance(rng, d.subsidy_grant);
        if subsidised {
            granted |= SUBSIDISED;
        }
        if flags & CAN_PAY == 0 && !(subsidised && rng::chance(rng, d.subsidy_level)) {
            return Err(Barrier::Cost);
        }
    }
    if rng::chance(rng, d.accept) {
        Ok(granted)
    } else {
        Err(Barrier::Trust)
    }
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
    let (spells, offers) = model.into_spells_and_offers();
    ReplicateResult { replicate, months, organisation_count: scenario.organisations.count, spells, offers }
}

/// Run one replicate of a validated scenario.
pub fn run_replicate(scenario: &Scenario, replicate: u32) -> ReplicateResult {
    run_replicate_with(scenario, replicate, |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    /// The tallies counted afresh from the people: counts by cell and state, people followed since funding
    /// ended (alive, active), and active users holding each grant.
    fn recount(model: &Model) -> (Vec<u32>, Vec<[u32; 2]>, Vec<[u32; 3]>) {
        let cells = model.organisation_eligible.len() * model.groups;
        let (mut counts, mut followed, mut held) = (vec![0; cells * STATES], vec![[0; 2]; cells], vec![[0; 3]; cells]);
        let p = &model.people;
        for i in 0..p.len() {
            let (c, state, flags) = (p.cell[i] as usize, p.state[i], p.flags[i]);
            let active = state == State::Active as u8;
            counts[c * STATES + state as usize] += 1;
            if flags & ACTIVE_AT_FUNDING_END != 0 {
                followed[c][0] += 1;
                followed[c][1] += active as u32;
            }
            for (k, grant) in [SUBSIDISED, SUPPORTED, CONNECTED].into_iter().enumerate() {
                held[c][k] += (active && flags & grant != 0) as u32;
            }
        }
        (counts, followed, held)
    }

    #[test]
    fn tallies_kept_up_to_date_match_a_fresh_count_every_month() {
        // Deaths and discharges (all), funding ending (pilot-ends), organisations withdrawing the service
        // (assistive technology's discontinuation), grants under rationing (targeted-support).
        for name in ["heart-monitoring", "pilot-ends", "targeted-support", "assistive-tech-social-care"] {
            let mut s = presets::preset(name).unwrap().scenario;
            s.agents = 3_000;
            s.months = 72;
            let mut model = Model::new(&s, 0);
            let (mut deaths, mut withdrawn, mut followed_months, mut granted_months) = (0, 0, 0, 0);
            for m in 0..s.months {
                let funded = s.funded_in(m);
                let record = model.step();
                let (counts, followed, held) = recount(&model);
                assert_eq!(model.tally.counts, counts, "{name}, month {m}: counts");
                assert_eq!(model.tally.funding_end_users, followed, "{name}, month {m}: followed");
                assert_eq!(model.held_grants, held, "{name}, month {m}: grants held");
                let shown: Vec<[u32; 3]> = held.iter().map(|&h| if funded { h } else { [0; 3] }).collect();
                assert_eq!(model.tally.grants, shown, "{name}, month {m}: grants shown");
                deaths += record.groups.iter().map(|g| g.deaths).sum::<u32>();
                withdrawn += record.groups.iter().map(|g| g.withdrawn).sum::<u32>();
                followed_months += followed.iter().any(|f| f[0] > 0) as u32;
                granted_months += held.iter().any(|h| h.iter().any(|&x| x > 0)) as u32;
            }
            assert!(deaths > 0, "{name}: the test saw no death");
            if name == "pilot-ends" {
                assert!(followed_months > 0, "{name}: nobody was followed after funding ended");
            }
            if name == "assistive-tech-social-care" {
                assert!(withdrawn > 0, "{name}: no withdrawal");
            }
            if name == "targeted-support" {
                assert!(granted_months > 0, "{name}: no grant held");
            }
        }
    }
}
