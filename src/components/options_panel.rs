//! Options to compare: add the current scenario under a name, load one back to edit, rename or remove it,
//! and a table of their headline figures, each with its paired 95% interval against the baseline.

use std::collections::BTreeMap;
use std::rc::Rc;

use rollout_engine::compare::GroupDifference;
use rollout_engine::summary::RunSummary;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::estimate::estimate;
use super::headline::figures;
use crate::charts::palette::series_css;
use crate::state::options::{next_name, MAX_OPTIONS};
use crate::state::{option_field, Action, PolicyOption, Shared, NEW_OPTION_FIELD};
use crate::views::option_colour;

/// One row of the comparison table: a run's name and its headline figures against the baseline.
#[derive(Clone, PartialEq)]
pub struct OptionRow {
    pub name: String,
    /// Palette index of its line in the main charts, or `None` for this scenario (black).
    pub colour: Option<usize>,
    /// Its summary once complete; `None` while it runs.
    pub summary: Option<Shared<RunSummary>>,
    /// Paired differences against the baseline, once both are complete.
    pub differences: Option<Rc<Vec<GroupDifference>>>,
    /// People simulated and whether its groups are ordered (for the figures' words).
    pub people: u32,
    pub ordered: bool,
    /// Replicates received and asked for.
    pub done: usize,
    pub total: usize,
}

#[derive(Properties, PartialEq)]
pub struct OptionsPanelProps {
    /// The options as the state holds them (names and runs).
    pub options: Rc<Vec<PolicyOption>>,
    /// The rows of the table: this scenario, then each option.
    pub rows: Rc<Vec<OptionRow>>,
    /// The baseline's summary and name, if pinned.
    pub baseline: Option<(Shared<RunSummary>, String)>,
    /// Refused option names as typed, and why, by field (`options.new`, `options.{i}.name`).
    pub drafts: Rc<BTreeMap<String, String>>,
    pub errors: Rc<BTreeMap<String, String>>,
    pub dispatch: Callback<Action>,
}

#[function_component(OptionsPanel)]
pub fn options_panel(props: &OptionsPanelProps) -> Html {
    let new_name = use_node_ref();
    let dispatch = props.dispatch.clone();
    let add = {
        let (dispatch, input) = (dispatch.clone(), new_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = input.cast::<HtmlInputElement>() {
                dispatch.emit(Action::AddOption(input.value()));
            }
        })
    };
    let full = props.options.len() >= MAX_OPTIONS;
    let new_error = props.errors.get(NEW_OPTION_FIELD).cloned();
    let new_value = props.drafts.get(NEW_OPTION_FIELD).cloned().unwrap_or_else(|| next_name(&props.options));
    html! {
        <section class="options" id="options" aria-labelledby="options-heading">
            <h2 id="options-heading">{ "Options to compare" }</h2>
            <form class="option-add" onsubmit={add}>
                <label for="option-new-name">{ "Name " }</label>
                <input id="option-new-name" ref={new_name} value={new_value} maxlength="60"
                    aria-invalid={new_error.is_some().to_string()}
                    aria-describedby={new_error.as_ref().map(|_| "option-new-name-error")} />
                <button type="submit" id="add-option" disabled={full}>{ "Add this scenario as an option" }</button>
                <span class="hint">{ format!("{} of {MAX_OPTIONS}", props.options.len()) }</span>
            </form>
            if let Some(error) = new_error {
                <p class="field-error" id="option-new-name-error" role="alert">{ error }</p>
            }
            if !props.options.is_empty() {
                <ul class="option-list" id="option-list">
                    { for props.options.iter().enumerate().map(|(i, o)| option_item(i, o, props)) }
                </ul>
                { comparison_table(props) }
            }
        </section>
    }
}

fn option_item(index: usize, option: &PolicyOption, props: &OptionsPanelProps) -> Html {
    let dispatch = props.dispatch.clone();
    let field = option_field(index);
    let error = props.errors.get(&field).cloned();
    let shown = props.drafts.get(&field).cloned().unwrap_or_else(|| option.name.clone());
    let rename = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.emit(Action::RenameOption { index, name: e.target_unchecked_into::<HtmlInputElement>().value() })
        })
    };
    let load = dispatch.reform(move |_: MouseEvent| Action::LoadOption(index));
    let remove = dispatch.reform(move |_: MouseEvent| Action::RemoveOption(index));
    let status = if option.run.pending() > 0 {
        format!("running, {} of {} replicates", option.run.replicates.len(), option.run.total())
    } else {
        String::new()
    };
    let id = format!("option-{index}");
    html! {
        <li class="option-item" id={id.clone()}>
            <span class="swatch" aria-hidden="true" style={format!("background:{}", series_css(option_colour(index)))}></span>
            <input class="option-name" id={format!("{id}-name")} value={shown} onchange={rename} maxlength="60"
                aria-label={format!("Name of option {}", index + 1)} aria-invalid={error.is_some().to_string()} />
            <button type="button" id={format!("{id}-load")} onclick={load}
                title="Make this option the scenario you edit">{ "Edit" }</button>
            <button type="button" id={format!("{id}-remove")} onclick={remove}
                aria-label={format!("Remove option {}", option.name)}>{ "Remove" }</button>
            if !status.is_empty() {
                <span class="hint">{ status }</span>
            }
            if let Some(error) = error {
                <span class="field-error" role="alert">{ error }</span>
            }
        </li>
    }
}

/// The headline figures of this scenario and every option in one table; against the baseline when one is
/// pinned (paired by replicate when the seeds match: common random numbers).
fn comparison_table(props: &OptionsPanelProps) -> Html {
    let titles = ["People reached", "Gap between groups", "Events avoided per 1,000", "Spend"];
    let against = props.baseline.as_ref().map(|(_, name)| name.clone());
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="options-table-caption">
            <table id="options-table">
                <caption id="options-table-caption">{
                    match &against {
                        Some(name) => format!("Headline figures, and below each its change against the baseline \"{name}\" with its 95% interval"),
                        None => "Headline figures with 95% intervals (pin a baseline to see each option's change against it)".to_string(),
                    }
                }</caption>
                <thead><tr>
                    <th scope="col">{ "Option" }</th>
                    { for titles.iter().map(|t| html! { <th scope="col">{ *t }</th> }) }
                </tr></thead>
                <tbody>
                    { for props.rows.iter().enumerate().map(|(i, row)| table_row(i, row, props)) }
                </tbody>
            </table>
        </div>
    }
}

fn table_row(index: usize, row: &OptionRow, props: &OptionsPanelProps) -> Html {
    let colour = row.colour.map_or_else(|| "#000000".to_string(), series_css);
    let name = html! {
        <th scope="row"><span class="swatch" aria-hidden="true" style={format!("background:{colour}")}></span>{ row.name.clone() }</th>
    };
    let Some(summary) = &row.summary else {
        return html! {
            <tr id={format!("options-row-{index}")}>{ name }
                <td colspan="4">{ format!("running: {} of {} replicates", row.done, row.total) }</td>
            </tr>
        };
    };
    let baseline = props.baseline.as_ref().map(|(s, _)| &**s);
    let figures = figures(summary, baseline, row.differences.as_deref().map(Vec::as_slice), row.people, row.ordered);
    let cell = |id: &str| {
        let Some(f) = figures.iter().find(|f| f.id == id) else { return html! { <td>{ "n/a" }</td> } };
        html! {
            <td>
                { estimate(&f.value) }
                if baseline.is_some() {
                    <div class="option-change">{
                        f.change.clone().map_or_else(|| html! { { "waiting for both runs" } }, estimate)
                    }</div>
                }
            </td>
        }
    };
    html! {
        <tr id={format!("options-row-{index}")}>{ name }
            { cell("headline-reached") }{ cell("headline-gap") }{ cell("headline-events") }{ cell("headline-spend") }
        </tr>
    }
}
