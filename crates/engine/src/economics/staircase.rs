//! The inequality staircase (Cookson et al., Distributional Cost-Effectiveness Analysis, OUP 2020): for
//! each group, the share of its people at each step from eligible to benefit, showing where it falls
//! behind.

use serde::{Deserialize, Serialize};

use crate::estimate::Estimate;
use crate::record::{GroupMonth, ReplicateResult};

/// The steps, in order.
pub const STEPS: [&str; 6] = ["eligible", "offered", "took_it_up", "still_using", "data_reviewed", "benefit"];

/// One group's staircase: each step as a share of its eligible people, 0 to 1, averaged over the months of
/// the run (person-months), across replicates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Staircase {
    /// Group name, or `all`.
    pub group: String,
    /// In [`STEPS`] order: eligible (1), registered with an organisation offering it, ever used it, using it,
    /// data reviewed, and benefit (admissions avoided ÷ admissions expected without the programme).
    pub steps: Vec<Estimate>,
}

fn shares(rows: &[&GroupMonth]) -> [f64; 6] {
    let mut sum = [0.0f64; 4];
    let (mut eligible, mut avoided, mut expected) = (0.0, 0.0, 0.0);
    for r in rows {
        eligible += r.eligible as f64;
        sum[0] += r.offered as f64;
        sum[1] += r.ever_adopted() as f64;
        sum[2] += r.active as f64;
        sum[3] += r.reviewed;
        avoided += r.events_avoided;
        expected += r.events + r.events_avoided;
    }
    let share = |x: f64, of: f64| if of > 0.0 { x / of } else { 0.0 };
    [
        1.0,
        share(sum[0], eligible),
        share(sum[1], eligible),
        share(sum[2], eligible),
        share(sum[3], eligible),
        share(avoided, expected),
    ]
}

/// The staircase of every group, then all groups (`names` has the groups then `all`).
pub fn staircases(sorted: &[&ReplicateResult], names: &[String], t: f64) -> Vec<Staircase> {
    let groups = names.len() - 1;
    let per: Vec<Vec<[f64; 6]>> = sorted
        .iter()
        .map(|r| {
            let alls: Vec<GroupMonth> = r.months.iter().skip(1).map(|m| m.all()).collect();
            (0..=groups)
                .map(|g| {
                    let rows: Vec<&GroupMonth> = if g < groups {
                        r.months.iter().skip(1).map(|m| &m.groups[g]).collect()
                    } else {
                        alls.iter().collect()
                    };
                    shares(&rows)
                })
                .collect()
        })
        .collect();
    names
        .iter()
        .enumerate()
        .map(|(g, name)| Staircase {
            group: name.clone(),
            steps: (0..STEPS.len())
                .map(|k| Estimate::from_samples(&per.iter().map(|r| r[g][k]).collect::<Vec<_>>(), t))
                .collect(),
        })
        .collect()
}
