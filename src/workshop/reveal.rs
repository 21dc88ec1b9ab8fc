//! What the stage draws, as pure functions of a chart spec: curves revealed up to a month (the x axis keeps
//! every year, so the curves grow into a fixed frame), an empty frame to guess on while the results are hidden
//! (the chart's title and units and the run's length, no number of the run), the room's guess as a series,
//! and the headline numbers of the year shown.

use rollout_engine::inequality::Measure;
use rollout_engine::quantity::Quantity;
use rollout_engine::summary::{GroupKey, RunSummary};

use super::state::Guess;
use crate::charts::spec::{ChartSeries, ChartSpec, Estimate};
use crate::format::ValueFormat;

/// The charts that can go on the stage, with the key that puts each there.
pub const STAGE_CHARTS: [(&str, &str); 3] = [("chart-uptake", "1"), ("chart-gap", "2"), ("chart-active", "3")];

/// Palette index of the room's guess (vermillion: no group line of five groups uses it).
pub const GUESS_COLOUR: usize = 5;

/// The label of the guess series.
pub const GUESS_LABEL: &str = "Your guess";

const MISSING: Estimate = Estimate { mean: f64::NAN, lo: f64::NAN, hi: f64::NAN };

/// `spec` with every point after `up_to` months blanked (kept as "not yet", so the x axis still spans the
/// whole run); `None` keeps every point.
pub fn up_to(spec: &ChartSpec, up_to: Option<u32>) -> ChartSpec {
    let mut out = spec.clone();
    if let Some(month) = up_to {
        for series in &mut out.series {
            for point in &mut series.points {
                if point.0 > f64::from(month) {
                    point.1 = MISSING;
                }
            }
        }
    }
    out
}

/// The range a guess can take on a chart: a share 0–100%, a gap −10 to 40 points.
pub fn guess_range(spec: &ChartSpec) -> (f64, f64) {
    match spec.y_format {
        ValueFormat::Percent => (0.0, 1.0),
        _ => (-10.0, 40.0),
    }
}

/// The frame to guess on while results are hidden: `spec`'s id, title and units, an x axis over `months`
/// and a y axis over [`guess_range`], and nothing of the run; with the guess, if it is on this chart.
pub fn hidden_frame(spec: &ChartSpec, months: u32, guess: Option<&Guess>) -> ChartSpec {
    let (lo, hi) = guess_range(spec);
    // Anchors: no line or band is drawn for a point without a mean, but the axes take in their bounds.
    let anchor = Estimate { mean: f64::NAN, lo, hi };
    let mut points = vec![(0.0, anchor), (f64::from(months), anchor)];
    if let Some(g) = guess.filter(|g| g.chart == spec.id) {
        points.insert(1, (g.month, Estimate { mean: g.value, lo: g.value, hi: g.value }));
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
    }
    ChartSpec {
        id: spec.id.clone(),
        title: spec.title.clone(),
        x_label: spec.x_label.clone(),
        y_label: spec.y_label.clone(),
        y_format: spec.y_format,
        series: vec![ChartSeries {
            label: GUESS_LABEL.into(),
            colour: GUESS_COLOUR,
            points,
            dashed: false,
            show_band: true,
            faint: false,
        }],
        y_min_zero: spec.y_min_zero,
    }
}

/// `spec` with the guess beside its curves (a one-point series: the axes take it in, the stage marks it).
pub fn with_guess(mut spec: ChartSpec, guess: Option<&Guess>) -> ChartSpec {
    if let Some(g) = guess.filter(|g| g.chart == spec.id) {
        let at = Estimate { mean: g.value, lo: g.value, hi: g.value };
        spec.series.push(ChartSeries {
            label: GUESS_LABEL.into(),
            colour: GUESS_COLOUR,
            points: vec![(g.month, at)],
            dashed: false,
            show_band: false,
            faint: false,
        });
    }
    spec
}

/// The runs compared by "replay last change": the earlier run's lines are labelled as before the change.
pub fn before_the_change(mut spec: ChartSpec) -> ChartSpec {
    for s in spec.series.iter_mut().filter(|s| s.dashed) {
        s.label = s.label.replace(" (baseline)", " (before the change)");
    }
    spec
}

/// One number of the year shown.
#[derive(Clone, Debug, PartialEq)]
pub struct YearFigure {
    /// DOM id (`year-reached`).
    pub id: &'static str,
    pub title: &'static str,
    /// "12.3% (11.8–12.9%)".
    pub value: String,
}

/// The headline numbers at `month` (the last month if past the end): people reached and using it now, all
/// groups, and the gap between the groups (none with one group).
pub fn year_figures(summary: &RunSummary, month: Option<u32>) -> Vec<YearFigure> {
    let last = summary.months.len().saturating_sub(1);
    let index = month.map_or(last, |m| (m as usize).min(last));
    let Some(row) = summary.months.get(index).and_then(|m| m.group(GroupKey::All)) else { return Vec::new() };
    let mut out = vec![
        YearFigure {
            id: "year-reached",
            title: "People reached",
            value: ValueFormat::Percent.format_estimate(&row.get(Quantity::EverAdoptedShare)),
        },
        YearFigure {
            id: "year-active",
            title: "Using it now",
            value: ValueFormat::Percent.format_estimate(&row.get(Quantity::ActiveShare)),
        },
    ];
    let month_no = summary.months[index].month;
    let gap = summary
        .inequality
        .iter()
        .find(|m| m.month == month_no)
        .and_then(|m| m.measure(Quantity::EverAdoptedShare, Measure::D));
    if let Some(g) = gap {
        out.push(YearFigure {
            id: "year-gap",
            title: "Gap between groups",
            value: format!("{} pts", ValueFormat::Number { decimals: 1 }.format_estimate(&g)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use rollout_engine::{presets, run};

    use super::*;
    use crate::charts::axes::{x_axis, y_axis};
    use crate::charts::fixtures::spec;
    use crate::charts::spec::x_values;

    #[test]
    fn revealing_up_to_a_year_blanks_later_months_and_keeps_the_axis() {
        let full = spec(49);
        let shown = up_to(&full, Some(24));
        assert_eq!(x_values(&shown), x_values(&full), "the x axis spans the whole run");
        assert_eq!(x_axis(&shown, 5), x_axis(&full, 5));
        for (a, b) in shown.series.iter().zip(&full.series) {
            for (p, q) in a.points.iter().zip(&b.points) {
                if p.0 <= 24.0 {
                    assert_eq!(p, q);
                } else {
                    assert!(p.1.mean.is_nan() && p.1.lo.is_nan() && p.1.hi.is_nan(), "month {} shown", p.0);
                }
            }
        }
        assert_eq!(up_to(&full, None), full);
    }

    #[test]
    fn the_hidden_frame_has_no_number_of_the_run() {
        let full = spec(121);
        let frame = hidden_frame(&full, 120, None);
        assert_eq!(frame.series.len(), 1);
        assert!(frame.series[0].points.iter().all(|p| p.1.mean.is_nan()), "no mean in the frame");
        let axis = y_axis(&frame, 5);
        assert_eq!((axis.min, axis.max), (0.0, 1.0), "a share is guessed on 0-100%");
        let guess = Guess { chart: full.id.clone(), month: 60.0, value: 0.4 };
        let marked = hidden_frame(&full, 120, Some(&guess));
        assert!(marked.series[0].points.iter().any(|p| p.0 == 60.0 && p.1.mean == 0.4));
        let elsewhere = Guess { chart: "chart-gap".into(), ..guess };
        let unmarked = hidden_frame(&full, 120, Some(&elsewhere));
        assert_eq!(unmarked.series[0].points.len(), 2, "a guess on another chart is not drawn");
    }

    #[test]
    fn the_guess_stays_beside_the_revealed_result() {
        let full = spec(13);
        let guess = Guess { chart: full.id.clone(), month: 12.0, value: 0.9 };
        let shown = with_guess(full.clone(), Some(&guess));
        assert_eq!(shown.series.len(), full.series.len() + 1);
        assert_eq!(shown.series.last().unwrap().label, GUESS_LABEL);
        assert!(y_axis(&shown, 5).max >= 0.9, "the axis takes the guess in");
    }

    #[test]
    fn year_figures_read_the_month_shown() {
        let mut s = presets::preset("heart-monitoring").unwrap().scenario;
        (s.agents, s.months, s.replicates) = (1_000, 36, 3);
        let summary = run::run(&s).unwrap();
        let at = |m: Option<u32>| year_figures(&summary, m);
        let all = |m: usize| summary.months[m].group(GroupKey::All).unwrap().get(Quantity::EverAdoptedShare);
        assert_eq!(at(Some(12))[0].value, ValueFormat::Percent.format_estimate(&all(12)));
        assert_eq!(at(None), at(Some(36)));
        assert_eq!(at(Some(99)), at(Some(36)), "past the end reads the last month");
        assert_ne!(at(Some(12))[0].value, at(Some(36))[0].value, "uptake grows over two years");
        let ids: Vec<&str> = at(Some(24)).iter().map(|f| f.id).collect();
        assert_eq!(ids, ["year-reached", "year-active", "year-gap"]);
        let mut one = presets::preset("bass").unwrap().scenario;
        (one.agents, one.months, one.replicates) = (500, 12, 2);
        assert_eq!(year_figures(&run::run(&one).unwrap(), None).len(), 2, "one group has no gap");
    }
}
