//! `?selftest=pool`: runs the default preset through a [`RunPool`] and writes the results into hidden
//! `<pre>` elements, for `tests/e2e/replicate_worker.rs` to compare with the engine run natively.
//!
//! Three phases, one after the other:
//! 1. cold: [`selftest_scenario`] as run 1, straight after the workers were spawned (includes their start-up);
//! 2. warm: the same scenario as run 2; its CSV goes to `#pool-selftest-csv`, timings of both phases to
//!    `#pool-selftest-timing` (JSON);
//! 3. cancel: run 3 (another seed) is replaced by run 4 after three answers; `#pool-selftest-cancel` (JSON)
//!    says how many run-3 answers were delivered after the cancel (must be 0) and which replicates run 4 got.
//!
//! Failures go to `#pool-selftest-error`. Nothing is visible: the wrapper is `hidden`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use rollout_engine::record::ReplicateResult;
use rollout_engine::{output, presets, summary, Scenario};
use serde_json::json;
use yew::prelude::*;

use super::hook::use_run_pool;
use super::pool::RunPool;
use super::protocol::ReplicateResponse;
use super::timing::now_ms;

/// The scenario the self-test runs: the default preset at 10,000 agents and 20 replicates.
pub fn selftest_scenario() -> Scenario {
    let mut scenario = presets::preset(presets::DEFAULT).expect("the default preset exists").scenario;
    scenario.agents = 10_000;
    scenario.replicates = 20;
    scenario
}

/// The CSV the engine writes for these replicates of `scenario` (natively or in the browser).
pub fn summary_csv(scenario: &Scenario, results: &[ReplicateResult]) -> String {
    output::to_csv(&summary::summarise(scenario, results))
}

/// The query string (`location.search`, with or without its `?`) asks for the pool self-test.
pub fn query_requests_selftest(search: &str) -> bool {
    search.trim_start_matches('?').split('&').any(|pair| pair == "selftest=pool")
}

/// The page was opened with `?selftest=pool`.
pub fn selftest_requested() -> bool {
    web_sys::window().and_then(|w| w.location().search().ok()).is_some_and(|s| query_requests_selftest(&s))
}

/// What the self-test has written so far.
#[derive(Clone, Debug, Default, PartialEq)]
struct Report {
    timing: Option<String>,
    csv: Option<String>,
    cancel: Option<String>,
    error: Option<String>,
}

/// One timed run: when it started, when answers arrived, and what they were.
#[derive(Default)]
struct Timed {
    started_ms: f64,
    first_ms: Option<f64>,
    all_ms: Option<f64>,
    compute_ms: Vec<f64>,
    results: Vec<ReplicateResult>,
}

impl Timed {
    fn begin() -> Timed {
        Timed { started_ms: now_ms(), ..Timed::default() }
    }

    /// Records an answer; true when all `replicates` are in.
    fn record(&mut self, response: ReplicateResponse, replicates: u32) -> bool {
        let elapsed = now_ms() - self.started_ms;
        self.first_ms.get_or_insert(elapsed);
        self.compute_ms.push(response.compute_ms);
        self.results.push(response.result);
        let done = self.results.len() == replicates as usize;
        if done {
            self.all_ms = Some(elapsed);
        }
        done
    }

    fn json(&self) -> serde_json::Value {
        let mean = self.compute_ms.iter().sum::<f64>() / self.compute_ms.len().max(1) as f64;
        json!({
            "first_ms": self.first_ms,
            "all_ms": self.all_ms,
            "compute_ms_mean": mean,
            "compute_ms": self.compute_ms,
        })
    }
}

enum Phase {
    NotStarted,
    Cold(Timed),
    Warm { cold: Timed, warm: Timed },
    Cancel { run3_delivered: u32, stale_after_cancel: u32, run4: Vec<u32> },
    Done,
}

struct Machine {
    scenario: Scenario,
    phase: Phase,
    pool: Weak<RunPool>,
    report: Report,
    publish: UseStateSetter<Report>,
}

/// Run 4 of the cancel phase: small, so the phase is quick.
fn cancel_scenario() -> Scenario {
    let mut s = selftest_scenario();
    (s.agents, s.replicates) = (2_000, 6);
    s
}

impl Machine {
    fn start(&mut self, run_id: u64, scenario: &Scenario) {
        let Some(pool) = self.pool.upgrade() else { return };
        if let Err(e) = pool.start(run_id, scenario) {
            self.fail(format!("run {run_id} did not start: {e}"));
        }
    }

    fn fail(&mut self, message: String) {
        self.phase = Phase::Done;
        self.report.error = Some(message);
        self.publish.set(self.report.clone());
    }

    fn begin(&mut self) {
        self.phase = Phase::Cold(Timed::begin());
        let scenario = self.scenario.clone();
        self.start(1, &scenario);
    }

    fn on_response(&mut self, response: ReplicateResponse) {
        let replicates = self.scenario.replicates;
        match (std::mem::replace(&mut self.phase, Phase::Done), response.run_id) {
            (Phase::Cold(mut cold), 1) => {
                if cold.record(response, replicates) {
                    self.phase = Phase::Warm { cold, warm: Timed::begin() };
                    let scenario = self.scenario.clone();
                    self.start(2, &scenario);
                } else {
                    self.phase = Phase::Cold(cold);
                }
            }
            (Phase::Warm { cold, mut warm }, 2) => {
                if warm.record(response, replicates) {
                    self.finish_timing(&cold, &warm);
                    self.phase = Phase::Cancel { run3_delivered: 0, stale_after_cancel: 0, run4: Vec::new() };
                    let mut other = self.scenario.clone();
                    other.seed += 1;
                    self.start(3, &other);
                } else {
                    self.phase = Phase::Warm { cold, warm };
                }
            }
            (Phase::Cancel { mut run3_delivered, mut stale_after_cancel, mut run4 }, run_id) => {
                let small = cancel_scenario();
                match run_id {
                    3 if run3_delivered < 3 => {
                        run3_delivered += 1;
                        if run3_delivered == 3 {
                            // Cancel run 3 mid-way (other replicates are queued and in flight) by starting run 4.
                            self.start(4, &small);
                        }
                    }
                    4 => run4.push(response.replicate),
                    _ => stale_after_cancel += 1,
                }
                if run4.len() == small.replicates as usize {
                    let mut sorted = run4.clone();
                    sorted.sort_unstable();
                    let report = json!({
                        "run3_delivered_before_cancel": run3_delivered,
                        "stale_delivered_after_cancel": stale_after_cancel,
                        "run4_replicates_in_arrival_order": run4,
                        "run4_replicates_sorted": sorted,
                    });
                    self.report.cancel = Some(report.to_string());
                    self.publish.set(self.report.clone());
                } else {
                    self.phase = Phase::Cancel { run3_delivered, stale_after_cancel, run4 };
                }
            }
            (phase, run_id) => {
                let what = match phase {
                    Phase::NotStarted => "before the start",
                    Phase::Cold(_) => "in the cold phase",
                    Phase::Warm { .. } => "in the warm phase",
                    Phase::Cancel { .. } => "in the cancel phase",
                    Phase::Done => "after the end",
                };
                self.fail(format!("an answer of run {run_id} was delivered {what}"));
            }
        }
    }

    fn finish_timing(&mut self, cold: &Timed, warm: &Timed) {
        let summarise_start = now_ms();
        let csv = summary_csv(&self.scenario, &warm.results);
        let summarise_ms = now_ms() - summarise_start;
        let cold_csv_equal = summary_csv(&self.scenario, &cold.results) == csv;
        let workers = self.pool.upgrade().map_or(0, |p| p.size());
        let s = &self.scenario;
        let mean_ms = warm.compute_ms.iter().sum::<f64>() / warm.compute_ms.len().max(1) as f64;
        let agent_months = f64::from(s.agents) * f64::from(s.months);
        let timing = json!({
            "workers": workers,
            "agents": s.agents,
            "months": s.months,
            "replicates": s.replicates,
            "cold": cold.json(),
            "warm": warm.json(),
            "cold_csv_equals_warm_csv": cold_csv_equal,
            "summarise_and_csv_ms": summarise_ms,
            "agent_months_per_second_per_worker": agent_months / (mean_ms / 1000.0),
        });
        self.report.timing = Some(timing.to_string());
        self.report.csv = Some(csv);
        self.publish.set(self.report.clone());
    }
}

/// Mount where the page can render it (it shows nothing); it starts at once and writes its report into
/// hidden `<pre>` elements (see the module docs). Mount it only when [`selftest_requested`].
#[function_component(PoolSelfTest)]
pub fn pool_self_test() -> Html {
    let report = use_state(Report::default);
    let machine = {
        let publish = report.setter();
        use_memo((), move |_| {
            Rc::new(RefCell::new(Machine {
                scenario: selftest_scenario(),
                phase: Phase::NotStarted,
                pool: Weak::new(),
                report: Report::default(),
                publish,
            }))
        })
    };
    let pool = {
        let machine = machine.clone();
        use_run_pool(Callback::from(move |response: ReplicateResponse| machine.borrow_mut().on_response(response)))
    };
    {
        let (machine, pool) = (machine.clone(), pool.clone());
        use_effect_with((), move |_| {
            let mut m = machine.borrow_mut();
            m.pool = Rc::downgrade(&pool);
            m.begin();
        });
    }
    let pre = |id: &'static str, text: &Option<String>| match text {
        Some(text) => html! { <pre id={id}>{ text.clone() }</pre> },
        None => html! {},
    };
    html! {
        <div id="pool-selftest" hidden=true>
            { pre("pool-selftest-timing", &report.timing) }
            { pre("pool-selftest-csv", &report.csv) }
            { pre("pool-selftest-cancel", &report.cancel) }
            { pre("pool-selftest-error", &report.error) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_selftest_pool_in_the_query_asks_for_it() {
        assert!(query_requests_selftest("?selftest=pool"));
        assert!(query_requests_selftest("?a=1&selftest=pool"));
        assert!(query_requests_selftest("selftest=pool&b"));
        assert!(!query_requests_selftest(""));
        assert!(!query_requests_selftest("?selftest=pools"));
        assert!(!query_requests_selftest("?xselftest=pool"));
    }

    #[test]
    fn the_selftest_scenario_is_the_valid_default_preset_at_10000_agents_and_20_replicates() {
        let s = selftest_scenario();
        assert_eq!((s.agents, s.months, s.replicates), (10_000, 120, 20));
        assert_eq!(s, {
            let mut d = presets::preset("heart-monitoring").unwrap().scenario;
            d.agents = 10_000;
            d.replicates = 20;
            d
        });
        s.validate().unwrap();
        cancel_scenario().validate().unwrap();
    }
}
