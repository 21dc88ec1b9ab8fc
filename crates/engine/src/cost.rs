//! What a run will cost before it starts: computing time, memory and output size, estimated from the
//! scenario's dimensions, and the ceilings the CLI and the browser hold runs to.
//!
//! The estimate is a sum of the loops the model runs, each with a cost measured on one core of a 2020s
//! laptop (see the constants); it is meant to be right within a factor of about three, which is enough to
//! tell a one-second run from a one-day run before starting either.
//!
//! ```
//! use rollout_engine::{cost, presets};
//! let mut s = presets::preset("heart-monitoring").unwrap().scenario;
//! assert!(cost::check_for_browser(&s).is_ok());
//! s.agents = 50_000_000;
//! s.months = 600;
//! s.replicates = 1_000;
//! let e = cost::estimate(&s);
//! assert!(e.core_seconds > 3600.0 * 24.0);
//! let message = cost::check_for_browser(&s).unwrap_err().to_string();
//! assert!(message.contains("rollout run"));
//! ```

use std::fmt;

use crate::scenario::Scenario;

/// Seconds per agent-month (one person, one month, one replicate): the person loop.
pub const SECONDS_PER_AGENT_MONTH: f64 = 10e-9;
/// Seconds per agent and replicate to build the population.
pub const SECONDS_PER_AGENT_SETUP: f64 = 20e-9;
/// Seconds per organisation-group cell each month: exposure and abandonment tables.
pub const SECONDS_PER_CELL_MONTH: f64 = 100e-9;
/// Seconds per targeting-list entry checked per group each month.
pub const SECONDS_PER_TARGET_CHECK: f64 = 5e-9;

/// Bytes one group's record takes for one month of one replicate (kept until the summary is made).
pub const BYTES_PER_GROUP_MONTH: f64 = 96.0;
/// Bytes of a month's record besides its groups.
pub const BYTES_PER_MONTH: f64 = 64.0;
/// Bytes per agent while a replicate runs.
pub const BYTES_PER_AGENT: f64 = 6.0;
/// Bytes per organisation-group cell while a replicate runs (tables of thresholds and counts).
pub const BYTES_PER_CELL: f64 = 120.0;
/// Bytes of one CSV row (one group in one month), besides the group's name.
pub const CSV_BYTES_PER_ROW: f64 = 560.0;
/// Bytes of JSON per group per month, besides the group's name.
pub const JSON_BYTES_PER_GROUP_MONTH: f64 = 3_000.0;

/// The CLI's ceiling on computing time without `--allow-long`: one hour on one core.
pub const CLI_MAX_CORE_SECONDS: f64 = 3_600.0;
/// The CLI's ceiling on memory without `--allow-long`: 4 GiB.
pub const CLI_MAX_BYTES: f64 = 4.0 * 1024.0 * 1024.0 * 1024.0;
/// The browser's ceiling on computing time: one minute on one core.
pub const BROWSER_MAX_CORE_SECONDS: f64 = 60.0;
/// The browser's ceiling on the results a page holds: 512 MiB (twice that with a pinned baseline, well
/// inside WebAssembly's 4 GiB).
pub const BROWSER_MAX_BYTES: f64 = 512.0 * 1024.0 * 1024.0;

/// Largest scenario text read (a file or an opened file), bytes: 1 MiB. The largest valid scenario (64
/// groups, full targeting lists, a 2,000-character narrative) is about 40 KB of pretty JSON.
pub const MAX_SCENARIO_BYTES: usize = 1024 * 1024;
/// Largest equity table read, bytes: 64 MiB (about two million subgroups).
pub const MAX_TABLE_BYTES: usize = 64 * 1024 * 1024;
/// Largest experiment design or sweep record read, bytes: 64 MiB (a Sobol' design of 8 factors at N = 65,536
/// is about 40 MB).
pub const MAX_DESIGN_BYTES: usize = 64 * 1024 * 1024;
/// Largest merged sweep result read by `rollout analyse`, bytes: 1 GiB (in long format, a Sobol' sweep of
/// 11,264 points x 5 replicates is about 30 MB per response).
pub const MAX_RESULTS_BYTES: usize = 1024 * 1024 * 1024;

/// The estimated cost of running a scenario. Counts are `f64` so that no product overflows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cost {
    /// People x months x replicates.
    pub agent_months: f64,
    /// Organisations x groups x months x replicates.
    pub cell_months: f64,
    /// Computing time on one core, seconds.
    pub core_seconds: f64,
    /// Every replicate's monthly records, bytes: what the CLI and the page hold until the summary is made.
    pub results_bytes: f64,
    /// One replicate's working memory while it runs (people and organisation tables), bytes.
    pub replicate_bytes: f64,
    /// Size of the CSV output, bytes.
    pub csv_bytes: f64,
    /// Size of the JSON output, bytes.
    pub json_bytes: f64,
}

/// Estimate the cost of running `scenario` (valid or not; nothing is run).
pub fn estimate(scenario: &Scenario) -> Cost {
    let agents = scenario.agents as f64;
    let months = scenario.months as f64;
    let replicates = scenario.replicates as f64;
    let groups = scenario.groups.list.len() as f64;
    let organisations = scenario.organisations.count as f64;
    let l = &scenario.levers;
    let targets = (l.subsidy.groups.len() + l.support.groups.len() + l.connectivity.groups.len()) as f64;
    let names: f64 = scenario.groups.list.iter().map(|g| g.name.len() as f64).sum::<f64>() + 3.0;

    let agent_months = agents * months * replicates;
    let cell_months = organisations * groups * months * replicates;
    let core_seconds = agent_months * SECONDS_PER_AGENT_MONTH
        + agents * replicates * SECONDS_PER_AGENT_SETUP
        + cell_months * SECONDS_PER_CELL_MONTH
        + groups * targets * months * replicates * SECONDS_PER_TARGET_CHECK;
    let stored_months = months + 1.0;
    Cost {
        agent_months,
        cell_months,
        core_seconds,
        results_bytes: replicates * stored_months * (groups * BYTES_PER_GROUP_MONTH + BYTES_PER_MONTH),
        replicate_bytes: agents * BYTES_PER_AGENT + organisations * groups * BYTES_PER_CELL,
        csv_bytes: stored_months * ((groups + 1.0) * CSV_BYTES_PER_ROW + names),
        json_bytes: stored_months * ((groups + 1.0) * JSON_BYTES_PER_GROUP_MONTH + names),
    }
}

impl Cost {
    /// Peak memory with `threads` replicates running at once, bytes.
    pub fn memory_bytes(&self, threads: usize) -> f64 {
        self.results_bytes + self.replicate_bytes * threads.max(1) as f64
    }

    /// Wall-clock seconds with `threads` cores (replicates run in parallel, so no more than `replicates`
    /// of them help).
    pub fn wall_seconds(&self, threads: usize, replicates: u32) -> f64 {
        self.core_seconds / threads.clamp(1, replicates.max(1) as usize) as f64
    }
}

/// A run refused because it would cost more than its ceiling.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum CostError {
    /// More computing or memory than the CLI allows without `--allow-long`.
    OverCliCeiling { cost: Cost, memory_bytes: f64 },
    /// More computing or memory than a browser tab can give.
    OverBrowserCeiling { cost: Cost },
}

impl fmt::Display for CostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CostError::OverCliCeiling { cost, memory_bytes } => write!(
                f,
                "this run would take about {} of computing on one core and {} of memory, over the ceiling of {} and {}; \
                 pass --allow-long to run it anyway, or lower agents, months, replicates or organisations.count",
                duration(cost.core_seconds),
                bytes(*memory_bytes),
                duration(CLI_MAX_CORE_SECONDS),
                bytes(CLI_MAX_BYTES)
            ),
            CostError::OverBrowserCeiling { cost } => write!(
                f,
                "This scenario would take about {} of computing and {} of results, more than this page runs \
                 (at most {} and {}). Save it as a file and run it with the command line \
                 (rollout run scenario.json --allow-long --out results.csv).",
                duration(cost.core_seconds),
                bytes(cost.results_bytes),
                duration(BROWSER_MAX_CORE_SECONDS),
                bytes(BROWSER_MAX_BYTES)
            ),
        }
    }
}

impl std::error::Error for CostError {}

/// Refuse a run over the CLI's ceiling ([`CLI_MAX_CORE_SECONDS`], [`CLI_MAX_BYTES`] with `threads`
/// replicates at once); otherwise return its cost.
pub fn check_for_cli(scenario: &Scenario, threads: usize) -> Result<Cost, CostError> {
    let cost = estimate(scenario);
    let memory_bytes = cost.memory_bytes(threads);
    if cost.core_seconds > CLI_MAX_CORE_SECONDS || memory_bytes > CLI_MAX_BYTES {
        return Err(CostError::OverCliCeiling { cost, memory_bytes });
    }
    Ok(cost)
}

/// Refuse a scenario whose results would not fit in a page's memory ([`BROWSER_MAX_BYTES`]) or that would
/// take more than [`BROWSER_MAX_CORE_SECONDS`]; the message offers the CLI command instead. The app calls
/// this wherever it accepts a scenario it did not build itself (a share link, an opened file).
pub fn check_for_browser(scenario: &Scenario) -> Result<(), CostError> {
    let cost = estimate(scenario);
    let working = cost.results_bytes + cost.replicate_bytes;
    if cost.core_seconds > BROWSER_MAX_CORE_SECONDS || working > BROWSER_MAX_BYTES {
        return Err(CostError::OverBrowserCeiling { cost });
    }
    Ok(())
}

/// A duration in short words: `40 s`, `12 min`, `3.5 h`, `2.1 days`.
pub fn duration(seconds: f64) -> String {
    if seconds < 90.0 {
        format!("{} s", libm::ceil(seconds.max(1.0)))
    } else if seconds < 90.0 * 60.0 {
        format!("{} min", libm::round(seconds / 60.0))
    } else if seconds < 48.0 * 3600.0 {
        format!("{:.1} h", seconds / 3600.0)
    } else {
        format!("{:.1} days", seconds / 86_400.0)
    }
}

/// A size in short words: `900 B`, `12 KB`, `3.4 MB`, `3.7 GB` (powers of 1,024).
pub fn bytes(size: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = size;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 || value >= 10.0 {
        format!("{} {}", libm::round(value), UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;

    #[test]
    fn every_preset_runs_in_the_browser_and_the_cli() {
        for p in presets::all() {
            assert_eq!(check_for_browser(&p.scenario), Ok(()), "{}", p.name);
            assert!(check_for_cli(&p.scenario, 8).is_ok(), "{}", p.name);
        }
    }

    #[test]
    fn the_largest_valid_scenario_is_refused_with_its_estimate() {
        let mut s = presets::preset("heart-monitoring").unwrap().scenario;
        (s.agents, s.months, s.replicates) = (50_000_000, 600, 1_000);
        let message = check_for_cli(&s, 2).unwrap_err().to_string();
        assert!(message.contains("days of computing on one core"), "{message}");
        assert!(message.contains("--allow-long"), "{message}");
    }

    #[test]
    fn organisation_tables_count_whatever_the_agents() {
        // One agent, 64 groups, 10,000 organisations, at the longest horizon and most replicates: hours.
        let mut s = presets::preset("bass").unwrap().scenario;
        let group = s.groups.list[0].clone();
        s.groups.list = (0..64).map(|i| crate::scenario::Group { name: format!("G{i}"), ..group.clone() }).collect();
        (s.agents, s.months, s.replicates, s.organisations.count) = (1, 600, 1_000, 10_000);
        let e = estimate(&s);
        assert!(e.core_seconds > CLI_MAX_CORE_SECONDS, "{}", duration(e.core_seconds));
        assert!(check_for_browser(&s).is_err());
        // 1,000 replicates x 601 months x 64 groups of records: gigabytes a page cannot hold.
        s.organisations.count = 1;
        s.agents = 1;
        assert!(estimate(&s).results_bytes > BROWSER_MAX_BYTES * 4.0);
        assert!(check_for_browser(&s).unwrap_err().to_string().contains("of results, more than this page runs"));
    }

    #[test]
    fn estimates_grow_with_every_dimension() {
        let s = presets::preset("heart-monitoring").unwrap().scenario;
        let base = estimate(&s);
        for change in [
            |s: &mut Scenario| s.agents *= 2,
            |s: &mut Scenario| s.months *= 2,
            |s: &mut Scenario| s.replicates *= 2,
            |s: &mut Scenario| s.organisations.count *= 2,
        ] {
            let mut bigger = s.clone();
            change(&mut bigger);
            assert!(estimate(&bigger).core_seconds > base.core_seconds);
        }
    }

    #[test]
    fn short_words_for_durations_and_sizes() {
        assert_eq!(duration(0.2), "1 s");
        assert_eq!(duration(600.0), "10 min");
        assert_eq!(duration(33.0 * 3600.0), "33.0 h");
        assert_eq!(bytes(3.7 * 1024.0 * 1024.0 * 1024.0), "3.7 GB");
        assert_eq!(bytes(512.0), "512 B");
    }
}
