//! Every lever screened at once: Morris mu* and sigma against the noise floor, refined as trajectories
//! arrive.

use rollout_engine::experiment::DUMMY;
use yew::prelude::*;

use super::ViewProps;
use crate::experiments::analysis::screening;
use crate::experiments::design::lever_label;

/// Every lever screened at once: Morris mu* (how much the output moves across a lever's range) with its
/// interval and sigma (how much that depends on the other levers), against the noise floor.
#[function_component(ScreeningView)]
pub fn screening_view(props: &ViewProps) -> Html {
    let result = use_memo((props.points.clone(), props.response), |(points, r)| screening(&props.design, points, *r));
    let output = props.output;
    let Some((done, rows)) = (*result).clone() else {
        return html! { <p class="study-empty">{ "The screening shows once two trajectories (one run of every lever each) have finished." }</p> };
    };
    let top = rows.iter().map(|r| r.mu_star_hi.max(r.mu_star)).fold(0.0_f64, f64::max).max(f64::MIN_POSITIVE);
    let floor = rows.iter().find(|r| r.factor == DUMMY).map(|r| r.mu_star_hi);
    let fmt = |v: f64| output.format.format(v * output.scale);
    let clear: Vec<String> = rows
        .iter()
        .filter(|r| r.factor != DUMMY && floor.is_none_or(|f| r.mu_star_lo > f))
        .map(|r| lever_label(&r.factor))
        .collect();
    let answer = if clear.is_empty() {
        format!("No lever moves {} clearly above the noise floor yet.", output.label.to_lowercase())
    } else {
        format!("Above the noise floor for {}, most first: {}.", output.label.to_lowercase(), clear.join(", "))
    };
    html! {
        <div class="screening" id="study-screening">
            <p class="study-answer" id="study-answer">{ answer }</p>
            <p class="study-base">{ format!("From {done} trajectories. mu*: how far {} moves across each lever's whole range, on average over the other levers' settings.", output.label.to_lowercase()) }</p>
            <table class="screening-table">
                <thead><tr><th scope="col">{ "Lever" }</th><th scope="col">{ "mu* (95% interval)" }</th><th scope="col">{ "sigma" }</th><th scope="col">{ "" }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let below = floor.is_some_and(|f| r.mu_star_hi <= f && r.factor != DUMMY);
                        html! {
                            <tr key={r.factor.clone()} data-factor={r.factor.clone()} data-mu-star={format!("{}", r.mu_star)}
                                class={classes!((r.factor == DUMMY).then_some("noise-floor"))}>
                                <th scope="row">{ lever_label(&r.factor) }</th>
                                <td><span class="estimate">{ format!("{} ({}–{})", fmt(r.mu_star), fmt(r.mu_star_lo), fmt(r.mu_star_hi)) }</span></td>
                                <td>{ fmt(r.sigma) }</td>
                                <td class="screening-bar-cell">
                                    <span class="screening-bar" style={format!("width:{:.1}%", 100.0 * r.mu_star / top)}></span>
                                    if below { <span class="screening-note">{ " within the noise floor" }</span> }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <p class="study-key">{ "\"Nothing (noise floor)\" changes no lever, only the random numbers: a lever whose interval reaches no higher than it makes no difference you can tell from chance here." }</p>
        </div>
    }
}
