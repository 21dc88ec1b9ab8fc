//! An estimate on the page: a number and its interval, each kept on one line by the style sheet.

use yew::prelude::*;

/// `text` (from [`crate::format`], e.g. "12.3% (11.8–12.9%)") as `<span class="estimate">` holding the
/// number and the interval in spans the style sheet keeps whole: a line may break between the two, never
/// inside either. A signed interval ("(−£16,318 to +£133,428)") may also break around its "to", so a narrow
/// card wraps it instead of overflowing, still never inside a number. The text content is `text` unchanged.
pub fn estimate(text: impl AsRef<str>) -> Html {
    let text = text.as_ref();
    match text.split_once(" (") {
        Some((value, interval)) => {
            let interval = match interval.split_once(" to ") {
                Some((low, high)) => html! {
                    <span class="interval-split"><span>{ format!("({low}") }</span>{ " to " }<span>{ high }</span></span>
                },
                None => html! { <span>{ format!("({interval}") }</span> },
            };
            html! { <span class="estimate"><span>{ value }</span>{ " " }{ interval }</span> }
        }
        None => html! { <span class="estimate"><span>{ text }</span></span> },
    }
}
