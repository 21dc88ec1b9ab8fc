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
    chart_in_slot, ChartPicker, DifferenceTable, GroupsEditor, Headline, LeversPanel, LeversPanelProps, OutcomesCard,
    Toolbar, TopBar,
};
use crate::hooks::{log, use_address_sync, use_run_clock};
use crate::runner::{use_run_pool, ReplicateResponse};
use crate::state::{differences, reduce, Action, AppState, Shared};
use crate::views;
use crate::workshop::{use_player, use_workshop_keys, Handout, HandoutPage, NotesPanel, Presenting, WorkshopAction};

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
        use_run_pool(Callback::from(move |response: ReplicateResponse| {
            clock.received(&response, replicates);
            dispatcher.dispatch(Action::ReplicateArrived { run_id: response.run_id, result: response.result });
        }))
    };
    {
        let (pool, scenario) = (pool.clone(), state.scenario.clone());
        use_effect_with(state.run_id(), move |&run_id| {
            if let Err(e) = pool.start(run_id, &scenario) {
                log(&format!("run {run_id} not started: {e}"));
            }
        });
    }
    use_address_sync(state.scenario.clone(), state.run_id(), dispatch.clone());
    use_workshop_keys(state.workshop.presenting, dispatch.clone());
    use_player(state.workshop.playing, dispatch.clone());

    let summary = state.summary().map(Shared::new);
    let baseline = state.baseline.as_ref().map(Shared::new);
    let baseline_summary = state.baseline.as_ref().and_then(|b| b.summary.as_ref()).map(Shared::new);
    let specs: Rc<Vec<Rc<ChartSpec>>> = use_memo(
        (summary.clone(), baseline_summary.clone(), state.scenario.groups.ordered),
        |(summary, baseline, ordered)| {
            let Some(summary) = summary else { return Vec::new() };
            views::charts(summary, baseline.as_deref(), *ordered).into_iter().map(Rc::new).collect()
        },
    );
    let chart_ids: Rc<Vec<String>> = use_memo(specs.clone(), |specs| specs.iter().map(|s| s.id.clone()).collect());
    let compared = use_memo((Shared::new(&state.run), baseline.clone()), |(run, baseline)| {
        baseline.as_ref().and_then(|b| differences(run, b)).map(Rc::new)
    });
    let scale = if state.large_text { 1.4 } else { 1.0 };
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
        let pages: Vec<HandoutPage> = state
            .shown
            .iter()
            .map(|run| ("This scenario", run))
            .chain(state.baseline.iter().map(|run| ("Baseline", run)))
            .filter_map(|(label, run)| {
                let summary = Shared::new(run.summary.as_ref()?);
                Some(HandoutPage { label: label.into(), scenario: run.scenario.clone(), summary })
            })
            .collect();
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
                        notes_open={workshop.notes_open} levers_open={workshop.levers_open} dispatch={dispatch.clone()} />
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
                dispatch={dispatch.clone()}>
                <Toolbar scenario={state.scenario.clone()} summary={summary.clone()} complete={state.complete()}
                    comparing={baseline.is_some()} {chart_ids} dispatch={dispatch.clone()} />
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
                    <LeversPanel ..LeversPanelProps::of(&state, dispatch.clone()) />
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
                    <section class="story" aria-label="About this scenario">
                        <h2 id="scenario-name">{ state.scenario.name.clone() }</h2>
                        <p class="narrative" id="narrative">{ state.scenario.narrative.clone() }</p>
                    </section>
                    if let Some(summary) = summary {
                        <OutcomesCard {summary} />
                    }
                    if let (Some(rows), Some(b)) = ((*compared).clone(), baseline) {
                        <DifferenceTable {rows} baseline={b.scenario.name.clone()} />
                    }
                    <h2 class="more-charts-heading">{ "More charts" }</h2>
                    <div class="charts">
                        { for specs.iter().filter(|s| s.id != left && s.id != right).map(|spec| {
                            let key = spec.id.clone();
                            html! { <Chart {key} spec={spec.clone()} {scale} /> }
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
