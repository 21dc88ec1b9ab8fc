//! Which lever matters most: a bar per lever, from the output at its low value to the output at its high
//! value, around the scenario as it is, and the answer in one sentence.

use std::rc::Rc;

use rollout_engine::experiment::TornadoBar;
use yew::prelude::*;

use super::{change, show, ViewProps};
use crate::experiments::analysis::tornado_bars;
use crate::experiments::design::{lever_label, lever_value, Output};
use crate::state::Action;

/// The tornado in plain words: which lever matters most, and how many make a difference beyond chance.
pub fn tornado_summary(bars: &[TornadoBar], levers: usize, output: &Output) -> String {
    let clear = |b: &&TornadoBar| b.difference.lo > 0.0 || b.difference.hi < 0.0;
    let so_far =
        if bars.len() < levers { format!("So far ({} of {levers} levers): ", bars.len()) } else { String::new() };
    let what = output.label.to_lowercase();
    match bars.iter().find(clear) {
        Some(top) if std::ptr::eq(top, &bars[0]) => format!(
            "{so_far}{} matters most for {what}: from {} to {} it changes {what} by {}. {} of {} levers make a \
             difference you can tell from chance within these ranges.",
            lever_label(&top.factor),
            lever_value(&top.factor, top.low),
            lever_value(&top.factor, top.high),
            change(output, &top.difference),
            bars.iter().filter(clear).count(),
            bars.len()
        ),
        Some(_) => format!(
            "{so_far}{} moves {what} most, but not clearly beyond chance; {} of {} levers make a difference you can \
             tell from chance within these ranges.",
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
        use_memo((props.points.clone(), props.response), |(points, r)| tornado_bars(&props.design, points, *r));
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
            <p class="study-answer" id="study-answer">{ tornado_summary(&bars, props.design.factors.len(), output) }</p>
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiments::design::OUTPUTS;
    use rollout_engine::estimate::Estimate;

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
    fn the_summary_names_the_top_lever_only_when_it_is_beyond_chance() {
        let reach = &OUTPUTS[0];
        let bars = [bar("levers.subsidy.level", 0.05, 0.03, 0.07), bar("levers.support.level", 0.01, -0.01, 0.03)];
        let text = tornado_summary(&bars, 2, reach);
        assert!(!text.contains("  "), "one space between words: {text:?}");
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
