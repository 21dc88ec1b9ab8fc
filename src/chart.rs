//! A line chart drawn with plotters on a `<canvas>`, sized for the screen's pixel density.

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;
use yew::prelude::*;

/// One line: a label and (x, y) points.
#[derive(Clone, PartialEq)]
pub struct Series {
    pub label: String,
    pub points: Vec<(f64, f64)>,
}

#[derive(Properties, PartialEq)]
pub struct LineChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub x_label: AttrValue,
    pub y_label: AttrValue,
    pub series: Vec<Series>,
}

/// Colour-blind-safe palette (Okabe & Ito 2008).
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
    RGBColor(240, 228, 66),
    RGBColor(0, 0, 0),
];

#[function_component(LineChart)]
pub fn line_chart(props: &LineChartProps) -> Html {
    let canvas = use_node_ref();
    {
        let canvas = canvas.clone();
        let series = props.series.clone();
        let (x_label, y_label) = (props.x_label.clone(), props.y_label.clone());
        use_effect_with(series.clone(), move |_| {
            if let Some(element) = canvas.cast::<HtmlCanvasElement>() {
                draw(&element, &series, &x_label, &y_label);
            }
        });
    }
    html! {
        <figure class="chart">
            <figcaption>{ &props.title }</figcaption>
            <canvas id={props.id.clone()} ref={canvas} role="img" aria-label={props.title.clone()}></canvas>
        </figure>
    }
}

fn draw(canvas: &HtmlCanvasElement, series: &[Series], x_label: &str, y_label: &str) {
    let ratio = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0).max(1.0);
    let css_width = canvas.client_width().max(320) as f64;
    let css_height = (css_width * 0.5).clamp(240.0, 480.0);
    canvas.set_width((css_width * ratio) as u32);
    canvas.set_height((css_height * ratio) as u32);
    let _ = canvas.unchecked_ref::<web_sys::HtmlElement>().style().set_property("height", &format!("{css_height}px"));
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else { return };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let x_max = series.iter().flat_map(|s| s.points.iter().map(|p| p.0)).fold(1.0, f64::max);
    let y_max = series.iter().flat_map(|s| s.points.iter().map(|p| p.1)).fold(1.0, f64::max) * 1.05;
    let font = (16.0 * ratio) as i32;
    let Ok(mut chart) = ChartBuilder::on(&root)
        .margin((12.0 * ratio) as i32)
        .x_label_area_size((44.0 * ratio) as i32)
        .y_label_area_size((64.0 * ratio) as i32)
        .build_cartesian_2d(0.0..x_max, 0.0..y_max)
    else {
        return;
    };
    let _ = chart
        .configure_mesh()
        .x_desc(x_label)
        .y_desc(y_label)
        .label_style(("sans-serif", font))
        .axis_desc_style(("sans-serif", font))
        .draw();
    for (i, s) in series.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        if let Ok(drawn) = chart.draw_series(LineSeries::new(s.points.iter().copied(), colour.stroke_width((3.0 * ratio) as u32))) {
            drawn.label(s.label.clone()).legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 20, y)], colour.stroke_width(3)));
        }
    }
    let _ = chart
        .configure_series_labels()
        .label_font(("sans-serif", font))
        .background_style(WHITE.mix(0.8))
        .border_style(BLACK)
        .draw();
    let _ = root.present();
}
