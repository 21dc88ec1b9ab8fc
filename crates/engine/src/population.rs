//! People: the agents, stored column by column (8 bytes a person).

use crate::rng::{self, Rng};
use crate::scenario::Scenario;

/// Where a person stands with the technology.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum State {
    /// Never offered and never heard of it.
    Unaware = 0,
    /// Heard of it (campaign, word of mouth) but not offered it: their organisation does not run it.
    Aware = 1,
    /// Offered it and said no; may be asked again, less often.
    Declined = 2,
    /// Using it.
    Active = 3,
    /// Used it and stopped (abandoned); may take it up again, less often.
    Lapsed = 4,
    /// Was using it until their organisation (or the supplier) withdrew the service: discontinued, not
    /// abandoned; may take it up again if it is offered again.
    Withdrawn = 5,
}

/// Number of states.
pub const STATES: usize = 6;

/// Person trait: has internet access at home.
pub const HAS_ACCESS: u8 = 1;
/// Person trait: has the digital skills to use it.
pub const HAS_SKILLS: u8 = 2;
/// Person trait: can pay the personal cost without a subsidy.
pub const CAN_PAY: u8 = 4;
/// Grant: the programme subsidises this user's device.
pub const SUBSIDISED: u8 = 8;
/// Grant: this user gets support (training, navigator).
pub const SUPPORTED: u8 = 16;
/// Grant: the programme pays this user's connectivity.
pub const CONNECTED: u8 = 32;
/// All grant bits.
pub const GRANTS: u8 = SUBSIDISED | SUPPORTED | CONNECTED;
/// Marker: was active when funding ended (for sustainability).
pub const ACTIVE_AT_FUNDING_END: u8 = 64;

/// Draw a new person's trait bits (access, skills, ability to pay) for `group`.
pub fn draw_traits(group: &crate::scenario::Group, rng: &mut Rng) -> u8 {
    let mut flags = 0;
    if rng::chance(rng, group.access) {
        flags |= HAS_ACCESS;
    }
    if rng::chance(rng, group.skills) {
        flags |= HAS_SKILLS;
    }
    if rng::chance(rng, group.ability_to_pay) {
        flags |= CAN_PAY;
    }
    flags
}

/// The eligible population.
#[derive(Clone, Debug)]
pub struct People {
    /// Each person's [`State`] as a byte.
    pub state: Vec<u8>,
    /// Trait, grant and marker bits.
    pub flags: Vec<u8>,
    /// Month (0-based) in which the person's current or last spell of use started; 0 if never.
    pub start: Vec<u16>,
    /// Each person's cell: `organisation * groups + group`, the index of every per-month table.
    pub cell: Vec<u32>,
    /// Number of groups (to split a cell into organisation and group).
    pub groups: u32,
}

impl People {
    /// Number of people.
    pub fn len(&self) -> usize {
        self.state.len()
    }

    /// No people.
    pub fn is_empty(&self) -> bool {
        self.state.is_empty()
    }

    /// Index of person `i`'s group.
    pub fn group(&self, i: usize) -> usize {
        (self.cell[i] % self.groups) as usize
    }

    /// Index of the organisation person `i` is registered with.
    pub fn organisation(&self, i: usize) -> usize {
        (self.cell[i] / self.groups) as usize
    }

    /// Build the population: exact group sizes by largest remainder, traits drawn per person, each person
    /// registered with an organisation in their group's area (with probability `local_share`) or anywhere.
    pub fn new(scenario: &Scenario, home_organisations: &[Vec<u16>], rng: &mut Rng) -> People {
        let n = scenario.agents as usize;
        let sizes = group_sizes(scenario);
        let org_count = scenario.organisations.count;
        let groups = scenario.groups.list.len() as u32;
        let mut people = People {
            state: vec![State::Unaware as u8; n],
            flags: Vec::with_capacity(n),
            start: vec![0; n],
            cell: Vec::with_capacity(n),
            groups,
        };
        for (g, (&size, group)) in sizes.iter().zip(&scenario.groups.list).enumerate() {
            let local = &home_organisations[g];
            for _ in 0..size {
                let flags = draw_traits(group, rng);
                let org = if !local.is_empty() && rng::chance(rng, scenario.organisations.local_share) {
                    local[rng::below(rng, local.len() as u32) as usize]
                } else {
                    rng::below(rng, org_count) as u16
                };
                people.flags.push(flags);
                people.cell.push(org as u32 * groups + g as u32);
            }
        }
        people
    }
}

/// People per group: shares normalised, rounded by largest remainder so they sum to `agents` exactly.
pub fn group_sizes(scenario: &Scenario) -> Vec<u32> {
    let total: f64 = scenario.groups.list.iter().map(|g| g.share).sum();
    let agents = scenario.agents as f64;
    let exact: Vec<f64> = scenario.groups.list.iter().map(|g| g.share / total * agents).collect();
    let mut sizes: Vec<u32> = exact.iter().map(|x| libm::floor(*x) as u32).collect();
    let mut left = scenario.agents - sizes.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - libm::floor(exact[a]), exact[b] - libm::floor(exact[b]));
        rb.partial_cmp(&ra).unwrap_or(std::cmp::Ordering::Equal).then(a.cmp(&b))
    });
    for &g in order.iter().cycle() {
        if left == 0 {
            break;
        }
        sizes[g] += 1;
        left -= 1;
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_costs_at_most_8_bytes() {
        let mut s = crate::presets::preset("heart-monitoring").unwrap().scenario;
        s.agents = 10_000;
        let mut rng = rng::replicate_rng(1, 0);
        let orgs = crate::organisation::Organisations::new(&s, &mut rng);
        let people = People::new(&s, &orgs.home_organisations(s.groups.list.len()), &mut rng);
        let bytes = people.state.capacity()
            + people.flags.capacity()
            + people.start.capacity() * std::mem::size_of::<u16>()
            + people.cell.capacity() * std::mem::size_of::<u32>();
        let per_person = bytes as f64 / s.agents as f64;
        assert!(per_person <= 8.0, "{per_person} bytes per person");
        for i in [0, 4_999, 9_999] {
            assert_eq!(people.organisation(i) * 5 + people.group(i), people.cell[i] as usize);
        }
    }
}
