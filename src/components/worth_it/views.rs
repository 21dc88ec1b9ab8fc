//! The "Is it worth it?" panel's pure parts: the verdict in words and the chart specs (budget impact by
//! year and payer, the inequality staircase, the equity impact plane), tested natively.

use rollout_engine::economics::{CostPer, Distribution, EconomicsSummary, STEPS};
use rollout_engine::estimate::Estimate;

use crate::charts::palette::LINE_PALETTE;
use crate::charts::spec::{ChartSeries, ChartSpec};
use crate::format::ValueFormat;

/// A cost per unit of health in words: a ratio with its interval, or the verdict that replaces it.
pub fn cost_per_text(verdict: &CostPer, unit: &str) -> String {
    let money = |x: f64| ValueFormat::Currency.format(x);
    match *verdict {
        CostPer::Ratio { value, lo: Some(lo), hi: Some(hi) } => {
            format!("{} per {unit} ({}–{})", money(value), money(lo), money(hi))
        }
        CostPer::Ratio { value, .. } => format!("{} per {unit} (interval unbounded)", money(value)),
        CostPer::Dominant => "Dominant: saves money and gains health".into(),
        CostPer::Dominated => "Dominated: costs more, gains no health".into(),
        CostPer::LessCostlyLessHealth => "Saves money but loses health".into(),
        CostPer::NotApplicable => "Not applicable: no change in cost or health".into(),
    }
}

/// Whether a ratio is under a threshold, in words (`None` without a ratio).
pub fn against_threshold(verdict: &CostPer, threshold: f64) -> Option<String> {
    let value = verdict.ratio()?;
    let t = ValueFormat::Currency.format(threshold);
    Some(if value <= threshold { format!("below {t} per QALY") } else { format!("above {t} per QALY") })
}

fn series(label: &str, colour: usize, points: Vec<(f64, Estimate)>, dashed: bool) -> ChartSeries {
    ChartSeries { label: label.into(), colour, points, dashed, show_band: !dashed, faint: false }
}

/// Budget impact per year by payer (undiscounted, GBP per 1,000 people); savings drawn below zero.
pub fn budget_chart(e: &EconomicsSummary) -> ChartSpec {
    let by = |f: &dyn Fn(&rollout_engine::economics::BudgetYear) -> Estimate| {
        e.budget_impact.iter().map(|y| (y.year as f64, f(y))).collect::<Vec<_>>()
    };
    let negative = |x: Estimate| Estimate { mean: -x.mean, lo: -x.hi, hi: -x.lo };
    ChartSpec {
        id: "chart-budget-impact".into(),
        title: "Budget impact by year and payer".into(),
        x_label: "Year".into(),
        y_label: "GBP per 1,000 people".into(),
        y_format: ValueFormat::Currency,
        series: vec![
            series("Programme budget", 0, by(&|y| y.programme), false),
            series("Practices' review time", 1, by(&|y| y.practice), false),
            series("NHS devices", 2, by(&|y| y.devices), false),
            series("People themselves", 3, by(&|y| y.personal), false),
            series("Admissions avoided (saving)", 4, by(&|y| negative(y.admission_savings)), false),
            series("Net cost", LINE_PALETTE.len() - 1, by(&|y| y.net_cost), false),
        ],
        y_min_zero: true,
    }
}

/// The inequality staircase: one line per group across the steps 1 (eligible) to 6 (benefit).
pub fn staircase_chart(e: &EconomicsSummary) -> ChartSpec {
    let groups = e.staircase.len().saturating_sub(1);
    let series = e
        .staircase
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let all = i == groups;
            let label = if all { "All groups".to_string() } else { s.group.clone() };
            let colour = if all { LINE_PALETTE.len() - 1 } else { i % (LINE_PALETTE.len() - 1) };
            let points = s.steps.iter().enumerate().map(|(k, x)| ((k + 1) as f64, *x)).collect();
            ChartSeries { label, colour, points, dashed: false, show_band: !all, faint: false }
        })
        .collect();
    ChartSpec {
        id: "chart-staircase".into(),
        title: "Inequality staircase: where each group falls behind".into(),
        x_label: format!("Step ({})", step_names().join(", ")),
        y_label: "Share of the group (%)".into(),
        y_format: ValueFormat::Percent,
        series,
        y_min_zero: true,
    }
}

/// The staircase's steps in words, numbered as on the chart.
pub fn step_names() -> Vec<String> {
    STEPS.iter().enumerate().map(|(k, s)| format!("{} {}", k + 1, s.replace('_', " "))).collect()
}

/// The equity impact plane: from the origin (no programme) to this run's point, net health benefit across
/// and reduction in inequality (slope index) up, with the 95% interval of the reduction as a band; a
/// compared baseline run is a dashed line to its own point.
pub fn plane_chart(this: &Distribution, baseline: Option<&Distribution>) -> ChartSpec {
    let to = |d: &Distribution| {
        let origin = (0.0, Estimate::exact(0.0));
        let point = (d.net_health_benefit.mean, d.inequality_reduction);
        if point.0 < 0.0 {
            vec![point, origin]
        } else {
            vec![origin, point]
        }
    };
    let mut lines = vec![series("This run", 0, to(this), false)];
    if let Some(b) = baseline {
        lines.push(series("Baseline", 1, to(b), true));
    }
    ChartSpec {
        id: "chart-equity-plane".into(),
        title: "Equity impact plane (no programme at the origin)".into(),
        x_label: "Net health benefit (QALYs per 1,000 people)".into(),
        y_label: "Reduction in inequality (QALYs per 1,000)".into(),
        y_format: ValueFormat::Number { decimals: 2 },
        series: lines,
        y_min_zero: false,
    }
}

/// A quadrant of the plane in words.
pub fn quadrant_text(quadrant: &str) -> &'static str {
    match quadrant {
        "win_win" => "win-win: more health and less inequality",
        "more_health_more_inequality" => "trade-off: more health, wider gap",
        "less_health_less_inequality" => "trade-off: less health, narrower gap",
        "lose_lose" => "lose-lose: less health and a wider gap",
        "more_health_same_inequality" => "more health, the gap unchanged",
        "less_health_same_inequality" => "less health, the gap unchanged",
        "same_health_less_inequality" => "the same health, a narrower gap",
        "same_health_more_inequality" => "the same health, a wider gap",
        _ => "no change",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rollout_engine::{presets, run};

    fn economics(name: &str, effect: bool) -> EconomicsSummary {
        let mut s = presets::preset(name).unwrap().scenario;
        (s.agents, s.months, s.replicates) = (1_000, 24, 3);
        if !effect {
            (s.technology.effect, s.technology.mortality_effect) = (0.0, 0.0);
        }
        run::run(&s).unwrap().economics
    }

    #[test]
    fn a_verdict_without_a_ratio_shows_no_number() {
        let e = economics("heart-monitoring", false);
        let text = cost_per_text(&e.icer, "QALY");
        assert!(text.starts_with("Dominated"), "{text}");
        assert!(!text.contains('£'));
        assert_eq!(against_threshold(&e.icer, 20_000.0), None);
        let ratio = CostPer::Ratio { value: 12_000.0, lo: Some(11_000.0), hi: Some(13_000.0) };
        assert_eq!(cost_per_text(&ratio, "QALY"), "£12,000 per QALY (£11,000–£13,000)");
        assert_eq!(against_threshold(&ratio, 20_000.0).as_deref(), Some("below £20,000 per QALY"));
    }

    #[test]
    fn the_charts_cover_every_year_group_and_step() {
        let e = economics("targeted-support", true);
        let budget = budget_chart(&e);
        assert!(budget.series.iter().all(|s| s.points.len() == 2));
        let stairs = staircase_chart(&e);
        assert_eq!(stairs.series.len(), 6);
        assert!(stairs.series.iter().all(|s| s.points.len() == STEPS.len() && s.points[0].1.mean == 1.0));
        let d = e.distribution.as_ref().unwrap();
        let plane = plane_chart(d, Some(d));
        assert_eq!(plane.series.len(), 2);
        assert!(plane.series.iter().all(|s| s.points.windows(2).all(|w| w[0].0 <= w[1].0)));
        assert!(plane.series[0].points.iter().any(|p| p.0 == 0.0 && p.1.mean == 0.0), "the origin is no programme");
    }
}
