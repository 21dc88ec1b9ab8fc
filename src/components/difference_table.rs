//! What the change bought against the pinned baseline, per group, with 95% intervals.

use rollout_engine::compare::GroupDifference;
use rollout_engine::estimate::Estimate;
use yew::prelude::*;

use crate::charts::ValueFormat;

#[derive(Properties, PartialEq)]
pub struct DifferenceTableProps {
    pub rows: Vec<GroupDifference>,
    /// The baseline's scenario name.
    pub baseline: String,
}

/// "+3.2 points (+2.9 to +3.6)".
pub fn points(e: &Estimate) -> String {
    format!("{:+.1} ({:+.1} to {:+.1})", 100.0 * e.mean, 100.0 * e.lo, 100.0 * e.hi)
}

fn signed(format: ValueFormat, e: &Estimate) -> String {
    let sign = |v: f64| if v > 0.0 { format!("+{}", format.format(v)) } else { format.format(v) };
    format!("{} ({} to {})", sign(e.mean), sign(e.lo), sign(e.hi))
}

#[function_component(DifferenceTable)]
pub fn difference_table(props: &DifferenceTableProps) -> Html {
    html! {
        <section class="differences" aria-labelledby="differences-heading">
            <h2 id="differences-heading">{ format!("What the change bought, against the baseline \"{}\"", props.baseline) }</h2>
            <p class="hint">{ "Current run minus baseline at the horizon, with 95% intervals; percentage points for shares. Dashed lines in the charts are the baseline." }</p>
            <div class="table-scroll">
            <table id="differences-table">
                <thead><tr>
                    { for ["Group", "Ever used it", "Using it now", "Never used it", "Abandonment within 12 months", "Events avoided", "Cost"].iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                </tr></thead>
                <tbody>
                    { for props.rows.iter().map(|d| html! {
                        <tr>
                            <th scope="row">{ d.group.clone() }</th>
                            <td>{ points(&d.ever_adopted_share) }</td>
                            <td>{ points(&d.active_share) }</td>
                            <td>{ points(&d.non_adoption) }</td>
                            <td>{ d.abandonment.as_ref().map(points).unwrap_or_else(|| "not applicable".into()) }</td>
                            <td>{ signed(ValueFormat::Number { decimals: 1 }, &d.events_avoided) }</td>
                            <td>{ signed(ValueFormat::Currency, &d.cost) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
