//! One lever over its range: a line with its 95% band, the best value named, and each value as an option.

use std::rc::Rc;

use yew::prelude::*;

use super::{best_of, ViewProps};
use crate::charts::{Chart, ChartSeries, ChartSpec};
use crate::experiments::analysis::sweep_line;
use crate::experiments::design::{lever_label, lever_value};
use crate::experiments::state::StudyAction;
use crate::levers;
use crate::state::Action;

/// One lever over its range: a line with its 95% band, and a button per value to compare.
#[function_component(SweepView)]
pub fn sweep_view(props: &ViewProps) -> Html {
    let output = props.output;
    let factor = props.design.factors.first().map(|f| f.key.clone()).unwrap_or_default();
    let line = use_memo((props.points.clone(), props.response), |(points, r)| sweep_line(points, *r));
    let spec = use_memo(line.clone(), |line| {
        let unit = levers::LEVERS.iter().find(|l| l.path == factor).map(|l| l.unit).unwrap_or("");
        let x_label = if unit.is_empty() { lever_label(&factor) } else { format!("{} ({unit})", lever_label(&factor)) };
        Rc::new(ChartSpec {
            id: "chart-study-sweep".into(),
            title: format!("{} by {}", output.label, lever_label(&factor)),
            x_label,
            y_label: format!("{} ({})", output.label, output.short_unit),
            y_format: output.format,
            series: vec![ChartSeries {
                label: output.label.into(),
                colour: 0,
                points: line.iter().map(|(_, x, e)| (*x, e.scaled(output.scale))).collect(),
                dashed: false,
                show_band: true,
                faint: false,
            }],
            y_min_zero: false,
        })
    });
    if line.is_empty() {
        return html! { <p class="study-empty">{ "The line appears as the first values finish." }</p> };
    }
    let label = lever_label(&factor);
    let best = best_of(
        line.iter().map(|(_, x, e)| (format!("{label} {}", lever_value(&factor, *x)), *e)),
        output,
        props.complete,
    );
    html! {
        <div class="study-sweep">
            if let Some(best) = best { <p class="study-answer" id="study-answer">{ best }</p> }
            <Chart spec={(*spec).clone()} />
            <p class="study-compare">{ "Add a value as an option to compare: " }
                { for line.iter().map(|(point, x, _)| {
                    let point = *point;
                    let value = lever_value(&factor, *x);
                    html! {
                        <button type="button" class="study-point" data-point={point.to_string()}
                            aria-label={format!("Add {label} {value} as an option to compare")}
                            onclick={props.dispatch.reform(move |_| Action::Study(StudyAction::AddPointAsOption(point)))}>
                            { value }</button>
                    }
                }) }
            </p>
        </div>
    }
}
