//! From a run's summary to the charts the page draws: pure functions, tested natively. A pinned
//! baseline adds a dashed twin of every line.

use rollout_engine::estimate::Estimate;
use rollout_engine::inequality::Measure;
use rollout_engine::quantity::Quantity;
use rollout_engine::summary::{GroupKey, MonthSummary, OrganisationSummary, RunSummary};

use crate::charts::palette::LINE_PALETTE;
use crate::charts::spec::{ChartSeries, ChartSpec};
use crate::format::ValueFormat;

/// Colour of the all-groups line: the palette's last colour, black, which no group line uses.
const ALL_COLOUR: usize = LINE_PALETTE.len() - 1;

/// Colour of group `i`: the palette without black, round again after six groups.
fn group_colour(i: usize) -> usize {
    i % ALL_COLOUR
}

/// Inequality between groups is charted once at least this share of all people use (or have used) it:
/// before that, ratios of near-zero shares are noise (a relative index in the billions).
pub const INEQUALITY_FROM_SHARE: f64 = 0.005;

// Relative and regression-based measures (RII, R, SII) are charted when the engine reports them: it
// holds them back until every group has `rollout_engine::inequality::MIN_USERS_PER_GROUP` users, the one
// threshold the CLI and the app share.

/// An interval kept inside a quantity's natural range (shares 0 to 1, counts and costs 0 or more): the
/// Student-t interval of a mean near a bound can cross it, which no replicate can.
fn within(e: Estimate, min: f64, max: f64) -> Estimate {
    Estimate { mean: e.mean, lo: e.lo.clamp(min, max), hi: e.hi.clamp(min, max) }
}

fn natural_range(quantity: Quantity) -> (f64, f64) {
    if quantity.is_share() {
        (0.0, 1.0)
    } else {
        (0.0, f64::INFINITY)
    }
}

fn spec(id: &str, title: &str, y_label: &str, y_format: ValueFormat, series: Vec<ChartSeries>) -> ChartSpec {
    ChartSpec {
        id: id.into(),
        title: title.into(),
        x_label: "Month".into(),
        y_label: y_label.into(),
        y_format,
        series,
        y_min_zero: true,
    }
}

fn line(label: String, colour: usize, points: Vec<(f64, Estimate)>, baseline: bool) -> ChartSeries {
    let label = if baseline { format!("{label} (baseline)") } else { label };
    ChartSeries { label, colour, points, dashed: baseline, show_band: !baseline, faint: false }
}

/// `series` as the faint ghost of the run before the last change.
fn ghostly(series: Vec<ChartSeries>) -> impl Iterator<Item = ChartSeries> {
    series.into_iter().map(|s| ChartSeries {
        label: format!("{} (before)", s.label),
        dashed: false,
        show_band: false,
        faint: true,
        ..s
    })
}

/// One line per group (and, with `with_all`, one for all groups) of a per-group quantity.
fn by_group(summary: &RunSummary, quantity: Quantity, with_all: bool, baseline: bool) -> Vec<ChartSeries> {
    let Some(first) = summary.months.first() else { return Vec::new() };
    let (min, max) = natural_range(quantity);
    first
        .rows()
        .filter(|(key, _)| with_all || *key != GroupKey::All)
        .map(|(key, g)| {
            let points = summary
                .months
                .iter()
                .filter_map(|m| Some((m.month as f64, within(m.group(key)?.get(quantity), min, max))))
                .collect();
            let (label, colour) = match key {
                GroupKey::All => ("All groups".to_string(), ALL_COLOUR),
                GroupKey::Group(i) => (g.group.clone(), group_colour(i)),
            };
            line(label, colour, points, baseline)
        })
        .collect()
}

/// The all-groups estimate of `quantity` in `month` (0 when the month has no rows).
fn all_groups(month: &MonthSummary, quantity: Quantity) -> Estimate {
    month.group(GroupKey::All).map_or_else(Estimate::default, |g| g.get(quantity))
}

/// The runs a chart draws: the one on screen, the pinned baseline (dashed), the run before the last change
/// (faint) and the options compared.
#[derive(Clone, Copy, Default)]
pub struct Others<'a> {
    pub baseline: Option<&'a RunSummary>,
    pub ghost: Option<&'a RunSummary>,
    /// Complete options, by name.
    pub options: &'a [(&'a str, &'a RunSummary)],
}

/// Lines for the current run, dashed for the baseline and faint for the run before the last change.
fn both(
    summary: &RunSummary,
    others: Others,
    make: impl Fn(&RunSummary, bool) -> Vec<ChartSeries>,
) -> Vec<ChartSeries> {
    let mut series = make(summary, false);
    if let Some(b) = others.baseline {
        series.extend(make(b, true));
    }
    if let Some(g) = others.ghost {
        series.extend(ghostly(make(g, false)));
    }
    series
}

/// One line per run (this scenario in black, each option in its own colour, the baseline dashed) of
/// `of(run)`: the two main charts when options are compared.
fn by_option(
    summary: &RunSummary,
    others: Others,
    of: impl Fn(&RunSummary) -> Vec<(f64, Estimate)>,
) -> Vec<ChartSeries> {
    let mut series = vec![line("This scenario".into(), ALL_COLOUR, of(summary), false)];
    for (i, (name, option)) in others.options.iter().enumerate() {
        series.push(ChartSeries { show_band: false, ..line((*name).to_string(), option_colour(i), of(option), false) });
    }
    if let Some(b) = others.baseline {
        series.push(ChartSeries { label: "Baseline".into(), ..line(String::new(), ALL_COLOUR, of(b), true) });
    }
    if let Some(g) = others.ghost {
        series.extend(ghostly(vec![line("This scenario".into(), ALL_COLOUR, of(g), false)]));
    }
    series
}

/// Colour of option `i`: the palette without black, which this scenario's line uses.
pub fn option_colour(i: usize) -> usize {
    i % ALL_COLOUR
}

/// "Ever used it", all groups, by month.
fn ever_used_all(summary: &RunSummary) -> Vec<(f64, Estimate)> {
    summary
        .months
        .iter()
        .map(|m| (m.month as f64, within(all_groups(m, Quantity::EverAdoptedShare), 0.0, 1.0)))
        .collect()
}

/// The gap in "ever used it" (HEAT's D) by month, from when it is charted.
fn gap_over_time(summary: &RunSummary) -> Vec<(f64, Estimate)> {
    inequality(summary, Measure::D, false).into_iter().nth(1).map(|s| s.points).unwrap_or_default()
}

fn organisations(summary: &RunSummary, baseline: bool) -> Vec<ChartSeries> {
    let pick = |f: fn(&OrganisationSummary) -> Estimate| -> Vec<(f64, Estimate)> {
        summary.months.iter().map(|m: &MonthSummary| (m.month as f64, within(f(&m.organisations), 0.0, 1.0))).collect()
    };
    vec![
        line("Offering it now (spread)".into(), 0, pick(|o| o.offering_share), baseline),
        line("Ever offered it".into(), 2, pick(|o| o.ever_offered_share), baseline),
        line("Stopped offering it".into(), 5, pick(|o| o.discontinued_share), baseline),
    ]
}

/// The inequality measures charted, absolute then relative: SII and RII for ordered groups, D and R otherwise.
pub fn inequality_measures(ordered: bool) -> [(Measure, &'static str); 2] {
    if ordered {
        [(Measure::Sii, "Slope index of inequality"), (Measure::Rii, "Relative index of inequality")]
    } else {
        [(Measure::D, "Difference, highest minus lowest"), (Measure::R, "Ratio, highest to lowest")]
    }
}

fn inequality(summary: &RunSummary, measure: Measure, baseline: bool) -> Vec<ChartSeries> {
    let from = if measure.is_gated() { 0.0 } else { INEQUALITY_FROM_SHARE };
    [(Quantity::ActiveShare, "Using it now", 0), (Quantity::EverAdoptedShare, "Ever used it", 1)]
        .into_iter()
        .map(|(quantity, label, colour)| {
            let points = summary
                .inequality
                .iter()
                .zip(&summary.months)
                .filter(|(_, month)| all_groups(month, quantity).mean >= from)
                .filter_map(|(m, _)| m.measure(quantity, measure).map(|e| (m.month as f64, e)))
                .collect();
            line(label.into(), colour, points, baseline)
        })
        .collect()
}

fn costs(summary: &RunSummary, baseline: bool) -> Vec<ChartSeries> {
    [
        (Quantity::CostDevices, "Devices and service", 0),
        (Quantity::CostClinical, "Clinical review", 2),
        (Quantity::CostSupport, "Support", 1),
        (Quantity::CostConnectivity, "Connectivity", 3),
        (Quantity::ProgrammeSpend, "Paid by the programme budget", ALL_COLOUR),
    ]
    .into_iter()
    .map(|(q, label, colour)| {
        let points =
            summary.months.iter().map(|m| (m.month as f64, within(all_groups(m, q), 0.0, f64::INFINITY))).collect();
        line(label.into(), colour, points, baseline)
    })
    .collect()
}

/// What chart `id` shows, in plain words, with its denominator: the text of its "?".
pub fn chart_help(id: &str) -> String {
    match id {
        "chart-uptake" => {
            "The share of each group's eligible people who have used it at least once, month by month \
            (people eligible at that month are the denominator). With options to compare: all groups together, one \
            line per option. Shaded bands are 95% intervals across replicates."
        }
        "chart-gap" => {
            "Percentage points between the groups at the two ends (least minus most deprived when the groups \
            are ordered) in the share who ever used it and who use it now, month by month. 0 means no gap; below 0 \
            favours the most deprived. It is drawn once at least 0.5% of all people use it."
        }
        "chart-active" => "The share of each group's eligible people using it in that month.",
        "chart-abandoned" => {
            "The share of each group's eligible people who used it and stopped (abandonment), month \
            by month."
        }
        "chart-organisations" => {
            "Out of all organisations (general practices): the share offering it now, the share \
            that ever offered it and the share that stopped offering it."
        }
        "chart-equity-absolute" => {
            "An absolute measure of inequality between the groups (WHO HEAT), in percentage \
            points: for ordered groups the slope index of inequality, the modelled difference between the most and \
            least deprived ends of the whole population; otherwise highest minus lowest group."
        }
        "chart-equity-relative" => {
            "A relative measure of inequality between the groups (WHO HEAT): 1 means equal. For \
            ordered groups the relative index of inequality, otherwise highest divided by lowest. Drawn once every \
            group has enough users for a ratio to mean something."
        }
        "chart-events" => {
            "Adverse events (such as emergency admissions) avoided per 1,000 eligible people per month, \
            by group, against no monitoring."
        }
        "chart-cost" => {
            "Costs per month of all groups together, in pounds, by what they pay for, and the part the \
            programme budget paid (never above the budget)."
        }
        _ => "A chart of this run, with 95% intervals across replicates.",
    }
    .to_string()
}

/// Every chart of the page, in order. `ordered`: the scenario's groups are ordered.
pub fn charts(summary: &RunSummary, baseline: Option<&RunSummary>, ordered: bool) -> Vec<ChartSpec> {
    charts_with(summary, Others { baseline, ..Others::default() }, ordered)
}

/// Every chart of the page, in order, with the other runs on screen. With options to compare, the two main
/// charts (ever used it; the gap over time) show one line per option instead of one per group.
pub fn charts_with(summary: &RunSummary, others: Others, ordered: bool) -> Vec<ChartSpec> {
    let baseline = others.baseline;
    let comparing = !others.options.is_empty();
    let mut out = vec![
        spec(
            "chart-uptake",
            "Ever used it, by group",
            "Ever used it (% of eligible)",
            ValueFormat::Percent,
            both(summary, others, |s, b| by_group(s, Quantity::EverAdoptedShare, true, b)),
        ),
        spec(
            "chart-active",
            "Using it now, by group",
            "Active use (% of eligible)",
            ValueFormat::Percent,
            both(summary, others, |s, b| by_group(s, Quantity::ActiveShare, true, b)),
        ),
        spec(
            "chart-abandoned",
            "Used it and stopped, by group",
            "Abandoned (% of eligible)",
            ValueFormat::Percent,
            both(summary, others, |s, b| by_group(s, Quantity::AbandonedShare, true, b)),
        ),
        spec(
            "chart-organisations",
            "Organisations: spread and sustainability",
            "Organisations (% of all)",
            ValueFormat::Percent,
            both(summary, others, organisations),
        ),
    ];
    if comparing {
        out[0].title = "Ever used it: options compared (all groups)".into();
        out[0].series = by_option(summary, others, ever_used_all);
    }
    if !summary.inequality.is_empty() || baseline.is_some_and(|b| !b.inequality.is_empty()) {
        let gap_title = if ordered {
            "Gap over time: least minus most deprived"
        } else {
            "Gap over time: highest minus lowest group"
        };
        // The gap the headline figure reports, over time, right after the uptake it is the gap in.
        let mut gap = spec(
            "chart-gap",
            gap_title,
            "Gap (percentage points)",
            ValueFormat::Number { decimals: 1 },
            both(summary, others, |s, b| inequality(s, Measure::D, b)),
        );
        gap.y_min_zero = false;
        if comparing {
            gap.title = format!("{gap_title}, ever used it: options compared");
            gap.series = by_option(summary, others, gap_over_time);
        }
        out.insert(1, gap);
        let [(absolute, absolute_title), (relative, relative_title)] = inequality_measures(ordered);
        let (a, r) = (absolute.abbreviation(), relative.abbreviation());
        out.push(spec(
            "chart-equity-absolute",
            &format!("Inequality between groups: {absolute_title} ({a})"),
            &format!("{a} (percentage points)"),
            ValueFormat::Number { decimals: 1 },
            both(summary, others, |s, b| inequality(s, absolute, b)),
        ));
        let mut relative_chart = spec(
            "chart-equity-relative",
            &format!("Inequality between groups: {relative_title} ({r})"),
            &format!("{r} (1 = equal)"),
            ValueFormat::Number { decimals: 2 },
            both(summary, others, |s, b| inequality(s, relative, b)),
        );
        relative_chart.y_min_zero = false;
        out.push(relative_chart);
    }
    out.push(spec(
        "chart-events",
        "Adverse events avoided, by group",
        "Events avoided per 1,000 eligible per month",
        ValueFormat::Number { decimals: 2 },
        both(summary, others, |s, b| by_group(s, Quantity::EventsAvoidedPer1000, true, b)),
    ));
    out.push(spec(
        "chart-cost",
        "Costs per month, all groups",
        "GBP per month",
        ValueFormat::Currency,
        both(summary, others, costs),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::small_summary as summary;
    use rollout_engine::{presets, run};

    #[test]
    fn every_chart_has_a_line_per_group_and_month() {
        let s = summary("heart-monitoring");
        let specs = charts(&s, None, true);
        let ids: Vec<&str> = specs.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "chart-uptake",
                "chart-gap",
                "chart-active",
                "chart-abandoned",
                "chart-organisations",
                "chart-equity-absolute",
                "chart-equity-relative",
                "chart-events",
                "chart-cost"
            ]
        );
        let uptake = &specs[0];
        assert_eq!(uptake.series.len(), 6, "five quintiles and all");
        assert_eq!(uptake.series[5].label, "All groups");
        assert!(uptake.series.iter().all(|l| l.points.len() == 25 && l.show_band && !l.dashed));
        let first_group = s.months[24].group(GroupKey::Group(0)).unwrap();
        assert_eq!(uptake.series[0].points[24].1.mean, first_group.get(Quantity::EverAdoptedShare).mean);
        assert!(specs[5].title.contains("SII"));
        assert!(specs[1].series.iter().all(|l| !l.points.is_empty()), "the gap over time has points");
        assert_eq!(uptake.series[5].colour, ALL_COLOUR);
        assert!(
            uptake.series[..5].iter().all(|l| l.colour != ALL_COLOUR),
            "no group is drawn in the all-groups colour"
        );
    }

    #[test]
    fn bands_stay_in_the_natural_range_and_inequality_waits_for_uptake() {
        let mut scenario = presets::preset("heart-monitoring").unwrap().scenario;
        (scenario.agents, scenario.replicates) = (5_000, 3);
        let s = run::run(&scenario).unwrap();
        let specs = charts(&s, None, true);
        for chart in specs.iter().filter(|c| c.y_format == ValueFormat::Percent) {
            for point in chart.series.iter().flat_map(|l| &l.points) {
                assert!(point.1.lo >= 0.0 && point.1.hi <= 1.0, "{}: {:?}", chart.id, point.1);
            }
        }
        let relative = specs.iter().find(|c| c.id == "chart-equity-relative").unwrap();
        let first_month = relative.series[0].points.first().map(|p| p.0 as usize).unwrap();
        let minimum = rollout_engine::inequality::MIN_USERS_PER_GROUP as f64;
        for g in &s.months[first_month].groups[..5] {
            let users = g.get(Quantity::ActiveShare).mean * g.eligible as f64;
            assert!(users >= minimum, "{}: {users} users when the relative measure is first charted", g.group);
        }
        assert!(s.inequality[first_month - 1].measure(Quantity::ActiveShare, Measure::Rii).is_none());
    }

    #[test]
    fn a_baseline_adds_a_dashed_twin_of_every_line() {
        let (a, b) = (summary("heart-monitoring"), summary("targeted-support"));
        let plain = charts(&a, None, true);
        let compared = charts(&a, Some(&b), true);
        for (p, c) in plain.iter().zip(&compared) {
            assert_eq!(c.series.len(), 2 * p.series.len(), "{}", p.id);
            assert!(c.series[p.series.len()..].iter().all(|l| l.dashed && l.label.ends_with("(baseline)")));
        }
    }

    #[test]
    fn options_are_one_line_each_on_the_two_main_charts_and_the_ghost_is_faint() {
        let (a, b, c) = (summary("heart-monitoring"), summary("targeted-support"), summary("pilot-ends"));
        let options = [("Targeted", &b), ("Pilot", &c)];
        let specs = charts_with(&a, Others { baseline: Some(&c), ghost: Some(&b), options: &options }, true);
        for id in ["chart-uptake", "chart-gap"] {
            let chart = specs.iter().find(|s| s.id == id).unwrap();
            let labels: Vec<&str> = chart.series.iter().map(|s| s.label.as_str()).collect();
            assert_eq!(labels, ["This scenario", "Targeted", "Pilot", "Baseline", "This scenario (before)"], "{id}");
            let colours: Vec<usize> = chart.series[..3].iter().map(|s| s.colour).collect();
            assert_eq!(colours, [ALL_COLOUR, 0, 1], "{id}: options in distinct colours, this scenario in black");
            assert!(chart.series[3].dashed && chart.series[4].faint && !chart.series[4].show_band);
        }
        let uptake = &specs[0];
        assert_eq!(
            uptake.series[1].points.last().unwrap().1,
            all_groups(b.months.last().unwrap(), Quantity::EverAdoptedShare)
        );
        let gap = &specs[1];
        let d = b.inequality.last().unwrap().measure(Quantity::EverAdoptedShare, Measure::D).unwrap();
        assert_eq!(gap.series[1].points.last().unwrap().1, d, "the option's gap is the headline's gap");
        let active = specs.iter().find(|s| s.id == "chart-active").unwrap();
        assert!(active.series.iter().filter(|s| s.faint).count() == 6, "other charts get the ghost of every line");
    }

    #[test]
    fn every_chart_has_its_own_help() {
        let specs = charts(&summary("heart-monitoring"), None, true);
        let texts: std::collections::BTreeSet<String> = specs.iter().map(|s| chart_help(&s.id)).collect();
        assert_eq!(texts.len(), specs.len(), "each chart's ? says something of its own");
    }

    #[test]
    fn one_group_has_no_inequality_charts_and_unordered_groups_get_d_and_r() {
        let bass = charts(&summary("bass"), None, false);
        assert!(bass.iter().all(|c| !c.id.starts_with("chart-equity")));
        let unordered = charts(&summary("heart-monitoring"), None, false);
        assert!(unordered.iter().any(|c| c.id == "chart-equity-absolute" && c.title.contains("(D)")));
    }
}
