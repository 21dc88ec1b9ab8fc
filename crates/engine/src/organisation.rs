//! Organisations (general practices, provider sites, councils): taking the programme up (spread),
//! procurement, discontinuing it (sustainability), and the supplier behind them.

use crate::rng::{self, Rng};
use crate::scenario::Scenario;

/// Where an organisation stands with the programme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgState {
    /// Has never taken it up.
    NotOffering,
    /// Decided to take it up; offers it from the given month (0-based), after procurement and governance.
    Procuring { ready_month: u32 },
    /// Offers it to its eligible people.
    Offering,
    /// Offered it and stopped.
    Discontinued,
}

/// What an organisation's own net cost and spare capacity do to its decisions: `[adoption factor,
/// discontinuation factor]`. `net_cost` is GBP per user-year (negative when the benefit it counts exceeds
/// its cost); `reviewed` the share of its users' data it reviewed last month, 0 to 1 (1 with spare capacity).
/// Adoption: exp(-w max(net cost, 0) / 1,000). Discontinuation: exp(w net cost / 1,000) x (2 - reviewed),
/// so an organisation whose clinicians cannot keep up with the data stops up to twice as readily. With
/// weight 0 organisations decide as before: neither cost nor capacity weighs.
///
/// ```
/// use rollout_engine::organisation::decision_factors;
/// assert_eq!(decision_factors(0.0, 612.0, 1.0), [1.0, 1.0]);
/// let [adopt, stop] = decision_factors(1.0, 612.0, 0.5);
/// assert!(adopt < 0.55 && stop > 1.5 * 1.8); // exp(-0.612) and exp(0.612) x (2 - 0.5)
/// ```
pub fn decision_factors(weight: f64, net_cost: f64, reviewed: f64) -> [f64; 2] {
    if weight <= 0.0 {
        return [1.0, 1.0];
    }
    let overload = 2.0 - reviewed.clamp(0.0, 1.0);
    [libm::exp(-weight * net_cost.max(0.0) / 1000.0), libm::exp(weight * net_cost / 1000.0) * overload]
}

/// Rate at which an organisation that discontinued takes it up again, relative to one that never did.
pub const READOPTION_FACTOR: f64 = 0.5;

/// All organisations and the supplier.
#[derive(Clone, Debug)]
pub struct Organisations {
    /// Each organisation's state.
    pub state: Vec<OrgState>,
    /// Readiness to take it up, 0 to 1.5: its area's group readiness times a random factor in [0.5, 1.5).
    pub readiness: Vec<f64>,
    /// The group whose area the organisation serves.
    pub home_group: Vec<u8>,
    /// Has offered it at some point.
    pub ever_offered: Vec<bool>,
    /// The supplier still supplies the technology.
    pub supplier_active: bool,
    /// Consecutive months of uptake below the supplier's threshold.
    pub months_below_threshold: u32,
    /// Each organisation's factors for complex NASSS domains (all 1 until the model draws them).
    pub draws: Vec<crate::nasss::Draws>,
}

impl Organisations {
    /// Build the organisations: home areas in proportion to group shares, readiness drawn, and the most
    /// ready `initial_offering` share offering at month 0 (pilots go where readiness is highest).
    pub fn new(scenario: &Scenario, rng: &mut Rng) -> Organisations {
        let count = scenario.organisations.count as usize;
        let groups = &scenario.groups.list;
        let total: f64 = groups.iter().map(|g| g.share).sum();
        let mut home_group = Vec::with_capacity(count);
        for k in 0..count {
            let position = (k as f64 + 0.5) / count as f64 * total;
            let mut cumulative = 0.0;
            let mut home = groups.len() - 1;
            for (g, group) in groups.iter().enumerate() {
                cumulative += group.share;
                if position < cumulative {
                    home = g;
                    break;
                }
            }
            home_group.push(home as u8);
        }
        let readiness: Vec<f64> =
            home_group.iter().map(|&g| groups[g as usize].organisation_readiness * (0.5 + rng::unit(rng))).collect();
        let mut by_readiness: Vec<usize> = (0..count).collect();
        by_readiness.sort_by(|&a, &b| readiness[b].total_cmp(&readiness[a]).then(a.cmp(&b)));
        let pilots = libm::round(scenario.organisations.initial_offering * count as f64) as usize;
        let mut state = vec![OrgState::NotOffering; count];
        let mut ever_offered = vec![false; count];
        for &k in &by_readiness[..pilots] {
            state[k] = OrgState::Offering;
            ever_offered[k] = true;
        }
        Organisations {
            state,
            readiness,
            home_group,
            ever_offered,
            supplier_active: true,
            months_below_threshold: 0,
            draws: vec![crate::nasss::Draws::FIXED; count],
        }
    }

    /// The organisations of each group's area, by group index.
    pub fn home_organisations(&self, groups: usize) -> Vec<Vec<u16>> {
        let mut homes = vec![Vec::new(); groups];
        for (k, &g) in self.home_group.iter().enumerate() {
            homes[g as usize].push(k as u16);
        }
        homes
    }

    /// Organisation `k` offers the programme now.
    pub fn offers(&self, k: usize) -> bool {
        self.state[k] == OrgState::Offering
    }

    /// Share of organisations offering, 0 to 1.
    pub fn offering_share(&self) -> f64 {
        self.state.iter().filter(|s| **s == OrgState::Offering).count() as f64 / self.state.len() as f64
    }

    /// One month of organisational change at the start of `month` (0-based): adoption by funding and peer
    /// influence, procurement completing, discontinuation. `weighing[k]` is what organisation k's own net
    /// cost and spare capacity do to its decisions: `[adoption factor, discontinuation factor]` (see
    /// [`decision_factors`]).
    pub fn step(&mut self, scenario: &Scenario, month: u32, weighing: &[[f64; 2]], rng: &mut Rng) {
        if !self.supplier_active {
            return;
        }
        let o = &scenario.organisations;
        let l = &scenario.levers;
        let funded = scenario.funded_in(month);
        let peers = self.offering_share();
        let peer_influence = 0.5 + l.ecosystem_collaboration;
        let funding_factor = if funded { 1.0 } else { o.unfunded_adoption };
        let adoption_rate = (o.innovation + o.imitation * peer_influence * peers) * funding_factor;
        let fast_track = if l.shock.active_in(month) { 1.0 - l.shock.procurement } else { 1.0 };
        let streamlining = (1.0 - l.streamlined_procurement) * (1.0 - 0.5 * l.ecosystem_collaboration) * fast_track;
        let n = &scenario.nasss;
        let discontinuation = |k: usize| {
            rng::threshold(rng::monthly_probability(
                weighing[k][1]
                    * if funded {
                        o.discontinuation_funded
                    } else {
                        o.discontinuation_unfunded * n.discontinuation_multiplier_in(&self.draws[k])
                    },
            ))
        };
        for k in 0..self.state.len() {
            self.state[k] = match self.state[k] {
                s @ (OrgState::NotOffering | OrgState::Discontinued) => {
                    let again = if s == OrgState::Discontinued { READOPTION_FACTOR } else { 1.0 };
                    let multiplier = n.organisation_adoption_multiplier_in(&self.draws[k]);
                    let p = rng::monthly_probability(
                        adoption_rate * multiplier * self.readiness[k] * again * weighing[k][0],
                    );
                    if rng::chance(rng, p) {
                        let delay = libm::round(n.procurement_delay_months_in(&self.draws[k]) * streamlining) as u32;
                        if delay == 0 {
                            OrgState::Offering
                        } else {
                            OrgState::Procuring { ready_month: month + delay }
                        }
                    } else {
                        s
                    }
                }
                OrgState::Procuring { ready_month } if month >= ready_month => OrgState::Offering,
                s @ OrgState::Procuring { .. } => s,
                OrgState::Offering => {
                    let discontinue = discontinuation(k);
                    if discontinue > 0 && rand::RngCore::next_u64(rng) < discontinue {
                        OrgState::Discontinued
                    } else {
                        OrgState::Offering
                    }
                }
            };
            if self.state[k] == OrgState::Offering {
                self.ever_offered[k] = true;
            }
        }
    }

    /// After a month, let the supplier judge uptake: `active_share` is the share of eligible people
    /// registered with offering organisations who use it (coverage where it is offered). Below the value proposition's threshold for long enough, the supplier withdraws and every
    /// organisation stops offering it.
    pub fn judge_supplier(&mut self, scenario: &Scenario, active_share: f64) {
        let Some(rule) = scenario.nasss.supplier_withdrawal() else { return };
        if !self.supplier_active {
            return;
        }
        if active_share < rule.threshold {
            self.months_below_threshold += 1;
        } else {
            self.months_below_threshold = 0;
        }
        if self.months_below_threshold >= rule.months {
            self.supplier_active = false;
            for (s, &ever) in self.state.iter_mut().zip(&self.ever_offered) {
                // Only an organisation that has offered it can discontinue it; one still procuring simply
                // never starts (so the discontinued share never exceeds the ever-offered share).
                *s = match *s {
                    OrgState::Offering => OrgState::Discontinued,
                    OrgState::Procuring { .. } if ever => OrgState::Discontinued,
                    OrgState::Procuring { .. } => OrgState::NotOffering,
                    other => other,
                };
            }
        }
    }
}
