//! The printable handout: one A4 page per scenario (the current one, and the pinned baseline if there is
//! one) with the levers chosen, the headline results with their 95% intervals and the two main charts. The
//! print style sheet (`@media print` in `assets/style.css`) hides everything else; the browser's Print /
//! Save as PDF gives one clean page each.

use std::rc::Rc;

use rollout_engine::summary::RunSummary;
use rollout_engine::Scenario;
use yew::prelude::*;

use super::stage::Stage;
use super::state::WorkshopAction;
use crate::charts::readout::describe;
use crate::components::{estimate, field_text, figures, value_at};
use crate::levers::{policy_levers, Control};
use crate::state::{Action, PolicyOption, Run, Shared};
use crate::views;

/// One page of the handout.
#[derive(Clone, PartialEq)]
pub struct HandoutPage {
    /// "This scenario", "Baseline".
    pub label: String,
    pub scenario: Rc<Scenario>,
    pub summary: Shared<RunSummary>,
}

impl HandoutPage {
    /// The pages to print: this scenario, the baseline, then each option, each once (an option added from
    /// this scenario shares its run) and only once its run is complete.
    pub fn all(shown: Option<&Rc<Run>>, baseline: Option<&Rc<Run>>, options: &[PolicyOption]) -> Vec<HandoutPage> {
        let mut seen: Vec<&Rc<Run>> = Vec::new();
        let mut pages: Vec<HandoutPage> = Vec::new();
        let named = shown
            .map(|r| ("This scenario".to_string(), r))
            .into_iter()
            .chain(baseline.map(|r| ("Baseline".to_string(), r)))
            .chain(options.iter().map(|o| (format!("Option \u{201C}{}\u{201D}", o.name), &o.run)));
        for (label, run) in named {
            let Some(summary) = run.summary.as_ref().filter(|_| run.complete()) else { continue };
            if let Some(i) = seen.iter().position(|r| Rc::ptr_eq(r, run)) {
                // The same run under an option's name: print it once, named after the option.
                if label.starts_with("Option") {
                    pages[i] = HandoutPage { label, ..pages[i].clone() };
                }
                continue;
            }
            seen.push(run);
            pages.push(HandoutPage { label, scenario: run.scenario.clone(), summary: Shared::new(summary) });
        }
        pages
    }
}

/// The charts on each page, by id: the first screen's two.
const HANDOUT_CHARTS: [&str; 2] = ["chart-uptake", "chart-gap"];

/// The chart height on paper, CSS pixels (two charts and the text fit an A4 page).
const CHART_HEIGHT: u32 = 280;

/// The levers chosen, as (label, value in words) in the order of the first screen.
pub fn levers_chosen(scenario: &Scenario) -> Vec<(&'static str, String)> {
    let json = serde_json::to_value(scenario).expect("a scenario serialises");
    policy_levers()
        .map(|lever| {
            let text = match lever.control {
                Control::Targets => {
                    let groups = field_text(value_at(&json, &format!("{}.groups", lever.path)));
                    if groups.is_empty() {
                        "everyone".to_string()
                    } else {
                        groups
                    }
                }
                Control::Toggle => {
                    if value_at(&json, lever.path).and_then(|v| v.as_bool()) == Some(true) {
                        "yes".into()
                    } else {
                        "no".into()
                    }
                }
                _ => {
                    // Numbers as people write them: 3000, not 3000.0.
                    let value = value_at(&json, lever.path);
                    let value = value.and_then(|v| v.as_f64()).map_or_else(|| field_text(value), |v| v.to_string());
                    if lever.unit.is_empty() {
                        value
                    } else {
                        format!("{value} {}", lever.unit)
                    }
                }
            };
            (lever.label, text)
        })
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct HandoutProps {
    pub pages: Vec<HandoutPage>,
    pub dispatch: Callback<Action>,
}

#[function_component(Handout)]
pub fn handout(props: &HandoutProps) -> Html {
    let close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Workshop(WorkshopAction::Handout(false))))
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="handout" id="handout">
            <div class="handout-controls">
                <button type="button" id="handout-print" class="primary" onclick={print}>{ "Print or save as PDF" }</button>
                <button type="button" id="handout-close" onclick={close}>{ "Back to the page" }</button>
                <span>{ "One A4 page per scenario." }</span>
            </div>
            if props.pages.is_empty() {
                <p id="handout-empty">{ "Nothing to print yet: wait for the run to complete." }</p>
            }
            { for props.pages.iter().enumerate().map(|(i, page)| html! { <HandoutSheet index={i} page={page.clone()} /> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SheetProps {
    index: usize,
    page: HandoutPage,
}

#[function_component(HandoutSheet)]
fn handout_sheet(props: &SheetProps) -> Html {
    let page = &props.page;
    let s = &page.scenario;
    let specs = use_memo((page.summary.clone(), s.groups.ordered), |(summary, ordered)| {
        views::charts(summary, None, *ordered)
            .into_iter()
            .filter(|c| HANDOUT_CHARTS.contains(&c.id.as_str()))
            .map(Rc::new)
            .collect::<Vec<_>>()
    });
    let levers = use_memo(s.clone(), |s| levers_chosen(s));
    let figures = figures(&page.summary, None, None, s.agents, s.groups.ordered);
    html! {
        <section class="handout-page" id={format!("handout-page-{}", props.index)}>
            <header>
                <h1>{ format!("{}: {}", page.label, s.name) }</h1>
                <p class="handout-meta">{ format!(
                    "Rollout Lab v{} · {} people simulated over {} months · {} replicates, seed {} · means with 95% intervals across replicates",
                    env!("CARGO_PKG_VERSION"), s.agents, s.months, page.summary.replicates, s.seed
                ) }</p>
            </header>
            <h2>{ "Levers chosen" }</h2>
            <dl class="handout-levers">
                { for levers.iter().map(|(label, value)| html! { <div><dt>{ *label }</dt><dd>{ value }</dd></div> }) }
            </dl>
            <h2>{ "Results" }</h2>
            <dl class="handout-results">
                { for figures.iter().map(|f| html! {
                    <div id={format!("handout-{}-{}", props.index, f.id)}><dt>{ f.title }</dt><dd>{ estimate(&f.value) }<small>{ &f.note }</small></dd></div>
                }) }
            </dl>
            <div class="handout-charts">
                { for specs.iter().map(|spec| html! {
                    <figure class="handout-chart">
                        <figcaption>{ &spec.title }</figcaption>
                        <Stage canvas_id={format!("handout-{}-{}", props.index, spec.id)} spec={spec.clone()} scale={1.0}
                            height={CHART_HEIGHT} label={describe(spec)} />
                    </figure>
                }) }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_complete_run_prints_once_named_after_its_option() {
        use crate::state::{reduce, AppState};
        let mut scenario = (*AppState::new().scenario).clone();
        (scenario.agents, scenario.months, scenario.replicates) = (300, 24, 2);
        let complete = crate::test_support::runs_done;
        let load = Action::LoadScenario { scenario: Box::new(scenario), notice: None };
        let first = complete(reduce(&AppState::new(), load));
        let pages = |s: &AppState| HandoutPage::all(s.shown.as_ref(), s.baseline.as_ref(), &s.options);
        assert_eq!(pages(&first).iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), ["This scenario"]);
        let red = reduce(&reduce(&first, Action::PinBaseline), Action::AddOption("Red".into()));
        let moved = reduce(&red, Action::SetField { path: "levers.subsidy.level".into(), value: "1".into() });
        assert_eq!(pages(&moved).len(), 1, "a run still filling in is not printed");
        let blue = reduce(&complete(moved), Action::AddOption("Blue".into()));
        let labels: Vec<String> = pages(&blue).into_iter().map(|p| p.label).collect();
        assert_eq!(labels, ["Option \u{201C}Blue\u{201D}", "Option \u{201C}Red\u{201D}"], "each run once");
    }

    #[test]
    fn levers_chosen_read_the_scenario_in_words() {
        let s = rollout_engine::presets::preset("targeted-support").unwrap().scenario;
        let levers = levers_chosen(&s);
        assert_eq!(levers.len(), policy_levers().count());
        let find = |label: &str| levers.iter().find(|(l, _)| *l == label).map(|(_, v)| v.clone()).unwrap();
        assert_eq!(find("Device subsidy"), "0.9 share of personal cost paid");
        assert_eq!(find("Budget"), "3000 GBP per year per 1,000 eligible", "whole numbers without a decimal point");
        assert_eq!(find("Subsidy aimed at"), "Q1 most deprived, Q2");
        let all = levers_chosen(&rollout_engine::presets::preset("heart-monitoring").unwrap().scenario);
        assert!(all.iter().any(|(l, v)| *l == "Subsidy aimed at" && v == "everyone"));
        assert!(all.iter().any(|(_, v)| v == "yes"), "recurrent funding reads yes");
    }
}
