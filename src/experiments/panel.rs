//! [`StudyPanel`]: "Which lever matters most?" — pick a study and an output, run it in the page's workers,
//! watch it fill in, stop it, and export what it found (the CLI's results table, its design, the analysis).

use std::rc::Rc;

use rollout_engine::Scenario;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::analysis::{
    design_json, points_csv, response_index, results_csv, screening, screening_csv, tornado_bars, tornado_csv,
};
use super::design::{outputs_for, study_levers, Output, StudyKind, Swing};
use super::state::StudyAction;
use super::study::Study;
use super::views::{ScreeningView, SurfaceView, SweepView, TornadoView, ViewProps};
use crate::browser::files;
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct StudyPanelProps {
    /// The study on show, if any (shown only while it belongs to `scenario`).
    pub study: Option<Shared<Study>>,
    pub scenario: Rc<Scenario>,
    /// Why the last study could not start.
    pub error: Option<String>,
    /// The workers are on the scenario's own runs, so the study waits.
    pub waiting: bool,
    pub dispatch: Callback<Action>,
}

const TABS: [(&str, &str); 4] =
    [("tornado", "Tornado"), ("sweep", "One lever"), ("surface", "Two levers"), ("screening", "Screening")];

fn kind_id(kind: &StudyKind) -> &'static str {
    match kind {
        StudyKind::Tornado { .. } => "tornado",
        StudyKind::Sweep { .. } => "sweep",
        StudyKind::Surface { .. } => "surface",
        StudyKind::Screening => "screening",
    }
}

fn select_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

#[function_component(StudyPanel)]
pub fn study_panel(props: &StudyPanelProps) -> Html {
    let tab = use_state(|| "tornado".to_string());
    let swing = use_state(|| Swing::Quarter);
    let lever = use_state(|| "levers.subsidy.level".to_string());
    let x = use_state(|| "levers.subsidy.level".to_string());
    let y = use_state(|| "levers.support.level".to_string());
    let output_id = use_state(|| "reach".to_string());
    let outputs = outputs_for(&props.scenario);
    let output: &'static Output =
        outputs.iter().copied().find(|o| o.id == output_id.as_str()).or(outputs.first().copied()).expect("an output");
    let kind = match tab.as_str() {
        "sweep" => StudyKind::Sweep { lever: (*lever).clone() },
        "surface" => StudyKind::Surface { x: (*x).clone(), y: (*y).clone() },
        "screening" => StudyKind::Screening,
        _ => StudyKind::Tornado { swing: *swing },
    };
    // Before a long study, roughly how long (the engine's native estimate; the page's wasm is slower).
    let estimate = {
        let seconds = rollout_engine::cost::estimate(&props.scenario).core_seconds * kind.points() as f64
            / crate::runner::RunPool::default_size() as f64;
        format!(
            "{} versions of this scenario, {} runs each; about {} or more here.",
            kind.points(),
            props.scenario.replicates,
            rollout_engine::cost::duration(seconds)
        )
    };
    let start = {
        let kind = kind.clone();
        props.dispatch.reform(move |_| Action::Study(StudyAction::Start(kind.clone())))
    };
    // A lever picker; `other` is the surface's other axis, left out of the list so both are never the same.
    let lever_select = |id: &str, label: &str, state: UseStateHandle<String>, other: Option<UseStateHandle<String>>| {
        let current = (*state).clone();
        let excluded = other.as_ref().map(|o| (**o).clone());
        let onchange = Callback::from(move |e: Event| state.set(select_value(&e)));
        html! {
            <label class="study-field" for={id.to_string()}>{ label }
                <select id={id.to_string()} {onchange}>
                    { for study_levers().filter(|l| excluded.as_deref() != Some(l.path)).map(|l| html! {
                        <option value={l.path} selected={l.path == current}>{ l.label }</option>
                    }) }
                </select>
            </label>
        }
    };
    let settings = match tab.as_str() {
        "sweep" => lever_select("study-lever", "Lever", lever.clone(), None),
        "surface" => html! {
            <>{ lever_select("study-x", "Across", x.clone(), Some(y.clone())) }{ lever_select("study-y", "Up", y.clone(), Some(x.clone())) }</>
        },
        "screening" => {
            html! { <p class="study-hint">{ "Every policy lever over its whole range, in random one-at-a-time paths (Morris), with a lever that does nothing as the noise floor." }</p> }
        }
        _ => {
            let swing_handle = swing.clone();
            let onchange = Callback::from(move |e: Event| {
                if let Some(s) = Swing::from_id(&select_value(&e)) {
                    swing_handle.set(s);
                }
            });
            html! {
                <label class="study-field" for="study-swing">{ "Move each lever by" }
                    <select id="study-swing" {onchange}>
                        { for Swing::ALL.iter().map(|s| html! { <option value={s.id()} selected={*s == *swing}>{ s.label() }</option> }) }
                    </select>
                </label>
            }
        }
    };
    let on_output = {
        let output_id = output_id.clone();
        Callback::from(move |e: Event| output_id.set(select_value(&e)))
    };
    let shown = props.study.as_ref().filter(|s| s.is_for(&props.scenario));
    {
        // A bar clicked or a lever moved sets the study aside and removes what had focus: put focus on the
        // status, which says why, rather than lose it to the page.
        let set_aside = props.study.is_some() && shown.is_none();
        use_effect_with(set_aside, move |set_aside| {
            if *set_aside {
                let document = web_sys::window().and_then(|w| w.document());
                let lost = document.as_ref().and_then(|d| d.active_element()).is_none_or(|e| e.tag_name() == "BODY");
                if let (true, Some(status)) = (lost, document.and_then(|d| d.get_element_by_id("study-status"))) {
                    if let Ok(status) = status.dyn_into::<web_sys::HtmlElement>() {
                        let _ = status.focus();
                    }
                }
            }
        });
    }
    let status = status_text(props.study.as_deref(), shown.is_some(), props.waiting);
    let progress = shown.map(|s| (s.finished(), s.points.len()));
    let stop_or_resume = shown.filter(|s| !s.complete()).map(|s| {
        if s.stopped {
            html! { <button type="button" id="study-resume" onclick={props.dispatch.reform(|_| Action::Study(StudyAction::Resume))}>{ "Resume" }</button> }
        } else {
            html! { <button type="button" id="study-stop" onclick={props.dispatch.reform(|_| Action::Study(StudyAction::Stop))}>{ "Stop" }</button> }
        }
    });
    let view = shown.and_then(|study| {
        let response = response_index(&study.design, output)?;
        let view = ViewProps {
            design: Shared::new(&study.design),
            points: Shared::new(&study.points),
            complete: study.complete(),
            output,
            response,
            dispatch: props.dispatch.clone(),
        };
        Some(match &study.kind {
            StudyKind::Tornado { .. } => html! { <TornadoView ..view /> },
            StudyKind::Sweep { .. } => html! { <SweepView ..view /> },
            StudyKind::Surface { .. } => html! { <SurfaceView ..view /> },
            StudyKind::Screening => html! { <ScreeningView ..view /> },
        })
    });
    let exports = shown.map(|study| exports(study, output, &props.dispatch));
    html! {
        <section class="studies" id="studies" aria-labelledby="studies-heading">
            <h2 id="studies-heading">{ "Which lever matters most?" }</h2>
            <p class="study-hint">{ "Run many versions of this scenario at once, each lever moved in turn, on the same simulated people, so the differences are the levers' and not chance. Results fill in as they finish; changing the scenario sets the study aside." }</p>
            <div class="study-tabs" role="group" aria-label="Kind of study">
                { for TABS.iter().map(|(id, label)| {
                    let tab_handle = tab.clone();
                    let pressed = tab.as_str() == *id;
                    html! {
                        <button type="button" id={format!("study-tab-{id}")} aria-pressed={pressed.to_string()}
                            class={classes!(pressed.then_some("pressed"))}
                            onclick={Callback::from(move |_| tab_handle.set(id.to_string()))}>{ *label }</button>
                    }
                }) }
            </div>
            <div class="study-controls">
                { settings }
                <label class="study-field" for="study-output">{ "Show" }
                    <select id="study-output" onchange={on_output}>
                        { for outputs.iter().map(|o| html! { <option value={o.id} selected={o.id == output.id}>{ o.label }</option> }) }
                    </select>
                </label>
                <button type="button" id="study-start" class="primary" onclick={start}>
                    { format!("Run: {}", kind.title().to_lowercase()) }
                </button>
                { for stop_or_resume }
            </div>
            <p class="study-hint" id="study-estimate">{ estimate }</p>
            if let Some(error) = props.error.clone() {
                <p class="field-error" role="alert" id="study-error">{ error }</p>
            }
            // The live region changes only when the state does (started, done, stopped, set aside), so a
            // screen reader is not told about every point; the count is beside it.
            <p class="study-status" id="study-status" role="status" aria-live="polite" tabindex="-1"
                data-state={status.0} data-finished={progress.map(|p| p.0.to_string()).unwrap_or_default()}
                data-points={progress.map(|p| p.1.to_string()).unwrap_or_default()}
                data-engine-ms={props.study.as_ref().map(|s| format!("{:.0}", s.engine_ms)).unwrap_or_default()}
                data-replicates-run={props.study.as_ref().map(|s| s.replicates_run.to_string()).unwrap_or_default()}>
                { status.1 }
            </p>
            if let Some((done, all)) = progress {
                <p class="study-count">
                    <progress class="study-progress" max={all.to_string()} value={done.to_string()} aria-hidden="true"></progress>
                    <span id="study-count">{ format!(" {done} of {all} points finished") }</span>
                </p>
            }
            if let Some(study) = shown {
                <h3 class="study-title">{ format!("{}: {}", study.kind.title(), output.label.to_lowercase()) }
                    <span class="study-unit">{ format!(" ({})", output.unit) }</span></h3>
            }
            { for view }
            { for exports }
        </section>
    }
}

/// (state for tests and styles, the words) of the study's progress.
fn status_text(study: Option<&Study>, shown: bool, waiting: bool) -> (&'static str, String) {
    let Some(study) = study else { return ("none", "Pick a study and press Run.".into()) };
    if !shown {
        return (
            "outdated",
            "Set aside: the scenario has changed since this study ran (a lever moved or a bar applied), so its \
             results, which were for the scenario before, are hidden. Run it again around this one (points \
             already run are reused), or Undo to see them."
                .into(),
        );
    }
    let (all, replicates) = (study.points.len(), study.base.replicates);
    let reused =
        if study.reused > 0 { format!(", {} reused from earlier studies", study.reused) } else { String::new() };
    if study.complete() {
        return ("complete", format!("Done: {all} points of {replicates} runs each{reused}."));
    }
    if study.stopped {
        return ("stopped", format!("Stopped; Resume goes on with the {} points left.", all - study.finished()));
    }
    if waiting {
        return ("waiting", format!("Waiting for the runs in progress to finish; then {all} points."));
    }
    ("running", format!("Running {all} points, {replicates} runs each{reused}."))
}

/// What a download's text is made from: the study, when the button is pressed.
type FileText = Rc<dyn Fn(&Study) -> Result<String, String>>;

/// The export buttons and the commands that reproduce the study with the CLI.
fn exports(study: &Shared<Study>, output: &'static Output, dispatch: &Callback<Action>) -> Html {
    let name = files::slug(&study.base.name);
    let kind = kind_id(&study.kind);
    let report = {
        let dispatch = dispatch.clone();
        move |result: Result<(), String>| {
            if let Err(e) = result {
                dispatch.emit(Action::ShowNotice(format!("The download failed: {e}.")));
            }
        }
    };
    let download = |file: String, mime: &'static str, make: FileText| {
        let (study, report) = (study.clone(), report.clone());
        Callback::from(move |_| report(make(&study).and_then(|text| files::download_text(&file, mime, &text))))
    };
    let response = response_index(&study.design, output).unwrap_or(0);
    let analysis: FileText = match study.kind {
        StudyKind::Tornado { .. } => {
            Rc::new(move |s: &Study| tornado_csv(&tornado_bars(&s.design, &s.points, response)))
        }
        StudyKind::Screening => Rc::new(move |s: &Study| {
            screening(&s.design, &s.points, response)
                .map_or_else(|| Ok(String::new()), |(_, rows)| screening_csv(&rows))
        }),
        _ => Rc::new(move |s: &Study| points_csv(s, response)),
    };
    let partial = if study.complete() { "" } else { "-partial" };
    let method = match study.kind {
        StudyKind::Tornado { .. } => Some("tornado"),
        StudyKind::Screening => Some("morris"),
        _ => None,
    };
    let commands = format!(
        "rollout sweep {name}-{kind}-design.json {name}-scenario.json --out {name}-{kind}\nrollout merge {name}-{kind} --out {name}-{kind}-results.csv{}",
        method.map_or_else(String::new, |m| format!(
            "\nrollout analyse {name}-{kind}-results.csv --method {m} --output {}",
            output.response
        ))
    );
    html! {
        <div class="study-exports">
            <button type="button" id="study-export-results"
                onclick={download(format!("{name}-{kind}-results{partial}.csv"), "text/csv", Rc::new(results_csv))}>
                { "Results table (CSV)" }</button>
            <button type="button" id="study-export-analysis"
                onclick={download(format!("{name}-{kind}-{}{partial}.csv", output.id), "text/csv", analysis)}>
                { format!("{} (CSV)", output.label) }</button>
            <button type="button" id="study-export-design"
                onclick={download(format!("{name}-{kind}-design.json"), "application/json", Rc::new(|s: &Study| Ok(design_json(s))))}>
                { "Design (JSON)" }</button>
            <button type="button" id="study-export-scenario"
                onclick={download(format!("{name}-scenario.json"), "application/json", Rc::new(|s: &Study| Ok(s.base.to_json_pretty())))}>
                { "Scenario (JSON)" }</button>
            <details class="study-cli">
                <summary>{ "Run it again with the command line" }</summary>
                <p>{ "The same design and scenario give the same numbers, byte for byte:" }</p>
                <pre>{ commands }</pre>
            </details>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::experiments::design::Swing;
    use crate::experiments::study::PointCache;

    #[test]
    fn every_status_is_one_clean_sentence_or_two() {
        let s = Rc::new(crate::experiments::study::tests::small());
        let study = Study::new(1, StudyKind::Tornado { swing: Swing::Quarter }, s, &PointCache::new(), &[]).unwrap();
        let mut stopped = study.clone();
        stopped.stopped = true;
        for (study, shown, waiting, state) in [
            (None, false, false, "none"),
            (Some(&study), false, false, "outdated"),
            (Some(&study), true, false, "running"),
            (Some(&study), true, true, "waiting"),
            (Some(&stopped), true, false, "stopped"),
        ] {
            let (got, text) = status_text(study, shown, waiting);
            assert_eq!(got, state);
            assert!(!text.contains("  ") && text.ends_with('.'), "{state}: {text:?}");
        }
    }
}
