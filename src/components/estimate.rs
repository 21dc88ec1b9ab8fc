//! An estimate on the page: its text in a span the style sheet keeps on one line.

use yew::prelude::*;

/// `text` (from [`crate::format`]) in `<span class="estimate">`: a number never wraps apart from its interval.
pub fn estimate(text: String) -> Html {
    html! { <span class="estimate">{ text }</span> }
}
