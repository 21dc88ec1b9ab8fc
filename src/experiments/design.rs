//! What a study asks and how its points are placed: the outputs a study can show, and the engine design
//! for each kind of study, built from the policy levers of the lever catalogue around the current scenario.
//! Pure, tested natively.

use rollout_engine::experiment::{self, Design, Factor, Response};
use rollout_engine::Scenario;

use crate::format::ValueFormat;
use crate::levers::{self, Control, Lever};

/// Values per lever of a one-lever sweep.
pub const SWEEP_LEVELS: u32 = 11;
/// Values per lever of a two-lever surface (a 10 x 10 grid).
pub const SURFACE_LEVELS: u32 = 10;
/// Morris trajectories of a screening, and the levels of its grid.
pub const SCREENING_TRAJECTORIES: u32 = 10;
pub const SCREENING_LEVELS: u32 = 4;

/// How far a tornado moves each lever from where it is now, as a share of the lever's whole range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swing {
    /// Each lever down and up by a tenth of its range.
    Tenth,
    /// Down and up by a quarter of its range.
    Quarter,
    /// From the lowest to the highest value the lever allows.
    Whole,
}

impl Swing {
    pub const ALL: [Swing; 3] = [Swing::Tenth, Swing::Quarter, Swing::Whole];

    /// The words on the picker.
    pub fn label(self) -> &'static str {
        match self {
            Swing::Tenth => "10% of each lever's range either way",
            Swing::Quarter => "25% of each lever's range either way",
            Swing::Whole => "each lever's whole range",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Swing::Tenth => "tenth",
            Swing::Quarter => "quarter",
            Swing::Whole => "whole",
        }
    }

    pub fn from_id(id: &str) -> Option<Swing> {
        Swing::ALL.into_iter().find(|s| s.id() == id)
    }

    /// Low and high for a lever at `current` in `min..=max`.
    pub fn range(self, current: f64, min: f64, max: f64) -> (f64, f64) {
        let share = match self {
            Swing::Tenth => 0.1,
            Swing::Quarter => 0.25,
            Swing::Whole => return (min, max),
        };
        let by = share * (max - min);
        ((current - by).max(min), (current + by).min(max))
    }
}

/// What kind of study, with its settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StudyKind {
    /// Every numeric policy lever moved down and up from the current scenario, one at a time.
    Tornado { swing: Swing },
    /// One lever over its whole range.
    Sweep { lever: String },
    /// Two levers over their whole ranges, every combination.
    Surface { x: String, y: String },
    /// Morris elementary effects over every numeric policy lever's whole range.
    Screening,
}

impl StudyKind {
    /// How many versions of the scenario (design points) a study of this kind runs.
    pub fn points(&self) -> usize {
        let k = study_levers().count();
        match self {
            StudyKind::Tornado { .. } => 2 * k + 1,
            StudyKind::Sweep { .. } => SWEEP_LEVELS as usize,
            StudyKind::Surface { .. } => (SURFACE_LEVELS * SURFACE_LEVELS) as usize,
            // k levers and the dummy: k + 2 points per trajectory.
            StudyKind::Screening => SCREENING_TRAJECTORIES as usize * (k + 2),
        }
    }

    /// The kind's name in the page's words.
    pub fn title(&self) -> &'static str {
        match self {
            StudyKind::Tornado { .. } => "Which lever matters most",
            StudyKind::Sweep { .. } => "One lever over its range",
            StudyKind::Surface { .. } => "Two levers together",
            StudyKind::Screening => "Screening every lever",
        }
    }
}

/// One output a study can show: an engine response and how the page shows it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Output {
    pub id: &'static str,
    pub label: &'static str,
    /// What the number is, with its unit.
    pub unit: &'static str,
    /// The engine's response name (`rollout design --response`).
    pub response: &'static str,
    /// Shown times this (100 for shares shown as percentages or points).
    pub scale: f64,
    pub format: ValueFormat,
    /// Higher is better for the policymaker (reach, health, net benefit) or worse (cost, gap).
    pub higher_is_better: bool,
    /// After a change of this output ("pts": a change of a share is in percentage points).
    pub change_unit: &'static str,
    /// The unit in a chart's axis label.
    pub short_unit: &'static str,
}

/// Every output, in the picker's order.
pub const OUTPUTS: [Output; 5] = [
    Output {
        id: "reach",
        label: "People reached",
        unit: "% of eligible people who have ever used it, at the horizon",
        response: "ever_adopted_share",
        scale: 100.0,
        format: ValueFormat::Number { decimals: 1 },
        higher_is_better: true,
        change_unit: " pts",
        short_unit: "% of eligible",
    },
    Output {
        id: "gap",
        label: "Gap in reach",
        unit: "percentage points, last group minus first (least minus most deprived when ordered)",
        response: "ever_adopted_share_gap",
        scale: 100.0,
        format: ValueFormat::Number { decimals: 1 },
        higher_is_better: false,
        change_unit: " pts",
        short_unit: "percentage points",
    },
    Output {
        id: "health",
        label: "Health gained",
        unit: "QALYs per 1,000 people, discounted, against no programme",
        response: "qalys_gained",
        scale: 1.0,
        format: ValueFormat::Number { decimals: 2 },
        higher_is_better: true,
        change_unit: "",
        short_unit: "QALYs per 1,000",
    },
    Output {
        id: "cost",
        label: "Net cost",
        unit: "GBP per 1,000 people, discounted, all payers, less admissions avoided",
        response: "net_cost",
        scale: 1.0,
        format: ValueFormat::Currency,
        higher_is_better: false,
        change_unit: "",
        short_unit: "£ per 1,000",
    },
    Output {
        id: "benefit",
        label: "Net benefit at £20,000 per QALY",
        unit: "GBP per 1,000 people; above 0, worth its cost at NICE's threshold",
        response: "net_monetary_benefit_20000",
        scale: 1.0,
        format: ValueFormat::Currency,
        higher_is_better: true,
        change_unit: "",
        short_unit: "£ per 1,000",
    },
];

impl Output {
    pub fn by_id(id: &str) -> Option<&'static Output> {
        OUTPUTS.iter().find(|o| o.id == id)
    }

    /// A value in the engine's unit as shown ("41.3", "£12,345").
    pub fn show(&self, value: f64) -> String {
        self.format.format(value * self.scale)
    }
}

/// The outputs this scenario can give (the gap needs two or more groups), in order.
pub fn outputs_for(scenario: &Scenario) -> Vec<&'static Output> {
    OUTPUTS.iter().filter(|o| o.id != "gap" || scenario.groups.list.len() >= 2).collect()
}

/// The levers a study varies: the numeric policy levers, in the catalogue's order.
pub fn study_levers() -> impl Iterator<Item = &'static Lever> {
    levers::policy_levers().filter(|l| matches!(l.control, Control::Number { .. }))
}

/// The lever at `path`, if a study can vary it.
pub fn study_lever(path: &str) -> Option<&'static Lever> {
    study_levers().find(|l| l.path == path)
}

fn bounds(lever: &Lever) -> (f64, f64) {
    match lever.control {
        Control::Number { min, max, .. } => (min, max),
        _ => (0.0, 0.0),
    }
}

/// `value` written to the precision of the lever's step and read back (0.3 - 0.25 is 0.05, not
/// 0.04999999999999999), so a tornado's ends are values a person would type.
fn on_step(lever: &Lever, value: f64) -> f64 {
    let step = match lever.control {
        Control::Number { step, .. } => step,
        _ => return value,
    };
    let decimals = (0..6).find(|&d| (step * 10f64.powi(d) - (step * 10f64.powi(d)).round()).abs() < 1e-9).unwrap_or(6);
    format!("{value:.*}", decimals as usize).parse().unwrap_or(value)
}

fn whole_range(lever: &Lever) -> Result<Factor, String> {
    let (min, max) = bounds(lever);
    Factor::new(lever.path, min, max).map_err(|e| format!("{}: {e}", lever.label))
}

fn lever_named(path: &str) -> Result<&'static Lever, String> {
    study_lever(path).ok_or_else(|| format!("\"{path}\" is not a policy lever a study can vary"))
}

/// The engine design of a study of `kind` around `scenario`, recording every output of [`outputs_for`].
/// Errors name the lever in the page's words.
pub fn design_for(kind: &StudyKind, scenario: &Scenario) -> Result<Design, String> {
    let design = match kind {
        StudyKind::Tornado { swing } => {
            let factors = study_levers()
                .map(|lever| {
                    let (min, max) = bounds(lever);
                    let probe = Factor::new(lever.path, min, max).map_err(|e| e.to_string())?;
                    let current = probe
                        .value_in(scenario)
                        .ok_or_else(|| format!("{}: its value could not be read from the scenario", lever.label))?;
                    // A value set beyond the slider (a file or link may) is moved around from the slider's end.
                    let (low, high) = swing.range(current.clamp(min, max), min, max);
                    Factor::new(lever.path, on_step(lever, low), on_step(lever, high))
                        .map_err(|e| format!("{}: {e}", lever.label))
                })
                .collect::<Result<Vec<_>, _>>()?;
            experiment::one_at_a_time(factors)
        }
        StudyKind::Sweep { lever } => experiment::grid(vec![whole_range(lever_named(lever)?)?], SWEEP_LEVELS),
        StudyKind::Surface { x, y } => {
            if x == y {
                return Err("Pick two different levers for the two axes.".into());
            }
            experiment::grid(vec![whole_range(lever_named(x)?)?, whole_range(lever_named(y)?)?], SURFACE_LEVELS)
        }
        StudyKind::Screening => {
            let factors = study_levers().map(whole_range).collect::<Result<Vec<_>, _>>()?;
            experiment::morris(factors, SCREENING_TRAJECTORIES, SCREENING_LEVELS, scenario.seed)
        }
    }
    .map_err(|e| e.to_string())?;
    let responses = outputs_for(scenario)
        .iter()
        .map(|o| o.response.parse::<Response>().map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    let design = design.with_responses(responses);
    design.check(scenario).map_err(|e| e.to_string())?;
    Ok(design)
}

/// A lever's value as the page writes it: whole pounds for money, otherwise to two decimals, with thousands
/// separators and no trailing zeros ("£15,500", "0.25", "7.5").
pub fn lever_value(key: &str, value: f64) -> String {
    let Some(lever) = levers::LEVERS.iter().find(|l| l.path == key) else { return crate::format::format_x(value) };
    if lever.unit.starts_with("GBP") {
        return ValueFormat::Currency.format(value);
    }
    let text = ValueFormat::Number { decimals: 2 }.format(value);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A lever's label, or the dotted key for the dummy or anything not in the catalogue.
pub fn lever_label(key: &str) -> String {
    match key {
        experiment::DUMMY => "Nothing (noise floor)".into(),
        _ => levers::LEVERS.iter().find(|l| l.path == key).map_or_else(|| key.to_string(), |l| l.label.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rollout_engine::presets;

    fn default() -> Scenario {
        presets::preset(presets::DEFAULT).unwrap().scenario
    }

    #[test]
    fn a_tornado_moves_every_numeric_policy_lever_around_where_it_is() {
        let s = default();
        let design = design_for(&StudyKind::Tornado { swing: Swing::Quarter }, &s).unwrap();
        assert_eq!(design.factors.len(), study_levers().count());
        assert_eq!(design.points.len(), 2 * design.factors.len() + 1);
        for f in &design.factors {
            let lever = study_lever(&f.key).unwrap();
            let (min, max) = bounds(lever);
            let current = f.value_in(&s).unwrap();
            assert!(min <= f.low && f.low <= current && current <= f.high && f.high <= max, "{f:?} at {current}");
            assert!(f.high - f.low <= 0.5 * (max - min) + 1e-9, "{f:?}");
        }
        assert!(design.factors.iter().all(|f| f.key.starts_with("levers.")));
        // Ends are written as a person would type them, not with floating-point noise.
        for f in &design.factors {
            for v in [f.low, f.high] {
                assert!(format!("{v}").len() <= 8, "{}: {v}", f.key);
            }
        }
        // A budget set beyond the slider's end (files and links may) still gives a tornado.
        let mut rich = s.clone();
        rich.levers.funding.budget_per_1000_per_year = 60_000.0;
        let design = design_for(&StudyKind::Tornado { swing: Swing::Tenth }, &rich).unwrap();
        let budget = design.factors.iter().find(|f| f.key == "levers.funding.budget_per_1000_per_year").unwrap();
        assert_eq!((budget.low, budget.high), (45_000.0, 50_000.0));
    }

    #[test]
    fn sweeps_surfaces_and_screenings_use_whole_ranges_and_name_bad_levers() {
        let s = default();
        let sweep = design_for(&StudyKind::Sweep { lever: "levers.subsidy.level".into() }, &s).unwrap();
        assert_eq!((sweep.points.len(), sweep.factors[0].low, sweep.factors[0].high), (11, 0.0, 1.0));
        let surface =
            design_for(&StudyKind::Surface { x: "levers.subsidy.level".into(), y: "levers.support.level".into() }, &s)
                .unwrap();
        assert_eq!(surface.points.len(), 100);
        let e =
            design_for(&StudyKind::Surface { x: "levers.subsidy.level".into(), y: "levers.subsidy.level".into() }, &s)
                .unwrap_err();
        assert!(e.contains("two different levers"), "{e}");
        let e = design_for(&StudyKind::Sweep { lever: "seed".into() }, &s).unwrap_err();
        assert!(e.contains("\"seed\" is not a policy lever"), "{e}");
        let screening = design_for(&StudyKind::Screening, &s).unwrap();
        for (kind, design) in [
            (StudyKind::Sweep { lever: "levers.subsidy.level".into() }, &sweep),
            (StudyKind::Surface { x: "levers.subsidy.level".into(), y: "levers.support.level".into() }, &surface),
            (StudyKind::Screening, &screening),
        ] {
            assert_eq!(kind.points(), design.points.len(), "{kind:?}");
        }
        let tornado = design_for(&StudyKind::Tornado { swing: Swing::Tenth }, &s).unwrap();
        assert_eq!(StudyKind::Tornado { swing: Swing::Tenth }.points(), tornado.points.len());
        assert_eq!(screening.factors.len(), study_levers().count() + 1, "and the dummy");
        assert_eq!(screening.seed, s.seed);
    }

    #[test]
    fn one_group_has_no_gap_to_show() {
        let s = presets::preset("bass").unwrap().scenario;
        assert!(outputs_for(&s).iter().all(|o| o.id != "gap"));
        assert_eq!(outputs_for(&default()).len(), OUTPUTS.len());
        assert_eq!(Swing::Quarter.range(0.5, 0.0, 1.0), (0.25, 0.75));
        assert_eq!(Swing::Tenth.range(0.0, 0.0, 10.0), (0.0, 1.0), "clipped at the lowest value");
        assert_eq!(Swing::Whole.range(0.1, 0.0, 1.0), (0.0, 1.0));
        assert_eq!(lever_value("levers.funding.budget_per_1000_per_year", 15_500.0), "£15,500");
        assert_eq!(lever_value("levers.subsidy.level", 0.25), "0.25");
        assert_eq!(lever_value("levers.subsidy.level", 0.3), "0.3");
        assert_eq!(lever_value("levers.funding.years", 7.5), "7.5");
        assert_eq!(lever_value("levers.review_capacity", 1.25), "1.25");
    }
}
