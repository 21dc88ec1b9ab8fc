//! One view per kind of study, drawn as HTML (bars and cells are buttons: click, tap or Enter applies that
//! lever value or adds that point as an option). Each view gets only the study's finished points, so it
//! re-renders when a point finishes, not on every replicate.

use std::rc::Rc;

use rollout_engine::estimate::Estimate;
use rollout_engine::experiment::TornadoBar;
use yew::prelude::*;

use super::analysis::{screening, surface_cells, sweep_line, tornado_bars};
use super::design::{lever_label, lever_value, Output, SURFACE_LEVELS};
use super::state::StudyAction;
use super::study::Study;
use crate::charts::{Chart, ChartSeries, ChartSpec};
use crate::state::{Action, Shared};

/// An estimate in the output's shown unit.
fn scaled(e: &Estimate, k: f64) -> Estimate {
    Estimate { mean: e.mean * k, lo: e.lo * k, hi: e.hi * k }
}

fn show(output: &Output, e: &Estimate) -> String {
    output.format.format_estimate(&scaled(e, output.scale))
}

fn change(output: &Output, e: &Estimate) -> String {
    format!("{}{}", output.format.format_change(&scaled(e, output.scale)), output.change_unit)
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

/// The tornado in plain words: which lever matters most, and how many make a difference beyond chance.
pub fn tornado_summary(bars: &[TornadoBar], levers: usize, output: &Output) -> String {
    let clear = |b: &&TornadoBar| b.difference.lo > 0.0 || b.difference.hi < 0.0;
    let so_far =
        if bars.len() < levers { format!("So far ({} of {levers} levers): ", bars.len()) } else { String::new() };
    let what = output.label.to_lowercase();
    match bars.iter().find(clear) {
        Some(top) if std::ptr::eq(top, &bars[0]) => format!(
            "{so_far}{} matters most for {what}: from {} to {} it changes {what} by {}. {} of {} levers make a              difference you can tell from chance within these ranges.",
            lever_label(&top.factor),
            lever_value(&top.factor, top.low),
            lever_value(&top.factor, top.high),
            change(output, &top.difference),
            bars.iter().filter(clear).count(),
            bars.len()
        ),
        Some(_) => format!(
            "{so_far}{} moves {what} most, but not clearly beyond chance; {} of {} levers make a difference you can              tell from chance within these ranges.",
            lever_label(&bars[0].factor),
            bars.iter().filter(clear).count(),
            bars.len()
        ),
        None => format!("{so_far}No lever makes a difference to {what} you can tell from chance within these ranges."),
    }
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
            lever_value(&bar.factor, value),
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
            <p class="study-answer" id="study-answer">{ tornado_summary(&bars, props.study.design.factors.len(), output) }</p>
            <p class="study-base">{ format!("{} with the levers as they are: {}", output.label, show(output, &base)) }</p>
            <ol class="tornado-rows">
                { for bars.iter().map(|bar| html! {
                    <li class="tornado-row" key={bar.factor.clone()} data-factor={bar.factor.clone()}
                        data-difference={format!("{}", bar.difference.mean)} data-lo={format!("{}", bar.difference.lo)}
                        data-hi={format!("{}", bar.difference.hi)}>
                        <span class="tornado-lever">
                            { lever_label(&bar.factor) }
                            <span class="tornado-range">{ format!(" {} → {}", lever_value(&bar.factor, bar.low), lever_value(&bar.factor, bar.high)) }</span>
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
                y_label: format!("{} ({})", output.label, output.short_unit),
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
    let factor = props.study.design.factors[0].key.clone();
    let finished: Vec<(usize, f64, Estimate)> = props
        .points
        .iter()
        .flatten()
        .filter_map(|p| {
            let values: Option<Vec<f64>> = p.values.get(props.response)?.iter().copied().collect();
            let v = values?;
            Some((
                p.point,
                p.factor_values[0],
                Estimate::from_samples(&v, rollout_engine::estimate::t_critical(v.len())),
            ))
        })
        .collect();
    let label = lever_label(&factor);
    let best = best_of(
        finished.iter().map(|(_, x, e)| (format!("{label} {}", lever_value(&factor, *x)), *e)),
        output,
        props.study.complete(),
    );
    html! {
        <div class="study-sweep">
            if let Some(best) = best { <p class="study-answer" id="study-answer">{ best }</p> }
            <Chart spec={spec.0.clone()} />
            <p class="study-compare">{ "Add a value as an option to compare: " }
                { for finished.iter().map(|(point, x, _)| {
                    let point = *point;
                    html! {
                        <button type="button" class="study-point" data-point={point.to_string()}
                            onclick={props.dispatch.reform(move |_| Action::Study(StudyAction::AddPointAsOption(point)))}>
                            { lever_value(&factor, *x) }</button>
                    }
                }) }
            </p>
        </div>
    }
}

/// The best finished point for the output ("Highest people reached: Device subsidy 1, 41.2 (39.0–43.4)."),
/// highest or lowest as the output prefers; `None` before any point is in.
pub fn best_of(points: impl Iterator<Item = (String, Estimate)>, output: &Output, complete: bool) -> Option<String> {
    let better = |a: &Estimate, b: &Estimate| if output.higher_is_better { a.mean > b.mean } else { a.mean < b.mean };
    let (at, e) = points.fold(None, |best: Option<(String, Estimate)>, (at, e)| match best {
        Some((_, b)) if !better(&e, &b) => best,
        _ => Some((at, e)),
    })?;
    let which = if output.higher_is_better { "Highest" } else { "Lowest" };
    let so_far = if complete { "" } else { " so far" };
    Some(format!("{which} {}{so_far}: {at}, {}.", output.label.to_lowercase(), show(output, &e)))
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
        // Black text from the teal step up (contrast at least 4.5:1 either way).
        (VIRIDIS[i], i >= 3)
    };
    let factors = &props.study.design.factors;
    let (x_label, y_label) = (lever_label(&factors[0].key), lever_label(&factors[1].key));
    let best = best_of(
        cells.iter().filter_map(|c| {
            let at = format!(
                "{x_label} {} with {y_label} {}",
                lever_value(&factors[0].key, c.x),
                lever_value(&factors[1].key, c.y)
            );
            c.value.map(|e| (at, e))
        }),
        output,
        props.study.complete(),
    );
    // Rows from the highest value of the second lever down; columns the first lever, low to high.
    let rows = (0..levels).rev().map(|j| {
        let row = (0..levels).map(|i| {
            let cell = &cells[i * levels + j];
            let point = cell.point;
            let onclick = props.dispatch.reform(move |_| Action::Study(StudyAction::AddPointAsOption(point)));
            let where_ = format!(
                "{x_label} {}, {y_label} {}",
                lever_value(&factors[0].key, cell.x),
                lever_value(&factors[1].key, cell.y)
            );
            match (cell.value, cell.nearby) {
                (Some(e), _) => {
                    let (bg, dark_text) = colour(e.mean);
                    let label = format!("{where_}: {} {}. Add as an option to compare", output.label, show(output, &e));
                    html! {
                        <button type="button" class="surface-cell" aria-label={label.clone()} title={label}
                            style={format!("background:{bg};color:{}", if dark_text { "#000" } else { "#fff" })}
                            data-point={point.to_string()} data-mean={format!("{}", e.mean)} {onclick}>
                            { output.format.format(e.mean * output.scale) }
                        </button>
                    }
                }
                (None, nearby) => {
                    let style = nearby.map(|v| format!("background:{};opacity:0.35", colour(v).0)).unwrap_or_default();
                    html! {
                        <span class="surface-cell pending" {style} data-point={point.to_string()}
                            aria-label={format!("{where_}: not run yet")}></span>
                    }
                }
            }
        });
        html! {
            <div class="surface-row">
                <span class="surface-y">{ lever_value(&factors[1].key, cells[j].y) }</span>
                { for row }
            </div>
        }
    });
    html! {
        <div class="surface" id="study-surface">
            if let Some(best) = best { <p class="study-answer" id="study-answer">{ best }</p> }
            <p class="surface-axis-y">{ format!("↑ {y_label}") }</p>
            <div class="surface-grid" role="group" aria-label={format!("{} by {x_label} and {y_label}", output.label)}>
                { for rows }
                <div class="surface-row surface-x">
                    <span class="surface-y"></span>
                    { for (0..levels).map(|i| html! { <span class="surface-x-tick">{ lever_value(&factors[0].key, cells[i * levels].x) }</span> }) }
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
    let clear: Vec<String> = rows
        .iter()
        .filter(|r| r.factor != rollout_engine::experiment::DUMMY && floor.is_none_or(|f| r.mu_star_lo > f))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiments::design::OUTPUTS;

    fn bar(factor: &str, mean: f64, lo: f64, hi: f64) -> TornadoBar {
        let e = Estimate { mean: 0.3, lo: 0.2, hi: 0.4 };
        TornadoBar {
            factor: factor.into(),
            low: 0.0,
            high: 1.0,
            at_base: e,
            at_low: e,
            at_high: e,
            difference: Estimate { mean, lo, hi },
        }
    }

    #[test]
    fn the_best_point_is_the_highest_or_lowest_as_the_output_prefers() {
        let e = |mean| Estimate { mean, lo: mean - 0.01, hi: mean + 0.01 };
        let points =
            || vec![("a".to_string(), e(0.2)), ("b".to_string(), e(0.5)), ("c".to_string(), e(0.1))].into_iter();
        assert!(best_of(points(), &OUTPUTS[0], false).unwrap().starts_with("Highest people reached so far: b, 50.0"));
        let gap = OUTPUTS.iter().find(|o| o.id == "gap").unwrap();
        assert!(best_of(points(), gap, true).unwrap().starts_with("Lowest gap in reach: c, 10.0"));
        assert_eq!(best_of(std::iter::empty(), gap, true), None);
    }

    #[test]
    fn the_summary_names_the_top_lever_only_when_it_is_beyond_chance() {
        let reach = &OUTPUTS[0];
        let bars = [bar("levers.subsidy.level", 0.05, 0.03, 0.07), bar("levers.support.level", 0.01, -0.01, 0.03)];
        let text = tornado_summary(&bars, 2, reach);
        assert!(text.starts_with("Device subsidy matters most for people reached: from 0 to 1"), "{text}");
        assert!(text.contains("+5.0") && text.contains("pts") && text.contains("1 of 2 levers"), "{text}");
        let unclear = [bar("levers.subsidy.level", 0.05, -0.01, 0.11), bar("levers.support.level", 0.04, 0.01, 0.07)];
        let text = tornado_summary(&unclear, 3, reach);
        assert!(
            text.starts_with("So far (2 of 3 levers): Device subsidy moves people reached most, but not clearly"),
            "{text}"
        );
        let none = [bar("levers.subsidy.level", 0.0, -0.01, 0.01)];
        assert!(tornado_summary(&none, 1, reach).starts_with("No lever makes a difference"));
    }
}
