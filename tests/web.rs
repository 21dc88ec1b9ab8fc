//! In-browser test of the app (wasm-bindgen-test in headless Chromium): mount it, check the chart is drawn.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Okabe-Ito blue, the colour of the first series in `chart::PALETTE`.
const FIRST_SERIES: [u8; 3] = [0, 114, 178];

#[wasm_bindgen_test]
async fn app_mounts_and_draws_the_bass_chart() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_attribute("style", "width: 800px").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    yew::Renderer::<rollout_lab::app::App>::with_root(host.clone()).render();

    // Rendering and the draw effect run on yew's scheduler: give them a few turns.
    let mut canvas = None;
    for _ in 0..50 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
        canvas = document.get_element_by_id("chart-bass").and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok());
        if canvas.as_ref().is_some_and(|c| c.width() >= 320) {
            break;
        }
    }
    let canvas = canvas.expect("the app rendered no <canvas id=\"chart-bass\">");
    assert!(canvas.width() >= 320, "the draw code did not size the canvas (width {})", canvas.width());

    let context: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let pixels = context.get_image_data(0.0, 0.0, canvas.width() as f64, canvas.height() as f64).unwrap().data();
    let line_pixels = pixels.chunks_exact(4).filter(|p| p[..3] == FIRST_SERIES && p[3] == 255).count();
    assert!(line_pixels > 100, "the Bass curve was not drawn: only {line_pixels} pixels of the series colour");
    host.remove();
}
