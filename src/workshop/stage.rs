//! `<Stage>`: one chart drawn large, for a projector or a printed page, and the room's guess on it: a click
//! or a tap marks it, and so do the arrow keys on the focused chart (up and down: the value, left and right:
//! a year). It draws only the spec it is given: while results are hidden that is an empty frame
//! ([`super::reveal::hidden_frame`]), so no number of the run reaches the canvas or the DOM.

use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::reveal::{guess_range, GUESS_COLOUR};
use super::state::Guess;
use crate::charts::draw::draw;
use crate::charts::layout::PlotLayout;
use crate::charts::palette::series_css;
use crate::charts::spec::x_values;
use crate::charts::ChartSpec;

#[derive(Properties, PartialEq)]
pub struct StageProps {
    /// DOM id of the canvas.
    pub canvas_id: AttrValue,
    pub spec: Rc<ChartSpec>,
    /// Type and line scale (about 2 on a projector).
    pub scale: f64,
    /// CSS height; `None` fills the window from the canvas's top down.
    #[prop_or_default]
    pub height: Option<u32>,
    /// What the chart shows, in words (the canvas's label).
    pub label: AttrValue,
    /// The room's guess, drawn as a ring where it is on this chart.
    #[prop_or_default]
    pub guess: Option<Guess>,
    /// Marking a guess is allowed: called with the new guess.
    #[prop_or_default]
    pub on_guess: Option<Callback<Guess>>,
}

/// Space left under a canvas that fills the window, CSS pixels.
const BOTTOM_GAP: f64 = 8.0;

/// The value at canvas pixel row `py` (the inverse of [`PlotLayout::py_of`]), within the y range.
fn value_at_row(l: &PlotLayout, py: f64) -> f64 {
    let (t, b) = (f64::from(l.px_y.0), f64::from(l.px_y.1));
    let (y0, y1) = l.y_range;
    if b <= t {
        return y0;
    }
    y0 + ((b - py) / (b - t)).clamp(0.0, 1.0) * (y1 - y0)
}

fn redraw(canvas_ref: &NodeRef, spec: &ChartSpec, scale: f64, height: Option<u32>) -> Option<PlotLayout> {
    let canvas = canvas_ref.cast::<HtmlCanvasElement>()?;
    let fill = match height {
        Some(h) => f64::from(h),
        None => {
            let window = web_sys::window()?;
            let inner = window.inner_height().ok()?.as_f64()?;
            (inner - canvas.get_bounding_client_rect().top() - BOTTOM_GAP).floor()
        }
    };
    canvas.set_attribute("data-fill-height", &fill.to_string()).ok()?;
    match draw(&canvas, spec, scale) {
        Ok(layout) => Some(layout),
        Err(e) => {
            web_sys::console::error_1(&e.into());
            None
        }
    }
}

#[function_component(Stage)]
pub fn stage(props: &StageProps) -> Html {
    let canvas_ref = use_node_ref();
    let layout = use_state_eq(|| None::<PlotLayout>);
    let current = use_mut_ref(|| (props.spec.clone(), props.scale, props.height));
    *current.borrow_mut() = (props.spec.clone(), props.scale, props.height);
    {
        let (canvas_ref, layout) = (canvas_ref.clone(), layout.clone());
        use_effect_with((props.spec.clone(), props.scale, props.height), move |(spec, scale, height)| {
            layout.set(redraw(&canvas_ref, spec, *scale, *height));
        });
    }
    {
        let (canvas_ref, layout, current) = (canvas_ref.clone(), layout.clone(), current.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                EventListener::new(&w, "resize", move |_| {
                    let (spec, scale, height) = current.borrow().clone();
                    layout.set(redraw(&canvas_ref, &spec, scale, height));
                })
            });
            move || drop(listener)
        });
    }

    let spec = props.spec.clone();
    let guessing = props.on_guess.clone();
    let onclick = {
        let (layout, spec, guessing) = (layout.clone(), spec.clone(), guessing.clone());
        Callback::from(move |e: MouseEvent| {
            let (Some(l), Some(on_guess)) = (layout.as_ref(), guessing.as_ref()) else { return };
            let Some(canvas) = e.target_dyn_into::<HtmlCanvasElement>() else { return };
            let (cw, ch) = (canvas.client_width(), canvas.client_height());
            if cw <= 0 || ch <= 0 {
                return;
            }
            let px = f64::from(e.offset_x()) * f64::from(canvas.width()) / f64::from(cw);
            let py = f64::from(e.offset_y()) * f64::from(canvas.height()) / f64::from(ch);
            // The room guesses where a curve is at a whole year.
            let month = (l.x_at(px) / 12.0).round() * 12.0;
            on_guess.emit(Guess { chart: spec.id.clone(), month, value: value_at_row(l, py) });
        })
    };
    let onkeydown = {
        let (spec, guessing, guess) = (spec.clone(), guessing.clone(), props.guess.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some(on_guess) = guessing.as_ref() else { return };
            let (lo, hi) = guess_range(&spec);
            let last = x_values(&spec).last().copied().unwrap_or(0.0);
            let now = guess.clone().filter(|g| g.chart == spec.id).unwrap_or(Guess {
                chart: spec.id.clone(),
                month: last,
                value: (lo + hi) / 2.0,
            });
            let step = (hi - lo) * if e.shift_key() { 0.1 } else { 0.02 };
            let next = match e.key().as_str() {
                "ArrowUp" => Guess { value: (now.value + step).min(hi), ..now },
                "ArrowDown" => Guess { value: (now.value - step).max(lo), ..now },
                "ArrowRight" => Guess { month: (now.month + 12.0).min(last), ..now },
                "ArrowLeft" => Guess { month: (now.month - 12.0).max(0.0), ..now },
                "Enter" => now,
                _ => return,
            };
            // Taken here: the page's own keys (years, notes) leave a handled key alone.
            e.prevent_default();
            on_guess.emit(next);
        })
    };

    let marker = match (props.guess.as_ref().filter(|g| g.chart == spec.id), layout.as_ref()) {
        (Some(g), Some(l)) => {
            let (x, y) = (l.px_of(g.month) / l.ratio, l.py_of(g.value) / l.ratio);
            let size = 14.0 * props.scale;
            let style = format!(
                "left:{x}px;top:{y}px;width:{size}px;height:{size}px;margin:-{h}px 0 0 -{h}px;border-color:{}",
                series_css(GUESS_COLOUR),
                h = size / 2.0 + 4.0
            );
            html! { <div class="guess-marker" {style} aria-hidden="true"></div> }
        }
        _ => html! {},
    };
    let hint = guessing.as_ref().map(|_| {
        "Click or tap the chart to mark the room's guess, or select it and use the arrow keys (Shift for bigger steps)."
    });
    html! {
        <div class="stage-canvas">
            <canvas id={props.canvas_id.clone()} ref={canvas_ref} role="img" aria-label={props.label.clone()}
                tabindex="0" data-chart={spec.id.clone()} {onclick} {onkeydown}
                class={classes!(guessing.is_some().then_some("guessing"))}></canvas>
            { marker }
            if let Some(hint) = hint {
                <p class="visually-hidden">{ hint }</p>
            }
        </div>
    }
}
