//! "Is it worth it?": the run against the same people with no programme. The ICER and net monetary
//! benefit with their intervals and thresholds, budget impact by year and payer, who gains (net health
//! benefit per group, the equity impact plane) and the inequality staircase, each number with a "?" in
//! plain words. Everything comes from the engine's `economics` block; nothing is computed here.

mod views;

use std::rc::Rc;

use rollout_engine::economics::{EconomicsSummary, PairedField};
use rollout_engine::summary::RunSummary;
use yew::prelude::*;

use super::estimate::estimate;
use super::help_popup::HelpPopup;
use crate::charts::Chart;
use crate::format::ValueFormat::{self, Currency};
use crate::state::Shared;

pub use views::{against_threshold, budget_chart, cost_per_text, plane_chart, quadrant_text, staircase_chart};

#[derive(Properties, PartialEq)]
pub struct WorthItProps {
    /// Compared by identity: the panel re-renders only when the summary is recomputed.
    pub summary: Shared<RunSummary>,
    /// A pinned baseline's summary, drawn as a second point on the equity impact plane.
    #[prop_or_default]
    pub baseline: Option<Shared<RunSummary>>,
    #[prop_or(1.0)]
    pub scale: f64,
}

/// One figure: title, value and a "?" explaining it.
fn figure(id: &str, title: &str, value: Html, help: &str) -> Html {
    html! {
        <div class="card" id={id.to_string()}>
            <dt>{ title }{ " " }<HelpPopup id={format!("{id}-help")} label={format!("What {title} means")} text={help.to_string()} /></dt>
            <dd>{ value }</dd>
        </div>
    }
}

fn money(e: &rollout_engine::estimate::Estimate) -> Html {
    estimate(Currency.format_estimate(e))
}

fn qalys(e: &rollout_engine::estimate::Estimate) -> Html {
    estimate(ValueFormat::Number { decimals: 2 }.format_estimate(e))
}

#[function_component(WorthIt)]
pub fn worth_it(props: &WorthItProps) -> Html {
    let e: &EconomicsSummary = &props.summary.economics;
    let Some(all) = e.total() else { return html! {} };
    let specs = use_memo((props.summary.clone(), props.baseline.clone()), |(s, b)| {
        let e = &s.economics;
        let plane = e.distribution.as_ref().map(|d| {
            let base = b.as_ref().and_then(|b| b.economics.distribution.clone());
            Rc::new(plane_chart(d, base.as_ref()))
        });
        (Rc::new(budget_chart(e)), Rc::new(staircase_chart(e)), plane)
    });
    let (budget, stairs, plane) = (*specs).clone();
    let years = e.budget_impact.len();
    let scale = props.scale;
    let threshold_note = |k: f64| against_threshold(&e.icer, k).unwrap_or_default();
    html! {
        <section class="worth-it" id="worth-it" aria-labelledby="worth-it-heading">
            <h2 id="worth-it-heading">{ "Is it worth it?" }</h2>
            <p class="worth-it-note">{ format!("Against the same people with no programme, over {years} years, per 1,000 eligible people; costs and QALYs discounted at {}% and {}% a year.",
                ValueFormat::Number { decimals: 1 }.format(100.0 * e.discount_costs),
                ValueFormat::Number { decimals: 1 }.format(100.0 * e.discount_effects)) }</p>
            <dl class="outcome-cards">
                { figure("econ-icer", "Cost per QALY (ICER)", estimate(cost_per_text(&e.icer, "QALY")),
                    "The extra money spent for each extra year of healthy life (QALY) it buys, after subtracting what admissions avoided save. \
                     Lower is better value. If it saves money and gains health it is 'dominant'; if it costs more and gains none it is 'dominated'.") }
                { figure("econ-qalys", "QALYs gained", qalys(&all.get(PairedField::QalysGained)),
                    "Years of life in full health gained per 1,000 people, from deaths averted by reviewed monitoring, weighted by quality of life.") }
                { figure("econ-net-cost", "Net cost", money(&all.get(PairedField::NetCost)),
                    "Programme budget + practices' review time + the NHS's device costs + what people pay themselves − admissions avoided, per 1,000 people.") }
                { figure("econ-admission", "Cost per admission avoided", estimate(cost_per_text(&e.cost_per_admission_avoided, "admission")),
                    "Net cost divided by the hospital admissions it avoided.") }
                { figure("econ-death", "Cost per death averted", estimate(cost_per_text(&e.cost_per_death_averted, "death")),
                    "Net cost divided by the deaths it averted within the run.") }
            </dl>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Net benefit at each threshold (scrolls sideways)">
            <table class="outcomes-table" id="econ-thresholds">
                <caption>{ "Net benefit at each threshold (per 1,000 people; above zero: worth it at that price of a QALY)" }</caption>
                <thead><tr>
                    <th scope="col">{ "Threshold (GBP per QALY)" }</th>
                    <th scope="col">{ "Net monetary benefit " }<HelpPopup id="econ-nmb-help" label="What net monetary benefit means"
                        text="QALYs gained valued at the threshold, minus the net cost, in pounds. Above zero, the health bought is worth more than it cost at that threshold." /></th>
                    <th scope="col">{ "Net health benefit (QALYs) " }<HelpPopup id="econ-nhb-help" label="What net health benefit means"
                        text="QALYs gained minus the QALYs the same money would have bought elsewhere in the NHS at that threshold." /></th>
                    <th scope="col">{ "ICER against it" }</th>
                </tr></thead>
                <tbody>
                    { for e.at_thresholds.iter().map(|a| html! {
                        <tr>
                            <th scope="row">{ Currency.format(a.threshold) }</th>
                            <td>{ money(&a.net_monetary_benefit) }</td>
                            <td>{ qalys(&a.net_health_benefit) }</td>
                            <td>{ threshold_note(a.threshold) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            <Chart spec={budget} {scale} />
            if let Some(d) = e.distribution.as_ref() {
                <h3>{ "For whom" }</h3>
                <p id="econ-quadrant">{ format!("{} (net health benefit {} QALYs per 1,000; gap between {} and {} changes by {} QALYs per 1,000).",
                    quadrant_text(&d.quadrant), ValueFormat::Number { decimals: 2 }.format_estimate(&d.net_health_benefit),
                    d.most_disadvantaged, d.least_disadvantaged, ValueFormat::Number { decimals: 2 }.format_estimate(&d.gap_change)) }
                    { " " }<HelpPopup id="econ-plane-help" label="What the equity impact plane means"
                        text="Right of zero: more health overall after what the money would have bought elsewhere. Above zero: the health gap between the most and least disadvantaged (slope index) narrows. Top right is win-win." /></p>
                <div class="table-scroll" tabindex="0" role="region" aria-label="By group (scrolls sideways)">
                <table class="outcomes-table" id="econ-groups">
                    <caption>{ "By group: QALYs gained and net health benefit (per 1,000 people of the whole population)" }</caption>
                    <thead><tr><th scope="col">{ "Group" }</th><th scope="col">{ "QALYs gained" }</th>
                        <th scope="col">{ "Net health benefit" }</th></tr></thead>
                    <tbody>
                        { for d.groups.iter().map(|g| html! {
                            <tr><th scope="row">{ g.group.clone() }</th><td>{ qalys(&g.qalys_gained) }</td><td>{ qalys(&g.net_health_benefit) }</td></tr>
                        }) }
                    </tbody>
                </table>
                </div>
                if let Some(plane) = plane {
                    <Chart spec={plane} {scale} />
                }
            }
            <Chart spec={stairs} {scale} />
        </section>
    }
}
