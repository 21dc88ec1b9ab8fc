//! The five NASSS outcomes, kept apart, for all groups and each group.

use rollout_engine::estimate::{Estimate, PartialEstimate};
use rollout_engine::summary::{OutcomeSummary, RunSummary};
use yew::prelude::*;

use crate::charts::ValueFormat;

#[derive(Properties, PartialEq)]
pub struct OutcomesCardProps {
    pub summary: std::rc::Rc<RunSummary>,
}

/// "12.3% (11.8-12.9%)".
pub fn percent(e: &Estimate) -> String {
    format!("{:.1}% ({:.1}–{:.1}%)", 100.0 * e.mean, 100.0 * e.lo, 100.0 * e.hi)
}

/// A percentage over the replicates where it is defined, or "not applicable"; says how many replicates
/// when some were left out.
pub fn optional(e: &Option<PartialEstimate>, replicates: u32) -> String {
    match e {
        None => "not applicable".into(),
        Some(p) if p.replicates < replicates => {
            format!("{} in {} of {replicates} runs", percent(&p.estimate()), p.replicates)
        }
        Some(p) => percent(&p.estimate()),
    }
}

#[function_component(OutcomesCard)]
pub fn outcomes_card(props: &OutcomesCardProps) -> Html {
    let rows: &[OutcomeSummary] = &props.summary.outcomes;
    let Some(all) = rows.last() else { return html! {} };
    let months = props.summary.months.len().saturating_sub(1);
    let n = props.summary.replicates;
    let optional = |e: &Option<PartialEstimate>| optional(e, n);
    let money = |e: &Option<PartialEstimate>| {
        e.map(|e| ValueFormat::Currency.format(e.mean)).unwrap_or_else(|| "not applicable".into())
    };
    html! {
        <section class="outcomes" aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">{ format!("NASSS outcomes at month {months}") }</h2>
            <dl class="outcome-cards">
                <div class="card" id="outcome-non-adoption"><dt>{ "Non-adoption" }</dt><dd>{ percent(&all.non_adoption) }</dd>
                    <small>{ format!("never offered {:.1}%, declined {:.1}%", 100.0 * all.never_offered.mean, 100.0 * all.declined.mean) }</small></div>
                <div class="card" id="outcome-abandonment"><dt>{ "Abandonment" }</dt><dd>{ optional(&all.abandonment_12m) }</dd>
                    <small>{ format!("of starters, stopped within 12 months (within 6: {})", optional(&all.abandonment_6m)) }</small></div>
                <div class="card" id="outcome-discontinuation"><dt>{ "Discontinuation" }</dt><dd>{ optional(&all.discontinuation) }</dd><small>{ "of starters, stopped because the service was withdrawn" }</small></div>
                <div class="card" id="outcome-scale-up"><dt>{ "Scale-up" }</dt><dd>{ optional(&all.scale_up) }</dd><small>{ "coverage where it is offered" }</small></div>
                <div class="card" id="outcome-spread"><dt>{ "Spread" }</dt><dd>{ percent(&all.spread) }</dd><small>{ "organisations that took it up" }</small></div>
                <div class="card" id="outcome-sustainability"><dt>{ "Sustainability" }</dt><dd>{ optional(&all.sustainability) }</dd><small>{ "of users when funding ended, still using it 12 months later" }</small></div>
                <div class="card" id="outcome-deaths"><dt>{ "Deaths" }</dt><dd>{ format!("{:.0}", all.deaths.mean) }</dd>
                    <small>{ format!("{:.1} avoided by reviewed monitoring", all.deaths_avoided.mean) }</small></div>
                <div class="card" id="outcome-cost"><dt>{ "Cost per event avoided" }</dt><dd>{ money(&all.cost_per_event_avoided) }</dd>
                    <small>{ format!("{:.0} events avoided", all.events_avoided.mean) }</small></div>
            </dl>
            <div class="table-scroll">
            <table class="outcomes-table" id="outcomes-table">
                <caption>{ "By group: outcomes, and whether benefit follows need (inverse care law)" }</caption>
                <thead><tr>
                    { for ["Group", "Non-adoption", "Abandonment (12 months)", "Discontinuation", "Scale-up", "Sustainability", "Share of need", "Share of benefit"].iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|o| html! {
                        <tr>
                            <th scope="row">{ o.group.clone() }</th>
                            <td>{ percent(&o.non_adoption) }</td>
                            <td>{ optional(&o.abandonment_12m) }</td>
                            <td>{ optional(&o.discontinuation) }</td>
                            <td>{ optional(&o.scale_up) }</td>
                            <td>{ optional(&o.sustainability) }</td>
                            <td>{ optional(&o.need_share) }</td>
                            <td>{ optional(&o.benefit_share) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
