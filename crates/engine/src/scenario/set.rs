//! `--set dotted.key=value`: change fields of a scenario by their dotted paths.

use serde_json::Value;

use super::names::one_line;
use super::{Scenario, ScenarioError};

/// Set the field at `path` (dots between names, numbers for list items: `groups.list.0.trust`) to
/// `value`, then validate. See [`set_all`].
///
/// ```
/// use rollout_engine::{presets, scenario::set_dotted};
/// let s = presets::preset("bass").unwrap().scenario;
/// let s = set_dotted(&s, "diffusion.imitation", "0.5").unwrap();
/// assert_eq!(s.diffusion.imitation, 0.5);
/// assert!(set_dotted(&s, "diffusion.nope", "1").unwrap_err().to_string().contains("no field"));
/// assert_eq!(set_dotted(&s, "name", "2024").unwrap().name, "2024");
/// ```
pub fn set_dotted(scenario: &Scenario, path: &str, value: &str) -> Result<Scenario, ScenarioError> {
    set_all(scenario, &[(path, value)])
}

/// Apply every `(path, value)` in order, then validate the result once, so that changes that only make
/// sense together (renaming a group and the targeting lists that name it) are accepted together.
///
/// A text field takes `value` as it is (`name=2024` is the text "2024"); any other field takes it as JSON
/// (numbers, booleans, lists). The new value must have the old one's type; a number must be finite (`nan`,
/// `inf` and `1e999` are refused).
///
/// ```
/// use rollout_engine::{presets, scenario::set_all};
/// let s = presets::preset("targeted-support").unwrap().scenario;
/// let old = s.levers.support.groups[0].clone();
/// let i = s.group_index(&old).unwrap().to_string();
/// let lists = ["levers.subsidy.groups", "levers.support.groups", "levers.connectivity.groups"];
/// let mut changes = vec![(format!("groups.list.{i}.name"), "Carers")];
/// changes.extend(lists.iter().map(|l| (l.to_string(), "[\"Carers\"]")));
/// let changes: Vec<(&str, &str)> = changes.iter().map(|(p, v)| (p.as_str(), *v)).collect();
/// let renamed = set_all(&s, &changes);
/// assert_eq!(renamed.unwrap().levers.support.groups, ["Carers"]);
/// ```
pub fn set_all(scenario: &Scenario, assignments: &[(&str, &str)]) -> Result<Scenario, ScenarioError> {
    let mut root = serde_json::to_value(scenario).expect("a scenario always serialises");
    for (path, value) in assignments {
        set_one(&mut root, path, value)?;
    }
    let changed = super::from_value(root)?;
    changed.validate()?;
    Ok(changed)
}

fn set_one(root: &mut Value, path: &str, value: &str) -> Result<(), ScenarioError> {
    let bad = |message: String| ScenarioError::Invalid { field: one_line(path, 80), message };
    let shown = one_line(value, 60);
    let mut slot = root;
    for part in path.split('.') {
        let part_shown = one_line(part, 40);
        slot = match slot {
            Value::Object(map) => map.get_mut(part).ok_or_else(|| bad(format!("no field \"{part_shown}\" there")))?,
            Value::Array(items) => {
                let len = items.len();
                let index: usize = part.parse().map_err(|_| bad(format!("\"{part_shown}\" is not a list index")))?;
                items.get_mut(index).ok_or_else(|| bad(format!("index {index} is past the end of a list of {len}")))?
            }
            _ => return Err(bad(format!("no field \"{part_shown}\" there: the path goes past a value"))),
        };
    }
    let new = match slot {
        Value::String(_) => Value::String(value.to_string()),
        Value::Number(_) => match serde_json::from_str::<Value>(value) {
            Ok(number @ Value::Number(_)) => number,
            _ if value.trim().parse::<f64>().is_ok() => {
                return Err(bad(format!("\"{shown}\" is not a finite number; this field takes a number such as 0.5")));
            }
            Ok(other) => return Err(bad(format!("\"{shown}\" is a {}, but this field takes a number", kind(&other)))),
            Err(_) => return Err(bad(format!("\"{shown}\" is a string, but this field takes a number"))),
        },
        _ => serde_json::from_str::<Value>(value).unwrap_or_else(|_| Value::String(value.to_string())),
    };
    if kind(slot) != kind(&new) {
        return Err(bad(format!("\"{shown}\" is a {}, but this field takes a {}", kind(&new), kind(slot))));
    }
    *slot = new;
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    fn base() -> Scenario {
        presets::preset("heart-monitoring").unwrap().scenario
    }

    #[test]
    fn text_fields_take_the_value_as_text() {
        for text in ["2024", "true", "[1, 2]", "null", "{\"a\": 1}"] {
            assert_eq!(set_dotted(&base(), "name", text).unwrap().name, text);
        }
        assert_eq!(set_dotted(&base(), "groups.list.0.name", "2024").unwrap().groups.list[0].name, "2024");
    }

    #[test]
    fn non_finite_numbers_are_refused_as_numbers() {
        for text in ["nan", "NaN", "inf", "-inf", "infinity", "1e999", "-1e999"] {
            let message = set_dotted(&base(), "diffusion.imitation", text).unwrap_err().to_string();
            assert!(message.contains("is not a finite number"), "{text}: {message}");
        }
        let message = set_dotted(&base(), "diffusion.imitation", "lots").unwrap_err().to_string();
        assert!(message.contains("\"lots\" is a string, but this field takes a number"), "{message}");
    }

    #[test]
    fn assignments_are_validated_together() {
        let s = presets::preset("targeted-support").unwrap().scenario;
        let target = s.levers.support.groups[0].clone();
        let index = s.group_index(&target).unwrap();
        let path = format!("groups.list.{index}.name");
        let message = set_dotted(&s, &path, "Renamed").unwrap_err().to_string();
        assert!(message.contains("is not one of the scenario's groups"), "alone it fails: {message}");
        let rename = |list: &[String]| {
            let renamed: Vec<&str> = list.iter().map(|n| if *n == target { "Renamed" } else { n.as_str() }).collect();
            serde_json::to_string(&renamed).unwrap()
        };
        let l = &s.levers;
        let lists = [rename(&l.subsidy.groups), rename(&l.support.groups), rename(&l.connectivity.groups)];
        let both = set_all(
            &s,
            &[
                (&path, "Renamed"),
                ("levers.subsidy.groups", &lists[0]),
                ("levers.support.groups", &lists[1]),
                ("levers.connectivity.groups", &lists[2]),
            ],
        )
        .unwrap();
        assert_eq!(both.groups.list[index].name, "Renamed");
    }

    #[test]
    fn hostile_values_are_escaped_in_messages() {
        let message = set_dotted(&base(), "agents", "\u{1b}[31mred").unwrap_err().to_string();
        assert!(!message.contains('\u{1b}'), "{message:?}");
        let message = set_dotted(&base(), "nope\nnope", "1").unwrap_err().to_string();
        assert!(!message.contains('\n'), "{message:?}");
    }
}
