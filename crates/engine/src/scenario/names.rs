//! The one rule for names (scenario and group names), checked on the raw text exactly as it arrives from a
//! file, `--set`, the app's form or a decoded share link, and the one way a name is shown in a message.
//!
//! A name is 1 to its maximum characters counted on the raw text (nothing is trimmed first, so padding
//! counts), has no space at either end, no control or invisible formatting character (line breaks, tabs,
//! terminal escape sequences, bidirectional overrides, zero-width characters), and a group name is not a
//! reserved word (`all`, in any case: the outputs use it for the whole population).

use std::fmt;

/// Longest group name, in characters.
pub const MAX_GROUP_NAME_CHARS: usize = 40;
/// Longest scenario name, in characters.
pub const MAX_SCENARIO_NAME_CHARS: usize = 80;
/// Group names the outputs use themselves, refused in any case (`All`, `ALL`).
pub const RESERVED_GROUP_NAMES: &[&str] = &["all"];
/// Most characters of a name a message shows before shortening it with `…`.
pub const SHOWN_CHARS: usize = 40;

/// What is wrong with a name.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NameError {
    /// No characters, or only spaces.
    Empty,
    /// More characters than allowed (counted before any trimming).
    TooLong { chars: usize, max: usize },
    /// Spaces at the start or the end.
    Padded,
    /// A control or invisible formatting character, at this character position (0-based).
    ControlCharacter { position: usize, code: u32 },
    /// A name the outputs use themselves.
    Reserved { name: String },
}

impl fmt::Display for NameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NameError::Empty => write!(f, "a name cannot be empty"),
            NameError::TooLong { chars, max } => {
                write!(f, "a name of {chars} characters is too long; allowed 1 to {max} characters")
            }
            NameError::Padded => write!(f, "a name cannot start or end with a space"),
            NameError::ControlCharacter { position, code } => write!(
                f,
                "character {} is an invisible or control character (U+{code:04X}); use letters, digits, spaces and punctuation",
                position + 1
            ),
            NameError::Reserved { name } => {
                write!(f, "\"{}\" is reserved (the outputs use it for the whole population); choose another name", shown(name))
            }
        }
    }
}

impl std::error::Error for NameError {}

/// Control characters and the invisible formatting characters that can disguise or reorder text.
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

fn check(raw: &str, max: usize) -> Result<(), NameError> {
    // Count at most max + 1 characters: a name of a million characters costs no more to refuse.
    let chars = raw.chars().take(max + 1).count();
    if chars > max {
        return Err(NameError::TooLong { chars: raw.chars().count(), max });
    }
    if let Some((position, c)) = raw.chars().enumerate().find(|&(_, c)| is_hidden(c)) {
        return Err(NameError::ControlCharacter { position, code: c as u32 });
    }
    if raw.trim().is_empty() {
        return Err(NameError::Empty);
    }
    if raw.trim() != raw {
        return Err(NameError::Padded);
    }
    Ok(())
}

/// Check a group name (see the module's rule).
///
/// ```
/// use rollout_engine::scenario::names::{check_group_name, NameError};
/// assert!(check_group_name("Most deprived").is_ok());
/// assert!(matches!(check_group_name(&format!("{}x", " ".repeat(100))), Err(NameError::TooLong { .. })));
/// assert_eq!(check_group_name("ALL"), Err(NameError::Reserved { name: "ALL".into() }));
/// assert!(check_group_name("Q1\u{1b}[31m").is_err());
/// ```
pub fn check_group_name(raw: &str) -> Result<(), NameError> {
    check(raw, MAX_GROUP_NAME_CHARS)?;
    if RESERVED_GROUP_NAMES.iter().any(|r| r.eq_ignore_ascii_case(raw)) {
        return Err(NameError::Reserved { name: raw.to_string() });
    }
    Ok(())
}

/// Check a scenario name (see the module's rule; no reserved words).
pub fn check_scenario_name(raw: &str) -> Result<(), NameError> {
    check(raw, MAX_SCENARIO_NAME_CHARS)
}

/// `name` as a one-line message shows it: control and invisible characters escaped (`\u{1b}`), quotes and
/// backslashes escaped, and shortened to [`SHOWN_CHARS`] characters with `…` and the full length.
///
/// ```
/// use rollout_engine::scenario::names::shown;
/// assert_eq!(shown("Q1"), "Q1");
/// assert_eq!(shown("a\nb\u{1b}[2J"), "a\\nb\\u{1b}[2J");
/// assert!(shown(&"x".repeat(100_000)).ends_with("… (100000 characters)"));
/// ```
pub fn shown(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().take(SHOWN_CHARS) {
        push_escaped(&mut out, c);
    }
    let total = name.chars().count();
    if total > SHOWN_CHARS {
        out.push_str(&format!("… ({total} characters)"));
    }
    out
}

/// Any text for a one-line message (such as a parser's message quoting the input): control and invisible
/// characters escaped, at most `max` characters kept.
pub fn one_line(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars().take(max) {
        if is_hidden(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        c if is_hidden(c) => out.extend(c.escape_unicode()),
        c => out.push(c),
    }
}
