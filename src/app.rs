//! The root component: one reducer for the page's state, a pool of replicate workers fed on every
//! accepted change, and the layout (levers on one side, charts on the other, presets on top).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::history;
use crate::charts::Chart;
use crate::components::{DifferenceTable, GroupsEditor, LeversPanel, OutcomesCard, Toolbar, TopBar};
use crate::runner::timing::now_ms;
use crate::runner::{use_run_pool, ReplicateResponse};
use crate::state::{differences, reduce, Action, AppState};
use crate::views;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce(&self, action))
    }
}

/// When the current run started, and whether its first replicate has been logged: the page logs
/// `[timing]` lines to the console for the speed report (first replicate, all replicates).
#[derive(Default)]
struct RunClock {
    run_id: u64,
    started_ms: f64,
    received: u32,
    compute_ms: f64,
}

fn log(line: &str) {
    web_sys::console::log_1(&line.into());
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| AppState::from_fragment(&history::fragment()));
    let clock: Rc<RefCell<RunClock>> = use_mut_ref(RunClock::default);
    let pool = {
        let dispatcher = state.dispatcher();
        let clock = clock.clone();
        let replicates = state.scenario.replicates;
        use_run_pool(Callback::from(move |response: ReplicateResponse| {
            {
                let mut c = clock.borrow_mut();
                if c.run_id == response.run_id {
                    c.received += 1;
                    c.compute_ms += response.compute_ms;
                    let elapsed = now_ms() - c.started_ms;
                    if c.received == 1 {
                        log(&format!(
                            "[timing] run {}: first replicate after {elapsed:.0} ms (engine {:.0} ms)",
                            c.run_id, response.compute_ms
                        ));
                    }
                    if c.received == replicates {
                        log(&format!(
                            "[timing] run {}: all {replicates} replicates after {elapsed:.0} ms (engine {:.0} ms in total)",
                            c.run_id, c.compute_ms
                        ));
                    }
                }
            }
            dispatcher.dispatch(Action::ReplicateArrived { run_id: response.run_id, result: response.result });
        }))
    };
    {
        let pool = pool.clone();
        let scenario = state.scenario.clone();
        let clock = clock.clone();
        use_effect_with(state.run_id, move |&run_id| {
            *clock.borrow_mut() = RunClock { run_id, started_ms: now_ms(), ..RunClock::default() };
            if let Err(e) = pool.start(run_id, &scenario) {
                log(&format!("run {run_id} not started: {e}"));
            }
        });
    }
    // The scenario lives in the address: every accepted change is shown there (the first replaces the
    // entry the page opened with; drags merge into one entry), so links and back/forward carry it.
    {
        let scenario = state.scenario.clone();
        let opened: Rc<RefCell<bool>> = use_mut_ref(|| false);
        use_effect_with(state.run_id, move |_| {
            let first = !std::mem::replace(&mut *opened.borrow_mut(), true);
            history::show(&rollout_engine::link::fragment_for(&scenario), now_ms(), first);
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = history::listen(move |fragment| {
                let trimmed = fragment.trim_start_matches('#');
                if trimmed.is_empty() {
                    return;
                }
                dispatcher.dispatch(match rollout_engine::link::decode_with_note(trimmed) {
                    Ok((scenario, note)) => {
                        Action::LoadScenario { scenario: Box::new(scenario), notice: note.map(str::to_string) }
                    }
                    Err(e) => Action::ShowNotice(format!("{e} Your current scenario is kept.")),
                });
            });
            move || drop(listener)
        });
    }
    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let shared: Rc<AppState> = Rc::new((*state).clone());
    let scale = if state.large_text { 1.4 } else { 1.0 };
    let selftest = crate::runner::selftest::selftest_requested();
    let baseline_summary = state.baseline.as_ref().map(|b| b.summary.clone());
    let specs = state
        .summary
        .as_ref()
        .map(|s| views::charts(s, baseline_summary.as_deref(), state.scenario.groups.ordered))
        .unwrap_or_default();
    let chart_ids: Vec<String> = specs.iter().map(|s| s.id.clone()).collect();
    let compared = differences(&state);
    let baseline_name = state.baseline.as_ref().map(|b| b.scenario.name.clone()).unwrap_or_default();
    html! {
        <div class={classes!("app", state.large_text.then_some("large"))}>
            <TopBar state={shared.clone()} dispatch={dispatch.clone()}>
                <Toolbar state={shared.clone()} dispatch={dispatch.clone()} {chart_ids} />
            </TopBar>
            if let Some(notice) = state.notice.clone() {
                <div class="notice" role="alert" id="notice">
                    <p>{ notice }</p>
                    <button type="button" onclick={dispatch.reform(|_| Action::DismissNotice)}>{ "Dismiss" }</button>
                </div>
            }
            <main class="layout">
                <aside class="levers-column">
                    <LeversPanel state={shared.clone()} dispatch={dispatch.clone()} />
                </aside>
                <div class="charts-column">
                    <section class="story" aria-label="About this scenario">
                        <h2 id="scenario-name">{ state.scenario.name.clone() }</h2>
                        <p class="narrative" id="narrative">{ state.scenario.narrative.clone() }</p>
                    </section>
                    if let Some(summary) = state.summary.clone() {
                        <OutcomesCard {summary} />
                    } else {
                        <p class="loading" id="loading">{ "Running the first replicate…" }</p>
                    }
                    if let Some(rows) = compared {
                        <DifferenceTable {rows} baseline={baseline_name} />
                    }
                    <div class="charts">
                        { for specs.into_iter().map(|spec| {
                            let key = spec.id.clone();
                            html! { <Chart {key} spec={Rc::new(spec)} {scale} /> }
                        }) }
                    </div>
                    <GroupsEditor state={shared} dispatch={dispatch} />
                </div>
            </main>
            if selftest { <crate::runner::selftest::PoolSelfTest /> }
            <footer>{ format!("Rollout Lab v{} · runs entirely in your browser; nothing leaves this page", env!("CARGO_PKG_VERSION")) }</footer>
        </div>
    }
}
