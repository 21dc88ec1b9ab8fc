//! What can be wrong with a share link, in words a policymaker can act on.

use std::fmt;

use crate::scenario::ScenarioError;

/// Why a share link could not be opened.
///
/// Each variant says what was wrong; its [`Display`](fmt::Display) message is written for the person who
/// clicked the link, not for a programmer, and says what to do where something can be done.
///
/// ```
/// use rollout_engine::link::{decode, LinkError};
/// let error = decode("#hello").unwrap_err();
/// assert!(matches!(error, LinkError::UnknownFormat { .. }));
/// assert_eq!(
///     error.to_string(),
///     "This is not a Rollout Lab link: the part after \"#\" should start with \"s1.\", but it starts with \"hello\"."
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum LinkError {
    /// Nothing after the `#` (or only spaces).
    Empty,
    /// The text is longer than any link this build writes; refused before any work is done.
    TooLong {
        /// Length of the text, in bytes (the same as characters for every real link, which is plain ASCII).
        length: usize,
        /// The most this build accepts.
        max: usize,
    },
    /// The text does not start with a link format label such as `s1.`: not a Rollout Lab link.
    UnknownFormat {
        /// The first few characters of what was found instead.
        start: String,
    },
    /// The link was written in a newer link format than this build reads.
    NewerFormat {
        /// The format in the link.
        found: u32,
        /// The newest format this build reads.
        supported: u32,
    },
    /// A character that base64url never uses (`%`, `+`, `/`, `=`, punctuation, accented letters ...).
    BadCharacter {
        /// The character.
        character: char,
        /// Its position, counting from 1 at the start of the part after `#`, spaces removed.
        position: usize,
    },
    /// The data stops before the end of the scenario: the link was cut short.
    Truncated,
    /// The compressed data is damaged, or has extra data after its end.
    Corrupt,
    /// The compressed data unpacks to more than any scenario could need (a "zip bomb"); unpacking stopped
    /// at the limit.
    TooLarge {
        /// The most this build unpacks, in bytes.
        max: usize,
    },
    /// The unpacked text is not JSON, or not JSON of a scenario's shape (then serde's message names the
    /// field: unknown, missing or of the wrong type).
    Json(String),
    /// The scenario inside was written by a newer scenario schema than this build reads.
    NewerScenario {
        /// The scenario's `version`.
        found: u32,
        /// [`SCENARIO_VERSION`](crate::scenario::SCENARIO_VERSION) of this build.
        supported: u32,
    },
    /// The scenario inside is from an older schema and could not be brought up to date.
    Migration {
        /// The scenario version the failing step starts from.
        from: u32,
        /// What was missing or wrong, naming the field.
        message: String,
    },
    /// The scenario inside has a value outside its allowed range, or is wrong in another way that
    /// [`Scenario::validate`](crate::Scenario::validate) reports (its message names the field).
    Invalid(ScenarioError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const AGAIN: &str = "Copy the whole link again and retry.";
        match self {
            LinkError::Empty => {
                write!(f, "The link holds no scenario: there is nothing after the \"#\". {AGAIN}")
            }
            LinkError::TooLong { length, max } => write!(
                f,
                "The link is too long to be a Rollout Lab link ({length} characters; a link has at most {max}), \
                 so it has not been opened."
            ),
            LinkError::UnknownFormat { start } => write!(
                f,
                "This is not a Rollout Lab link: the part after \"#\" should start with \"s{}.\", but it starts \
                 with {start:?}.",
                super::FORMAT_VERSION
            ),
            LinkError::NewerFormat { found, supported } => write!(
                f,
                "This link was made by a newer version of Rollout Lab (link format {found}; this version reads \
                 formats up to {supported}). Reload the page to get the latest version, then open the link again."
            ),
            LinkError::BadCharacter { character, position } => write!(
                f,
                "The link has been changed or damaged: character {position} is {character:?}, which a Rollout Lab \
                 link never contains. {AGAIN}"
            ),
            LinkError::Truncated => write!(
                f,
                "The link is incomplete: it stops partway through the scenario, perhaps because it was cut off \
                 when it was copied. {AGAIN}"
            ),
            LinkError::Corrupt => write!(
                f,
                "The link is damaged: the scenario packed inside it cannot be unpacked, perhaps because some \
                 characters were changed when it was copied. {AGAIN}"
            ),
            LinkError::TooLarge { max } => write!(
                f,
                "The link unpacks to more than {} KB, far more than any scenario needs, so it was not made by \
                 Rollout Lab and has not been opened.",
                max / 1024
            ),
            LinkError::Json(message) => {
                write!(f, "The link opened, but what it holds is not a Rollout Lab scenario: {}", Sentence(message))
            }
            LinkError::NewerScenario { found, supported } => write!(
                f,
                "This link was made by a newer version of Rollout Lab (scenario version {found}; this version \
                 reads versions up to {supported}). Reload the page to get the latest version, then open the link \
                 again."
            ),
            LinkError::Migration { from, message } => write!(
                f,
                "This link holds a scenario from an older version of Rollout Lab (scenario version {from}) that \
                 could not be brought up to date: {}",
                Sentence(message)
            ),
            LinkError::Invalid(e) => {
                write!(f, "The link holds a scenario with a setting that is not allowed: {}", Sentence(&e.to_string()))
            }
        }
    }
}

/// A message from elsewhere, ended with a full stop if it has none.
struct Sentence<'a>(&'a str);

impl fmt::Display for Sentence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let end = if self.0.ends_with('.') { "" } else { "." };
        write!(f, "{}{end}", self.0)
    }
}

impl std::error::Error for LinkError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LinkError::Invalid(e) => Some(e),
            _ => None,
        }
    }
}

impl From<ScenarioError> for LinkError {
    fn from(e: ScenarioError) -> Self {
        LinkError::Invalid(e)
    }
}
