//! The headline figures of the first screen: people reached, the gap between the most and least deprived
//! groups, events avoided and spend, each with its 95% interval, its change against a pinned baseline and a
//! "?" that says what it counts and out of whom. The figures are made by [`figures`], a pure function.

use std::rc::Rc;

use rollout_engine::compare::GroupDifference;
use rollout_engine::estimate::Estimate;
use rollout_engine::inequality::Measure;
use rollout_engine::quantity::Quantity;
use rollout_engine::summary::{GroupKey, RunSummary};
use yew::prelude::*;

use super::estimate::estimate;
use super::help_popup::HelpPopup;
use super::worth_it::cost_per_text;
use crate::format::ValueFormat::{self, Currency, Number, Percent};
use crate::state::Shared;

/// NICE's lower cost-effectiveness threshold, GBP per QALY: the headline says which side of it a run falls.
const NICE_THRESHOLD: f64 = 20_000.0;

/// One headline figure as the page writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// DOM id of the figure (`headline-gap`).
    pub id: &'static str,
    pub title: &'static str,
    /// The estimate: "12.3% (11.8–12.9%)".
    pub value: String,
    /// A line under the value (the cost per QALY, say).
    pub note: String,
    /// The change against the pinned baseline, when there is one: "+3.2 pts (+2.9 to +3.6)".
    pub change: Option<String>,
    /// What it counts, and out of whom, in plain words.
    pub help: String,
}

/// The gap in "ever used it" between the groups HEAT compares (for ordered groups: least minus most
/// deprived), in percentage points, at the run's last month. `None` with a single group.
pub fn gap(summary: &RunSummary) -> Option<Estimate> {
    summary.inequality.last()?.measure(Quantity::EverAdoptedShare, Measure::D)
}

fn years(summary: &RunSummary) -> String {
    let months = summary.months.len().saturating_sub(1);
    let y = months as f64 / 12.0;
    if y.fract() == 0.0 {
        format!("{y:.0}")
    } else {
        format!("{y:.1}")
    }
}

/// `text` ("12.3 (10.1–14.5)") with `unit` after its first number: "12.3 pts (10.1–14.5)".
fn with_unit(text: &str, unit: &str) -> String {
    match text.split_once(" (") {
        Some((value, rest)) => format!("{value}{unit} ({rest}"),
        None => format!("{text}{unit}"),
    }
}

/// A change of means only (no paired interval): "+3.2 pts".
fn change_of_means(format: ValueFormat, now: f64, then: f64, unit: &str) -> String {
    let text = format.format_change(&Estimate { mean: now - then, lo: now - then, hi: now - then });
    let mean = text.split(" (").next().unwrap_or_default().to_string();
    format!("{mean}{unit}")
}

/// The headline figures of `summary`; with a baseline, each gets its change against it. `differences` are
/// the paired per-group differences (`current − baseline`, last row all groups) once the run is complete.
pub fn figures(
    summary: &RunSummary,
    baseline: Option<&RunSummary>,
    differences: Option<&[GroupDifference]>,
    people: u32,
    ordered: bool,
) -> Vec<Figure> {
    let years = years(summary);
    let all_diff = differences.and_then(|d| d.last());
    let reached = summary.months.last().and_then(|m| m.group(GroupKey::All)).map(|g| g.get(Quantity::EverAdoptedShare));
    let all = summary.outcome(GroupKey::All);
    let pts = Number { decimals: 1 };
    let people_text = Number { decimals: 0 }.format(f64::from(people));
    let mut out = vec![Figure {
        id: "headline-reached",
        title: "People reached",
        value: reached.map_or_else(|| "n/a".into(), |e| Percent.format_estimate(&e)),
        note: "ever used it".into(),
        change: all_diff.map(|d| with_unit(&Percent.format_change(&d.ever_adopted_share), " pts")),
        help: format!(
            "The share of the people eligible at the end of year {years} who have used it at least once, \
             all groups together. The interval is the 95% interval across replicates."
        ),
    }];
    if let Some(g) = gap(summary) {
        let change = baseline.and_then(gap).map(|b| change_of_means(pts, g.mean, b.mean, " pts"));
        out.push(Figure {
            id: "headline-gap",
            title: "Gap between groups",
            value: with_unit(&pts.format_estimate(&g), " pts"),
            note: if ordered {
                "least minus most deprived, ever used it".into()
            } else {
                "highest minus lowest, ever used it".into()
            },
            change,
            help: if ordered {
                format!(
                    "Percentage points between the groups at the two ends of the order (least minus most \
                     deprived) in the share of each group's eligible people who have ever used it, at the end \
                     of year {years}. 0 means no gap; a negative gap favours the most deprived."
                )
            } else {
                format!("Percentage points between the highest and lowest group in ever used it, at year {years}.")
            },
        });
    }
    if let Some(all) = all {
        // Per 1,000 people, so the figure does not depend on how many agents were simulated.
        let per_1000 = 1_000.0 / f64::from(people.max(1));
        let scaled = |e: &Estimate| e.scaled(per_1000);
        out.push(Figure {
            id: "headline-events",
            title: "Events avoided",
            value: Number { decimals: 1 }.format_estimate(&scaled(&all.events_avoided)),
            note: format!("per 1,000 people over {years} years"),
            change: all_diff.map(|d| Number { decimals: 1 }.format_change(&scaled(&d.events_avoided))),
            help: format!(
                "Adverse events (such as emergency admissions) that reviewed monitoring prevented over \
                 {years} years, per 1,000 people in the population simulated ({people_text} people), against no \
                 monitoring."
            ),
        });
        // Is it worth it, in one line: the cost per QALY (from the engine's economics block, against the
        // same people with no programme) and where it stands against NICE's lower threshold.
        let icer = &summary.economics.icer;
        let per_qaly = match super::worth_it::against_threshold(icer, NICE_THRESHOLD) {
            Some(side) => format!("{}, {side}", cost_per_text(icer, "QALY gained")),
            None => cost_per_text(icer, "QALY gained"),
        };
        out.push(Figure {
            id: "headline-spend",
            title: "Spend",
            value: Currency.format_estimate(&scaled(&all.cost)),
            note: format!("per 1,000 people over {years} years; {per_qaly}"),
            change: all_diff.map(|d| Currency.format_change(&scaled(&d.cost))),
            help: format!(
                "All costs over {years} years per 1,000 people in the population simulated ({people_text} \
                 people): devices and service, \
                 clinical review, support and connectivity, whoever pays. Below it, the cost per QALY: the \
                 extra cost, net of the admissions avoided, for each year of healthy life gained against the same \
                 people with no programme (costs and QALYs discounted), set against NICE's £20,000 per QALY. \
                 \"Is it worth it?\" further down has the thresholds, who gains and the intervals' meaning."
            ),
        });
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub summary: Shared<RunSummary>,
    pub baseline: Option<Shared<RunSummary>>,
    pub differences: Option<Rc<Vec<GroupDifference>>>,
    /// People simulated (agents).
    pub people: u32,
    /// The scenario's groups are ordered (most deprived first).
    pub ordered: bool,
}

#[function_component(Headline)]
pub fn headline(props: &HeadlineProps) -> Html {
    let figures = figures(
        &props.summary,
        props.baseline.as_deref(),
        props.differences.as_deref().map(Vec::as_slice),
        props.people,
        props.ordered,
    );
    let comparing = props.baseline.is_some();
    html! {
        <section class="headline" aria-label="Headline figures" id="headline">
            { for figures.into_iter().map(|f| html! {
                <div class="headline-figure" id={f.id}>
                    <div class="headline-title">
                        <span>{ f.title }</span>
                        <HelpPopup id={format!("{}-help", f.id)} label={format!("What {} counts", f.title.to_lowercase())} text={f.help} />
                    </div>
                    <div class="headline-value">{ estimate(&f.value) }</div>
                    <div class="headline-note">{ f.note }</div>
                    if comparing {
                        <div class="headline-change">{ "vs baseline: " }{
                            f.change.map_or_else(|| html! { { "waiting for the run" } }, estimate)
                        }</div>
                    }
                </div>
            }) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::small_summary as summary;

    #[test]
    fn four_figures_with_the_gap_from_the_last_month_and_changes_only_with_a_baseline() {
        let (a, b) = (summary("heart-monitoring"), summary("targeted-support"));
        let plain = figures(&a, None, None, 800, true);
        let ids: Vec<&str> = plain.iter().map(|f| f.id).collect();
        assert_eq!(ids, ["headline-reached", "headline-gap", "headline-events", "headline-spend"]);
        assert!(plain.iter().all(|f| f.change.is_none() && !f.help.is_empty()));
        let g = gap(&a).unwrap();
        assert!(plain[1].value.starts_with(&Number { decimals: 1 }.format(g.mean)), "{}", plain[1].value);
        assert!(plain[0].help.contains("end of year 2"), "{}", plain[0].help);
        let compared = figures(&a, Some(&b), None, 800, true);
        let expected = change_of_means(Number { decimals: 1 }, g.mean, gap(&b).unwrap().mean, " pts");
        assert_eq!(compared[1].change.as_deref(), Some(expected.as_str()));
    }

    #[test]
    fn spend_and_events_are_per_1000_people_whatever_the_agent_count() {
        let a = summary("heart-monitoring");
        let all = a.outcome(GroupKey::All).unwrap();
        let at = |people: u32| figures(&a, None, None, people, true);
        let spend = |f: &[Figure]| f.iter().find(|f| f.id == "headline-spend").unwrap().value.clone();
        // The same run read as standing for 800 or for 8,000 agents: per 1,000 the figure scales by 10.
        let per_1000 = Currency.format_estimate(&Estimate {
            mean: all.cost.mean * 1_000.0 / 800.0,
            lo: all.cost.lo * 1_000.0 / 800.0,
            hi: all.cost.hi * 1_000.0 / 800.0,
        });
        assert_eq!(spend(&at(800)), per_1000);
        assert_ne!(spend(&at(800)), spend(&at(8_000)));
        assert!(at(800).iter().find(|f| f.id == "headline-spend").unwrap().note.contains("per QALY"));
    }

    #[test]
    fn units_follow_the_first_number() {
        assert_eq!(with_unit("12.3 (10.1\u{2013}14.5)", " pts"), "12.3 pts (10.1\u{2013}14.5)");
        assert_eq!(with_unit("+3.2", " pts"), "+3.2 pts");
    }

    #[test]
    fn one_group_has_no_gap() {
        let bass = figures(&summary("bass"), None, None, 800, false);
        assert!(bass.iter().all(|f| f.id != "headline-gap"));
    }
}
