//! The workshop's keys, as a pure map from a key to what it does, so the page and its tests agree.
//!
//! Presenting: Esc leaves; Space plays or pauses; the left and right arrows step a year (Home: year 0, End:
//! every year); Page Down / Page Up step the facilitator's notes (what a presentation clicker sends);
//! H hides the results, R reveals them, L replays the last change, N shows the notes, C the lever column,
//! D the teams' debrief, 1 to 3 put a chart on the stage. Anywhere else on the page, P starts presenting.

use super::reveal::STAGE_CHARTS;
use super::state::WorkshopAction;

/// What `key` (a `KeyboardEvent.key`) does, presenting or not; `None`: the key is left to the page.
pub fn action_for(key: &str, presenting: bool) -> Option<WorkshopAction> {
    if !presenting {
        return matches!(key, "p" | "P").then_some(WorkshopAction::Present(true));
    }
    Some(match key {
        "Escape" => WorkshopAction::Present(false),
        " " | "Spacebar" => WorkshopAction::TogglePlay,
        "ArrowRight" => WorkshopAction::StepYear(1),
        "ArrowLeft" => WorkshopAction::StepYear(-1),
        "Home" => WorkshopAction::SetYear(Some(0)),
        "End" => WorkshopAction::SetYear(None),
        "PageDown" => WorkshopAction::Step(1),
        "PageUp" => WorkshopAction::Step(-1),
        "h" | "H" => WorkshopAction::Hide,
        "r" | "R" => WorkshopAction::Reveal,
        "l" | "L" => WorkshopAction::ReplayLastChange,
        "n" | "N" => WorkshopAction::ToggleNotes,
        "c" | "C" => WorkshopAction::ToggleLevers,
        "d" | "D" => WorkshopAction::ToggleDebrief,
        other => {
            let (id, _) = STAGE_CHARTS.iter().find(|(_, k)| *k == other)?;
            WorkshopAction::ShowChart((*id).to_string())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_present_step_and_leave() {
        assert_eq!(action_for("p", false), Some(WorkshopAction::Present(true)));
        assert_eq!(action_for("Escape", false), None, "Esc outside presenting is the page's");
        assert_eq!(action_for("ArrowRight", false), None);
        assert_eq!(action_for("Escape", true), Some(WorkshopAction::Present(false)));
        assert_eq!(action_for(" ", true), Some(WorkshopAction::TogglePlay));
        assert_eq!(action_for("ArrowLeft", true), Some(WorkshopAction::StepYear(-1)));
        assert_eq!(action_for("PageDown", true), Some(WorkshopAction::Step(1)));
        assert_eq!(action_for("2", true), Some(WorkshopAction::ShowChart("chart-gap".into())));
        assert_eq!(action_for("9", true), None);
        assert_eq!(action_for("d", true), Some(WorkshopAction::ToggleDebrief));
        assert_eq!(action_for("x", true), None);
    }
}
