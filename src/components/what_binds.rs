//! What binds: which budget levers the programme budget rationed and which are already at their highest
//! level and fully paid, from the engine's per-lever report (`RunSummary::levers`), as one plain line and
//! as a sign beside each lever.

use rollout_engine::summary::{LeverBudgetStatus, RunSummary};
use yew::prelude::*;

use crate::state::Shared;

/// The engine's lever names, with the lever's path in the form and its name in the user's words.
const BUDGET_LEVERS: [(&str, &str, &str); 4] = [
    ("subsidy", "levers.subsidy.level", "device subsidy"),
    ("support", "levers.support.level", "digital support"),
    ("connectivity", "levers.connectivity.level", "connectivity"),
    ("review_capacity", "levers.review_capacity", "review capacity"),
];

/// The sign shown beside a lever: ("rationed" | "saturated", its text).
pub type LeverSign = (&'static str, &'static str);

/// The sign for each budget lever that binds, by lever path.
pub fn lever_signs(summary: &RunSummary) -> Vec<(&'static str, LeverSign)> {
    summary
        .levers
        .iter()
        .filter_map(|l| {
            let (_, path, _) = BUDGET_LEVERS.iter().find(|(name, _, _)| *name == l.lever)?;
            match l.status {
                LeverBudgetStatus::Rationed => Some((*path, ("rationed", "Rationed: the budget ran out"))),
                LeverBudgetStatus::Saturated => Some((*path, ("saturated", "At its highest level"))),
                _ => None,
            }
        })
        .collect()
}

fn words(name: &str) -> &str {
    BUDGET_LEVERS.iter().find(|(n, _, _)| *n == name).map_or(name, |(_, _, w)| w)
}

fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// One plain line saying what binds, or `None` when no budget lever is rationed or saturated.
pub fn binding_line(summary: &RunSummary) -> Option<String> {
    let rationed: Vec<_> = summary.levers.iter().filter(|l| l.status == LeverBudgetStatus::Rationed).collect();
    let saturated: Vec<&str> =
        summary.levers.iter().filter(|l| l.status == LeverBudgetStatus::Saturated).map(|l| words(&l.lever)).collect();
    let mut parts = Vec::new();
    if !rationed.is_empty() {
        let first = rationed.iter().filter_map(|l| l.first_rationed_month).min();
        let names: Vec<&str> = rationed.iter().map(|l| words(&l.lever)).collect();
        let when = first.map_or(String::new(), |m| format!(" from year {}", m.saturating_sub(1) / 12 + 1));
        let verb = if names.len() == 1 { "was" } else { "were" };
        parts.push(format!(
            "The budget binds: {} {verb} rationed{when}, so raising {} changes little; a larger budget would buy more.",
            list(&names),
            if names.len() == 1 { "it" } else { "them" }
        ));
    }
    if !saturated.is_empty() {
        let verb = if saturated.len() == 1 { "is" } else { "are" };
        parts.push(format!(
            "{} {verb} at the highest level and fully paid: nothing more to buy there.",
            capital(&list(&saturated))
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct WhatBindsProps {
    pub summary: Shared<RunSummary>,
}

#[function_component(WhatBinds)]
pub fn what_binds(props: &WhatBindsProps) -> Html {
    match binding_line(&props.summary) {
        Some(line) => html! { <p class="what-binds" id="what-binds" role="status">{ "\u{26a0} " }{ line }</p> },
        None => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rollout_engine::{presets, run};

    #[test]
    fn a_rationed_lever_is_named_with_its_sign_and_a_free_run_says_nothing() {
        let mut s = presets::preset(presets::DEFAULT).unwrap().scenario;
        (s.agents, s.months, s.replicates) = (1_000, 24, 2);
        s.levers.support.level = 1.0;
        s.levers.subsidy.level = 1.0;
        s.levers.funding.budget_per_1000_per_year = 1.0;
        let tight = run::run(&s).unwrap();
        let rationed: Vec<_> = tight.levers.iter().filter(|l| l.status == LeverBudgetStatus::Rationed).collect();
        assert!(!rationed.is_empty(), "a budget of 1 per 1,000 a year rations something: {:?}", tight.levers);
        let line = binding_line(&tight).unwrap();
        assert!(line.starts_with("The budget binds:"), "{line}");
        for l in &rationed {
            assert!(line.contains(words(&l.lever)), "{line} misses {}", l.lever);
        }
        let signs = lever_signs(&tight);
        assert!(signs.iter().any(|(_, (kind, _))| *kind == "rationed"));
        s.levers.funding.budget_per_1000_per_year = 0.0;
        (s.levers.support.level, s.levers.subsidy.level, s.levers.connectivity.level, s.levers.review_capacity) =
            (0.0, 0.0, 0.0, 0.0);
        let idle = run::run(&s).unwrap();
        assert!(idle.levers.iter().all(|l| l.status == LeverBudgetStatus::Unused), "{:?}", idle.levers);
        assert_eq!(binding_line(&idle), None);
        assert!(lever_signs(&idle).is_empty());
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list(&["a"]), "a");
        assert_eq!(list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(capital("review capacity"), "Review capacity");
    }
}
