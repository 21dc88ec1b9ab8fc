//! The lever catalogue: every scenario setting the page lets people move, grouped by NASSS domain, with
//! its label, unit, range, explanation and the source of its default. One table, read by the levers panel
//! and by tests; the engine's validation stays the judge of what is allowed.

/// The NASSS domains, in the framework's order, plus the run settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Domain {
    Condition,
    Technology,
    ValueProposition,
    Adopters,
    Organisation,
    WiderSystem,
    OverTime,
    Run,
}

impl Domain {
    /// Every domain, in display order.
    pub const ALL: [Domain; 8] = [
        Domain::Condition,
        Domain::Technology,
        Domain::ValueProposition,
        Domain::Adopters,
        Domain::Organisation,
        Domain::WiderSystem,
        Domain::OverTime,
        Domain::Run,
    ];

    /// Heading shown on the page.
    pub fn title(self) -> &'static str {
        match self {
            Domain::Condition => "1. Condition",
            Domain::Technology => "2. Technology",
            Domain::ValueProposition => "3. Value proposition",
            Domain::Adopters => "4. Adopters",
            Domain::Organisation => "5. Organisations",
            Domain::WiderSystem => "6. Wider system",
            Domain::OverTime => "7. Over time",
            Domain::Run => "Run settings",
        }
    }
}

/// How a lever is edited.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Control {
    /// A number between `min` and `max` in steps of `step`.
    Number { min: f64, max: f64, step: f64 },
    /// On or off.
    Toggle,
    /// Simple, complicated or complex.
    Complexity,
    /// Which groups a targeted lever is aimed at (the path is the lever's; its `groups` list is edited).
    Targets,
}

/// One lever.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lever {
    /// Dotted path in the scenario, as `rollout run --set` takes it.
    pub path: &'static str,
    pub domain: Domain,
    pub label: &'static str,
    /// Unit shown after the value ("per year", "GBP per month", "share 0-1").
    pub unit: &'static str,
    pub control: Control,
    /// What it does, in the user's words, and where its default comes from.
    pub help: &'static str,
}

const fn number(min: f64, max: f64, step: f64) -> Control {
    Control::Number { min, max, step }
}

/// Every lever, in display order within each domain.
pub const LEVERS: &[Lever] = &[
    Lever { path: "nasss.condition", domain: Domain::Condition, label: "Condition complexity", unit: "", control: Control::Complexity,
        help: "How clear-cut the condition is. Comorbid, deprivation-linked conditions dilute what monitoring prevents (benefit x1 / x0.85 / x0.7) and make acceptance less likely. NASSS domain 1 (Greenhalgh et al. 2017); multipliers are this model's assumptions." },
    Lever { path: "technology.effect", domain: Domain::Condition, label: "Effect of reviewed monitoring", unit: "share of events avoided", control: number(0.0, 1.0, 0.01),
        help: "Relative reduction in adverse events (e.g. emergency admissions) for active users whose data is reviewed. Default 0.2 is an assumption informed by remote-monitoring trials; not from the calibration set." },
    Lever { path: "nasss.technology", domain: Domain::Technology, label: "Technology complexity", unit: "", control: Control::Complexity,
        help: "Reliability, usability and skills needed. Raises abandonment (x1 / x1.25 / x1.6) and lowers the chance that people without digital skills manage unaided (1 / 0.35 / 0.1). NASSS domain 2." },
    Lever { path: "technology.abandonment", domain: Domain::Technology, label: "Baseline abandonment", unit: "per year", control: number(0.0, 3.0, 0.01),
        help: "Hazard of stopping for usability, device failure or lost interest. Default 0.34 a year: 17.9% of assistive devices unused within 7 months (Federici et al. 2016). Wearables are higher: a third stop within 6 months (Endeavour Partners 2013), 16% still tracking at 320 days (Hermsen et al. 2017)." },
    Lever { path: "technology.device_cost", domain: Domain::Technology, label: "Device and service cost", unit: "GBP per user per month", control: number(0.0, 500.0, 1.0),
        help: "Cost of the device and monitoring service per active user. Default GBP 40 a month is an assumption." },
    Lever { path: "nasss.value_proposition", domain: Domain::ValueProposition, label: "Value proposition complexity", unit: "", control: Control::Complexity,
        help: "How clear the value is to payers and the supplier. Slows organisations' take-up and sets when the supplier withdraws for low uptake (never / coverage under 2% for 24 months / under 4% for 18 months). NASSS domain 3." },
    Lever { path: "technology.personal_share", domain: Domain::ValueProposition, label: "Personal share of cost", unit: "share 0-1", control: number(0.0, 1.0, 0.05),
        help: "Share of the device cost that falls on the user unless subsidised: 0 for a free NHS service, 1 for a consumer wearable, about 0.5 for means-tested social care charges." },
    Lever { path: "levers.subsidy.level", domain: Domain::ValueProposition, label: "Device subsidy", unit: "share of personal cost paid", control: number(0.0, 1.0, 0.05),
        help: "Share of the personal cost the programme pays while funded. People who cannot pay take it up only when subsidised." },
    Lever { path: "levers.subsidy", domain: Domain::ValueProposition, label: "Subsidy aimed at", unit: "", control: Control::Targets,
        help: "Leave all unticked for a universal subsidy, or tick the groups it is aimed at." },
    Lever { path: "nasss.adopters", domain: Domain::Adopters, label: "Adopter system complexity", unit: "", control: Control::Complexity,
        help: "Patients, carers and clinicians who must all buy in. Lowers acceptance (x1 / x0.9 / x0.75) and word of mouth. NASSS domain 4." },
    Lever { path: "diffusion.innovation", domain: Domain::Adopters, label: "Offers and referrals", unit: "per year", control: number(0.0, 3.0, 0.01),
        help: "Rate at which an organisation running the programme offers it to each eligible person (Bass's external influence p; the average across products is 0.03, Sultan, Farley & Lehmann 1990). Invitations make it far higher here." },
    Lever { path: "diffusion.imitation", domain: Domain::Adopters, label: "Word of mouth", unit: "per year", control: number(0.0, 3.0, 0.01),
        help: "Rate at which people hear of it from contacts who use it, at full use among contacts (Bass's q; average 0.38, Sultan, Farley & Lehmann 1990)." },
    Lever { path: "diffusion.campaign", domain: Domain::Adopters, label: "Awareness campaigns", unit: "per year", control: number(0.0, 3.0, 0.01),
        help: "Rate at which campaigns reach people, whether or not their organisation offers it." },
    Lever { path: "levers.support.level", domain: Domain::Adopters, label: "Digital support", unit: "share of those who need it", control: number(0.0, 1.0, 0.05),
        help: "Training, helpdesk and digital navigators for people without digital skills, while funded. 54.7% of people declining a telehealth trial lacked internet access or skills (Foster et al. 2015)." },
    Lever { path: "levers.support", domain: Domain::Adopters, label: "Support aimed at", unit: "", control: Control::Targets,
        help: "Leave all unticked for universal support, or tick the groups it is aimed at." },
    Lever { path: "levers.connectivity.level", domain: Domain::Adopters, label: "Connectivity", unit: "share of those without access", control: number(0.0, 1.0, 0.05),
        help: "Data plans or hubs for people without internet access, while funded. 5% of UK adults have no home internet; people aged 85+ are about 8 times as likely to be offline (Ofcom 2025)." },
    Lever { path: "levers.connectivity", domain: Domain::Adopters, label: "Connectivity aimed at", unit: "", control: Control::Targets,
        help: "Leave all unticked for universal connectivity, or tick the groups it is aimed at." },
    Lever { path: "nasss.organisation", domain: Domain::Organisation, label: "Organisation complexity", unit: "", control: Control::Complexity,
        help: "Capacity, readiness and the work of embedding it. Sets the procurement and governance delay (3 / 9 / 18 months) and cuts review capacity (x1 / x0.85 / x0.65). NASSS domain 5." },
    Lever { path: "organisations.count", domain: Domain::Organisation, label: "Organisations", unit: "practices or sites", control: number(1.0, 500.0, 1.0),
        help: "Number of organisations (general practices, provider sites, councils) that may offer it." },
    Lever { path: "organisations.initial_offering", domain: Domain::Organisation, label: "Pilot sites at start", unit: "share of organisations", control: number(0.0, 1.0, 0.01),
        help: "Share of organisations offering it from month 0; pilots go to the most ready." },
    Lever { path: "organisations.review_hours", domain: Domain::Organisation, label: "Clinical review capacity", unit: "clinician hours per organisation per month", control: number(0.0, 200.0, 0.5),
        help: "Clinician hours each organisation gives to reviewing the data each month; each active user needs technology.review_minutes. Above it, data goes unreviewed, benefit falls and abandonment rises." },
    Lever { path: "levers.review_capacity", domain: Domain::Organisation, label: "Invest in review capacity", unit: "extra, x baseline", control: number(0.0, 5.0, 0.1),
        help: "Extra clinical review capacity paid by the budget while funded, as a multiple of the baseline." },
    Lever { path: "technology.unreviewed_abandonment", domain: Domain::Organisation, label: "Abandonment when unreviewed", unit: "per year", control: number(0.0, 5.0, 0.05),
        help: "Extra hazard of stopping for users whose data nobody reviews: no visible benefit." },
    Lever { path: "levers.streamlined_procurement", domain: Domain::Organisation, label: "Streamlined procurement", unit: "share of delay removed", control: number(0.0, 1.0, 0.05),
        help: "Share of the procurement and governance delay removed by shared frameworks and templates." },
    Lever { path: "nasss.wider_system", domain: Domain::WiderSystem, label: "Wider system complexity", unit: "", control: Control::Complexity,
        help: "Funding routes, regulation and policy. Slows take-up (x1 / x0.8 / x0.55) and speeds discontinuation once funding ends. NASSS domain 6." },
    Lever { path: "levers.funding.budget_per_1000_per_year", domain: Domain::WiderSystem, label: "Budget", unit: "GBP per year per 1,000 eligible", control: number(0.0, 50_000.0, 100.0),
        help: "Pays for subsidy, support, connectivity and extra review capacity; new grants are rationed as spending nears it. Per 1,000 eligible people so results do not depend on the number of agents." },
    Lever { path: "levers.funding.years", domain: Domain::WiderSystem, label: "Pilot funding lasts", unit: "years", control: number(0.0, 10.0, 0.5),
        help: "Years of funding from the start, unless recurrent." },
    Lever { path: "levers.funding.recurrent", domain: Domain::WiderSystem, label: "Recurrent funding", unit: "", control: Control::Toggle,
        help: "Funding continues for the whole horizon instead of ending with the pilot." },
    Lever { path: "levers.ecosystem_collaboration", domain: Domain::WiderSystem, label: "Ecosystem collaboration", unit: "0 siloed - 1 aligned", control: number(0.0, 1.0, 0.05),
        help: "Regional collaboration between NHS, councils, academia and suppliers: strengthens peer influence between organisations and shortens procurement. The study found siloed working and conflicting agendas." },
    Lever { path: "organisations.imitation", domain: Domain::WiderSystem, label: "Peer influence between organisations", unit: "per year", control: number(0.0, 5.0, 0.05),
        help: "Rate at which organisations follow peers that run it, when all peers do." },
    Lever { path: "nasss.embedding", domain: Domain::OverTime, label: "Embedding complexity", unit: "", control: Control::Complexity,
        help: "Feedback loops, learning and resilience over time. Raises abandonment and discontinuation when complex. NASSS domain 7." },
    Lever { path: "organisations.discontinuation_unfunded", domain: Domain::OverTime, label: "Discontinuation without funding", unit: "per year", control: number(0.0, 3.0, 0.05),
        help: "Hazard that an organisation stops offering it once funding has ended." },
    Lever { path: "levers.shock.start_month", domain: Domain::OverTime, label: "Shock starts", unit: "month", control: number(0.0, 120.0, 1.0),
        help: "First month of a time-limited shock such as a pandemic window." },
    Lever { path: "levers.shock.months", domain: Domain::OverTime, label: "Shock lasts", unit: "months", control: number(0.0, 60.0, 1.0),
        help: "Length of the shock; 0 for none. COVID-19 opened a window of use that may not be sustained (the study)." },
    Lever { path: "levers.shock.referral", domain: Domain::OverTime, label: "Shock: referrals", unit: "x normal", control: number(1.0, 10.0, 0.1),
        help: "Multiplier on offers and referrals during the shock." },
    Lever { path: "levers.shock.acceptance", domain: Domain::OverTime, label: "Shock: acceptance", unit: "x normal", control: number(1.0, 5.0, 0.1),
        help: "Multiplier on acceptance during the shock." },
    Lever { path: "agents", domain: Domain::Run, label: "People simulated", unit: "agents", control: number(100.0, 200_000.0, 100.0),
        help: "More agents means less noise and slower runs." },
    Lever { path: "replicates", domain: Domain::Run, label: "Replicates", unit: "runs", control: number(1.0, 100.0, 1.0),
        help: "Independent runs; charts show their mean with a 95% band." },
    Lever { path: "months", domain: Domain::Run, label: "Horizon", unit: "months", control: number(12.0, 240.0, 12.0),
        help: "How far ahead to simulate." },
    Lever { path: "seed", domain: Domain::Run, label: "Seed", unit: "", control: number(0.0, 4_294_967_295.0, 1.0),
        help: "The same scenario and seed give exactly the same numbers, here and in the rollout CLI." },
];

/// The policy levers, in the order the page shows them up front: what a programme chooses (money, what it
/// pays for, whom it aims at, how organisations are helped). Every other lever is an assumption about the
/// world (NASSS settings, effect sizes, rates) or a run setting, and sits in the "Assumptions" panel.
pub const POLICY: [&str; 12] = [
    "levers.funding.budget_per_1000_per_year",
    "levers.funding.years",
    "levers.funding.recurrent",
    "levers.subsidy.level",
    "levers.subsidy",
    "levers.support.level",
    "levers.support",
    "levers.connectivity.level",
    "levers.connectivity",
    "levers.review_capacity",
    "levers.streamlined_procurement",
    "levers.ecosystem_collaboration",
];

/// Whether the lever at `path` is a policy lever (shown up front).
pub fn is_policy(path: &str) -> bool {
    POLICY.contains(&path)
}

/// The policy levers, in [`POLICY`] order.
pub fn policy_levers() -> impl Iterator<Item = &'static Lever> {
    POLICY.iter().filter_map(|path| LEVERS.iter().find(|l| l.path == *path))
}

/// The assumptions of one domain (its levers that are not policy levers), in order.
pub fn assumptions_in(domain: Domain) -> impl Iterator<Item = &'static Lever> {
    in_domain(domain).filter(|l| !is_policy(l.path))
}

/// The levers of one domain, in order.
pub fn in_domain(domain: Domain) -> impl Iterator<Item = &'static Lever> {
    LEVERS.iter().filter(move |l| l.domain == domain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rollout_engine::presets;
    use rollout_engine::scenario::set_dotted;

    #[test]
    fn every_lever_names_a_real_field_and_its_range_is_allowed() {
        let s = presets::preset(presets::DEFAULT).unwrap().scenario;
        let json = serde_json::to_value(&s).unwrap();
        for lever in LEVERS {
            let mut slot = &json;
            for part in lever.path.split('.') {
                slot = slot.get(part).unwrap_or_else(|| panic!("{} is not a scenario field", lever.path));
            }
            if let Control::Number { min, max, .. } = lever.control {
                for value in [min, max] {
                    let text = if slot.is_u64() { format!("{}", value as u64) } else { value.to_string() };
                    set_dotted(&s, lever.path, &text)
                        .unwrap_or_else(|e| panic!("{}: {value} refused: {e}", lever.path));
                }
            }
            assert!(!lever.help.is_empty(), "{} needs help text", lever.path);
        }
    }

    #[test]
    fn policy_levers_are_real_levers_and_every_domain_keeps_assumptions() {
        assert_eq!(policy_levers().count(), POLICY.len(), "every policy path names a lever");
        assert_eq!(
            policy_levers().count() + Domain::ALL.iter().map(|&d| assumptions_in(d).count()).sum::<usize>(),
            LEVERS.len(),
            "each lever is shown once, up front or under assumptions"
        );
        for d in Domain::ALL {
            assert!(assumptions_in(d).count() > 0, "{d:?} has no assumptions left");
        }
    }

    #[test]
    fn paths_are_unique_and_every_nasss_domain_has_levers() {
        for (i, a) in LEVERS.iter().enumerate() {
            assert!(LEVERS[..i].iter().all(|b| b.path != a.path), "{} twice", a.path);
        }
        for d in Domain::ALL {
            assert!(in_domain(d).count() > 0, "{:?}", d);
        }
    }
}
