//! First offers and what became of them, by group: how many people were offered the technology for the first
//! time, how many said no and at which step of the decision (no internet access, no digital skills, the
//! cost, or trust), and, at the horizon, use by the deprivation of the practice people are registered with.
//! These are the statistics published figures measure (Foster et al. 2015: 82.9% of those invited declined;
//! 54.7% of decliners lacked internet access or skills; practices in deprived areas took part less), kept so
//! that calibration can fit the model's outputs to them.

use serde::{Deserialize, Serialize};

/// The step of a decision at which a person said no, in the order the model asks them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Barrier {
    /// No home internet access, and no connectivity grant.
    Access = 0,
    /// No digital skills, no support, and they would not try without it.
    Skills = 1,
    /// Cannot pay the personal cost, and no subsidy made it affordable.
    Cost = 2,
    /// Did not trust or want it (acceptance).
    Trust = 3,
}

/// The barriers, in decision order.
pub const BARRIERS: [Barrier; 4] = [Barrier::Access, Barrier::Skills, Barrier::Cost, Barrier::Trust];

impl Barrier {
    /// The name used in statistics' keys: `access`, `skills`, `cost`, `trust`.
    pub fn name(self) -> &'static str {
        match self {
            Barrier::Access => "access",
            Barrier::Skills => "skills",
            Barrier::Cost => "cost",
            Barrier::Trust => "trust",
        }
    }
}

/// First offers in one replicate, counted over the whole horizon, per group; and use at the horizon by the
/// practice's home group (the group whose area the organisation serves).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Offers {
    /// People offered it for the first time (never used it, never declined before), per group.
    pub first: Vec<u32>,
    /// Of them, said no, per group and barrier: `[group][barrier]`.
    pub declined: Vec<[u32; 4]>,
    /// Of those who said no, lacked (as a trait, whatever the step at which they said no) home internet
    /// access, digital skills, and either: `[group][lack]`.
    #[serde(default)]
    pub declined_lacking: Vec<[u32; 3]>,
    /// People registered with organisations whose home area is each group, at the horizon.
    pub practice_registered: Vec<u32>,
    /// Of them, have ever used it (active, abandoned or withdrawn), at the horizon.
    pub practice_ever_used: Vec<u32>,
}

impl Offers {
    /// Empty counts for `groups` groups.
    pub fn new(groups: usize) -> Offers {
        Offers {
            first: vec![0; groups],
            declined: vec![[0; 4]; groups],
            declined_lacking: vec![[0; 3]; groups],
            practice_registered: vec![0; groups],
            practice_ever_used: vec![0; groups],
        }
    }

    /// A first offer in `group`, accepted (`None`) or declined at a barrier, to a person who lacks home
    /// internet access or digital skills (traits) or not.
    pub fn record(&mut self, group: usize, declined: Option<Barrier>, no_access: bool, no_skills: bool) {
        self.first[group] += 1;
        if let Some(b) = declined {
            self.declined[group][b as usize] += 1;
            let lacking = &mut self.declined_lacking[group];
            lacking[0] += no_access as u32;
            lacking[1] += no_skills as u32;
            lacking[2] += (no_access || no_skills) as u32;
        }
    }

    /// Share of first-offer decliners in the given groups who lacked home internet access (`lack` 0),
    /// digital skills (1) or either (2), 0 to 1; `None` when nobody declined.
    pub fn lacking_share(&self, groups: &[usize], lack: usize) -> Option<f64> {
        let all = self.declined_in(groups, &BARRIERS);
        let lacking: u64 = groups.iter().map(|&g| u64::from(self.declined_lacking[g][lack])).sum();
        (all > 0).then(|| lacking as f64 / all as f64)
    }

    fn declined_in(&self, groups: &[usize], barriers: &[Barrier]) -> u64 {
        groups.iter().flat_map(|&g| barriers.iter().map(move |&b| u64::from(self.declined[g][b as usize]))).sum()
    }

    /// Share of first offers in the given groups that were declined, 0 to 1; `None` when nobody was offered.
    pub fn declined_share(&self, groups: &[usize]) -> Option<f64> {
        let first: u64 = groups.iter().map(|&g| u64::from(self.first[g])).sum();
        (first > 0).then(|| self.declined_in(groups, &BARRIERS) as f64 / first as f64)
    }

    /// Share of first-offer decliners in the given groups who said no at one of `barriers`, 0 to 1; `None`
    /// when nobody declined.
    pub fn reason_share(&self, groups: &[usize], barriers: &[Barrier]) -> Option<f64> {
        let all = self.declined_in(groups, &BARRIERS);
        (all > 0).then(|| self.declined_in(groups, barriers) as f64 / all as f64)
    }

    /// Share of the people registered with practices whose home area is `group` who have ever used it at
    /// the horizon, 0 to 1; `None` when no practice serves that area.
    pub fn practice_uptake(&self, group: usize) -> Option<f64> {
        let n = *self.practice_registered.get(group)?;
        (n > 0).then(|| f64::from(self.practice_ever_used[group]) / f64::from(n))
    }

    /// Add one person at the horizon, registered with a practice of home group `home`.
    pub fn count_at_horizon(&mut self, home: usize, ever_used: bool) {
        self.practice_registered[home] += 1;
        self.practice_ever_used[home] += ever_used as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_count_first_offers_and_reasons_and_are_not_applicable_when_empty() {
        let mut o = Offers::new(2);
        assert_eq!(o.declined_share(&[0, 1]), None);
        assert_eq!(o.reason_share(&[0], &[Barrier::Access]), None);
        assert_eq!(o.practice_uptake(1), None);
        o.record(0, None, true, true);
        o.record(0, Some(Barrier::Access), true, false);
        o.record(1, Some(Barrier::Trust), false, true);
        o.record(1, Some(Barrier::Skills), false, true);
        assert_eq!(o.declined_share(&[0]), Some(0.5));
        assert_eq!(o.declined_share(&[0, 1]), Some(0.75));
        assert_eq!(o.reason_share(&[0, 1], &[Barrier::Access, Barrier::Skills]), Some(2.0 / 3.0));
        assert_eq!(o.reason_share(&[1], &[Barrier::Cost]), Some(0.0));
        assert_eq!(o.lacking_share(&[0, 1], 0), Some(1.0 / 3.0));
        assert_eq!(o.lacking_share(&[0, 1], 2), Some(1.0));
        o.count_at_horizon(1, true);
        o.count_at_horizon(1, false);
        assert_eq!(o.practice_uptake(1), Some(0.5));
    }
}
