//! What the change bought against the pinned baseline, per group, with 95% intervals.

use rollout_engine::compare::GroupDifference;
use yew::prelude::*;

use super::estimate::estimate;
use crate::format::ValueFormat;

#[derive(Properties, PartialEq)]
pub struct DifferenceTableProps {
    pub rows: std::rc::Rc<Vec<GroupDifference>>,
    /// The baseline's scenario name.
    pub baseline: String,
}

#[function_component(DifferenceTable)]
pub fn difference_table(props: &DifferenceTableProps) -> Html {
    html! {
        <section class="differences" aria-labelledby="differences-heading">
            <h2 id="differences-heading">{ format!("What the change bought, against the baseline \"{}\"", props.baseline) }</h2>
            <p class="hint">{ "Current run minus baseline at the horizon, with 95% intervals; percentage points for shares. Dashed lines in the charts are the baseline." }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="differences-heading">
            <table id="differences-table">
                <thead><tr>
                    { for ["Group", "Ever used it", "Using it now", "Never used it", "Abandonment within 12 months", "Events avoided", "Cost"].iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                </tr></thead>
                <tbody>
                    { for props.rows.iter().map(|d| html! {
                        <tr>
                            <th scope="row">{ d.group.clone() }</th>
                            <td>{ estimate(ValueFormat::Percent.format_change(&d.ever_adopted_share)) }</td>
                            <td>{ estimate(ValueFormat::Percent.format_change(&d.active_share)) }</td>
                            <td>{ estimate(ValueFormat::Percent.format_change(&d.non_adoption)) }</td>
                            <td>{ estimate(ValueFormat::Percent.format_optional_change(d.abandonment.as_ref())) }</td>
                            <td>{ estimate(ValueFormat::Number { decimals: 1 }.format_change(&d.events_avoided)) }</td>
                            <td>{ estimate(ValueFormat::Currency.format_change(&d.cost)) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
