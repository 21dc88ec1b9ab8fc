//! Two levers together: a 10 x 10 surface of the output, filled coarse to fine, the best cell named; a cell
//! becomes an option to compare.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{best_of, show, ViewProps};
use crate::experiments::analysis::surface_cells;
use crate::experiments::design::{lever_label, lever_value, SURFACE_LEVELS};
use crate::experiments::state::StudyAction;
use crate::state::Action;

/// Seven steps of viridis (colour-blind safe, light to dark readable in grey), low to high.
const VIRIDIS: [&str; 7] = ["#440154", "#443983", "#31688e", "#21918c", "#35b779", "#90d743", "#fde725"];

/// Two levers together: a cell per combination, coloured by the output; faint cells show the nearest
/// finished point until their own finishes.
#[function_component(SurfaceView)]
pub fn surface_view(props: &ViewProps) -> Html {
    let levels = SURFACE_LEVELS as usize;
    let cells = use_memo((props.points.clone(), props.response), |(points, r)| {
        surface_cells(&props.design, points, *r, levels)
    });
    let output = props.output;
    let known: Vec<f64> = cells.iter().filter_map(|c| c.value.map(|e| e.mean).or(c.nearby)).collect();
    let (min, max) = known.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
    let colour = |v: f64| {
        let t = if max > min { (v - min) / (max - min) } else { 0.5 };
        let i = ((t * (VIRIDIS.len() - 1) as f64).round() as usize).min(VIRIDIS.len() - 1);
        // Black text from the teal step up (contrast at least 4.5:1 either way).
        (VIRIDIS[i], i >= 3)
    };
    let factors = &props.design.factors;
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
        props.complete,
    );
    // One tab stop for the whole surface (a roving tabindex): the arrow keys move between cells, Home and
    // End to the row's ends, Enter or Space adds the cell as an option.
    let active = use_state(|| levels - 1);
    let onkeydown = {
        let active = active.clone();
        Callback::from(move |e: KeyboardEvent| {
            let (i, j) = (*active / levels, *active % levels);
            let (i, j) = match e.key().as_str() {
                "ArrowRight" => ((i + 1).min(levels - 1), j),
                "ArrowLeft" => (i.saturating_sub(1), j),
                "ArrowUp" => (i, (j + 1).min(levels - 1)),
                "ArrowDown" => (i, j.saturating_sub(1)),
                "Home" => (0, j),
                "End" => (levels - 1, j),
                _ => return,
            };
            e.prevent_default();
            let next = i * levels + j;
            active.set(next);
            focus(&format!("surface-cell-{next}"));
        })
    };
    // Rows from the highest value of the second lever down; columns the first lever, low to high.
    let rows = (0..levels).rev().map(|j| {
        let row = (0..levels).map(|i| {
            let cell = &cells[i * levels + j];
            let point = cell.point;
            let id = format!("surface-cell-{point}");
            let tabindex = if point == *active { "0" } else { "-1" };
            let onfocus = {
                let active = active.clone();
                Callback::from(move |_: FocusEvent| active.set(point))
            };
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
                        <button type="button" class="surface-cell" {id} {tabindex} {onfocus} aria-label={label.clone()} title={label}
                            style={format!("background:{bg};color:{}", if dark_text { "#000" } else { "#fff" })}
                            data-point={point.to_string()} data-mean={format!("{}", e.mean)} {onclick}>
                            { output.format.format(e.mean * output.scale) }
                        </button>
                    }
                }
                (None, _) if cell.not_applicable => html! {
                    <span class="surface-cell not-applicable" role="img" {id} {tabindex} {onfocus} data-point={point.to_string()}
                        aria-label={format!("{where_}: {} not applicable", output.label)}>{ "n/a" }</span>
                },
                (None, nearby) => {
                    let style = nearby.map(|v| format!("background:{};opacity:0.35", colour(v).0)).unwrap_or_default();
                    html! {
                        <span class="surface-cell pending" role="img" {id} {tabindex} {onfocus} {style} data-point={point.to_string()}
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
            <div class="surface-grid" role="group" {onkeydown}
                aria-label={format!("{} by {x_label} and {y_label}; arrow keys move between cells", output.label)}>
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

/// Focus the element with this id, if it is there.
fn focus(id: &str) {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
