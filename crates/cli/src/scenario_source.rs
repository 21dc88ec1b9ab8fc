//! Where a run's scenario comes from: a file or a preset, then flags on top.

use std::path::Path;

use rollout_engine::scenario::{names, set_all};
use rollout_engine::{presets, Scenario};

use crate::cli::RunArgs;

/// The preset `name`, or a message listing the names.
pub fn preset(name: &str) -> Result<Scenario, String> {
    presets::preset(name)
        .map(|p| p.scenario)
        .ok_or_else(|| format!("unknown preset \"{}\"; presets are: {}", names::shown(name), presets::NAMES.join(", ")))
}

/// Read and validate a scenario file.
pub fn file(path: &Path) -> Result<Scenario, String> {
    let text = crate::input_file::read_text(path, rollout_engine::cost::MAX_SCENARIO_BYTES, "scenario file")?;
    Scenario::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The scenario a run asks for: file or preset, then `--set`, then the shortcut flags; validated.
pub fn resolve(args: &RunArgs) -> Result<Scenario, String> {
    let mut scenario = match (&args.file, &args.preset) {
        (Some(path), _) => file(path)?,
        (None, Some(name)) => preset(name)?,
        (None, None) => preset(presets::DEFAULT)?,
    };
    let mut assignments = Vec::with_capacity(args.set.len());
    for assignment in &args.set {
        let (key, value) = assignment.split_once('=').ok_or_else(|| {
            format!(
                "--set {}: expected KEY=VALUE, e.g. --set levers.subsidy.level=0.8",
                names::one_line(assignment, 80)
            )
        })?;
        assignments.push((key.trim(), value.trim()));
    }
    if !assignments.is_empty() {
        // All at once, validated together: renaming a group and its targeting lists is one change.
        scenario = set_all(&scenario, &assignments).map_err(|e| format!("--set {e}"))?;
    }
    if let Some(n) = args.agents {
        scenario.agents = n;
    }
    if let Some(m) = args.months {
        scenario.months = m;
    }
    if let Some(r) = args.replicates {
        scenario.replicates = r;
    }
    if let Some(s) = args.seed {
        scenario.seed = s;
    }
    scenario.validate().map_err(|e| e.to_string())?;
    Ok(scenario)
}
