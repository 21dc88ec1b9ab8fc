//! Files out (downloads of text and images) and in (a scenario chosen from disk).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Largest scenario file read, bytes: far above any real scenario (a few KB).
pub const MAX_SCENARIO_FILE_BYTES: f64 = 1_048_576.0;

/// Offer `text` as a download called `name`.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| "the browser could not make the file".to_string())?;
    let result = download_url(name, &url);
    let _ = Url::revoke_object_url(&url);
    result
}

/// Offer the resource at `url` (an object or data URL) as a download called `name`.
pub fn download_url(name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: HtmlAnchorElement =
        document.create_element("a").map_err(|_| "no link element")?.dyn_into().map_err(|_| "no link element")?;
    anchor.set_href(url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// The text of a file the user chose; an error naming the problem for a file too large or unreadable.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    if file.size() > MAX_SCENARIO_FILE_BYTES {
        return Err(format!("{} is {:.0} KB; a scenario file is at most 1 MB", file.name(), file.size() / 1024.0));
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| format!("{} could not be read", file.name()))?;
    text.as_string().ok_or_else(|| format!("{} is not a text file", file.name()))
}

/// A file name from a scenario name: letters, digits and dashes.
///
/// ```
/// assert_eq!(rollout_lab::browser::files::slug("Remote heart monitoring"), "remote-heart-monitoring");
/// assert_eq!(rollout_lab::browser::files::slug("  Q1 / Q2 "), "q1-q2");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() {
        "scenario".to_string()
    } else {
        trimmed.to_string()
    }
}
