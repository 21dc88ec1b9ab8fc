//! Spells of use: when each spell started and why and when it ended, by group and start month. They give
//! the abandonment and discontinuation outcomes their cohort denominators (starters), so that neither is a
//! stock that grows with the horizon.

use serde::{Deserialize, Serialize};

/// Why a spell of use ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpellEnd {
    /// The user stopped (abandonment).
    Abandoned = 0,
    /// The organisation or the supplier withdrew the service (discontinuation).
    Withdrawn = 1,
    /// The user died while using it: censored, never counted as abandonment.
    Died = 2,
}

/// Windows after the start in which stops are counted, months: points on the curve of time to stopping
/// among starters (3, 6, 7, 12 and 24 months; 6 and 12 for the abandonment outcomes, 7 for Federici et al.).
pub const WINDOWS: [u32; 5] = [3, 6, 7, 12, 24];

/// Counts of spells of use for one replicate, indexed by group and start month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Spells {
    /// Months in the horizon.
    pub months: u32,
    /// Spells started, `[group * months + start_month]`.
    pub started: Vec<u32>,
    /// Spells that ended within `WINDOWS[w]` months of starting, by reason:
    /// `[((w * 3 + reason) * groups + group) * months + start_month]`.
    pub ended_within: Vec<u32>,
    /// Spells ended by withdrawal at any time before the horizon, per group.
    pub withdrawn: Vec<u32>,
}

impl Spells {
    /// Empty counts for `groups` groups over `months` months.
    pub fn new(groups: usize, months: u32) -> Spells {
        let m = months as usize;
        Spells {
            months,
            started: vec![0; groups * m],
            ended_within: vec![0; WINDOWS.len() * 3 * groups * m],
            withdrawn: vec![0; groups],
        }
    }

    fn groups(&self) -> usize {
        self.withdrawn.len()
    }

    /// A spell started in `month` (0-based) in `group`.
    pub fn start(&mut self, group: usize, month: u32) {
        self.started[group * self.months as usize + month as usize] += 1;
    }

    /// A spell that started in `start` ended in `month` (both 0-based) for `reason`.
    pub fn end(&mut self, group: usize, start: u32, month: u32, reason: SpellEnd) {
        let (groups, months) = (self.groups(), self.months as usize);
        let length = month - start;
        for (w, &window) in WINDOWS.iter().enumerate() {
            if length <= window {
                self.ended_within[((w * 3 + reason as usize) * groups + group) * months + start as usize] += 1;
            }
        }
        if reason == SpellEnd::Withdrawn {
            self.withdrawn[group] += 1;
        }
    }

    /// Share of spells started in the given groups that the user stopped within `window` months
    /// (one of [`WINDOWS`]), 0 to 1. Only spells that started at least `window` months before the horizon
    /// count (censored at the horizon); spells that ended in death within the window without the user
    /// stopping first leave the denominator (censored at death). `None` (not applicable) when no spell
    /// qualifies.
    pub fn abandonment_within(&self, groups: &[usize], window: u32) -> Option<f64> {
        let w = WINDOWS.iter().position(|&x| x == window)?;
        let (all_groups, months) = (self.groups(), self.months as usize);
        let last_start = (self.months as usize).checked_sub(window as usize)?;
        let (mut stopped, mut at_risk) = (0u64, 0u64);
        for &g in groups {
            for s in 0..last_start {
                let at =
                    |reason: SpellEnd| self.ended_within[((w * 3 + reason as usize) * all_groups + g) * months + s];
                at_risk += u64::from(self.started[g * months + s]) - u64::from(at(SpellEnd::Died));
                stopped += u64::from(at(SpellEnd::Abandoned));
            }
        }
        (at_risk > 0).then(|| stopped as f64 / at_risk as f64)
    }

    /// Discontinuation: share of all spells started in the given groups before the horizon that ended
    /// because the service was withdrawn, 0 to 1; `None` when nobody started.
    pub fn discontinuation(&self, groups: &[usize]) -> Option<f64> {
        let months = self.months as usize;
        let started: u64 =
            groups.iter().flat_map(|&g| &self.started[g * months..(g + 1) * months]).map(|&x| u64::from(x)).sum();
        let withdrawn: u64 = groups.iter().map(|&g| u64::from(self.withdrawn[g])).sum();
        (started > 0).then(|| withdrawn as f64 / started as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abandonment_counts_starters_who_stop_and_censors_deaths_and_the_horizon() {
        let mut s = Spells::new(1, 24);
        for _ in 0..4 {
            s.start(0, 0);
        }
        s.end(0, 0, 3, SpellEnd::Abandoned); // within 6 and 12
        s.end(0, 0, 9, SpellEnd::Abandoned); // within 12 only
        s.end(0, 0, 2, SpellEnd::Died); // censored
        s.start(0, 20); // too late to be seen for 6 months: censored at the horizon
        assert_eq!(s.abandonment_within(&[0], 6), Some(1.0 / 3.0));
        assert_eq!(s.abandonment_within(&[0], 12), Some(2.0 / 3.0));
        assert_eq!(s.discontinuation(&[0]), Some(0.0));
        s.end(0, 20, 22, SpellEnd::Withdrawn);
        assert_eq!(s.discontinuation(&[0]), Some(0.2));
    }

    #[test]
    fn with_no_starters_both_are_not_applicable() {
        let s = Spells::new(2, 36);
        assert_eq!(s.abandonment_within(&[0, 1], 6), None);
        assert_eq!(s.discontinuation(&[0, 1]), None);
        let short = Spells::new(1, 4);
        assert_eq!(short.abandonment_within(&[0], 6), None);
    }
}
