//! One of the two large charts of the first screen, with a picker of every chart the run has.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::HelpPopup;
use crate::charts::{Chart, ChartSpec};
use crate::views::chart_help;

/// The large charts' least height, CSS pixels: room for the legend and the plot on a 1366x768 screen.
const MIN_HEIGHT: u32 = 330;

#[derive(Properties, PartialEq)]
pub struct ChartPickerProps {
    /// DOM id of the picker's select (`picker-left`).
    pub id: &'static str,
    /// Every chart of the run, in page order.
    pub specs: Rc<Vec<Rc<ChartSpec>>>,
    /// The id of the chart shown.
    pub picked: String,
    pub on_pick: Callback<String>,
    pub scale: f64,
}

/// The chart shown in a slot: the one picked, else the first of `fallbacks` the run has, else the first chart.
pub fn chart_in_slot<'a>(specs: &'a [Rc<ChartSpec>], picked: &str, fallbacks: &[&str]) -> Option<&'a Rc<ChartSpec>> {
    std::iter::once(picked)
        .chain(fallbacks.iter().copied())
        .find_map(|id| specs.iter().find(|s| s.id == id))
        .or_else(|| specs.first())
}

#[function_component(ChartPicker)]
pub fn chart_picker(props: &ChartPickerProps) -> Html {
    let Some(spec) = props.specs.iter().find(|s| s.id == props.picked) else { return html! {} };
    let on_change = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: Event| on_pick.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    html! {
        <div class="main-chart">
            <div class="chart-head">
                <label class="chart-picker">{ "Chart " }
                    <select id={props.id} onchange={on_change}>
                        { for props.specs.iter().map(|s| html! {
                            <option value={s.id.clone()} selected={s.id == props.picked}>{ s.title.clone() }</option>
                        }) }
                    </select>
                </label>
                <HelpPopup id={format!("{}-help", spec.id)} label={format!("What the chart \"{}\" shows", spec.title)}
                    text={chart_help(&spec.id)} />
            </div>
            <Chart key={spec.id.clone()} spec={spec.clone()} scale={props.scale} min_height={MIN_HEIGHT} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::fixtures::spec;

    #[test]
    fn a_slot_falls_back_when_its_chart_is_missing() {
        let mut a = spec(3);
        a.id = "chart-uptake".into();
        let mut b = spec(3);
        b.id = "chart-active".into();
        let specs = vec![Rc::new(a), Rc::new(b)];
        assert_eq!(chart_in_slot(&specs, "chart-active", &[]).unwrap().id, "chart-active");
        assert_eq!(chart_in_slot(&specs, "chart-gap", &["chart-cost", "chart-active"]).unwrap().id, "chart-active");
        assert_eq!(chart_in_slot(&specs, "chart-gap", &[]).unwrap().id, "chart-uptake");
        assert!(chart_in_slot(&[], "chart-gap", &[]).is_none());
    }
}
