//! Undo and redo: the runs before each change, newest last. A run keeps its scenario and its replicates,
//! so undoing brings back the previous numbers exactly, without running anything again.

use std::rc::Rc;

use super::Run;

/// Most changes remembered for Undo. Each holds a run (shared, not copied): the default preset's
/// replicates are a few hundred kilobytes, so this bounds the memory Undo keeps at a few megabytes.
pub const MAX_UNDO: usize = 30;

/// A stack of runs, newest last.
pub type Stack = Rc<Vec<Rc<Run>>>;

/// `stack` with `run` on top, the oldest forgotten beyond [`MAX_UNDO`].
pub fn pushed(stack: &[Rc<Run>], run: Rc<Run>) -> Stack {
    let skip = (stack.len() + 1).saturating_sub(MAX_UNDO);
    Rc::new(stack.iter().skip(skip).cloned().chain([run]).collect())
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
}
