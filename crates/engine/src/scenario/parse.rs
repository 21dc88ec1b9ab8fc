//! Reading a scenario's JSON: a UTF-8 byte-order mark is skipped, over-long text is refused before it is
//! parsed, and a value of the wrong type names its field as `--set` takes it (`groups.list.2.access`).

use super::names::one_line;
use super::{Scenario, ScenarioError};
use crate::cost::MAX_SCENARIO_BYTES;

/// Parse (not validate) a scenario from JSON text.
pub(crate) fn parse(text: &str) -> Result<Scenario, ScenarioError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(ScenarioError::Json(format!(
            "{} of text is more than a scenario can be (at most {})",
            crate::cost::bytes(text.len() as f64),
            crate::cost::bytes(MAX_SCENARIO_BYTES as f64)
        )));
    }
    let mut json = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut json)
        .map_err(|e| ScenarioError::Json(at_field(&e.path().to_string(), &e.into_inner().to_string())))
}

/// Convert an already-parsed JSON value (a decoded share link, a scenario after `--set`) into a scenario;
/// a value of the wrong type is [`ScenarioError::Invalid`] naming its field.
pub(crate) fn from_value(value: serde_json::Value) -> Result<Scenario, ScenarioError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = at_field("", &e.into_inner().to_string());
        ScenarioError::Invalid { field: path.replace('[', ".").replace(']', ""), message }
    })
}

/// `field: message` with the field as a dotted path and serde's type names in the user's words.
fn at_field(path: &str, message: &str) -> String {
    let message = message
        .replace("expected f64", "expected a number")
        .replace("expected u32", "expected a whole number from 0 to 4294967295")
        .replace("expected u64", "expected a whole number from 0 to 18446744073709551615")
        .replace("expected a string", "expected text in quotes")
        .replace("expected a boolean", "expected true or false");
    let message = one_line(&message, 300);
    let dotted = path.replace('[', ".").replace(']', "");
    if dotted.is_empty() || dotted == "." {
        message
    } else {
        format!("{dotted}: {message}")
    }
}

#[cfg(test)]
mod tests {
    use crate::presets;
    use crate::Scenario;

    fn preset_json() -> String {
        presets::preset("heart-monitoring").unwrap().scenario.to_json_pretty()
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", preset_json());
        assert_eq!(Scenario::from_json(&text).unwrap(), presets::preset("heart-monitoring").unwrap().scenario);
    }

    #[test]
    fn type_errors_name_the_field() {
        let text = preset_json().replacen("\"access\": 0.", "\"access\": \"high\", \"was\": 0.", 1);
        let message = Scenario::from_json(&text).unwrap_err().to_string();
        assert!(
            message
                .starts_with("scenario JSON: groups.list.0.access: invalid type: string \"high\", expected a number"),
            "{message}"
        );
        let text = preset_json().replacen("\"months\": ", "\"months\": -", 1);
        let message = Scenario::from_json(&text).unwrap_err().to_string();
        assert!(message.contains("months: invalid value: integer `-"), "{message}");
        assert!(message.contains("expected a whole number"), "{message}");
    }

    #[test]
    fn text_over_the_limit_is_refused_unparsed() {
        let text = format!("{}{}", preset_json(), " ".repeat(crate::cost::MAX_SCENARIO_BYTES));
        assert!(Scenario::from_json(&text).unwrap_err().to_string().contains("more than a scenario can be"));
    }
}
