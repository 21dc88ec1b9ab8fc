//! Copying text to the clipboard.

use wasm_bindgen_futures::JsFuture;

/// Copy `text`; false when the browser has no clipboard or refused (the caller then shows the text to copy
/// by hand).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}
