//! Options to compare: named scenarios, each with its run, up to [`MAX_OPTIONS`] side by side.
//!
//! A [`PolicyOption`] is what a policymaker (or, later, a workshop team) puts forward: a name and the run
//! of its scenario. The run is shared (`Rc`), never copied: adding the current scenario as an option shares
//! the current run, and loading an option back to edit makes its run the current one again.

use std::fmt;
use std::rc::Rc;

use super::Run;

/// Most options compared at once.
pub const MAX_OPTIONS: usize = 6;

/// Longest option name, in characters.
pub const MAX_NAME_CHARS: usize = 40;

/// One option: a name and the run of its scenario (complete, or still filling in).
#[derive(Clone, Debug)]
pub struct PolicyOption {
    /// The name the user gave it ("Targeted support"), unique among the options.
    pub name: String,
    /// Its run; the scenario is `run.scenario`.
    pub run: Rc<Run>,
}

/// Equal: the same name and the very same run (runs never change once made, so this is cheap and exact).
impl PartialEq for PolicyOption {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && Rc::ptr_eq(&self.run, &other.run)
    }
}

impl PolicyOption {
    /// The option's summary once its run has every replicate.
    pub fn complete_summary(&self) -> Option<&Rc<rollout_engine::summary::RunSummary>> {
        self.run.complete().then_some(self.run.summary.as_ref()).flatten()
    }
}

/// Why an option could not be added or renamed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum OptionError {
    /// Already [`MAX_OPTIONS`] options.
    Full,
    /// The name is empty (or only spaces).
    EmptyName,
    /// The name is longer than [`MAX_NAME_CHARS`].
    NameTooLong { chars: usize },
    /// Another option already has this name.
    NameTaken(String),
    /// No option at this position.
    NoSuchOption(usize),
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionError::Full => {
                write!(f, "Option name: at most {MAX_OPTIONS} options can be compared; remove one first.")
            }
            OptionError::EmptyName => write!(f, "Option name: give the option a name."),
            OptionError::NameTooLong { chars } => {
                write!(f, "Option name: {chars} characters is too long; at most {MAX_NAME_CHARS}.")
            }
            OptionError::NameTaken(name) => write!(f, "Option name: \"{name}\" already names an option."),
            OptionError::NoSuchOption(i) => write!(f, "There is no option {}.", i + 1),
        }
    }
}

impl std::error::Error for OptionError {}

/// `name` trimmed, if it can name an option when `taken` are the other options' names.
pub fn check_name<'a>(taken: impl IntoIterator<Item = &'a str>, name: &str) -> Result<String, OptionError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(OptionError::EmptyName);
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(OptionError::NameTooLong { chars });
    }
    if taken.into_iter().any(|t| t == name) {
        return Err(OptionError::NameTaken(name.to_string()));
    }
    Ok(name.to_string())
}

/// `options` with `run` added under `name`.
pub fn add(options: &[PolicyOption], name: &str, run: Rc<Run>) -> Result<Vec<PolicyOption>, OptionError> {
    if options.len() >= MAX_OPTIONS {
        return Err(OptionError::Full);
    }
    let name = check_name(options.iter().map(|o| o.name.as_str()), name)?;
    let mut next = options.to_vec();
    next.push(PolicyOption { name, run });
    Ok(next)
}

/// `options` with option `index` renamed.
pub fn rename(options: &[PolicyOption], index: usize, name: &str) -> Result<Vec<PolicyOption>, OptionError> {
    if index >= options.len() {
        return Err(OptionError::NoSuchOption(index));
    }
    let others = options.iter().enumerate().filter(|(i, _)| *i != index).map(|(_, o)| o.name.as_str());
    let name = check_name(others, name)?;
    let mut next = options.to_vec();
    next[index].name = name;
    Ok(next)
}

/// `options` without option `index`.
pub fn remove(options: &[PolicyOption], index: usize) -> Result<Vec<PolicyOption>, OptionError> {
    if index >= options.len() {
        return Err(OptionError::NoSuchOption(index));
    }
    let mut next = options.to_vec();
    next.remove(index);
    Ok(next)
}

/// A name no option has yet: "Option A", "Option B", ...
pub fn next_name(options: &[PolicyOption]) -> String {
    ('A'..='Z')
        .map(|c| format!("Option {c}"))
        .find(|n| options.iter().all(|o| o.name != *n))
        .unwrap_or_else(|| format!("Option {}", options.len() + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(id: u64) -> Rc<Run> {
        Rc::new(Run::new(id, Rc::new(rollout_engine::presets::preset("bass").unwrap().scenario)))
    }

    #[test]
    fn options_are_added_renamed_and_removed_sharing_their_runs() {
        let shared = run(1);
        let one = add(&[], "  Targeted  ", shared.clone()).unwrap();
        assert_eq!(one[0].name, "Targeted");
        assert!(Rc::ptr_eq(&one[0].run, &shared), "the run is shared, not copied");
        assert_eq!(add(&one, "Targeted", run(2)).unwrap_err(), OptionError::NameTaken("Targeted".into()));
        assert_eq!(add(&one, " ", run(2)).unwrap_err(), OptionError::EmptyName);
        assert_eq!(add(&one, &"x".repeat(41), run(2)).unwrap_err(), OptionError::NameTooLong { chars: 41 });
        let two = add(&one, &next_name(&one), run(2)).unwrap();
        assert_eq!(two[1].name, "Option A");
        assert_eq!(next_name(&two), "Option B");
        let renamed = rename(&two, 1, "Universal").unwrap();
        assert_eq!(renamed[1].name, "Universal");
        assert_eq!(rename(&two, 1, "Option A").unwrap()[1].name, "Option A", "keeping its own name is fine");
        assert!(rename(&two, 0, "Option A").is_err());
        assert_eq!(rename(&two, 5, "x").unwrap_err(), OptionError::NoSuchOption(5));
        let removed = remove(&renamed, 0).unwrap();
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].name, "Universal");
        assert!(remove(&removed, 1).is_err());
    }

    #[test]
    fn at_most_six_options_and_messages_name_the_field() {
        let mut options = Vec::new();
        for i in 0..MAX_OPTIONS {
            options = add(&options, &next_name(&options), run(i as u64)).unwrap();
        }
        let full = add(&options, "Seventh", run(9)).unwrap_err();
        assert_eq!(full, OptionError::Full);
        assert!(full.to_string().starts_with("Option name: at most 6 options"));
        assert!(OptionError::EmptyName.to_string().starts_with("Option name:"));
    }
}
