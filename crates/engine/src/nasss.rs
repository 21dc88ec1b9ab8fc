//! The seven NASSS domains (Greenhalgh et al., JMIR 2017;19(11):e367) as scenario settings, and the one
//! place where a domain's setting becomes a number in the model.
//!
//! Each domain is simple, complicated or complex. A setting scales the rates that domain governs; the
//! multipliers below are the whole mapping, documented again in docs/model.md. "Simple" never changes a
//! person-level rate (its multiplier is 1), so the model with every domain simple and no frictions reduces
//! to the Bass model.

use serde::{Deserialize, Serialize};

/// How hard a NASSS domain is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Complexity {
    Simple,
    Complicated,
    Complex,
}

impl Complexity {
    /// Pick one of three values by setting.
    pub fn pick<T>(self, simple: T, complicated: T, complex: T) -> T {
        match self {
            Complexity::Simple => simple,
            Complexity::Complicated => complicated,
            Complexity::Complex => complex,
        }
    }
}

/// The seven domains of the NASSS framework, each set to simple, complicated or complex.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nasss {
    /// 1. The condition: how clear-cut, comorbid, tied to deprivation.
    pub condition: Complexity,
    /// 2. The technology: reliability, usability, skills needed.
    pub technology: Complexity,
    /// 3. The value proposition to payer and supplier.
    pub value_proposition: Complexity,
    /// 4. The adopter system: patients, carers, clinicians.
    pub adopters: Complexity,
    /// 5. The organisation(s): capacity, readiness, procurement.
    pub organisation: Complexity,
    /// 6. The wider system: funding, regulation, collaboration.
    pub wider_system: Complexity,
    /// 7. Embedding and adaptation over time.
    pub embedding: Complexity,
}

impl Nasss {
    /// Every domain simple.
    pub fn all_simple() -> Self {
        Nasss {
            condition: Complexity::Simple,
            technology: Complexity::Simple,
            value_proposition: Complexity::Simple,
            adopters: Complexity::Simple,
            organisation: Complexity::Simple,
            wider_system: Complexity::Simple,
            embedding: Complexity::Simple,
        }
    }

    /// Multiplier on the relative reduction in adverse events for reviewed users (condition: a comorbid,
    /// less clear-cut condition dilutes what monitoring can prevent).
    pub fn benefit_multiplier(&self) -> f64 {
        self.benefit_multiplier_in(&Draws::FIXED)
    }

    /// As [`Nasss::benefit_multiplier`], with this replicate's (or organisation's) draws for complex domains.
    pub fn benefit_multiplier_in(&self, d: &Draws) -> f64 {
        d.spread(Domain::Condition, self.condition.pick(1.0, 0.85, 0.7))
    }

    /// Multiplier on a person's probability of accepting an offer (condition and adopters: uncertain
    /// benefit, carers and clinicians who must also buy in).
    pub fn acceptance_multiplier(&self) -> f64 {
        self.acceptance_multiplier_in(&Draws::FIXED)
    }

    /// As [`Nasss::acceptance_multiplier`], with this replicate's (or organisation's) draws for complex domains.
    pub fn acceptance_multiplier_in(&self, d: &Draws) -> f64 {
        d.spread(Domain::Condition, self.condition.pick(1.0, 0.95, 0.85))
            * d.spread(Domain::Adopters, self.adopters.pick(1.0, 0.9, 0.75))
    }

    /// Multiplier on word of mouth (adopters: a fragmented adopter system talks less about it).
    pub fn word_of_mouth_multiplier(&self) -> f64 {
        self.word_of_mouth_multiplier_in(&Draws::FIXED)
    }

    /// As [`Nasss::word_of_mouth_multiplier`], with this replicate's (or organisation's) draws for complex domains.
    pub fn word_of_mouth_multiplier_in(&self, d: &Draws) -> f64 {
        d.spread(Domain::Adopters, self.adopters.pick(1.0, 0.85, 0.7))
    }

    /// Multiplier on the baseline abandonment hazard (technology: unreliable, hard to use; embedding: no
    /// feedback loops to fix problems).
    pub fn abandonment_multiplier(&self) -> f64 {
        self.abandonment_multiplier_in(&Draws::FIXED)
    }

    /// As [`Nasss::abandonment_multiplier`], with this replicate's (or organisation's) draws for complex domains.
    pub fn abandonment_multiplier_in(&self, d: &Draws) -> f64 {
        d.spread(Domain::Technology, self.technology.pick(1.0, 1.25, 1.6))
            * d.spread(Domain::Embedding, self.embedding.pick(1.0, 1.1, 1.25))
    }

    /// Probability that a person who lacks digital skills and gets no support still takes it up, given
    /// everything else favours it (technology: how much skill it demands).
    pub fn unsupported_skill_acceptance(&self) -> f64 {
        self.unsupported_skill_acceptance_in(&Draws::FIXED)
    }

    /// As [`Nasss::unsupported_skill_acceptance`], with this replicate's (or organisation's) draws for complex domains.
    pub fn unsupported_skill_acceptance_in(&self, d: &Draws) -> f64 {
        d.spread(Domain::Technology, self.technology.pick(1.0, 0.35, 0.1)).clamp(0.0, 1.0)
    }

    /// Supplier withdrawal rule (value proposition): the supplier withdraws when coverage (active users as
    /// a share of eligible people where it is offered) stays below `threshold` for `months` consecutive
    /// months. `None`: never.
    pub fn supplier_withdrawal(&self) -> Option<SupplierRule> {
        match self.value_proposition {
            Complexity::Simple => None,
            Complexity::Complicated => Some(SupplierRule { threshold: 0.02, months: 24 }),
            Complexity::Complex => Some(SupplierRule { threshold: 0.04, months: 18 }),
        }
    }

    /// Multiplier on organisations' rate of taking the programme up (value proposition to the payer, and
    /// the wider system's funding and regulation).
    pub fn organisation_adoption_multiplier(&self) -> f64 {
        self.organisation_adoption_multiplier_in(&Draws::FIXED)
    }

    /// As [`Nasss::organisation_adoption_multiplier`], with this replicate's (or organisation's) draws for complex domains.
    pub fn organisation_adoption_multiplier_in(&self, d: &Draws) -> f64 {
        d.spread(Domain::ValueProposition, self.value_proposition.pick(1.0, 0.85, 0.65))
            * d.spread(Domain::WiderSystem, self.wider_system.pick(1.0, 0.8, 0.55))
    }

    /// Procurement and governance delay between an organisation deciding to adopt and offering it, months
    /// (organisation domain), before the streamlining and ecosystem levers.
    pub fn procurement_delay_months(&self) -> f64 {
        self.procurement_delay_months_in(&Draws::FIXED)
    }

    /// As [`Nasss::procurement_delay_months`], with this replicate's (or organisation's) draws for complex domains.
    pub fn procurement_delay_months_in(&self, d: &Draws) -> f64 {
        3.0 + d.factor(Domain::Organisation) * (self.organisation.pick(3.0, 9.0, 18.0) - 3.0)
    }

    /// Multiplier on an organisation's clinical review capacity (organisation: competing workload).
    pub fn review_capacity_multiplier(&self) -> f64 {
        self.review_capacity_multiplier_in(&Draws::FIXED)
    }

    /// As [`Nasss::review_capacity_multiplier`], with this replicate's (or organisation's) draws for complex domains.
    pub fn review_capacity_multiplier_in(&self, d: &Draws) -> f64 {
        d.spread(Domain::Organisation, self.organisation.pick(1.0, 0.85, 0.65))
    }

    /// Multiplier on organisations' discontinuation hazard once funding has ended (wider system: no
    /// reimbursement route; embedding: not built into routine work). While funded it does not apply.
    pub fn discontinuation_multiplier(&self) -> f64 {
        self.discontinuation_multiplier_in(&Draws::FIXED)
    }

    /// As [`Nasss::discontinuation_multiplier`], with this replicate's (or organisation's) draws for complex domains.
    pub fn discontinuation_multiplier_in(&self, d: &Draws) -> f64 {
        d.spread(Domain::WiderSystem, self.wider_system.pick(1.0, 1.3, 1.7))
            * d.spread(Domain::Embedding, self.embedding.pick(1.0, 1.3, 1.7))
    }

    /// Share of an organisation's own cost of the service (the part users do not pay, and clinical review)
    /// that the wider system reimburses, 0 to 1: a simple wider system has a reimbursement route (a tariff)
    /// and pays it all; a complicated or complex one leaves it with the organisation.
    pub fn reimbursed_share(&self) -> f64 {
        self.wider_system.pick(1.0, 0.0, 0.0)
    }
}

/// A NASSS domain, to index [`Draws`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Domain {
    Condition = 0,
    Technology = 1,
    ValueProposition = 2,
    Adopters = 3,
    Organisation = 4,
    WiderSystem = 5,
    Embedding = 6,
}

/// Lowest and highest factor a complex domain's effect is scaled by: uniform on [0, 2], mean 1.
pub const COMPLEX_FACTOR_RANGE: (f64, f64) = (0.0, 2.0);

/// "Complex" means dynamic and unpredictable, not merely harder. Each complex domain's effect, its multipliers'
/// departure from 1 (from simple), is scaled by a factor drawn per replicate, and per organisation for what the
/// domain governs in organisations (taking it up, procurement, review capacity, discontinuing): uniform on
/// [`COMPLEX_FACTOR_RANGE`], so on average a complex domain acts as its fixed multiplier does, but a replicate
/// (or an organisation) may meet anything from no friction to twice it. Simple and complicated domains keep a
/// factor of 1 (complicated is hard but predictable). Probabilities are clamped to [0, 1].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Draws {
    factor: [f64; 7],
}

impl Draws {
    /// Every factor 1: the fixed multipliers.
    pub const FIXED: Draws = Draws { factor: [1.0; 7] };

    /// Draw a factor for each complex domain of `nasss` (one uniform number per domain, drawn whatever the
    /// setting, so that changing one domain leaves the others' draws alone).
    pub fn draw(nasss: &Nasss, rng: &mut crate::rng::Rng) -> Draws {
        let settings = [
            nasss.condition,
            nasss.technology,
            nasss.value_proposition,
            nasss.adopters,
            nasss.organisation,
            nasss.wider_system,
            nasss.embedding,
        ];
        let (lo, hi) = COMPLEX_FACTOR_RANGE;
        let factor = settings.map(|c| {
            let u = crate::rng::unit(rng);
            if c == Complexity::Complex {
                lo + (hi - lo) * u
            } else {
                1.0
            }
        });
        Draws { factor }
    }

    /// The factor of `domain`.
    pub fn factor(&self, domain: Domain) -> f64 {
        self.factor[domain as usize]
    }

    /// A multiplier `m` of `domain` with its departure from 1 scaled by the domain's factor.
    pub fn spread(&self, domain: Domain, m: f64) -> f64 {
        1.0 + (m - 1.0) * self.factor(domain)
    }
}

/// When a supplier gives up on a low-uptake programme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SupplierRule {
    /// Coverage where it is offered, 0 to 1.
    pub threshold: f64,
    /// Consecutive months below the threshold before withdrawal.
    pub months: u32,
}
