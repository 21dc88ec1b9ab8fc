//! The workshop sub-state (presenting mode, the year shown, predict-then-reveal, facilitator notes, the
//! handout) and its pure reducer. It lives in [`AppState::workshop`](crate::state::AppState) and changes only
//! through [`Action::Workshop`](crate::state::Action), apart from [`Workshop::after`], which the page's
//! reducer calls after every action to remember the last two complete runs (for "replay last change").

use std::rc::Rc;

use crate::state::Run;

use super::notes;

/// The chart shown on the stage when presenting starts: the first screen's left chart.
pub const FIRST_STAGE_CHART: &str = "chart-uptake";

/// A guess the room marked on a chart before the result was revealed.
#[derive(Clone, Debug, PartialEq)]
pub struct Guess {
    /// The chart it was marked on (`chart-gap`).
    pub chart: String,
    /// Month of the guessed point.
    pub month: f64,
    /// The guessed value, in the chart's own units (a share 0 to 1 for percentages).
    pub value: f64,
}

/// The page's workshop state. Small, cloned with the rest of the page's state; runs are shared `Rc`s.
#[derive(Clone, Debug, Default)]
pub struct Workshop {
    /// Presenting mode: one chart fills the screen, the page chrome is hidden.
    pub presenting: bool,
    /// The lever column is shown beside the stage while presenting.
    pub levers_open: bool,
    /// DOM id of the chart on the stage (empty: [`FIRST_STAGE_CHART`]).
    pub chart: String,
    /// The last year revealed (curves drawn up to month `12 × year`); `None` shows every year.
    pub year: Option<u32>,
    /// The years advance on their own, one a second.
    pub playing: bool,
    /// "Replay last change": the run before the last change is drawn dashed beside this one.
    pub replaying: bool,
    /// Results are hidden until revealed: no number or curve of the run is in the page.
    pub hidden: bool,
    /// The room's guess, kept after the reveal.
    pub guess: Option<Guess>,
    /// The facilitator's notes are shown.
    pub notes_open: bool,
    /// The preset whose facilitator notes are followed (kept while the room edits levers).
    pub notes_preset: Option<&'static str>,
    /// The facilitator step shown (0-based).
    pub step: usize,
    /// The printable handout is shown instead of the page.
    pub handout: bool,
    /// The teams' debrief (their plans ranked) is on the stage instead of the chart.
    pub debrief: bool,
    /// The last complete run, and the complete run before it (what "replay last change" compares).
    pub last_complete: Option<Rc<Run>>,
    pub previous: Option<Rc<Run>>,
}

/// What a workshop control asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopAction {
    /// Enter (true) or leave (false) presenting mode.
    Present(bool),
    /// Show or hide the lever column beside the stage.
    ToggleLevers,
    /// Put this chart (DOM id) on the stage.
    ShowChart(String),
    /// Reveal the curves up to this year (`None`: every year); stops playing.
    SetYear(Option<u32>),
    /// One year on (+1) or back (−1); from "every year", back goes to the year before the last.
    StepYear(i32),
    /// Play or pause the years.
    TogglePlay,
    /// The player's clock: one year on; at the last year playing stops.
    Tick,
    /// Replay the last change: from year 0, the previous run dashed beside this one.
    ReplayLastChange,
    /// Hide the results until revealed (clears the last guess).
    Hide,
    /// Show the results, with the guess beside them.
    Reveal,
    /// Mark (or move) the room's guess.
    SetGuess(Guess),
    /// Show or hide the facilitator's notes.
    ToggleNotes,
    /// The next (+1) or previous (−1) facilitator step.
    Step(i32),
    /// Show (true) or close (false) the printable handout.
    Handout(bool),
    /// Put the teams' debrief on the stage, or the chart back.
    ToggleDebrief,
}

/// Whole years (rounded up) in a run of `months`.
pub fn years_in(months: u32) -> u32 {
    months.div_ceil(12)
}

impl Workshop {
    /// The chart on the stage.
    pub fn stage_chart(&self) -> &str {
        if self.chart.is_empty() {
            FIRST_STAGE_CHART
        } else {
            &self.chart
        }
    }

    /// The last month revealed, for a run of `months`: `None` for all of them.
    pub fn up_to_month(&self, months: u32) -> Option<u32> {
        self.year.map(|y| (y * 12).min(months))
    }

    /// Applies `action`; `months` is the current scenario's length.
    pub fn apply(&mut self, action: WorkshopAction, months: u32) {
        let last = years_in(months);
        match action {
            WorkshopAction::Present(on) => {
                self.presenting = on;
                self.playing = false;
                if !on {
                    self.notes_open = false;
                }
            }
            WorkshopAction::ToggleLevers => self.levers_open = !self.levers_open,
            WorkshopAction::ShowChart(id) => {
                self.chart = id;
                self.debrief = false;
            }
            WorkshopAction::SetYear(year) => {
                self.year = year.map(|y| y.min(last)).filter(|&y| y < last);
                self.playing = false;
            }
            WorkshopAction::StepYear(by) => {
                let now = self.year.unwrap_or(last) as i64;
                let next = (now + i64::from(by)).clamp(0, i64::from(last)) as u32;
                self.year = (next < last).then_some(next);
                self.playing = false;
            }
            WorkshopAction::TogglePlay => {
                if self.playing {
                    self.playing = false;
                } else {
                    // Playing from "every year" starts again at year 0.
                    self.year = Some(self.year.unwrap_or(0));
                    self.playing = true;
                }
            }
            WorkshopAction::Tick => {
                if self.playing {
                    let next = self.year.map_or(last, |y| y + 1);
                    self.year = (next < last).then_some(next);
                    self.playing = next < last;
                    if !self.playing {
                        self.replaying = self.replaying && self.previous.is_some();
                    }
                }
            }
            WorkshopAction::ReplayLastChange => {
                if self.previous.is_some() {
                    self.replaying = true;
                    self.year = Some(0);
                    self.playing = true;
                }
            }
            WorkshopAction::Hide => {
                self.hidden = true;
                self.guess = None;
                self.replaying = false;
            }
            WorkshopAction::Reveal => self.hidden = false,
            WorkshopAction::SetGuess(guess) => {
                if guess.month.is_finite() && guess.value.is_finite() {
                    self.guess = Some(guess);
                }
            }
            WorkshopAction::ToggleNotes => self.notes_open = !self.notes_open,
            WorkshopAction::Step(by) => {
                let steps = self.notes_preset.and_then(notes::for_preset).map_or(0, |n| n.steps.len());
                if steps > 0 {
                    self.step = (self.step as i64 + i64::from(by)).clamp(0, steps as i64 - 1) as usize;
                }
            }
            WorkshopAction::ToggleDebrief => {
                self.debrief = !self.debrief;
                self.playing = false;
            }
            WorkshopAction::Handout(on) => {
                self.handout = on;
                self.playing = false;
            }
        }
    }

    /// Called after every action with the page's new state: remembers the last two complete runs, and the
    /// preset whose notes to follow (a preset with notes; edits, which make the scenario custom, keep it).
    pub fn after(&mut self, run: &Rc<Run>, preset: &str) {
        if run.complete() && !self.last_complete.as_ref().is_some_and(|r| Rc::ptr_eq(r, run)) {
            self.previous = self.last_complete.replace(run.clone());
            if self.replaying && !self.playing {
                self.replaying = false;
            }
        }
        if let Some(name) = notes::NOTES.iter().map(|n| n.0).find(|&n| n == preset) {
            if self.notes_preset != Some(name) {
                self.notes_preset = Some(name);
                self.step = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ten_years() -> (Workshop, u32) {
        (Workshop::default(), 120)
    }

    #[test]
    fn years_step_and_stop_at_both_ends() {
        let (mut w, months) = ten_years();
        assert_eq!(w.up_to_month(months), None, "every year at first");
        w.apply(WorkshopAction::StepYear(1), months);
        assert_eq!(w.year, None, "past the last year stays at every year");
        w.apply(WorkshopAction::StepYear(-1), months);
        assert_eq!(w.year, Some(9));
        assert_eq!(w.up_to_month(months), Some(108));
        w.apply(WorkshopAction::SetYear(Some(0)), months);
        w.apply(WorkshopAction::StepYear(-1), months);
        assert_eq!(w.year, Some(0));
        w.apply(WorkshopAction::SetYear(Some(25)), months);
        assert_eq!(w.year, None, "a year past the end shows every year");
        assert_eq!(Workshop { year: Some(3), ..Workshop::default() }.up_to_month(30), Some(30));
        assert_eq!(years_in(30), 3);
    }

    #[test]
    fn playing_ticks_a_year_at_a_time_and_stops_at_the_end() {
        let (mut w, months) = ten_years();
        w.apply(WorkshopAction::Tick, months);
        assert_eq!(w.year, None, "a tick does nothing while paused");
        w.apply(WorkshopAction::TogglePlay, months);
        assert!(w.playing);
        assert_eq!(w.year, Some(0));
        for y in 1..10 {
            w.apply(WorkshopAction::Tick, months);
            assert_eq!(w.year, Some(y));
        }
        w.apply(WorkshopAction::Tick, months);
        assert!(!w.playing && w.year.is_none());
        w.apply(WorkshopAction::TogglePlay, months);
        w.apply(WorkshopAction::StepYear(1), months);
        assert!(!w.playing, "stepping by hand pauses");
    }

    #[test]
    fn a_guess_is_cleared_by_hiding_and_kept_by_revealing() {
        let (mut w, months) = ten_years();
        let guess = Guess { chart: "chart-gap".into(), month: 120.0, value: 0.1 };
        w.apply(WorkshopAction::Hide, months);
        w.apply(WorkshopAction::SetGuess(guess.clone()), months);
        w.apply(WorkshopAction::SetGuess(Guess { value: f64::NAN, ..guess.clone() }), months);
        assert_eq!(w.guess.as_ref(), Some(&guess), "a guess off the chart is ignored");
        w.apply(WorkshopAction::Reveal, months);
        assert!(!w.hidden);
        assert_eq!(w.guess.as_ref(), Some(&guess));
        w.apply(WorkshopAction::Hide, months);
        assert!(w.hidden && w.guess.is_none());
    }

    #[test]
    fn facilitator_steps_stay_within_the_notes() {
        let (mut w, months) = ten_years();
        let run = Rc::new(Run::new(1, Rc::new(rollout_engine::presets::preset("heart-monitoring").unwrap().scenario)));
        w.after(&run, "heart-monitoring");
        let steps = notes::for_preset("heart-monitoring").unwrap().steps.len();
        for _ in 0..steps + 3 {
            w.apply(WorkshopAction::Step(1), months);
        }
        assert_eq!(w.step, steps - 1);
        w.after(&run, crate::state::CUSTOM);
        assert_eq!(w.notes_preset, Some("heart-monitoring"), "edits keep the notes");
        w.apply(WorkshopAction::Step(-1), months);
        assert_eq!(w.step, steps - 2);
        w.after(&run, "bass");
        assert_eq!(w.step, steps - 2, "a preset without notes keeps the last notes");
    }

    #[test]
    fn replay_compares_the_last_two_complete_runs() {
        use crate::state::{reduce, Action, AppState};
        let mut scenario = (*AppState::new().scenario).clone();
        (scenario.agents, scenario.months, scenario.replicates) = (300, 24, 2);
        let complete = crate::test_support::runs_done;
        let first =
            complete(reduce(&AppState::new(), Action::LoadScenario { scenario: Box::new(scenario), notice: None }));
        assert!(first.workshop.previous.is_none(), "one run: nothing to replay");
        let edit = Action::SetField { path: "levers.subsidy.level".into(), value: "1".into() };
        let second = complete(reduce(&first, edit));
        assert!(Rc::ptr_eq(second.workshop.previous.as_ref().unwrap(), &first.run), "the run before the change");
        assert!(Rc::ptr_eq(second.workshop.last_complete.as_ref().unwrap(), &second.run));
        let replay = reduce(&second, Action::Workshop(WorkshopAction::ReplayLastChange));
        assert!(replay.workshop.replaying && replay.workshop.playing && replay.workshop.year == Some(0));
    }

    #[test]
    fn replay_needs_a_previous_run() {
        let (mut w, months) = ten_years();
        w.apply(WorkshopAction::ReplayLastChange, months);
        assert!(!w.replaying && !w.playing);
    }
}
