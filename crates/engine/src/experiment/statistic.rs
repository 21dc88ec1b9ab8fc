//! Statistics that published figures measure, read from one replicate over its whole horizon: the share
//! declining a first offer, the reasons among decliners, the share of starters who stopped within a number
//! of months, and use by the deprivation of the practice. Calibration targets name them; a sweep records them
//! as responses like any other.

use crate::offers::{Barrier, BARRIERS};
use crate::record::ReplicateResult;
use crate::spells::WINDOWS;

/// One statistic of a replicate, 0 to 1, for a set of groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Statistic {
    /// `declined_first_offer`: share of first offers that were declined.
    DeclinedFirstOffer,
    /// `decliners_access`, `decliners_skills`, `decliners_cost`, `decliners_trust`,
    /// `decliners_access_or_skills`: share of first-offer decliners who said no at those barriers (bit `b`
    /// set for [`BARRIERS`]`[b]`).
    Decliners(u8),
    /// `decliners_lacking_access`, `decliners_lacking_skills`, `decliners_lacking_access_or_skills`: share
    /// of first-offer decliners who lacked home internet access, digital skills, or either (traits, as a
    /// survey of decliners would find them, whatever the step at which they said no): 0, 1, 2.
    DeclinersLacking(u8),
    /// `stopped_within_6m` (3, 6, 7, 12, 24): share of spells of use, started early enough to be seen
    /// for that long, that the user stopped within so many months (deaths censored).
    StoppedWithin(u32),
    /// `practice_ever_used`: share of the people registered with practices serving the group's area who
    /// have ever used it at the horizon (the group is the practice's area, not the person's).
    PracticeEverUsed,
}

const DECLINERS: &str = "decliners_";
const STOPPED: &str = "stopped_within_";
const LACKING: [&str; 3] = ["access", "skills", "access_or_skills"];

impl Statistic {
    /// Every statistic's name, for messages.
    pub fn names() -> Vec<String> {
        let mut names = vec!["declined_first_offer".to_string()];
        names.extend(BARRIERS.iter().map(|b| format!("{DECLINERS}{}", b.name())));
        names.push(format!("{DECLINERS}access_or_skills"));
        names.extend(LACKING.iter().map(|l| format!("{DECLINERS}lacking_{l}")));
        names.extend(WINDOWS.iter().map(|w| format!("{STOPPED}{w}m")));
        names.push("practice_ever_used".into());
        names
    }

    /// The statistic of this name, if any.
    pub fn from_name(name: &str) -> Option<Statistic> {
        if name == "declined_first_offer" {
            return Some(Statistic::DeclinedFirstOffer);
        }
        if name == "practice_ever_used" {
            return Some(Statistic::PracticeEverUsed);
        }
        if let Some(lack) = name.strip_prefix(DECLINERS).and_then(|r| r.strip_prefix("lacking_")) {
            return LACKING.iter().position(|l| *l == lack).map(|i| Statistic::DeclinersLacking(i as u8));
        }
        if let Some(rest) = name.strip_prefix(DECLINERS) {
            let mut mask = 0u8;
            for part in rest.split("_or_") {
                let b = BARRIERS.iter().position(|b| b.name() == part)?;
                mask |= 1 << b;
            }
            return Some(Statistic::Decliners(mask));
        }
        let months: u32 = name.strip_prefix(STOPPED)?.strip_suffix('m')?.parse().ok()?;
        WINDOWS.contains(&months).then_some(Statistic::StoppedWithin(months))
    }

    /// The name, as [`Statistic::from_name`] reads it.
    pub fn name(self) -> String {
        match self {
            Statistic::DeclinedFirstOffer => "declined_first_offer".into(),
            Statistic::PracticeEverUsed => "practice_ever_used".into(),
            Statistic::Decliners(mask) => {
                let parts: Vec<&str> =
                    BARRIERS.iter().enumerate().filter(|(b, _)| mask & (1 << b) != 0).map(|(_, b)| b.name()).collect();
                format!("{DECLINERS}{}", parts.join("_or_"))
            }
            Statistic::StoppedWithin(m) => format!("{STOPPED}{m}m"),
            Statistic::DeclinersLacking(i) => format!("{DECLINERS}lacking_{}", LACKING[i as usize]),
        }
    }

    /// It needs one group (the practice's area), not all.
    pub fn needs_one_group(self) -> bool {
        self == Statistic::PracticeEverUsed
    }

    /// Its value in one replicate for `groups` (indices); `None` when not applicable (nobody offered, no
    /// decliner, no starter seen for long enough, no practice in that area).
    pub fn value(self, result: &ReplicateResult, groups: &[usize]) -> Option<f64> {
        match self {
            Statistic::DeclinedFirstOffer => result.offers.declined_share(groups),
            Statistic::Decliners(mask) => {
                let chosen: Vec<Barrier> =
                    BARRIERS.iter().enumerate().filter(|(b, _)| mask & (1 << b) != 0).map(|(_, b)| *b).collect();
                result.offers.reason_share(groups, &chosen)
            }
            Statistic::StoppedWithin(m) => result.spells.abandonment_within(groups, m),
            Statistic::DeclinersLacking(i) => result.offers.lacking_share(groups, i as usize),
            Statistic::PracticeEverUsed => match groups {
                [g] => result.offers.practice_uptake(*g),
                _ => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips_and_unknown_names_are_refused() {
        for name in Statistic::names() {
            assert_eq!(Statistic::from_name(&name).unwrap().name(), name);
        }
        for bad in ["decliners_", "decliners_money", "stopped_within_5m", "stopped_within_6", "nope"] {
            assert_eq!(Statistic::from_name(bad), None, "{bad}");
        }
    }
}
