//! Share, compare, export and import: the buttons in the top bar.

use std::rc::Rc;

use rollout_engine::summary::RunSummary;
use rollout_engine::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::{clipboard, files, history};
use crate::charts::sheet_png_data_url;
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The current scenario (exported as a file).
    pub scenario: Rc<Scenario>,
    /// The summary on screen (exported as CSV once the run is complete).
    pub summary: Option<Shared<RunSummary>>,
    /// The current run has all its replicates.
    pub complete: bool,
    /// A baseline is pinned.
    pub comparing: bool,
    /// DOM ids and titles of the charts on the page, for the image export.
    pub charts: Rc<Vec<(String, String)>>,
    pub dispatch: Callback<Action>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let copied = use_state(|| None::<String>);
    let complete = props.complete;
    let name = files::slug(&props.scenario.name);
    let copy = {
        let copied = copied.clone();
        Callback::from(move |_| {
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let link = history::address();
                copied.set(Some(if clipboard::copy(&link).await { "Link copied".to_string() } else { link }));
            });
        })
    };
    let pin = props.dispatch.reform(|_| Action::PinBaseline);
    let unpin = props.dispatch.reform(|_| Action::ClearBaseline);
    let report = {
        let dispatch = props.dispatch.clone();
        move |result: Result<(), String>| {
            if let Err(e) = result {
                dispatch.emit(Action::ShowNotice(format!("The download failed: {e}.")));
            }
        }
    };
    let export_csv = {
        let (summary, report, file) =
            (props.summary.clone(), report.clone(), format!("{name}-seed{}.csv", props.scenario.seed));
        Callback::from(move |_| {
            if let Some(summary) = &summary {
                report(files::download_text(&file, "text/csv", &rollout_engine::output::to_csv(summary)));
            }
        })
    };
    let export_inequality = {
        let (summary, report, file) =
            (props.summary.clone(), report.clone(), format!("{name}-seed{}-inequality.csv", props.scenario.seed));
        Callback::from(move |_| {
            if let Some(summary) = &summary {
                report(files::download_text(&file, "text/csv", &rollout_engine::output::inequality_to_csv(summary)));
            }
        })
    };
    let export_json = {
        let (scenario, report, file) = (props.scenario.clone(), report.clone(), format!("{name}.json"));
        Callback::from(move |_| report(files::download_text(&file, "application/json", &scenario.to_json_pretty())))
    };
    let export_png = {
        let (charts, report, name) = (props.charts.clone(), report, name.clone());
        let heading = format!("{} (seed {})", props.scenario.name, props.scenario.seed);
        Callback::from(move |_| match sheet_png_data_url(&heading, &charts) {
            Some(url) => report(files::download_url(&format!("{name}-charts.png"), &url)),
            None => report(Err("the charts could not be turned into an image".to_string())),
        })
    };
    let import = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|list| list.get(0)) else { return };
            input.set_value("");
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let opened = files::read_text(&file)
                    .await
                    .and_then(|text| Scenario::from_json(&text).map_err(|e| e.to_string()));
                dispatch.emit(match opened {
                    Ok(scenario) => Action::LoadScenario { scenario: Box::new(scenario), notice: None },
                    Err(e) => {
                        Action::ShowNotice(format!("{name} could not be opened: {e}. Your current scenario is kept."))
                    }
                });
            });
        })
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label="Share, compare and export">
            <button type="button" id="copy-link" onclick={copy}>{ "Copy link" }</button>
            if let Some(message) = (*copied).clone() {
                if message == "Link copied" {
                    <span id="copy-status" role="status">{ message }</span>
                } else {
                    <input id="copy-status" class="copy-fallback" readonly=true value={message} aria-label="Copy this link" />
                }
            }
            if props.comparing {
                <button type="button" id="clear-baseline" aria-pressed="true" onclick={unpin}>{ "Stop comparing" }</button>
            } else {
                <button type="button" id="pin-baseline" onclick={pin} disabled={!complete}
                    title="Keep this run as the baseline; later changes are compared with it">{ "Pin as baseline" }</button>
            }
            <button type="button" id="export-csv" onclick={export_csv} disabled={!complete}>{ "CSV" }</button>
            <button type="button" id="export-inequality-csv" onclick={export_inequality} disabled={!complete}
                title="The inequality measures between groups (WHO HEAT: D, R, SII, RII) by month">{ "Inequality CSV" }</button>
            <button type="button" id="export-json" onclick={export_json}>{ "Scenario file" }</button>
            <button type="button" id="export-png" onclick={export_png} disabled={props.summary.is_none()}>{ "Chart images" }</button>
            <label class="button" for="import-file">{ "Open file…" }</label>
            <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json" onchange={import} />
        </div>
    }
}
