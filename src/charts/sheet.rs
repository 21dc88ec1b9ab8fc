//! Every chart on one image, for the "Chart images" export: the scenario's name on top, then each chart
//! under its title, with its legend (drawn in the chart itself). One download instead of one per chart.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Where each piece goes on the sheet, in canvas pixels: the sheet's size, and for each chart the top of its
/// title line and of its image. Pure, so it is tested natively.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetLayout {
    pub width: u32,
    pub height: u32,
    /// (title baseline, image top) per chart.
    pub rows: Vec<(f64, f64)>,
}

/// Layout for charts of the given pixel sizes, with `header` pixels for the scenario's name and `title` for
/// each chart's title; `margin` around everything.
pub fn layout(sizes: &[(u32, u32)], header: f64, title: f64, margin: f64) -> SheetLayout {
    let width = sizes.iter().map(|s| s.0).max().unwrap_or(0) as f64 + 2.0 * margin;
    let mut y = margin + header;
    let mut rows = Vec::with_capacity(sizes.len());
    for &(_, h) in sizes {
        rows.push((y + title * 0.75, y + title));
        y += title + f64::from(h) + margin;
    }
    SheetLayout { width: width.ceil() as u32, height: y.ceil() as u32, rows }
}

fn canvas_by_id(id: &str) -> Option<HtmlCanvasElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// A PNG `data:` URL of every chart in `charts` (canvas id, title) under `heading`; `None` when no chart is
/// on the page or the browser cannot make the image.
pub fn sheet_png_data_url(heading: &str, charts: &[(String, String)]) -> Option<String> {
    let canvases: Vec<(HtmlCanvasElement, &str)> =
        charts.iter().filter_map(|(id, title)| Some((canvas_by_id(id)?, title.as_str()))).collect();
    if canvases.is_empty() {
        return None;
    }
    let ratio = super::draw::device_pixel_ratio();
    let (header, title, margin) = (40.0 * ratio, 30.0 * ratio, 16.0 * ratio);
    let sizes: Vec<(u32, u32)> = canvases.iter().map(|(c, _)| (c.width(), c.height())).collect();
    let plan = layout(&sizes, header, title, margin);
    let document = web_sys::window()?.document()?;
    let sheet: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    sheet.set_width(plan.width);
    sheet.set_height(plan.height);
    let ctx: CanvasRenderingContext2d = sheet.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(plan.width), f64::from(plan.height));
    ctx.set_fill_style_str("#111111");
    ctx.set_font(&format!("bold {}px sans-serif", (22.0 * ratio).round()));
    ctx.fill_text(heading, margin, margin + header * 0.6).ok()?;
    ctx.set_font(&format!("bold {}px sans-serif", (17.0 * ratio).round()));
    for ((canvas, text), (baseline, top)) in canvases.iter().zip(&plan.rows) {
        ctx.fill_text(text, margin, *baseline).ok()?;
        ctx.draw_image_with_html_canvas_element(canvas, margin, *top).ok()?;
    }
    sheet.to_data_url_with_type("image/png").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_stack_under_their_titles_without_overlapping() {
        let plan = layout(&[(800, 400), (600, 300)], 40.0, 30.0, 10.0);
        assert_eq!(plan.width, 820);
        assert_eq!(plan.rows.len(), 2);
        let (first_title, first_top) = plan.rows[0];
        let (second_title, second_top) = plan.rows[1];
        assert!(first_title < first_top && first_top >= 50.0);
        assert!(second_title > first_top + 400.0, "the second title is under the first chart");
        assert_eq!(f64::from(plan.height), second_top + 300.0 + 10.0);
    }
}
