//! The facilitator's notes beside the stage: the step shown (question, what to change, what to point at,
//! debrief question), stepped with Page Down / Page Up or the buttons; a step's changes apply with one click.

use rollout_engine::scenario::set_all;
use rollout_engine::Scenario;
use std::rc::Rc;
use yew::prelude::*;

use super::notes;
use super::state::WorkshopAction;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct NotesPanelProps {
    /// The preset whose notes are followed.
    pub preset: Option<&'static str>,
    pub step: usize,
    /// The scenario a step's changes apply to.
    pub scenario: Rc<Scenario>,
    pub dispatch: Callback<Action>,
}

#[function_component(NotesPanel)]
pub fn notes_panel(props: &NotesPanelProps) -> Html {
    let Some(notes) = props.preset.and_then(notes::for_preset) else {
        return html! {
            <aside class="notes" id="notes" aria-label="Facilitator notes">
                <p>{ "This preset has no facilitator notes. Notes are written in data/workshops/<preset>.json." }</p>
            </aside>
        };
    };
    let i = props.step.min(notes.steps.len() - 1);
    let step = &notes.steps[i];
    let go = |by: i32| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::Workshop(WorkshopAction::Step(by))))
    };
    let apply = (!step.set.is_empty()).then(|| {
        let (dispatch, scenario) = (props.dispatch.clone(), props.scenario.clone());
        let pairs: Vec<(String, String)> = step.set.iter().map(|c| (c.path.clone(), c.value.clone())).collect();
        Callback::from(move |_: MouseEvent| {
            let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(p, v)| (p.as_str(), v.as_str())).collect();
            dispatch.emit(match set_all(&scenario, &borrowed) {
                Ok(changed) => Action::LoadScenario { scenario: Box::new(changed), notice: None },
                Err(e) => Action::ShowNotice(format!("This step's change cannot be made: {e}")),
            });
        })
    });
    html! {
        <aside class="notes" id="notes" aria-label="Facilitator notes">
            <h2>{ &notes.title }</h2>
            <p class="notes-step" id="notes-step" aria-live="polite">{ format!("Step {} of {}: {} ({} min)", i + 1, notes.steps.len(), step.title, step.minutes) }</p>
            <dl>
                <dt>{ "Ask" }</dt><dd id="notes-question">{ &step.question }</dd>
                <dt>{ "Change" }</dt><dd>{ &step.change }
                    if let Some(apply) = apply {
                        <button type="button" id="notes-apply" onclick={apply}>{ "Make this change" }</button>
                    }
                </dd>
                <dt>{ "Point at" }</dt><dd>{ &step.point_at }</dd>
                <dt>{ "Debrief" }</dt><dd>{ &step.debrief }</dd>
            </dl>
            <p class="notes-nav">
                <button type="button" id="notes-back" disabled={i == 0} onclick={go(-1)}>{ "Previous (Page Up)" }</button>
                <button type="button" id="notes-next" disabled={i + 1 == notes.steps.len()} onclick={go(1)}>{ "Next (Page Down)" }</button>
            </p>
        </aside>
    }
}
