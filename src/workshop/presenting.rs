//! Presenting mode's stage: a bar of large controls (chart, year, play, replay, hide / reveal, notes,
//! levers, leave) over one chart that fills the screen, with the year's headline numbers. While results are
//! hidden, only an empty frame to guess on is drawn and no number of the run is written.

use std::rc::Rc;

use rollout_engine::summary::RunSummary;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::debrief::Debrief;
use super::reveal::{before_the_change, hidden_frame, up_to, with_guess, year_figures, GUESS_LABEL, STAGE_CHARTS};
use super::stage::Stage;
use super::state::{years_in, Guess, WorkshopAction};
use crate::charts::readout::describe;
use crate::components::{chart_in_slot, estimate};
use crate::format::ValueFormat;
use crate::state::{Action, PolicyOption, Shared};
use crate::views;

/// Type and line scale of the stage chart: readable from the back of a room.
pub const STAGE_SCALE: f64 = 1.6;

#[derive(Properties, PartialEq)]
pub struct PresentingProps {
    /// The run on screen, if it has a summary yet.
    pub summary: Option<Shared<RunSummary>>,
    /// Drawn dashed beside it: the run before the last change (replaying) or the pinned baseline.
    pub compare: Option<Shared<RunSummary>>,
    /// "Replay last change" is on (the dashed lines are the previous run).
    pub replaying: bool,
    /// A previous complete run exists to replay from.
    pub can_replay: bool,
    pub ordered: bool,
    /// Months in the scenario.
    pub months: u32,
    pub chart: AttrValue,
    pub year: Option<u32>,
    pub playing: bool,
    pub hidden: bool,
    pub guess: Option<Guess>,
    pub notes_open: bool,
    pub levers_open: bool,
    /// The teams' debrief is on the stage instead of the chart.
    pub debrief: bool,
    /// The teams' plans (options).
    pub options: Rc<Vec<PolicyOption>>,
    /// Why the last team name was refused.
    pub name_error: Option<String>,
    pub dispatch: Callback<Action>,
}

fn act(dispatch: &Callback<Action>, action: WorkshopAction) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.emit(Action::Workshop(action.clone())))
}

#[function_component(Presenting)]
pub fn presenting(props: &PresentingProps) -> Html {
    let up_to_month = props.year.map(|y| (y * 12).min(props.months));
    let spec = use_memo(
        (
            props.summary.clone(),
            props.compare.clone(),
            props.chart.clone(),
            up_to_month,
            props.hidden,
            props.guess.clone(),
            (props.months, props.ordered, props.replaying),
        ),
        |(summary, compare, chart, up_to_month, hidden, guess, (months, ordered, replaying))| {
            let summary = summary.as_ref()?;
            let specs: Vec<Rc<_>> =
                views::charts(summary, compare.as_deref(), *ordered).into_iter().map(Rc::new).collect();
            let spec = chart_in_slot(&specs, chart, &[])?;
            Some(Rc::new(if *hidden {
                hidden_frame(spec, *months, guess.as_ref())
            } else {
                let shown = with_guess(up_to(spec, *up_to_month), guess.as_ref());
                if *replaying {
                    before_the_change(shown)
                } else {
                    shown
                }
            }))
        },
    );
    let d = &props.dispatch;
    let years = years_in(props.months);
    let year_value = props.year.unwrap_or(years);
    let on_year = {
        let dispatch = d.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(y) = e.target_unchecked_into::<HtmlInputElement>().value().parse::<u32>() {
                dispatch.emit(Action::Workshop(WorkshopAction::SetYear(Some(y))));
            }
        })
    };
    let on_chart = {
        let dispatch = d.clone();
        Callback::from(move |e: Event| {
            let id = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.emit(Action::Workshop(WorkshopAction::ShowChart(id)));
        })
    };
    let on_guess = {
        let dispatch = d.clone();
        Callback::from(move |g: Guess| dispatch.emit(Action::Workshop(WorkshopAction::SetGuess(g))))
    };
    let year_text = match props.year {
        Some(y) => format!("Year {y} of {years}"),
        None => format!("All {years} years"),
    };
    let stage_id = spec.as_ref().as_ref().map(|s| s.id.clone()).unwrap_or_default();
    let guess_text = props.guess.as_ref().filter(|g| g.chart == stage_id).map(|g| {
        let format = spec.as_ref().as_ref().map_or(ValueFormat::Percent, |s| s.y_format);
        let unit = if matches!(format, ValueFormat::Percent) { "" } else { " pts" };
        format!("{GUESS_LABEL}: {}{unit} at year {}", format.format(g.value), crate::format::format_x(g.month / 12.0))
    });
    let figures = match (&props.summary, props.hidden) {
        (Some(summary), false) => year_figures(summary, up_to_month),
        _ => Vec::new(),
    };
    html! {
        <div class="presenting-main">
            <div class="present-bar" role="toolbar" aria-label="Presenting controls">
                <button type="button" id="present-leave" onclick={act(d, WorkshopAction::Present(false))}>{ "Leave (Esc)" }</button>
                <label>{ "Chart " }
                    <select id="stage-picker" onchange={on_chart}>
                        { for STAGE_CHARTS.iter().map(|(id, key)| {
                            let title = match *id { "chart-uptake" => "Ever used it", "chart-gap" => "Gap between groups", _ => "Using it now" };
                            html! { <option value={*id} selected={*id == stage_id.as_str()}>{ format!("{title} ({key})") }</option> }
                        }) }
                    </select>
                </label>
                <span class="year-control">
                    <button type="button" id="year-back" aria-label="One year back" onclick={act(d, WorkshopAction::StepYear(-1))}>{ "\u{25C0}" }</button>
                    <input type="range" id="year" min="0" max={years.to_string()} step="1" value={year_value.to_string()}
                        aria-label="Year shown" aria-valuetext={year_text.clone()} oninput={on_year} />
                    <button type="button" id="year-forward" aria-label="One year on" onclick={act(d, WorkshopAction::StepYear(1))}>{ "\u{25B6}" }</button>
                    <span id="year-label" class="year-label" aria-live="polite">{ year_text }</span>
                    <button type="button" id="play" aria-pressed={props.playing.to_string()} onclick={act(d, WorkshopAction::TogglePlay)}>
                        { if props.playing { "Pause" } else { "Play" } }
                    </button>
                </span>
                <button type="button" id="replay" disabled={!props.can_replay || props.hidden} onclick={act(d, WorkshopAction::ReplayLastChange)}
                    title="Play the years again, the run before the last change dashed (L)">{ "Replay last change" }</button>
                if props.hidden {
                    <button type="button" id="reveal" class="primary" onclick={act(d, WorkshopAction::Reveal)}>{ "Reveal (R)" }</button>
                } else {
                    <button type="button" id="hide" onclick={act(d, WorkshopAction::Hide)}>{ "Hide (H)" }</button>
                }
                <button type="button" id="notes-toggle" aria-pressed={props.notes_open.to_string()} onclick={act(d, WorkshopAction::ToggleNotes)}>{ "Notes (N)" }</button>
                <button type="button" id="debrief-toggle" aria-pressed={props.debrief.to_string()} onclick={act(d, WorkshopAction::ToggleDebrief)}>{ "Teams (D)" }</button>
                <button type="button" id="levers-toggle" aria-pressed={props.levers_open.to_string()} onclick={act(d, WorkshopAction::ToggleLevers)}>{ "Levers (C)" }</button>
            </div>
            <div class="year-figures" id="year-figures" aria-live="polite" hidden={props.debrief}>
                if props.hidden {
                    <p class="hidden-note" id="hidden-note">{ "Results hidden. Mark the room's guess on the chart, then reveal (R)." }</p>
                } else {
                    { for figures.iter().map(|f| html! {
                        <div class="year-figure" id={f.id}>
                            <span class="year-figure-title">{ format!("{}, year {year_value}", f.title) }</span>
                            <span class="year-figure-value">{ estimate(&f.value) }</span>
                        </div>
                    }) }
                }
                if let Some(text) = guess_text {
                    <p class="guess-text" id="guess-text">{ text }</p>
                }
            </div>
            if props.debrief {
                <Debrief options={props.options.clone()} name_error={props.name_error.clone()} dispatch={d.clone()} />
            } else if let Some(spec) = spec.as_ref().clone() {
                <figure class="stage" id="stage-figure" data-up-to-month={up_to_month.map(|m| m.to_string())}>
                    <figcaption class="visually-hidden">{ &spec.title }</figcaption>
                    <Stage canvas_id="stage-chart" spec={spec.clone()} scale={STAGE_SCALE}
                        label={if props.hidden { format!("{}: results hidden until revealed.", spec.title) } else { describe(&spec) }}
                        guess={props.guess.clone()} on_guess={props.hidden.then_some(on_guess)} />
                </figure>
            } else {
                <p class="loading" id="loading">{ "Running the first replicate…" }</p>
            }
        </div>
    }
}
