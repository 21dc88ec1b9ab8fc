//! The five NASSS outcomes, kept apart, for all groups and each group.

use rollout_engine::estimate::PartialEstimate;
use rollout_engine::summary::{GroupKey, OutcomeSummary, RunSummary};
use yew::prelude::*;

use super::estimate::estimate;
use crate::format::ValueFormat::{self, Currency, Percent};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct OutcomesCardProps {
    /// Compared by identity: the card re-renders only when the summary is recomputed.
    pub summary: Shared<RunSummary>,
}

/// The headings of the by-group table.
const COLUMNS: [&str; 8] = [
    "Group",
    "Non-adoption",
    "Abandonment (12 months)",
    "Discontinuation",
    "Scale-up",
    "Sustainability",
    "Share of need",
    "Share of benefit",
];

/// A row's label: the group's name, or "All groups" (never the bare name "all", which a group may have).
fn group_label(key: GroupKey, outcome: &OutcomeSummary) -> String {
    match key {
        GroupKey::All => "All groups".to_string(),
        GroupKey::Group(_) => outcome.group.clone(),
    }
}

/// One outcome card: its title, its estimate and a note under it.
fn card(id: &'static str, title: &'static str, value: Html, note: impl Into<String>) -> Html {
    html! {
        <div class="card" {id}><dt>{ title }</dt><dd>{ value }</dd><dd class="card-note"><small>{ note.into() }</small></dd></div>
    }
}

#[function_component(OutcomesCard)]
pub fn outcomes_card(props: &OutcomesCardProps) -> Html {
    let Some(all) = props.summary.outcome(GroupKey::All) else { return html! {} };
    let months = props.summary.months.len().saturating_sub(1);
    let n = props.summary.replicates;
    let percent = |e| estimate(Percent.format_estimate(e));
    let optional = |e: &Option<PartialEstimate>| estimate(Percent.format_partial(e.as_ref(), n));
    let never_offered = Percent.format(all.never_offered.mean);
    let avoided = ValueFormat::Number { decimals: 0 }.format(all.events_avoided.mean);
    let deaths_avoided = ValueFormat::Number { decimals: 1 }.format(all.deaths_avoided.mean);
    html! {
        <section class="outcomes" aria-labelledby="outcomes-heading">
            <h2 id="outcomes-heading">{ format!("NASSS outcomes at month {months}") }</h2>
            <dl class="outcome-cards">
                { card("outcome-non-adoption", "Non-adoption", percent(&all.non_adoption),
                    format!("never offered {never_offered}, declined {}", Percent.format(all.declined.mean))) }
                { card("outcome-abandonment", "Abandonment", optional(&all.abandonment_12m),
                    format!("of starters, stopped within 12 months (within 6: {})",
                        Percent.format_partial(all.abandonment_6m.as_ref(), n))) }
                { card("outcome-discontinuation", "Discontinuation", optional(&all.discontinuation),
                    "of starters, stopped because the service was withdrawn") }
                { card("outcome-scale-up", "Scale-up", optional(&all.scale_up), "coverage where it is offered") }
                { card("outcome-spread", "Spread", percent(&all.spread), "organisations that took it up") }
                { card("outcome-sustainability", "Sustainability", optional(&all.sustainability),
                    "of users when funding ended, still using it 12 months later") }
                { card("outcome-deaths", "Deaths", estimate(ValueFormat::Number { decimals: 0 }.format_estimate(&all.deaths)),
                    format!("{deaths_avoided} avoided by reviewed monitoring")) }
                { card("outcome-cost", "Cost per event avoided",
                    estimate(Currency.format_partial(all.cost_per_event_avoided.as_ref(), n)),
                    format!("{avoided} events avoided")) }
            </dl>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Outcomes by group (scrolls sideways)">
            <table class="outcomes-table" id="outcomes-table">
                <caption>{ "By group: outcomes, and whether benefit follows need (inverse care law)" }</caption>
                <thead><tr>
                    { for COLUMNS.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                </tr></thead>
                <tbody>
                    { for props.summary.outcome_rows().map(|(key, o): (GroupKey, &OutcomeSummary)| html! {
                        <tr>
                            <th scope="row">{ group_label(key, o) }</th>
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
