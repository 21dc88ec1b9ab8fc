//! Undo and redo: the runs before each change, newest last. A run keeps its scenario and its replicates,
//! so undoing brings back the previous numbers exactly, without running anything again.

use std::rc::Rc;

use super::Run;

/// Most changes remembered for Undo. Each holds a run (shared, not copied).
pub const MAX_UNDO: usize = 30;

/// Most memory the results kept for Undo may take, bytes (by the engine's estimate, `cost::estimate`): the
/// default preset's run is about 1.3 MB, so this keeps every run of 30 ordinary changes. Beyond it the oldest
/// runs keep only their scenario: undoing to one runs it again, with the same seed, so the same numbers.
pub const MAX_UNDO_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// A stack of runs, newest last.
pub type Stack = Rc<Vec<Rc<Run>>>;

/// `stack` with `run` on top, the oldest forgotten beyond [`MAX_UNDO`], and the oldest runs' results let go
/// beyond [`MAX_UNDO_BYTES`].
pub fn pushed(stack: &[Rc<Run>], run: Rc<Run>) -> Stack {
    let skip = (stack.len() + 1).saturating_sub(MAX_UNDO);
    let mut runs: Vec<Rc<Run>> = stack.iter().skip(skip).cloned().chain([run]).collect();
    let mut bytes = 0.0;
    for slot in runs.iter_mut().rev() {
        bytes += rollout_engine::cost::estimate(&slot.scenario).results_bytes;
        if bytes > MAX_UNDO_BYTES && !slot.replicates.is_empty() {
            *slot = Rc::new(Run::new(slot.id, slot.scenario.clone()));
        }
    }
    Rc::new(runs)
}

/// `stack` without its top, and the top.
pub fn popped(stack: &[Rc<Run>]) -> Option<(Stack, Rc<Run>)> {
    let (top, rest) = stack.split_last()?;
    Some((Rc::new(rest.to_vec()), top.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stack_keeps_the_newest_and_shares_runs() {
        let scenario = Rc::new(rollout_engine::presets::preset("bass").unwrap().scenario);
        let mut stack = Rc::new(Vec::new());
        let runs: Vec<Rc<Run>> = (0..MAX_UNDO as u64 + 5).map(|i| Rc::new(Run::new(i, scenario.clone()))).collect();
        for run in &runs {
            stack = pushed(&stack, run.clone());
        }
        assert_eq!(stack.len(), MAX_UNDO);
        assert_eq!(stack[0].id, 5, "the oldest are forgotten");
        let (rest, top) = popped(&stack).unwrap();
        assert!(Rc::ptr_eq(&top, runs.last().unwrap()));
        assert_eq!(rest.len(), MAX_UNDO - 1);
        assert!(popped(&[]).is_none());
    }

    #[test]
    fn beyond_the_memory_bound_old_runs_keep_only_their_scenario() {
        let mut big = rollout_engine::presets::preset("bass").unwrap().scenario;
        big.replicates = 200;
        let each = rollout_engine::cost::estimate(&big).results_bytes;
        let fit = (MAX_UNDO_BYTES / each) as usize;
        assert!((1..MAX_UNDO).contains(&fit), "the test needs runs of which only some fit: {fit}");
        let scenario = Rc::new(big);
        let result =
            rollout_engine::model::run_replicate(&rollout_engine::presets::preset("bass").unwrap().scenario, 0);
        let full = |id| Rc::new(Run::new(id, scenario.clone()).with(result.clone()).unwrap());
        let mut stack: Stack = Rc::new(Vec::new());
        for id in 0..(fit as u64 + 3) {
            stack = pushed(&stack, full(id));
        }
        let kept = stack.iter().filter(|r| !r.replicates.is_empty()).count();
        assert_eq!(kept, fit, "the newest runs keep their results");
        assert!(stack[..3].iter().all(|r| r.replicates.is_empty()), "the oldest keep only their scenario");
        assert!(stack.iter().all(|r| Rc::ptr_eq(&r.scenario, &scenario)));
    }
}
