//! In-browser tests of `charts::Chart` (wasm-bindgen-test in headless Chromium): mount a chart, check it draws,
//! that the data table has the right rows, and that hovering and arrow keys read values out.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use rollout_lab::charts::{canvas_png_data_url, Chart, ChartProps, ChartSeries, ChartSpec, Estimate, ValueFormat};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{
    CanvasRenderingContext2d, Element, HtmlCanvasElement, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit,
};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::until;

/// Okabe–Ito blue and orange, palette indices 0 and 1.
const BLUE: [u8; 3] = [0x00, 0x72, 0xB2];
const ORANGE: [u8; 3] = [0xE6, 0x9F, 0x00];

fn spec(id: &str, months: usize) -> ChartSpec {
    let series = |label: &str, colour: usize, rate: f64, dashed: bool| ChartSeries {
        label: label.into(),
        colour,
        points: (0..months)
            .map(|m| {
                let mean = 0.6 * (1.0 - (-rate * m as f64).exp());
                (m as f64, Estimate { mean, lo: mean * 0.9, hi: mean * 1.1 })
            })
            .collect(),
        dashed,
        show_band: true,
        faint: false,
    };
    ChartSpec {
        id: id.into(),
        title: "Active use".into(),
        x_label: "Month".into(),
        y_label: "Active use (% of eligible)".into(),
        y_format: ValueFormat::Percent,
        series: vec![series("With the programme", 0, 0.08, false), series("Baseline", 1, 0.03, true)],
        y_min_zero: true,
    }
}

/// Mounts a chart in an 800 px wide div and waits until it is drawn and its table rendered.
async fn mount(spec: ChartSpec, scale: f64) -> (Element, HtmlCanvasElement) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("style", "width: 800px").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let id = spec.id.clone();
    yew::Renderer::<Chart>::with_root_and_props(
        host.clone(),
        ChartProps { spec: Rc::new(spec), scale, min_height: None },
    )
    .render();
    for _ in 0..100 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        if let Some(c) = document.get_element_by_id(&id).and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok()) {
            if c.width() >= 320 {
                return (host, c);
            }
        }
    }
    panic!("the chart did not draw its canvas #{id}");
}

fn count(host: &Element, selector: &str) -> u32 {
    host.query_selector_all(selector).unwrap().length()
}

fn text(host: &Element, selector: &str) -> String {
    host.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn draws_two_series_with_bands_and_a_full_table() {
    let (host, canvas) = mount(spec("chart-two", 25), 1.0).await;
    let ratio = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    assert!(canvas.width() > 0 && canvas.height() > 0);
    // (The figure keeps the browser's default side margins here: no page stylesheet.)
    let css_width = f64::from(canvas.client_width());
    assert!(css_width >= 600.0, "canvas fills its figure: {css_width} CSS px");
    assert!(
        (f64::from(canvas.width()) - css_width * ratio).abs() <= 2.0,
        "canvas is CSS width × DPR: {}",
        canvas.width()
    );
    let css_height = rollout_lab::charts::layout::chart_css_height(css_width, 1.0);
    assert_eq!(f64::from(canvas.client_height()), css_height);

    let context: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let pixels = context.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data();
    let non_white = pixels.chunks_exact(4).filter(|p| p[..3] != [255, 255, 255]).count();
    let blue = pixels.chunks_exact(4).filter(|p| p[..3] == BLUE && p[3] == 255).count();
    let orange = pixels.chunks_exact(4).filter(|p| p[..3] == ORANGE && p[3] == 255).count();
    // The band: 20% of a series colour over white, and lighter than any line.
    let band = pixels
        .chunks_exact(4)
        .filter(|p| p[0] > 190 && p[0] < 215 && p[2] > 230 && p[2] < 250 && p[1] > 215 && p[1] < 235)
        .count();
    assert!(non_white > 5_000, "hardly anything drawn: {non_white} non-white pixels");
    assert!(blue > 300, "the first series line is missing: {blue} blue pixels");
    assert!(orange > 100, "the dashed baseline is missing: {orange} orange pixels");
    assert!(band > 2_000, "the 95% band is missing: {band} band pixels");

    // One body row per month, a column header per series, no thinning note.
    assert_eq!(count(&host, "table tbody tr"), 25);
    assert_eq!(count(&host, "table thead th[scope=col]"), 3);
    assert_eq!(count(&host, ".chart-table-note"), 0);
    assert_eq!(count(&host, "details.chart-table > summary"), 1);
    assert!(text(&host, "table caption").contains("Each cell: mean (95% interval)"));
    assert!(host.query_selector("#chart-two-figure figcaption").unwrap().is_some());
    assert!(canvas.get_attribute("aria-label").unwrap().contains("2 series: With the programme, Baseline (dashed)"));
    assert_eq!(canvas.get_attribute("tabindex").as_deref(), Some("0"));
    let csv = host
        .query_selector("textarea.chart-csv")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap()
        .value();
    assert_eq!(csv.lines().count(), 26, "header and every month");

    let png = canvas_png_data_url("chart-two").expect("a PNG of the canvas");
    assert!(png.starts_with("data:image/png;base64,") && png.len() > 1_000);
    assert!(canvas_png_data_url("no-such-chart").is_none());
    host.remove();
}

#[wasm_bindgen_test]
async fn long_tables_show_every_twelfth_month_and_the_last() {
    let (host, _) = mount(spec("chart-long", 121), 1.0).await;
    assert_eq!(count(&host, "table tbody tr"), 11, "months 0, 12, …, 120");
    assert!(text(&host, ".chart-table-note").contains("11 of 121 rows"));
    assert_eq!(text(&host, "table tbody tr:last-child th"), "120");
    host.remove();
}

#[wasm_bindgen_test]
async fn hover_and_arrow_keys_read_out_values() {
    let (host, canvas) = mount(spec("chart-hover", 25), 1.0).await;
    assert!(text(&host, ".chart-readout").starts_with("Point at the chart"));

    // Keys work without a mouse: from the last month, Left goes back one, Home to the start.
    let key = |k: &str| {
        let init = KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        canvas.dispatch_event(&e).unwrap();
    };
    let reads = |start: &str| text(&host, ".chart-readout").starts_with(start);
    key("ArrowLeft");
    assert!(until(|| reads("Month 23 \u{2014} With the programme: ")).await, "{}", text(&host, ".chart-readout"));
    key("Home");
    assert!(until(|| reads("Month 0 \u{2014}")).await, "{}", text(&host, ".chart-readout"));
    assert_eq!(count(&host, ".chart-cursor"), 1);
    assert_eq!(count(&host, ".chart-dot"), 2);

    // The mouse: a point 12/24 of the way across the plotting area is month 12. Find the plotting area from
    // the cursor line the component draws for month 0 (left edge) and month 24 (right edge, via End).
    let cursor_left = |host: &Element| {
        let c = host.query_selector(".chart-cursor").unwrap().unwrap();
        c.get_bounding_client_rect().left() + 1.0
    };
    let left = cursor_left(&host);
    key("End");
    assert!(until(|| reads("Month 24 \u{2014}")).await, "{}", text(&host, ".chart-readout"));
    let right = cursor_left(&host);
    assert!(right - left > 400.0, "plotting area {left}..{right}");
    let rect = canvas.get_bounding_client_rect();
    let mouse = |x: f64| {
        let init = MouseEventInit::new();
        init.set_client_x(x.round() as i32);
        init.set_client_y((rect.top() + rect.height() / 2.0).round() as i32);
        init.set_bubbles(true);
        let e = MouseEvent::new_with_mouse_event_init_dict("mousemove", &init).unwrap();
        canvas.dispatch_event(&e).unwrap();
    };
    for (fraction, month) in [(0.5, 12), (11.2 / 24.0, 11), (0.0, 0), (1.0, 24)] {
        mouse(left + (right - left) * fraction);
        let expected = format!("Month {month} \u{2014}");
        until(|| reads(&expected)).await;
        let readout = text(&host, ".chart-readout");
        assert!(readout.starts_with(&expected), "at {fraction}: {readout}");
    }
    host.remove();
}

#[wasm_bindgen_test]
async fn large_text_mode_makes_a_taller_chart() {
    let (host, canvas) = mount(spec("chart-large", 25), 1.4).await;
    let normal = rollout_lab::charts::layout::chart_css_height(f64::from(canvas.client_width()), 1.0);
    assert!(f64::from(canvas.client_height()) > normal, "height {} vs {normal}", canvas.client_height());
    host.remove();
}
