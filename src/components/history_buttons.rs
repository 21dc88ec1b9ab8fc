//! Undo, Redo and Reset: buttons in the top bar (the page also answers Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y,
//! see `hooks::use_undo_keys`).

use yew::prelude::*;

use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct HistoryButtonsProps {
    /// How many changes Undo and Redo can step through.
    pub undo: usize,
    pub redo: usize,
    /// The scenario differs from what Reset goes back to.
    pub can_reset: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(HistoryButtons)]
pub fn history_buttons(props: &HistoryButtonsProps) -> Html {
    let undo = props.dispatch.reform(|_: MouseEvent| Action::Undo);
    let redo = props.dispatch.reform(|_: MouseEvent| Action::Redo);
    let reset = props.dispatch.reform(|_: MouseEvent| Action::Reset);
    html! {
        <div class="history-buttons" role="group" aria-label="Undo and reset">
            <button type="button" id="undo" onclick={undo} disabled={props.undo == 0}
                title="Undo the last change (Ctrl+Z)" aria-keyshortcuts="Control+Z">{ "Undo" }</button>
            <button type="button" id="redo" onclick={redo} disabled={props.redo == 0}
                title="Redo (Ctrl+Shift+Z or Ctrl+Y)" aria-keyshortcuts="Control+Shift+Z Control+Y">{ "Redo" }</button>
            <button type="button" id="reset" onclick={reset} disabled={!props.can_reset}
                title="Back to the scenario as opened or as the preset was chosen (Undo brings your changes back)">{ "Reset" }</button>
        </div>
    }
}
