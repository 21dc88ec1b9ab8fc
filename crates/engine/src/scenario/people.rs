//! Diffusion, organisation and technology settings.

use serde::{Deserialize, Serialize};

/// How people come to decide: the Bass model's two channels.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diffusion {
    /// External influence (Bass p), per year: offers from an organisation that runs the programme, 0 to 5.
    pub innovation: f64,
    /// Word of mouth (Bass q), per year, at full use among a person's contacts, 0 to 10.
    pub imitation: f64,
    /// Awareness campaigns, per year: reach people whether or not their organisation offers it, 0 to 5.
    pub campaign: f64,
    /// Rate at which people who declined or abandoned are exposed again, relative to others, 0 to 1.
    pub readoption: f64,
    /// Peer endorsement, 0 to 1: the share of a person's reluctance to accept an offer that full use among
    /// their contacts overcomes. Word of mouth persuades as well as informs (interpersonal channels matter
    /// most at the persuasion stage, Rogers 2003; threshold models, Granovetter 1978, Valente 1996):
    /// acceptance = a + (1 - a) x endorsement x word of mouth, where a is the acceptance without it. 0 (the
    /// default, and what files written before this field mean) leaves acceptance at a.
    #[serde(default)]
    pub endorsement: f64,
}

/// The organisations that may run the programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisations {
    /// Number of organisations, 1 to 10,000.
    pub count: u32,
    /// Share of organisations already offering at month 0 (pilot sites), 0 to 1.
    pub initial_offering: f64,
    /// Rate at which an organisation takes the programme up on its own while it is funded, per year, 0 to 5.
    pub innovation: f64,
    /// Rate at which organisations follow peers, per year, when all peers offer it, 0 to 10.
    pub imitation: f64,
    /// Rate of taking it up (on its own and following peers) without funding, relative to funded, 0 to 1.
    pub unfunded_adoption: f64,
    /// Share of people registered with an organisation in their own group's area, 0 to 1.
    pub local_share: f64,
    /// Clinical review capacity: clinician hours a month each organisation gives to reviewing the data,
    /// 0 to 10,000. With `technology.review_minutes` and `list_size` it sets the share of a real
    /// organisation's eligible list whose data can be reviewed, whatever the number of agents.
    pub review_hours: f64,
    /// Eligible people registered with one real organisation, 1 to 1,000,000 (heart failure: about 100 in
    /// an English general practice of about 10,000 patients with 1% prevalence, QOF 2022-23). A simulated
    /// organisation stands for a real one of this size.
    pub list_size: f64,
    /// Hazard of discontinuing while funded, per year, 0 to 5.
    pub discontinuation_funded: f64,
    /// Hazard of discontinuing once funding has ended, per year, 0 to 5.
    pub discontinuation_unfunded: f64,
    /// How much an organisation's own net cost weighs on its decisions, per 1,000 GBP of net cost per user-year,
    /// 0 to 10: taking it up is slower by exp(-weight x net cost / 1,000) and discontinuing faster by
    /// exp(weight x net cost / 1,000) (slower when the benefit it sees exceeds its cost). The net cost is the
    /// service cost users do not pay plus clinical review, less what it counts for the events it sees
    /// avoided. 0 (the default, and what files written before this field mean): cost does not weigh.
    #[serde(default)]
    pub cost_weight: f64,
    /// What an organisation counts as its own gain for each adverse event (admission) avoided among its
    /// users, GBP, 0 to 100,000 (a practice keeps little of a hospital's saving: 0 by default).
    #[serde(default)]
    pub value_per_event: f64,
}

/// The technology and its costs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Technology {
    /// Device and service cost per active user, GBP per month, 0 to 10,000.
    pub device_cost: f64,
    /// Share of the device cost that falls on the user unless subsidised, 0 to 1.
    pub personal_share: f64,
    /// Baseline abandonment hazard (usability, device failure, losing interest), per year, 0 to 10.
    pub abandonment: f64,
    /// Extra abandonment hazard when a user's data goes unreviewed (no visible benefit), per year, 0 to 10.
    pub unreviewed_abandonment: f64,
    /// Extra abandonment hazard for users without digital skills or support, per year, 0 to 10.
    pub unsupported_abandonment: f64,
    /// Extra abandonment hazard for users whose cost or connectivity is no longer covered, per year, 0 to 10.
    pub cost_abandonment: f64,
    /// Relative reduction in adverse events (admissions) for active users whose data is reviewed, 0 to 1
    /// (heart-failure telemonitoring: 1 - RR 0.71 = 0.29, Inglis et al., Cochrane 2015;CD007228).
    pub effect: f64,
    /// Relative reduction in the death hazard for active users whose data is reviewed, 0 to 1
    /// (heart-failure telemonitoring: 1 - RR 0.80 = 0.20, Inglis et al., Cochrane 2015;CD007228).
    pub mortality_effect: f64,
    /// Clinical time to review one user's data, GBP per user per month, 0 to 10,000.
    pub review_cost: f64,
    /// Clinician minutes to review one active user's data each month, 0 to 600; 0 for technology whose
    /// data needs no clinical review (review capacity never binds).
    pub review_minutes: f64,
    /// Training, helpdesk and digital navigator support, GBP per supported user per month, 0 to 10,000.
    pub support_cost: f64,
    /// Connectivity (data plan, hub), GBP per connected user per month, 0 to 10,000.
    pub connectivity_cost: f64,
    /// The technology needs home internet (true: people without it need the connectivity lever to take it
    /// up and to keep it). False for telecare that brings its own line (pendant alarms, sensors on a
    /// telecare hub): nobody is held back by access and nobody is given connectivity.
    #[serde(default = "yes")]
    pub needs_home_internet: bool,
    /// The technology needs digital skills (true: people without them take it up only with support, or
    /// with the NASSS technology domain's unsupported acceptance, and give it up faster). False for devices
    /// that need no digital skill (a pendant alarm, passive sensors).
    #[serde(default = "yes")]
    pub needs_digital_skills: bool,
    /// The user takes readings or acts on the data (true). False for passive devices (sensors, alarms that
    /// raise a call only when something happens): the user expects no feedback from review, so unreviewed
    /// data adds no abandonment hazard.
    #[serde(default = "yes")]
    pub active_use: bool,
}

fn yes() -> bool {
    true
}

/// The open cohort: who enters when someone dies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    /// Share of incident cases who enter after a hospital discharge, 0 to 1. A discharge is a natural moment
    /// to be offered monitoring: where their organisation offers it, they are offered it in their first
    /// month. The rest enter unaware, like everyone at month 0.
    pub discharge_share: f64,
}

impl Cohort {
    /// No discharge route (with every group's `mortality` at 0, a closed cohort).
    pub fn closed() -> Self {
        Cohort { discharge_share: 0.0 }
    }
}
