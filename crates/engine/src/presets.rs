//! Ready-made scenarios, each with a short story for a workshop. The sources of the defaults are listed
//! in docs/model.md.

use crate::nasss::{Complexity, Nasss};
use crate::scenario::{
    Cohort, Diffusion, Economics, Funding, Group, Groups, Levers, Organisations, Scenario, Shock, Targeting,
    Technology, SCENARIO_VERSION,
};

/// A named scenario with its story.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// Short name used on the command line and in links (`heart-monitoring`).
    pub name: &'static str,
    /// One line for `rollout presets`.
    pub summary: &'static str,
    /// The scenario (its `narrative` field holds the workshop story).
    pub scenario: Scenario,
}

/// Names of all presets, the default first.
pub const NAMES: [&str; 7] = [
    "heart-monitoring",
    "pilot-ends",
    "targeted-support",
    "capacity-bottleneck",
    "pandemic-surge",
    "assistive-tech-social-care",
    "bass",
];

/// The default preset's name.
pub const DEFAULT: &str = "heart-monitoring";

/// All presets, the default first.
pub fn all() -> Vec<Preset> {
    NAMES.iter().map(|n| preset(n).expect("every listed preset exists")).collect()
}

/// The preset called `name`.
///
/// ```
/// let p = rollout_engine::presets::preset("pilot-ends").unwrap();
/// assert!(!p.scenario.levers.funding.recurrent);
/// assert!(rollout_engine::presets::preset("nope").is_none());
/// ```
pub fn preset(name: &str) -> Option<Preset> {
    let (summary, scenario) = match name {
        "heart-monitoring" => (
            "Remote heart monitoring across five deprivation quintiles, recurrent funding (the default)",
            heart_monitoring(),
        ),
        "pilot-ends" => ("Heart monitoring whose pilot funding stops after two years", pilot_ends()),
        "targeted-support" => (
            "The same budget, with support, subsidy and connectivity aimed at the two most deprived quintiles",
            targeted_support(),
        ),
        "capacity-bottleneck" => {
            ("Uptake outruns clinicians' capacity to review the data; unreviewed users give up", capacity_bottleneck())
        }
        "pandemic-surge" => {
            ("A pandemic window raises referral and acceptance for 18 months, then closes", pandemic_surge())
        }
        "assistive-tech-social-care" => (
            "Assistive technology and sensors in social care across three age bands, with means-tested charges",
            assistive_tech(),
        ),
        "bass" => ("One fully mixed group with no frictions: the Bass diffusion model (p = 0.03, q = 0.38)", bass()),
        _ => return None,
    };
    let name = NAMES.iter().find(|n| **n == name)?;
    Some(Preset { name, summary, scenario })
}

/// Deaths per person-year of a prevalent heart-failure cohort: 0.132 is about 26% alive after ten years
/// (Taylor et al., BMJ 2019;364:l223: 81% at 1 year, 48% at 5, 26% at 10), with a deprivation gradient
/// (survival is lower in more deprived areas; the size of the gradient, 1.15 to 0.88 times the middle
/// quintile, is our assumption).
const HF_MORTALITY: [f64; 5] = [0.152, 0.141, 0.132, 0.125, 0.116];

/// Share of incident heart-failure cases who enter after a hospital discharge: most diagnoses in England
/// are made in hospital (Bottle et al., Heart 2018;104:600-605, about 80%); we take half as discharged and
/// reachable for an offer (an assumption).
const HF_DISCHARGE_SHARE: f64 = 0.5;

/// Relative reduction in heart-failure admissions with reviewed telemonitoring: 1 - RR 0.71 (Inglis et al.,
/// Cochrane 2015;CD007228).
const HF_ADMISSION_EFFECT: f64 = 0.29;

/// Relative reduction in all-cause mortality with reviewed telemonitoring: 1 - RR 0.80 (Inglis et al.,
/// Cochrane 2015;CD007228).
const HF_MORTALITY_EFFECT: f64 = 0.20;

/// Peer endorsement in the thematic presets: acceptance = a + (1 - a) x W, the uniform-threshold case of
/// Granovetter's (1978) threshold model (a person whose contacts all use it accepts). An assumption on the
/// size; the form is from threshold models of diffusion (Valente 1996).
const PEER_ENDORSEMENT: f64 = 1.0;

/// Baseline abandonment of telecare, per year, fitted so that the *output* matches Federici et al. 2016
/// (17.9% not in use within 7 months, a hazard of 0.34 a year): 0.25 x the complicated technology and
/// embedding multipliers (1.375) = 0.34. Phillips & Zhao 1993 (29.3% abandoned) is the check at 12 months.
const AT_ABANDONMENT: f64 = 0.25;

/// How much organisations weigh their own net cost, per 1,000 GBP per user-year (an assumption): at the
/// default's 612 GBP a practice takes it up at exp(-0.5 x 0.612) = 0.74 of the rate and discontinues 1.36
/// times as readily as one that pays nothing.
const ORGANISATION_COST_WEIGHT: f64 = 0.5;

#[allow(clippy::too_many_arguments)]
fn group(name: &str, share: f64, need: f64, access: f64, skills: f64, trust: f64, pay: f64, readiness: f64) -> Group {
    Group {
        name: name.to_string(),
        share,
        need,
        access,
        skills,
        trust,
        ability_to_pay: pay,
        within_group_contact: 0.7,
        organisation_readiness: readiness,
        mortality: 0.0,
    }
}

/// A group with its death hazard, deaths per person-year.
fn dying(mut group: Group, mortality: f64) -> Group {
    group.mortality = mortality;
    group
}

/// Remote monitoring of people with heart failure, by deprivation quintile (Q1 most deprived).
fn heart_monitoring() -> Scenario {
    Scenario {
        version: SCENARIO_VERSION,
        name: "Remote heart monitoring".into(),
        narrative: "A region offers remote heart monitoring to people living with heart failure. General practices \
            take it up one by one, helped by funding and by seeing their neighbours run it. Patients in the most \
            deprived areas have the greatest need but less internet access, fewer digital skills and practices with \
            less spare capacity. Watch who is offered it, who takes it up and who gives up, quintile by quintile."
            .into(),
        seed: 20_261_124,
        agents: 10_000,
        months: 120,
        replicates: 20,
        diffusion: Diffusion {
            innovation: 0.5,
            imitation: 0.3,
            campaign: 0.05,
            readoption: 0.3,
            endorsement: PEER_ENDORSEMENT,
        },
        groups: Groups {
            ordered: true,
            // Access and skills fitted on outcomes with `rollout calibrate data/targets/heart-monitoring.json`
            // (multipliers 1.036 and 1.226 of the earlier ONS-anchored assumptions, trust as derived from
            // Foster et al.), so that 82.9% decline a first offer and 54.7% of decliners lack access or
            // skills (docs/model.md, section 10.1a).
            list: vec![
                dying(group("Q1 most deprived", 0.24, 0.40, 0.57, 0.55, 0.26, 0.45, 0.6), HF_MORTALITY[0]),
                dying(group("Q2", 0.22, 0.36, 0.64, 0.64, 0.29, 0.55, 0.7), HF_MORTALITY[1]),
                dying(group("Q3", 0.20, 0.32, 0.70, 0.71, 0.31, 0.65, 0.8), HF_MORTALITY[2]),
                dying(group("Q4", 0.18, 0.29, 0.77, 0.78, 0.33, 0.75, 0.9), HF_MORTALITY[3]),
                dying(group("Q5 least deprived", 0.16, 0.26, 0.83, 0.86, 0.36, 0.85, 1.0), HF_MORTALITY[4]),
            ],
        },
        organisations: Organisations {
            count: 60,
            initial_offering: 0.1,
            innovation: 0.25,
            imitation: 1.0,
            unfunded_adoption: 0.25,
            local_share: 0.85,
            // 4 clinician hours a month at 15 minutes a user: 16 users, 16% of a 100-person list (13.6%
            // after the complicated organisation domain), so capacity binds once good policy lifts use.
            review_hours: 4.0,
            list_size: 100.0,
            discontinuation_funded: 0.03,
            discontinuation_unfunded: 0.35,
            cost_weight: ORGANISATION_COST_WEIGHT,
            value_per_event: 0.0,
        },
        technology: Technology {
            device_cost: 40.0,
            personal_share: 0.1,
            abandonment: 0.34,
            unreviewed_abandonment: 0.8,
            unsupported_abandonment: 0.6,
            cost_abandonment: 1.5,
            effect: HF_ADMISSION_EFFECT,
            mortality_effect: HF_MORTALITY_EFFECT,
            review_cost: 15.0,
            // Reading and acting on a month of readings (an assumption).
            review_minutes: 15.0,
            support_cost: 12.0,
            connectivity_cost: 10.0,
            needs_home_internet: true,
            needs_digital_skills: true,
            active_use: true,
        },
        cohort: Cohort { discharge_share: HF_DISCHARGE_SHARE },
        nasss: Nasss {
            condition: Complexity::Complicated,
            technology: Complexity::Complicated,
            value_proposition: Complexity::Complicated,
            adopters: Complexity::Complicated,
            organisation: Complexity::Complicated,
            wider_system: Complexity::Complicated,
            embedding: Complexity::Simple,
        },
        levers: Levers {
            funding: Funding { budget_per_1000_per_year: 3_000.0, years: 10.0, recurrent: true },
            subsidy: Targeting::universal(0.5),
            support: Targeting::universal(0.5),
            connectivity: Targeting::universal(0.3),
            review_capacity: 0.0,
            streamlined_procurement: 0.0,
            ecosystem_collaboration: 0.3,
            shock: Shock::none(),
        },
        economics: Economics::default(),
    }
}

fn pilot_ends() -> Scenario {
    let mut s = heart_monitoring();
    s.name = "Pilot funding ends".into();
    s.narrative = "The same heart-monitoring programme, but the money is a two-year pilot with no recurrent budget. \
        When it stops, subsidies, support and connectivity stop too; practices weigh the cost against their core \
        budget and many discontinue. Watch abandonment and discontinuation rise after month 24, and which quintiles \
        lose the most."
        .into();
    s.levers.funding = Funding { budget_per_1000_per_year: 3_000.0, years: 2.0, recurrent: false };
    s
}

fn targeted_support() -> Scenario {
    let mut s = heart_monitoring();
    s.name = "Targeted support".into();
    s.narrative = "The same budget as the default, but subsidy, digital support and connectivity are aimed at the two \
        most deprived quintiles instead of spread across everyone. Compare the gap in uptake between Q1 and Q5 with \
        the default: proportionate universalism in practice."
        .into();
    let deprived = ["Q1 most deprived", "Q2"];
    s.levers.subsidy = Targeting::aimed(0.9, &deprived);
    s.levers.support = Targeting::aimed(0.9, &deprived);
    s.levers.connectivity = Targeting::aimed(0.7, &deprived);
    s
}

fn capacity_bottleneck() -> Scenario {
    let mut s = heart_monitoring();
    s.name = "Capacity bottleneck".into();
    s.narrative = "A strong campaign and eager practices bring many patients on board, but each practice can review \
        the data of only a few of them. Unreviewed readings bring no visible benefit and users drift away. Try the \
        review-capacity lever to see what investing in clinical time buys."
        .into();
    s.diffusion.campaign = 0.3;
    s.diffusion.innovation = 0.5;
    s.organisations.review_hours = 0.75;
    s.nasss.organisation = Complexity::Complex;
    s
}

fn pandemic_surge() -> Scenario {
    let mut s = heart_monitoring();
    s.name = "Pandemic surge".into();
    s.narrative = "A pandemic opens a window: from month 12, for 18 months, clinicians refer three times as often and \
        patients accept far more readily, while a three-year pilot budget runs. Then the window closes and the money \
        ends. Does the surge last?"
        .into();
    s.levers.funding = Funding { budget_per_1000_per_year: 3_000.0, years: 3.0, recurrent: false };
    // Fast-tracked procurement and governance during the window (an assumption on its size).
    s.levers.shock = Shock { start_month: 12, months: 18, referral: 3.0, acceptance: 1.6, procurement: 0.75 };
    s
}

fn assistive_tech() -> Scenario {
    Scenario {
        version: SCENARIO_VERSION,
        name: "Assistive technology in social care".into(),
        narrative:
            "Councils offer telecare (pendant alarms, fall and door sensors on a hub with its own line) to older people \
            living at home. It needs neither home internet nor digital skills; charges are means-tested, so the \
            three-year transformation fund pays them only for people who cannot pay. Devices are abandoned when they \
            do not fit daily life, and the oldest die soonest. Who is left behind when the fund ends?"
                .into(),
        seed: 20_261_125,
        agents: 10_000,
        months: 120,
        replicates: 20,
        diffusion: Diffusion { innovation: 0.6, imitation: 0.25, campaign: 0.05, readoption: 0.3, endorsement: PEER_ENDORSEMENT },
        groups: Groups {
            ordered: true,
            list: vec![
                dying(group("85+", 0.25, 0.9, 0.30, 0.25, 0.45, 0.4, 0.8), 0.16),
                dying(group("75-84", 0.40, 0.6, 0.44, 0.40, 0.40, 0.5, 0.9), 0.06),
                dying(group("65-74", 0.35, 0.35, 0.80, 0.70, 0.35, 0.6, 1.0), 0.02),
            ],
        },
        organisations: Organisations {
            count: 12,
            initial_offering: 0.25,
            innovation: 0.3,
            imitation: 0.5,
            unfunded_adoption: 0.3,
            local_share: 0.5,
            // Telecare alarms raise calls to a monitoring centre rather than data for a clinician to read.
            review_hours: 40.0,
            list_size: 1_000.0,
            discontinuation_funded: 0.03,
            discontinuation_unfunded: 0.1,
            cost_weight: ORGANISATION_COST_WEIGHT,
            value_per_event: 0.0,
        },
        technology: Technology {
            device_cost: 25.0,
            personal_share: 0.5,
            abandonment: AT_ABANDONMENT,
            unreviewed_abandonment: 0.5,
            unsupported_abandonment: 0.6,
            cost_abandonment: 1.2,
            effect: 0.15,
            // Telecare has no shown effect on mortality (Steventon et al., Age Ageing 2013;42:501-508).
            mortality_effect: 0.0,
            review_cost: 8.0,
            review_minutes: 10.0,
            support_cost: 10.0,
            connectivity_cost: 8.0,
            needs_home_internet: false,
            needs_digital_skills: false,
            active_use: false,
        },
        // Many telecare referrals follow a hospital discharge (an assumption).
        cohort: Cohort { discharge_share: 0.3 },
        nasss: Nasss {
            condition: Complexity::Complex,
            technology: Complexity::Complicated,
            value_proposition: Complexity::Complicated,
            adopters: Complexity::Complex,
            organisation: Complexity::Complicated,
            wider_system: Complexity::Complex,
            embedding: Complexity::Complicated,
        },
        levers: Levers {
            funding: Funding { budget_per_1000_per_year: 3_000.0, years: 3.0, recurrent: false },
            subsidy: Targeting { means_tested: true, ..Targeting::universal(0.8) },
            support: Targeting::off(),
            connectivity: Targeting::off(),
            review_capacity: 0.0,
            streamlined_procurement: 0.0,
            ecosystem_collaboration: 0.3,
            shock: Shock::none(),
        },
        // Older people with care needs live at lower quality of life than the heart-failure default (an assumption).
        economics: Economics { utility: 0.55, ..Economics::default() },
    }
}

/// The Bass limit: one homogeneous, fully mixed group; every organisation offers it from the start; no
/// abandonment, costs, capacity limits or other frictions.
fn bass() -> Scenario {
    Scenario {
        version: SCENARIO_VERSION,
        name: "Bass diffusion".into(),
        narrative: "The textbook curve. One group of identical people, all offered it from the start, nothing standing \
            in the way: a few take it up on their own (innovation, p = 0.03 a year), then word of mouth (imitation, \
            q = 0.38 a year) carries it along an S-curve that peaks around year six and reaches four in five people by year ten. Every real barrier \
            in the other presets bends this curve."
            .into(),
        seed: 1,
        agents: 100_000,
        months: 120,
        replicates: 5,
        diffusion: Diffusion { innovation: 0.03, imitation: 0.38, campaign: 0.0, readoption: 0.0, endorsement: 0.0 },
        groups: Groups {
            ordered: false,
            list: vec![Group {
                name: "everyone".into(),
                share: 1.0,
                need: 0.0,
                access: 1.0,
                skills: 1.0,
                trust: 1.0,
                ability_to_pay: 1.0,
                within_group_contact: 1.0,
                organisation_readiness: 1.0,
                mortality: 0.0,
            }],
        },
        organisations: Organisations {
            count: 1,
            initial_offering: 1.0,
            innovation: 0.0,
            imitation: 0.0,
            unfunded_adoption: 0.0,
            local_share: 1.0,
            review_hours: 0.0,
            list_size: 1.0,
            discontinuation_funded: 0.0,
            discontinuation_unfunded: 0.0,
            cost_weight: 0.0,
            value_per_event: 0.0,
        },
        technology: Technology {
            device_cost: 0.0,
            personal_share: 0.0,
            abandonment: 0.0,
            unreviewed_abandonment: 0.0,
            unsupported_abandonment: 0.0,
            cost_abandonment: 0.0,
            effect: 0.0,
            mortality_effect: 0.0,
            review_cost: 0.0,
            review_minutes: 0.0,
            support_cost: 0.0,
            connectivity_cost: 0.0,
            needs_home_internet: true,
            needs_digital_skills: true,
            active_use: true,
        },
        // The Bass limit: a closed cohort (nobody dies, nobody enters).
        cohort: Cohort::closed(),
        nasss: Nasss::all_simple(),
        levers: Levers {
            funding: Funding { budget_per_1000_per_year: 0.0, years: 0.0, recurrent: false },
            subsidy: Targeting::off(),
            support: Targeting::off(),
            connectivity: Targeting::off(),
            review_capacity: 0.0,
            streamlined_procurement: 0.0,
            ecosystem_collaboration: 0.0,
            shock: Shock::none(),
        },
        economics: Economics::default(),
    }
}
