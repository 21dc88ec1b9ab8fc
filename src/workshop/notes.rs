//! Facilitator notes, one file per preset under `data/workshops/<preset>.json`, compiled in: a sequence of
//! steps (a question for the room, what to change, what to point at, a debrief question), so a new workshop
//! is written as data, without code. A test checks every file: it parses, names a preset, and every change
//! it makes is a valid edit of that preset.

use std::sync::OnceLock;

use serde::Deserialize;

/// The notes files, by preset name. Add a line here for a new `data/workshops/<preset>.json`.
pub const NOTES: [(&str, &str); 3] = [
    ("heart-monitoring", include_str!("../../data/workshops/heart-monitoring.json")),
    ("pilot-ends", include_str!("../../data/workshops/pilot-ends.json")),
    ("targeted-support", include_str!("../../data/workshops/targeted-support.json")),
];

/// One lever change a step makes: a dotted path and its new value, as `rollout run --set` takes them.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub path: String,
    pub value: String,
}

/// One step of a workshop.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// A short title ("Before we start").
    pub title: String,
    /// The question the facilitator asks the room.
    pub question: String,
    /// What to change, in words.
    pub change: String,
    /// The changes the "Make this change" button applies (none: nothing to change).
    #[serde(default)]
    pub set: Vec<Change>,
    /// What to point at on the chart.
    pub point_at: String,
    /// The debrief question.
    pub debrief: String,
    /// Minutes this step takes.
    pub minutes: u32,
}

/// A preset's notes.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    /// The preset they are for (the file's name).
    pub preset: String,
    pub title: String,
    pub steps: Vec<Step>,
}

fn parsed() -> &'static Vec<(&'static str, Notes)> {
    static PARSED: OnceLock<Vec<(&'static str, Notes)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        NOTES.iter().filter_map(|(name, text)| serde_json::from_str(text).ok().map(|n| (*name, n))).collect()
    })
}

/// The notes for `preset`, if it has any.
pub fn for_preset(preset: &str) -> Option<&'static Notes> {
    parsed().iter().find(|(name, _)| *name == preset).map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use rollout_engine::presets;
    use rollout_engine::scenario::set_all;

    use super::*;

    #[test]
    fn every_notes_file_parses_names_its_preset_and_makes_valid_changes() {
        for (name, text) in NOTES {
            let notes: Notes = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}.json: {e}"));
            assert_eq!(notes.preset, name, "{name}.json names another preset");
            let preset = presets::preset(name).unwrap_or_else(|| panic!("{name}.json: no such preset"));
            assert!(!notes.title.trim().is_empty() && !notes.steps.is_empty(), "{name}.json has no steps");
            assert!(notes.steps.len() >= 3, "{name}.json: a workshop has at least a start, a change and a debrief");
            for (i, step) in notes.steps.iter().enumerate() {
                for (field, text) in [
                    ("title", &step.title),
                    ("question", &step.question),
                    ("change", &step.change),
                    ("point_at", &step.point_at),
                    ("debrief", &step.debrief),
                ] {
                    assert!(!text.trim().is_empty(), "{name}.json step {}: empty {field}", i + 1);
                }
                assert!(step.minutes > 0, "{name}.json step {}: no time given", i + 1);
                let pairs: Vec<(&str, &str)> = step.set.iter().map(|c| (c.path.as_str(), c.value.as_str())).collect();
                if let Err(e) = set_all(&preset.scenario, &pairs) {
                    panic!("{name}.json step {}: {e}", i + 1);
                }
            }
            assert_eq!(for_preset(name), Some(&notes));
        }
        assert!(for_preset("bass").is_none());
    }

    #[test]
    fn every_file_in_the_folder_is_compiled_in() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/workshops");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".json"))
            .collect();
        files.sort();
        let mut listed: Vec<String> = NOTES.iter().map(|(n, _)| format!("{n}.json")).collect();
        listed.sort();
        assert_eq!(files, listed, "a notes file in data/workshops is missing from NOTES");
    }

    #[test]
    fn a_workshop_on_the_heart_monitoring_presets_fills_an_hour() {
        let minutes: u32 = ["heart-monitoring", "pilot-ends", "targeted-support"]
            .iter()
            .map(|p| for_preset(p).unwrap().steps.iter().map(|s| s.minutes).sum::<u32>())
            .sum();
        assert!((50..=60).contains(&minutes), "the three heart-monitoring workshops take {minutes} minutes");
    }
}
