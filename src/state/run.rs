//! [`Run`]: one run of a scenario, immutable once made. The page holds runs behind `Rc` and replaces
//! them, never copies them: an arriving replicate makes a new `Run` that shares every earlier replicate.

use std::rc::Rc;

use rollout_engine::record::ReplicateResult;
use rollout_engine::summary::{summarise, RunSummary};
use rollout_engine::Scenario;

/// One run: a scenario, the replicates received so far (shared, in arrival order) and a summary of them.
///
/// Runs are self-contained (each has its own scenario and id), so several can coexist on the page: the
/// current run, the one still on screen, a pinned baseline, and later options to compare or sweep points.
#[derive(Debug)]
pub struct Run {
    /// Identifies the run; late replicates of other runs are recognised by it and dropped.
    pub id: u64,
    /// What was run (shared with the form while it is current).
    pub scenario: Rc<Scenario>,
    /// Replicates received so far, each shared by every later version of this run.
    pub replicates: Vec<Rc<ReplicateResult>>,
    /// Summary of the first [`Run::summarised`] replicates; `None` until the first replicate arrives.
    pub summary: Option<Rc<RunSummary>>,
    /// How many replicates the summary combines.
    pub summarised: usize,
}

impl Run {
    /// A run of `scenario` with nothing received yet.
    pub fn new(id: u64, scenario: Rc<Scenario>) -> Run {
        Run { id, scenario, replicates: Vec::new(), summary: None, summarised: 0 }
    }

    /// This run with one more replicate: the earlier replicates are shared, not copied. The summary is
    /// recomputed on the first, every power-of-two-th and the last replicate (often enough for the bands to
    /// fill in, rarely enough that summarising stays a small part of a run); in between the last one is
    /// kept. `None` when `result` is already here.
    pub fn with(&self, result: ReplicateResult) -> Option<Run> {
        if self.replicates.iter().any(|r| r.replicate == result.replicate) {
            return None;
        }
        let mut replicates = Vec::with_capacity(self.replicates.len() + 1);
        replicates.extend(self.replicates.iter().cloned());
        replicates.push(Rc::new(result));
        let received = replicates.len();
        let (summary, summarised) = if received == 1 || received.is_power_of_two() || received >= self.total() {
            (Some(Rc::new(summarise(&self.scenario, &replicates))), received)
        } else {
            (self.summary.clone(), self.summarised)
        };
        Some(Run { id: self.id, scenario: self.scenario.clone(), replicates, summary, summarised })
    }

    /// Replicates the scenario asks for.
    pub fn total(&self) -> usize {
        self.scenario.replicates as usize
    }

    /// Replicates still to come.
    pub fn pending(&self) -> usize {
        self.total().saturating_sub(self.replicates.len())
    }

    /// Every replicate has arrived and the summary combines them all.
    pub fn complete(&self) -> bool {
        self.pending() == 0 && self.summarised == self.replicates.len()
    }
}

#[cfg(test)]
mod tests {
    use rollout_engine::model::run_replicate;

    use super::*;

    fn scenario() -> Rc<Scenario> {
        let mut s = rollout_engine::presets::preset("heart-monitoring").unwrap().scenario;
        (s.agents, s.months, s.replicates) = (400, 12, 5);
        Rc::new(s)
    }

    #[test]
    fn an_arriving_replicate_shares_every_earlier_one_and_copies_none() {
        let s = scenario();
        let mut run = Run::new(7, s.clone());
        let mut versions = Vec::new();
        for r in 0..5 {
            run = run.with(run_replicate(&s, r)).unwrap();
            versions.push(run.replicates.clone());
        }
        for (k, version) in versions.iter().enumerate() {
            for (i, replicate) in version.iter().enumerate() {
                assert!(Rc::ptr_eq(replicate, &run.replicates[i]), "version {k}, replicate {i} was copied");
                assert!(Rc::ptr_eq(&run.scenario, &s), "the scenario is shared");
            }
        }
        // Each replicate is held by every version that has it, plus the final run: no hidden copies.
        assert_eq!(Rc::strong_count(&run.replicates[0]), 6);
        assert_eq!(Rc::strong_count(&run.replicates[4]), 2);
    }

    #[test]
    fn the_summary_follows_powers_of_two_and_the_last_replicate() {
        let s = scenario();
        let mut run = Run::new(1, s.clone());
        let mut summarised = Vec::new();
        for r in 0..5 {
            let before = run.summary.clone();
            run = run.with(run_replicate(&s, r)).unwrap();
            summarised.push(run.summarised);
            if run.summarised < run.replicates.len() {
                assert!(Rc::ptr_eq(before.as_ref().unwrap(), run.summary.as_ref().unwrap()), "kept, not redone");
            }
        }
        assert_eq!(summarised, [1, 2, 2, 4, 5]);
        assert!(run.complete());
        let all: Vec<_> = (0..5).map(|r| run_replicate(&s, r)).collect();
        assert_eq!(*run.summary.unwrap(), summarise(&s, &all));
    }

    #[test]
    fn a_replicate_counts_once() {
        let s = scenario();
        let run = Run::new(1, s.clone()).with(run_replicate(&s, 3)).unwrap();
        assert!(run.with(run_replicate(&s, 3)).is_none());
        assert_eq!(run.pending(), 4);
        assert!(!run.complete());
    }
}
