//! The root component.

use yew::prelude::*;

use crate::chart::{LineChart, Series};

/// The whole page: title, one chart and a footer with the version.
#[function_component(App)]
pub fn app() -> Html {
    let (p, q) = (0.03, 0.38);
    let points: Vec<(f64, f64)> = (0..=120)
        .map(|m| (m as f64, 100.0 * rollout_engine::bass::cumulative_adoption(p, q, m as f64 / 12.0)))
        .collect();
    let series = vec![Series { label: "Bass adoption (p = 0.03, q = 0.38 per year)".into(), points }];
    html! {
        <>
            <header class="top-bar"><h1>{ "Rollout Lab" }</h1></header>
            <main>
                <LineChart id="chart-bass" title="Cumulative adoption" x_label="Month" y_label="Adopted (% of eligible)" series={series} />
                <crate::worker_status::WorkerStatus />
            </main>
            <footer>{ format!("Rollout Lab v{}", env!("CARGO_PKG_VERSION")) }</footer>
        </>
    }
}
