//! One view per kind of study, drawn as HTML (bars and cells are buttons: click, tap or Enter applies that
//! lever value or adds that point as an option). Each view gets only the study's design and finished
//! points, so it re-renders when a point finishes, not on every replicate.

mod screening;
mod surface;
mod sweep;
mod tornado;

use std::rc::Rc;

use rollout_engine::estimate::Estimate;
use rollout_engine::experiment::{Design, PointResult};
use yew::prelude::*;

use super::design::Output;
use crate::state::{Action, Shared};

pub use screening::ScreeningView;
pub use surface::SurfaceView;
pub use sweep::SweepView;
pub use tornado::TornadoView;

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub design: Shared<Design>,
    /// The study's finished points (their identity changes only when a point finishes).
    pub points: Shared<Vec<Option<Rc<PointResult>>>>,
    /// Every point is in.
    pub complete: bool,
    pub output: &'static Output,
    /// The output's index among the design's responses.
    pub response: usize,
    pub dispatch: Callback<Action>,
}

fn show(output: &Output, e: &Estimate) -> String {
    output.format.format_estimate(&e.scaled(output.scale))
}

fn change(output: &Output, e: &Estimate) -> String {
    format!("{}{}", output.format.format_change(&e.scaled(output.scale)), output.change_unit)
}

/// The best finished point for the output ("Highest people reached: Device subsidy 1, 41.2 (39.0–43.4)."),
/// highest or lowest as the output prefers; `None` before any point is in.
pub fn best_of(points: impl Iterator<Item = (String, Estimate)>, output: &Output, complete: bool) -> Option<String> {
    let better = |a: &Estimate, b: &Estimate| if output.higher_is_better { a.mean > b.mean } else { a.mean < b.mean };
    let (at, e) = points.fold(None, |best: Option<(String, Estimate)>, (at, e)| match best {
        Some((_, b)) if !better(&e, &b) => best,
        _ => Some((at, e)),
    })?;
    let which = if output.higher_is_better { "Highest" } else { "Lowest" };
    let so_far = if complete { "" } else { " so far" };
    Some(format!("{which} {}{so_far}: {at}, {}.", output.label.to_lowercase(), show(output, &e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiments::design::OUTPUTS;

    #[test]
    fn the_best_point_is_the_highest_or_lowest_as_the_output_prefers() {
        let e = |mean| Estimate { mean, lo: mean - 0.01, hi: mean + 0.01 };
        let points =
            || vec![("a".to_string(), e(0.2)), ("b".to_string(), e(0.5)), ("c".to_string(), e(0.1))].into_iter();
        assert!(best_of(points(), &OUTPUTS[0], false).unwrap().starts_with("Highest people reached so far: b, 50.0"));
        let gap = OUTPUTS.iter().find(|o| o.id == "gap").unwrap();
        assert!(best_of(points(), gap, true).unwrap().starts_with("Lowest gap in reach: c, 10.0"));
        assert_eq!(best_of(std::iter::empty(), gap, true), None);
    }
}
