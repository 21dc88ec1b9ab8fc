//! `--set dotted.key=value`: change one field of a scenario by its dotted path.

use serde_json::Value;

use super::{Scenario, ScenarioError};

/// Set the field at `path` (dots between names, numbers for list items: `groups.list.0.trust`) to
/// `value`, parsed as JSON when it parses (numbers, booleans, lists) and as a string otherwise. The new
/// value must have the old one's type, and the result must validate.
///
/// ```
/// use rollout_engine::{presets, scenario::set_dotted};
/// let s = presets::preset("bass").unwrap().scenario;
/// let s = set_dotted(&s, "diffusion.imitation", "0.5").unwrap();
/// assert_eq!(s.diffusion.imitation, 0.5);
/// assert!(set_dotted(&s, "diffusion.nope", "1").unwrap_err().to_string().contains("no field"));
/// ```
pub fn set_dotted(scenario: &Scenario, path: &str, value: &str) -> Result<Scenario, ScenarioError> {
    let mut root = serde_json::to_value(scenario).expect("a scenario always serialises");
    let bad = |message: String| ScenarioError::Invalid { field: path.to_string(), message };
    let mut slot = &mut root;
    for part in path.split('.') {
        slot = match slot {
            Value::Object(map) => map.get_mut(part).ok_or_else(|| bad(format!("no field \"{part}\" there")))?,
            Value::Array(items) => {
                let len = items.len();
                let index: usize = part.parse().map_err(|_| bad(format!("\"{part}\" is not a list index")))?;
                items.get_mut(index).ok_or_else(|| bad(format!("index {index} is past the end of a list of {len}")))?
            }
            _ => return Err(bad(format!("no field \"{part}\" there: the path goes past a value"))),
        };
    }
    let new = serde_json::from_str::<Value>(value).unwrap_or_else(|_| Value::String(value.to_string()));
    if kind(slot) != kind(&new) {
        return Err(bad(format!("\"{value}\" is a {}, but this field takes a {}", kind(&new), kind(slot))));
    }
    *slot = new;
    let changed: Scenario = serde_json::from_value(root).map_err(|e| bad(format!("\"{value}\" does not fit: {e}")))?;
    changed.validate()?;
    Ok(changed)
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}
