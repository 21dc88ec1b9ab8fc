//! The root component: one reducer for the page's state, a pool of replicate workers fed on every
//! accepted change, and the layout (levers on one side, charts on the other, presets on top).
//!
//! Each piece gets only what it draws, so an arriving replicate re-renders the progress, the outcomes and
//! the charts whose spec changed, and no lever control. Chart specs and differences are memoised on the
//! identity of the runs they come from.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::history;
use crate::charts::{Chart, ChartSpec};
use crate::components::{
    chart_in_slot, lever_signs, ChartPicker, DifferenceTable, FitCheck, GroupsEditor, Headline, HelpPopup,
    HistoryButtons, LeversPanel, LeversPanelProps, OptionRow, OptionsPanel, OutcomesCard, Toolbar, TopBar, WhatBinds,
    WorthIt,
};
use crate::experiments::{StudyAction, StudyPanel};
use crate::hooks::{log, use_address_sync, use_run_clock, use_undo_keys};
use crate::runner::{use_run_pool, WorkerResponse};
use crate::state::{differences, reduce, Action, AppState, Run, Shared, WorkerTask};
use crate::views::{self, option_colour, Others};
use crate::workshop::{use_player, use_workshop_keys, Handout, HandoutPage, NotesPanel, Presenting, WorkshopAction};

/// A run expected to take longer than this, in seconds, shows its estimated time while it runs.
const LONG_RUN_SECONDS: f64 = 3.0;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState::from_fragment(&history::fragment()));
    let shown = state.shown.as_ref().map(Shared::new);
    let clock = use_run_clock(state.run_id(), shown.clone());
    // One callback for the page's whole life: components holding it never re-render because of it.
    let dispatch = {
        let clock = clock.clone();
        use_callback(state.dispatcher(), move |action: Action, dispatcher| {
            clock.edited();
            dispatcher.dispatch(action);
        })
    };
    let pool = {
        let dispatcher = state.dispatcher();
        let (clock, replicates) = (clock.clone(), state.scenario.replicates);
        use_run_pool(Callback::from(move |response: WorkerResponse| match response {
            WorkerResponse::Replicate(response) => {
                clock.received(&response, replicates);
                dispatcher.dispatch(Action::ReplicateArrived { run_id: response.run_id, result: response.result });
            }
            WorkerResponse::Point(answer) => dispatcher.dispatch(Action::Study(StudyAction::Arrived(answer))),
        }))
    };
    {
        // The workers do one thing at a time (`AppState::worker_task`): the current run first, then a
        // baseline or options opened from a link, and only then the study on show, point by point.
        let pool = pool.clone();
        let task = state.worker_task();
        use_effect_with(task.key(), move |_| match task {
            WorkerTask::Run(run) => {
                if let Err(e) = pool.start(run.id, &run.scenario) {
                    log(&format!("run {} not started: {e}", run.id));
                }
            }
            WorkerTask::Study(study) => {
                pool.start_points(study.id, Rc::new(study.jobs()));
            }
            // Nothing to do (a study was stopped or set aside): drop whatever is queued.
            WorkerTask::Idle => pool.cancel(),
        });
    }
    use_address_sync(&state, dispatch.clone());
    use_undo_keys(dispatch.clone());
    use_workshop_keys(state.workshop.presenting, dispatch.clone());
    use_player(state.workshop.playing, dispatch.clone());

    let summary = state.summary().map(Shared::new);
    let baseline = state.baseline.as_ref().filter(|b| b.complete()).map(Shared::new);
    let baseline_summary = baseline.as_ref().and_then(|b| b.summary.as_ref()).map(Shared::new);
    // The run before the last change, faint, once the new run is on screen.
    let ghost_summary = state
        .ghost
        .as_ref()
        .filter(|g| !state.shown.as_ref().is_some_and(|s| Rc::ptr_eq(s, g)))
        .and_then(|g| g.summary.as_ref())
        .map(Shared::new);
    // Options are drawn once complete; the memo key is their names and summaries (by identity).
    let option_summaries: Vec<(String, Shared<rollout_engine::summary::RunSummary>)> =
        state.options.iter().filter_map(|o| o.complete_summary().map(|s| (o.name.clone(), Shared::new(s)))).collect();
    let specs: Rc<Vec<Rc<ChartSpec>>> = use_memo(
        (
            summary.clone(),
            baseline_summary.clone(),
            ghost_summary.clone(),
            option_summaries,
            state.scenario.groups.ordered,
        ),
        |(summary, baseline, ghost, options, ordered)| {
            let Some(summary) = summary else { return Vec::new() };
            let options: Vec<(&str, &rollout_engine::summary::RunSummary)> =
                options.iter().map(|(name, s)| (name.as_str(), &**s)).collect();
            let others = Others { baseline: baseline.as_deref(), ghost: ghost.as_deref(), options: &options };
            views::charts_with(summary, others, *ordered).into_iter().map(Rc::new).collect()
        },
    );
    let charts: Rc<Vec<(String, String)>> =
        use_memo(specs.clone(), |specs| specs.iter().map(|s| (s.id.clone(), s.title.clone())).collect());
    let compared = use_memo((Shared::new(&state.run), baseline.clone()), |(run, baseline)| {
        baseline.as_ref().and_then(|b| differences(run, b)).map(Rc::new)
    });
    let signs = use_memo(summary.clone(), |summary| summary.as_ref().map(|s| lever_signs(s)).unwrap_or_default());
    // The comparison table: this scenario, then each option, each against the baseline (paired when the
    // seeds match). Differences are memoised on the identity of the runs, so renaming recomputes nothing.
    let option_runs: Vec<Shared<Run>> = state.options.iter().map(|o| Shared::new(&o.run)).collect();
    let option_differences = use_memo((option_runs, baseline.clone()), |(runs, baseline)| {
        runs.iter().map(|run| baseline.as_ref().and_then(|b| differences(run, b)).map(Rc::new)).collect::<Vec<_>>()
    });
    let option_rows: Rc<Vec<OptionRow>> = {
        let row = |name: String, colour, run: &Rc<Run>, differences| OptionRow {
            name,
            colour,
            summary: run.complete().then(|| run.summary.as_ref().map(Shared::new)).flatten(),
            differences,
            people: run.scenario.agents,
            ordered: run.scenario.groups.ordered,
            done: run.replicates.len(),
            total: run.total(),
        };
        let mut rows = vec![row("This scenario".into(), None, &state.run, (*compared).clone())];
        for (i, o) in state.options.iter().enumerate() {
            rows.push(row(
                o.name.clone(),
                Some(option_colour(i)),
                &o.run,
                option_differences.get(i).cloned().flatten(),
            ));
        }
        Rc::new(rows)
    };
    let scale = if state.large_text { 1.4 } else { 1.0 };
    // Before a long run, how long it will take with this page's workers (the engine's own estimate).
    let estimate = use_memo(state.scenario.clone(), |s| {
        let seconds =
            rollout_engine::cost::estimate(s).wall_seconds(crate::runner::RunPool::default_size(), s.replicates);
        (seconds > LONG_RUN_SECONDS).then(|| rollout_engine::cost::duration(seconds))
    });
    // The two large charts of the first screen: what each picker asks for; a chart the run lacks (no gap
    // with one group) falls back to the next one.
    let picked = use_state(|| ("chart-uptake".to_string(), "chart-gap".to_string()));
    let left = chart_in_slot(&specs, &picked.0, &[]).map(|s| s.id.clone()).unwrap_or_default();
    let right = chart_in_slot(&specs, &picked.1, &["chart-active"]).map(|s| s.id.clone()).unwrap_or_default();
    let pick = |left_slot: bool| {
        let picked = picked.clone();
        Callback::from(move |id: String| {
            let (l, r) = (*picked).clone();
            picked.set(if left_slot { (id, r) } else { (l, id) });
        })
    };
    let workshop = &state.workshop;
    if workshop.handout {
        let pages = HandoutPage::all(state.shown.as_ref(), state.baseline.as_ref(), &state.options);
        return html! { <div class="app handout-mode"><Handout {pages} dispatch={dispatch} /></div> };
    }
    if workshop.presenting {
        let replay_from = workshop.previous.as_ref().and_then(|r| r.summary.as_ref()).map(Shared::new);
        let compare = if workshop.replaying { replay_from.clone() } else { baseline_summary.clone() };
        return html! {
            <div class="app presenting">
                if let Some(notice) = state.notice.clone() {
                    <div class="notice" role="alert" id="notice">
                        <p>{ notice }</p>
                        <button type="button" onclick={dispatch.reform(|_| Action::DismissNotice)}>{ "Dismiss" }</button>
                    </div>
                }
                <main class="present-layout">
                    if workshop.levers_open {
                        <aside class="levers-column present-levers">
                            <LeversPanel ..LeversPanelProps::of(&state, dispatch.clone()) />
                        </aside>
                    }
                    <Presenting summary={summary.clone()} {compare} replaying={workshop.replaying}
                        can_replay={replay_from.is_some()} ordered={state.scenario.groups.ordered}
                        months={state.scenario.months} chart={workshop.stage_chart().to_string()} year={workshop.year}
                        playing={workshop.playing} hidden={workshop.hidden} guess={workshop.guess.clone()}
                        notes_open={workshop.notes_open} levers_open={workshop.levers_open} debrief={workshop.debrief}
                        options={state.options.clone()} name_error={crate::workshop::debrief::name_error(&state.errors)}
                        dispatch={dispatch.clone()} />
                    if workshop.notes_open {
                        <NotesPanel preset={workshop.notes_preset} step={workshop.step} scenario={state.scenario.clone()}
                            dispatch={dispatch.clone()} />
                    }
                </main>
            </div>
        };
    }
    let workshop_buttons = html! {
        <>
            <button type="button" id="present" title="Presenting mode for a projector (P); Esc leaves"
                onclick={dispatch.reform(|_| Action::Workshop(WorkshopAction::Present(true)))}>{ "Present" }</button>
            <button type="button" id="handout-open" disabled={summary.is_none()} title="One printable A4 page per scenario"
                onclick={dispatch.reform(|_| Action::Workshop(WorkshopAction::Handout(true)))}>{ "Handout" }</button>
        </>
    };
    html! {
        <div class={classes!("app", state.large_text.then_some("large"))}>
            <a class="skip-link" href="#results">{ "Skip to the results" }</a>
            <TopBar preset={state.preset.clone()} large_text={state.large_text}
                done={state.run.replicates.len()} total={state.run.total()} complete={state.complete()}
                estimate={(*estimate).clone()} dispatch={dispatch.clone()}>
                <HistoryButtons undo={state.past.len()} redo={state.future.len()}
                    can_reset={*state.scenario != *state.origin} dispatch={dispatch.clone()} />
                <Toolbar scenario={state.scenario.clone()} summary={summary.clone()} complete={state.complete()}
                    comparing={state.baseline.is_some()} {charts} dispatch={dispatch.clone()} />
                { workshop_buttons }
            </TopBar>
            if let Some(notice) = state.notice.clone() {
                <div class="notice" role="alert" id="notice">
                    <p>{ notice }</p>
                    <button type="button" onclick={dispatch.reform(|_| Action::DismissNotice)}>{ "Dismiss" }</button>
                </div>
            }
            <main class="layout">
                <aside class="levers-column">
                    <LeversPanel signs={signs.clone()} ..LeversPanelProps::of(&state, dispatch.clone()) />
                </aside>
                <div class="charts-column" id="results" tabindex="-1">
                    if let Some(summary) = summary.clone() {
                        <Headline {summary} baseline={baseline_summary.clone()} differences={(*compared).clone()}
                            people={state.scenario.agents} ordered={state.scenario.groups.ordered} />
                    } else {
                        <p class="loading" id="loading">{ "Running the first replicate…" }</p>
                    }
                    <div class="main-charts">
                        <ChartPicker id="picker-left" specs={specs.clone()} picked={left.clone()} on_pick={pick(true)} {scale} />
                        if right != left {
                            <ChartPicker id="picker-right" specs={specs.clone()} picked={right.clone()} on_pick={pick(false)} {scale} />
                        }
                    </div>
                    if let Some(summary) = summary.clone() {
                        <WhatBinds {summary} />
                    }
                    <OptionsPanel options={state.options.clone()} rows={option_rows}
                        baseline={baseline_summary.clone().zip(baseline.as_ref().map(|b| b.scenario.name.clone()))}
                        drafts={state.drafts.clone()} errors={state.errors.clone()} dispatch={dispatch.clone()} />
                    <section class="story" aria-label="About this scenario">
                        <h2 id="scenario-name">{ state.scenario.name.clone() }</h2>
                        <p class="narrative" id="narrative">{ state.scenario.narrative.clone() }</p>
                    </section>
                    if let Some(summary) = summary.clone() {
                        <OutcomesCard {summary} />
                    }
                    if let Some(summary) = summary {
                        <WorthIt {summary} baseline={baseline_summary.clone()} {scale} />
                    }
                    <StudyPanel study={state.studies.study.as_ref().map(Shared::new)} scenario={state.scenario.clone()}
                        error={state.studies.error.clone()}
                        waiting={state.study_waiting()}
                        dispatch={dispatch.clone()} />
                    if let Some(run) = state.shown.as_ref() {
                        <FitCheck preset={AttrValue::from(state.preset.clone())} run={Shared::new(run)} />
                    }
                    if let (Some(rows), Some(b)) = ((*compared).clone(), baseline) {
                        <DifferenceTable {rows} baseline={b.scenario.name.clone()} />
                    }
                    <h2 class="more-charts-heading">{ "More charts" }</h2>
                    <div class="charts">
                        { for specs.iter().filter(|s| s.id != left && s.id != right).map(|spec| {
                            let key = spec.id.clone();
                            html! {
                                <div class="more-chart" {key}>
                                    <div class="chart-head">
                                        <HelpPopup id={format!("{}-help", spec.id)}
                                            label={format!("What the chart \"{}\" shows", spec.title)}
                                            text={views::chart_help(&spec.id)} />
                                    </div>
                                    <Chart key={spec.id.clone()} spec={spec.clone()} {scale} />
                                </div>
                            }
                        }) }
                    </div>
                    <GroupsEditor scenario={state.scenario.clone()} drafts={state.drafts.clone()}
                        errors={state.errors.clone()} dispatch={dispatch} />
                </div>
            </main>
            <footer>{ format!("Rollout Lab v{} · runs entirely in your browser; nothing leaves this page", env!("CARGO_PKG_VERSION")) }</footer>
        </div>
    }
}
