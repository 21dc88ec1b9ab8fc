//! The five NASSS outcomes, kept apart, for all groups and each group.

use rollout_engine::summary::{GroupKey, OutcomeSummary, RunSummary};
use yew::prelude::*;

use super::estimate::estimate;
use crate::format::ValueFormat::{self, Currency, Percent};
use crate::format::NOT_APPLICABLE;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct OutcomesCardProps {
    /// Compared by identity: the card re-renders only when the summary is recomputed.
    pub summary: Shared<RunSummary>,
}

#[function_component(OutcomesCard)]
pub fn outcomes_card(props: &OutcomesCardProps) -> Html {
    let Some(all) = props.summary.outcome(GroupKey::All) else { return html! {} };
    let months = props.summary.months.len().saturating_sub(1);
    let money = all.cost_per_event_avoided.map_or_else(|| NOT_APPLICABLE.to_string(), |e| Currency.format(e.mean));
    let percent = |e| estimate(Percent.format_estimate(e));
    let optional = |e: &Option<_>| estimate(Percent.format_optional(e.as_ref()));
    html! {
        <section class="outcomes" aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">{ format!("NASSS outcomes at month {months}") }</h2>
            <dl class="outcome-cards">
                <div class="card" id="outcome-non-adoption"><dt>{ "Non-adoption" }</dt><dd>{ percent(&all.non_adoption) }</dd>
                    <small>{ format!("never offered {}, declined {}", Percent.format(all.never_offered.mean), Percent.format(all.declined.mean)) }</small></div>
                <div class="card" id="outcome-abandonment"><dt>{ "Abandonment" }</dt><dd>{ percent(&all.abandonment) }</dd><small>{ "of people who ever used it" }</small></div>
                <div class="card" id="outcome-scale-up"><dt>{ "Scale-up" }</dt><dd>{ percent(&all.scale_up) }</dd><small>{ "coverage where it is offered" }</small></div>
                <div class="card" id="outcome-spread"><dt>{ "Spread" }</dt><dd>{ percent(&all.spread) }</dd><small>{ "organisations that took it up" }</small></div>
                <div class="card" id="outcome-sustainability"><dt>{ "Sustainability" }</dt><dd>{ optional(&all.sustainability) }</dd><small>{ "use 12 months after funding ends" }</small></div>
                <div class="card" id="outcome-cost"><dt>{ "Cost per event avoided" }</dt><dd>{ money }</dd>
                    <small>{ format!("{} events avoided", ValueFormat::Number { decimals: 0 }.format(all.events_avoided.mean)) }</small></div>
            </dl>
            <div class="table-scroll">
            <table class="outcomes-table" id="outcomes-table">
                <caption>{ "By group: outcomes, and whether benefit follows need (inverse care law)" }</caption>
                <thead><tr>
                    { for ["Group", "Non-adoption", "Abandonment", "Scale-up", "Sustainability", "Share of need", "Share of benefit"].iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                </tr></thead>
                <tbody>
                    { for props.summary.outcome_rows().map(|(key, o): (GroupKey, &OutcomeSummary)| html! {
                        <tr>
                            <th scope="row">{ if key == GroupKey::All { "All groups".to_string() } else { o.group.clone() } }</th>
                            <td>{ percent(&o.non_adoption) }</td>
                            <td>{ percent(&o.abandonment) }</td>
                            <td>{ percent(&o.scale_up) }</td>
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
