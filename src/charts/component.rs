//! The `<Chart>` component: a figure with the canvas, a hover / keyboard read-out and a data table.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlCanvasElement, HtmlTextAreaElement, ResizeObserver};
use yew::prelude::*;

use super::draw::draw;
use super::layout::PlotLayout;
use super::palette::series_css;
use super::readout::{describe, readout_parts, READOUT_SEPARATOR};
use super::spec::{nearest_index, x_values, ChartSpec};
use super::table::{copy_text, shown_rows, table, Delimiter};
use crate::components::estimate;
use crate::format::format_x;

#[derive(Properties)]
pub struct ChartProps {
    /// What to draw; the page memoises specs, so an unchanged chart gets the very same `Rc`.
    pub spec: Rc<ChartSpec>,
    /// Text and line scale: 1.0 normal, about 1.4 in large-text mode.
    #[prop_or(1.0)]
    pub scale: f64,
    /// At least this CSS height in pixels (the first screen's large charts); otherwise from the width.
    #[prop_or_default]
    pub min_height: Option<u32>,
}

impl PartialEq for ChartProps {
    /// The same spec (one `Rc`) is equal without walking its points.
    fn eq(&self, other: &Self) -> bool {
        self.scale == other.scale
            && self.min_height == other.min_height
            && (Rc::ptr_eq(&self.spec, &other.spec) || self.spec == other.spec)
    }
}

/// What the table and read-out need, computed once per spec.
struct Derived {
    xs: Vec<f64>,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
    shown: Vec<usize>,
    csv: String,
    description: String,
}

fn derive(spec: &ChartSpec) -> Derived {
    let xs = x_values(spec);
    let (headers, rows) = table(spec);
    let shown = shown_rows(&xs);
    Derived { csv: copy_text(spec, Delimiter::Comma), description: describe(spec), xs, headers, rows, shown }
}

/// Draws `spec` on the canvas behind `canvas_ref` and records the result.
fn redraw(
    canvas_ref: &NodeRef,
    spec: &ChartSpec,
    scale: f64,
    layout: &UseStateHandle<Option<PlotLayout>>,
    error: &UseStateHandle<Option<String>>,
    drawn: &Cell<(i32, f64)>,
) {
    let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else { return };
    match draw(&canvas, spec, scale) {
        Ok(l) => {
            drawn.set((canvas.client_width(), l.ratio));
            layout.set(Some(l));
            error.set(None);
        }
        Err(e) => {
            web_sys::console::error_1(&JsValue::from_str(&e));
            error.set(Some(e));
        }
    }
}

/// A line chart of estimates with 95% bands, for people: hover or arrow keys read values out, and the
/// data table has every number.
#[function_component(Chart)]
pub fn chart(props: &ChartProps) -> Html {
    let spec = props.spec.clone();
    let canvas_ref = use_node_ref();
    let textarea_ref = use_node_ref();
    let layout = use_state_eq(|| None::<PlotLayout>);
    let error = use_state_eq(|| None::<String>);
    let hover = use_state_eq(|| None::<usize>);
    let copy_status = use_state_eq(|| None::<String>);
    // Latest props and the (CSS width, pixel ratio) last drawn at, for the resize observer.
    let current = use_mut_ref(|| (spec.clone(), props.scale));
    *current.borrow_mut() = (spec.clone(), props.scale);
    let drawn = use_mut_ref(|| Cell::new((0, 0.0)));
    let derived = use_memo(spec.clone(), |spec| derive(spec));

    {
        let (canvas_ref, layout, error, drawn) = (canvas_ref.clone(), layout.clone(), error.clone(), drawn.clone());
        use_effect_with((spec.clone(), props.scale), move |(spec, scale)| {
            redraw(&canvas_ref, spec, *scale, &layout, &error, &drawn.borrow());
        });
    }
    {
        let (canvas_ref, layout, error, drawn, current) =
            (canvas_ref.clone(), layout.clone(), error.clone(), drawn.clone(), current.clone());
        use_effect_with((), move |_| {
            let watch = canvas_ref.cast::<HtmlCanvasElement>().and_then(|canvas| {
                let target = canvas.parent_element()?;
                let on_resize = Closure::<dyn FnMut(JsValue, JsValue)>::new(move |_: JsValue, _: JsValue| {
                    let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else { return };
                    let width = canvas.client_width();
                    let (drawn_width, drawn_ratio) = drawn.borrow().get();
                    if width > 0 && (width != drawn_width || super::draw::device_pixel_ratio() != drawn_ratio) {
                        let (spec, scale) = current.borrow().clone();
                        redraw(&canvas_ref, &spec, scale, &layout, &error, &drawn.borrow());
                    }
                });
                let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
                observer.observe(&target);
                Some((observer, on_resize))
            });
            move || {
                if let Some((observer, on_resize)) = watch {
                    observer.disconnect();
                    drop(on_resize);
                }
            }
        });
    }

    let xs = &derived.xs;
    let hovered = (*hover).filter(|&i| i < xs.len());

    let onmousemove = {
        let (layout, hover, derived) = (layout.clone(), hover.clone(), derived.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(l) = layout.as_ref() else { return };
            let Some(canvas) = e.target_dyn_into::<HtmlCanvasElement>() else { return };
            let css_width = canvas.client_width();
            if css_width <= 0 {
                return;
            }
            // Mouse CSS px → canvas px (the canvas may have been stretched since it was drawn), then plotters'
            // linear x mapping inverted, then the nearest x with data.
            let px = f64::from(e.offset_x()) * f64::from(canvas.width()) / f64::from(css_width);
            if let Some(i) = nearest_index(&derived.xs, l.x_at(px)) {
                hover.set(Some(i));
            }
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_: MouseEvent| hover.set(None))
    };
    let onfocus = {
        let (hover, n) = (hover.clone(), xs.len());
        Callback::from(move |_: FocusEvent| {
            if hover.is_none() && n > 0 {
                hover.set(Some(n - 1));
            }
        })
    };
    let onblur = {
        let hover = hover.clone();
        Callback::from(move |_: FocusEvent| hover.set(None))
    };
    let onkeydown = {
        let (hover, n) = (hover.clone(), xs.len());
        Callback::from(move |e: KeyboardEvent| {
            if n == 0 {
                return;
            }
            let at = hovered.unwrap_or(n - 1);
            let next = match e.key().as_str() {
                "ArrowLeft" => at.saturating_sub(1),
                "ArrowRight" => (at + 1).min(n - 1),
                "PageDown" => at.saturating_sub(12),
                "PageUp" => (at + 12).min(n - 1),
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            hover.set(Some(next));
        })
    };

    let oncopy = {
        let (csv, status, textarea_ref) = (derived.csv.clone(), copy_status.clone(), textarea_ref.clone());
        Callback::from(move |_: MouseEvent| {
            let fallback = {
                let (status, textarea_ref) = (status.clone(), textarea_ref.clone());
                move || {
                    if let Some(t) = textarea_ref.cast::<HtmlTextAreaElement>() {
                        let _ = t.focus();
                        t.select();
                    }
                    status.set(Some(
                        "Could not copy automatically: the text below is selected, press Ctrl+C (\u{2318}C on a Mac)."
                            .into(),
                    ));
                }
            };
            let Some(window) = web_sys::window() else { return };
            let clipboard = window.navigator().clipboard();
            if AsRef::<JsValue>::as_ref(&clipboard).is_undefined() {
                fallback();
                return;
            }
            let ok = {
                let status = status.clone();
                Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
                    status.set(Some("Copied. Paste it into a spreadsheet.".into()))
                })
            };
            let failed = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| fallback());
            let _ = clipboard.write_text(&csv).then2(&ok, &failed);
            // Called at most once each, after this handler returns: hand them to JS.
            ok.forget();
            failed.forget();
        })
    };

    // Hover cursor: a vertical line and a dot per series, over the canvas, in CSS px.
    let overlay = match (hovered, layout.as_ref()) {
        (Some(i), Some(l)) => {
            let x = xs[i];
            let css = |px: f64| px / l.ratio;
            let left = css(l.px_of(x));
            let (top, bottom) = (css(f64::from(l.px_y.0)), css(f64::from(l.px_y.1)));
            let dot = 10.0 * props.scale;
            let dots = spec.series.iter().filter_map(|s| {
                let e = s.points.iter().find(|p| p.0 == x)?.1;
                e.mean.is_finite().then(|| {
                    let y = css(l.py_of(e.mean));
                    let style = format!(
                        "position:absolute;left:{left}px;top:{y}px;width:{dot}px;height:{dot}px;margin:-{h}px 0 0 -{h}px;\
                         border-radius:50%;background:{};border:2px solid #fff;box-sizing:content-box;pointer-events:none",
                        series_css(s.colour),
                        h = dot / 2.0 + 2.0
                    );
                    html! { <div class="chart-dot" {style}></div> }
                })
            });
            let line = format!(
                "position:absolute;left:{left}px;top:{top}px;height:{}px;width:0;border-left:2px solid #1a1a1a;margin-left:-1px;pointer-events:none",
                (bottom - top).max(0.0)
            );
            html! { <><div class="chart-cursor" style={line}></div>{ for dots }</> }
        }
        _ => html! {},
    };
    let readout_text = match hovered {
        Some(i) => {
            let (head, parts) = readout_parts(&spec, xs[i]);
            let parts = parts.into_iter().enumerate().map(|(k, part)| {
                html! { <>{ if k > 0 { READOUT_SEPARATOR } else { "" } }{ estimate(part) }</> }
            });
            html! { <>{ head }{ for parts }</> }
        }
        None => html! { { format!(
            "Point at the chart, or select it and use the arrow keys, to read values for each {}.",
            spec.x_label.to_lowercase()
        ) } },
    };

    let (headers, rows) = (&derived.headers, &derived.rows);
    let thinned = derived.shown.len() < rows.len();
    let body = derived.shown.iter().map(|&r| {
        let row = &rows[r];
        html! {
            <tr>
                <th scope="row">{ &row[0] }</th>
                { for row[1..].iter().map(|c| html! { <td>{ estimate(c) }</td> }) }
            </tr>
        }
    });
    let range = match (xs.first(), xs.last()) {
        (Some(a), Some(b)) => format!(" ({} {}\u{2013}{})", spec.x_label.to_lowercase(), format_x(*a), format_x(*b)),
        _ => String::new(),
    };

    html! {
        <figure class="chart" id={format!("{}-figure", spec.id)}>
            <figcaption>{ &spec.title }</figcaption>
            <div class="chart-canvas" style="position:relative">
                <canvas
                    id={spec.id.clone()}
                    ref={canvas_ref}
                    role="img"
                    data-min-height={props.min_height.map(|h| h.to_string())}
                    aria-label={derived.description.clone()}
                    tabindex="0"
                    style="display:block;width:100%;cursor:crosshair"
                    {onmousemove} {onmouseleave} {onfocus} {onblur} {onkeydown}
                ></canvas>
                { overlay }
            </div>
            <p class="chart-readout" aria-live="polite">{ readout_text }</p>
            if let Some(e) = error.as_ref() {
                <p class="chart-error" role="alert">{ format!("The chart could not be drawn ({e}). The data table below has the values.") }</p>
            }
            <details class="chart-table">
                <summary>{ "Data table" }</summary>
                if thinned {
                    <p class="chart-table-note">
                        { format!(
                            "Showing every 12th {} and the last: {} of {} rows. \"Copy as CSV\" copies all of them.",
                            spec.x_label.to_lowercase(), derived.shown.len(), rows.len()
                        ) }
                    </p>
                }
                <table>
                    <caption>{ format!("{}: {} by {}{range}. Each cell: mean (95% interval).", spec.title, spec.y_label, spec.x_label.to_lowercase()) }</caption>
                    <thead>
                        <tr>{ for headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr>
                    </thead>
                    <tbody>{ for body }</tbody>
                </table>
                <p>
                    <button type="button" class="chart-copy" onclick={oncopy}>{ "Copy as CSV" }</button>
                    <span class="chart-copy-status" role="status">{ copy_status.as_deref().unwrap_or_default() }</span>
                </p>
                <label>
                    { "CSV text (all rows, with lower and upper 95% bounds):" }
                    <textarea ref={textarea_ref} class="chart-csv" readonly=true rows="4" style="display:block;width:100%;font-family:monospace" value={derived.csv.clone()} />
                </label>
            </details>
        </figure>
    }
}
