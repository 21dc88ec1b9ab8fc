//! Reading a field of the scenario by its dotted path, for display.

use serde_json::Value;

/// The value at `path` (`levers.subsidy.level`, `groups.list.2.trust`) in a scenario's JSON.
pub fn value_at<'a>(json: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(json, |slot, part| match slot {
        Value::Array(items) => items.get(part.parse::<usize>().ok()?),
        _ => slot.get(part),
    })
}

/// The text a field shows: numbers as written, strings bare, lists comma-separated.
pub fn field_text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(Value::Array(items)) => items.iter().map(|v| field_text(Some(v))).collect::<Vec<_>>().join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_nested_fields_and_list_items() {
        let s = rollout_engine::presets::preset("heart-monitoring").unwrap().scenario;
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(field_text(value_at(&json, "levers.subsidy.level")), "0.5");
        assert_eq!(field_text(value_at(&json, "groups.list.4.name")), "Q5 least deprived");
        assert_eq!(field_text(value_at(&json, "nasss.embedding")), "simple");
        assert_eq!(value_at(&json, "groups.list.9.name"), None);
        assert_eq!(value_at(&json, "levers.nope"), None);
    }
}
