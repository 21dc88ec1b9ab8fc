//! An estimate on the page: a number and its interval, each kept on one line by the style sheet.

use yew::prelude::*;

/// `text` (from [`crate::format`], e.g. "12.3% (11.8–12.9%)") as `<span class="estimate">` holding the
/// number and the interval in spans the style sheet keeps whole: a line may break between the two, never
/// inside either. The text content is `text` unchanged.
pub fn estimate(text: impl AsRef<str>) -> Html {
    let text = text.as_ref();
    match text.split_once(" (") {
        Some((value, interval)) => html! {
            <span class="estimate"><span>{ value }</span>{ " " }<span>{ format!("({interval}") }</span></span>
        },
        None => html! { <span class="estimate"><span>{ text }</span></span> },
    }
}
