//! One view per kind of study, drawn as HTML (bars and cells are buttons: click, tap or Enter applies that
//! lever value or adds that point as an option). Each view gets only the study's finished points, so it
//! re-renders when a point finishes, not on every replicate.

use std::rc::Rc;

use rollout_engine::estimate::Estimate;
use rollout_engine::experiment::TornadoBar;
use yew::prelude::*;

use super::analysis::{screening, surface_cells, sweep_line, tornado_bars};
use super::design::{lever_label, Output, SURFACE_LEVELS};
use super::state::StudyAction;
use super::study::Study;
use crate::charts::{Chart, ChartSeries, ChartSpec};
use crate::format::format_x;
use crate::state::{Action, Shared};

/// An estimate in the output's shown unit.
fn scaled(e: &Estimate, k: f64) -> Estimate {
    Estimate { mean: e.mean * k, lo: e.lo * k, hi: e.hi * k }
}

fn show(output: &Output, e: &Estimate) -> String {
    output.format.format_estimate(&scaled(e, output.scale))
}

fn change(output: &Output, e: &Estimate) -> String {
    output.format.format_change(&scaled(e, output.scale))
}

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub study: Shared<Study>,
    /// The study's finished points (their identity changes only when a point finishes).
    pub points: Shared<Vec<Option<Rc<rollout_engine::experiment::PointResult>>>>,
    pub output: &'static Output,
    pub response: usize,
    pub dispatch: Callback<Action>,
}

/// Which lever matters most: a bar per lever, from the output at its low value to the output at its high
/// value, around the scenario as it is.
#[function_component(TornadoView)]
pub fn tornado_view(props: &ViewProps) -> Html {
    let bars: Rc<Vec<TornadoBar>> =
        use_memo((props.points.clone(), props.response), |_| tornado_bars(&props.study, props.response));
    let output = props.output;
    let Some(base) = bars.first().map(|b| b.at_base) else {
        return html! { <p class="study-empty">{ "The bars appear as each lever's two runs finish." }</p> };
    };
    let reach = bars
        .iter()
        .flat_map(|b| [b.at_low.mean - base.mean, b.at_high.mean - base.mean])
        .fold(0.0_f64, |m, d| m.max(d.abs()))
        .max(f64::MIN_POSITIVE);
    let segment = |bar: &TornadoBar, high: bool| {
        let (value, at) = if high { (bar.high, &bar.at_high) } else { (bar.low, &bar.at_low) };
        let d = (at.mean - base.mean) / reach * 50.0;
        let (left, width) = if d >= 0.0 { (50.0, d) } else { (50.0 + d, -d) };
        let label = format!(
            "Set {} to {}: {} {}",
            lever_label(&bar.factor),
            format_x(value),
            output.label.to_lowercase(),
            show(output, at)
        );
        let path = bar.factor.clone();
        let onclick =
            props.dispatch.reform(move |_| Action::SetField { path: path.clone(), value: format!("{value}") });
        html! {
            <button type="button" class={classes!("tornado-bar", if high { "high" } else { "low" })}
                style={format!("left:{left:.2}%;width:{:.2}%", width.max(0.6))} aria-label={label.clone()} title={label}
                data-value={format!("{value}")} {onclick}></button>
        }
    };
    html! {
        <div class="tornado" id="study-tornado">
            <p class="study-base">{ format!("{} with the levers as they are: {}", output.label, show(output, &base)) }</p>
            <ol class="tornado-rows">
                { for bars.iter().map(|bar| html! {
                    <li class="tornado-row" key={bar.factor.clone()} data-factor={bar.factor.clone()}
                        data-difference={format!("{}", bar.difference.mean)} data-lo={format!("{}", bar.difference.lo)}
                        data-hi={format!("{}", bar.difference.hi)}>
                        <span class="tornado-lever">
                            { lever_label(&bar.factor) }
                            <span class="tornado-range">{ format!(" {} → {}", format_x(bar.low), format_x(bar.high)) }</span>
                        </span>
                        <span class="tornado-track" aria-hidden="false">
                            <span class="tornado-axis"></span>
                            { segment(bar, false) }
                            { segment(bar, true) }
                        </span>
                        <span class="tornado-change">{ change(output, &bar.difference) }</span>
                    </li>
                }) }
            </ol>
            <p class="study-key">
                <span class="swatch low"></span>{ " lever at its low value  " }
                <span class="swatch high"></span>{ " at its high value. The number is high minus low on the same simulated people, with its 95% interval. Click a bar to set that lever." }
            </p>
        </div>
    }
}

/// One lever over its range: a line with its 95% band, and a row per value to compare.
#[function_component(SweepView)]
pub fn sweep_view(props: &ViewProps) -> Html {
    let output = props.output;
    let spec = use_memo((props.points.clone(), props.response), |_| {
        let factor = props.study.design.factors.first().map(|f| f.key.clone()).unwrap_or_default();
        let points = sweep_line(&props.study, props.response)
            .into_iter()
            .map(|(x, e)| (x, scaled(&e, output.scale)))
            .collect::<Vec<_>>();
        (
            Rc::new(ChartSpec {
                id: "chart-study-sweep".into(),
                title: format!("{} by {}", output.label, lever_label(&factor)),
                x_label: lever_label(&factor),
                y_label: format!("{} ({})", output.label, output.unit),
                y_format: output.format,
                series: vec![ChartSeries {
                    label: output.label.into(),
                    colour: 0,
                    points: points.clone(),
                    dashed: false,
                    show_band: true,
                    faint: false,
                }],
                y_min_zero: false,
            }),
            points.len(),
        )
    });
    if spec.1 == 0 {
        return html! { <p class="study-empty">{ "The line appears as the first values finish." }</p> };
    }
    html! { <div class="study-sweep"><Chart spec={spec.0.clone()} /></div> }
}

/// Seven steps of viridis (colour-blind safe, light to dark readable in grey), low to high.
const VIRIDIS: [&str; 7] = ["#440154", "#443983", "#31688e", "#21918c", "#35b779", "#90d743", "#fde725"];

/// Two levers together: a cell per combination, coloured by the output; faint cells show the nearest
/// finished point until their own finishes.
#[function_component(SurfaceView)]
pub fn surface_view(props: &ViewProps) -> Html {
    let levels = SURFACE_LEVELS as usize;
    let cells =
        use_memo((props.points.clone(), props.response), |_| surface_cells(&props.study, props.response, levels));
    let output = props.output;
    let known: Vec<f64> = cells.iter().filter_map(|c| c.value.map(|e| e.mean).or(c.nearby)).collect();
    let (min, max) = known.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
    let colour = |v: f64| {
        let t = if max > min { (v - min) / (max - min) } else { 0.5 };
        let i = ((t * (VIRIDIS.len() - 1) as f64).round() as usize).min(VIRIDIS.len() - 1);
        (VIRIDIS[i], i >= 4)
    };
    let factors = &props.study.design.factors;
    let (x_label, y_label) = (lever_label(&factors[0].key), lever_label(&factors[1].key));
    // Rows from the highest value of the second lever down; columns the first lever, low to high.
    let rows = (0..levels).rev().map(|j| {
        let row = (0..levels).map(|i| {
            let cell = &cells[i * levels + j];
            let point = cell.point;
            let onclick = props.dispatch.reform(move |_| Action::Study(StudyAction::AddPointAsOption(point)));
            let where_ = format!("{x_label} {}, {y_label} {}", format_x(cell.x), format_x(cell.y));
            match (cell.value, cell.nearby) {
                (Some(e), _) => {
                    let (bg, dark_text) = colour(e.mean);
                    let label = format!("{where_}: {} {}. Add as an option to compare", output.label, show(output, &e));
                    html! {
                        <button type="button" class="surface-cell" role="gridcell" aria-label={label.clone()} title={label}
                            style={format!("background:{bg};color:{}", if dark_text { "#000" } else { "#fff" })}
                            data-point={point.to_string()} data-mean={format!("{}", e.mean)} {onclick}>
                            { output.format.format(e.mean * output.scale) }
                        </button>
                    }
                }
                (None, nearby) => {
                    let style = nearby.map(|v| format!("background:{};opacity:0.35", colour(v).0)).unwrap_or_default();
                    html! {
                        <span class="surface-cell pending" role="gridcell" {style} data-point={point.to_string()}
                            aria-label={format!("{where_}: not run yet")}></span>
                    }
                }
            }
        });
        html! {
            <div class="surface-row" role="row">
                <span class="surface-y" role="rowheader">{ format_x(cells[j].y) }</span>
                { for row }
            </div>
        }
    });
    html! {
        <div class="surface" id="study-surface">
            <p class="surface-axis-y">{ format!("↑ {y_label}") }</p>
            <div class="surface-grid" role="grid" aria-label={format!("{} by {x_label} and {y_label}", output.label)}>
                { for rows }
                <div class="surface-row surface-x" role="row">
                    <span class="surface-y"></span>
                    { for (0..levels).map(|i| html! { <span class="surface-x-tick" role="columnheader">{ format_x(cells[i * levels].x) }</span> }) }
                </div>
            </div>
            <p class="surface-axis-x">{ format!("{x_label} →") }</p>
            if min.is_finite() {
                <p class="study-key">
                    <span class="swatch" style={format!("background:{}", VIRIDIS[0])}></span>{ format!(" {}  ", output.format.format(min * output.scale)) }
                    <span class="swatch" style={format!("background:{}", VIRIDIS[6])}></span>{ format!(" {}. ", output.format.format(max * output.scale)) }
                    { format!("{} ({}). Faint cells show the nearest finished value until their own is in. Click a cell to add it as an option to compare.", output.label, output.unit) }
                </p>
            }
        </div>
    }
}

/// Every lever screened at once: Morris mu* (how much the output moves across a lever's range) with its
/// interval and sigma (how much that depends on the other levers), against the noise floor.
#[function_component(ScreeningView)]
pub fn screening_view(props: &ViewProps) -> Html {
    let result = use_memo((props.points.clone(), props.response), |_| screening(&props.study, props.response));
    let output = props.output;
    let Some((done, rows)) = (*result).clone() else {
        return html! { <p class="study-empty">{ "The screening shows once two trajectories (one run of every lever each) have finished." }</p> };
    };
    let top = rows.iter().map(|r| r.mu_star_hi.max(r.mu_star)).fold(0.0_f64, f64::max).max(f64::MIN_POSITIVE);
    let floor = rows.iter().find(|r| r.factor == rollout_engine::experiment::DUMMY).map(|r| r.mu_star_hi);
    let fmt = |v: f64| output.format.format(v * output.scale);
    html! {
        <div class="screening" id="study-screening">
            <p class="study-base">{ format!("From {done} trajectories. mu*: how far {} moves across each lever's whole range, on average over the other levers' settings.", output.label.to_lowercase()) }</p>
            <table class="screening-table">
                <thead><tr><th scope="col">{ "Lever" }</th><th scope="col">{ "mu* (95% interval)" }</th><th scope="col">{ "sigma" }</th><th scope="col">{ "" }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let below = floor.is_some_and(|f| r.mu_star_hi <= f && r.factor != rollout_engine::experiment::DUMMY);
                        html! {
                            <tr key={r.factor.clone()} data-factor={r.factor.clone()} data-mu-star={format!("{}", r.mu_star)}
                                class={classes!((r.factor == rollout_engine::experiment::DUMMY).then_some("noise-floor"))}>
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
