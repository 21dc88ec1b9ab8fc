//! The population groups: add, remove, rename, edit their traits, mark them ordered.

use std::collections::BTreeMap;
use std::rc::Rc;

use rollout_engine::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::value::{field_text, value_at};
use crate::state::Action;

/// The editable columns: field, heading, unit.
const COLUMNS: [(&str, &str, &str); 8] = [
    ("share", "Size", "relative share"),
    ("need", "Need", "events per person per year"),
    ("access", "Internet access", "share 0-1"),
    ("skills", "Digital skills", "share 0-1"),
    ("trust", "Trust", "acceptance 0-1"),
    ("ability_to_pay", "Can pay", "share 0-1"),
    ("within_group_contact", "Contacts in group", "share 0-1"),
    ("organisation_readiness", "Practice readiness", "0-1"),
];

#[derive(Properties, PartialEq)]
pub struct GroupsEditorProps {
    pub scenario: Rc<Scenario>,
    pub drafts: Rc<BTreeMap<String, String>>,
    pub errors: Rc<BTreeMap<String, String>>,
    pub dispatch: Callback<Action>,
}

#[function_component(GroupsEditor)]
pub fn groups_editor(props: &GroupsEditorProps) -> Html {
    let json = use_memo(props.scenario.clone(), |s| serde_json::to_value(&**s).expect("a scenario serialises"));
    let groups = &props.scenario.groups;
    let dispatch = props.dispatch.clone();
    let on_ordered = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            dispatch.emit(Action::SetOrdered(e.target_unchecked_into::<HtmlInputElement>().checked()))
        })
    };
    let add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::AddGroup))
    };
    let cell = |path: String, label: String| {
        let error = props.errors.get(&path).cloned();
        let shown = props.drafts.get(&path).cloned().unwrap_or_else(|| field_text(value_at(&json, &path)));
        let id = format!("group-{}", path.replace('.', "-"));
        let is_name = path.ends_with(".name");
        let index: usize = path.split('.').nth(2).and_then(|i| i.parse().ok()).unwrap_or(0);
        let dispatch = dispatch.clone();
        let path_for_edit = path.clone();
        let on_change = Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            dispatch.emit(if is_name {
                Action::RenameGroup { index, name: value }
            } else {
                Action::SetField { path: path_for_edit.clone(), value }
            })
        });
        html! {
            <td class={classes!(error.is_some().then_some("invalid"))}>
                <input {id} type="text" value={shown} onchange={on_change} aria-label={label}
                    aria-invalid={error.is_some().to_string()} class={if is_name { "group-name" } else { "group-number" }} />
                if let Some(message) = error { <p class="field-error" role="alert">{ message }</p> }
            </td>
        }
    };
    // After a removal, focus goes to the Remove button now in that row (or the last row's), never to the page.
    let refocus = use_mut_ref(|| None::<usize>);
    {
        let refocus = refocus.clone();
        use_effect(move || {
            if let Some(row) = refocus.borrow_mut().take() {
                focus(&format!(".groups-table tbody tr:nth-child({}) .remove-group", row + 1));
            }
        });
    }
    html! {
        <section class="groups" aria-labelledby="groups-heading">
            <h2 id="groups-heading">{ "Population groups" }</h2>
            <label class="ordered"><input id="groups-ordered" type="checkbox" checked={groups.ordered} onchange={on_ordered} />
                { " Ordered (first = most disadvantaged, e.g. deprivation quintiles)" }</label>
            <div class="table-scroll">
                <table class="groups-table">
                    <thead><tr>
                        <th scope="col">{ "Group" }</th>
                        { for COLUMNS.iter().map(|(_, heading, unit)| html! { <th scope="col">{ *heading }<br/><small>{ *unit }</small></th> }) }
                        <th scope="col"><span class="visually-hidden">{ "Remove" }</span></th>
                    </tr></thead>
                    <tbody>
                        { for groups.list.iter().enumerate().map(|(i, g)| {
                            let remove = {
                                let (dispatch, refocus, n) = (dispatch.clone(), refocus.clone(), groups.list.len());
                                Callback::from(move |_| {
                                    *refocus.borrow_mut() = Some(i.min(n.saturating_sub(2)));
                                    dispatch.emit(Action::RemoveGroup(i));
                                })
                            };
                            html! {
                                <tr>
                                    { cell(format!("groups.list.{i}.name"), format!("Name of group {}", i + 1)) }
                                    { for COLUMNS.iter().map(|(field, heading, _)| cell(format!("groups.list.{i}.{field}"), format!("{heading} of {}", g.name))) }
                                    <td><button type="button" class="remove-group" onclick={remove} disabled={groups.list.len() <= 1}
                                        aria-label={format!("Remove {}", g.name)}>{ "Remove" }</button></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <button type="button" id="add-group" onclick={add}>{ "Add a group" }</button>
            if let Some(message) = props.errors.get("groups.list") { <p class="field-error" role="alert">{ message.clone() }</p> }
        </section>
    }
}

/// Focuses the first element matching `css`, if any.
fn focus(css: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(css).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
