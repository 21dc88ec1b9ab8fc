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
        self.condition.pick(1.0, 0.85, 0.7)
    }

    /// Multiplier on a person's probability of accepting an offer (condition and adopters: uncertain
    /// benefit, carers and clinicians who must also buy in).
    pub fn acceptance_multiplier(&self) -> f64 {
        self.condition.pick(1.0, 0.95, 0.85) * self.adopters.pick(1.0, 0.9, 0.75)
    }

    /// Multiplier on word of mouth (adopters: a fragmented adopter system talks less about it).
    pub fn word_of_mouth_multiplier(&self) -> f64 {
        self.adopters.pick(1.0, 0.85, 0.7)
    }

    /// Multiplier on the baseline abandonment hazard (technology: unreliable, hard to use; embedding: no
    /// feedback loops to fix problems).
    pub fn abandonment_multiplier(&self) -> f64 {
        self.technology.pick(1.0, 1.25, 1.6) * self.embedding.pick(1.0, 1.1, 1.25)
    }

    /// Probability that a person who lacks digital skills and gets no support still takes it up, given
    /// everything else favours it (technology: how much skill it demands).
    pub fn unsupported_skill_acceptance(&self) -> f64 {
        self.technology.pick(1.0, 0.35, 0.1)
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
        self.value_proposition.pick(1.0, 0.85, 0.65) * self.wider_system.pick(1.0, 0.8, 0.55)
    }

    /// Procurement and governance delay between an organisation deciding to adopt and offering it, months
    /// (organisation domain), before the streamlining and ecosystem levers.
    pub fn procurement_delay_months(&self) -> f64 {
        self.organisation.pick(3.0, 9.0, 18.0)
    }

    /// Multiplier on an organisation's clinical review capacity (organisation: competing workload).
    pub fn review_capacity_multiplier(&self) -> f64 {
        self.organisation.pick(1.0, 0.85, 0.65)
    }

    /// Multiplier on organisations' discontinuation hazard once funding has ended (wider system: no
    /// reimbursement route; embedding: not built into routine work). While funded it does not apply.
    pub fn discontinuation_multiplier(&self) -> f64 {
        self.wider_system.pick(1.0, 1.3, 1.7) * self.embedding.pick(1.0, 1.3, 1.7)
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
